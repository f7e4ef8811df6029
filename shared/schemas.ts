import { z } from 'zod';
import { CLOCK_ACTIONS } from './clock.ts';
import type { DocNode } from './domain.ts';
import {
  CLAIM_SENTIMENTS,
  CLAIM_UNITS,
  CONSENTS,
  ENGAGEMENT_STATUSES,
  IMPORTANCES,
  INTERVIEW_MODES,
  INTERVIEW_STATUSES,
  LANGUAGES,
  LIFECYCLE_STAGES,
  MATCH_MODES,
  POLARITIES,
  PRIORITIES,
  RELATIONSHIP_LEVELS,
  ROLE_LEVELS,
  SENTIMENTS,
  TIERS,
} from './domain.ts';
import type { InputProblem } from './errors.ts';
import { DECISION_ACTIONS, IDENTITY_KINDS } from './identity/types.ts';
import { SPEAKER_ROLES } from './import.ts';
import { ANONYMIZATION_LEVELS, QUOTE_EXPORT_FORMATS, REPORT_FORMATS, REPORT_SECTIONS } from './report.ts';

/** Input schemas for the contract. Limits are generous but finite, so hostile input fails fast. */

/** A schema names a problem by its key (shared/errors.ts), which the UI and the CLI phrase, not in English. */
const says = (problem: InputProblem) => ({ error: problem });

export const Id = z.uuid(says('notAnId'));
const name = (max = 200) => z.string().trim().min(1, says('empty')).max(max);
const text = (max = 20_000) => z.string().max(max);
const isoDate = z.iso.date(says('dateFormat'));
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('timeFormat'));

export const Empty = z.object({}).strict();
export const ById = z.object({ id: Id }).strict();
/** An erasure; `excluded` are place ids of the preview whose `token` is given (places to leave as they are). */
export const ErasureRequest = z
  .object({
    id: Id,
    excluded: z.array(z.string().max(300)).max(10_000).default([]),
    previewToken: z.string().max(128).optional(),
  })
  .strict();

export const EngagementFields = z
  .object({
    clientName: name(),
    title: name(),
    industry: text(200).default(''),
    language: z.enum(LANGUAGES),
    periodStart: isoDate.nullable().default(null),
    periodEnd: isoDate.nullable().default(null),
    status: z.enum(ENGAGEMENT_STATUSES).default('active'),
    purpose: text().default(''),
  })
  .strict();

export const AccountFields = z
  .object({
    name: name(),
    tier: z.enum(TIERS),
    importance: z.enum(IMPORTANCES).nullable().default(null),
    lifecycle: z.enum(LIFECYCLE_STAGES).nullable().default(null),
    revenue: z.number().int().min(0).max(1e13).nullable().default(null),
  })
  .strict();

export const IntervieweeFields = z
  .object({
    name: name(),
    title: text(200).default(''),
    roleLevel: z.enum(ROLE_LEVELS),
    consent: z.enum(CONSENTS).default('pending'),
    anonLabel: text(200).default(''),
    email: z.string().trim().max(254).default(''),
  })
  .strict();

export const InterviewFields = z
  .object({
    accountId: Id,
    intervieweeIds: z.array(Id).max(20).default([]),
    interviewer: text(200).default(''),
    date: isoDate.nullable().default(null),
    startTime: clockTime.nullable().default(null),
    mode: z.enum(INTERVIEW_MODES).default('video'),
    durationMin: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullable()
      .default(null),
    status: z.enum(INTERVIEW_STATUSES).default('planned'),
    nps: z.number().int().min(0).max(10).nullable().default(null),
    satisfaction: z.number().int().min(1).max(5).nullable().default(null),
  })
  .strict();

export const RelationshipFields = z
  .object({
    intervieweeId: Id.nullable().default(null),
    clientPerson: name(),
    clientRole: text(200).default(''),
    level: z.enum(RELATIONSHIP_LEVELS),
  })
  .strict();

/** What a notes document may hold, for the zod walk and the quick check below alike. */
const DOC_LIMITS = {
  depth: 40,
  typeLength: 64,
  attrKeyLength: 64,
  attrValueLength: 2000,
  textLength: 2_000_000,
  marks: 100,
  children: 200_000,
} as const;

/** Node and mark attributes in notes are plain values (heading level, timestamp, coding id…), never objects. */
const AttrValue = z.union([
  z.string().max(DOC_LIMITS.attrValueLength),
  z.number().finite(),
  z.boolean(),
  z.null(),
]);

/** Structural check of a TipTap JSON document; depth-limited so deeply nested input cannot blow the stack. */
function docNode(depth: number): z.ZodType<DocNode> {
  return z
    .object({
      type: z.string().min(1).max(DOC_LIMITS.typeLength),
      attrs: z.record(z.string().max(DOC_LIMITS.attrKeyLength), AttrValue).optional(),
      text: z.string().max(DOC_LIMITS.textLength).optional(),
      marks: z
        .array(
          z
            .object({
              type: z.string().min(1).max(DOC_LIMITS.typeLength),
              attrs: z.record(z.string().max(DOC_LIMITS.attrKeyLength), AttrValue).optional(),
            })
            .strict(),
        )
        .max(DOC_LIMITS.marks)
        .optional(),
      content:
        depth >= DOC_LIMITS.depth
          ? z.array(z.never()).max(0, says('tooDeep')).optional()
          : z.lazy(() => z.array(docNode(depth + 1)).max(DOC_LIMITS.children)).optional(),
    })
    .strict() as z.ZodType<DocNode>;
}

