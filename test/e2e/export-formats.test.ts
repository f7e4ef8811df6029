/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { REPORT_FORMATS } from '../../shared/report.ts';
import { unzip } from '../helpers/zip.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** The part every package of the format has: the deck's first slide, the workbook's first sheet. */
const FIRST_PART = {
  docx: 'word/document.xml',
  pptx: 'ppt/slides/slide1.xml',
  xlsx: 'xl/worksheets/sheet1.xml',
};

describe.each([
  { locale: 'en-GB', lang: 'en', t: en },
  { locale: 'fi-FI', lang: 'fi', t: fi },
] as const)('the export dialog offers Word, PowerPoint and Excel ($lang)', ({ locale, lang, t }) => {
  test('each format is written from the same dialog, anonymised, and never over an earlier file', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === lang)!;
      await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
      await page.getByRole('button', { name: t.findings.export }).click();
      const dialog = page.getByRole('dialog', { name: t.export.title });
      // Word is the default; the three are offered with what each is for.
      for (const format of REPORT_FORMATS)
        await expect
          .poll(() => dialog.getByRole('radio', { name: t.export.formats[format] }).count())
          .toBe(1);
      expect(await dialog.getByRole('radio', { name: t.export.formats.docx }).isChecked()).toBe(true);
      await screenshot(page, `export-formats-${lang}`);

      const written: string[] = [];
      for (const format of [...REPORT_FORMATS, 'pptx'] as const) {
        await dialog.getByRole('radio', { name: t.export.formats[format] }).check();
        await dialog.getByRole('button', { name: t.export.start, exact: true }).click();
        const done = dialog.locator('.export-done');
        await expect
          .poll(async () => (await done.textContent()) ?? '', { timeout: 60_000 })
          .toContain(`.${format}`);
        const path = /: (\/.*\.\w+)$/.exec((await done.textContent()) ?? '')![1]!;
        // A second deck gets its own name: the first is never written over.
        expect(written).not.toContain(path);
        written.push(path);
        expect(existsSync(path)).toBe(true);
        expect(unzip(readFileSync(path)).has(FIRST_PART[format])).toBe(true);
        if (format === 'pptx') await screenshot(page, `export-formats-${lang}-pptx-done`);
      }
      expect(written.filter((p) => p.endsWith('.pptx'))).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});
