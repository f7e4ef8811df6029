import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clean, isRtl, renderReportDocx } from '../../electron/report/docx.ts';
import { defaultFontDir, rasterizeChart } from '../../electron/report/raster.ts';
import type { ReportBlock, ReportModel } from '../../electron/report/types.ts';
import { AWKWARD, buildReportModel, chartSpecs, longQuote } from '../fixtures/report-model.ts';
import { unzipText } from '../helpers/zip.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The visible text of a WordprocessingML part, a line per paragraph (line breaks as \n, tabs as \t). */
function textOf(xml: string): string {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  let out = '';
  for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>|<\/w:p>/g)) {
    if (m[1] !== undefined) out += decode(m[1]);
    else if (m[0] === '<w:br/>') out += '\n';
    else if (m[0] === '<w:tab/>') out += '\t';
    else out += '\n';
  }
  return out;
}

const blocks = (model: ReportModel): ReportBlock[] => model.sections.flatMap((s) => s.blocks);
const quotes = (model: ReportModel) => blocks(model).filter((b) => b.kind === 'quote');
const charts = (model: ReportModel) => blocks(model).flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));

/** Whether a program is on PATH (poppler's tools have no `--version` that exits 0). */
function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the Word report package', () => {
  let en: ReportModel;
  let fi: ReportModel;
  let enParts: Map<string, string>;
  let fiParts: Map<string, string>;

  beforeAll(async () => {
    en = buildReportModel('en');
    fi = buildReportModel('fi');
    enParts = unzipText(await renderReportDocx(en));
    fiParts = unzipText(await renderReportDocx(fi));
    // Two whole reports built and rendered: seconds on a busy machine.
  }, 60_000);

  const part = (parts: Map<string, string>, name: string): string => {
    const xml = parts.get(name);
    if (xml === undefined) throw new Error(`${name} missing; parts: ${[...parts.keys()].join(', ')}`);
    return xml;
  };

  test('styles.xml defines the named styles, and the document uses them', () => {
    const styles = part(enParts, 'word/styles.xml');
    const doc = part(enParts, 'word/document.xml');
    const defined = (id: string, type = 'paragraph') =>
      new RegExp(`<w:style w:type="${type}"[^>]*w:styleId="${id}"`).test(styles);
    for (const id of [
      'Normal',
      'Title',
      'Subtitle',
      'Heading1',
      'Heading2',
      'Heading3',
      'Caption',
      'Quote',
    ]) {
      expect(defined(id), id).toBe(true);
      expect(doc, `document uses ${id}`).toContain(id === 'Normal' ? '<w:p>' : `<w:pStyle w:val="${id}"/>`);
    }
    for (const id of ['ListBullet', 'TableCaption', 'Lead', 'Muted', 'QuoteAttribution', 'TOC1', 'TOC2']) {
      expect(defined(id), id).toBe(true);
    }
    expect(doc).toContain('<w:pStyle w:val="ListBullet"/>');
    // A real table style, used by the report's tables, with a name Word shows in its gallery.
    expect(styles).toMatch(
      /<w:style w:type="table" w:customStyle="1" w:styleId="KuuloTable"><w:name w:val="Kuulo Table"\/>/,
    );
    expect(doc).toContain('<w:tblStyle w:val="KuuloTable"/>');
    // The bullet style carries its numbering, as Word's List Bullet does.
    expect(styles).toMatch(/w:styleId="ListBullet">.*?<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/>/);
    // Typography comes from the styles: Arial, dark ink and the accent colour on the headings.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"/);
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:color w:val="1F5F74"\/>/);
    expect(doc).not.toMatch(/<w:rFonts /);
  });

  test('the language of the text is the engagement’s, for spell-check and hyphenation', () => {
    expect(part(fiParts, 'word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>.*?<w:lang w:val="fi-FI"\/>/);
    expect(part(enParts, 'word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>.*?<w:lang w:val="en-GB"\/>/);
  });

  test('a table of contents field over headings 1–2 with hyperlinks, filled in with page numbers', () => {
    for (const [model, parts] of [
      [en, enParts],
      [fi, fiParts],
    ] as const) {
      const doc = part(parts, 'word/document.xml');
      // docx writes the switches as `TOC \h \o "1-2"`; their order means nothing to Word.
      const instruction = /<w:instrText[^>]*>(TOC [^<]*)<\/w:instrText>/
        .exec(doc)?.[1]
        ?.replace(/&quot;/g, '"');
      expect(instruction).toMatch(/^TOC( \\[a-z]( "[^"]*")?)+$/);
      expect(instruction).toContain('\\o "1-2"');
      expect(instruction).toContain('\\h');
      expect(part(parts, 'word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
      const sdt = doc.slice(doc.indexOf('<w:sdtContent>'), doc.indexOf('</w:sdtContent>'));
      expect(sdt).toContain('PAGEREF _Toc');
      const toc = textOf(sdt);
      const pages: number[] = [];
      for (const section of model.sections) {
        const entry = new RegExp(`${escapeRegExp(section.title)}\\t(\\d+)`).exec(toc);
        expect(entry, `TOC entry for ${section.title}`).not.toBeNull();
        pages.push(Number(entry![1]));
      }
      expect(pages[0]).toBe(3); // cover, contents, then the first chapter
      expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    }
  });

  test('every section title, key finding and quote is in the text; control characters are gone', () => {
    for (const [model, parts] of [
      [en, enParts],
      [fi, fiParts],
    ] as const) {
      const doc = part(parts, 'word/document.xml');
      const text = textOf(doc);
      for (const section of model.sections) expect(text).toContain(section.title);
      for (const block of blocks(model)) {
        if (block.kind === 'keyFinding') {
          expect(text).toContain(block.title);
          expect(text).toContain(block.message);
        }
      }
      for (const quote of quotes(model)) {
        expect(text).toContain(clean(quote.text));
        expect(text).toContain(quote.attribution);
      }
      // Awkward text: a control character stripped, the rest kept as written.
      expect(text).toContain(AWKWARD.controlClean);
      expect(text).toContain(longQuote(model.language));
      expect(text).toContain(AWKWARD.rtl);
      expect(text).toContain(model.language === 'fi' ? AWKWARD.emoji : AWKWARD.emojiEn);
      // A newline inside a quote is a line break (textOf reads <w:br/> as \n), not a lost character.
      expect(doc).toContain('<w:br/>');
    }
    // No part of the package holds a character XML 1.0 forbids.
    for (const [name, xml] of [...enParts, ...fiParts]) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters is the point
      expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml), name).toBe(false);
    }
  });

  test('right-to-left text is marked so, both the runs and the paragraph', () => {
    const doc = part(enParts, 'word/document.xml');
    const hebrew = doc.indexOf(AWKWARD.rtl.split(' ')[0]!);
    const paragraphStart = doc.lastIndexOf('<w:p>', hebrew);
    const paragraph = doc.slice(paragraphStart, hebrew);
    expect(paragraph).toContain('<w:bidi/>');
    expect(paragraph).toContain('<w:rtl/>');
    expect(isRtl(AWKWARD.rtlArabic)).toBe(true);
    expect(isRtl('Key account A, decision-maker')).toBe(false);
  });

  test('tables: caption above with a SEQ field, header row repeated, numbers right-aligned', () => {
    const doc = part(enParts, 'word/document.xml');
    const fiDoc = part(fiParts, 'word/document.xml');
    expect(doc).toMatch(/<w:pStyle w:val="TableCaption"\/>.*?SEQ Table.*?<\/w:p><w:tbl>/);
    expect(fiDoc).toMatch(/<w:pStyle w:val="TableCaption"\/>.*?SEQ Taulukko.*?<\/w:p><w:tbl>/);
    expect(doc).toContain('<w:tblHeader/>');
    // The 60-row interview list: 61 rows with the header.
    const interviews = doc.slice(doc.indexOf('Interviews (anonymised)'));
    const table = interviews.slice(interviews.indexOf('<w:tbl>'), interviews.indexOf('</w:tbl>'));
    expect(table.match(/<w:tr>/g)).toHaveLength(61);
    expect(table).toMatch(/<w:jc w:val="right"\/>.*?<w:t[^>]*>35<\/w:t>/);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
  });

  test('charts are embedded as SVG with a PNG fallback, captioned below with a SEQ field', () => {
    const rels = part(enParts, 'word/_rels/document.xml.rels');
    const doc = part(enParts, 'word/document.xml');
    const media = [...enParts.keys()].filter((name) => name.startsWith('word/media/'));
    const svgs = media.filter((name) => name.endsWith('.svg'));
    const pngs = media.filter((name) => name.endsWith('.png'));
    expect(svgs).toHaveLength(charts(en).length);
    expect(pngs).toHaveLength(charts(en).length);
    for (const file of [...svgs, ...pngs]) {
      const target = file.replace('word/', '');
      const id = new RegExp(
        `Id="(rId\\d+)"[^>]*Target="${target}"|Target="${target}"[^>]*Id="(rId\\d+)"`,
      ).exec(rels);
      expect(id, `relationship for ${file}`).not.toBeNull();
      expect(doc).toContain(`r:embed="${id![1] ?? id![2]}"`);
    }
    expect(doc.match(/<asvg:svgBlip /g)).toHaveLength(charts(en).length);
    for (const chart of charts(en)) {
      expect(doc).toMatch(
        new RegExp(`<w:pStyle w:val="Caption"/>.*?SEQ Figure.*?${escapeRegExp(chart.caption)}`),
      );
    }
    expect(part(fiParts, 'word/document.xml')).toContain('SEQ Kuva');
    // Sized to the text width, keeping the aspect ratio.
    for (const m of doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)) {
      expect(Number(m[1])).toBeLessThanOrEqual(9184 * 635);
    }
  });

  test('header and footer: client and confidential label, page label and a PAGE field; none on the cover', () => {
    for (const [model, parts] of [
      [en, enParts],
      [fi, fiParts],
    ] as const) {
      const doc = part(parts, 'word/document.xml');
      const rels = part(parts, 'word/_rels/document.xml.rels');
      const target = (kind: 'header' | 'footer', type: 'default' | 'first') => {
        const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="(rId\\d+)"/>`).exec(doc)?.[1];
        const file = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
        return part(parts, `word/${file}`);
      };
      const header = textOf(target('header', 'default'));
      expect(header).toContain(model.meta.clientName);
      expect(header).toContain(model.meta.confidential);
      const footer = target('footer', 'default');
      expect(textOf(footer)).toContain(model.meta.pageLabel);
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(doc).toContain('<w:titlePg/>');
      expect(textOf(target('header', 'first')).trim()).toBe('');
      expect(textOf(target('footer', 'first')).trim()).toBe('');
    }
  });

  test('document properties', () => {
    const core = part(fiParts, 'docProps/core.xml');
    expect(core).toContain(`<dc:title>${fi.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${fi.meta.author}</dc:creator>`);
    expect(core).toContain(`<cp:lastModifiedBy>${fi.meta.author}</cp:lastModifiedBy>`);
    expect(core).toContain(`<dc:subject>${fi.meta.clientName}</dc:subject>`);
    expect(core).toContain(`<cp:keywords>${fi.meta.keywords}</cp:keywords>`);
    expect(core).toContain(`<dc:description>${fi.meta.description}</dc:description>`);
  });

  test('strings are cleaned for XML, keeping emoji and real text', () => {
    expect(clean('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh')).toBe('abcdefgh');
    expect(clean('lone \uD83D surrogate \uDE00 gone, pair 😀 kept')).toBe(
      'lone  surrogate  gone, pair 😀 kept',
    );
    expect(clean('one\r\ntwo\rthree\tfour')).toBe('one\ntwo\nthree four');
  });
});

describe('charts for the report', () => {
  test('SVG plus a PNG at twice the size, drawn with the shipped fonts, captioned with the title', () => {
    const spec = chartSpecs('en')[1]!;
    const chart = rasterizeChart(spec);
    expect(chart.caption).toBe(spec.title);
    expect(chart.svg.startsWith('<svg')).toBe(true);
    // The title moves to the caption: the picture leaves it out.
    expect(chart.svg).not.toContain(spec.title);
    expect(chart.svg).toContain('Key-person risk');
    const png = Buffer.from(chart.png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(chart.width * 2);
    expect(png.readUInt32BE(20)).toBe(chart.height * 2);
  });

  test('fonts are found from the sources, and a missing font folder fails loudly instead of dropping text', () => {
    const fonts = join(ROOT, 'resources', 'fonts');
    expect(defaultFontDir()).toBe(fonts);
    // From the Vite main bundle and its chunks (out/main/index.js, out/main/chunks/*.js).
    expect(defaultFontDir(join(ROOT, 'out', 'main'))).toBe(fonts);
    expect(defaultFontDir(join(ROOT, 'out', 'main', 'chunks'))).toBe(fonts);
    expect(() => rasterizeChart(chartSpecs('en')[0]!, { fontDir: join(ROOT, 'no-such-fonts') })).toThrow(
      /ENOENT|font/i,
    );
  });

  test('speed: 10 findings, 8 charts (rasterised) and a 60-row table in well under 5 s', async () => {
    const started = performance.now();
    const model = buildReportModel('en', { findings: 10, interviews: 60 });
    const modelled = performance.now();
    const bytes = await renderReportDocx(model);
    const done = performance.now();
    expect(charts(model)).toHaveLength(8);
    console.info(
      `report export: charts + model ${Math.round(modelled - started)} ms, docx ${Math.round(done - modelled)} ms, ` +
        `total ${Math.round(done - started)} ms, ${Math.round(bytes.length / 1024)} KiB`,
    );
    expect(done - started).toBeLessThan(5000);
  });
});

const soffice = onPath('soffice') && onPath('pdftotext');

const libreOfficeSuite = soffice
  ? 'the Word report in LibreOffice'
  : 'the Word report in LibreOffice — SKIPPED: soffice or pdftotext not on PATH (apt-get install libreoffice-writer-nogui poppler-utils)';

describe.skipIf(!soffice)(libreOfficeSuite, () => {
  const work = mkdtempSync(join(tmpdir(), 'kuulo-report-'));
  const pdfs = new Map<string, { pages: string[]; model: ReportModel; file: string }>();

  beforeAll(async () => {
    const profile = pathToFileURL(join(work, 'profile')).href;
    for (const lang of ['en', 'fi'] as const) {
      const model = buildReportModel(lang);
      const docx = join(work, `report-${lang}.docx`);
      writeFileSync(docx, await renderReportDocx(model));
      const run = spawnSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx],
        { timeout: 60_000, encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`soffice failed (${run.status ?? run.signal}): ${run.stderr}`);
      const file = join(work, `report-${lang}.pdf`);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], {
        encoding: 'utf8',
        timeout: 30_000,
      }).stdout;
      pdfs.set(lang, { pages: text.split('\f'), model, file });
    }
  }, 150_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('the PDF has the chapters, key findings, chart captions and a table of contents with page numbers', () => {
    for (const { pages, model } of pdfs.values()) {
      const text = pages.join('\n');
      const flat = text.replace(/\s+/g, ' ');
      for (const section of model.sections) expect(text).toContain(section.title);
      const keyFinding = blocks(model).find((b) => b.kind === 'keyFinding');
      expect(flat).toContain(keyFinding?.kind === 'keyFinding' ? keyFinding.message : '?');
      for (const chart of charts(model)) expect(flat).toContain(chart.caption);
      expect(flat).toContain(AWKWARD.controlClean);
      // Contents: each chapter with dot leaders and the page it starts on in this very PDF.
      const toc = pages[1]!;
      expect(toc).toContain(model.meta.tocTitle);
      for (const section of model.sections) {
        const entry = new RegExp(`${escapeRegExp(section.title)}\\s*\\.{3,}\\s*(\\d+)`).exec(toc);
        expect(entry, `TOC entry with a page number for ${section.title}`).not.toBeNull();
        const starts = pages.findIndex(
          (page, i) => i > 1 && page.split('\n').some((line) => line.trim() === section.title),
        );
        expect(Math.abs(Number(entry![1]) - (starts + 1)), `page of ${section.title}`).toBeLessThanOrEqual(
          arialIsLiberation() ? 0 : 1,
        );
      }
    }
  });

  test('renders the pages to PNG for a human to look at (test-results/report-pages/)', () => {
    if (!onPath('pdftoppm')) return;
    const out = join(ROOT, 'test-results', 'report-pages');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const [lang, { file, pages }] of pdfs) {
      const run = spawnSync('pdftoppm', ['-png', '-r', '60', file, join(out, lang)], { timeout: 60_000 });
      expect(run.status).toBe(0);
      const pngs = readdirSync(out).filter((name) => name.startsWith(`${lang}-`) && name.endsWith('.png'));
      expect(pngs.length).toBe(pages.filter((page) => page.trim() !== '').length);
      expect(readFileSync(join(out, pngs[0]!)).subarray(1, 4).toString()).toBe('PNG');
    }
  });
});

/** Whether LibreOffice draws Arial with Liberation Sans, whose widths are Arial's: then pages break as Word's. */
function arialIsLiberation(): boolean {
  const run = spawnSync('fc-match', ['Arial'], { encoding: 'utf8' });
  return run.status === 0 && /Liberation Sans/.test(run.stdout);
}
