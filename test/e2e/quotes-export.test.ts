/// <reference lib="dom" />
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resources } from '../../shared/i18n/index.ts';
import { QUOTE_EXPORT_FORMATS } from '../../shared/report.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('quote export from the Quotes view', () => {
  test.each([
    ['en', 'en-GB'],
    ['fi', 'fi-FI'],
  ] as const)('choose codes and a filter, export to each format (%s)', async (lang, locale) => {
    const t = resources[lang].translation;
    const app = await openApp(chromium.browser(), chromium.url(), { locale });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
      const engagementId = engagement.id;
      const codes = ws.call('getCodebook', { engagementId }).filter((c) => !c.isGroup);
      // A code quoted from the interview whose consent is pending, and the most used other one.
      const pendingCode = codes.find((c) =>
        ws.call('findQuotes', { engagementId, codeIds: [c.id] }).some((q) => !q.quotable),
      )!;
      const other = codes.filter((c) => c.id !== pendingCode.id).sort((a, b) => b.usage - a.usage)[0]!;
      const chosen = [pendingCode, other];
      const sentiments = ['negative' as const];
      const expected = ws.call('findQuotes', { engagementId, codeIds: chosen.map((c) => c.id), sentiments });
      const quotable = expected.filter((q) => q.quotable);
      expect(quotable.length).toBeGreaterThan(0);

      await page.goto(`${chromium.url()}#/quotes/${engagementId}`);
      const exportButton = page.getByRole('button', { name: t.quoteExport.action, exact: true });
      // Nothing chosen, nothing to export.
      expect(await exportButton.isDisabled()).toBe(true);
      for (const code of chosen)
        await page
          .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(code.name[lang])} \\d+$`) })
          .check();
      await page
        .locator('.quotes-filters')
        .getByRole('button', { name: t.coding.sentiments.negative, exact: true })
        .click();
      await expect.poll(() => page.locator('.quote-card').count()).toBe(expected.length);
      expect(await exportButton.isDisabled()).toBe(false);

      const dialog = page.getByRole('dialog', { name: t.quoteExport.title });
      const written: string[] = [];
      for (const format of QUOTE_EXPORT_FORMATS) {
        await exportButton.click();
        await dialog.waitFor();
        // The first field has the focus as the dialog opens.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.closest('label')?.textContent))
          .toBe(t.quoteExport.formats.docx);
        const fileName = dialog.getByLabel(t.quoteExport.fileName);
        expect(await fileName.inputValue()).toBe(
          t.quoteExport.defaultName.replace('{{codes}}', chosen.map((c) => c.name[lang]).join(', ')),
        );
        // People hidden unless the consultant chooses otherwise.
        expect(await dialog.getByLabel(t.export.levels.people).isChecked()).toBe(true);
        await dialog.getByLabel(t.quoteExport.formats[format]).check();
        if (format === 'docx') await screenshot(page, `quotes-export-dialog-${lang}`);
        await dialog.getByRole('button', { name: t.quoteExport.start, exact: true }).click();
        const done = dialog.locator('.export-done');
        await done.waitFor();
        const text = (await done.textContent()) ?? '';
        const path = text.slice(text.indexOf(ws.ctx.exportDir));
        expect(path.endsWith(`.${format}`)).toBe(true);
        expect(existsSync(path)).toBe(true);
        expect(text).toContain(String(quotable.length));
        // The quote still waiting for consent is said to be left out.
        const withheld = expected.length - quotable.length;
        expect(withheld).toBeGreaterThan(0);
        const note = (withheld === 1 ? t.quoteExport.withheld_one : t.quoteExport.withheld_other).replace(
          '{{count}}',
          String(withheld),
        );
        expect(await dialog.getByText(note, { exact: true }).count()).toBe(1);
        if (format === 'docx') await screenshot(page, `quotes-export-done-${lang}`);
        written.push(path);
        await dialog.getByRole('button', { name: t.app.close, exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        // Focus goes back to the button that opened the dialog.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.textContent))
          .toBe(t.quoteExport.action);
      }
      expect(readdirSync(ws.ctx.exportDir).sort()).toEqual(
        written.map((p) => p.slice(ws.ctx.exportDir.length + 1)).sort(),
      );
      expect(written.every((p) => p.startsWith(join(ws.ctx.exportDir, '')))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