/** The zod walk of a document: its issues name the field and the problem. */
export const DocShape = docNode(0).refine((d) => d.type === 'doc', says('notADocument'));

const NODE_KEYS = new Set(['type', 'attrs', 'text', 'marks', 'content']);
const MARK_KEYS = new Set(['type', 'attrs']);

/** An object literal as JSON or a structured clone makes it: zod's records want no other kind. */
const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

const isType = (value: unknown): boolean =>
  typeof value === 'string' && value.length >= 1 && value.length <= DOC_LIMITS.typeLength;

function plainAttrs(attrs: unknown): boolean {
  if (attrs === undefined) return true;
  if (!isPlain(attrs)) return false;
  // Every own key, hidden ones and symbols too: zod's record reads them all.
  for (const key of Reflect.ownKeys(attrs)) {
    if (typeof key !== 'string' || key.length > DOC_LIMITS.attrKeyLength || key === '__proto__') return false;
    const value = attrs[key];
    if (typeof value === 'string') {
      if (value.length > DOC_LIMITS.attrValueLength) return false;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return false;
    } else if (typeof value !== 'boolean' && value !== null) return false;
  }
  return true;
}

/** Only the keys listed, found as zod finds unknown keys (for…in); the listed ones are read directly. */
function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

function plainNode(node: unknown, depth: number): boolean {
  if (!isPlain(node) || !onlyKeys(node, NODE_KEYS) || !isType(node.type) || !plainAttrs(node.attrs))
    return false;
  const { text, marks, content } = node;
  if (text !== undefined && (typeof text !== 'string' || text.length > DOC_LIMITS.textLength)) return false;
  if (marks !== undefined) {
    if (!Array.isArray(marks) || marks.length > DOC_LIMITS.marks) return false;
    for (const mark of marks)
      if (!isPlain(mark) || !onlyKeys(mark, MARK_KEYS) || !isType(mark.type) || !plainAttrs(mark.attrs))
        return false;
  }
  if (content === undefined) return true;
  if (!Array.isArray(content)) return false;
  if (depth >= DOC_LIMITS.depth) return content.length === 0;
  if (content.length > DOC_LIMITS.children) return false;
  for (let i = 0; i < content.length; i++) if (!plainNode(content[i], depth + 1)) return false;
  return true;
}

/**
 * Whether a document certainly passes DocShape, found by a plain walk: zod's walk of a 20,000-word note
 * took most of an autosave. It only ever says yes to what DocShape accepts (a test holds the two
 * together); anything it does not vouch for is walked by zod, whose issues then say what is wrong.
 */
export const isPlainDoc = (value: unknown): value is DocNode =>
  plainNode(value, 0) && (value as DocNode).type === 'doc';

/** The document the contract takes: the quick check first, the zod walk when it says no. */
export const Doc = z.unknown().transform((value, ctx): DocNode => {
  if (isPlainDoc(value)) return value;
  const parsed = DocShape.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  return z.NEVER;
}) as unknown as z.ZodType<DocNode>;

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, says('colourFormat'));

export const CodingFields = z
  .object({
    codeId: Id,
    sentiment: z.enum(SENTIMENTS).nullable().default(null),
    severity: z.number().int().min(1).max(3).nullable().default(null),
    memo: text(10_000).default(''),
    star: z.boolean().default(false),
  })
  .strict();

/** A coding created in the editor: its mark is in the document being saved with it. */
export const NewCoding = CodingFields.extend({ id: Id }).strict();

/** Codings pasted in from another interview: each source coding, and the id its copy takes here. */
export const CopyCodings = z
  .object({
    interviewId: Id,
    copies: z
      .array(z.object({ sourceId: Id, id: Id }).strict())
      .min(1)
      .max(1000),
  })
  .strict();

export const ClockActionInput = z.object({ id: Id, action: z.enum(CLOCK_ACTIONS) }).strict();

export const CodeFields = z
  .object({
    parentId: Id.nullable().default(null),
    engagementId: Id.nullable().default(null),
    name: z.object({ fi: name(), en: name() }).strict(),
    description: z
      .object({ fi: text(4000), en: text(4000) })
      .strict()
      .default({ fi: '', en: '' }),
    color: hexColor.default('#8da0cb'),
    hotkey: z.number().int().min(1).max(9).nullable().default(null),
    isGroup: z.boolean().default(false),
    polarity: z.enum(POLARITIES).default('neutral'),
  })
  .strict();

export const CodePatch = z
  .object({
    parentId: Id.nullable(),
    name: z.object({ fi: name(), en: name() }).strict(),
    description: z.object({ fi: text(4000), en: text(4000) }).strict(),
    color: hexColor,
    hotkey: z.number().int().min(1).max(9).nullable(),
    retired: z.boolean(),
    polarity: z.enum(POLARITIES),
  })
  .partial()
  .strict();

