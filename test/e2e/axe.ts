import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
  // Evaluated through the debugger protocol: the app's Content-Security-Policy refuses a script tag.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
      element?: Element;
    }
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: AxeNode[] }[];
      incomplete: { id: string; nodes: AxeNode[] }[];
    }
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
      elementRef: true,
    });
    const found = results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));

    // Text axe cannot judge (numbers too short for it, cells with a gradient, chart text in SVG) is
    // measured here: its colour against the colours stacked behind it, by the WCAG formula.
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba | null => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + below[i]! * (1 - a)).concat(1) as Rgba;
    };
    const background = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        if (e instanceof SVGElement && !(e instanceof SVGSVGElement)) continue;
        const colour = parse(getComputedStyle(e).backgroundColor);
        if (colour && colour[3] > 0) layers.push(colour);
        if (colour && colour[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, top) => over(top, below), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]: Rgba) => {
      const [R, G, B] = [r, g, b].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const unresolved: { target: string; summary: string }[] = [];
    for (const result of results.incomplete.filter((r) => r.id === 'color-contrast')) {
      for (const node of result.nodes) {
        const element = node.element;
        if (!element || element.closest('[aria-hidden="true"].logo, .logo')) continue;
        const style = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        if (style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
        const text = parse(element instanceof SVGElement ? style.fill : style.color);
        if (!text) continue;
        const behind = background(element);
        const front = over(text, behind);
        const [l1, l2] = [luminance(front), luminance(behind)].sort((a, b) => b - a);
        const ratio = (l1! + 0.05) / (l2! + 0.05);
        const size = Number.parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const needed = large ? 3 : 4.5;
        if (ratio < needed - 0.005)
          unresolved.push({
            target: node.target.join(' '),
            summary: `"${(element.textContent ?? '').trim().slice(0, 30)}" has contrast ${ratio.toFixed(2)}:1, needs ${needed}:1`,
          });
      }
    }
    if (unresolved.length)
      found.push({
        rule: 'color-contrast (measured)',
        impact: 'serious',
        help: 'Text that axe leaves for review, measured against the colours behind it',
        nodes: unresolved,
      });
    return found;
  }, WCAG_AA_TAGS);
  return violations;
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
