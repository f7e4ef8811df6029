import {
  AlignmentType,
  BorderStyle,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LevelFormat,
  LineRuleType,
} from 'docx';

/**
 * The look of the Word report, all of it as named Word styles so a consultant who edits the document
 * in Word restyles it from the Styles pane. One sans serif throughout (Arial: on every Windows and
 * Mac, and LibreOffice swaps in the metric-compatible Liberation Sans, so the pages break the same),
 * dark ink, one accent colour and generous spacing.
 */

export const FONT = 'Arial';
export const INK = '1F2933';
export const ACCENT = '1F5F74';
export const MUTED = '5F6B76';
export const RULE = 'C9D5DA';
export const TINT = 'EEF4F6';
export const BAND = 'F4F7F8';

/** A4 with 2.4 cm side margins. Lengths in twips (1/20 pt); 15 twips to a pixel at 96 dpi. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 1304,
  marginBottom: 1247,
  marginSide: 1361,
  header: 624,
  footer: 567,
} as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginSide;

/** The page as a docx section takes it: every Word file Kuulo writes has the report's page. */
export const PAGE_SETUP = {
  size: { width: PAGE.width, height: PAGE.height },
  margin: {
    top: PAGE.marginTop,
    bottom: PAGE.marginBottom,
    left: PAGE.marginSide,
    right: PAGE.marginSide,
    header: PAGE.header,
    footer: PAGE.footer,
  },
};
export const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);

/** Style ids used by docx.ts (built-in Word names where Word has one, so Word treats them as its own). */
export const S = {
  title: 'Title',
  subtitle: 'Subtitle',
  coverClient: 'CoverClient',
  coverMeta: 'CoverMeta',
  coverConfidential: 'CoverConfidential',
  tocHeading: 'TOCHeading',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  normal: 'Normal',
  lead: 'Lead',
  muted: 'Muted',
  strong: 'BodyStrong',
  listBullet: 'ListBullet',
  quote: 'Quote',
  quoteAttribution: 'QuoteAttribution',
  caption: 'Caption',
  tableCaption: 'TableCaption',
  figure: 'Figure',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  keyFindingTitle: 'KeyFindingTitle',
  keyFindingText: 'KeyFindingText',
  keyFindingFigure: 'KeyFindingFigure',
  calloutLabel: 'CalloutLabel',
  calloutText: 'CalloutText',
  spacer: 'Spacer',
  header: 'Header',
  footer: 'Footer',
  table: 'KuuloTable',
} as const;

export const BULLETS = 'kuulo-bullets';

const pt = (points: number): number => Math.round(points * 20);
/** Font sizes in docx are half-points. */
const size = (points: number): number => Math.round(points * 2);
const LINE = 276; // 1.15 lines
/** Line spacing in 240ths of a line. Always with the rule: LibreOffice reads a bare `w:line` as exact. */
const AUTO = LineRuleType.AUTO;

const paragraphStyle = (
  id: string,
  name: string,
  options: Omit<IParagraphStyleOptions, 'id' | 'name'>,
): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  ...options,
});

/**
 * A table style. docx 9 has no option for table styles, and `styles.importedStyles` replaces its
 * default styles (Normal, Heading 1…) instead of adding to them, so the style comes in as
 * `externalStyles`: a styles.xml of its own, which docx merges with its defaults and the styles
 * below. Header row in the accent colour, repeated on every page; light banding; hairlines.
 */
