import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engagement } from '../../shared/domain.ts';
import { type Connection, connect } from '../helpers/workspace.ts';
import { readWorkbook } from '../helpers/xlsx.ts';
import { unzipText } from '../helpers/zip.ts';

/** The report's "Comparison with the previous wave" on the demo (Huoltovoima 2025 follows 2024). */
function kuulo(...args: string[]) {
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kuulo-report-waves-'));
const db = join(dir, 'demo.db');
let ws: Connection;
let later: Engagement;
let earlier: Engagement;

beforeAll(() => {
  expect(kuulo('demo', '--db', db).code).toBe(0);
  ws = connect(db);
  const engagements = ws.call('listEngagements', {});
  later = engagements.find((e) => e.title === 'Asiakaskuuntelu 2025')!;
  earlier = engagements.find((e) => e.title === 'Asiakaskuuntelu 2024')!;
});
afterAll(() => {
  ws?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function exportFile(engagement: Engagement, name: string, ...args: string[]): Uint8Array {
  const out = join(dir, name);
  const run = kuulo('export', '--db', db, '--engagement', engagement.id, '--out', out, ...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return readFileSync(out);
}

const visible = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('the wave comparison in the report', () => {
  test('Word, anonymised to accounts: method, rule, chart and tables; accounts only as labels', () => {
    const parts = unzipText(exportFile(later, 'later.docx', '--anonymize', 'accounts'));
    const xml = [...parts]
      .filter(([n]) => /\.(xml|svg)$/.test(n))
      .map(([, x]) => x)
      .join('\n');
    const text = visible(parts.get('word/document.xml')!);
    const start = text.lastIndexOf('Vertailu edelliseen kierrokseen');
    expect(start).toBeGreaterThan(0);
    const section = text.slice(start, text.indexOf('Suositukset', start));
    expect(section).toContain('Tämä tutkimus on asiakkaan kuunteluohjelman 2. kierros.');
    expect(section).toContain('”Asiakaskuuntelu 2024”');
    // 2024: 7 held interviews of 6 accounts; 2025: 15 of 7; five accounts in both.
    expect(section).toContain('Pidettyjä haastatteluja: silloin 7, nyt 15; asiakkaita: silloin 6, nyt 7');
    expect(section).toContain('molemmilla kierroksilla haastateltuja asiakkaita: 5.');
    expect(section).toContain('Fisherin tarkka testi');
    expect(section).toContain('Teemojen osuus haastatteluista silloin ja nyt');
    // The same accounts first (6 and 11 interviews are enough), then all accounts.
    expect(section.indexOf('Samat asiakkaat')).toBeLessThan(section.indexOf('Kaikki haastatellut asiakkaat'));
    expect(section).toContain('−33 (n = 6: suosittelijoita 0, passiivisia 4, arvostelijoita 2)');
    expect(section).toContain('Liian pieni pohja');
    expect(section).toContain('Nousi');
    // Per account: labels of this wave's anonymiser, never a name of either wave's accounts; a score
    // of fewer than 5 answers is held back, as it would tell what one known person answered.
    expect(section).toContain('alle viiden vastauksen arvoa ei näytetä');
    expect(section).toMatch(/Avainasiakas A\s*ei näytetä \(n < 5\)\s*ei näytetä \(n < 5\)/);
    expect(section).not.toMatch(/\d,\d \(n = [1-4]\)/);
    for (const engagement of [later, earlier])
      for (const account of ws.call('listAccounts', { engagementId: engagement.id })) {
        expect(xml).not.toContain(account.name);
        for (const person of account.interviewees) expect(xml).not.toContain(person.name);
      }
  }, 120_000);

  test('Word, not anonymised: each account by name with its scores then and now', () => {
    const parts = unzipText(exportFile(later, 'named.docx', '--anonymize', 'none'));
    const text = visible(parts.get('word/document.xml')!);
    const start = text.indexOf('Molemmilla kierroksilla haastatellut asiakkaat');
    expect(start).toBeGreaterThan(0);
    expect(text.slice(start, start + 80)).not.toContain('anonymisoitu');
    expect(text).toMatch(/\d,\d \(n = [1-3]\)/);
  }, 120_000);

  test('an engagement that follows no wave has no such section', () => {
    const text = visible(unzipText(exportFile(earlier, 'earlier.docx')).get('word/document.xml')!);
    expect(text).not.toContain('Vertailu edelliseen kierrokseen');
  }, 120_000);

  test('the workbook has a sheet of the comparison, numbers as numbers', async () => {
    const wb = await readWorkbook(exportFile(later, 'later.xlsx', '--anonymize', 'accounts'));
    const sheet = wb.getWorksheet('Kierrokset')!;
    expect(sheet).toBeDefined();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Verrattavat asiakkaat',
      'Mittari, kysymys tai teema',
      'Silloin: määrä',
      'Silloin: pohja (n)',
      'Silloin: osuus',
      'Silloin: arvo',
      'Nyt: määrä',
      'Nyt: pohja (n)',
      'Nyt: osuus',
      'Nyt: arvo',
      'Muutos',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const nps = rows.find((r) => r?.[1] === 'Samat asiakkaat' && r[2] === 'NPS')!;
    expect(nps.slice(3, 12)).toEqual([
      undefined,
      6,
      undefined,
      -33,
      undefined,
      11,
      undefined,
      -18,
      'Liian pieni pohja',
    ]);
    // A theme: "Tunnistamaton mahdollisuus" 0 of 6 → 7 of 11, marked up.
    const theme = rows.find((r) => r?.[1] === 'Samat asiakkaat' && r[2] === 'Tunnistamaton mahdollisuus')!;
    expect(theme[3]).toBe(0);
    expect(theme[4]).toBe(6);
    expect(theme[7]).toBe(7);
    expect(theme[8]).toBe(11);
    expect(theme[9]).toBeCloseTo(7 / 11, 10);
    expect(theme[11]).toBe('Nousi');
  }, 120_000);

  test('the deck has a slide of the comparison, its figures in the notes, no account named', () => {
    const parts = unzipText(exportFile(later, 'later.pptx', '--anonymize', 'accounts'));
    const slides = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const waves = slides.filter((n) => visible(parts.get(n)!).includes('Vertailu edelliseen kierrokseen'));
    expect(waves).toHaveLength(1);
    const number = /slide(\d+)\.xml$/.exec(waves[0]!)![1];
    const notes = visible(parts.get(`ppt/notesSlides/notesSlide${number}.xml`) ?? '');
    expect(notes).toContain('Samat asiakkaat');
    // Percentages carry a no-break space before the sign.
    expect(notes).toMatch(/Tunnistamaton mahdollisuus: 0,0\s%\s\(0\/6\) → 63,6\s%\s\(7\/11\) \(Nousi\)/);
    const xml = [...parts]
      .filter(([n]) => n.endsWith('.xml'))
      .map(([, x]) => x)
      .join('\n');
    for (const engagement of [later, earlier])
      for (const account of ws.call('listAccounts', { engagementId: engagement.id }))
        expect(xml).not.toContain(account.name);
  }, 120_000);
});
