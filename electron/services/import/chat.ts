/**
 * Chat logs (Zoom's saved chat, Teams' copied chat, messengers) look like "Name: text" transcripts
 * but are not interviews: what they hold was typed, not said, and their times are clock times, not
 * places in a recording. They are told by their stamps, so they can be refused instead of imported.
 */

const CLOCK = String.raw`\d{1,2}[:.]\d{2}(?:[:.]\d{2})?`;
const AMPM = String.raw`\s*[AaPp]\.?[Mm]\.?`;
const DATE = String.raw`\d{1,2}[./]\d{1,2}[./](?:\d{2,4})?|\d{4}-\d{2}-\d{2}`;

/** Zoom: "10:02:33 From Matti to Everyone:" / "10:02 AM From Matti to Kaikille:" / "… From Matti : hei". */
const ZOOM = new RegExp(String.raw`^\[?${CLOCK}(?:${AMPM})?\]?\s+(?:From|Lähettäjä)\s+\S`, 'i');
const TO_EVERYONE = /\bto\s+(?:Everyone|Kaikille)\b|\bkaikille\s*:/i;
/** A clock time with AM/PM, opening a line or closing a name header ("Matti Virtanen 10:02 AM"). */
const AM_PM = new RegExp(String.raw`(?:^\[?${CLOCK}${AMPM}(?:\]|\s|$)|\s${CLOCK}${AMPM}\]?$)`);
/** Teams and messengers: a date with the time ("[30.11.2026 10.02] Matti:", "Matti Virtanen 30.11. 10.02"). */
const DATED = new RegExp(
  String.raw`(?:^\[?(?:${DATE}),?\s+(?:klo\s+)?${CLOCK}|\s(?:${DATE}),?\s+(?:klo\s+)?${CLOCK}(?:${AMPM})?\]?$)`,
  'i',
);
/** "[10:02] Matti Virtanen: moi": an hour and minutes in brackets, then a name and a colon. */
const BRACKET_CLOCK = /^\[(\d{1,2})[:.](\d{2})\]\s*[^:]{1,60}:/;

/** Whether the lines read as a chat log rather than a transcript of talk. */
export function looksLikeChat(lines: readonly string[]): boolean {
  const text = lines.map((line) => line.trim()).filter(Boolean);
  if (text.length < 2) return false;
  const enough = (count: number, share: number) => count >= 2 && count >= text.length * share;
  const zoom = text.filter((line) => ZOOM.test(line));
  if (enough(zoom.length, 0.3) && zoom.some((line) => TO_EVERYONE.test(line) || / : /.test(line)))
    return true;
  if (enough(text.filter((line) => AM_PM.test(line) || DATED.test(line)).length, 0.25)) return true;
  return clockStamps(text);
}

/**
 * "[10:02]" is a time of day when the stamps run like a clock: they start in working hours and
 * never go back, where a recording's timer ("[00:12]", "[1:05]") starts near zero.
 */
function clockStamps(text: readonly string[]): boolean {
  const minutes = text.flatMap((line) => {
    const match = BRACKET_CLOCK.exec(line);
    return match ? [Number(match[1]) * 60 + Number(match[2])] : [];
  });
  if (minutes.length < 2 || minutes.length < text.length / 2) return false;
  const first = minutes[0]!;
  return first >= 6 * 60 && minutes.every((m, i) => m < 24 * 60 && (i === 0 || m >= minutes[i - 1]!));
}
