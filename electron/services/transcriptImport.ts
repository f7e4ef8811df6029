import type { DocNode } from '../../shared/domain.ts';
import { TRANSCRIPT_NODE } from '../../shared/editor/schema.ts';
import { resources } from '../../shared/i18n/index.ts';
import { normalizeName } from '../../shared/identity/normalize.ts';
import type {
  DocComment,
  SpeakerMapping,
  SpeakerSummary,
  Transcript,
  TranscriptPreview,
  Turn,
} from '../../shared/import.ts';
import { deriveNotes, MENTION_MARK, NOTE_LIMITS } from '../../shared/notes.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { getAccount } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { createIdentity, listIdentities } from './identities.ts';
import { MAX_TRANSCRIPT_BYTES, PARSE_STEPS, readTranscript, toTurns } from './import/index.ts';
import { isInitials, roleLabel } from './import/roles.ts';
import { namePrefix } from './import/speakers.ts';
import { type ProgressReporter, silentProgress } from './importProgress.ts';
import { createInterview, getInterview, getNotes, updateInterview } from './interviews.ts';
import { saveNotes } from './notes.ts';

/** How many turns the preview shows: enough to recognise the conversation. */
const PREVIEW_TURNS = 8;

export interface TranscriptSource {
  engagementId: string;
  interviewId?: string | undefined;
  accountId?: string | undefined;
  fileName: string;
  /** The file's bytes in base64, as they cross the contract. */
  data: string;
}

/** Where a transcript goes: an interview of the engagement, or the account a new one is made for. */
interface Target {
  accountId: string;
  interviewId: string | null;
  interviewer: string;
  people: { id: string; name: string }[];
}

function targetOf(ctx: ServiceContext, source: Omit<TranscriptSource, 'fileName' | 'data'>): Target {
  getEngagement(ctx, source.engagementId);
  let accountId = source.accountId;
  let interviewer = '';
  let onInterview: string[] = [];
  if (source.interviewId) {
    const interview = getInterview(ctx, source.interviewId);
    if (interview.engagementId !== source.engagementId) throw notFound('interview');
    accountId = interview.accountId;
    interviewer = interview.interviewer;
    onInterview = interview.intervieweeIds;
  }
  if (!accountId) throw new KuuloError('transcriptNeedsTarget');
  const account = getAccount(ctx, accountId);
  if (account.engagementId !== source.engagementId) throw new KuuloError('accountOfOtherEngagement');
  const all = ctx.db
    .prepare('SELECT id, name FROM interviewees WHERE account_id = ? ORDER BY name')
    .all(accountId) as { id: string; name: string }[];
  // The interview's own people first: they are the likeliest speakers.
  const people = [
    ...onInterview.flatMap((id) => all.filter((p) => p.id === id)),
    ...all.filter((p) => !onInterview.includes(p.id)),
  ];
  return { accountId, interviewId: source.interviewId ?? null, interviewer, people };
}

/** The bytes of the file, or a refusal before anything is decoded: base64 is a third larger. */
async function readSource(
  source: TranscriptSource,
  target: Target,
  progress: ProgressReporter,
): Promise<Transcript> {
  if (source.data.length > Math.ceil((MAX_TRANSCRIPT_BYTES * 4) / 3) + 4)
    throw new KuuloError('transcriptRefused', {
      reason: 'tooLarge',
      params: { maxMb: MAX_TRANSCRIPT_BYTES / 1024 / 1024 },
    });
  const bytes = Buffer.from(source.data, 'base64');
  const known = [...target.people.map((p) => p.name), ...interviewerNames(target.interviewer)];
  const read = await readTranscript(bytes, source.fileName, known, progress);
  if (!read.ok) throw new KuuloError('transcriptRefused', read.refusal);
  return read.transcript;
}

