import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TextRun,
} from 'docx';
import type { Language } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { PassageRow } from './content.ts';
import { clean, isRtl } from './docx.ts';
import { externalStyles, numbering, PAGE_SETUP, reportStyles, S } from './styles.ts';

/**
 * Quotes of chosen codes as a Word document in the report's look (styles.ts): a heading that says
 * what was chosen and how it was filtered, then one chapter per code, each quote with its attribution
 * (account label, date, interview number) and its memo under it. The rows come masked (load.ts).
 */

const LOCALE: Record<Language, string> = { fi: 'fi-FI', en: 'en-GB' };
const QUOTE_MARKS: Record<Language, [string, string]> = { fi: ['”', '”'], en: ['“', '”'] };
/** The quote bar's indent (styles.ts): memos line up with the quote they belong to. */
const QUOTE_INDENT = 454;

/** One run per line, joined by line breaks; the paragraph reads right to left if its text does. */
function paragraph(style: string, text: string, extra: { indent?: number } = {}): Paragraph {
  const cleaned = clean(text);
  return new Paragraph({
    style,
    children: cleaned
      .split('\n')
      .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
    ...(isRtl(cleaned) ? { bidirectional: true } : {}),
    ...(extra.indent ? { indent: { left: extra.indent, right: extra.indent } } : {}),
  });
}

/** The rows grouped by code, in the order the codes first appear. */
function byCode(rows: readonly PassageRow[]): [string, PassageRow[]][] {
  const groups = new Map<string, PassageRow[]>();
  for (const row of rows) groups.set(row.code, [...(groups.get(row.code) ?? []), row]);
  return [...groups];
}

function quote(row: PassageRow, language: Language): Paragraph[] {
  const t = resources[language].translation;
  const f = formatter(language);
  const [open, close] = QUOTE_MARKS[language];
  const text = row.text.trim();
  // Right-to-left quotes go without added marks (which way they face depends on the script), as in the report.
  const quoted = /^["“”„«»]/.test(text) || isRtl(text) ? text : `${open}${text}${close}`;
  const attribution = [
    row.account,
    row.date ? f.date(row.date) : null,
    row.interview ? f.fill(t.quoteExport.docInterview, { n: row.interview }) : null,
    row.sentiment ? t.coding.sentiments[row.sentiment].toLowerCase() : null,
    row.starred ? '★' : null,
  ].filter((part): part is string => part !== null);
  return [
    paragraph(S.quote, quoted),
    paragraph(S.quoteAttribution, `— ${attribution.join(' · ')}`),
    ...(row.memo.trim()
      ? [
          paragraph(S.muted, f.fill(t.quoteExport.docMemo, { memo: row.memo.trim() }), {
            indent: QUOTE_INDENT,
          }),
        ]
      : []),
  ];
}

/** `details` are the lines under the title: the engagement, the filters, the anonymity, the count. */
export async function quotesDocx(
  rows: readonly PassageRow[],
  language: Language,
  title: string,
  details: readonly string[] = [],
): Promise<Uint8Array> {
  const groups = byCode(rows);
  const document = new Document({
    title: clean(title),
    creator: 'Kuulo',
    lastModifiedBy: 'Kuulo',
    externalStyles,
    styles: reportStyles(LOCALE[language]),
    numbering,
    theme: { fonts: { headings: 'Arial', body: 'Arial' } },
    sections: [
      {
        properties: {
          page: PAGE_SETUP,
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: S.footer,
                children: [
                  new TextRun(clean(title)),
                  new TextRun({ children: [new Tab(), PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(title))] }),
          ...details.map((line, i) => paragraph(i === 0 ? S.lead : S.muted, line)),
          ...groups.flatMap(([code, quotes]) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_2,
              children: [new TextRun(clean(code)), new TextRun({ text: ` (${quotes.length})`, bold: false })],
            }),
            ...quotes.flatMap((row) => quote(row, language)),
          ]),
          // Word wants a paragraph at the very end.
          new Paragraph({ style: S.spacer, alignment: AlignmentType.LEFT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
