import { useMemo } from 'react';
import { renderChartSvg } from '../../../shared/chartRender.ts';
import type { ChartSpec } from '../../../shared/charts.ts';

/** Shows a chart by the same SVG rendering the Word report uses, with the n its figures rest on under it. */
export function Chart({ spec }: { spec: ChartSpec }) {
  const svg = useMemo(() => renderChartSvg(spec), [spec]);
  return (
    <figure className="chart" data-chart={spec.id}>
      {/* The SVG comes from our own chart function, not from user input. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: ECharts' server-side SVG output */}
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      {spec.basis && <figcaption className="chart-basis muted small">{spec.basis}</figcaption>}
    </figure>
  );
}
