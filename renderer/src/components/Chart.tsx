import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderChartSvg } from '../../../shared/chartRender.ts';
import { chartSummary, chartTable } from '../../../shared/chartSummary.ts';
import type { ChartSpec } from '../../../shared/charts.ts';
import type { Language } from '../../../shared/domain.ts';

/**
 * Shows a chart by the same SVG rendering the Word report uses, with the n its figures rest on under
 * it. To a screen reader the drawing is one image named by a short summary (its labels read one by
 * one made no sense), and its figures are in a table that opens below it.
 */
export function Chart({ spec }: { spec: ChartSpec }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  // The drawing itself is hidden from the accessibility tree: the image around it carries the summary.
  const svg = useMemo(() => renderChartSvg(spec).replace('<svg ', '<svg aria-hidden="true" '), [spec]);
  const summary = useMemo(() => chartSummary(spec, lang), [spec, lang]);
  const table = useMemo(() => chartTable(spec, lang), [spec, lang]);
  return (
    <figure className="chart" data-chart={spec.id}>
      {/* The SVG comes from our own chart function, not from user input. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: ECharts' server-side SVG output */}
      <div role="img" aria-label={summary} dangerouslySetInnerHTML={{ __html: svg }} />
      {spec.basis && <figcaption className="chart-basis muted small">{spec.basis}</figcaption>}
      {table && (
        <details className="chart-table">
          {/* Named by its chart: four "Figures as a table" on one page say nothing apart. */}
          <summary aria-label={t('a11y.chartTableOf', { label: t('a11y.chartTable'), title: spec.title })}>
            {t('a11y.chartTable')}
          </summary>
          <table className="table">
            <thead>
              <tr>
                <td />
                {table.columns.map((column, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one column per series, in series order
                  <th key={i} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, drawn anew with its spec
                <tr key={r}>
                  <th scope="row">{row.header}</th>
                  {row.cells.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one cell per series, in series order
                    <td key={i} className="num">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
