import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SequentialIdentifier,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { Language } from '../../shared/domain.ts';
import {
  ACCENT,
  BAND,
  externalStyles,
  numbering,
  PAGE_SETUP,
  reportStyles,
  S,
  TEXT_WIDTH,
  TEXT_WIDTH_PX,
  TINT,
} from './styles.ts';
import type { ReportBlock, ReportChart, ReportModel, ReportSection } from './types.ts';
import { xmlText } from './xmlText.ts';

/**
 * Model → .docx: the report as a Word document a consultant can keep editing. Everything is in
 * named styles (styles.ts); this file only picks them. Every string from the model goes through
 * `clean` (XML cannot hold control characters) and `runs` (newlines become line breaks,
 * right-to-left script gets its own runs).
 */

const LOCALE: Record<Language, string> = { fi: 'fi-FI', en: 'en-GB' };
const LABELS: Record<
  Language,
  { figure: string; table: string; separator: string; quotes: [string, string] }
> = {
  fi: { figure: 'Kuva', table: 'Taulukko', separator: '. ', quotes: ['”', '”'] },
  en: { figure: 'Figure', table: 'Table', separator: ': ', quotes: ['“', '”'] },
};

/** The text as XML can hold it: invalid characters dropped, line ends as \n, tabs as spaces. */
export function clean(text: string): string {
  return xmlText(text).replace(/\t/g, ' ');
}

const RTL_CHAR = '\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFC';
const RTL_SEGMENT = new RegExp(`[${RTL_CHAR}](?:[${RTL_CHAR}\\s\\p{P}\\p{N}]*[${RTL_CHAR}])?`, 'gu');
const STRONG = new RegExp(`[${RTL_CHAR}]|\\p{L}`, 'u');
const RTL_TEST = new RegExp(`[${RTL_CHAR}]`, 'u');

/** Whether a paragraph reads right to left: its first letter is Hebrew, Arabic or the like. */
export function isRtl(text: string): boolean {
  const first = STRONG.exec(text);
  return first !== null && RTL_TEST.test(first[0]);
}

/** Text runs for a string: one per line (joined by line breaks), right-to-left script in runs marked so. */
function runs(text: string, options: IRunOptions = {}): TextRun[] {
  const out: TextRun[] = [];
  clean(text)
    .split('\n')
    .forEach((line, index) => {
      let at = 0;
      let first = true;
      const push = (part: string, rightToLeft: boolean) => {
        out.push(
          new TextRun({
            ...options,
            text: part,
            ...(rightToLeft ? { rightToLeft: true } : {}),
            ...(first && index > 0 ? { break: 1 } : {}),
          }),
        );
        first = false;
      };
      for (const match of line.matchAll(RTL_SEGMENT)) {
        if (match.index > at) push(line.slice(at, match.index), false);
        push(match[0], true);
        at = match.index + match[0].length;
      }
      if (at < line.length || first) push(line.slice(at), false);
    });
  return out;
}

