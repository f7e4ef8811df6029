import type {
  Cue,
  ImportRefusal,
  ImportWarning,
  RefusalReason,
  TranscriptFormat,
  TranscriptRead,
} from '../../../shared/import.ts';
import { countWords } from '../../../shared/notes.ts';
import { type ProgressReporter, silentProgress } from '../importProgress.ts';
import { looksLikeChat } from './chat.ts';
import { decodeText } from './decode.ts';
import { readDocx } from './docx.ts';
import {
  carrySpeakers,
  type RawCue,
  summariseSpeakers,
  takeColonSpeakers,
  takeLineSpeakers,
} from './speakers.ts';
import { readText, type SourceLine } from './text.ts';
import { readTimed, type TimedRead, timingLine } from './timed.ts';

export { toTurns } from './turns.ts';

/** Far above a day of talk (a 10-hour transcript is ~1 MB); beyond it the file is not a transcript. */
export const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

/**
 * The parse is counted in thousandths, by where the time goes in a big file: the reader's passes over
 * the lines, then its speakers and word counts (`read`), then what the service makes of the cues
 * (turns, then the check that they fit the notes).
 */
export const PARSE_STEPS = { scan: 650, read: 750, turns: 850, all: 1000 } as const;

/** The reader's own count (of `total`) as thousandths of the parse, up to where its scan ends. */
const scaled =
  (progress: ProgressReporter, total: number) =>
  (done: number): void =>
    progress.tick(Math.floor((done / Math.max(total, 1)) * PARSE_STEPS.scan));

/**
 * Reads a transcript or Word file into cues, or says why it cannot. The format is told from the
 * content (the name only breaks ties), and nothing here throws: whatever the bytes, the answer is a
 * transcript or a refusal with a reason the UI can phrase.
 */
export async function readTranscript(
  bytes: Uint8Array,
  fileName: string,
  /** Names of the interview's people: a label said once that names one of them is a speaker. */
  known: readonly string[] = [],
  /** Told when the bytes are read and the text is being parsed, and how far that is. */
  progress: ProgressReporter = silentProgress,
): Promise<TranscriptRead> {
  try {
    const result = await read(bytes, fileName, known, progress);
    progress.tick(PARSE_STEPS.read);
    return result;
  } catch {
    // A reader bug must not reach the consultant as a stack trace; tests fuzz for this reason.
    return refuse('unreadable');
  }
}

async function read(
  bytes: Uint8Array,
  fileName: string,
  known: readonly string[],
  progress: ProgressReporter,
): Promise<TranscriptRead> {
  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > MAX_TRANSCRIPT_BYTES)
    return refuse('tooLarge', { maxMb: MAX_TRANSCRIPT_BYTES / 1024 / 1024 });
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const container = containerKind(bytes);
  if (container === 'zip') {
    const kind = zipKind(bytes);
    if (kind === 'docx' || extension === 'docx') return readWord(bytes, known, progress);
    return kind ? refuse('unsupportedFormat', { kind }) : refuse('notDocx');
  }
  if (container) return refuse('unsupportedFormat', { kind: container });
  if (extension === 'docx') return refuse('corruptDocx');

  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse('binary');
  const warnings: ImportWarning[] = [];
  if (decoded.encoding === 'windows-1252') warnings.push({ key: 'decodedAsWindows1252', params: {} });
  if (decoded.replaced) warnings.push({ key: 'replacedCharacters', params: { count: decoded.replaced } });
  const lines = decoded.text.split(/\r\n|\r|\n/);
  const first = lines.find((line) => line.trim());
  if (first === undefined) return refuse('empty');
  progress.stage('parsing', PARSE_STEPS.all);
  const tick = scaled(progress, lines.length * 2);

  const isVtt = /^\uFEFF?WEBVTT(?:[\s:]|$)/.test(first.trim());
  const arrows = !isVtt && lines.some((line) => timingLine(line, 'arrow'));
  if (isVtt || arrows) {
    const timed = readTimed(lines, 'arrow', tick);
    const format: TranscriptFormat = isVtt || extension === 'vtt' ? 'vtt' : 'srt';
    return finishTimed(timed, format, warnings, known);
  }
  if (lines.some((line) => timingLine(line, 'sbv')))
    return finishTimed(readTimed(lines, 'sbv', tick), 'sbv', warnings, known);

  if (looksLikeChat(lines)) return refuse('chatLog');
  const source: SourceLine[] = lines.map((line) => (line.trim() ? { text: line } : null));
  // Blank lines between paragraphs mean lines within one are wrapped; without any, each line stands alone.
  const trimmed = lines.join('\n').trim();
  const unitLines = !/\n[ \t\u00a0]*\n/.test(trimmed);
  const text = readText(source, unitLines, known);
  if (!text.structured) warnings.push({ key: 'noStructure', params: {} });
  return finish(text.cues, 'text', warnings, text.structured);
}

