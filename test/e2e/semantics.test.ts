/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { errorValue } from '../../electron/base/errors.ts';
import { chartSummary } from '../../shared/chartSummary.ts';
import { prevalenceChart } from '../../shared/charts.ts';
import { formatter } from '../../shared/format.ts';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { openTestWorkspace } from '../helpers/workspace.ts';
import { type AxeViolation, auditPage, blocking, describeViolations } from './axe.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();
const STRINGS = { en, fi } as const;
const LOCALES = { en: 'en-GB', fi: 'fi-FI' } as const;

/** The rules of names, roles, states and structure: what this area of issue 19 answers for. */
const SEMANTIC_RULE =
  /^(aria-|button-name|empty-table-header|empty-heading|heading-order|landmark-|region$|list$|listitem$|td-headers-attr|th-has-data-cells|label-content-name-mismatch|link-name|page-has-heading-one|svg-img-alt|role-img-alt|nested-interactive|duplicate-id)/;

async function semanticViolations(page: Page): Promise<string> {
  return describeViolations(
    blocking(await auditPage(page)).filter((v: AxeViolation) => SEMANTIC_RULE.test(v.rule)),
  );
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** Every text a live region (role=status or aria-live) shows, in order, from now on. */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver((records) => {
      const regions = new Set<Element>();
      for (const record of records) {
        const node = record.target instanceof Element ? record.target : record.target.parentElement;
        const region = node?.closest('[role="status"], [aria-live]:not([aria-live="off"])');
        if (region) regions.add(region);
      }
      for (const region of regions) {
        const text = region.textContent?.trim();
        if (text) said.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { said: string[] }).said]);
}

/**
 * Buttons and links (and disclosure summaries) that share an accessible name, as Chromium computes it
 * for a screen reader, unless they do the same thing: links to the same address, or a button named in
 * `alike` (one command shown in two places). Each entry reads "name ×count".
 */
async function sharedNames(page: Page, alike: readonly string[] = []): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored: boolean;
        role?: { value: string };
        name?: { value: string };
        backendDOMNodeId?: number;
      }[];
    };
    const byName = new Map<string, { role: string; node: number }[]>();
    for (const n of nodes) {
      const role = n.role?.value ?? '';
      const name = n.name?.value?.trim() ?? '';
      if (n.ignored || !name || !['button', 'link', 'DisclosureTriangle'].includes(role)) continue;
      byName.set(name, [...(byName.get(name) ?? []), { role, node: n.backendDOMNodeId ?? 0 }]);
    }
    const shared: string[] = [];
    for (const [name, controls] of byName) {
      if (controls.length < 2 || alike.includes(name)) continue;
      const targets = new Set<string>();
      for (const { role, node } of controls) {
        const { node: dom } = (await cdp.send('DOM.describeNode', { backendNodeId: node })) as {
          node: { attributes?: string[] };
        };
        const attributes = dom.attributes ?? [];
        const href = attributes[attributes.indexOf('href') + 1];
        targets.add(role === 'link' && attributes.includes('href') ? `link ${href}` : `${role} #${node}`);
      }
      if (targets.size > 1) shared.push(`${name} ×${controls.length}`);
    }
    return shared;
  } finally {
    await cdp.detach();
  }
}