function paragraph(style: string, text: string, extra: { alignment?: 'left' | 'right' | 'center' } = {}) {
  return new Paragraph({
    style,
    children: runs(text),
    ...(isRtl(clean(text)) ? { bidirectional: true } : {}),
    ...(extra.alignment ? { alignment: extra.alignment } : {}),
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** Empty paragraphs that only keep a table or box apart from what follows. */
const spacers = new WeakSet<Paragraph>();

function spacer(spacing?: {
  after: number;
  line: number;
  lineRule: (typeof LineRuleType)[keyof typeof LineRuleType];
}) {
  const made = new Paragraph({ style: S.spacer, ...(spacing ? { spacing } : {}) });
  spacers.add(made);
  return made;
}

/** A one-cell shaded box around paragraphs (a callout), with a spacer after it. */
function box(children: Paragraph[]): (Table | Paragraph)[] {
  const cell = new TableCell({
    children,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: TINT },
    margins: { top: 150, bottom: 150, left: 220, right: 220 },
    borders: NO_BORDERS,
  });
  const table = new Table({
    rows: [new TableRow({ children: [cell], cantSplit: true })],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
  });
  return [table, spacer()];
}

/** Of the text width, the share a key finding's figure takes beside its title and message. */
const FIGURE_SHARE = 0.28;

/**
 * A key finding of the executive summary as one shaded row: its measured figure on the left, title
 * and message beside it. Side by side rather than stacked, so seven of them still leave room on the
 * summary's one page for NPS, the key-person headline and the recommendations.
 */
function keyFindingBox(block: Extract<ReportBlock, { kind: 'keyFinding' }>): (Table | Paragraph)[] {
  const figureWidth = Math.round(TEXT_WIDTH * FIGURE_SHARE);
  const widths = [figureWidth, TEXT_WIDTH - figureWidth];
  const shading = { type: ShadingType.CLEAR, color: 'auto', fill: 'F5F8F9' } as const;
  const margins = { top: 80, bottom: 80, left: 200, right: 160 };
  const text = [paragraph(S.keyFindingTitle, block.title)];
  if (clean(block.message).trim() && block.message !== block.title)
    text.push(paragraph(S.keyFindingText, block.message));
  const table = new Table({
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            // Without a measured figure the cell stays empty rather than saying "0 %".
            children: [paragraph(S.keyFindingFigure, block.figure ?? '')],
            width: { size: widths[0]!, type: WidthType.DXA },
            shading,
            margins,
            borders: { ...NO_BORDERS, left: { style: BorderStyle.SINGLE, size: 36, color: ACCENT } },
          }),
          new TableCell({
            children: text,
            width: { size: widths[1]!, type: WidthType.DXA },
            shading,
            margins: { ...margins, left: 80 },
            borders: NO_BORDERS,
          }),
        ],
      }),
    ],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
  });
  // A thin gap between two findings (the shared spacer is a line high).
  return [table, spacer({ after: 0, line: 100, lineRule: LineRuleType.EXACT })];
}

function caption(style: string, label: string, separator: string, text: string, note?: string): Paragraph {
  return new Paragraph({
    style,
    children: [
      new TextRun(`${label} `),
      new SequentialIdentifier(label),
      new TextRun(separator),
      ...runs(text),
      // The chart's n and source on a line of its own, in the same paragraph so it never parts from it.
      ...(note ? [new TextRun({ break: 1, text: '' }), ...runs(note, { size: 15 })] : []),
    ],
  });
}

function chartBlock(chart: ReportChart, lang: Language): Paragraph[] {
  const scale = Math.min(1, TEXT_WIDTH_PX / chart.width);
  const width = Math.round(chart.width * scale);
  const height = Math.round(chart.height * scale);
  const title = clean(chart.caption);
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(chart.svg, 'utf8'),
    fallback: { type: 'png', data: chart.png },
    transformation: { width, height },
    altText: { name: clean(chart.id) || 'chart', title, description: title },
  });
  const l = LABELS[lang];
  return [
    new Paragraph({ style: S.figure, children: [image] }),
    caption(S.caption, l.figure, l.separator, chart.caption, chart.note),
  ];
}

/**
 * Column widths from the text when the model gives none: every column at least as wide as its
 * longest word (Finnish compounds are long, and nothing hyphenates them), the room left shared out
 * by how much text each column holds. Widths in twips, from average Arial widths at 9 pt.
 */
export function autoWidths(header: string[], rows: string[][], columns: number): number[] {
  const CHAR = 100;
  // The header is bold: its letters are wider (measured "Operatiivinen" and "Asiakasryhmä" wrapped).
  const BOLD_CHAR = 120;
  const PADDING = 240;
  const min: number[] = [];
  const want: number[] = [];
  const longest = (texts: string[]) =>
    Math.max(1, ...texts.flatMap((text) => text.split(/\s+/)).map((word) => [...word].length));
  for (let i = 0; i < columns; i++) {
    const body = rows.map((row) => clean(row[i] ?? ''));
    const wordWidth = Math.max(
      Math.min(longest([clean(header[i] ?? '')]), 30) * BOLD_CHAR,
      Math.min(longest(body), 30) * CHAR,
    );
    const longestText = Math.max(1, ...body.map((text) => [...text].length));
    min.push(wordWidth + PADDING);
    want.push(Math.max(min[i]!, Math.min(longestText, 60) * CHAR + PADDING));
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(want) <= TEXT_WIDTH) return want;
  if (sum(min) >= TEXT_WIDTH) return min;
  const room = TEXT_WIDTH - sum(min);
  const flex = want.map((w, i) => w - min[i]!);
  return min.map((m, i) => m + (room * flex[i]!) / sum(flex));
}

