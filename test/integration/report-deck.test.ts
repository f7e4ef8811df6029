import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReportContent } from '../../electron/report/build.ts';
import type { ReportContent } from '../../electron/report/content.ts';
import { renderReportDeck } from '../../electron/report/deck.ts';
import { findLeaks, visibleText } from '../../electron/report/leaks.ts';
import { unzip } from '../../electron/report/unzip.ts';
import { matcherFor } from '../../electron/services/identities.ts';
import { resources } from '../../shared/i18n/index.ts';
import { ORDINARY_WORDS } from '../fixtures/identity/corpus.ts';
import {
  buildCorpusEngagement,
  clean,
  containsWord,
  corpusLeaks,
} from '../fixtures/identity/corpus-engagement.ts';
import { LONG_TITLE_FI, reportContent } from '../fixtures/report-content.ts';
import { AWKWARD, longQuote } from '../fixtures/report-model.ts';
import { type Connection, connect, openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { unzipText } from '../helpers/zip.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The board deck as a package: what PowerPoint reads (slides, native charts, notes, content types)
 * and what a reader sees. The checks on the XML are the ones PowerPoint's "repair" prompt comes from
 * in pptxgenjs's open issues: parts not well-formed or missing, dangling references, empty caches.
 */

const onPath = (command: string) => spawnSync('which', [command]).status === 0;
const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'deck');

type Parts = Map<string, string>;

const slideNames = (parts: Parts) =>
  [...parts.keys()]
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
const slideText = (parts: Parts, n: number) => visibleText(parts.get(`ppt/slides/slide${n}.xml`)!);
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Whether the XML is well-formed as far as a package reader cares: one root, every element closed in
 * order, attributes quoted, no raw `<` or stray `&` in text, no characters XML 1.0 forbids.
 */
function wellFormed(xml: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for exactly those characters
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) return 'forbidden character';
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(xml)) return 'stray &';
  const body = xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  const tag =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|</g;
  let last = 0;
  for (const m of body.matchAll(tag)) {
    if (m[0] === '<') return `unparseable tag at ${m.index}: ${body.slice(m.index, m.index + 60)}`;
    if (stack.length === 0 && body.slice(last, m.index).trim()) return 'text outside the root';
    last = m.index + m[0].length;
    if (!m[2]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `</${m[2]}> closes the wrong element`;
    } else if (!m[4]) {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

/** What PowerPoint refuses or repairs, checked part by part. Returns the problems found. */
function packageProblems(parts: Parts): string[] {
  const problems: string[] = [];
  const types = parts.get('[Content_Types].xml') ?? '';
  const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]!));
  const defaults = new Set(
    [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()),
  );
  for (const [name, xml] of parts) {
    if (name.endsWith('/')) continue;
    if (/\.(xml|rels)$/.test(name)) {
      const error = wellFormed(xml);
      if (error) problems.push(`${name}: ${error}`);
    }
    // Every part has a content type; the slides, charts and notes their own.
    const extension = name.split('.').pop()!.toLowerCase();
    if (!overrides.has(name) && !defaults.has(extension)) problems.push(`${name}: no content type`);
    if (
      /^ppt\/(slides|charts|notesSlides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/.test(name) &&
      !overrides.has(name)
    )
      problems.push(`${name}: no Override in [Content_Types].xml`);
    // Relationships point at parts that exist.
    if (name.endsWith('.rels')) {
      const folder = name.replace(/_rels\/[^/]*\.rels$/, '');
      for (const m of xml.matchAll(
        /<Relationship [^>]*Target="([^"]+)"[^>]*?(TargetMode="External")?\/?>/g,
      )) {
        if (m[2]) continue;
        const target = m[1]!.startsWith('/')
          ? m[1]!.slice(1)
          : new URL(m[1]!, `file:///${folder}`).pathname.slice(1);
        if (!parts.has(target)) problems.push(`${name}: target ${m[1]} is missing`);
      }
    }
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) {
      for (const cache of xml.matchAll(/<c:(strCache|numCache)>([\s\S]*?)<\/c:\1>/g)) {
        const count = Number(/<c:ptCount val="(\d+)"/.exec(cache[2]!)?.[1] ?? 0);
        if (count === 0 || !cache[2]!.includes('<c:pt ')) problems.push(`${name}: empty ${cache[1]}`);
      }
      const axes = new Set(
        [...xml.matchAll(/<c:(?:catAx|valAx|serAx|dateAx)>\s*<c:axId val="(\d+)"/g)].map((m) => m[1]),
      );
      for (const m of xml.matchAll(/<c:axId val="(\d+)"\/>/g))
        if (!axes.has(m[1])) problems.push(`${name}: axId ${m[1]} has no axis`);
    }
    if (/^ppt\/(slides|notesSlides|slideMasters|slideLayouts|notesMasters)\//.test(name)) {
      // A text body with no paragraph (PptxGenJS#1048) and colours PowerPoint cannot read (#588).
      for (const m of xml.matchAll(/<(?:a|p):txBody>([\s\S]*?)<\/(?:a|p):txBody>/g))
        if (!m[1]!.includes('<a:p>') && !m[1]!.includes('<a:p '))
          problems.push(`${name}: text body without a paragraph`);
    }
    for (const m of xml.matchAll(/<a:srgbClr val="([^"]*)"/g))
      if (!/^[0-9A-Fa-f]{6}$/.test(m[1]!)) problems.push(`${name}: colour ${m[1]}`);
  }
  for (const name of overrides)
    if (!parts.has(name)) problems.push(`[Content_Types].xml: ${name} is not in the package`);
  return problems;
}