export const QuoteQuery = z
  .object({
    codeIds: z.array(Id).min(1, says('tooFew')).max(50),
    match: z.enum(MATCH_MODES).default('any'),
    engagementId: Id.optional(),
    tiers: z.array(z.enum(TIERS)).max(3).optional(),
    roleLevels: z.array(z.enum(ROLE_LEVELS)).max(3).optional(),
    importances: z.array(z.enum(IMPORTANCES)).max(4).optional(),
    lifecycles: z.array(z.enum(LIFECYCLE_STAGES)).max(5).optional(),
    sentiments: z.array(z.enum(SENTIMENTS)).max(3).optional(),
    starredOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(100_000).default(5000),
  })
  .strict();

/** What a finding's figure measures; its codes must be among the finding's linked codes. */
export const ClaimFields = z
  .object({
    codeIds: z.array(Id).min(1).max(50),
    sentiment: z.enum(CLAIM_SENTIMENTS),
    segment: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('tier'), value: z.enum(TIERS) }).strict(),
        z.object({ kind: z.literal('roleLevel'), value: z.enum(ROLE_LEVELS) }).strict(),
        z.object({ kind: z.literal('importance'), value: z.enum(IMPORTANCES) }).strict(),
        z.object({ kind: z.literal('lifecycle'), value: z.enum(LIFECYCLE_STAGES) }).strict(),
      ])
      .nullable(),
    unit: z.enum(CLAIM_UNITS),
  })
  .strict();

export const FindingFields = z
  .object({
    title: name(300),
    keyMessage: text(2000).default(''),
    body: text(50_000).default(''),
    recommendation: text(10_000).default(''),
    priority: z.enum(PRIORITIES).default('medium'),
    codeIds: z.array(Id).max(50).default([]),
    quoteIds: z.array(Id).max(200).default([]),
    /** Without one, the claim is kept if its codes stay linked, else made from the first linked code. */
    claim: ClaimFields.optional(),
  })
  .strict();

export const ReportRequest = z
  .object({
    engagementId: Id,
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(/^[^/\\:*?"<>|\p{Cc}]+$/u, says('fileNameCharacters')),
    /** Word, PowerPoint or Excel: the same content, anonymised and checked the same way. */
    format: z.enum(REPORT_FORMATS).default('docx'),
    anonymize: z.enum(ANONYMIZATION_LEVELS).default('people'),
    language: z.enum(LANGUAGES).optional(),
    sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(REPORT_SECTIONS.length).optional(),
    /** Words to print as they are, on top of the engagement's stored review decisions. */
    keep: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  })
  .strict();

/**
 * The Quotes view's filters written to a file. The engagement is required: the anonymiser is one
 * engagement's. Every quote is written (no `limit`); `language` is that of the labels and code names.
 */
export const QuoteExportRequest = QuoteQuery.omit({ engagementId: true, limit: true })
  .extend({
    engagementId: Id,
    format: z.enum(QUOTE_EXPORT_FORMATS),
    anonymize: z.enum(ANONYMIZATION_LEVELS).default('people'),
    fileName: ReportRequest.shape.fileName,
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();

export const IdentityFields = z
  .object({
    kind: z.enum(IDENTITY_KINDS),
    name: name(),
    role: text(200).default(''),
    aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    intervieweeId: Id.nullable().default(null),
    accountId: Id.nullable().default(null),
  })
  .strict();

export const IdentifierDecision = z
  .object({
    engagementId: Id,
    key: z.string().trim().min(1).max(400),
    action: z.enum(DECISION_ACTIONS),
    /** For "link": the register id (interviewee, account, identity) the words belong to. */
    linkTo: z.string().min(1).max(200).nullable().default(null),
  })
  .strict();

export const ReviewRequest = z
  .object({
    engagementId: Id,
    /** The workbook also holds every coded passage: its review covers them. */
    format: z.enum(REPORT_FORMATS).default('docx'),
    anonymize: z.enum(ANONYMIZATION_LEVELS).default('people'),
    language: z.enum(LANGUAGES).optional(),
    sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(REPORT_SECTIONS.length).optional(),
  })
  .strict();

export const DeletionTarget = z
  .object({ kind: z.enum(['engagement', 'account', 'interviewee', 'interview']), id: Id })
  .strict();

/**
 * A transcript file on its way in: its bytes in base64, up to a little over the readers' 50 MB cap so
 * that the service (not the schema) says the file is too large, in words that name the file.
 */
export const TranscriptSource = z
  .object({
    engagementId: Id,
    interviewId: Id.optional(),
    accountId: Id.optional(),
    fileName: z.string().trim().min(1).max(400),
    data: z.string().max(80_000_000),
  })
  .strict();

export const SpeakerMappingFields = z
  .object({
    name: z.string().trim().min(1).max(200),
    as: z.enum(SPEAKER_ROLES),
    intervieweeId: Id.optional(),
  })
  .strict();

export const TranscriptImport = TranscriptSource.extend({
  speakers: z.array(SpeakerMappingFields).max(500).default([]),
}).strict();

export { z };