/** Tables of up to this many rows stay on one page (with their caption). */
const SHORT_TABLE = 25;

/**
 * Which rows stay with the next: all of a short table; in a long one, the first two (so the header
 * never stands alone at the foot of a page) and the last but one (no single row on a page of its own).
 */
function keepWithNext(row: number, rows: number): boolean {
  if (row >= rows - 1) return false;
  return rows <= SHORT_TABLE || row < 2 || row === rows - 2;
}

function tableBlock(block: Extract<ReportBlock, { kind: 'table' }>, lang: Language): (Table | Paragraph)[] {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
  const given = block.widths?.length === columns && block.widths.every((w) => Number.isFinite(w) && w > 0);
  const weights = given ? block.widths! : autoWidths(block.header, block.rows, columns);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const align = (i: number) => (block.numeric?.[i] ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (text: string, i: number, style: string, fill?: string, color?: string | null) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      children: [
        new Paragraph({
          style,
          alignment: align(i),
          children: runs(text, color ? { color: color.replace('#', ''), bold: true } : {}),
          ...(isRtl(clean(text)) ? { bidirectional: true } : {}),
        }),
      ],
    });
  const pad = (row: string[]) => Array.from({ length: columns }, (_, i) => row[i] ?? '');
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: pad(block.header).map((text, i) => cell(text, i, S.tableHeading, ACCENT)),
    }),
    ...block.rows.map(
      (row, r, all) =>
        new TableRow({
          // Short rows stay whole; a row with a very long cell may break across pages.
          cantSplit: row.every((text) => text.length < 400),
          keepNext: keepWithNext(r, all.length),
          children: pad(row).map((text, i) =>
            cell(text, i, S.tableText, r % 2 === 1 ? BAND : undefined, block.colors?.[r]?.[i]),
          ),
        }),
    ),
  ];
  const l = LABELS[lang];
  return [
    caption(S.tableCaption, l.table, l.separator, block.caption),
    new Table({
      style: S.table,
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      // The style's header and banding are also written on the cells, and its conditional formatting
      // turned off here: the page layout that numbers the table of contents cannot follow it yet.
      tableLook: {
        firstRow: false,
        lastRow: false,
        firstColumn: false,
        lastColumn: false,
        noHBand: true,
        noVBand: true,
      },
    }),
    spacer(),
  ];
}

/** Quotes longer than this may break from their attribution rather than jump whole to the next page. */
const LONG_QUOTE = 600;

function quoteBlock(block: Extract<ReportBlock, { kind: 'quote' }>, lang: Language): Paragraph[] {
  const text = clean(block.text).trim();
  const [open, close] = LABELS[lang].quotes;
  // Right-to-left quotes go without added marks: which way they face depends on the script.
  const quoted = /^["“”„«»]/.test(text) || isRtl(text) ? text : `${open}${text}${close}`;
  const quote = new Paragraph({
    style: S.quote,
    children: runs(quoted),
    ...(isRtl(text) ? { bidirectional: true } : {}),
    ...(text.length > LONG_QUOTE ? { keepNext: false } : {}),
  });
  const attribution = clean(block.attribution).trim();
  return attribution ? [quote, paragraph(S.quoteAttribution, `— ${attribution}`)] : [quote];
}

function blockContent(block: ReportBlock, lang: Language): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: runs(block.text),
          ...(isRtl(clean(block.text)) ? { bidirectional: true } : {}),
        }),
      ];
    case 'paragraph': {
      const style =
        block.emphasis === 'lead'
          ? S.lead
          : block.emphasis === 'muted'
            ? S.muted
            : block.emphasis === 'strong'
              ? S.strong
              : S.normal;
      return [paragraph(style, block.text)];
    }
    case 'bullets':
      return block.items.map((item) => paragraph(S.listBullet, item));
    case 'keyFinding':
      return keyFindingBox(block);
    case 'quote':
      return quoteBlock(block, lang);
    case 'table':
      return tableBlock(block, lang);
    case 'chart':
      return chartBlock(block.chart, lang);
    case 'callout':
      return box([paragraph(S.calloutLabel, block.label), paragraph(S.calloutText, block.text)]);
  }
}