/** Charts with their slides: each chart part is a native bar chart referenced from a slide. */
function chartsBySlide(parts: Parts): Map<string, string[]> {
  const bySlide = new Map<string, string[]>();
  for (const name of slideNames(parts)) {
    const rels = parts.get(name.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels')) ?? '';
    const charts = [...rels.matchAll(/Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/g)].map(
      (m) => `ppt/charts/${m[1]}`,
    );
    bySlide.set(name, charts);
  }
  return bySlide;
}

const notesOf = (parts: Parts, n: number) =>
  visibleText(parts.get(`ppt/notesSlides/notesSlide${n}.xml`) ?? '');

describe('the board deck from hand-built report content', () => {
  const decks = new Map<'fi' | 'en', { content: ReportContent; bytes: Uint8Array; parts: Parts }>();

  beforeAll(async () => {
    for (const lang of ['fi', 'en'] as const) {
      const content = reportContent(lang);
      const bytes = await renderReportDeck(content);
      decks.set(lang, { content, bytes, parts: unzipText(bytes) });
    }
  });

  test('one slide per section and per finding, in order, with their titles; recommendations run onto a second slide', () => {
    for (const [lang, { content, parts }] of decks) {
      const t = resources[lang].translation;
      // Title, summary, findings overview, 2 findings, NPS, key-person risk, benchmark, 2 × recommendations, method.
      expect(slideNames(parts)).toHaveLength(11);
      const titles = slideNames(parts).map((_, i) => flat(slideText(parts, i + 1)));
      expect(titles[0]).toContain(content.cover.title);
      expect(titles[0]).toContain(content.cover.clientName.toUpperCase());
      expect(titles[0]).toContain(t.report.confidential.toUpperCase());
      expect(titles[1]).toContain(t.report.sections.summary);
      expect(titles[2]).toContain(t.report.sections.findings);
      expect(titles[3]).toContain(t.deck.findingLabel.split(' ')[0]!.toUpperCase());
      expect(titles[5]).toContain(t.deck.npsTitle);
      expect(titles[6]).toContain(t.report.sections.keyPerson);
      expect(titles[7]).toContain(t.report.sections.benchmark);
      expect(titles[8]).toContain(t.report.sections.recommendations);
      expect(titles[9]).toContain(
        resources[lang].translation.deck.continued.replace('{{title}}', t.report.sections.recommendations),
      );
      expect(titles[10]).toContain(t.report.sections.method);
      // Every recommendation is on one of the two slides.
      for (const row of content.recommendations!.rows) expect(titles[8]! + titles[9]!).toContain(row.finding);
    }
  });

  test('a finding slide states its point: the key message as the title, else the finding’s title, with its figure and n', () => {
    const en = decks.get('en')!;
    const first = flat(slideText(en.parts, 4));
    expect(first).toContain(en.content.findings!.items[0]!.keyMessage);
    expect(first).toContain('68%');
    expect(first).toContain(en.content.findings!.items[0]!.claim!.sentence);
    // No key message: the title is the action title.
    expect(flat(slideText(en.parts, 5))).toContain(en.content.findings!.items[1]!.title);
    // A 250-character Finnish key message is cut at a word with an ellipsis, not left to overflow.
    const fi = flat(slideText(decks.get('fi')!.parts, 4));
    const cut = /(Asiakkaat eivät tunne[^…]*)…/.exec(fi);
    expect(cut, fi).not.toBeNull();
    expect(LONG_TITLE_FI.startsWith(cut![1]!.trim())).toBe(true);
    expect(cut![1]!.length).toBeLessThan(LONG_TITLE_FI.length);
  });

  test('the 3,000-character quote is cut on the slide but whole in the speaker notes, with every quote and its attribution', () => {
    for (const [lang, { content, parts }] of decks) {
      const item = content.findings!.items[1]!;
      const slide = flat(slideText(parts, 5));
      expect(slide).not.toContain(longQuote(lang));
      expect(slide).toMatch(/…/);
      const notes = flat(notesOf(parts, 5));
      expect(notes).toContain(resources[lang].translation.deck.notesEvidence);
      expect(notes).toContain(item.claim!.sentence);
      expect(notes).toContain(flat(longQuote(lang)));
      for (const quote of item.quotes.filter((q) => q.text !== AWKWARD.controlRaw)) {
        expect(notes).toContain(flat(quote.text));
        expect(notes).toContain(quote.attribution);
      }
      // Characters XML cannot hold are gone, the text around them kept.
      expect(notes).toContain(AWKWARD.controlClean);
      // The first finding's notes carry its tier breakdown; emoji survive.
      const first = flat(notesOf(parts, 4));
      expect(first).toContain(content.findings!.items[0]!.claim!.tiers!);
      expect(first).toContain(lang === 'fi' ? AWKWARD.emoji : AWKWARD.emojiEn);
      // Notes are paragraphs, one per line of the evidence list.
      expect((parts.get('ppt/notesSlides/notesSlide5.xml')!.match(/<a:p>/g) ?? []).length).toBeGreaterThan(5);
    }
  });

  test('charts are native bar charts, referenced from their slides: prevalence, the finding’s crosstab, NPS stacked, benchmark', () => {
    for (const { parts } of decks.values()) {
      const bySlide = chartsBySlide(parts);
      const all = [...bySlide.values()].flat();
      expect(all).toHaveLength(4);
      for (const chart of all) {
        expect(parts.get(chart), chart).toContain('<c:barChart>');
      }
      const chartOf = (slide: number) => parts.get(bySlide.get(`ppt/slides/slide${slide}.xml`)![0]!)!;
      expect(chartOf(3)).toContain('<c:barDir val="bar"/>');
      expect(chartOf(4)).toContain('<c:grouping val="clustered"/>');
      expect(chartOf(6)).toContain('<c:grouping val="percentStacked"/>');
      // NPS groups carry their n in the category labels.
      expect(chartOf(6)).toMatch(/n\u00a0=\u00a060/);
      expect(chartOf(8)).toContain('<c:barDir val="bar"/>');
      // The finding without a chart has none.
      expect(bySlide.get('ppt/slides/slide5.xml')).toEqual([]);
    }
  });

  test('the package is one PowerPoint opens without repair: well-formed parts, content types, references, caches, axes', () => {
    for (const { parts } of decks.values()) expect(packageProblems(parts)).toEqual([]);
  });

  test('the checks can fail: a phantom override, a dangling axis id and a broken tag are each found', () => {
    const parts = new Map(decks.get('en')!.parts);
    const types = parts.get('[Content_Types].xml')!;
    parts.set(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="x"/></Types>',
      ),
    );
    const chart = [...parts.keys()].find((n) => n.startsWith('ppt/charts/chart'))!;
    parts.set(chart, parts.get(chart)!.replace('</c:barChart>', '<c:axId val="2094734556"/></c:barChart>'));
    parts.set('ppt/slides/slide2.xml', parts.get('ppt/slides/slide2.xml')!.replace('</p:sld>', ''));
    const problems = packageProblems(parts).join('\n');
    expect(problems).toContain('slideMaster2.xml is not in the package');
    expect(problems).toContain('axId 2094734556 has no axis');
    expect(problems).toContain('slide2.xml: unclosed');
  });

  test('sections that are null are left out', async () => {
    const content: ReportContent = {
      ...reportContent('en'),
      scores: null,
      keyPerson: null,
      benchmark: null,
      recommendations: null,
      findings: null,
    };
    const parts = unzipText(await renderReportDeck(content));
    // Title, summary, method.
    expect(slideNames(parts)).toHaveLength(3);
    expect(packageProblems(parts)).toEqual([]);
    const text = slideNames(parts)
      .map((_, i) => slideText(parts, i + 1))
      .join('\n');
    expect(text).not.toContain(resources.en.translation.report.sections.keyPerson);
    expect([...parts.keys()].some((n) => n.startsWith('ppt/charts/chart'))).toBe(false);
  });

  test('sections with nothing to show say so on their slide, with no chart', async () => {
    const full = reportContent('fi');
    const content: ReportContent = {
      ...full,
      summary: {
        ...full.summary!,
        keyFindings: [],
        noFindings: {
          text: 'Havaintoja ei ole vielä kirjoitettu.',
          themes: [{ code: 'Siilot', count: 4, base: 10 }],
        },
      },
      findings: { ...full.findings!, prevalenceChart: null, items: [] },
      scores: { ...full.scores!, rows: [], chart: null, empty: 'Pisteitä ei kirjattu.' },
      keyPerson: { ...full.keyPerson!, rows: [], empty: 'Suhdekarttoja ei kirjattu.' },
      benchmark: { ...full.benchmark!, compared: false, chart: null, said: 'Vertailukohtia ei ole.' },
      recommendations: { ...full.recommendations!, rows: [], empty: 'Suosituksia ei ole vielä kirjoitettu.' },
    };
    const parts = unzipText(await renderReportDeck(content));
    expect(packageProblems(parts)).toEqual([]);
    const text = flat(
      slideNames(parts)
        .map((_, i) => slideText(parts, i + 1))
        .join('\n'),
    );
    for (const said of [
      'Havaintoja ei ole vielä kirjoitettu.',
      'Siilot: 40 % (4/10)',
      'Pisteitä ei kirjattu.',
      'Suhdekarttoja ei kirjattu.',
      'Vertailukohtia ei ole.',
      'Suosituksia ei ole vielä kirjoitettu.',
    ])
      expect(text).toContain(said);
    expect([...parts.keys()].some((n) => n.startsWith('ppt/charts/chart'))).toBe(false);
  });

  const soffice = onPath('soffice') && onPath('pdfinfo') && onPath('pdftoppm');
  test.skipIf(!soffice)(
    'LibreOffice converts both decks to PDF, a page per slide (pages as PNG in test-results/deck/)',
    () => {
      const work = mkdtempSync(join(tmpdir(), 'kuulo-deck-'));
      try {
        mkdirSync(OUT, { recursive: true });
        for (const [lang, { bytes, parts }] of decks) {
          const file = join(work, `fixture-${lang}.pptx`);
          writeFileSync(file, bytes);
          const profile = pathToFileURL(join(work, 'profile')).href;
          const run = spawnSync(
            'soffice',
            [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file],
            { timeout: 90_000, encoding: 'utf8' },
          );
          expect(run.status, run.stderr).toBe(0);
          const pdf = join(work, `fixture-${lang}.pdf`);
          const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
          expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slideNames(parts).length);
          for (const old of readdirSync(OUT)) if (old.startsWith(`fixture-${lang}-`)) rmSync(join(OUT, old));
          spawnSync('pdftoppm', ['-r', '50', '-png', pdf, join(OUT, `fixture-${lang}`)], { timeout: 60_000 });
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    200_000,
  );
});

/** Runs the CLI the way `npm run kuulo --` does. */
function kuulo(...args: string[]) {
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every text a reader could see in the package and in the chart workbooks inside it. */
function shownText(bytes: Uint8Array): Map<string, string> {
  const shown = new Map<string, string>();
  const read = (archive: Uint8Array, prefix: string) => {
    for (const [part, data] of unzip(archive)) {
      if (/\.xlsx$/i.test(part)) read(data, `${prefix}${part}/`);
      else if (/\.(xml|rels)$/i.test(part)) shown.set(prefix + part, visibleText(data.toString('utf8')));
    }
  };
  read(bytes, '');
  return shown;
}

describe('the board deck of the demo workspace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kuulo-deck-demo-'));
  const db = join(dir, 'demo.db');
  let ws: Connection;
  const decks = new Map<string, { content: ReportContent; bytes: Uint8Array; parts: Parts; ms: number }>();

  beforeAll(async () => {
    expect(kuulo('demo', '--db', db).code).toBe(0);
    ws = connect(db);
    const engagements = ws.call('listEngagements', {});
    const fi = engagements.find((e) => e.language === 'fi')!;
    const en = engagements.find((e) => e.clientName.startsWith('Northbeam'))!;
    for (const [name, engagement, language] of [
      ['fi', fi, 'fi'],
      ['en', en, 'en'],
      ['fi-in-en', fi, 'en'],
    ] as const) {
      const started = performance.now();
      const { content } = buildReportContent(ws.ctx, engagement.id, { anonymize: 'people', language });
      const bytes = await renderReportDeck(content);
      decks.set(name, { content, bytes, parts: unzipText(bytes), ms: performance.now() - started });
    }
  }, 120_000);
  afterAll(() => {
    ws?.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a slide per section and per finding, each finding titled by its point, in the report’s language', () => {
    for (const { content, parts } of decks.values()) {
      const t = resources[content.language].translation;
      const items = content.findings?.items ?? [];
      expect(items.length).toBeGreaterThan(0);
      const texts = slideNames(parts).map((_, i) => flat(slideText(parts, i + 1)));
      // Title, summary, overview, the findings, NPS, key-person risk, benchmark, recommendations (1+), method.
      expect(texts.length).toBeGreaterThanOrEqual(8 + items.length);
      expect(texts[0]).toContain(content.cover.clientName.toUpperCase());
      expect(texts[1]).toContain(t.report.sections.summary);
      for (const [i, item] of items.entries()) {
        const slide = texts[3 + i]!;
        const title = (item.keyMessage.trim() || item.title).replace(/\s+/g, ' ');
        // The action title, whole or cut at a word with an ellipsis.
        expect(slide.startsWith(t.deck.findingLabel.split(' ')[0]!.toUpperCase())).toBe(true);
        expect(slide).toContain(title.slice(0, 30));
        expect(flat(notesOf(parts, 4 + i))).toContain(flat(item.claim!.sentence));
        for (const quote of item.quotes) expect(flat(notesOf(parts, 4 + i))).toContain(flat(quote.text));
      }
      expect(texts.at(-1)).toContain(t.report.sections.method);
    }
  });

  test('native charts only, each referenced from its slide, and a package PowerPoint opens without repair', () => {
    for (const { parts } of decks.values()) {
      expect(packageProblems(parts)).toEqual([]);
      const charts = [...chartsBySlide(parts).values()].flat();
      expect(charts.length).toBeGreaterThanOrEqual(3);
      for (const chart of charts) expect(parts.get(chart)).toContain('<c:barChart>');
      // Not a picture among them.
      expect([...parts.keys()].filter((n) => n.startsWith('ppt/media/'))).toEqual([]);
    }
  });

  test('people anonymised: no interviewee’s name in any part, chart workbooks and speaker notes included', () => {
    for (const [name, { content, bytes }] of decks) {
      const engagementId = ws
        .call('listEngagements', {})
        .find(
          (e) => e.clientName === content.cover.clientName || content.cover.clientName.includes(e.clientName),
        )?.id;
      expect(engagementId, name).toBeDefined();
      const register = ws.call('identityRegister', { engagementId: engagementId! });
      const interviewees = register.filter((e) => e.kind === 'person' && e.role === 'interviewee');
      expect(interviewees.length).toBeGreaterThan(3);
      const shown = shownText(bytes);
      const leaks: string[] = [];
      for (const person of interviewees)
        for (const form of person.names)
          for (const [part, text] of shown)
            if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'u').test(text))
              leaks.push(`${form} in ${part}`);
      expect(leaks, name).toEqual([]);
      // And the export's own last line of defence finds nothing either.
      const { anon } = buildReportContent(ws.ctx, engagementId!, {
        anonymize: 'people',
        language: content.language,
      });
      expect(findLeaks(content.language, bytes, anon, register, matcherFor(register)), name).toEqual([]);
    }
  });

  test('each demo deck (15 and 10 interviews) takes well under 3 s, content and slides', () => {
    for (const [name, { ms }] of decks) {
      console.info(`deck ${name}: ${Math.round(ms)} ms`);
      expect(ms).toBeLessThan(3000);
    }
  });

  const soffice = onPath('soffice') && onPath('pdfinfo') && onPath('pdftoppm');
  test.skipIf(!soffice)(
    'LibreOffice converts the Finnish and English demo decks, a page per slide (PNG in test-results/deck/)',
    () => {
      const work = mkdtempSync(join(tmpdir(), 'kuulo-deck-'));
      try {
        mkdirSync(OUT, { recursive: true });
        for (const [name, { bytes, parts }] of decks) {
          const file = join(work, `demo-${name}.pptx`);
          writeFileSync(file, bytes);
          writeFileSync(join(OUT, `demo-${name}.pptx`), bytes);
          const profile = pathToFileURL(join(work, 'profile')).href;
          const run = spawnSync(
            'soffice',
            [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file],
            { timeout: 90_000, encoding: 'utf8' },
          );
          expect(run.status, run.stderr).toBe(0);
          const pdf = join(work, `demo-${name}.pdf`);
          const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
          expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slideNames(parts).length);
          for (const old of readdirSync(OUT)) if (old.startsWith(`demo-${name}-`)) rmSync(join(OUT, old));
          spawnSync('pdftoppm', ['-r', '50', '-png', pdf, join(OUT, `demo-${name}`)], { timeout: 60_000 });
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

/**
 * The identity corpus (test/fixtures/identity/corpus.ts) as an engagement, as identity-corpus.test.ts
 * builds it for the Word report: each passage the coded notes of an interview and a quote of a
 * finding, five quotes a finding. The deck prints one or two of them on the slide and all of them in
 * the speaker notes, so every passage reaches the deck.
 */
describe('the identity corpus in an anonymised deck', () => {
  let ws: TestWorkspace;
  let engagementId = '';

  beforeAll(() => {
    ws = openTestWorkspace();
    ({ engagementId } = buildCorpusEngagement(ws));
  });
  afterAll(() => ws?.close());

  for (const level of ['people', 'accounts'] as const) {
    test(`${level}: no identifier of the corpus in any part of the deck, notes and chart workbooks included`, async () => {
      const { content, anon } = buildReportContent(ws.ctx, engagementId, { anonymize: level });
      const bytes = await renderReportDeck(content);
      const shown = new Map([...shownText(bytes)].map(([part, text]) => [part, clean(text)] as const));
      const texts = [...shown.values()];
      expect(corpusLeaks(level, shown)).toEqual([]);
      // The passages are in the deck (the notes carry every quote whole), masked, not dropped.
      const all = texts.join('\n');
      expect(all).toContain('[henkilö');
      expect(ORDINARY_WORDS.filter((word) => !containsWord(all, word))).toEqual([]);
      const register = ws.call('identityRegister', { engagementId });
      expect(findLeaks(content.language, bytes, anon, register, matcherFor(register))).toEqual([]);
    });
  }
});
