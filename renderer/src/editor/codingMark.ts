import { mix, parseHex, reachContrast } from '../../../shared/contrast.ts';

/**
 * How a coded passage looks in the notes: a light tint of its code's colour, which says which code,
 * and an underline that says "coded" to anyone who cannot see the tint (1.1–1.4:1 against the page).
 * Codes have user-chosen colours, so the underline is derived from the colour, darkened in its own
 * hue until it stands 3:1 against the tint above it (and so against the white page below, which is
 * lighter); the ink of the text keeps far more than 4.5:1 on any tint this light. Codings overlap, and
 * a second tint deepens the first: the underline is made to stand 3:1 against its tint under the
 * darkest tint another code can lay (black's), so it holds wherever two codings meet.
 */

/** The page the notes are written on (styles.css --surface). */
export const NOTES_PAGE = '#ffffff';
/** How much of the code's colour the tint takes. */
export const TINT_ALPHA = 0.22;
/** Pixels: thick enough to read as a mark of its own rather than a hairline of colour. */
export const UNDERLINE_WIDTH = 3;
const NON_TEXT_CONTRAST = 3;

export interface CodingMarkColours {
  /** The tint as a solid colour on the page (the stylesheet lays it with alpha, so overlaps deepen). */
  tint: string;
  /** The tint where another coding overlaps it: under the darkest tint a code can have. */
  overlapped: string;
  underline: string;
}

export function codingMarkColours(codeColour: string): CodingMarkColours {
  const tint = mix(NOTES_PAGE, codeColour, TINT_ALPHA);
  const overlapped = mix(tint, '#000000', TINT_ALPHA);
  return { tint, overlapped, underline: reachContrast(codeColour, overlapped, NON_TEXT_CONTRAST) };
}

/** The editor's rule for one coding: the tint laid with alpha (an overlap deepens it), the derived underline. */
export function codingMarkRule(codingId: string, codeColour: string): string {
  const [r, g, b] = parseHex(codeColour);
  const { underline } = codingMarkColours(codeColour);
  return `.notes-editor [data-coding="${codingId}"]{background-color:rgba(${r}, ${g}, ${b},${TINT_ALPHA});box-shadow:inset 0 -${UNDERLINE_WIDTH}px 0 ${underline}}`;
}