function sectionContent(section: ReportSection, lang: Language, followed: boolean): (Paragraph | Table)[] {
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    // Every chapter starts on a page of its own: a board reads the report chapter by chapter, and a
    // chapter that starts at the foot of a page reads as an afterthought.
    pageBreakBefore: true,
    children: runs(section.title),
  });
  const content = section.blocks.flatMap((block) => blockContent(block, lang));
  // The next chapter starts on a new page anyway: a spacer ending this one could only spill over
  // onto a page of its own (a full executive summary then left a blank page behind it).
  // (The document's very end keeps it: Word wants a paragraph after a last table.)
  const last = content.at(-1);
  if (followed && last instanceof Paragraph && spacers.has(last)) content.pop();
  return [heading, ...content];
}

function cover(model: ReportModel): Paragraph[] {
  const m = model.meta;
  return [
    paragraph(S.coverClient, m.clientName),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(m.title) }),
    paragraph(S.subtitle, m.subtitle),
    paragraph(S.coverMeta, m.date),
    paragraph(S.coverConfidential, m.confidential),
  ];
}

export function buildReportDocument(model: ReportModel): Document {
  const lang = model.language;
  const m = model.meta;
  const header = new Header({
    children: [
      new Paragraph({
        style: S.header,
        alignment: AlignmentType.RIGHT,
        children: runs(`${m.clientName} · ${m.confidential}`),
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        style: S.footer,
        children: [
          ...runs(m.title),
          new TextRun({ children: [new Tab(), `${clean(m.pageLabel)} `, PageNumber.CURRENT] }),
        ],
      }),
    ],
  });
  const empty = () => new Header({ children: [new Paragraph({ style: S.header })] });
  const emptyFooter = () => new Footer({ children: [new Paragraph({ style: S.footer })] });

  return new Document({
    title: clean(m.title),
    subject: clean(m.clientName),
    creator: clean(m.author),
    lastModifiedBy: clean(m.author),
    description: clean(m.description),
    keywords: clean(m.keywords),
    features: { updateFields: true },
    // Page numbers for the table of contents, laid out as Word would. `guess` carries on past what
    // the layout cannot measure yet (an emoji or Hebrew letter in Arial) instead of leaving every
    // later number blank; Word renumbers anyway when it updates the fields on opening.
    pageNumbers: estimatePageNumbersWith({ guess: true }),
    externalStyles,
    styles: reportStyles(LOCALE[lang]),
    numbering,
    theme: { fonts: { headings: 'Arial', body: 'Arial' } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: PAGE_SETUP,
        },
        headers: { default: header, first: empty() },
        footers: { default: footer, first: emptyFooter() },
        children: [
          ...cover(model),
          new Paragraph({ style: S.tocHeading, pageBreakBefore: true, children: runs(m.tocTitle) }),
          new TableOfContents(clean(m.tocTitle), { hyperlink: true, headingStyleRange: '1-2' }),
          ...model.sections.flatMap((section, i, all) => sectionContent(section, lang, i < all.length - 1)),
        ],
      },
    ],
  });
}

/** The report as a .docx file. */
export async function renderReportDocx(model: ReportModel): Promise<Uint8Array> {
  return Packer.toBuffer(buildReportDocument(model));
}
