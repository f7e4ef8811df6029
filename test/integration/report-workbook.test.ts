import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReportContent } from '../../electron/report/build.ts';
import { findLeaks, visibleText } from '../../electron/report/leaks.ts';
import { quotesCsv, quotesWorkbook } from '../../electron/report/quoteFiles.ts';
import { sheetName } from '../../electron/report/sheets.ts';
import { ACCENT } from '../../electron/report/styles.ts';
import { renderReportWorkbook } from '../../electron/report/workbook.ts';
import { matcherFor } from '../../electron/services/identities.ts';
import type { Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import { ORDINARY_WORDS, PASSAGES } from '../fixtures/identity/corpus.ts';
import {
  buildCorpusEngagement,
  clean,
  containsWord,
  corpusLeaks,
} from '../fixtures/identity/corpus-engagement.ts';
import { AWKWARD_PASSAGES, LONG_QUOTE, workbookContent } from '../fixtures/workbook-content.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { readWorkbook, Xlsx } from '../helpers/xlsx.ts';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
const dir = mkdtempSync(join(tmpdir(), 'kuulo-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (language: Language) => resources[language].translation.workbook.sheets;

async function render(language: Language, options: { passages?: boolean } = {}) {
  const content = workbookContent(language, options);
  const bytes = await renderReportWorkbook(content);
  return { content, bytes, xlsx: new Xlsx(bytes) };
}

describe('report workbook from a hand-built report', () => {
  test('has a sheet per section in the language, Quotes first, every name one Excel accepts', async () => {
    for (const language of ['fi', 'en'] as const) {
      const { xlsx } = await render(language);
      const n = names(language);
      expect(xlsx.sheets.map((s) => s.name)).toEqual([
        n.quotes,
        n.prevalence,
        n.crosstabs,
        n.scores,
        n.keyPerson,
        n.findings,
      ]);
      for (const name of Object.values(n)) expect(sheetName(name)).toBe(name);
    }
    expect(names('fi').scores).toBe('NPS ja tyytyväisyys');
  });

  test('leaves out the sheets of sections the export was not asked for', async () => {
    const content = workbookContent('en', { passages: false });
    content.scores = null;
    content.keyPerson = null;
    content.findings = null;
    const xlsx = new Xlsx(await renderReportWorkbook(content));
    expect(xlsx.sheets.map((s) => s.name)).toEqual(['Prevalence', 'Crosstabs']);
  });

  test('the quotes sheet has one row per passage, typed: numbers, dates, words and the text as written', async () => {
    const { content, xlsx } = await render('fi');
    const sheet = names('fi').quotes;
    const passages = content.passages!;
    expect(xlsx.rowCount(sheet)).toBe(passages.length + 1);
    // Interview number and severity are numbers, not shared strings; the date a serial day number.
    expect(xlsx.cell(sheet, 'A2')).toMatchObject({ t: null, v: '1' });
    expect(xlsx.cell(sheet, 'I2')).toMatchObject({ t: null, v: '1' });
    expect(xlsx.cell(sheet, 'B2')).toMatchObject({
      t: null,
      v: String(Date.UTC(2026, 2, 1) / 86_400_000 + 25_569),
    });
    expect(xlsx.numFmt(sheet, 'B2')).toBe('d.m.yyyy');
    expect(xlsx.numFmt(sheet, 'A2')).toBe('#,##0');
    // A passage with no date, sentiment or severity leaves the cell empty rather than writing a 0.
    expect(xlsx.cell(sheet, 'B5')?.v ?? null).toBeNull();
    expect(xlsx.cell(sheet, 'I4')?.v ?? null).toBeNull();
    // A quote that looks like a formula stays text: a shared string, never a <f>.
    expect(xlsx.cell(sheet, 'L2')?.t).toBe('s');
    expect(xlsx.sheet(sheet)).not.toContain('<f>');

    const wb = await readWorkbook(await renderReportWorkbook(content));
    const ws = wb.getWorksheet(sheet)!;
    expect(ws.rowCount).toBe(passages.length + 1);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Haastattelun nro',
      'Päivä',
      'Asiakas',
      'Haastateltava',
      'Asiakasryhmä',
      'Roolitasot',
      'Koodi',
      'Sävy',
      'Vakavuus (1–3)',
      'Avainlainaus',
      'Muistio',
      'Teksti',
    ]);
    const text = (row: number) => ws.getCell(`L${row}`).value;
    expect(text(2)).toBe(AWKWARD_PASSAGES.formula);
    expect(text(3)).toBe(AWKWARD_PASSAGES.minus);
    expect(text(4)).toBe(AWKWARD_PASSAGES.controlClean);
    expect(text(5)).toBe(AWKWARD_PASSAGES.emoji);
    expect(text(6)).toBe(AWKWARD_PASSAGES.lines.replace('\r\n', '\n'));
    expect(text(7)).toBe(LONG_QUOTE);
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(ws.getCell('J2').value).toBe('Kyllä');
    expect(ws.getCell('J3').value).toBe('Ei');
    expect(ws.getCell('F3').value).toBe('Operatiivinen, Vaikuttaja');
    expect(ws.getCell('H6').value).toBe('Myönteinen');
    expect(ws.getCell('L2').alignment?.wrapText).toBe(true);
    // The long quote's row is made tall enough to read (spreadsheets keep the height as written).
    expect(ws.getRow(7).height).toBeGreaterThan(200);
  });

  test('shares are fractions in a percent format, counts integers, on every figure sheet', async () => {
    const { xlsx } = await render('en');
    // Prevalence: 7 of 12 interviews, 5 of 9 accounts.
    expect(xlsx.cell('Prevalence', 'B2')).toMatchObject({ t: null, v: '7' });
    expect(xlsx.cell('Prevalence', 'C2')).toMatchObject({ t: null, v: '12' });
    expect(Number(xlsx.cell('Prevalence', 'D2')!.v)).toBeCloseTo(7 / 12, 12);
    expect(xlsx.cell('Prevalence', 'D2')!.t).toBeNull();
    expect(Number(xlsx.cell('Prevalence', 'G2')!.v)).toBeCloseTo(5 / 9, 12);
    for (const ref of ['D2', 'D4', 'G2', 'G4']) expect(xlsx.numFmt('Prevalence', ref), ref).toBe('0%');
    for (const ref of ['B2', 'C2', 'E2', 'F2']) expect(xlsx.numFmt('Prevalence', ref), ref).toBe('#,##0');
    expect(xlsx.numFmt('Crosstabs', 'F2')).toBe('0%');
    expect(xlsx.numFmt('Findings', 'I2')).toBe('0%');
    expect(Number(xlsx.cell('Findings', 'I2')!.v)).toBeCloseTo(7 / 12, 12);
    expect(xlsx.cell('NPS and satisfaction', 'F2')).toMatchObject({ t: null, v: '17' });
    expect(xlsx.numFmt('NPS and satisfaction', 'G2')).toBe('0.0');
    expect(xlsx.cell('Key-person risk', 'C2')).toMatchObject({ t: null, v: '1' });
    // No figure anywhere is written as text with a percent sign.
    const strings = xlsx.part('xl/sharedStrings.xml');
    expect(strings).not.toMatch(/<t[^>]*>\d+(?:[.,]\d+)?\s?%<\/t>/);
  });

  test('the crosstabs hold every attribute’s table in one long table, each cell with its n', async () => {
    const { content } = await render('en');
    const wb = await readWorkbook(await renderReportWorkbook(content));
    const ws = wb.getWorksheet('Crosstabs')!;
    const cells = Object.values(content.stats.crosstabs).reduce(
      (sum, t) => sum + t.rows.length * t.columns.length,
      0,
    );
    expect(ws.rowCount).toBe(cells + 1);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const keyRisk = rows.find(
      (r) => r[1] === 'Tier' && r[2] === 'Key account' && r[3] === 'Key-person risk',
    )!;
    const cell = content.stats.crosstabs.tier.rows[0]!.cells[0]!;
    expect(keyRisk.slice(4, 8)).toEqual([cell.interviews, cell.n, cell.interviews / cell.n, 'No']);
    expect(rows.some((r) => r[1] === 'Role level' && r[2] === 'Operational')).toBe(true);
    expect(rows.some((r) => r[1] === 'Lifecycle stage' && r[2] === 'Continuous development')).toBe(true);
  });

  test('findings carry their figure, priority, recommendation and attributed quotes', async () => {
    const { content } = await render('en');
    const wb = await readWorkbook(await renderReportWorkbook(content));
    const ws = wb.getWorksheet('Findings')!;
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(4).value).toBe(content.findings!.items[0]!.claim!.sentence);
    expect(first.getCell(6).value).toBe('Interviews');
    expect([first.getCell(7).value, first.getCell(8).value]).toEqual([7, 12]);
    expect(first.getCell(10).value).toBe('High');
    expect(first.getCell(12).value).toBe(
      // The date inside the text as the report's language writes it (the deck's too), not as ISO.
      `“${AWKWARD_PASSAGES.emoji}” — Avainasiakas A, päättäjä, 04/03/2026\n\n“Jos Mikko lähtee, kaikki loppuu.” — Avainasiakas B, päättäjä`,
    );
    expect(ws.getRow(3).getCell(12).value).toBeNull();
  });

  test('every sheet: styled, frozen header row and an autofilter LibreOffice can see', async () => {
    const { xlsx, bytes } = await render('fi');
    const workbook = xlsx.part('xl/workbook.xml');
    const wb = await readWorkbook(bytes);
    xlsx.sheets.forEach(({ name, xml }, i) => {
      const ws = wb.getWorksheet(name)!;
      ws.getRow(1).eachCell((cell) => {
        expect(cell.font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' }, name: 'Calibri' });
        expect(cell.fill).toMatchObject({
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: `FF${ACCENT}` },
        });
      });
      expect(ws.getRow(1).cellCount).toBeGreaterThan(1);
      expect(xml, name).toMatch(
        /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/,
      );
      const ref = /<autoFilter ref="A1:([A-Z]+)(\d+)"\/>/.exec(xml);
      expect(ref, name).not.toBeNull();
      expect(Number(ref![2])).toBe(xlsx.rowCount(name));
      const quoted = name.replace(/'/g, '&apos;&apos;');
      expect(workbook).toContain(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}">&apos;${quoted}&apos;!$A$1:$${ref![1]}$${ref![2]}</definedName>`,
      );
      expect(xml).toMatch(/<cols><col /);
    });
    // Printed: A4 landscape, one page wide, the header repeated.
    expect(xlsx.sheets[0]!.xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">');
  });

  test('the header’s white text on the accent colour is easy to read (WCAG AA)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [0, 2, 4].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    expect((1 + 0.05) / (luminance(ACCENT) + 0.05)).toBeGreaterThan(4.5);
  });

  test('document properties: the title, and Kuulo as the only author', async () => {
    const { xlsx } = await render('fi');
    const core = xlsx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>Asiakaskuuntelu 2026</dc:title>');
    expect(core).toContain('<dc:creator>Kuulo</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Kuulo</cp:lastModifiedBy>');
    expect(xlsx.part('docProps/app.xml')).not.toMatch(/<(Company|Manager)>[^<]/);
  });
});

