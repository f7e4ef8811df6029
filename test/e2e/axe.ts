import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The WCAG 2.0 and 2.1 rules at levels A and AA: what the app promises to meet. */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  /** Selector and the failure summary of each node, enough to find it in the app. */
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core in the page as it stands (an open dialog included) and returns every violation of
 * the WCAG A and AA rules. Colour contrast is judged on the page as rendered, so call it once the
 * screen has settled.
 */
export async function auditPage(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the debugger, not a <script> tag: the app's CSP (script-src 'self') refuses inline scripts.
  if (!loaded) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, WCAG_AA_TAGS);
}

/** The violations a screen must not have: serious or critical ones. */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and node, readable in a failed assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes
        .slice(0, 8)
        .map((n) => `${v.impact} ${v.rule}: ${n.target} — ${n.summary.replace(/\s+/g, ' ')}`),
    )
    .join('\n');
}