async function readWord(
  bytes: Uint8Array,
  known: readonly string[],
  progress: ProgressReporter,
): Promise<TranscriptRead> {
  const docx = await readDocx(bytes);
  if (!docx.ok) return refuse('corruptDocx');
  progress.stage('parsing', PARSE_STEPS.all);
  const warnings: ImportWarning[] = [];
  const unanchored = docx.comments.filter((comment) => comment.anchorText === null).length;
  if (unanchored) warnings.push({ key: 'commentsUnanchored', params: { count: unanchored } });
  const texts = docx.lines.map((line) => line?.text ?? '');
  // A subtitle file pasted into Word (older Teams downloads) is read as one.
  let result: TranscriptRead;
  if (texts.filter((line) => timingLine(line, 'arrow')).length >= 2) {
    result = finishTimed(
      readTimed(texts, 'arrow', scaled(progress, texts.length * 2)),
      'docx',
      warnings,
      known,
    );
  } else {
    if (looksLikeChat(texts)) return refuse('chatLog');
    const text = readText(docx.lines, true, known);
    if (!text.structured && text.cues.length) warnings.push({ key: 'noStructure', params: {} });
    result = finish(text.cues, 'docx', warnings, text.structured);
  }
  if (result.ok && docx.comments.length) result.transcript.comments = docx.comments;
  return result;
}

function finishTimed(
  timed: TimedRead,
  format: TranscriptFormat,
  warnings: ImportWarning[],
  known: readonly string[],
): TranscriptRead {
  let chosen = format;
  if (!timed.voiceSpans && takeColonSpeakers(timed.cues, known) > 0) {
    if (format === 'vtt') chosen = 'vtt-zoom';
    carrySpeakers(timed.cues);
  } else if (!timed.voiceSpans && format === 'docx') {
    // Only Word downloads put the name on a line of its own; in captions that line is just text.
    takeLineSpeakers(timed.cues, timed.firstLines);
  }
  if (timed.voiceSpans && format === 'vtt') chosen = 'vtt-teams';
  if (timed.oddTimes) warnings.push({ key: 'oddTimestamps', params: { count: timed.oddTimes } });
  if (timed.strayLines) warnings.push({ key: 'textOutsideCues', params: { count: timed.strayLines } });
  let outOfOrder = 0;
  let previous = -1;
  for (const cue of timed.cues) {
    const start = cue.startMs ?? previous;
    if (start < previous || (cue.endMs !== null && start > cue.endMs)) outOfOrder++;
    previous = Math.max(previous, start);
  }
  if (outOfOrder) warnings.push({ key: 'timesOutOfOrder', params: { count: outOfOrder } });
  return finish(timed.cues, chosen, warnings, true);
}

function finish(
  raw: RawCue[],
  format: TranscriptFormat,
  warnings: ImportWarning[],
  structured: boolean,
): TranscriptRead {
  const cues: Cue[] = raw.map(({ rawSpeaker: _raw, ...cue }) => cue);
  if (!cues.length) return refuse('noText');
  const speakers = summariseSpeakers(raw);
  const without = cues.filter((cue) => cue.speaker === null && !cue.block).length;
  if (speakers.length && without) warnings.push({ key: 'cuesWithoutSpeaker', params: { count: without } });
  if (!speakers.length && structured) warnings.push({ key: 'noSpeakers', params: {} });
  const words = cues.reduce((sum, cue) => sum + countWords(cue.text), 0);
  return { ok: true, transcript: { format, cues, speakers, words, warnings } };
}

function refuse(reason: RefusalReason, params: ImportRefusal['params'] = {}): TranscriptRead {
  return { ok: false, refusal: { reason, params } };
}

/** Containers told by their first bytes: a zip (docx and its kin) or a format we do not read. */
function containerKind(bytes: Uint8Array): 'zip' | 'pdf' | 'doc' | 'rtf' | null {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('PK\u0005\u0006')) return 'zip';
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1')) return 'doc';
  if (head.startsWith('{\\rtf')) return 'rtf';
  return null;
}

/** What a zip holds, by the part names stored uncompressed in it. */
function zipKind(bytes: Uint8Array): 'docx' | 'xlsx' | 'pptx' | 'odt' | null {
  const names = new TextDecoder('latin1').decode(bytes);
  if (names.includes('word/')) return 'docx';
  if (names.includes('xl/')) return 'xlsx';
  if (names.includes('ppt/')) return 'pptx';
  if (names.includes('application/vnd.oasis.opendocument')) return 'odt';
  return null;
}
