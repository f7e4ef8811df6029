import { formatter } from '../../shared/format.ts';
import type { ScaleSummary } from '../../shared/scales.ts';
import type { ChangeMark, WaveComparison, WaveFigures, WaveRef } from '../../shared/waves.ts';
import type { Call } from './workspace.ts';

/**
 * `kuulo waves --engagement ID`: the chain of waves the engagement belongs to and its comparison with
 * the wave it follows. The text is English like the other commands'; `--json` gives the service's
 * comparison as it is. `--compare` adds the per-question and per-account lines to the text.
 */

const en = formatter('en');

const MARK: Record<ChangeMark, string> = {
  up: 'UP',
  down: 'DOWN',
  unclear: 'no clear change',
  smallBase: 'base too small',
};

/** Aligns rows into columns. */
function columns(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const period = (w: WaveRef) => [w.periodStart, w.periodEnd].filter(Boolean).join(' – ') || 'no dates';

const share = (count: number, pct: number) => `${en.percentValue(pct, 1)} (${count})`;

function summary(s: ScaleSummary): string {
  if (!s.n) return 'no answers';
  if (s.scale === 'nps') return `NPS ${s.nps} (n ${s.n}: ${s.promoters}/${s.passives}/${s.detractors})`;
  if (s.scale === 'yesno') return `${en.percentValue((s.mean ?? 0) * 100, 0)} yes (n ${s.n})`;
  return `mean ${en.number(s.mean ?? 0, 1)} (n ${s.n})`;
}

function figuresText(title: string, f: WaveFigures, details: boolean): string {
  const { before, after } = f.base;
  const lines = [
    `${title}: interviews ${before.interviews} → ${after.interviews}, accounts ${before.accounts} → ${after.accounts}`,
    `  NPS: ${summary(f.nps.before)} → ${summary(f.nps.after)}  [${MARK[f.nps.change]}]`,
    `  Satisfaction: ${summary(f.satisfaction.before)} → ${summary(f.satisfaction.after)}  [${MARK[f.satisfaction.change]}]`,
  ];
  if (f.codes.length)
    lines.push(
      columns([
        ['  CODE (% of held interviews)', 'THEN', 'NOW', 'CHANGE'],
        ...f.codes.map((c) => [
          `  ${c.code.en}`,
          share(c.before.interviews, c.before.interviewsPct),
          share(c.after.interviews, c.after.interviewsPct),
          MARK[c.change],
        ]),
      ]),
    );
  else lines.push('  No code was used in either wave.');
  if (details)
    for (const q of f.questions)
      lines.push(`  Q "${q.text}": ${summary(q.before)} → ${summary(q.after)}  [${MARK[q.change]}]`);
  return lines.join('\n');
}

export function wavesText(c: WaveComparison, details: boolean): string {
  const chain = c.chain
    .map((w, i) => `${w.id === c.current.id ? '>' : ' '} ${i + 1}  ${w.title}  (${period(w)})  ${w.id}`)
    .join('\n');
  const head = `WAVES of ${c.current.clientName}\n${chain}`;
  if (!c.previous || !c.all || !c.panel) return `${head}\n\nThis engagement follows no earlier wave.`;
  const sections = [
    head,
    `COMPARED WITH "${c.previous.title}" (${period(c.previous)}); ${c.panelAccounts} accounts interviewed in both waves.`,
    'Changes are marked only when both bases allow it (shares: n >= 5 and Fisher p < 0.05; NPS: n >= 10 and beyond its 95% margin).',
  ];
  const panel = figuresText('SAME ACCOUNTS', c.panel, details);
  const all = figuresText('ALL ACCOUNTS', c.all, details);
  sections.push(...(c.panelFirst ? [panel, all] : [all, panel]));
  if (details && c.accounts.length)
    sections.push(
      columns([
        ['ACCOUNT', 'INTERVIEWED', 'NPS THEN (n)', 'NPS NOW (n)', 'NEW CODES', 'CODES GONE'],
        ...c.accounts.map((a) => [
          a.name,
          a.panel ? 'both' : a.before.interviews ? 'then' : 'now',
          a.before.npsMean === null ? '—' : `${en.number(a.before.npsMean, 1)} (${a.before.npsN})`,
          a.after.npsMean === null ? '—' : `${en.number(a.after.npsMean, 1)} (${a.after.npsN})`,
          a.appeared.map((x) => x.code.en).join(', '),
          a.disappeared.map((x) => x.code.en).join(', '),
        ]),
      ]),
    );
  return sections.join('\n\n');
}

export async function runWaves(call: Call, engagementId: string, details: boolean) {
  const comparison = await call('waveComparison', { engagementId });
  return { json: comparison, text: wavesText(comparison, details) };
}
