import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COOCCURRENCE_LEVELS,
  type CooccurrenceLevel,
  CROSSTAB_ATTRIBUTES,
  type CrosstabAttribute,
  type EngagementStats,
} from '../../../shared/analysis.ts';
import { benchmarkLabel } from '../../../shared/benchmark.ts';
import {
  benchmarkChart,
  benchmarkFigures,
  COVERAGE_DECIMALS,
  coverageChart,
  coverageShares,
  npsChart,
  prevalenceChart,
} from '../../../shared/charts.ts';
import type { Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { heatStyle } from '../../../shared/heat.ts';
import { changeColour, changeMeaning } from '../../../shared/polarity.ts';
import { isInterim, SMALL_NPS_N } from '../../../shared/sample.ts';
import { kuulo } from '../bridge.ts';
import { BenchmarkPicker } from '../components/BenchmarkPicker.tsx';
import { Chart } from '../components/Chart.tsx';
import { ChoiceChips } from '../components/ChoiceChips.tsx';
import { focusHeading } from '../components/focus.ts';
import { HeatTable } from '../components/HeatTable.tsx';
import { useScreen } from '../components/useScreen.ts';
import { attempt, unwrap } from '../store/notify.ts';
import { drillDown, type QuoteFilters } from '../store/quotes.ts';
import { useWorkspace } from '../store/workspace.ts';

/** Filters that select the interviews in one crosstab column. */
function columnFilter(attribute: CrosstabAttribute, value: string): Partial<QuoteFilters> {
  switch (attribute) {
    case 'tier':
      return { tiers: [value as QuoteFilters['tiers'][number]] };
    case 'roleLevel':
      return { roleLevels: [value as QuoteFilters['roleLevels'][number]] };
    case 'importance':
      return { importances: [value as QuoteFilters['importances'][number]] };
    case 'lifecycle':
      return { lifecycles: [value as QuoteFilters['lifecycles'][number]] };
  }
}

export function AnalysisView({ engagementId }: { engagementId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [stats, setStats] = useState<EngagementStats | null>(null);
  const [attribute, setAttribute] = useState<CrosstabAttribute>('tier');
  const [level, setLevel] = useState<CooccurrenceLevel>('interview');
  const [weighted, setWeighted] = useState(false);
  const current = useWorkspace((s) => s.current);
  // Bumped when the benchmark's comparators change, to fetch the figures again.
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    setStats(null);
    void attempt(async () => setStats(await unwrap(kuulo.engagementStats({ engagementId }))));
    if (current?.engagement.id !== engagementId)
      void attempt(() => useWorkspace.getState().loadEngagement(engagementId));
  }, [engagementId, current?.engagement.id]);

  // New comparators: the figures again, in place (the page stays where it is).
  useEffect(() => {
    if (reloads > 0)
      void attempt(async () => setStats(await unwrap(kuulo.engagementStats({ engagementId }))));
  }, [engagementId, reloads]);

  const charts = useMemo(
    () =>
      stats && {
        prevalence: prevalenceChart(stats.prevalence, lang),
        nps: npsChart(stats.scores, lang),
        coverage: coverageChart(stats.coverage, lang),
        benchmark: benchmarkChart(stats.benchmark, lang, undefined, stats.prevalence),
      },
    [stats, lang],
  );

  useScreen(
    t('analysis.title'),
    stats && charts && current ? `${current.engagement.clientName} · ${current.engagement.title}` : undefined,
  );
  if (!stats || !charts) return <p className="loading page">{t('app.loading')}</p>;
  const drill = (filters: Partial<QuoteFilters>) => drillDown(engagementId, filters);
  // Figures as the report and the charts print them: from counts, rounded once, in the UI language.
  const f = formatter(lang);
  const coverage = coverageShares(stats.coverage);
  const valueName = (attr: CrosstabAttribute, value: string): string => {
    switch (attr) {
      case 'tier':
        return t(`account.tiers.${value}`);
      case 'roleLevel':
        return t(`person.roleLevels.${value}`);
      case 'importance':
        return value;
      case 'lifecycle':
        return t(`account.lifecycles.${value}`);
    }
  };
  const used = stats.prevalence.filter((r) => r.interviews > 0);
  const crosstab = stats.crosstabs[attribute];
  const matrix = stats.cooccurrence[level];
  return (
    <div className="page analysis">
      <header className="page-header">
        <div>
          <span className="card-kicker">{current?.engagement.clientName}</span>
          <h1>
            {t('analysis.title')} · {current?.engagement.title}
          </h1>
          <p className="muted">
            {t('analysis.lead')}{' '}
            {t('analysis.base', {
              interviews: t('analysis.baseInterviews', { count: stats.base.interviews }),
              accounts: t('analysis.baseAccounts', { count: stats.base.accounts }),
            })}
          </p>
          <p className="muted small" data-testid="sample-rule">
            {t('analysis.sampleRule')}
            {stats.sample.declined > 0 && ` ${t('analysis.declined', { count: stats.sample.declined })}`}
          </p>
          {isInterim(stats.sample) && (
            <p className="interim-mark" data-testid="interim">
              {t('analysis.interim', { held: stats.sample.held, total: stats.sample.total })}
            </p>
          )}
        </div>
      </header>
      <nav className="section-nav">
        {['prevalence', 'crosstab', 'cooccurrence', 'scores', 'keyPerson', 'coverage', 'benchmark'].map(
          (id) => (
            <a
              key={id}
              href={`#/analysis/${engagementId}`}
              onClick={(e) => {
                e.preventDefault();
                // The focus follows, so Tab goes on from the section and not from the top of the page.
                const section = document.getElementById(`section-${id}`);
                focusHeading(section?.querySelector('h2'), { preventScroll: true });
                section?.scrollIntoView({ behavior: 'smooth' });
              }}
            >
              {t(`analysis.${id}`)}
            </a>
          ),
        )}
      </nav>
      {used.length === 0 && <p className="empty">{t('analysis.noData')}</p>}

      <section id="section-prevalence" className="analysis-section">
        <div className="panel-head">
          <h2>{t('analysis.prevalence')}</h2>
          <label className="check small">
            <input type="checkbox" checked={weighted} onChange={(e) => setWeighted(e.target.checked)} />
            {t('analysis.weighted')}
          </label>
        </div>
        <div className="analysis-grid">
          <Chart spec={charts.prevalence} />
          <table className="table compact">
            <thead>
              <tr>
                <th>{t('analysis.code')}</th>
                <th className="num">{t('analysis.interviews')}</th>
                <th className="num">{t('analysis.accounts')}</th>
                {weighted && <th className="num">{t('analysis.revenue')}</th>}
                <th className="num">{t('analysis.codings')}</th>
                <th>{t('analysis.sentiment')}</th>
              </tr>
            </thead>
            <tbody>
              {used.map((row) => (
                <tr key={row.codeId} data-code={row.codeId}>
                  <th scope="row">
                    <span className="swatch" style={{ background: row.color }} /> {row.code[lang]}
                  </th>
                  <td className="num">
                    <NumLink
                      onOpen={drill}
                      filters={{ codeIds: [row.codeId] }}
                      row={row.code[lang]}
                      column={t('analysis.interviews')}
                      value={`${row.interviews} (${f.percent(row.interviews, row.base.interviews)})`}
                    >
                      {row.interviews}{' '}
                      <span className="muted">({f.percent(row.interviews, row.base.interviews)})</span>
                    </NumLink>
                  </td>
                  <td className="num">
                    {row.accounts}{' '}
                    <span className="muted">({f.percent(row.accounts, row.base.accounts)})</span>
                  </td>
                  {weighted && (
                    <td className="num">
                      {/* From the sums, rounded once: revenuePct is already rounded to one decimal. */}
                      {row.base.revenue > 0 ? f.percent(row.revenue, row.base.revenue) : '–'}
                    </td>
                  )}
                  <td className="num">{row.codings}</td>
                  <td>
                    <SentimentBar
                      mix={row.sentiment}
                      code={row.code[lang]}
                      onPick={(s) => drill({ codeIds: [row.codeId], sentiments: [s] })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {weighted && stats.base.revenueUnknown > 0 && (
          <p className="muted small">{t('analysis.revenueUnknown', { count: stats.base.revenueUnknown })}</p>
        )}
      </section>

      <section id="section-crosstab" className="analysis-section">
        <div className="panel-head">
          <h2>{t('analysis.crosstab')}</h2>
          <ChoiceChips
            values={CROSSTAB_ATTRIBUTES}
            chosen={attribute}
            label={(a) => t(`analysis.attributes.${a}`)}
            onChoose={setAttribute}
          />
        </div>
        <HeatTable className="table compact heatmap" data-testid="crosstab">
          <thead>
            <tr>
              <th>{t('analysis.code')}</th>
              {crosstab.columns.map((c) => (
                <th key={c.value} className="num">
                  {valueName(attribute, c.value)}
                  <br />
                  <span className={c.smallN ? 'warning' : 'muted'}>
                    n = {c.n}
                    {c.smallN && ' *'}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {crosstab.rows
              .filter((r) => r.cells.some((c) => c.interviews > 0))
              .map((row) => (
                <tr key={row.codeId}>
                  <th scope="row">{row.code[lang]}</th>
                  {row.cells.map((cell, i) => {
                    const column = crosstab.columns[i]!;
                    // A share of fewer than 5 interviews is greyed and hatched instead of coloured by size.
                    return (
                      <td
                        key={column.value}
                        className={`num${cell.smallN ? ' small-n-cell' : ''}`}
                        data-small-n={cell.smallN || undefined}
                        title={`${f.percent(cell.interviews, cell.n)} (${cell.interviews}/${cell.n})`}
                        style={cell.smallN ? undefined : heatStyle(cell.pct)}
                      >
                        {cell.interviews > 0 ? (
                          <NumLink
                            onOpen={drill}
                            filters={{ codeIds: [row.codeId], ...columnFilter(attribute, column.value) }}
                            row={row.code[lang]}
                            column={valueName(attribute, column.value)}
                            value={`${f.percent(cell.interviews, column.n)} (${cell.interviews})`}
                          >
                            {f.percent(cell.interviews, column.n)}{' '}
                            <span className="cell-n">({cell.interviews})</span>
                          </NumLink>
                        ) : (
                          <span className="muted">–</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
          </tbody>
        </HeatTable>
        {crosstab.columns.some((c) => c.smallN) && (
          <p className="muted small small-n-legend" data-testid="small-n-legend">
            <span className="small-n-swatch" /> * {t('analysis.smallNCell')}
          </p>
        )}
      </section>

      <section id="section-cooccurrence" className="analysis-section">
        <div className="panel-head">
          <h2>{t('analysis.cooccurrence')}</h2>
          <ChoiceChips
            values={COOCCURRENCE_LEVELS}
            chosen={level}
            label={(l) => t(`analysis.levels.${l}`)}
            onChoose={setLevel}
          />
        </div>
        <div className="matrix-wrap">
          <HeatTable className="table compact heatmap matrix">
            <thead>
              <tr>
                {/* The corner holds nothing: a header cell there would be an empty header. */}
                <td />
                {matrix.codes.map((c) => (
                  <th key={c.codeId} className="rotated" title={c.code[lang]}>
                    <span>{c.code[lang]}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.codes.map((row, i) => {
                const max = Math.max(1, ...matrix.counts.flatMap((r, a) => r.filter((_, b) => a !== b)));
                return (
                  <tr key={row.codeId}>
                    <th className="row-head" scope="row">
                      {row.code[lang]}
                    </th>
                    {matrix.counts[i]!.map((count, j) => {
                      const other = matrix.codes[j]!;
                      const diagonal = i === j;
                      return (
                        <td
                          key={other.codeId}
                          className={`num${diagonal ? ' diagonal' : ''}`}
                          style={diagonal ? undefined : heatStyle((count / max) * 100)}
                        >
                          {count > 0 && !diagonal ? (
                            <NumLink
                              onOpen={drill}
                              filters={{
                                codeIds: [row.codeId, other.codeId],
                                match: level === 'interview' ? 'interview' : 'all',
                              }}
                              row={row.code[lang]}
                              column={other.code[lang]}
                              value={String(count)}
                            >
                              {count}
                            </NumLink>
                          ) : diagonal ? (
                            <span className="muted">{count}</span>
                          ) : (
                            ''
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </HeatTable>
        </div>
      </section>

      <section id="section-scores" className="analysis-section">
        <h2>{t('analysis.scores')}</h2>
        {stats.scores.every((s) => s.n === 0) ? (
          <p className="muted">{t('analysis.noScores')}</p>
        ) : (
          <div className="analysis-grid">
            <Chart spec={charts.nps} />
            <table className="table compact">
              <thead>
                <tr>
                  <th>{t('analysis.group')}</th>
                  <th className="num">n</th>
                  <th className="num">{t('analysis.promoters')}</th>
                  <th className="num">{t('analysis.passives')}</th>
                  <th className="num">{t('analysis.detractors')}</th>
                  <th className="num">{t('analysis.nps')}</th>
                  <th className="num">{t('analysis.satisfaction')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.scores.map((s) => (
                  <tr key={s.group} className={s.smallN ? 'small-n' : ''}>
                    <th scope="row">
                      {s.group === 'all' ? t('charts.all') : t(`account.tiers.${s.group}`)}
                      {s.smallN && s.n > 0 && (
                        <span className="warning small" title={t('analysis.smallN')}>
                          {' '}
                          ⚠
                        </span>
                      )}
                    </th>
                    <td className="num">{s.n}</td>
                    <td className="num">{s.promoters}</td>
                    <td className="num">{s.passives}</td>
                    <td className="num">{s.detractors}</td>
                    <td className="num strong">{s.nps === null ? '–' : f.number(s.nps)}</td>
                    <td className="num">
                      {s.satisfactionMean === null ? '–' : f.number(s.satisfactionMean, 1)}{' '}
                      <span className="muted">(n = {s.satisfactionN})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {stats.scores.some((s) => s.smallN && s.n > 0) && (
          <p className="warning small">⚠ {t('analysis.smallN')}</p>
        )}
        {stats.scores.some((s) => s.n > 0 && s.n < SMALL_NPS_N) && (
          <p className="muted small">{t('analysis.npsDistribution')}</p>
        )}
      </section>

      <section id="section-keyPerson" className="analysis-section">
        <h2>{t('analysis.keyPerson')}</h2>
        <p className="muted small">{t('analysis.keyPersonLead')}</p>
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('analysis.accounts')}</th>
              <th>{t('analysis.tier')}</th>
              <th className="num">{t('analysis.interviews')}</th>
              <th className="num">{t('analysis.people')}</th>
              <th className="num">{t('analysis.strategic')}</th>
              <th className="num">{t('analysis.operational')}</th>
              <th>
                <span className="visually-hidden">{t('a11y.riskNote')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.keyPersonRisk.map((r) => (
              <tr key={r.accountId} className={r.singlePerson ? 'risk' : ''}>
                <th scope="row">{r.account}</th>
                <td>
                  <span className={`badge tier-${r.tier}`}>{t(`account.tiers.${r.tier}`)}</span>
                </td>
                <td className="num">{r.interviews}</td>
                <td className="num strong">{r.people}</td>
                <td className="num">{r.strategic}</td>
                <td className="num">{r.operational}</td>
                <td>
                  {r.singlePerson && (
                    <span className="badge note-badge risk-badge">{t('analysis.singlePerson')}</span>
                  )}
                  {r.noContacts && <span className="badge note-badge">{t('analysis.noContacts')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section id="section-coverage" className="analysis-section">
        <h2>{t('analysis.coverage')}</h2>
        <div className="analysis-grid">
          <Chart spec={charts.coverage} />
          <table className="table compact">
            <thead>
              <tr>
                <th>{t('analysis.tier')}</th>
                <th className="num">{t('analysis.interviews')}</th>
                <th className="num">{t('analysis.accounts')}</th>
                <th className="num">{t('analysis.revenue')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.coverage.map((r, i) => (
                <tr key={r.tier}>
                  <th scope="row">{t(`account.tiers.${r.tier}`)}</th>
                  <td className="num">
                    {r.interviews}{' '}
                    <span className="muted">
                      ({f.percentValue(coverage.interviews[i] ?? 0, COVERAGE_DECIMALS)})
                    </span>
                  </td>
                  <td className="num">
                    {r.accounts}{' '}
                    <span className="muted">
                      ({f.percentValue(coverage.accounts[i] ?? 0, COVERAGE_DECIMALS)})
                    </span>
                  </td>
                  <td className="num">
                    {r.revenueUnknown === r.accounts
                      ? '–'
                      : f.percentValue(coverage.revenue[i] ?? 0, COVERAGE_DECIMALS)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {stats.coverage.some((r) => r.revenueUnknown > 0) && (
          <p className="muted small">
            {t('analysis.revenueUnknown', {
              count: stats.coverage.reduce((sum, r) => sum + r.revenueUnknown, 0),
            })}
          </p>
        )}
      </section>

      <section id="section-benchmark" className="analysis-section">
        <div className="panel-head">
          <h2>{t('analysis.benchmark')}</h2>
          <BenchmarkPicker engagementId={engagementId} onChange={() => setReloads((n) => n + 1)} />
        </div>
        <p className="benchmark-label" data-testid="benchmark-label">
          {benchmarkLabel(stats.benchmark, lang)}
        </p>
        {stats.benchmark.others > 0 && (
          <>
            <p className="muted small">{t('benchmark.lead')}</p>
            <div className="analysis-grid">
              <Chart spec={charts.benchmark} />
              <table className="table compact">
                <thead>
                  <tr>
                    <th>{t('analysis.code')}</th>
                    <th className="num">{t('analysis.thisEngagement')}</th>
                    <th className="num">{t('analysis.others')}</th>
                    <th className="num">{t('analysis.difference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.benchmark.rows.map((r) => {
                    const shown = benchmarkFigures(r, stats.prevalence);
                    return (
                      <tr key={r.codeId}>
                        <th scope="row">{r.code[lang]}</th>
                        <td className="num">
                          <NumLink
                            onOpen={drill}
                            filters={{ codeIds: [r.codeId] }}
                            row={r.code[lang]}
                            column={t('analysis.thisEngagement')}
                            value={f.percentValue(shown.thisPct)}
                          >
                            {f.percentValue(shown.thisPct)}
                          </NumLink>
                        </td>
                        <td className="num">
                          {shown.othersPct === null ? '–' : f.percentValue(shown.othersPct)}
                        </td>
                        <td
                          className="num strong"
                          data-change={changeMeaning(r.polarity, shown.diff)}
                          style={{ color: changeColour(r.polarity, shown.diff) }}
                        >
                          {shown.diff === null ? '–' : f.points(shown.diff)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

/**
 * A figure that opens its quotes, named by its row, column and value ("Silos, Key account: 43 % (3)"):
 * "3" alone says nothing to a screen reader that has moved by buttons, out of the table. A component
 * of its own, not one made anew in each render, so a redraw does not remount the button under the focus.
 */
function NumLink({
  filters,
  row,
  column,
  value,
  children,
  onOpen,
}: {
  filters: Partial<QuoteFilters>;
  row: string;
  column: string;
  value: string;
  children: React.ReactNode;
  onOpen: (filters: Partial<QuoteFilters>) => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="num-link"
      aria-label={t('a11y.cell', { row, column, value })}
      onClick={() => onOpen(filters)}
    >
      {children}
    </button>
  );
}

function SentimentBar({
  mix,
  code,
  onPick,
}: {
  mix: Record<'negative' | 'neutral' | 'positive' | 'none', number>;
  /** Named in each segment: a column of "Negative: 3" says nothing of which theme it counts. */
  code: string;
  onPick: (s: 'negative' | 'neutral' | 'positive') => void;
}) {
  const { t } = useTranslation();
  const total = mix.negative + mix.neutral + mix.positive + mix.none || 1;
  return (
    <span className="sentiment-bar">
      {(['negative', 'neutral', 'positive'] as const).map(
        (s) =>
          mix[s] > 0 && (
            <button
              key={s}
              type="button"
              className={`seg-${s}`}
              style={{ width: `${(mix[s] / total) * 100}%` }}
              title={`${t(`coding.sentiments.${s}`)}: ${mix[s]}`}
              aria-label={t('a11y.sentimentOf', {
                sentiment: t(`coding.sentiments.${s}`),
                count: mix[s],
                code,
              })}
              onClick={() => onPick(s)}
            />
          ),
      )}
    </span>
  );
}
