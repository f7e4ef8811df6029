import type { Engagement } from '../../shared/domain.ts';
import type { WaveFields } from '../../shared/waveSchemas.ts';
import type { MatchCount, WaveCarryOver, WaveLinkResult, WaveRef } from '../../shared/waves.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { copyGuide } from './guide.ts';

/**
 * Waves: an engagement that follows an earlier one of the same client. A new wave is made from the
 * earlier one (accounts, people, guide, codebook and unfinished actions carried over, each copy naming
 * its origin), or an existing engagement is linked to an earlier one and its rows matched by name.
 */

const WAVE_REF = `SELECT id, title, client_name AS clientName, period_start AS periodStart, period_end AS periodEnd
  FROM engagements`;

/** Client names compare trimmed, case- and spacing-blind: "Huoltovoima Oy" = " huoltovoima  oy". */
const sameClient = (a: string, b: string) => squash(a) === squash(b);
const squash = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('fi').replace(/\s+/g, ' ');

function waveRef(ctx: ServiceContext, id: string): WaveRef | null {
  return (ctx.db.prepare(`${WAVE_REF} WHERE id = ?`).get(id) as WaveRef | undefined) ?? null;
}

/** The wave that follows `id` (the first made, should a restore from the Trash have brought a second). */
export function nextWave(ctx: ServiceContext, id: string): WaveRef | null {
  return (
    (ctx.db.prepare(`${WAVE_REF} WHERE previous_engagement_id = ? ORDER BY created_at, id LIMIT 1`).get(id) as
      | WaveRef
      | undefined) ?? null
  );
}

/** The waves of the chain `id` belongs to, oldest first. Stops at a missing link or a loop. */
export function waveChain(ctx: ServiceContext, id: string): WaveRef[] {
  const start = waveRef(ctx, id);
  if (!start) throw notFound('engagement');
  const chain = [start];
  const seen = new Set([id]);
  for (let at = getEngagement(ctx, id).previousEngagementId; at && !seen.has(at); ) {
    const ref = waveRef(ctx, at);
    if (!ref) break;
    chain.unshift(ref);
    seen.add(at);
    at = getEngagement(ctx, at).previousEngagementId;
  }
  for (let next = nextWave(ctx, id); next && !seen.has(next.id); next = nextWave(ctx, next.id)) {
    chain.push(next);
    seen.add(next.id);
  }
  return chain;
}

/** Refuses a previous wave that is of another client, would close a loop, or already has a next wave. */
function checkLink(ctx: ServiceContext, engagement: Engagement | null, previous: Engagement): void {
  if (engagement) {
    if (!sameClient(engagement.clientName, previous.clientName)) throw new KuuloError('waveOtherClient');
    // A loop: the engagement itself is the previous one, or one of the previous one's earlier waves.
    const seen = new Set<string>();
    for (let at: string | null = previous.id; at && !seen.has(at); ) {
      if (at === engagement.id) throw new KuuloError('waveCycle');
      seen.add(at);
      at = (ctx.db.prepare('SELECT previous_engagement_id FROM engagements WHERE id = ?').pluck().get(at) ??
        null) as string | null;
    }
  }
  const follower = nextWave(ctx, previous.id);
  if (follower && follower.id !== engagement?.id)
    throw new KuuloError('waveAlreadyFollowed', { title: follower.title });
}

/** What a next wave made from `fromId` would carry over, and what it would leave behind. */
export function waveCarryOver(ctx: ServiceContext, fromId: string): WaveCarryOver {
  getEngagement(ctx, fromId);
  const counts = ctx.db
    .prepare(
      `SELECT
        (SELECT count(*) FROM accounts WHERE engagement_id = @id) AS accounts,
        (SELECT count(*) FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE a.engagement_id = @id) AS interviewees,
        (SELECT count(*) FROM guide_sections WHERE engagement_id = @id) AS guideSections,
        (SELECT count(*) FROM guide_questions WHERE engagement_id = @id) AS guideQuestions,
        (SELECT count(*) FROM codes WHERE engagement_id = @id) AS codes,
        (SELECT count(*) FROM actions WHERE engagement_id = @id AND status IN ('open', 'in_progress')) AS actions,
        (SELECT count(*) FROM interviews WHERE engagement_id = @id) AS interviews,
        (SELECT count(*) FROM findings WHERE engagement_id = @id) AS findings`,
    )
    .get({ id: fromId }) as Omit<WaveCarryOver, 'followedBy'>;
  return { ...counts, followedBy: nextWave(ctx, fromId) };
}

