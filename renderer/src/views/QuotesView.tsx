import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CodebookEntry,
  type Language,
  MATCH_MODES,
  ROLE_LEVELS,
  SENTIMENTS,
  TIERS,
} from '../../../shared/domain.ts';
import { quoteOpening } from '../../../shared/opening.ts';
import { kuulo } from '../bridge.ts';
import { useScreen } from '../components/useScreen.ts';
import { attempt, unwrap } from '../store/notify.ts';
import { suggestedFileName, toggle, useQuotes } from '../store/quotes.ts';
import { QuoteExportDialog } from './QuoteExportDialog.tsx';

/** Retrieval: every coded passage of the chosen codes, filtered by who said it and how. */
export function QuotesView({ engagementId }: { engagementId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const filters = useQuotes();
  const [codebook, setCodebook] = useState<CodebookEntry[]>([]);
  const [exporting, setExporting] = useState(false);
  useScreen(t('quotes.title'));
  const set = (patch: Parameters<typeof filters.set>[0]) => filters.set(patch, engagementId);

  useEffect(() => {
    void attempt(async () =>
      setCodebook(await unwrap(kuulo.getCodebook(engagementId ? { engagementId } : {}))),
    );
    void useQuotes.getState().run(engagementId);
  }, [engagementId]);

  const groups = codebook.filter((c) => c.isGroup);
  const codesOf = (parentId: string | null) => codebook.filter((c) => !c.isGroup && c.parentId === parentId);
  const quotes = filters.quotes;
  // The export writes this engagement's quotes that may be quoted: with none, there is nothing to export.
  const exportable = !!engagementId && !!quotes?.some((q) => q.engagementId === engagementId && q.quotable);
  const chips = <T extends string>(
    name: string,
    values: readonly T[],
    chosen: T[],
    label: (v: T) => string,
    key: keyof typeof filters,
  ) => (
    <fieldset className="chips">
      <legend className="field-label">{name}</legend>
      {values.map((v) => (
        <button
          key={v}
          type="button"
          className={`chip${chosen.includes(v) ? ' active' : ''}`}
          aria-pressed={chosen.includes(v)}
          onClick={() => set({ [key]: toggle(chosen, v) })}
        >
          {label(v)}
        </button>
      ))}
    </fieldset>
  );

  return (
    <div className="quotes-page">
      <aside className="quotes-filters">
        <h1>{t('quotes.title')}</h1>
        <p className="muted small">{t('quotes.lead')}</p>
        {engagementId && (
          <fieldset className="chips">
            <legend className="field-label">{t('quotes.scope')}</legend>
            {[false, true].map((all) => (
              <button
                key={String(all)}
                type="button"
                className={`chip${filters.allEngagements === all ? ' active' : ''}`}
                aria-pressed={filters.allEngagements === all}
                onClick={() => set({ allEngagements: all })}
              >
                {all ? t('quotes.scopeAll') : t('quotes.scopeEngagement')}
              </button>
            ))}
          </fieldset>
        )}
        <fieldset className="chips">
          <legend className="field-label">{t('quotes.match')}</legend>
          {MATCH_MODES.map((m) => (
            <button
              key={m}
              type="button"
              className={`chip${filters.match === m ? ' active' : ''}`}
              aria-pressed={filters.match === m}
              onClick={() => set({ match: m })}
            >
              {t(`quotes.matchModes.${m}`)}
            </button>
          ))}
        </fieldset>
        {chips(t('quotes.tier'), TIERS, filters.tiers, (v) => t(`account.tiers.${v}`), 'tiers')}
        {chips(
          t('quotes.roleLevel'),
          ROLE_LEVELS,
          filters.roleLevels,
          (v) => t(`person.roleLevels.${v}`),
          'roleLevels',
        )}
        {chips(
          t('quotes.sentiment'),
          SENTIMENTS,
          filters.sentiments,
          (v) => t(`coding.sentiments.${v}`),
          'sentiments',
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={filters.starredOnly}
            onChange={(e) => set({ starredOnly: e.target.checked })}
          />
          ★ {t('quotes.starredOnly')}
        </label>
        <div className="panel-head">
          <h2>{t('quotes.codes')}</h2>
          {filters.codeIds.length > 0 && (
            <button type="button" className="link" onClick={() => set({ codeIds: [] })}>
              {t('quotes.clear')}
            </button>
          )}
        </div>
        {[...groups.map((g) => [g.name[lang], codesOf(g.id)] as const), ['', codesOf(null)] as const].map(
          ([groupName, codes]) =>
            codes.length > 0 && (
              <fieldset key={groupName} className="code-checks">
                {groupName && <legend className="muted small">{groupName}</legend>}
                {codes.map((c) => (
                  <label key={c.id} className="check">
                    <input
                      type="checkbox"
                      checked={filters.codeIds.includes(c.id)}
                      onChange={() => set({ codeIds: toggle(filters.codeIds, c.id) })}
                    />
                    <span className="swatch" style={{ background: c.color }} />
                    {c.name[lang]} <span className="muted small">{c.usage}</span>
                  </label>
                ))}
              </fieldset>
            ),
        )}
      </aside>
      <section className="quotes-results">
        {!quotes && <p className="empty">{t('quotes.pick')}</p>}
        <div className="panel-head">
          {quotes ? (
            <p className="muted" data-testid="quote-count">
              {t('quotes.count', {
                count: quotes.length,
                interviews: new Set(quotes.map((q) => q.interviewId)).size,
                accounts: new Set(quotes.map((q) => q.accountId)).size,
              })}
            </p>
          ) : (
            <span />
          )}
          {engagementId && (
            <button type="button" disabled={!exportable} onClick={() => setExporting(true)}>
              {t('quoteExport.action')}
            </button>
          )}
        </div>
        {quotes?.length === 0 && <p className="empty">{t('quotes.empty')}</p>}
        <ul className="quote-list">
          {quotes?.map((q) => (
            <li key={q.id} className="quote-card" data-coding={q.id}>
              <blockquote>
                <span className="context">{q.before} </span>
                <mark style={{ boxShadow: `inset 0 -2px 0 ${q.color}` }}>{q.quote}</mark>
                <span className="context"> {q.after}</span>
              </blockquote>
              <div className="quote-meta">
                {q.star && <span title={t('coding.star')}>★</span>}
                <strong>{q.accountName}</strong>
                <span className={`badge tier-${q.tier}`}>{t(`account.tiers.${q.tier}`)}</span>
                <span>{q.roleLevels.map((r) => t(`person.roleLevels.${r}`)).join(', ')}</span>
                {q.sentiment && (
                  <span className={`sentiment ${q.sentiment}`}>{t(`coding.sentiments.${q.sentiment}`)}</span>
                )}
                <span className="muted">{q.interviewDate}</span>
                {!q.quotable && (
                  <span className="badge consent-pending" data-testid="consent-pending">
                    {t('quotes.consentPending')}
                  </span>
                )}
                <span className="code-chip" style={{ borderColor: q.color }}>
                  {q.code[lang]}
                </span>
                {filters.allEngagements && <span className="muted">{q.engagementTitle}</span>}
                {/* Named by its quote: a list of "Open in interview" links cannot be told apart. */}
                <a
                  className="open"
                  href={`#/interview/${q.interviewId}/${q.id}`}
                  aria-label={t('a11y.openQuote', {
                    action: t('quotes.open'),
                    account: q.accountName,
                    date: q.interviewDate,
                    quote: quoteOpening(q.quote),
                  })}
                >
                  {t('quotes.open')} <span aria-hidden="true">→</span>
                </a>
              </div>
              {q.memo && <p className="memo small">{q.memo}</p>}
            </li>
          ))}
        </ul>
      </section>
      {exporting && engagementId && (
        <QuoteExportDialog
          engagementId={engagementId}
          filters={filters}
          fileName={suggestedFileName(
            (codes) => t('quoteExport.defaultName', { codes }),
            filters.codeIds.flatMap((id) => codebook.find((c) => c.id === id)?.name[lang] ?? []),
          )}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
