import { formatElapsed } from './clock.ts';

/**
 * What a transcript or Word file read into: the cues in file order, the speakers found, and what the
 * consultant should know before importing. Small and plain so the preview can show it as it is.
 */

export const TRANSCRIPT_FORMATS = ['vtt-teams', 'vtt-zoom', 'vtt', 'srt', 'sbv', 'text', 'docx'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/** How a cue stood in a document (Word, text): the notes can keep headings and lists as such. */
export type CueBlock = 'heading' | 'listItem' | 'tableRow';

export interface Cue {
  /** Milliseconds from the start of the recording; null where the file gives no time. */
  startMs: number | null;
  endMs: number | null;
  /** The speaker's name as shown ("Last, First" turned to "First Last"), or null. */
  speaker: string | null;
  /** Plain text: tags dropped, entities decoded, white space collapsed. */
  text: string;
  block?: CueBlock;
}

export interface SpeakerSummary {
  name: string;
  /** The name as the file wrote it the first time (e.g. "Virtanen, Matti"), for mapping by hand. */
  original: string;
  /** The organisation the file wrote after the name ("Asiakas Oy" of "Matti Virtanen (Asiakas Oy)"). */
  organisation?: string;
  cues: number;
  words: number;
}

export interface DocComment {
  text: string;
  author: string | null;
  /** The text of the paragraph the comment is attached to, where the file says. */
  anchorText: string | null;
  /** How many earlier paragraphs have the same text (a comment on the second "Kyllä." says 1); 0 if left out. */
  anchorOccurrence?: number;
}

/** Something the consultant should know; phrased from its key (i18n transcriptImport.warning.<key>). */
export type ImportWarning =
  | { key: 'cuesWithoutSpeaker'; params: { count: number } }
  | { key: 'noSpeakers'; params: Record<string, never> }
  | { key: 'noStructure'; params: Record<string, never> }
  | { key: 'decodedAsWindows1252'; params: Record<string, never> }
  | { key: 'replacedCharacters'; params: { count: number } }
  | { key: 'timesOutOfOrder'; params: { count: number } }
  | { key: 'oddTimestamps'; params: { count: number } }
  | { key: 'textOutsideCues'; params: { count: number } }
  | { key: 'commentsUnanchored'; params: { count: number } }
  | { key: 'alreadyImported'; params: { fileName: string } };

export interface Transcript {
  format: TranscriptFormat;
  cues: Cue[];
  speakers: SpeakerSummary[];
  words: number;
  warnings: ImportWarning[];
  /** Word comments, to become memos where they can be anchored. */
  comments?: DocComment[];
}

export const IMPORT_WARNING_KEYS = [
  'cuesWithoutSpeaker',
  'noSpeakers',
  'noStructure',
  'decodedAsWindows1252',
  'replacedCharacters',
  'timesOutOfOrder',
  'oddTimestamps',
  'textOutsideCues',
  'commentsUnanchored',
  'alreadyImported',
] as const satisfies readonly ImportWarning['key'][];

/** Why a file cannot be imported; phrased from its key (i18n transcriptImport.refusal.<reason>). */
export const REFUSAL_REASONS = [
  'empty',
  'binary',
  'tooLarge',
  'noText',
  'corruptDocx',
  'notDocx',
  'unsupportedFormat',
  'unreadable',
  'chatLog',
  'tooLongForNotes',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface ImportRefusal {
  reason: RefusalReason;
  /** e.g. { kind: 'pdf' } for unsupportedFormat, { maxMb } for tooLarge. */
  params: Record<string, string | number>;
}

export type TranscriptRead = { ok: true; transcript: Transcript } | { ok: false; refusal: ImportRefusal };

/** One paragraph of imported notes: consecutive cues of one speaker. */
export interface Turn {
  startMs: number | null;
  speaker: string | null;
  text: string;
  block?: CueBlock;
}

/** A cue or turn time as the interview clock shows it ("4:05", "1:02:09"). */
export function formatClock(ms: number): string {
  return formatElapsed(ms);
}

/** Whom a speaker of an imported transcript stands for. */
export const SPEAKER_ROLES = ['interviewee', 'interviewer', 'other'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

export interface SpeakerMapping {
  name: string;
  as: SpeakerRole;
  /** Which interviewee, when `as` is 'interviewee'. */
  intervieweeId?: string | undefined;
}

/** What the consultant sees before a transcript is imported; nothing is written to make it. */
export interface TranscriptPreview {
  fileName: string;
  format: TranscriptFormat;
  /** Each speaker with the mapping suggested from the interview's people and interviewer. */
  speakers: (SpeakerSummary & { suggested: SpeakerMapping })[];
  /** The interviewees the speakers can map to: the interview's, or the account's people. */
  people: { id: string; name: string }[];
  cues: number;
  turns: number;
  words: number;
  /** The first turns as they will read in the notes. */
  firstLines: Turn[];
  warnings: ImportWarning[];
  comments: number;
}
