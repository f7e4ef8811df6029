import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain.ts';
import {
  type AnonymizationLevel,
  QUOTE_EXPORT_FORMATS,
  type QuoteExportFormat,
  type QuoteExportResult,
} from '../../../shared/report.ts';
import { kuulo } from '../bridge.ts';
import { AnonymityChoice } from '../components/AnonymityChoice.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { IdentityReview } from '../components/IdentityReview.tsx';
import { unwrap } from '../store/notify.ts';
import { type QuoteFilters, quoteFilters } from '../store/quotes.ts';

interface Props {
  engagementId: string;
  filters: QuoteFilters;
  /** Prefilled from the chosen codes' names. */
  fileName: string;
  onClose: () => void;
}

/** The Quotes view's quotes, with its filters, to Word, Excel or CSV; the engagement's anonymiser masks them. */
export function QuoteExportDialog({ engagementId, filters, fileName: suggested, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<QuoteExportFormat>('docx');
  const [anonymize, setAnonymize] = useState<AnonymizationLevel>('people');
  const [fileName, setFileName] = useState(suggested);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<QuoteExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped when an export fails, so the review shows what stopped it (a name that would leak).
  const [failures, setFailures] = useState(0);
  const language = i18n.language as Language;
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const start = async () => {
    setError(null);
    setDone(null);
    setRunning(true);
    try {
      setDone(
        await unwrap(
          kuulo.exportQuotes({
            ...quoteFilters(filters),
            engagementId,
            format,
            anonymize,
            fileName,
            // Labels and code names in the language the consultant reads them in now.
            language,
          }),
        ),
      );
    } catch (e) {
      setError((e as Error).message);
      setFailures((n) => n + 1);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog
      title={t('quoteExport.title')}
      onClose={onClose}
      wide
      footer={
        <>
          {done && window.kuuloShell?.showInFolder && (
            <button type="button" onClick={() => window.kuuloShell?.showInFolder?.(done.path)}>
              {t('export.showInFolder')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('app.close')}
          </button>
          <button type="button" className="primary" disabled={running || !fileName.trim()} onClick={start}>
            {t('quoteExport.start')}
          </button>
        </>
      }
    >
      <div className={`export-layout${anonymize !== 'none' ? ' with-review' : ''}`}>
        <div className="export-options">
          <fieldset className="field">
            <legend className="field-label">{t('quoteExport.format')}</legend>
            {QUOTE_EXPORT_FORMATS.map((f, i) => (
              <label key={f} className="check">
                <input
                  ref={i === 0 ? first : undefined}
                  type="radio"
                  name="quote-export-format"
                  checked={format === f}
                  onChange={() => {
                    setFormat(f);
                    setDone(null);
                  }}
                />
                {t(`quoteExport.formats.${f}`)}
              </label>
            ))}
          </fieldset>
          <AnonymityChoice name="quote-export-anonymize" value={anonymize} onChange={setAnonymize} />
          <label className="field">
            <span className="field-label">{t('quoteExport.fileName')}</span>
            <input value={fileName} onChange={(e) => setFileName(e.target.value)} />
          </label>
          {filters.allEngagements && <p className="muted small">{t('quoteExport.scopeNote')}</p>}
          <div role="status">
            {running && <p className="muted small">{t('quoteExport.working')}</p>}
            {done && (
              <>
                <p className="export-done">
                  {t('quoteExport.done', { count: done.quotes, path: done.path })}
                </p>
                {done.withheld > 0 && (
                  <p className="muted small">{t('quoteExport.withheld', { count: done.withheld })}</p>
                )}
              </>
            )}
          </div>
          {error && <p className="form-error">{error}</p>}
        </div>
        {/* The same review as the report's: the workbook's covers every coded passage, so every quote. */}
        {anonymize !== 'none' && (
          <IdentityReview
            request={{ engagementId, format: 'xlsx', anonymize, language }}
            reloadToken={failures}
            passages
          />
        )}
      </div>
    </Dialog>
  );
}
