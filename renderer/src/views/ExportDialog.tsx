import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Engagement, Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import {
  type AnonymizationLevel,
  type ExportJob,
  REPORT_FORMATS,
  REPORT_SECTIONS,
  type ReportFormat,
  type ReportSectionId,
} from '../../../shared/report.ts';
import { kuulo, kuuloEvents } from '../bridge.ts';
import { AnonymityChoice } from '../components/AnonymityChoice.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { IdentityReview } from '../components/IdentityReview.tsx';
import { phraseServiceError, unwrap } from '../store/notify.ts';

const safeName = (text: string): string =>
  text
    .replace(/[/\\:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);

/** Choose what the report contains and how anonymous it is; the export runs on a worker with a progress bar. */
export function ExportDialog({ engagement, onClose }: { engagement: Engagement; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [fileName, setFileName] = useState(safeName(`${engagement.clientName} – ${engagement.title}`));
  const [language, setLanguage] = useState<Language>(engagement.language);
  const [anonymize, setAnonymize] = useState<AnonymizationLevel>('people');
  const [sections, setSections] = useState<ReportSectionId[]>([...REPORT_SECTIONS]);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped when an export fails, so the review shows what stopped it (a name that would leak).
  const [failures, setFailures] = useState(0);
  // The export this dialog started, and what was heard of exports before its id was known.
  const jobId = useRef<string | null>(null);
  const early = useRef(new Map<string, ExportJob>());
  const sectionNames = i18n.getFixedT(language)('report.sections', { returnObjects: true }) as Record<
    ReportSectionId,
    string
  >;

  // Progress and the end arrive as events from the core; nothing is asked for on a timer.
  useEffect(() => {
    const show = (update: ExportJob) => {
      // A late step never hides the end.
      setJob((shown) => (shown?.id === update.id && shown.done ? shown : update));
      if (update.done && update.error) setFailures((n) => n + 1);
    };
    const token = kuuloEvents.subscribe('exportProgress', (update) => {
      if (jobId.current === update.id) show(update);
      // The answer to the start may come after its first events: keep them until it does.
      else if (jobId.current === null) early.current.set(update.id, update);
    });
    return () => kuuloEvents.unsubscribe(token);
  }, []);

  // Start is disabled while the export runs, which would drop the focus on the page: it goes to the
  // progress and the result instead, which a screen reader then reads.
  const status = useRef<HTMLDivElement>(null);
  const start = async () => {
    status.current?.focus();
    setError(null);
    jobId.current = null;
    early.current.clear();
    try {
      const started = await unwrap(
        kuulo.startReportExport({
          engagementId: engagement.id,
          fileName,
          format,
          anonymize,
          language,
          sections,
        }),
      );
      jobId.current = started.id;
      const heard = early.current.get(started.id);
      early.current.clear();
      setJob(heard ?? started);
      if (heard?.done && heard.error) setFailures((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const running = job !== null && !job.done;
  const reviewing = anonymize !== 'none';

  return (
    <Dialog
      title={t('export.title')}
      onClose={onClose}
      wide
      footer={
        <>
          {/* In the footer, so the progress and the result stay in view however far the options scroll. */}
          <div className="export-status" ref={status} tabIndex={-1}>
            {job && (
              <div role="status">
                <div className="export-progress" aria-hidden="true">
                  <span style={{ width: `${Math.round(job.progress * 100)}%` }} />
                </div>
                {!job.done && <p className="muted small">{t('export.working')}</p>}
                {job.done && !job.error && (
                  <p className="export-done">
                    {t('export.done', {
                      path: job.path,
                      seconds: formatter(i18n.language as Language).number((job.ms ?? 0) / 1000, 1),
                    })}
                  </p>
                )}
                {job.error && (
                  <p className="form-error">
                    {t('export.failed', {
                      message: job.failure
                        ? phraseServiceError({ ...job.failure, message: job.error })
                        : job.error,
                    })}
                  </p>
                )}
              </div>
            )}
            {error && <p className="form-error">{error}</p>}
          </div>
          {job?.done && !job.error && window.kuuloShell?.showInFolder && (
            <button type="button" onClick={() => window.kuuloShell?.showInFolder?.(job.path)}>
              {t('export.showInFolder')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('app.close')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={running || !fileName.trim() || !sections.length}
            onClick={start}
          >
            {t('export.start')}
          </button>
        </>
      }
    >
      <div className={`export-layout${reviewing ? ' with-review' : ''}`}>
        <div className="export-options">
          <fieldset className="field">
            <legend className="field-label">{t('export.format')}</legend>
            <div className="export-formats">
              {REPORT_FORMATS.map((f) => (
                <label key={f} className="check export-format">
                  <input
                    type="radio"
                    name="report-format"
                    checked={format === f}
                    onChange={() => setFormat(f)}
                  />
                  <span>
                    {t(`export.formats.${f}`)}
                    <span className="muted small">{t(`export.formatHints.${f}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="field">
            <span className="field-label">{t('export.fileName')}</span>
            <input value={fileName} onChange={(e) => setFileName(e.target.value)} />
          </label>
          <div className="grid2">
            <fieldset className="field">
              <legend className="field-label">{t('export.language')}</legend>
              {(['fi', 'en'] as const).map((l) => (
                <label key={l} className="check">
                  <input
                    type="radio"
                    name="report-language"
                    checked={language === l}
                    onChange={() => setLanguage(l)}
                  />
                  {l === 'fi' ? 'Suomi' : 'English'}
                </label>
              ))}
            </fieldset>
            <AnonymityChoice name="anonymize" value={anonymize} onChange={setAnonymize} />
          </div>
          <fieldset className="field">
            <legend className="field-label">{t('export.sections')}</legend>
            <div className="grid2">
              {REPORT_SECTIONS.map((id) => (
                <label key={id} className="check">
                  <input
                    type="checkbox"
                    checked={sections.includes(id)}
                    onChange={(e) =>
                      setSections((s) =>
                        e.target.checked
                          ? REPORT_SECTIONS.filter((x) => x === id || s.includes(x))
                          : s.filter((x) => x !== id),
                      )
                    }
                  />
                  {sectionNames[id]}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {reviewing && (
          <IdentityReview
            request={{ engagementId: engagement.id, format, anonymize, language, sections }}
            reloadToken={failures}
          />
        )}
      </div>
    </Dialog>
  );
}