/** Lower case without accents or punctuation: "Virtanen, Matti" and "matti virtanen" compare equal. */
const fold = (name: string): string[] =>
  normalizeName(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fi')
    .split(/[\s,.]+/)
    .filter(Boolean);

/**
 * Whether a speaker's name names this person: the same words in any order ("Virtanen, Matti"), or
 * one word that is the person's first or last name ("Matti"), told apart from everyone else's.
 */
export function namesPerson(speaker: SpeakerSummary, name: string): boolean {
  const person = fold(name);
  return [speaker.name, speaker.original].some((written) => {
    const words = fold(written);
    if (!words.length || !person.length) return false;
    if (words.length === person.length && words.every((w) => person.includes(w))) return true;
    return words.length === 1 && (words[0] === person[0] || words[0] === person.at(-1));
  });
}

/** "Liisa Laine ja Pekka Aho" → each interviewer's name. */
const interviewerNames = (interviewer: string): string[] =>
  interviewer.split(/\s*(?:[,;&/+]|\s(?:ja|and)\s)\s*/u).filter(Boolean);

/** The mapping suggested for each speaker; a name two people could answer to is left as "other". */
export function suggestMapping(speaker: SpeakerSummary, target: Target): SpeakerMapping {
  const matches = target.people.filter((p) => namesPerson(speaker, p.name));
  if (matches.length === 1) return { name: speaker.name, as: 'interviewee', intervieweeId: matches[0]!.id };
  const interviewers = interviewerNames(target.interviewer);
  if (interviewers.some((name) => namesPerson(speaker, name)))
    return { name: speaker.name, as: 'interviewer' };
  return { name: speaker.name, as: 'other' };
}

/** Reads the file and says what an import would bring; writes nothing. */
export async function previewTranscript(
  ctx: ServiceContext,
  source: TranscriptSource,
  progress: ProgressReporter = silentProgress,
): Promise<TranscriptPreview> {
  const target = targetOf(ctx, source);
  const transcript = await readSource(source, target, progress);
  const turns = toTurns(transcript.cues);
  progress.tick(PARSE_STEPS.turns);
  const language = getEngagement(ctx, source.engagementId).language;
  const words = resources[language].translation.transcriptImport.commentLine;
  checkFits(ctx, target.interviewId, turns, transcript, source.fileName, words);
  const warnings = [...transcript.warnings];
  if (holdsTranscript(ctx, target.interviewId, source.fileName, transcript.format))
    warnings.unshift({ key: 'alreadyImported', params: { fileName: source.fileName } });
  return {
    fileName: source.fileName,
    format: transcript.format,
    speakers: transcript.speakers.map((s) => ({ ...s, suggested: suggestMapping(s, target) })),
    people: target.people,
    cues: transcript.cues.length,
    turns: turns.length,
    words: transcript.words,
    firstLines: turns.slice(0, PREVIEW_TURNS),
    warnings,
    comments: transcript.comments?.length ?? 0,
  };
}

/**
 * Whether the interview's notes already hold a transcript section of this file name and format: a
 * second import would append a second copy, which the consultant should decide on knowingly.
 */
function holdsTranscript(
  ctx: ServiceContext,
  interviewId: string | null,
  fileName: string,
  format: string,
): boolean {
  if (interviewId === null) return false;
  const notes = getNotes(ctx, interviewId);
  if (notes.problem) return false;
  return (notes.doc.content ?? []).some(
    (node) =>
      node.type === TRANSCRIPT_NODE && node.attrs?.fileName === fileName && node.attrs?.format === format,
  );
}

/**
 * Each speaker's final mapping: the consultant's where given, else the suggestion. A mapping for a
 * name the file does not have is refused, so a typing slip on the command line is not silently lost.
 */
export function resolveMapping(
  transcript: Transcript,
  target: Target,
  given: readonly SpeakerMapping[],
): Map<string, SpeakerMapping> {
  const byName = new Map(transcript.speakers.map((s) => [s.name, s]));
  const originals = new Map(transcript.speakers.map((s) => [s.original, s.name]));
  const chosen = new Map<string, SpeakerMapping>();
  for (const mapping of given) {
    const name = byName.has(mapping.name) ? mapping.name : originals.get(mapping.name);
    if (!name) throw new KuuloError('transcriptSpeakerUnknown', { name: mapping.name });
    if (mapping.as === 'interviewee' && !target.people.some((p) => p.id === mapping.intervieweeId))
      throw new KuuloError('intervieweeNotOfAccount');
    chosen.set(name, { ...mapping, name });
  }
  for (const speaker of transcript.speakers)
    if (!chosen.has(speaker.name)) chosen.set(speaker.name, suggestMapping(speaker, target));
  return chosen;
}

/**
 * The identity a speaker's label is marked with, so the identity engine knows the name: an interviewee
 * through the identity linked to them, anyone else through one of their name (made when missing, as
 * the mention picker does). Then anonymised outputs mask every label, whoever it maps to. A role label
 * is marked with none (null).
 */
function speakerIdentity(ctx: ServiceContext, engagementId: string, mapping: SpeakerMapping): string | null {
  // Initials the consultant mapped to an interviewee ("MK" for Mikko Kallio) are that person's: marked
  // as them, the initials join their names, and erasure and anonymised outputs find "MK:n" too.
  if (mapping.as === 'interviewee' && isInitials(mapping.name))
    return personIdentity(ctx, engagementId, mapping);
  const role = roleLabel(mapping.name);
  if (role) {
    // A role ("Asiakas", "Speaker 1", "H") is nobody: its marked text would join a person's names and
    // mask the word everywhere. A name written with it ("Haastattelija (Matti)") is still registered,
    // so the engine finds it in the label's text.
    if (role.person) personIdentity(ctx, engagementId, { ...mapping, name: role.person });
    return null;
  }
  return personIdentity(ctx, engagementId, mapping);
}

function personIdentity(ctx: ServiceContext, engagementId: string, mapping: SpeakerMapping): string {
  const identities = listIdentities(ctx, engagementId);
  if (mapping.as === 'interviewee' && mapping.intervieweeId) {
    const linked = identities.find((i) => i.intervieweeId === mapping.intervieweeId);
    if (linked) return linked.id;
    const person = ctx.db
      .prepare('SELECT name FROM interviewees WHERE id = ?')
      .pluck()
      .get(mapping.intervieweeId) as string;
    // The name as the file wrote it joins the person's names, so the engine finds it too.
    const aliases = normalizeName(mapping.name) === normalizeName(person) ? [] : [mapping.name];
    return createIdentity(ctx, engagementId, {
      kind: 'person',
      name: person,
      role: '',
      aliases,
      intervieweeId: mapping.intervieweeId,
      accountId: null,
    }).id;
  }
  const same = fold(mapping.name).join(' ');
  const namesake = identities.find(
    (i) => i.kind === 'person' && !i.intervieweeId && fold(i.name).join(' ') === same,
  );
  if (namesake) return namesake.id;
  return createIdentity(ctx, engagementId, {
    kind: 'person',
    name: mapping.name,
    role: '',
    aliases: [],
    intervieweeId: null,
    accountId: null,
  }).id;
}

export interface TranscriptMeta {
  fileName: string;
  format: string;
  importedAt: string;
}

/** A quoted anchor is cut to about this many characters: the paragraph it points to is right above. */
const ANCHOR_QUOTE = 60;

/**
 * The turn each Word comment goes after: the one made of the paragraph it is attached to (its text
 * without the "Name:" label, which became the speaker), counting equal paragraphs so a comment on the
 * second "Kyllä." goes after the second; failing that, a turn that holds the paragraph's text (Otter's
 * headers join the lines of a turn); -1 where neither is found.
 */
export function anchorComments(turns: readonly Turn[], comments: readonly DocComment[]): number[] {
  return comments.map((comment) => {
    const anchor = comment.anchorText?.trim();
    if (!anchor) return -1;
    const said = namePrefix(anchor)?.rest || anchor;
    const labelled = (turn: Turn) => (turn.speaker === null ? turn.text : `${turn.speaker}: ${turn.text}`);
    const nth = comment.anchorOccurrence ?? 0;
    const exact = indicesWhere(turns, (turn) => turn.text === said || labelled(turn) === anchor);
    if (exact.length > nth) return exact[nth]!;
    const within = indicesWhere(turns, (turn) => turn.text.includes(said) || labelled(turn).includes(anchor));
    return within.length ? within[Math.min(nth, within.length - 1)]! : -1;
  });
}

function indicesWhere<T>(list: readonly T[], test: (item: T) => boolean): number[] {
  const found: number[] = [];
  list.forEach((item, i) => {
    if (test(item)) found.push(i);
  });
  return found;
}

/** The first words of a long anchor, cut at a space. */
function shortQuote(text: string): string {
  const chars = [...text];
  if (chars.length <= ANCHOR_QUOTE) return text;
  const cut = chars.slice(0, ANCHOR_QUOTE).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > ANCHOR_QUOTE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The transcript section of the notes: one paragraph per turn stamped with its start (seconds, as the
 * clock gutter shows), the speaker's label first as a mention of who they are. A Word comment follows
 * the paragraph it is attached to as a paragraph of its own, in the notes' language ("Kommentti
 * (Liisa): … — kohtaan “…”"); comments that cannot be placed are listed at the section's end. They are
 * notes text, so search, anonymisation and erasure reach them and their authors' names.
 */
export function transcriptBlock(
  turns: readonly Turn[],
  speakerIds: ReadonlyMap<string, string>,
  meta: TranscriptMeta,
  comments: readonly DocComment[] = [],
  commentWords: { comment: string; on: string } = { comment: 'Comment', on: 'on' },
): DocNode {
  const commentParagraph = (comment: DocComment, anchored: boolean): DocNode => {
    const who = comment.author ? ` (${comment.author})` : '';
    const quoted = comment.anchorText && (anchored ? shortQuote(comment.anchorText) : comment.anchorText);
    const where = quoted ? ` — ${commentWords.on} “${quoted}”` : '';
    return {
      type: 'paragraph',
      content: [{ type: 'text', text: `${commentWords.comment}${who}: ${comment.text}${where}` }],
    };
  };
  const after = new Map<number, DocComment[]>();
  anchorComments(turns, comments).forEach((place, c) => {
    after.set(place, [...(after.get(place) ?? []), comments[c]!]);
  });
  const paragraphs: DocNode[] = [];
  turns.forEach((turn, i) => {
    const content: DocNode[] = [];
    if (turn.speaker !== null) {
      const id = speakerIds.get(turn.speaker);
      const label: DocNode = { type: 'text', text: turn.speaker };
      if (id) label.marks = [{ type: MENTION_MARK, attrs: { id } }];
      content.push(label, { type: 'text', text: turn.text ? `: ${turn.text}` : ':' });
    } else if (turn.text) content.push({ type: 'text', text: turn.text });
    const paragraph: DocNode = {
      type: 'paragraph',
      attrs: { ts: turn.startMs === null ? null : turn.startMs / 1000 },
    };
    if (content.length) paragraph.content = content;
    paragraphs.push(paragraph);
    for (const comment of after.get(i) ?? []) paragraphs.push(commentParagraph(comment, true));
  });
  for (const comment of after.get(-1) ?? []) paragraphs.push(commentParagraph(comment, false));
  if (!paragraphs.length) paragraphs.push({ type: 'paragraph' });
  return { type: TRANSCRIPT_NODE, attrs: { ...meta }, content: paragraphs };
}

/**
 * Refuses a transcript that would take the interview's notes past their length limit, saying how long
 * they would be, so the consultant splits the file instead of meeting the editor's message at the save.
 */
function checkFits(
  ctx: ServiceContext,
  interviewId: string | null,
  turns: readonly Turn[],
  transcript: Transcript,
  fileName: string,
  words: { comment: string; on: string },
): void {
  // Labels are counted without their marks: a mention does not change the text's length.
  const block = transcriptBlock(
    turns,
    new Map(),
    { fileName, format: transcript.format, importedAt: '' },
    transcript.comments,
    words,
  );
  const notes = interviewId === null ? null : getNotes(ctx, interviewId);
  const kept = notes && !notes.problem && !isBlank(notes.doc) ? (notes.doc.content ?? []) : [];
  const doc: DocNode = { type: 'doc', content: [...kept, block, { type: 'paragraph' }] };
  const size = [...deriveNotes(doc).text].length;
  if (size > NOTE_LIMITS.characters)
    throw new KuuloError('transcriptRefused', {
      reason: 'tooLongForNotes',
      params: { size, limit: NOTE_LIMITS.characters },
    });
}

/** Whether a document holds nothing the consultant wrote (a new interview's single empty paragraph). */
const isBlank = (doc: DocNode): boolean =>
  !doc.content?.length ||
  (doc.content.length === 1 && doc.content[0]!.type === 'paragraph' && !doc.content[0]!.content?.length);

export interface ImportRequest extends TranscriptSource {
  speakers: SpeakerMapping[];
}

/**
 * Brings a transcript into an interview's notes, after the consultant's own, or into a new interview
 * of the account. Everything is one transaction through saveNotes, so the notes' limits and checks
 * apply, and a refusal anywhere leaves the workspace as it was.
 */
export async function importTranscript(
  ctx: ServiceContext,
  request: ImportRequest,
  progress: ProgressReporter = silentProgress,
): Promise<{ interviewId: string }> {
  const target = targetOf(ctx, request);
  const transcript = await readSource(request, target, progress);
  const mapping = resolveMapping(transcript, target, request.speakers);
  const turns = toTurns(transcript.cues);
  progress.tick(PARSE_STEPS.turns);
  const language = getEngagement(ctx, request.engagementId).language;
  const words = resources[language].translation.transcriptImport.commentLine;
  progress.stage('writing');
  // Re-checked inside: the interview may have changed while the file was being read.
  return ctx.db.transaction(() => {
    const current = targetOf(ctx, request);
    // Before any interview or identity is made: a refusal then leaves nothing behind.
    checkFits(ctx, current.interviewId, turns, transcript, request.fileName, words);
    const mapped = [...mapping.values()]
      .filter((m) => m.as === 'interviewee' && m.intervieweeId)
      .map((m) => m.intervieweeId!);
    let interviewId = current.interviewId;
    if (interviewId === null) {
      interviewId = createInterview(ctx, request.engagementId, {
        accountId: current.accountId,
        intervieweeIds: [...new Set(mapped)],
        // Whoever the consultant named as the interviewer is the new interview's interviewer.
        interviewer: [...mapping.values()]
          .filter((m) => m.as === 'interviewer')
          // "Haastattelija" is no one's name; "Haastattelija (Matti)" is Matti's.
          .map((m) => (roleLabel(m.name) ? roleLabel(m.name)!.person : m.name))
          .filter(Boolean)
          .join(', ')
          .slice(0, 200),
        date: null,
        startTime: null,
        mode: 'video',
        durationMin: null,
        status: 'done',
        nps: null,
        satisfaction: null,
      }).id;
    } else {
      const present = getInterview(ctx, interviewId).intervieweeIds;
      // A speaker mapped to one of the account's people takes part in the interview.
      if (mapped.some((id) => !present.includes(id)))
        updateInterview(ctx, interviewId, { intervieweeIds: [...new Set([...present, ...mapped])] });
    }
    const speakerIds = new Map<string, string>();
    for (const m of mapping.values()) {
      const id = speakerIdentity(ctx, request.engagementId, m);
      if (id) speakerIds.set(m.name, id);
    }
    const block = transcriptBlock(
      turns,
      speakerIds,
      { fileName: request.fileName, format: transcript.format, importedAt: ctx.now() },
      transcript.comments,
      words,
    );
    const notes = getNotes(ctx, interviewId);
    if (notes.problem) throw new KuuloError('notesUnopenable', { problem: notes.problem });
    const kept = isBlank(notes.doc) ? [] : (notes.doc.content ?? []);
    // An empty paragraph after the transcript: new notes are typed there, outside the transcript.
    const doc: DocNode = { type: 'doc', content: [...kept, block, { type: 'paragraph' }] };
    saveNotes(ctx, interviewId, doc, [], notes.revision);
    return { interviewId };
  })();
}
