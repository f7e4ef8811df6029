import type { z } from 'zod';
import type { Account, AccountWithPeople, Interviewee } from '../../shared/domain.ts';
import type { AccountFields, IntervieweeFields } from '../../shared/schemas.ts';
import { notFound } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { updateRow } from './sql.ts';

const ACCOUNT = `SELECT id, engagement_id AS engagementId, name, tier, importance, lifecycle, revenue FROM accounts`;
const PERSON = `SELECT id, account_id AS accountId, name, title, role_level AS roleLevel, consent,
  anon_label AS anonLabel, email FROM interviewees`;

const ACCOUNT_COLUMNS = {
  name: 'name',
  tier: 'tier',
  importance: 'importance',
  lifecycle: 'lifecycle',
  revenue: 'revenue',
};
const PERSON_COLUMNS = {
  name: 'name',
  title: 'title',
  roleLevel: 'role_level',
  consent: 'consent',
  anonLabel: 'anon_label',
  email: 'email',
};

const TIER_ORDER = `CASE tier WHEN 'key' THEN 0 WHEN 'named' THEN 1 ELSE 2 END`;

export function listAccounts(ctx: ServiceContext, engagementId: string): AccountWithPeople[] {
  getEngagement(ctx, engagementId);
  const accounts = ctx.db
    .prepare(
      `SELECT a.*, (SELECT count(*) FROM interviews i WHERE i.account_id = a.id) AS interviewCount
       FROM (${ACCOUNT}) a WHERE a.engagementId = ? ORDER BY ${TIER_ORDER}, a.name`,
    )
    .all(engagementId) as (Account & { interviewCount: number })[];
  const people = ctx.db
    .prepare(`${PERSON} WHERE account_id IN (SELECT id FROM accounts WHERE engagement_id = ?) ORDER BY name`)
    .all(engagementId) as Interviewee[];
  return accounts.map((a) => ({ ...a, interviewees: people.filter((p) => p.accountId === a.id) }));
}

export function getAccount({ db }: ServiceContext, id: string): Account {
  const row = db.prepare(`${ACCOUNT} WHERE id = ?`).get(id) as Account | undefined;
  if (!row) throw notFound('account');
  return row;
}

export function createAccount(
  ctx: ServiceContext,
  engagementId: string,
  fields: z.output<typeof AccountFields>,
): Account {
  getEngagement(ctx, engagementId);
  const id = ctx.newId();
  ctx.db
    .prepare(
      `INSERT INTO accounts (id, engagement_id, name, tier, importance, lifecycle, revenue, created_at, updated_at)
       VALUES (@id, @engagementId, @name, @tier, @importance, @lifecycle, @revenue, @now, @now)`,
    )
    .run({ ...fields, id, engagementId, now: ctx.now() });
  return getAccount(ctx, id);
}

export function updateAccount(
  ctx: ServiceContext,
  id: string,
  patch: Partial<z.output<typeof AccountFields>>,
): Account {
  if (!updateRow(ctx.db, 'accounts', ACCOUNT_COLUMNS, id, patch, ctx.now())) throw notFound('account');
  return getAccount(ctx, id);
}

export function getInterviewee({ db }: ServiceContext, id: string): Interviewee {
  const row = db.prepare(`${PERSON} WHERE id = ?`).get(id) as Interviewee | undefined;
  if (!row) throw notFound('interviewee');
  return row;
}

export function createInterviewee(
  ctx: ServiceContext,
  accountId: string,
  fields: z.output<typeof IntervieweeFields>,
): Interviewee {
  getAccount(ctx, accountId);
  const id = ctx.newId();
  ctx.db
    .prepare(
      `INSERT INTO interviewees (id, account_id, name, title, role_level, consent, anon_label, email, created_at, updated_at)
       VALUES (@id, @accountId, @name, @title, @roleLevel, @consent, @anonLabel, @email, @now, @now)`,
    )
    .run({ ...fields, id, accountId, now: ctx.now() });
  return getInterviewee(ctx, id);
}

export function updateInterviewee(
  ctx: ServiceContext,
  id: string,
  patch: Partial<z.output<typeof IntervieweeFields>>,
): Interviewee {
  if (!updateRow(ctx.db, 'interviewees', PERSON_COLUMNS, id, patch, ctx.now())) throw notFound('interviewee');
  return getInterviewee(ctx, id);
}

/**
 * Many accounts and people at once (an imported list): one statement for all the accounts and one for
 * all the people, their values passed as one JSON array. Row by row, each statement opened a savepoint,
 * and at each savepoint FTS5 writes its pending terms to disk as a segment of its own: the search
 * index's triggers (migration 12) then cost a segment per row, two thirds of a 5,000-row import. In one
 * statement the triggers still index every row, in the same transaction, and FTS5 writes once.
 * The caller checks the engagement and holds the transaction.
 */
export function insertAccountsAndPeople(
  ctx: ServiceContext,
  engagementId: string,
  accounts: (z.output<typeof AccountFields> & { people: z.output<typeof IntervieweeFields>[] })[],
  peopleOfExisting: (z.output<typeof IntervieweeFields> & { accountId: string })[],
): { accountIds: string[] } {
  const now = ctx.now();
  const accountRows: unknown[][] = [];
  const personRows: unknown[][] = [];
  const personRow = (p: z.output<typeof IntervieweeFields>, accountId: string) =>
    personRows.push([ctx.newId(), accountId, p.name, p.title, p.roleLevel, p.consent, p.anonLabel, p.email]);
  for (const { people, ...a } of accounts) {
    const id = ctx.newId();
    accountRows.push([id, a.name, a.tier, a.importance, a.lifecycle, a.revenue]);
    for (const p of people) personRow(p, id);
  }
  for (const p of peopleOfExisting) personRow(p, p.accountId);
  // `value ->> n` gives SQL values back as they went in: text, integer or NULL.
  if (accountRows.length)
    ctx.db
      .prepare(
        `INSERT INTO accounts (id, engagement_id, name, tier, importance, lifecycle, revenue, created_at, updated_at)
         SELECT value ->> 0, @engagementId, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, @now, @now
         FROM json_each(@rows) ORDER BY key`,
      )
      .run({ engagementId, now, rows: JSON.stringify(accountRows) });
  if (personRows.length)
    ctx.db
      .prepare(
        `INSERT INTO interviewees (id, account_id, name, title, role_level, consent, anon_label, email, created_at, updated_at)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, @now, @now
         FROM json_each(@rows) ORDER BY key`,
      )
      .run({ now, rows: JSON.stringify(personRows) });
  return { accountIds: accountRows.map((row) => row[0] as string) };
}
