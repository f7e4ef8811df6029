/**
 * Timestamps as exports really write them: "00:01:02.500", "0:1:2.5", "01:02.500" (no hours),
 * "00:01:02,500" (SRT's comma), and odd ones with 60 or more seconds, which are added up as written.
 */

export const TIMESTAMP = String.raw`(?:\d{1,3}:)?\d{1,3}:\d{1,3}(?:[.,]\d{1,9})?`;

export interface ParsedTime {
  ms: number;
  /** Seconds or minutes of 60 or more: the file is odd, the time is still the sum. */
  odd: boolean;
}

export function parseTimestamp(text: string): ParsedTime | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{1,3})(?:[.,](\d{1,9}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  // A fraction is read as written: ".5" is 500 ms, ".05" 50 ms; past milliseconds is cut off.
  const fraction = Number((match[4] ?? '').slice(0, 3).padEnd(3, '0'));
  const odd = seconds >= 60 || (match[1] !== undefined && minutes >= 60);
  return { ms: ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction, odd };
}
