import type { Database, Statement } from 'better-sqlite3';
import type { Base, CodeRef } from '../../../shared/analysis.ts';
import type { Polarity } from '../../../shared/domain.ts';
import { HELD_STATUSES, NOT_YET_HELD_STATUSES, type Sample } from '../../../shared/sample.ts';
import type { ServiceContext } from '../context.ts';
import { getEngagement } from '../engagements.ts';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Someone in interview `alias` has the given consent. An uncorrelated IN: SQLite makes the set of
 * such interviews once per statement, where a correlated EXISTS looked them up row by row (8× slower
 * over 2,000 interviews, on every listing, retrieval and figure).
 */
const anyConsent = (alias: string, consent: string) =>
  `${alias}.id IN (SELECT ii_c.interview_id FROM interview_interviewees ii_c
    JOIN interviewees p_c ON p_c.id = ii_c.interviewee_id WHERE p_c.consent = '${consent}')`;

/**
 * The SQL form of the one sample definition (shared/sample.ts): interview `alias` has been held and
 * nobody in it declined consent. Every figure, quote search and base uses this condition.
 */
export const inSample = (alias: string): string =>
  `(${alias}.status IN (${list(HELD_STATUSES)}) AND NOT ${anyConsent(alias, 'declined')})`;

/** Nobody in interview `alias` declined consent: it belongs to the sample's total, held or not. */
export const notDeclined = (alias: string): string => `NOT ${anyConsent(alias, 'declined')}`;

/** In the sample and nobody's consent still pending: it may be quoted. */
export const quotable = (alias: string): string =>
  `(${inSample(alias)} AND NOT ${anyConsent(alias, 'pending')})`;

/** The engagement's interviews in the sample (see `inSample`); every figure is over them. Bound to `@engagementId`. */
export const HELD = `held AS (
  SELECT id, account_id, nps, satisfaction FROM interviews i
  WHERE engagement_id = @engagementId AND ${inSample('i')})`;

const SAMPLE = `SELECT
    count(*) FILTER (WHERE NOT ${anyConsent('i', 'declined')}) AS total,
    count(*) FILTER (WHERE ${inSample('i')}) AS held,
    count(*) FILTER (WHERE i.status IN (${list(NOT_YET_HELD_STATUSES)}) AND NOT ${anyConsent('i', 'declined')})
      AS notYetHeld,
    count(*) FILTER (WHERE ${anyConsent('i', 'declined')}) AS declined,
    count(*) FILTER (WHERE ${inSample('i')} AND ${anyConsent('i', 'pending')}) AS consentPending
  FROM interviews i WHERE i.engagement_id = @engagementId`;

/** How the engagement's interviews stand against the sample definition (held, still to hold, left out). */
export function sampleCounts(db: Database, engagementId: string): Sample {
  return statement(db, SAMPLE).get({ engagementId }) as Sample;
}

const statements = new WeakMap<Database, Map<string, Statement>>();

/** The dashboard runs the same few queries again and again: each is compiled once per connection. */
export function statement(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** Rounds half away from zero, so that −12.5 and 12.5 round to the same magnitude. */
export function round(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}

/** `part` as a share of `whole`, 0–100 with one decimal; 0 (never NaN) when the whole is empty. */
export function pct(part: number, whole: number): number {
  return whole > 0 ? round((part / whole) * 100, 1) : 0;
}

/** What every figure set of one engagement starts from. */
export interface Scope {
  db: Database;
  engagementId: string;
  base: Base;
}

export function analysisScope(ctx: ServiceContext, engagementId: string): Scope {
  getEngagement(ctx, engagementId);
  const base = statement(
    ctx.db,
    `WITH ${HELD}
     SELECT (SELECT count(*) FROM held) AS interviews, count(*) AS accounts,
       coalesce(sum(a.revenue), 0) AS revenue, count(*) FILTER (WHERE a.revenue IS NULL) AS revenueUnknown
     FROM accounts a WHERE a.id IN (SELECT account_id FROM held)`,
  ).get({ engagementId }) as Base;
  return { db: ctx.db, engagementId, base };
}

/** Columns that make a `CodeRef` out of the `codes` table aliased `k`. */
export const CODE_COLUMNS = `k.id AS codeId, k.name_fi AS nameFi, k.name_en AS nameEn, k.color,
  k.parent_id AS groupId, k.polarity`;

export interface CodeColumns {
  codeId: string;
  nameFi: string;
  nameEn: string;
  color: string;
  groupId: string | null;
  polarity: Polarity;
}

export const codeRef = ({ codeId, nameFi, nameEn, color, groupId, polarity }: CodeColumns): CodeRef => ({
  codeId,
  code: { fi: nameFi, en: nameEn },
  color,
  groupId,
  polarity,
});

/** A plain copy of a code reference, so figure rows never share objects (they go over IPC and into JSON). */
export const refOf = ({ codeId, code, color, groupId, polarity }: CodeRef): CodeRef => ({
  codeId,
  code: { ...code },
  color,
  groupId,
  polarity,
});

/**
 * Across the whole workspace, for comparisons between engagements: held interviews per engagement
 * (`held_n`) and, per engagement and shared code, held interviews with a live coding of it (`hits`).
 * Engagement-own codes are left out: no other engagement could have them. The distinct
 * (interview, code) pairs come straight off the `codings_live_code` index, so the 100,000 codings of
 * a large workspace shrink to a few ten thousand pairs before anything is joined. The sample is worked
 * out once per interview (materialised), not once per pair: its consent check is a subquery.
 */
export const WORKSPACE_HITS = `sampled AS MATERIALIZED (
    SELECT id, engagement_id FROM interviews i WHERE ${inSample('i')}),
  held_n AS (SELECT engagement_id, count(*) AS n FROM sampled GROUP BY engagement_id),
  pairs AS (
    SELECT DISTINCT interview_id, code_id FROM codings
    WHERE deleted_at IS NULL AND code_id IN (SELECT id FROM codes WHERE engagement_id IS NULL)),
  hits AS (
    SELECT s.engagement_id, p.code_id, count(*) AS interviews
    FROM pairs p JOIN sampled s ON s.id = p.interview_id
    GROUP BY s.engagement_id, p.code_id)`;
