import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../shared/analysis.ts';
import type { Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { heatStyle } from '../../../shared/heat.ts';
import { SMALL_NPS_N } from '../../../shared/sample.ts';
import { kuulo } from '../bridge.ts';
import { HeatTable } from '../components/HeatTable.tsx';
import { useScreen } from '../components/useScreen.ts';
import { attempt, unwrap } from '../store/notify.ts';
import { drillDown } from '../store/quotes.ts';

/** Every engagement side by side: base, NPS and the share of interviews per theme. */
export function PortfolioView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [portfolio, setPortfolio] = useState<Portfolio | null>(null);
  useEffect(() => {
    void attempt(async () => setPortfolio(await unwrap(kuulo.portfolio({}))));
  }, []);
  useScreen(portfolio ? t('analysis.portfolio') : undefined);
  if (!portfolio) return <p className="loading page">{t('app.loading')}</p>;
  const f = formatter(lang);
  return (
    <div className="page analysis">
      <header className="page-header">
        <div>
          <h1>{t('analysis.portfolio')}</h1>
          <p className="muted">{t('analysis.portfolioLead')}</p>
        </div>
      </header>
      <div className="matrix-wrap">
        <HeatTable className="table compact heatmap" data-testid="portfolio">
          <thead>
            <tr>
              <th>{t('analysis.code')}</th>
              {portfolio.engagements.map((e) => (
                <th key={e.engagementId} className="num">
                  <a href={`#/analysis/${e.engagementId}`}>{e.clientName}</a>
                  <br />
                  <span className={e.smallN ? 'warning' : 'muted'}>
                    n = {e.base.interviews}
                    {e.smallN && ' *'} · NPS {e.nps === null ? '–' : f.number(e.nps)}
                  </span>
                  {e.npsN > 0 && e.npsN < SMALL_NPS_N && (
                    // Few answers: the distribution says more than the score.
                    <span className="muted small nps-split" title={t('analysis.npsDistribution')}>
                      <br />
                      {t('analysis.npsSplit', {
                        promoters: e.promoters,
                        passives: e.passives,
                        detractors: e.detractors,
                      })}
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {portfolio.codes.map((code, j) => (
              <tr key={code.codeId}>
                <th scope="row">
                  <span className="swatch" style={{ background: code.color }} /> {code.code[lang]}
                </th>
                {portfolio.engagements.map((e, i) => {
                  const value = portfolio.pct[i]?.[j] ?? 0;
                  // The service gives one decimal; the count behind it is exact for any base under 1000,
                  // so the cell is rounded once from counts like every other figure.
                  const base = e.base.interviews;
                  const shown = f.percent(Math.round((value * base) / 100), base);
                  return (
                    // Shares of fewer than 5 interviews are greyed and hatched, not coloured by size.
                    <td
                      key={e.engagementId}
                      className={`num${e.smallN ? ' small-n-cell' : ''}`}
                      data-small-n={e.smallN || undefined}
                      title={`${shown} (n = ${base})`}
                      style={e.smallN ? undefined : heatStyle(value)}
                    >
                      {value > 0 ? (
                        <button
                          type="button"
                          className="num-link"
                          // Named by row, column and value, not by the figure alone.
                          aria-label={t('a11y.cell', {
                            row: code.code[lang],
                            column: e.clientName,
                            value: shown,
                          })}
                          onClick={() => drillDown(e.engagementId, { codeIds: [code.codeId] })}
                        >
                          {shown}
                        </button>
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
      </div>
      {portfolio.engagements.some((e) => e.smallN) && (
        <p className="muted small small-n-legend" data-testid="small-n-legend">
          <span className="small-n-swatch" /> * {t('analysis.smallNPortfolio')}
        </p>
      )}
    </div>
  );
}