/**
 * Makes the next wave of engagement `fromId`: a new engagement of the same client that follows it, with
 * the accounts and their people (consent back to pending: a new study asks again), the guide, the
 * engagement's own codes (hierarchy kept) and the actions still open or in progress (to be reviewed in
 * this wave). Interviews, notes, codings, findings, relationships and answers stay with the earlier study.
 * One transaction: all of it or nothing.
 */
export function createWave(ctx: ServiceContext, fromId: string, fields: WaveFields): Engagement {
  return ctx.db.transaction(() => {
    const from = getEngagement(ctx, fromId);
    checkLink(ctx, null, from);
    const id = ctx.newId();
    const now = ctx.now();
    const { db } = ctx;
    db.prepare(
      `INSERT INTO engagements (id, client_name, title, industry, language, period_start, period_end, status, purpose,
         previous_engagement_id, created_at, updated_at)
       VALUES (@id, @clientName, @title, @industry, @language, @periodStart, @periodEnd, @status, @purpose, @fromId, @now, @now)`,
    ).run({
      id,
      clientName: from.clientName,
      title: fields.title,
      industry: fields.industry ?? from.industry,
      language: fields.language ?? from.language,
      periodStart: fields.periodStart,
      periodEnd: fields.periodEnd,
      status: fields.status,
      purpose: fields.purpose ?? from.purpose,
      fromId,
      now,
    });

    const accountIds = new Map<string, string>();
    const accounts = db
      .prepare('SELECT id FROM accounts WHERE engagement_id = ? ORDER BY rowid')
      .pluck()
      .all(fromId) as string[];
    const copyAccount = db.prepare(
      `INSERT INTO accounts (id, engagement_id, name, tier, importance, lifecycle, revenue, origin_id, created_at, updated_at)
       SELECT @newId, @engagementId, name, tier, importance, lifecycle, revenue, id, @now, @now FROM accounts WHERE id = @oldId`,
    );
    for (const oldId of accounts) {
      const newId = ctx.newId();
      accountIds.set(oldId, newId);
      copyAccount.run({ newId, engagementId: id, now, oldId });
    }

    const people = db
      .prepare(
        `SELECT p.id, p.account_id AS accountId FROM interviewees p JOIN accounts a ON a.id = p.account_id
         WHERE a.engagement_id = ? ORDER BY p.rowid`,
      )
      .all(fromId) as { id: string; accountId: string }[];
    const copyPerson = db.prepare(
      `INSERT INTO interviewees (id, account_id, name, title, role_level, consent, anon_label, email, origin_id, created_at, updated_at)
       SELECT @newId, @accountId, name, title, role_level,
         CASE consent WHEN 'declined' THEN 'declined' ELSE 'pending' END, anon_label, email, id, @now, @now
       FROM interviewees WHERE id = @oldId`,
    );
    for (const person of people)
      copyPerson.run({
        newId: ctx.newId(),
        accountId: accountIds.get(person.accountId),
        now,
        oldId: person.id,
      });

    copyGuide(ctx, fromId, id);

    // Parents first, so that each copy's parent is already copied (a group holds codes, never groups).
    const codes = db
      .prepare(
        `SELECT id, parent_id AS parentId FROM codes WHERE engagement_id = ?
         ORDER BY is_group DESC, parent_id IS NOT NULL, sort_order, rowid`,
      )
      .all(fromId) as { id: string; parentId: string | null }[];
    const codeIds = new Map<string, string>();
    for (const code of codes) codeIds.set(code.id, ctx.newId());
    const copyCode = db.prepare(
      `INSERT INTO codes (id, parent_id, engagement_id, key, name_fi, name_en, description_fi, description_en, color, hotkey,
         is_group, retired, sort_order, polarity, origin_id, created_at, updated_at)
       SELECT @newId, @parentId, @engagementId, key, name_fi, name_en, description_fi, description_en, color, hotkey,
         is_group, retired, sort_order, polarity, id, @now, @now FROM codes WHERE id = @oldId`,
    );
    for (const code of codes)
      copyCode.run({
        newId: codeIds.get(code.id),
        // A shared group stays the parent as it is; an own group is the copy's.
        parentId: code.parentId ? (codeIds.get(code.parentId) ?? code.parentId) : null,
        engagementId: id,
        now,
        oldId: code.id,
      });

    // Unfinished actions, to be reviewed in this wave; the finding and interview they named stay behind.
    const copyAction = db.prepare(
      `INSERT INTO actions (id, engagement_id, source, finding_id, account_id, interview_id, title, detail, owner, due_date,
         status, carried_from_id, reviewed_at, review_note, sort_order, created_at, updated_at)
       SELECT @newId, @engagementId, source, NULL, @accountId, NULL, title, detail, owner, due_date,
         status, id, NULL, '', sort_order, @now, @now FROM actions WHERE id = @oldId`,
    );
    for (const action of db
      .prepare(
        `SELECT id, account_id AS accountId FROM actions WHERE engagement_id = ? AND status IN ('open', 'in_progress')
         ORDER BY sort_order, rowid`,
      )
      .all(fromId) as { id: string; accountId: string | null }[])
      copyAction.run({
        newId: ctx.newId(),
        engagementId: id,
        accountId: action.accountId ? (accountIds.get(action.accountId) ?? null) : null,
        now,
        oldId: action.id,
      });
    return getEngagement(ctx, id);
  })();
}