for (const language of ['en', 'fi'] as const) {
  const s = STRINGS[language];
  describe(`screen-reader semantics (${language})`, () => {
    test('coded text says its codes, a key tells them at the caret and opens the details', async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale: LOCALES[language] });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
        const interview = ws
          .call('listInterviews', { engagementId: engagement.id })
          .find((i) => ws.call('listCodings', { interviewId: i.id }).length > 0)!;
        const codings = ws.call('listCodings', { interviewId: interview.id });
        const codebook = ws.call('getCodebook', { engagementId: engagement.id });
        const nameOf = (codeId: string) => codebook.find((c) => c.id === codeId)!.name[language];
        const coding = codings[0]!;

        // Opened at a coding, as from the retrieval view: the caret is at its first letter.
        await page.goto(`${chromium.url()}#/interview/${interview.id}/${coding.id}`);
        const editor = page.locator('.notes-editor');
        await editor.locator(`[data-coding="${coding.id}"]`).first().waitFor();

        // The coded text carries a description naming its code.
        const description = await editor
          .locator(
            `[data-coding="${coding.id}"][aria-description], [data-coding="${coding.id}"] [aria-description]`,
          )
          .first()
          .getAttribute('aria-description');
        expect(description).toContain(nameOf(coding.codeId));

        const said = page.locator('[data-editor-announcement]');
        await page.keyboard.press('Control+Shift+K');
        await expect.poll(() => said.textContent()).toContain(fill(s.a11y.codedAs, { codes: '' }));
        const announced = (await said.textContent()) ?? '';
        expect(announced).toContain(nameOf(coding.codeId));
        // Every coding at the caret is named, and no other.
        const here = codings.filter((c) => announced.includes(nameOf(c.codeId)));
        expect(here.length).toBeGreaterThan(0);

        // Asked again at the same place: the focus goes to the coding's details in the panel…
        await page.keyboard.press('Control+Shift+K');
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.classList.contains('coding-details')))
          .toBe(true);
        expect(await page.locator('.coding-details').first().getAttribute('aria-label')).toBe(
          s.coding.details,
        );
        await screenshot(page, `semantics-coding-details-${language}`);
        // …and Escape brings it back to the text.
        await page.keyboard.press('Escape');
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.classList.contains('notes-editor')))
          .toBe(true);

        // Text no coding covers: said so.
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' x');
        await page.keyboard.press('Control+Shift+K');
        await expect.poll(() => said.textContent()).toBe(s.a11y.notCoded);

        // The command is listed among the keyboard shortcuts.
        await page.getByRole('button', { name: s.app.shortcuts, exact: true }).click();
        const help = page.getByRole('dialog', { name: s.app.shortcuts });
        await expect
          .poll(() => help.getByRole('row', { name: s.shortcuts.codedAs }).textContent())
          .toContain('Shift + K');
        await screenshot(page, `semantics-shortcuts-${language}`);
        await page.keyboard.press('Escape');

        expect(await semanticViolations(page)).toBe('');
      } finally {
        await app.close();
      }
    });

    test('the save status is silent on routine saves and speaks once of a failure and its end', async () => {
      const ws = openTestWorkspace();
      let failSaves = false;
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: LOCALES[language],
        ws: {
          ...ws,
          // As a core host that has stopped: every save comes back unanswered until it is back.
          dispatch: (method, input) =>
            method === 'saveNotes' && failSaves
              ? { ok: false, error: errorValue({ key: 'coreStopped', params: {} }) }
              : ws.dispatch(method, input),
        },
      });
      const { page } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
        const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
        await page.goto(`${chromium.url()}#/interview/${interview.id}`);
        const editor = page.locator('.notes-editor');
        await editor.waitFor();
        await editor.click();
        await page.keyboard.press('Control+End');
        const announcements = await recordAnnouncements(page);
        const before = ws.call('getInterview', { id: interview.id }).notes.revision;
        // Three seconds of typing: several saves, none of them said aloud.
        for (let i = 0; i < 6; i++) {
          await page.keyboard.type(' kirjoitan lisää', { delay: 40 });
          await page.waitForTimeout(450);
        }
        await page.locator('.save-state[data-state="saved"]').waitFor();
        expect(ws.call('getInterview', { id: interview.id }).notes.revision).toBeGreaterThan(before + 1);
        expect(await announcements()).toEqual([]);

        failSaves = true;
        await page.keyboard.type(' ei tallennu');
        await page.locator('.save-state[data-state="failed"]').waitFor();
        await page.keyboard.type(' vieläkään');
        // A retry that fails again says nothing new.
        await page.waitForTimeout(2500);
        expect(await announcements()).toEqual([s.a11y.saveFailed]);
        await screenshot(page, `semantics-save-failed-${language}`);
        failSaves = false;
        await expect
          .poll(() => announcements(), { timeout: 10_000 })
          .toEqual([s.a11y.saveFailed, s.a11y.saveRecovered]);
      } finally {
        await app.close();
      }
    });

    test('charts are named by a summary with their figures in a table; tables have row headers and named cells', async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale: LOCALES[language] });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
        const stats = ws.call('engagementStats', { engagementId: engagement.id });
        const f = formatter(language);
        await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
        const prevalence = page.locator('figure[data-chart="prevalence"]');
        await prevalence.locator('svg').waitFor();

        // The chart is one image named by its summary, as the pure function words it from the same spec.
        const image = prevalence.getByRole('img');
        expect(await image.getAttribute('aria-label')).toBe(
          chartSummary(prevalenceChart(stats.prevalence, language), language),
        );
        // …which names the highest bar ("highest:" / "suurin:").
        expect(await image.getAttribute('aria-label')).toContain(s.a11y.chartHighest.split(' ')[0]!);
        for (const chart of await page.locator('figure.chart').all()) {
          expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(
            new RegExp(`^${fill(s.a11y.chartBar, { title: '' })}`),
          );
        }
        // Its figures as a table, opened from under the chart.
        await prevalence.getByText(s.a11y.chartTable, { exact: true }).click();
        const figures = prevalence.getByRole('table');
        await figures.waitFor();
        const top = stats.prevalence[0]!;
        expect(await figures.getByRole('rowheader').first().textContent()).toBe(top.code[language]);
        expect(await figures.locator('tbody tr').first().locator('td').textContent()).toContain(
          f.percent(top.interviews, top.base.interviews),
        );
        await screenshot(page, `semantics-chart-table-${language}`);

        // Each theme of the prevalence table is a row header; its count is named by row and column.
        const used = stats.prevalence.filter((r) => r.interviews > 0);
        expect(await page.locator('tr[data-code] th[scope="row"]').count()).toBe(used.length);
        const count = fill(s.a11y.cell, {
          row: top.code[language],
          column: s.analysis.interviews,
          value: `${top.interviews} (${f.percent(top.interviews, top.base.interviews)})`,
        });
        expect(await page.getByRole('button', { name: count, exact: true }).count()).toBe(1);

        // A heat-map cell: row, column and value.
        const crosstab = stats.crosstabs.tier;
        const row = crosstab.rows.find((r) => r.cells.some((c) => c.interviews > 0))!;
        const at = row.cells.findIndex((c) => c.interviews > 0);
        const column = crosstab.columns[at]!;
        const cell = row.cells[at]!;
        const heatName = fill(s.a11y.cell, {
          row: row.code[language],
          column: s.account.tiers[column.value as keyof typeof s.account.tiers],
          value: `${f.percent(cell.interviews, column.n)} (${cell.interviews})`,
        });
        expect(await page.getByRole('button', { name: heatName, exact: true }).count()).toBe(1);
        // No header cell is empty; no button is named by a bare number.
        expect(await page.locator('th:empty').count()).toBe(0);
        expect(await page.locator('button.num-link:not([aria-label])').count()).toBe(0);
        expect(await semanticViolations(page)).toBe('');

        await page.goto(`${chromium.url()}#/portfolio`);
        const portfolio = page.locator('[data-testid="portfolio"]');
        await portfolio.locator('tbody tr').first().waitFor();
        const codes = await portfolio.locator('tbody tr').count();
        expect(await portfolio.locator('tbody th[scope="row"]').count()).toBe(codes);
        const named = await portfolio.locator('button.num-link').first().getAttribute('aria-label');
        expect(named).toMatch(/^.+, .+: \d+\s?%$/);
        expect(await semanticViolations(page)).toBe('');
      } finally {
        await app.close();
      }
    });

    test('every screen has one h1 and no skipped heading level', async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale: LOCALES[language] });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
        const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
        const screens = [
          '#/',
          `#/engagement/${engagement.id}/interviews`,
          `#/engagement/${engagement.id}/accounts`,
          `#/interview/${interview.id}`,
          `#/codebook/${engagement.id}`,
          `#/quotes/${engagement.id}`,
          `#/analysis/${engagement.id}`,
          `#/findings/${engagement.id}`,
          '#/portfolio',
          '#/trash',
        ];
        for (const screen of screens) {
          await page.goto(`${chromium.url()}${screen}`);
          await page.locator('main h1').first().waitFor();
          // Headings of the page itself: the notes' own headings are the consultant's text.
          const levels = await page
            .locator('h1, h2, h3, h4, h5, h6')
            .evaluateAll((hs) =>
              hs.filter((h) => !h.closest('.notes-editor')).map((h) => Number(h.tagName.slice(1))),
            );
          expect(
            levels.filter((l) => l === 1),
            screen,
          ).toHaveLength(1);
          const jumps = levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1);
          expect({ screen, jumps }).toEqual({ screen, jumps: [] });
        }
      } finally {
        await app.close();
      }
    });

    test('tabs move by arrow keys, Home and End; row buttons name their item', async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale: LOCALES[language] });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
        await page.goto(`${chromium.url()}#/engagement/${engagement.id}/interviews`);
        const interviewsTab = page.getByRole('tab', { name: new RegExp(s.engagement.tabs.interviews) });
        const accountsTab = page.getByRole('tab', { name: new RegExp(s.engagement.tabs.accounts) });
        await interviewsTab.waitFor();
        expect(await interviewsTab.getAttribute('aria-selected')).toBe('true');
        expect(await interviewsTab.getAttribute('tabindex')).toBe('0');
        expect(await accountsTab.getAttribute('tabindex')).toBe('-1');
        const panel = page.getByRole('tabpanel');
        expect(await interviewsTab.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
        expect(await semanticViolations(page)).toBe('');

        await interviewsTab.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => page.url()).toMatch(/\/accounts$/);
        await expect.poll(() => accountsTab.getAttribute('aria-selected')).toBe('true');
        expect(await accountsTab.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(
          await accountsTab.getAttribute('id'),
        );
        await page.keyboard.press('Home');
        await expect.poll(() => page.url()).toMatch(/\/interviews$/);
        // The last tab is the action register; arrows wrap round, and go back through every tab.
        await page.keyboard.press('End');
        await expect.poll(() => page.url()).toMatch(/\/actions$/);
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => page.url()).toMatch(/\/interviews$/);
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => page.url()).toMatch(/\/actions$/);
        for (const tab of ['waves', 'answers', 'guide']) {
          await page.keyboard.press('ArrowLeft');
          await expect.poll(() => page.url()).toMatch(new RegExp(`/${tab}$`));
        }
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => page.url()).toMatch(/\/accounts$/);

        // Every Edit and Delete says which account or person it acts on.
        const accounts = ws.call('listAccounts', { engagementId: engagement.id });
        await page.locator('.account').first().waitFor();
        for (const account of accounts) {
          for (const action of [s.app.edit, s.app.delete]) {
            const name = fill(s.a11y.actOn, { action, name: account.name });
            expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
          }
        }
        expect(await page.getByRole('button', { name: s.app.edit, exact: true }).count()).toBe(0);
        expect(await page.getByRole('button', { name: s.app.delete, exact: true }).count()).toBe(0);
        expect(await semanticViolations(page)).toBe('');
        await screenshot(page, `semantics-accounts-${language}`);

        // The interview's side tabs are the same component.
        const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
        await page.goto(`${chromium.url()}#/interview/${interview.id}`);
        const codingsTab = page.getByRole('tab', { name: s.coding.codings, exact: true });
        const detailsTab = page.getByRole('tab', { name: s.coding.interviewTab, exact: true });
        await codingsTab.waitFor();
        const first = (await codingsTab.getAttribute('aria-selected')) === 'true' ? codingsTab : detailsTab;
        const second = first === codingsTab ? detailsTab : codingsTab;
        await first.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
        expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);

        // Toolbar buttons are named with what they show; the shortcut is a property, not the name.
        const numbered = page.getByRole('button', { name: `1. ${s.editor.orderedList}`, exact: true });
        expect(await numbered.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+7');
        expect(await semanticViolations(page)).toBe('');

        // The top bar's screen links are one named navigation landmark; one h1 on each screen.
        expect(
          await page.getByRole('navigation', { name: s.a11y.views }).getByRole('link').allTextContents(),
        ).toEqual([
          s.nav.analysis,
          s.nav.findings,
          s.nav.quotes,
          s.nav.codebook,
          s.nav.portfolio,
          s.nav.trash,
        ]);
        expect(await page.locator('h1').count()).toBe(1);

        // The codebook and the findings: every row action names its code or finding.
        await page.goto(`${chromium.url()}#/codebook/${engagement.id}`);
        const code = ws
          .call('getCodebook', { engagementId: engagement.id })
          .find((c) => !c.isGroup && !c.retired)!;
        const editCode = page.getByRole('button', {
          name: fill(s.a11y.actOn, { action: s.app.edit, name: code.name[language] }),
          exact: true,
        });
        await editCode.waitFor();
        expect(await page.getByRole('button', { name: s.app.edit, exact: true }).count()).toBe(0);
        expect(await semanticViolations(page)).toBe('');
        await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
        const finding = ws.call('listFindings', { engagementId: engagement.id })[0]!;
        await page
          .getByRole('button', {
            name: fill(s.a11y.actOn, { action: s.app.delete, name: finding.title }),
            exact: true,
          })
          .waitFor();
        const moveDown = fill(s.a11y.actOn, { action: s.findings.moveDown, name: finding.title });
        expect(await page.getByRole('button', { name: moveDown, exact: true }).count()).toBe(1);
        expect(await semanticViolations(page)).toBe('');
      } finally {
        await app.close();
      }
    });

    test('no two buttons or links on a screen share a name unless they do the same thing', async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale: LOCALES[language] });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
        const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
        const screens: [string, string][] = [
          [`#/engagement/${engagement.id}/interviews`, 'tbody a[href^="#/interview/"]'],
          [`#/engagement/${engagement.id}/accounts`, '.account'],
          [`#/interview/${interview.id}`, '.notes-editor'],
          [`#/codebook/${engagement.id}`, '.code-group'],
          [`#/quotes/${engagement.id}`, '.quotes-results'],
          [`#/analysis/${engagement.id}`, 'figure.chart svg'],
          [`#/findings/${engagement.id}`, 'main h1'],
        ];
        const found: Record<string, string[]> = {};
        for (const [screen, ready] of screens) {
          await page.goto(`${chromium.url()}${screen}`);
          await page.locator(ready).first().waitFor();
          if (screen.startsWith('#/quotes')) {
            // The code with most quotes, so one interview gives several and their links must differ.
            const codings = ws
              .call('listInterviews', { engagementId: engagement.id })
              .flatMap((i) => ws.call('listCodings', { interviewId: i.id }));
            const counts = new Map<string, number>();
            for (const c of codings) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
            const top = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
            const code = ws.call('getCodebook', { engagementId: engagement.id }).find((c) => c.id === top)!;
            await page.getByRole('checkbox', { name: new RegExp(`^${code.name[language]} \\d+$`) }).check();
            await expect.poll(() => page.locator('.quote-card').count()).toBeGreaterThan(1);
          }
          if (screen.startsWith('#/analysis')) {
            // Every chart's table open: its figures are buttons and links no less than the rest.
            for (const summary of await page.locator('figure.chart details summary').all())
              await summary.click();
          }
          found[screen] = await sharedNames(page);
        }
        expect(found).toEqual(Object.fromEntries(screens.map(([screen]) => [screen, []])));
      } finally {
        await app.close();
      }
    });
  });
}
