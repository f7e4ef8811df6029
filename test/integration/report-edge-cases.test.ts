import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReportContent } from '../../electron/report/build.ts';
import type { ReportContent } from '../../electron/report/content.ts';
import { renderReportDeck } from '../../electron/report/deck.ts';
import { visibleText } from '../../electron/report/leaks.ts';
import { wordLayout } from '../../electron/report/word.ts';
import { renderReportWorkbook } from '../../electron/report/workbook.ts';
import type { Engagement } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import { type Connection, connect } from '../helpers/workspace.ts';
import { readWorkbook } from '../helpers/xlsx.ts';
import { unzipText } from '../helpers/zip.ts';

/**
 * What a sceptical review of the deck and the workbook found (issue 17), each on the demo workspace
 * made awkward the way a consultant's can be: a finding with no codes behind it, fourteen findings,
 * a code named in 140 characters, an engagement with nothing held yet.
 */

const dir = mkdtempSync(join(tmpdir(), 'kuulo-review17-'));
const db = join(dir, 'demo.db');
let ws: Connection;
let fi: Engagement;
const NO_CODES = 'Havainto, jonka takana ei ole mitään';
// 140 characters of Finnish: a theme named as a sentence, as people do.
const LONG_CODE =
  `${'Asiakkaan yhteyshenkilön vaihtuminen katkaisee toimituksen jatkuvuuden ja luottamuksen, '.repeat(2)}`
    .slice(0, 140)
    .trim();

type Parts = Map<string, string>;
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const slides = (parts: Parts) =>
  [...parts.keys()]
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
const slideText = (parts: Parts, n: number) => flat(visibleText(parts.get(`ppt/slides/slide${n}.xml`)!));
const notesText = (parts: Parts, n: number) =>
  flat(visibleText(parts.get(`ppt/notesSlides/notesSlide${n}.xml`) ?? ''));
