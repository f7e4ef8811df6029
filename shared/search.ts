import { z } from 'zod';
import { ROLE_LEVELS, type RoleLevel, TIERS, type Tier } from './domain.ts';
import { Id } from './schemas.ts';

/** Full-text search across notes, memos, findings, people and accounts (electron/services/search/). */

export const SEARCH_KINDS = ['note', 'memo', 'finding', 'interviewee', 'account'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  engagementId: string;
  engagementName: string;
  /** The interview the text belongs to (notes, memos); null for findings, people and accounts. */
  interviewId: string | null;
  /** Interview id (note), coding id (memo), finding / interviewee / account id. */
  sourceId: string;
  /** Notes only: the index of the text block (paragraph, heading…) in the document, from 0. */
  paragraph: number | null;
  /** Code points: for a note, in the interview's whole plain text (deriveNotes), the span of the first
   *  matched word or phrase — what the editor selects; for other kinds, in that field's text. */
  start: number;
  end: number;
  /** The text from start to end, as found: coding the hit later checks it is still there. */
  text: string;
  /** Plain text around the match (≈ 200 characters, cut at word boundaries, "…" where cut). */
  snippet: string;
  /** Code-point ranges in `snippet` of every matched word. */
  highlights: [number, number][];
  score: number;
  /** What the hit list shows beside it (null where it does not apply). */
  accountName: string | null;
  tier: Tier | null;
  roleLevel: RoleLevel | null;
  intervieweeName: string | null;
  date: string | null; // the interview's date
  /** Codes of live codings that overlap the matched span (notes); the code of the coding (memo). */
  codeIds: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Hits found, capped at 1000. */
  total: number;
  more: boolean;
}

/** How many hits a search counts at most; `total` stops there and `more` says there were more. */
export const SEARCH_HIT_CAP = 1000;

const isoDate = z.iso.date({ error: 'dateFormat' });

export const SearchQuery = z
  .object({
    query: z.string().min(1).max(500),
    engagementId: Id.optional(),
    interviewId: Id.optional(),
    kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
    tiers: z.array(z.enum(TIERS)).max(3).optional(),
    roleLevels: z.array(z.enum(ROLE_LEVELS)).max(3).optional(),
    /** Hits inside passages coded with any of these codes (notes), or memos of codings of them. */
    codeIds: z.array(Id).max(200).optional(),
    /** The interview's date, inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.number().int().min(1).max(SEARCH_HIT_CAP).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

/** Code-point spans in interviews' plain text (hits of a search) to code with one code. */
export const CodeSearchHits = z
  .object({
    codeId: Id,
    hits: z
      .array(
        z
          .object({
            interviewId: Id,
            start: z.number().int().min(0),
            end: z.number().int().min(1),
            /** The hit's text as the search found it: refused if the notes no longer hold it there. */
            text: z.string().min(1).max(10_000),
          })
          .strict()
          .refine((hit) => hit.end > hit.start, { error: 'invalid', path: ['end'] }),
      )
      .min(1)
      .max(5000),
  })
  .strict();

export interface CodeSearchHitsResult {
  /** Spans coded now (those already coded with the code are skipped). */
  coded: number;
  /** The Trash entry that undoes it as one step (`restoreFromTrash`); '' when nothing was coded. */
  trashId: string;
}