export const externalStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">
<w:style w:type="table" w:customStyle="1" w:styleId="${S.table}">
<w:name w:val="Kuulo Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>
<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:rPr><w:sz w:val="${size(9)}"/><w:szCs w:val="${size(9)}"/></w:rPr>
<w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="8" w:space="0" w:color="${ACCENT}"/>
<w:bottom w:val="single" w:sz="8" w:space="0" w:color="${ACCENT}"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="${RULE}"/>
</w:tblBorders><w:tblCellMar>
<w:top w:w="57" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>
</w:tblCellMar></w:tblPr>
<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr><w:trPr><w:tblHeader/></w:trPr>
<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${ACCENT}"/></w:tcPr></w:tblStylePr>
<w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${BAND}"/></w:tcPr></w:tblStylePr>
</w:style>
</w:styles>`.replace(/\n/g, '');

export function reportStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: size(10.5), color: INK, language: { value: language } },
        paragraph: { spacing: { after: pt(7), line: LINE, lineRule: AUTO } },
      },
      title: {
        run: { font: FONT, size: size(32), bold: true, color: ACCENT },
        paragraph: { spacing: { before: pt(18), after: pt(12), line: 240, lineRule: AUTO }, keepNext: true },
      },
      heading1: {
        run: { font: FONT, size: size(20), bold: true, color: ACCENT },
        paragraph: {
          spacing: { before: 0, after: pt(14), line: 240, lineRule: AUTO },
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 6 } },
        },
      },
      heading2: {
        run: { font: FONT, size: size(13.5), bold: true, color: INK },
        paragraph: {
          spacing: { before: pt(20), after: pt(6), line: 240, lineRule: AUTO },
          keepNext: true,
          keepLines: true,
          outlineLevel: 1,
        },
      },
      heading3: {
        run: { font: FONT, size: size(11), bold: true, color: ACCENT },
        paragraph: {
          spacing: { before: pt(12), after: pt(4) },
          keepNext: true,
          keepLines: true,
          outlineLevel: 2,
        },
      },
      caption: {
        run: { font: FONT, size: size(8.5), color: MUTED, italics: false },
        paragraph: { spacing: { before: pt(4), after: pt(14), line: 240, lineRule: AUTO } },
      },
      listParagraph: { paragraph: { spacing: { after: pt(3) } } },
      hyperlink: { run: { color: ACCENT, underline: {} } },
    },
    paragraphStyles: [
      paragraphStyle(S.subtitle, 'Subtitle', {
        run: { size: size(15), color: MUTED },
        paragraph: { spacing: { after: pt(36), line: 264, lineRule: AUTO } },
      }),
      paragraphStyle(S.coverClient, 'Cover Client', {
        run: { size: size(11), bold: true, color: ACCENT, allCaps: true, characterSpacing: 30 },
        paragraph: {
          spacing: { before: pt(140), after: 0 },
          border: { top: { style: BorderStyle.SINGLE, size: 36, color: ACCENT, space: 14 } },
          keepNext: true,
        },
      }),
      paragraphStyle(S.coverMeta, 'Cover Meta', {
        run: { size: size(11), color: INK },
        // Pushes the date and the confidentiality label towards the foot of the cover.
        paragraph: {
          spacing: { before: pt(300), after: pt(4) },
          border: { top: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 10 } },
        },
      }),
      paragraphStyle(S.coverConfidential, 'Cover Confidential', {
        run: { size: size(9), bold: true, color: ACCENT, allCaps: true, characterSpacing: 20 },
        paragraph: { spacing: { before: pt(4), after: 0 } },
      }),
      paragraphStyle(S.tocHeading, 'TOC Heading', {
        run: { size: size(20), bold: true, color: ACCENT },
        paragraph: {
          spacing: { before: 0, after: pt(18), line: 240, lineRule: AUTO },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 6 } },
        },
      }),
      paragraphStyle('TOC1', 'toc 1', {
        run: { bold: true, size: size(10.5) },
        paragraph: {
          spacing: { before: pt(9), after: pt(3) },
        },
        uiPriority: 39,
        quickFormat: false,
      }),
      paragraphStyle('TOC2', 'toc 2', {
        run: { size: size(10), color: INK },
        paragraph: { spacing: { before: 0, after: pt(3) }, indent: { left: 340 } },
        uiPriority: 39,
        quickFormat: false,
      }),
      paragraphStyle(S.lead, 'Lead', {
        run: { size: size(12.5), color: INK },
        // A lead sentence introduces what follows: never the last thing on a page.
        paragraph: { spacing: { before: pt(2), after: pt(10), line: 288, lineRule: AUTO }, keepNext: true },
      }),
      paragraphStyle(S.muted, 'Muted', {
        run: { size: size(9), color: MUTED },
        paragraph: { spacing: { after: pt(7) } },
      }),
      paragraphStyle(S.strong, 'Body Text Strong', { run: { bold: true } }),
      paragraphStyle(S.listBullet, 'List Bullet', {
        paragraph: {
          spacing: { after: pt(4) },
          numbering: { reference: BULLETS, level: 0 },
          contextualSpacing: true,
        },
      }),
      paragraphStyle(S.quote, 'Quote', {
        run: { italics: true, size: size(11), color: '2E3B47' },
        paragraph: {
          spacing: { before: pt(10), after: pt(2), line: 288, lineRule: AUTO },
          indent: { left: 454, right: 454 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 10 } },
          keepNext: true,
        },
      }),
      paragraphStyle(S.quoteAttribution, 'Quote Attribution', {
        run: { size: size(8.5), color: MUTED },
        paragraph: {
          alignment: AlignmentType.RIGHT,
          spacing: { before: pt(2), after: pt(12) },
          // No bar of its own: Word and LibreOffice join paragraphs with equal borders into one box,
          // and the next quote's bar would run on from this one.
          indent: { left: 454, right: 454 },
        },
      }),
      paragraphStyle(S.tableCaption, 'Table Caption', {
        basedOn: S.caption,
        next: S.normal,
        paragraph: { spacing: { before: pt(12), after: pt(5) }, keepNext: true },
      }),
      paragraphStyle(S.figure, 'Figure', {
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: pt(10), after: 0, line: 240, lineRule: AUTO },
          keepNext: true,
        },
      }),
      paragraphStyle(S.tableText, 'Table Text', {
        run: { size: size(9) },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: AUTO } },
      }),
      paragraphStyle(S.tableHeading, 'Table Heading', {
        basedOn: S.tableText,
        run: { bold: true, size: size(9), color: 'FFFFFF' },
        paragraph: { keepNext: true },
      }),
      // In sentence case: a finding's figure reads as a claim with its n, often a long one.
      paragraphStyle(S.keyFindingFigure, 'Key Finding Figure', {
        run: { size: size(9), bold: true, color: ACCENT },
        paragraph: { spacing: { before: 0, after: pt(3) }, keepNext: true },
      }),
      // Key findings sit seven to a page in the executive summary, beside the NPS and recommendations.
      paragraphStyle(S.keyFindingTitle, 'Key Finding Title', {
        run: { size: size(10.5), bold: true, color: INK },
        paragraph: { spacing: { before: 0, after: pt(2), line: 240, lineRule: AUTO }, keepNext: true },
      }),
      paragraphStyle(S.keyFindingText, 'Key Finding Text', {
        run: { size: size(9.5), color: INK },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: AUTO } },
      }),
      paragraphStyle(S.calloutLabel, 'Callout Label', {
        run: { size: size(8.5), bold: true, color: ACCENT, allCaps: true, characterSpacing: 20 },
        paragraph: { spacing: { before: 0, after: pt(3) }, keepNext: true },
      }),
      paragraphStyle(S.calloutText, 'Callout Text', {
        run: { size: size(10.5), color: INK },
        paragraph: { spacing: { before: 0, after: 0 } },
      }),
      paragraphStyle(S.spacer, 'Spacer', {
        run: { size: size(6) },
        paragraph: { spacing: { before: 0, after: pt(8), line: 240, lineRule: AUTO } },
        quickFormat: false,
      }),
      paragraphStyle(S.header, 'header', {
        run: { size: size(8), color: MUTED },
        paragraph: {
          spacing: { after: 0, line: 240, lineRule: AUTO },
          rightTabStop: TEXT_WIDTH,
        },
        quickFormat: false,
      }),
      paragraphStyle(S.footer, 'footer', {
        run: { size: size(8), color: MUTED },
        paragraph: {
          spacing: { after: 0, line: 240, lineRule: AUTO },
          rightTabStop: TEXT_WIDTH,
        },
        quickFormat: false,
      }),
    ],
  };
}

export const numbering: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 340, hanging: 227 } }, run: { color: ACCENT, font: FONT } },
        },
        {
          level: 1,
          format: LevelFormat.BULLET,
          text: '–',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 680, hanging: 227 } }, run: { color: ACCENT, font: FONT } },
        },
      ],
    },
  ],
};