/** Legal-form words that a client list may or may not write: "Huoltovoima Oy" = "Huoltovoima". */
const LEGAL_FORMS = new Set([
  'oy',
  'oyj',
  'ab',
  'abp',
  'ky',
  'tmi',
  'ry',
  'osk',
  'ltd',
  'limited',
  'plc',
  'inc',
  'llc',
  'corp',
  'gmbh',
  'ag',
  'as',
  'asa',
  'aps',
  'bv',
  'nv',
  'sa',
]);

/**
 * An account name as the matching sees it: case, spacing and punctuation blind, with legal-form words
 * dropped at either end ("Oy Karl Fazer Ab" = "Karl Fazer"). A name made of legal forms only is kept
 * whole, so "Oy Ab" never matches everything.
 */
export function accountKey(name: string): string {
  const words = squash(name)
    .replace(/[.,;:()"'’”]/g, ' ')
    .split(' ')
    .filter(Boolean);
  let start = 0;
  let end = words.length;
  while (start < end && LEGAL_FORMS.has(words[start] ?? '')) start++;
  while (end > start && LEGAL_FORMS.has(words[end - 1] ?? '')) end--;
  return (start < end ? words.slice(start, end) : words).join(' ');
}

/** Free text (a person's or code's name, a question) as the matching sees it. */
const textKey = (text: string) =>
  squash(text)
    .replace(/[?!.:…]+$/u, '')
    .trim();

/** Pairs items by key where the key is unique on both sides; an ambiguous key matches nothing. */
function uniquePairs<T>(mine: readonly T[], theirs: readonly T[], keys: (item: T) => string[]): Map<T, T> {
  const index = (items: readonly T[]) => {
    const byKey = new Map<string, T[]>();
    for (const item of items)
      for (const key of new Set(keys(item))) byKey.set(key, [...(byKey.get(key) ?? []), item]);
    return byKey;
  };
  const mineByKey = index(mine);
  const theirsByKey = index(theirs);
  const pairs = new Map<T, T>();
  const taken = new Set<T>();
  for (const item of mine)
    for (const key of new Set(keys(item))) {
      const a = mineByKey.get(key);
      const b = theirsByKey.get(key);
      if (a?.length === 1 && b?.length === 1 && b[0] && !taken.has(b[0]) && !pairs.has(item)) {
        pairs.set(item, b[0]);
        taken.add(b[0]);
      }
    }
  return pairs;
}

interface Row {
  id: string;
  name: string;
  originId: string | null;
}

/**
 * Links engagement `id` as the next wave of `previousId` (null unlinks). Accounts are matched by name
 * (legal forms optional), people by name within a matched account, own codes by either name (a group
 * only with a group) and guide questions by text, each only where the name is unique on both sides.
 * Origins already pointing into the previous wave are kept (a copy stays its original's); origins
 * pointing anywhere else are replaced. Unlinking keeps the origins, so linking back restores the match.
 */
export function linkWave(ctx: ServiceContext, id: string, previousId: string | null): WaveLinkResult {
  return ctx.db.transaction(() => {
    const engagement = getEngagement(ctx, id);
    const none: MatchCount = { matched: 0, of: 0 };
    if (!previousId) {
      ctx.db
        .prepare('UPDATE engagements SET previous_engagement_id = NULL, updated_at = ? WHERE id = ?')
        .run(ctx.now(), id);
      return { previousEngagementId: null, accounts: none, people: none, codes: none, questions: none };
    }
    if (previousId === id) throw new KuuloError('waveCycle');
    const previous = getEngagement(ctx, previousId);
    checkLink(ctx, engagement, previous);
    const { db } = ctx;
    db.prepare('UPDATE engagements SET previous_engagement_id = ?, updated_at = ? WHERE id = ?').run(
      previousId,
      ctx.now(),
      id,
    );

    const accountRows = (engagementId: string) =>
      db
        .prepare(
          'SELECT id, name, origin_id AS originId FROM accounts WHERE engagement_id = ? ORDER BY rowid',
        )
        .all(engagementId) as Row[];
    const accounts = match(
      'accounts',
      accountRows(id),
      accountRows(previousId),
      (row) => [accountKey(row.name)],
      ctx,
    );

    const peopleOf = (accountId: string) =>
      db
        .prepare(
          'SELECT id, name, origin_id AS originId FROM interviewees WHERE account_id = ? ORDER BY rowid',
        )
        .all(accountId) as Row[];
    const people: MatchCount = { matched: 0, of: 0 };
    for (const account of db
      .prepare('SELECT id, origin_id AS originId FROM accounts WHERE engagement_id = ?')
      .all(id) as { id: string; originId: string | null }[]) {
      const mine = peopleOf(account.id);
      const theirs = account.originId ? peopleOf(account.originId) : [];
      const counted = match('interviewees', mine, theirs, (row) => [textKey(row.name)], ctx);
      people.matched += counted.matched;
      people.of += counted.of;
    }

    const codeRows = (engagementId: string) =>
      db
        .prepare(
          `SELECT id, name_fi AS name, name_en AS nameEn, is_group AS isGroup, origin_id AS originId
           FROM codes WHERE engagement_id = ? ORDER BY rowid`,
        )
        .all(engagementId) as (Row & { nameEn: string; isGroup: number })[];
    const codes = match(
      'codes',
      codeRows(id),
      codeRows(previousId),
      (row) => [`${row.isGroup}:${textKey(row.name)}`, `${row.isGroup}:${textKey(row.nameEn)}`],
      ctx,
    );

    const questionRows = (engagementId: string) =>
      db
        .prepare(
          'SELECT id, text AS name, origin_id AS originId FROM guide_questions WHERE engagement_id = ? ORDER BY rowid',
        )
        .all(engagementId) as Row[];
    const questions = match(
      'guide_questions',
      questionRows(id),
      questionRows(previousId),
      (row) => [textKey(row.name)],
      ctx,
    );

    return { previousEngagementId: previousId, accounts, people, codes, questions };
  })();
}

/**
 * Sets `origin_id` on the rows of `mine` that have none pointing into `theirs`, by unique key; returns
 * how many of `mine` end up matched. `table` is one of four fixed names, never input.
 */
function match<T extends Row>(
  table: 'accounts' | 'interviewees' | 'codes' | 'guide_questions',
  mine: T[],
  theirs: T[],
  keys: (row: T) => string[],
  ctx: ServiceContext,
): MatchCount {
  const theirIds = new Set(theirs.map((row) => row.id));
  const kept = mine.filter((row) => row.originId && theirIds.has(row.originId));
  const claimed = new Set(kept.map((row) => row.originId));
  const open = mine.filter((row) => !(row.originId && theirIds.has(row.originId)));
  const pairs = uniquePairs(
    open,
    theirs.filter((row) => !claimed.has(row.id)),
    keys,
  );
  const set = ctx.db.prepare(`UPDATE ${table} SET origin_id = ? WHERE id = ?`);
  for (const row of open) set.run(pairs.get(row)?.id ?? null, row.id);
  return { matched: kept.length + pairs.size, of: mine.length };
}
