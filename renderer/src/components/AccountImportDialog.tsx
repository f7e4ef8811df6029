import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_IMPORT_FIELDS,
  type AccountImportField,
  type AccountImportPreview,
  type ColumnMapping,
  type FieldChange,
} from '../../../shared/accountImport.ts';
import { accountImportPhrases } from '../../../shared/accountImportText.ts';
import type { Language } from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { ServiceError, unwrap, useNotify } from '../store/notify.ts';
import { Dialog } from './Dialog.tsx';
import { ImportProgressView } from './ImportProgress.tsx';
import './accountImport.css';

interface Props {
  engagementId: string;
  onClose: () => void;
  /** After an import: the list reloads. */
  onImported: () => Promise<void> | void;
}

interface Loaded {
  fileName: string;
  data: string;
  sheet: string | undefined;
  preview: AccountImportPreview;
}

const SHOWN_ACCOUNTS = 40;

/** Bytes to base64 in slices: spreading a whole megabyte into fromCharCode overflows the stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Importing the client's list: choose the file, say what each column holds (the suggestion is
 * preselected), read the summary, confirm. Every step asks the core; nothing is written before Import.
 */
export function AccountImportDialog({ engagementId, onClose, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<'file' | 'mapping' | 'summary'>('file');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e instanceof ServiceError ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const preview = (base: Omit<Loaded, 'preview'>, withMapping?: ColumnMapping) =>
    unwrap(
      kuulo.previewAccountImport({
        engagementId,
        fileName: base.fileName,
        data: base.data,
        ...(base.sheet !== undefined ? { sheet: base.sheet } : {}),
        ...(withMapping ? { mapping: withMapping } : {}),
      }),
    );

  async function chooseFile(file: File) {
    await run(async () => {
      const base = {
        fileName: file.name,
        data: toBase64(new Uint8Array(await file.arrayBuffer())),
        sheet: undefined,
      };
      const result = await preview(base);
      setLoaded({ ...base, sheet: result.sheet, preview: result });
      setMapping(result.mapping);
      setStep('mapping');
    });
  }

  async function chooseSheet(sheet: string) {
    if (!loaded) return;
    await run(async () => {
      const result = await preview({ ...loaded, sheet });
      setLoaded({ ...loaded, sheet, preview: result });
      setMapping(result.mapping);
    });
  }

  async function showSummary() {
    if (!loaded) return;
    if (!mapping.includes('name')) {
      setError(t('accountImport.needsName'));
      return;
    }
    await run(async () => {
      const result = await preview(loaded, mapping);
      setLoaded({ ...loaded, preview: result });
      setStep('summary');
    });
  }

  async function confirm() {
    if (!loaded) return;
    await run(async () => {
      const summary = await unwrap(
        kuulo.importAccounts({
          engagementId,
          fileName: loaded.fileName,
          data: loaded.data,
          ...(loaded.sheet !== undefined ? { sheet: loaded.sheet } : {}),
          mapping,
        }),
      );
      useNotify.getState().push(
        'info',
        t('accountImport.done', {
          accounts: t('accountImport.accountsNew', { count: summary.accountsCreated }),
          people: t('accountImport.peopleNew', { count: summary.peopleCreated }),
        }),
      );
      await onImported();
      onClose();
    });
  }

  // The same words as `kuulo import-accounts` uses for the plan.
  const { fieldLabel, valueText, problemText } = accountImportPhrases(i18n.language as Language);
  const changeText = (changes: FieldChange[]) =>
    changes.map((c) => `${fieldLabel(c.field)}: ${valueText(c.field, c.to)}`).join(', ');
  const keptText = (changes: FieldChange[]) =>
    changes
      .map((c) =>
        t('accountImport.keptChange', {
          field: fieldLabel(c.field),
          from: valueText(c.field, c.from),
          to: valueText(c.field, c.to),
        }),
      )
      .join(', ');

  const p = loaded?.preview;
  const totals = p?.plan.totals;
  const nothingToDo = totals
    ? totals.accountsNew + totals.accountsFilled + totals.peopleNew === 0 &&
      !p?.plan.accounts.some((a) => a.people.some((x) => x.fills.length))
    : true;

  const footer =
    step === 'file' ? (
      <button type="button" onClick={onClose}>
        {t('app.cancel')}
      </button>
    ) : step === 'mapping' ? (
      <>
        <button type="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void showSummary()}>
          {t('accountImport.showSummary')}
        </button>
      </>
    ) : (
      <>
        <button type="button" onClick={() => setStep('mapping')}>
          {t('accountImport.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || nothingToDo}
          onClick={() => void confirm()}
        >
          {t('accountImport.confirm')}
        </button>
      </>
    );

  return (
    <Dialog title={t('accountImport.title')} onClose={onClose} footer={footer} wide>
      <div className="account-import" aria-busy={busy}>
        <ImportProgressView kind="accounts" busy={busy} />
        {step === 'file' && (
          <div className="ai-file">
            <p>{t('accountImport.intro')}</p>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              // Out of the tab order and named: the button beside it is what the keyboard reaches.
              hidden
              aria-label={t('accountImport.chooseFile')}
              id="account-import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void chooseFile(file);
                e.target.value = '';
              }}
            />
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => fileInput.current?.click()}
            >
              {busy ? t('accountImport.reading') : t('accountImport.chooseFile')}
            </button>
          </div>
        )}

        {step === 'mapping' && p && (
          <>
            <div className="ai-source">
              <strong>{loaded.fileName}</strong>
              {p.sheets.length > 1 && (
                <label className="ai-sheet">
                  {t('accountImport.sheet')}
                  <select value={p.sheet} onChange={(e) => void chooseSheet(e.target.value)} disabled={busy}>
                    {p.sheets.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <span className="muted">
                {t('accountImport.headerRow', { row: p.headerRow })}
                {p.csv &&
                  ` · ${t('accountImport.csvRead', {
                    encoding: p.csv.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8',
                    separator: t(
                      `accountImport.separators.${p.csv.separator === ';' ? 'semicolon' : p.csv.separator === ',' ? 'comma' : 'tab'}`,
                    ),
                  })}`}
              </span>
            </div>
            <h3 className="ai-heading">{t('accountImport.mappingTitle')}</h3>
            <table className="table compact ai-mapping">
              <thead>
                <tr>
                  <th>{t('accountImport.column')}</th>
                  <th>{t('accountImport.samples')}</th>
                  <th>{t('accountImport.field')}</th>
                </tr>
              </thead>
              <tbody>
                {p.columns.map((column, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions in the sheet
                  <tr key={i} className={mapping[i] ? 'mapped' : 'unmapped'}>
                    <th scope="row">
                      {column.header || <span className="muted">{t('accountImport.noHeader')}</span>}
                    </th>
                    <td className="ai-samples">{column.samples.join(' · ')}</td>
                    <td>
                      <select
                        aria-label={`${column.header || i + 1}: ${t('accountImport.field')}`}
                        value={mapping[i] ?? ''}
                        onChange={(e) => {
                          const next = [...mapping];
                          next[i] = (e.target.value || null) as AccountImportField | null;
                          setMapping(next);
                        }}
                      >
                        <option value="">{fieldLabel(null)}</option>
                        {ACCOUNT_IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {fieldLabel(f)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {mapping.includes('email') && <p className="muted ai-note">{t('accountImport.emailNote')}</p>}
          </>
        )}

        {step === 'summary' && p && totals && (
          <>
            <h3 className="ai-heading">{t('accountImport.summaryTitle')}</h3>
            <ul className="ai-totals" aria-label={t('accountImport.summaryTitle')}>
              <li className="strong">{t('accountImport.accountsNew', { count: totals.accountsNew })}</li>
              {totals.accountsMatched > 0 && (
                <li>
                  {t('accountImport.accountsMatched', { count: totals.accountsMatched })}
                  {totals.accountsFilled > 0 &&
                    `, ${t('accountImport.accountsFilled', { count: totals.accountsFilled })}`}
                </li>
              )}
              <li className="strong">{t('accountImport.peopleNew', { count: totals.peopleNew })}</li>
              {totals.peopleMatched > 0 && (
                <li>{t('accountImport.peopleMatched', { count: totals.peopleMatched })}</li>
              )}
              {totals.peopleSkipped > 0 && (
                <li>{t('accountImport.peopleSkipped', { count: totals.peopleSkipped })}</li>
              )}
              {totals.rowsSkipped > 0 && (
                <li className="warn">{t('accountImport.rowsSkipped', { count: totals.rowsSkipped })}</li>
              )}
            </ul>
            {nothingToDo && <p className="empty">{t('accountImport.nothing')}</p>}

            {p.plan.problems.length > 0 && (
              <section className="ai-problems">
                <h4>{t('accountImport.problemsTitle')}</h4>
                <ul>
                  {p.plan.problems.map((problem, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their place
                    <li key={i} className={problem.skipped ? 'skipped' : ''}>
                      <span className="ai-row">{t('accountImport.row', { row: problem.row })}</span>{' '}
                      {problemText(problem)}
                    </li>
                  ))}
                </ul>
              </section>
            )}

            {p.plan.readings.length > 0 && (
              <section className="ai-readings">
                <h4>{t('accountImport.readingsTitle')}</h4>
                <ul>
                  {p.plan.readings.map((r) => (
                    <li key={`${r.field}:${r.value}`}>
                      {fieldLabel(r.field)}: {t('accountImport.quoted', { value: r.value })} →{' '}
                      <strong>{valueText(r.field, r.as)}</strong>{' '}
                      <span className="muted">({t('accountImport.readingRows', { count: r.rows })})</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}

            <h4>{t('accountImport.accountsTitle')}</h4>
            <table className="table compact ai-accounts">
              <tbody>
                {p.plan.accounts.slice(0, SHOWN_ACCOUNTS).map((a) => (
                  <tr key={`${a.row}:${a.name}`}>
                    <td>
                      <span className={`badge ${a.action === 'create' ? 'ai-new' : 'ai-matched'}`}>
                        {a.action === 'create' ? t('accountImport.new') : t('accountImport.matched')}
                      </span>
                    </td>
                    <td>
                      <strong>{a.name}</strong>
                      {a.existingName && a.existingName !== a.name && (
                        <span className="muted">
                          {' '}
                          · {t('accountImport.matchedAs', { name: a.existingName })}
                        </span>
                      )}
                      {a.fills.length > 0 && (
                        <div className="ai-change">
                          {t('accountImport.fills', { changes: changeText(a.fills) })}
                        </div>
                      )}
                      {a.kept.length > 0 && (
                        <div className="ai-change muted">
                          {t('accountImport.kept', { changes: keptText(a.kept) })}
                        </div>
                      )}
                    </td>
                    <td className="muted">
                      {/* A matched account keeps its stored tier; the file's is only said. */}
                      {valueText('tier', a.kept.find((c) => c.field === 'tier')?.from ?? a.fields.tier)}
                    </td>
                    <td className="ai-people">
                      {a.people
                        .filter((x) => x.action !== 'skip')
                        .map((x) => x.name)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {p.plan.accounts.length > SHOWN_ACCOUNTS && (
              <p className="muted">
                {t('accountImport.more', { count: p.plan.accounts.length - SHOWN_ACCOUNTS })}
              </p>
            )}
          </>
        )}

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