/** Runs LibreOffice on the workbook; the files it wrote. */
function convert(bytes: Uint8Array, name: string, to: string): string[] {
  const out = mkdtempSync(join(dir, 'lo-'));
  const file = join(out, name);
  writeFileSync(file, bytes);
  const run = spawnSync(
    soffice!,
    ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', to, '--outdir', out, file],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return readdirSync(out)
    .filter((f) => f !== name && f !== 'profile')
    .map((f) => join(out, f));
}

/** Every sheet as CSV: comma, double quote, UTF-8, raw values (token 9 false), all sheets (token 12 -1). */
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

describe.skipIf(!soffice)('LibreOffice reads the workbook', () => {
  test('converts every sheet to CSV, with the numbers as numbers', async () => {
    const { bytes, content } = await render('fi');
    const files = convert(bytes, 'raportti.xlsx', CSV_ALL_SHEETS);
    const sheet = (name: string) => readFileSync(files.find((f) => f.endsWith(`-${name}.csv`))!, 'utf8');
    const n = names('fi');
    const prevalence = sheet(n.prevalence).trim().split('\n');
    expect(prevalence[0]).toBe(
      'Koodi,Haastattelut,Pidetyt haastattelut (perusjoukko),Osuus haastatteluista,Asiakkaat,Haastatellut asiakkaat (perusjoukko),Osuus asiakkaista',
    );
    // A share is a number LibreOffice shows in percent: 7/12 is 58.33…%, not the text "58 %".
    expect(prevalence[1]).toMatch(/^Avainhenkilöriski,7,12,58\.33+\d*%,5,9,55\.5+\d*%$/);
    const quotes = sheet(n.quotes);
    expect(quotes.split('\n')[0]).toBe(
      'Haastattelun nro,Päivä,Asiakas,Haastateltava,Asiakasryhmä,Roolitasot,Koodi,Sävy,Vakavuus (1–3),Avainlainaus,Muistio,Teksti',
    );
    expect(quotes).toContain(LONG_QUOTE);
    expect(sheet(n.scores).split('\n')[1]).toBe('Kaikki,12,5,4,3,17,3.75,12,Ei');
    expect(sheet(n.findings)).toContain(content.findings!.items[0]!.claim!.sentence);
  });

  test('shows the filter buttons on every sheet (the _FilterDatabase name is there)', async () => {
    const { bytes } = await render('en');
    const [fods] = convert(bytes, 'report.xlsx', 'fods');
    const ranges = [...readFileSync(fods!, 'utf8').matchAll(/<table:database-range [^>]*>/g)].map(
      (m) => m[0],
    );
    for (const name of Object.values(names('en'))) {
      const range = ranges.find((r) => r.includes(`"${name}.A1:`) || r.includes(`"&apos;${name}&apos;.A1:`));
      expect(range, name).toBeDefined();
      expect(range).toContain('table:display-filter-buttons="true"');
    }
  });
});

/** What a reader of each XML part could see. */
const partsText = (bytes: Uint8Array): Map<string, string> =>
  new Map(
    [...new Xlsx(bytes).parts]
      .filter(([part]) => part.endsWith('.xml'))
      .map(([part, xml]) => [part, visibleText(xml)]),
  );

describe('workbook of the demo engagements', () => {
  let demo: TestWorkspace;
  beforeAll(() => {
    demo = openTestWorkspace();
    demo.call('createDemo', {});
  });
  afterAll(() => demo.close());

  const engagementOf = (language: Language) =>
    demo
      .call('listEngagements', {})
      .find((e) => (language === 'fi' ? e.language === 'fi' : e.clientName.startsWith('Northbeam')))!;

  /** The interviewees of the engagement, and its accounts' names (shown at 'people'). */
  const people = (engagementId: string) => ({
    interviewees: demo.db
      .prepare(
        'SELECT p.name FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE a.engagement_id = ?',
      )
      .pluck()
      .all(engagementId) as string[],
    accounts: demo.db
      .prepare('SELECT name FROM accounts WHERE engagement_id = ?')
      .pluck()
      .all(engagementId) as string[],
  });

  for (const language of ['fi', 'en'] as const) {
    test(`${language}: a quotes row per quotable coded passage; with people hidden no interviewee is named in any part`, async () => {
      const engagement = engagementOf(language);
      const { content, anon, register } = buildReportContent(demo.ctx, engagement.id, {
        anonymize: 'people',
        passages: true,
      });
      const bytes = await renderReportWorkbook(content);
      const xlsx = new Xlsx(bytes);
      const quotable = demo
        .call('findQuotes', {
          codeIds: demo
            .call('getCodebook', { engagementId: engagement.id })
            .filter((c) => !c.isGroup)
            .map((c) => c.id),
          match: 'any',
          engagementId: engagement.id,
          starredOnly: false,
          limit: 100_000,
        })
        .filter((q) => q.quotable);
      expect(content.passages!.length).toBe(quotable.length);
      expect(quotable.length).toBeGreaterThan(20);
      const n = names(language);
      expect(xlsx.rowCount(n.quotes)).toBe(quotable.length + 1);
      // The demo's engagements have an interview guide: its answers have a sheet of their own.
      expect(xlsx.sheets.map((s) => s.name)).toEqual([
        n.quotes,
        n.prevalence,
        n.crosstabs,
        n.scores,
        resources[language].translation.guide.report.sheet,
        n.keyPerson,
        // The Finnish demo study is the second wave of its client: its comparison has a sheet.
        ...(language === 'fi' ? [resources.fi.translation.waves.report.sheet] : []),
        n.findings,
        // The demo's action register (issue 18).
        resources[language].translation.actions.report.sheet,
      ]);
      // The prevalence sheet's first share is its count over its base, in a percent format.
      const first = content.stats.prevalence[0]!;
      expect(Number(xlsx.cell(n.prevalence, 'D2')!.v)).toBeCloseTo(
        first.interviews / first.base.interviews,
        12,
      );
      expect(xlsx.numFmt(n.prevalence, 'D2')).toBe('0%');

      expect(findLeaks(language, bytes, anon, register, matcherFor(register))).toEqual([]);
      const { interviewees, accounts } = people(engagement.id);
      expect(interviewees.length).toBeGreaterThan(5);
      for (const [part, text] of partsText(bytes)) {
        // Account names are shown at this level, and some carry an interviewee's surname.
        const withoutAccounts = accounts.reduce((t, account) => t.replaceAll(account, ' '), text);
        for (const name of interviewees) {
          for (const form of [name, ...name.split(' ')])
            expect(containsWord(withoutAccounts, form), `${form} in ${part}`).toBe(false);
        }
      }
    });
  }

  test.skipIf(!soffice)(
    'LibreOffice converts the English demo workbook to CSV with its figures',
    async () => {
      const { content } = buildReportContent(demo.ctx, engagementOf('en').id, {
        anonymize: 'people',
        passages: true,
      });
      const files = convert(await renderReportWorkbook(content), 'demo.xlsx', CSV_ALL_SHEETS);
      // Six sections, the answers per question (the demo has an interview guide) and the action register.
      expect(files.filter((f) => f.endsWith('.csv'))).toHaveLength(8);
      const prevalence = readFileSync(files.find((f) => f.endsWith('-Prevalence.csv'))!, 'utf8')
        .trim()
        .split('\n');
      expect(prevalence).toHaveLength(content.stats.prevalence.length + 1);
      content.stats.prevalence.forEach((row, i) => {
        const cells = prevalence[i + 1]!.split(',').slice(-6);
        expect(cells.map((c, j) => (j % 3 === 2 ? Number.parseFloat(c) / 100 : Number(c)))).toEqual([
          row.interviews,
          row.base.interviews,
          expect.closeTo(row.interviews / row.base.interviews, 10),
          row.accounts,
          row.base.accounts,
          expect.closeTo(row.accounts / row.base.accounts, 10),
        ]);
      });
    },
  );

  test('with names shown the same check finds them: it is not blind', async () => {
    const engagement = engagementOf('fi');
    const { content } = buildReportContent(demo.ctx, engagement.id, { anonymize: 'none', passages: true });
    const text = [...partsText(await renderReportWorkbook(content)).values()].join('\n');
    const named = people(engagement.id).interviewees.filter((name) => containsWord(text, name));
    expect(named.length).toBeGreaterThan(0);
  });
});

/**
 * The identity corpus as an engagement, as test/integration/identity-corpus.test.ts builds it for
 * the Word report: each passage the coded notes of an interview, and here also the memo of the
 * coding before it, so every passage reaches the quotes sheet and the CSV twice.
 */
describe('the identity corpus in the workbook and the CSV', () => {
  let ws: TestWorkspace;
  let engagementId = '';

  beforeAll(() => {
    ws = openTestWorkspace();
    ({ engagementId } = buildCorpusEngagement(ws, { title: 'Kuuntelu', findings: false, memos: true }));
  });
  afterAll(() => ws.close());

  for (const level of ['people', 'accounts'] as const) {
    test(`${level}: no identifier it marks is left in any part of the workbook or in the CSV; ordinary words are`, async () => {
      const { content } = buildReportContent(ws.ctx, engagementId, { anonymize: level, passages: true });
      expect(content.passages).toHaveLength(PASSAGES.length);
      const texts = new Map([
        ...[...partsText(await renderReportWorkbook(content))].map(
          ([part, text]) => [part, clean(text)] as const,
        ),
        ['quotes.csv', clean(quotesCsv(content.passages!, 'fi'))] as const,
        [
          'quotes.xlsx',
          [...partsText(await quotesWorkbook(content.passages!, 'fi')).values()].map(clean).join('\n'),
        ] as const,
      ]);
      expect(corpusLeaks(level, texts)).toEqual([]);
      const shared = texts.get('xl/sharedStrings.xml')!;
      expect(ORDINARY_WORDS.filter((word) => !containsWord(shared, word))).toEqual([]);
      expect(ORDINARY_WORDS.filter((word) => !containsWord(texts.get('quotes.csv')!, word))).toEqual([]);
      expect(shared).toContain('[henkilö');
    });
  }
});
