/**
 * Characters XML 1.0 cannot hold, or holds only as trouble: C0 controls but tab/LF/CR, C1 controls,
 * U+FFFE/U+FFFF and surrogates that are not part of a pair (a bell or half an emoji pasted into
 * notes). Every renderer drops them: a part with one in it is not XML, and Word, PowerPoint and
 * Excel refuse the file. Kept apart from docx.ts so the deck and workbook load no Word library.
 */
export const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as XML can hold it: those characters dropped, line ends as \n. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/\r\n?/g, '\n');
}
