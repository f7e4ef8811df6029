import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReportDocx } from '../../electron/report/docx.ts';
import { buildReportModel } from '../../electron/report/model.ts';
import type { ReportBlock } from '../../electron/report/types.ts';
import type { Engagement, Finding } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import { SMALL_N } from '../../shared/sample.ts';
import { type Connection, connect } from '../helpers/workspace.ts';

/**
 * The executive summary of the demo reports: NPS with its n and range by tier, the key-person
 * headline and the top three recommendations with their priority, on one page in Finnish and English.
 */

const dir = mkdtempSync(join(tmpdir(), 'kuulo-summary-'));
const db = join(dir, 'demo.db');
let ws: Connection;
let fi: Engagement;
let en: Engagement;

beforeAll(() => {
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', 'demo', '--db', db], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  ws = connect(db);
  const engagements = ws.call('listEngagements', {});
  fi = engagements.find((e) => e.language === 'fi')!;
  en = engagements.find((e) => e.clientName.startsWith('Northbeam'))!;
});
afterAll(() => {
  ws?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const summaryOf = (engagement: Engagement): ReportBlock[] =>
  buildReportModel(ws.ctx, engagement.id, { anonymize: 'people' }).sections.find((s) => s.id === 'summary')!
    .blocks;

describe('the executive summary', () => {
  test.each([
    ['fi', () => fi],
    ['en', () => en],
  ] as const)(
    '%s: holds NPS with n and its range by tier, the key-person headline and the top 3 recommendations',
    (lang, engagement) => {
      const f = formatter(lang);
      const r = resources[lang].translation;
      const blocks = summaryOf(engagement());
      const stats = ws.call('engagementStats', { engagementId: engagement().id });

      // NPS: the overall score with its n (the distribution too below 10 answers), then the lowest and
      // highest tier with theirs.
      const figures = blocks.find((b) => b.kind === 'callout');
      expect(figures?.kind === 'callout' && figures.label).toBe(r.report.summaryFigures);
      const text = figures?.kind === 'callout' ? figures.text : '';
      const all = stats.scores.find((s) => s.group === 'all')!;
      expect(all.n).toBeGreaterThan(0);
      expect(text).toContain(`NPS ${f.signed(all.nps!)} (n\u00a0=\u00a0${all.n}`);
      if (all.n < 10) expect(text).toContain(f.plural(r.report, 'summaryDetractors', all.detractors));
      // The range by tier only from tiers of at least SMALL_N answers; with fewer than two, it says why.
      const scored = stats.scores.filter((s) => s.group !== 'all' && s.n > 0);
      expect(scored.length).toBeGreaterThan(1);
      const tiers = scored.filter((s) => s.n >= SMALL_N).sort((a, b) => a.nps! - b.nps! || b.n - a.n);
      const end = (tier: (typeof tiers)[number]) =>
        `${f.signed(tier.nps!)} (${r.account.tiers[tier.group as 'key']}, n\u00a0=\u00a0${tier.n})`;
      if (tiers.length > 1) for (const tier of [tiers[0]!, tiers.at(-1)!]) expect(text).toContain(end(tier));
      else
        expect(text).toContain(f.fill(r.report.summaryNpsRangeTooFew, { overall: '', min: SMALL_N }).trim());
      for (const small of scored.filter((s) => s.n < SMALL_N)) expect(text).not.toContain(end(small));

      // Key person: key accounts whose interviewees know exactly one person, of the key accounts interviewed.
      const key = stats.keyPersonRisk.filter((k) => k.tier === 'key');
      expect(key.length).toBeGreaterThan(0);
      expect(text).toContain(
        f.plural(r.report, 'summaryKeyPerson', key.filter((k) => k.people === 1).length, {
          total: key.length,
          client: engagement().clientName,
        }),
      );

      // Recommendations: the three that come first by priority, then the findings' order, with the priority.
      const byPriority = (a: Finding, b: Finding) =>
        ['high', 'medium', 'low'].indexOf(a.priority) - ['high', 'medium', 'low'].indexOf(b.priority) ||
        a.sortOrder - b.sortOrder;
      const expected = ws
        .call('listFindings', { engagementId: engagement().id })
        .filter((x) => x.recommendation.trim())
        .sort(byPriority)
        .slice(0, 3);
      expect(expected).toHaveLength(3);
      const table = blocks.find((b) => b.kind === 'table');
      expect(table?.kind === 'table' && table.caption).toBe(r.report.summaryRecommendations);
      expect(table?.kind === 'table' && table.rows).toEqual(
        expected.map((x) => [r.findings.priorities[x.priority], x.recommendation]),
      );

      // The findings with their measured figure, and no chart on this page.
      const findings = blocks.filter((b) => b.kind === 'keyFinding');
      expect(findings.length).toBeGreaterThanOrEqual(3);
      expect(findings.length).toBeLessThanOrEqual(7);
      for (const finding of findings) expect(finding.kind === 'keyFinding' && finding.figure).toMatch(/\d/);
      expect(blocks.some((b) => b.kind === 'chart')).toBe(false);
    },
  );
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
const pdftotext = existsSync('/usr/bin/pdftotext');

describe.skipIf(!soffice || !pdftotext)('the executive summary in LibreOffice', () => {
  test('fits on one page in the Finnish and the English demo report', async () => {
    const profile = pathToFileURL(join(dir, 'profile')).href;
    for (const engagement of [fi, en]) {
      const model = buildReportModel(ws.ctx, engagement.id, { anonymize: 'people' });
      const docx = join(dir, `summary-${engagement.language}.docx`);
      writeFileSync(docx, await renderReportDocx(model));
      const run = spawnSync(
        soffice!,
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
        { timeout: 90_000, encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const pages = spawnSync('pdftotext', ['-layout', docx.replace(/\.docx$/, '.pdf'), '-'], {
        encoding: 'utf8',
      }).stdout.split('\f');
      const titles = model.sections.map((s) => s.title);
      const startsOn = (title: string) =>
        pages.findIndex((page, i) => i > 1 && page.split('\n').some((line) => line.trim() === title));
      const summary = startsOn(titles[0]!);
      expect(summary, 'summary page').toBeGreaterThan(1);
      // The next chapter starts on the very next page: the summary took one page, no more.
      expect(startsOn(titles[1]!), `${engagement.language}: page after the summary`).toBe(summary + 1);
      // …and everything of it is on that page, the last recommendation included.
      const last = model.sections[0]!.blocks.at(-1)!;
      const lastRow = last.kind === 'table' ? last.rows.at(-1)!.at(-1)! : '';
      const flat = pages[summary]!.replace(/\s+/g, ' ');
      expect(flat).toContain(lastRow.split(' ').slice(0, 6).join(' '));
    }
  }, 200_000);
});