/** The notes slide a slide's relationships point to, read as text ('' when it has none). */
const notesOfSlide = (parts: Parts, n: number) => {
  const rels = parts.get(`ppt/slides/_rels/slide${n}.xml.rels`) ?? '';
  const target = /notesSlides\/(notesSlide\d+\.xml)/.exec(rels)?.[1];
  return target ? flat(visibleText(parts.get(`ppt/notesSlides/${target}`)!)) : '';
};
/** The first slide showing the title in its text (not in a chart's alt text). */
const slideIndex = (parts: Parts, title: string) =>
  slides(parts).findIndex((name) =>
    flat([...parts.get(name)!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ')).includes(title),
  ) + 1;

let content: ReportContent;
let parts: Parts;

beforeAll(async () => {
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', 'demo', '--db', db], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  ws = connect(db);
  fi = ws.call('listEngagements', {}).find((e) => e.title === 'Asiakaskuuntelu 2025')!;
  // A code of the first finding (so its crosstab and the benchmark show it) renamed at length.
  const first = ws.call('listFindings', { engagementId: fi.id })[0]!;
  const code = ws.call('getCodebook', { engagementId: fi.id }).find((c) => c.id === first.codeIds[0])!;
  ws.call('updateCode', { id: code.id, patch: { name: { fi: LONG_CODE, en: LONG_CODE } } });
  ws.call('createFinding', { engagementId: fi.id, title: NO_CODES });
  for (let i = ws.call('listFindings', { engagementId: fi.id }).length; i < 14; i++)
    ws.call('createFinding', { engagementId: fi.id, title: `Lisähavainto ${i + 1}` });
  content = buildReportContent(ws.ctx, fi.id, { anonymize: 'people', passages: true }).content;
  parts = unzipText(await renderReportDeck(content));
}, 120_000);
afterAll(() => {
  ws?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a finding with no codes has no figure', () => {
  test('its content has none, in the summary and in the findings', () => {
    const item = content.findings!.items.find((i) => i.title === NO_CODES)!;
    expect(item.claim).toBeNull();
    expect(content.summary!.keyFindings.find((k) => k.title === NO_CODES)?.claim ?? null).toBeNull();
    // The others keep theirs.
    expect(content.findings!.items[0]!.claim?.sentence).toMatch(/\d/);
  });

  test('its slide shows no big number and no claim sentence; its notes no figure line', () => {
    const item = content.findings!.items.find((i) => i.title === NO_CODES)!;
    const n = 3 + item.number;
    const text = slideText(parts, n);
    expect(text).toContain(NO_CODES);
    expect(text).not.toMatch(/\d+\s?%/);
    expect(text).not.toMatch(/\d+\/\d+/);
    expect(notesText(parts, n)).not.toContain(resources.fi.translation.deck.notesClaim);
    // A finding with codes still has its big number.
    expect(slideText(parts, 4)).toMatch(/\d+\s%/);
  });

  test('Word: no figure under the key finding and no evidence callout', () => {
    const model = wordLayout(content);
    const summary = model.sections.find((s) => s.id === 'summary')!.blocks;
    const key = summary.find((b) => b.kind === 'keyFinding' && b.title === NO_CODES);
    // The summary lists the first seven; the finding without codes is the eighth of fourteen.
    if (key?.kind === 'keyFinding') expect(key.figure).toBeNull();
    const findings = model.sections.find((s) => s.id === 'findings')!.blocks;
    const at = findings.findIndex((b) => b.kind === 'heading' && b.text.endsWith(NO_CODES));
    expect(at).toBeGreaterThan(0);
    const next = findings.findIndex((b, i) => i > at && b.kind === 'heading');
    const own = findings.slice(at, next < 0 ? undefined : next);
    expect(
      own.some((b) => b.kind === 'callout' && b.label === resources.fi.translation.report.evidenceLabel),
    ).toBe(false);
    // The first finding keeps its evidence.
    expect(findings.some((b) => b.kind === 'callout' && b.text.match(/\d/))).toBe(true);
  });

  test('a summary holding it: no figure line there either (Word and deck)', async () => {
    const item = content.findings!.items.find((i) => i.title === NO_CODES)!;
    const first: ReportContent = {
      ...content,
      summary: {
        ...content.summary!,
        keyFindings: [{ number: 1, title: item.title, message: item.title, claim: null }],
      },
    };
    const key = wordLayout(first)
      .sections.find((s) => s.id === 'summary')!
      .blocks.find((b) => b.kind === 'keyFinding');
    expect(key?.kind === 'keyFinding' && key.figure).toBeNull();
    const deck = unzipText(await renderReportDeck(first));
    const summary = slideText(deck, 2);
    expect(summary).toContain(NO_CODES);
    // What the fake figure said: "0/15 haastattelussa nousi esiin (0 %)".
    expect(summary).not.toContain('nousi esiin');
    expect(summary).not.toMatch(/\b0\/\d+ haastattelu/);
  });

  test('workbook: its figure cells are empty', async () => {
    const wb = await readWorkbook(await renderReportWorkbook(content));
    const sheet = wb.getWorksheet(resources.fi.translation.workbook.sheets.findings)!;
    const item = content.findings!.items.find((i) => i.title === NO_CODES)!;
    const row = sheet.getRow(item.number + 1);
    expect(row.getCell(2).value).toBe(NO_CODES);
    for (const column of [4, 5, 6, 7, 8, 9]) expect(row.getCell(column).value, `column ${column}`).toBeNull();
    expect(sheet.getRow(2).getCell(7).value).toEqual(expect.any(Number));
  });
});

test('the summary slide counts every finding beyond those it shows', () => {
  expect(content.findings!.items).toHaveLength(14);
  expect(content.summary!.findingsTotal).toBe(14);
  const f = formatter('fi');
  expect(slideText(parts, 2)).toContain(f.plural(resources.fi.translation.deck, 'more', 14 - 6));
});

describe('a code named in 140 characters', () => {
  const charts = () => [...parts.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
  const categories = (xml: string) =>
    [...(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)?.[1] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map(
      (m) => m[1]!,
    );

  test('every category axis labels every category', () => {
    expect(charts().length).toBeGreaterThanOrEqual(4);
    for (const name of charts()) {
      const xml = parts.get(name)!;
      expect(xml, name).toMatch(/<c:catAx>[\s\S]*<c:tickLblSkip val="1"\/>[\s\S]*<\/c:catAx>/);
    }
  });

  test('its label is cut at a word with an ellipsis in the charts, whole in the notes and the workbook', async () => {
    const long = charts()
      .flatMap((name) => categories(parts.get(name)!))
      .filter((label) => label.startsWith('Asiakkaan yhteyshenkilön'));
    // The prevalence chart, the first finding's crosstab and the benchmark.
    expect(long.length).toBeGreaterThanOrEqual(3);
    for (const label of long) {
      expect(label.endsWith('…')).toBe(true);
      expect(label.length).toBeLessThan(80);
      expect(LONG_CODE.startsWith(label.slice(0, -1))).toBe(true);
      expect(LONG_CODE[label.length - 1]).toMatch(/[\s,]/);
    }
    const benchmark = slideIndex(parts, resources.fi.translation.report.sections.benchmark);
    expect(notesOfSlide(parts, benchmark)).toContain(LONG_CODE);
    const wb = await readWorkbook(await renderReportWorkbook(content));
    const prevalence = wb.getWorksheet(resources.fi.translation.workbook.sheets.prevalence)!;
    expect(prevalence.getColumn(1).values).toContain(LONG_CODE);
  });
});

describe('speaker notes beyond the finding slides', () => {
  const t = resources.fi.translation;
  const f = formatter('fi');

  test('executive summary: each key finding’s claim with its n, and the headline figures', () => {
    const notes = notesOfSlide(parts, 2);
    for (const k of content.summary!.keyFindings) {
      expect(notes).toContain(k.title);
      if (k.claim) expect(notes).toContain(flat(k.claim.sentence));
    }
    expect(notes).toContain(flat(content.summary!.headlines.nps));
    expect(notes).toContain(flat(content.summary!.headlines.keyPerson));
  });

  test('NPS: each group’s numbers with its n', () => {
    const notes = notesOfSlide(parts, slideIndex(parts, t.deck.npsTitle));
    expect(content.scores!.rows.length).toBeGreaterThan(1);
    for (const row of content.scores!.rows) {
      expect(notes).toContain(row.label);
      // The notes are read flat: a no-break space is a space.
      expect(notes).toContain(`n = ${row.n}`);
      if (row.nps !== null) expect(notes).toContain(flat(`NPS ${f.signed(row.nps)}`));
    }
  });

  test('key-person risk: every account row', () => {
    const notes = notesOfSlide(parts, slideIndex(parts, t.report.sections.keyPerson));
    expect(content.keyPerson!.rows.length).toBeGreaterThan(3);
    for (const row of content.keyPerson!.rows) expect(notes).toContain(row.account);
  });

  test('benchmark: the compared figures', () => {
    const notes = notesOfSlide(parts, slideIndex(parts, t.report.sections.benchmark));
    expect(content.benchmark!.rows.length).toBeGreaterThan(1);
    for (const row of content.benchmark!.rows) {
      expect(notes).toContain(row.code);
      expect(notes).toContain(flat(f.percentValue(row.thisPct)));
    }
  });

  test('method: the text and the sample', () => {
    const notes = notesOfSlide(parts, slides(parts).length);
    expect(notes).toContain(flat(content.method!.text));
    expect(notes).toContain(flat(content.method!.sample));
  });
});

test('the slide master’s and layouts’ slide-number fields carry no "null" cache', () => {
  const masters = [...parts.keys()].filter((n) => /^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/.test(n));
  expect(masters.length).toBeGreaterThan(1);
  let fields = 0;
  for (const name of masters)
    for (const m of parts.get(name)!.matchAll(/<a:fld [^>]*type="slidenum"[^>]*>[\s\S]*?<\/a:fld>/g)) {
      fields++;
      expect(m[0], name).not.toMatch(/<a:t>(null|undefined|\d+)<\/a:t>/);
    }
  expect(fields).toBeGreaterThan(0);
});

test('the workbook’s attributions date the quotes as the report’s language does', async () => {
  const wb = await readWorkbook(await renderReportWorkbook(content));
  const sheet = wb.getWorksheet(resources.fi.translation.workbook.sheets.findings)!;
  const evidence = String(sheet.getRow(2).getCell(12).value);
  const dated = content.findings!.items[0]!.quotes.find((q) => q.date)!;
  expect(evidence).toContain(formatter('fi').date(dated.date!, 'short'));
  expect(evidence).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});

describe('an engagement with no interview held', () => {
  for (const language of ['fi', 'en'] as const) {
    test(`${language}: the summary leaves out the period and the method the duration`, async () => {
      const e = ws.call('createEngagement', { clientName: 'Tyhjä Oy', title: 'Tyhjä', language });
      const account = ws.call('createAccount', { engagementId: e.id, name: 'Asiakas Oy', tier: 'key' });
      ws.call('createInterview', { engagementId: e.id, accountId: account.id });
      const { content: empty } = buildReportContent(ws.ctx, e.id, { anonymize: 'people' });
      for (const text of [empty.summary!.lead, empty.method!.text]) {
        expect(text).not.toContain('—');
        expect(text).not.toMatch(/\{\{|\}\}/);
      }
      const words = language === 'fi' ? [' – ', 'kestivät'] : ['between', 'lasted'];
      // Nor "we interviewed 0 people".
      expect(empty.summary!.lead).toBe(
        resources[language].translation.report.summaryLeadNone.replace('{{client}}', 'Tyhjä Oy'),
      );
      expect(empty.summary!.lead).not.toContain(words[0]);
      expect(empty.method!.text).not.toContain(words[1]);
      // With interviews held, both are said.
      expect(content.summary!.lead).toMatch(/\d{4} – \d/);
      expect(content.method!.text).toContain('kestivät keskimäärin');
      // The deck and the Word report print the same sentences.
      const deck = unzipText(await renderReportDeck(empty));
      expect(slideText(deck, 2)).toContain(flat(empty.summary!.lead));
      // The summary's two columns keep their own headings, and key-person risk says why there is
      // nothing, not "0 of 0 accounts".
      const tr = resources[language].translation;
      const summary = slideText(deck, 2);
      expect(summary.split(tr.report.summaryFigures.toUpperCase()).length - 1).toBe(1);
      expect(summary).toContain(tr.deck.keyFindings.toUpperCase());
      const keyPerson = slideText(deck, slideIndex(deck, tr.report.sections.keyPerson));
      expect(keyPerson).toContain(flat(empty.keyPerson!.empty!));
      expect(keyPerson).not.toContain(flat(empty.keyPerson!.summary));
    });
  }

  test('held without a date or a duration: the summary says who, the method how, neither when nor how long', () => {
    const e = ws.call('createEngagement', {
      clientName: 'Päiväämätön Oy',
      title: 'Ilman päiviä',
      language: 'en',
    });
    const account = ws.call('createAccount', { engagementId: e.id, name: 'Asiakas Oy', tier: 'key' });
    ws.call('createInterview', { engagementId: e.id, accountId: account.id, status: 'done', mode: 'phone' });
    const { content: held } = buildReportContent(ws.ctx, e.id, { anonymize: 'people' });
    const r = resources.en.translation.report;
    expect(held.summary!.lead).toContain('of Päiväämätön Oy.');
    expect(held.summary!.lead).not.toContain('between');
    expect(held.summary!.lead).not.toContain('—');
    expect(held.method!.text).toContain(`were held ${r.modePhrases.phone}.`);
    expect(held.method!.text).not.toContain('lasted');
    expect(held.method!.text).not.toContain('—');
  });
});

describe('a known company after a sentence’s first word', () => {
  test('is not learned with that word as one unknown name, so the word is not masked where a sentence opens with it', () => {
    // An imperative opening a recommendation, then a known account ("Kaskisalmen Sellu Oy" in the demo).
    const finding = ws.call('listFindings', { engagementId: fi.id })[1]!;
    const before = finding.recommendation;
    ws.call('updateFinding', {
      id: finding.id,
      patch: {
        recommendation:
          'Nimetkää Kaskisalmen Sellulle oma sponsori. Tarjotkaa Pohjolan Myllylle huoltosopimusta.',
      },
    });
    try {
      const rows = buildReportContent(ws.ctx, fi.id, { anonymize: 'people' }).content.recommendations!.rows;
      const text = rows.map((r) => r.recommendation).join('\n');
      // Accounts stay named at this level; the verbs stay words, here and in the other recommendations.
      expect(text).toContain('Nimetkää Kaskisalmen Sellulle oma sponsori.');
      expect(text).toContain('Tarjotkaa Pohjolan Myllylle huoltosopimusta.');
      expect(text).toContain('Nimetkää jokaiselle');
      expect(text).not.toContain(resources.fi.translation.report.masks.person);
    } finally {
      ws.call('updateFinding', { id: finding.id, patch: { recommendation: before } });
    }
  });
});

describe('what a deck says beyond its slides', () => {
  test('every chart has alt text with its title and figures, and each recommendation is whole in the notes', () => {
    let charts = 0;
    for (const name of slides(parts)) {
      for (const frame of parts.get(name)!.match(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g) ?? []) {
        if (!frame.includes('c:chart')) continue;
        charts++;
        const descr = /descr="([^"]*)"/.exec(frame)?.[1] ?? '';
        expect(descr.length, name).toBeGreaterThan(20);
        expect(descr, name).toMatch(/\d/);
      }
    }
    expect(charts).toBeGreaterThan(3);
    const title = resources.fi.translation.report.sections.recommendations;
    const n = slideIndex(parts, title);
    const notes = notesOfSlide(parts, n);
    for (const row of content.recommendations!.rows.slice(0, 2))
      expect(notes).toContain(flat(row.recommendation));
  });
});
