import type { Localized, Polarity, Tier } from '../../shared/domain.ts';
import { SMALL_N } from '../../shared/sample.ts';
import { type Feeds, type Scale, summariseScale } from '../../shared/scales.ts';
import {
  type AccountChange,
  type AccountScore,
  type CodeChange,
  type QuestionChange,
  type ShareFigure,
  scaleChange,
  shareChange,
  type WaveComparison,
  type WaveFigures,
} from '../../shared/waves.ts';
import { HELD, pct, round, statement } from './analysis/common.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { waveChain } from './waves.ts';

/**
 * The comparison of an engagement with the wave it follows, on each wave's sample (shared/sample.ts):
 * codes by the share of interviews and accounts where they occur, scale questions, the NPS and
 * satisfaction fields, and each account then and now — over all accounts, and over the panel (accounts
 * interviewed in both waves), since "are we better than last time" is a like-with-like question.
 * Changes are marked by the rule in shared/waves.ts. Each wave's rows are read in four queries and
 * added up here, so the cost does not grow with the number of codes times accounts in SQL.
 */

interface Held {
  id: string;
  accountId: string;
  nps: number | null;
  satisfaction: number | null;
}
interface Hit {
  codeId: string;
  accountId: string;
  interviews: number;
}
interface Answer {
  questionId: string;
  accountId: string;
  value: number;
}
interface Question {
  id: string;
  text: string;
  scale: Exclude<Scale, 'open'>;
  feeds: Feeds | null;
  originId: string | null;
}

interface Wave {
  held: Held[];
  hits: Hit[];
  answers: Answer[];
  questions: Question[];
}

function readWave(ctx: ServiceContext, engagementId: string): Wave {
  const { db } = ctx;
  return {
    held: statement(db, `WITH ${HELD} SELECT id, account_id AS accountId, nps, satisfaction FROM held`).all({
      engagementId,
    }) as Held[],
    hits: statement(
      db,
      `WITH ${HELD} SELECT c.code_id AS codeId, h.account_id AS accountId, count(DISTINCT c.interview_id) AS interviews
       FROM held h JOIN codings c ON c.interview_id = h.id AND c.deleted_at IS NULL GROUP BY c.code_id, h.account_id`,
    ).all({ engagementId }) as Hit[],
    answers: statement(
      db,
      `WITH ${HELD} SELECT a.question_id AS questionId, h.account_id AS accountId, a.value
       FROM answers a JOIN held h ON h.id = a.interview_id`,
    ).all({ engagementId }) as Answer[],
    questions: statement(
      db,
      `SELECT q.id, q.text, q.scale, q.feeds, q.origin_id AS originId
       FROM guide_questions q JOIN guide_sections s ON s.id = q.section_id
       WHERE q.engagement_id = @engagementId AND q.scale <> 'open' ORDER BY s.sort_order, q.sort_order`,
    ).all({ engagementId }) as Question[],
  };
}

interface CodeRow {
  id: string;
  nameFi: string;
  nameEn: string;
  color: string;
  polarity: Polarity;
  shared: number;
  originId: string | null;
}

/** The current wave's codes, each with the code it is in the previous wave (itself when shared). */
function codePairs(ctx: ServiceContext, currentId: string, previousId: string) {
  const previousCodes = new Set(
    statement(ctx.db, 'SELECT id FROM codes WHERE engagement_id IS NULL OR engagement_id = @previousId')
      .pluck()
      .all({ previousId }) as string[],
  );
  const rows = statement(
    ctx.db,
    `SELECT id, name_fi AS nameFi, name_en AS nameEn, color, polarity, engagement_id IS NULL AS shared,
       origin_id AS originId
     FROM codes WHERE is_group = 0 AND (engagement_id IS NULL OR engagement_id = @currentId)
     ORDER BY sort_order, name_en`,
  ).all({ currentId }) as CodeRow[];
  return rows.flatMap((row) => {
    const earlierId = row.shared ? row.id : row.originId;
    return earlierId && previousCodes.has(earlierId) ? [{ row, earlierId }] : [];
  });
}

interface Account {
  id: string;
  name: string;
  tier: Tier;
  originId: string | null;
}

const sumBy = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((s, i) => s + value(i), 0);

const mean = (values: readonly number[]) =>
  values.length ? round(values.reduce((s, v) => s + v, 0) / values.length, 1) : null;

/** Indexes rows by a key, once, so the figures are sums over small lists. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The figures of both waves, each over the accounts its filter keeps. */
function figures(
  then: Wave,
  now: Wave,
  pairs: ReturnType<typeof codePairs>,
  keepThen: (accountId: string) => boolean,
  keepNow: (accountId: string) => boolean,
): WaveFigures {
  const heldThen = then.held.filter((h) => keepThen(h.accountId));
  const heldNow = now.held.filter((h) => keepNow(h.accountId));
  const base = {
    before: { interviews: heldThen.length, accounts: new Set(heldThen.map((h) => h.accountId)).size },
    after: { interviews: heldNow.length, accounts: new Set(heldNow.map((h) => h.accountId)).size },
  };
  const hitsThen = groupBy(
    then.hits.filter((h) => keepThen(h.accountId)),
    (h) => h.codeId,
  );
  const hitsNow = groupBy(
    now.hits.filter((h) => keepNow(h.accountId)),
    (h) => h.codeId,
  );
  const share = (hits: Hit[] | undefined, wave: typeof base.before): ShareFigure => {
    const interviews = sumBy(hits ?? [], (h) => h.interviews);
    const accounts = hits?.length ?? 0;
    return {
      interviews,
      accounts,
      interviewsPct: pct(interviews, wave.interviews),
      accountsPct: pct(accounts, wave.accounts),
    };
  };
  const codes: CodeChange[] = pairs
    .map(({ row, earlierId }) => {
      const a = share(hitsThen.get(earlierId), base.before);
      const b = share(hitsNow.get(row.id), base.after);
      return {
        codeId: row.id,
        code: { fi: row.nameFi, en: row.nameEn },
        color: row.color,
        polarity: row.polarity,
        before: a,
        after: b,
        change: shareChange(a.interviews, base.before.interviews, b.interviews, base.after.interviews),
        accountsChange: shareChange(a.accounts, base.before.accounts, b.accounts, base.after.accounts),
      };
    })
    .filter((c) => c.before.interviews || c.after.interviews)
    .sort((x, y) => y.after.interviews - x.after.interviews || y.before.interviews - x.before.interviews);

  const valuesOf = (wave: Wave, held: Held[], question: Question, keep: (accountId: string) => boolean) => {
    if (question.feeds === 'nps') return held.flatMap((h) => (h.nps === null ? [] : [h.nps]));
    if (question.feeds === 'satisfaction')
      return held.flatMap((h) => (h.satisfaction === null ? [] : [h.satisfaction]));
    return wave.answers.filter((a) => a.questionId === question.id && keep(a.accountId)).map((a) => a.value);
  };
  const previousQuestions = new Map(then.questions.map((q) => [q.id, q]));
  const questions: QuestionChange[] = now.questions.flatMap((question) => {
    const earlier = question.originId ? previousQuestions.get(question.originId) : undefined;
    if (!earlier || earlier.scale !== question.scale) return [];
    const a = valuesOf(then, heldThen, earlier, keepThen);
    const b = valuesOf(now, heldNow, question, keepNow);
    return [
      {
        questionId: question.id,
        text: question.text,
        scale: question.scale,
        feeds: question.feeds,
        before: summariseScale(question.scale, a),
        after: summariseScale(question.scale, b),
        change: scaleChange(question.scale, a, b),
      },
    ];
  });

  const field = (held: Held[], key: 'nps' | 'satisfaction') =>
    held.flatMap((h) => (h[key] === null ? [] : [h[key]]));
  const score = (scale: 'nps' | 'five', key: 'nps' | 'satisfaction') => {
    const a = field(heldThen, key);
    const b = field(heldNow, key);
    return {
      before: summariseScale(scale, a),
      after: summariseScale(scale, b),
      change: scaleChange(scale, a, b),
    };
  };
  return { base, codes, questions, nps: score('nps', 'nps'), satisfaction: score('five', 'satisfaction') };
}

function accountScore(held: Held[]): AccountScore {
  const nps = held.flatMap((h) => (h.nps === null ? [] : [h.nps]));
  const satisfaction = held.flatMap((h) => (h.satisfaction === null ? [] : [h.satisfaction]));
  return {
    interviews: held.length,
    npsN: nps.length,
    npsMean: mean(nps),
    satisfactionN: satisfaction.length,
    satisfactionMean: mean(satisfaction),
  };
}

export function waveComparison(ctx: ServiceContext, engagementId: string): WaveComparison {
  const engagement = getEngagement(ctx, engagementId);
  const chain = waveChain(ctx, engagementId);
  const current = chain.find((w) => w.id === engagementId) ?? chain[chain.length - 1];
  const previous = chain.find((w) => w.id === engagement.previousEngagementId) ?? null;
  if (!current) throw new Error('A wave chain always holds its own engagement');
  if (!previous)
    return {
      current,
      previous: null,
      chain,
      panelAccounts: 0,
      panelFirst: false,
      all: null,
      panel: null,
      accounts: [],
    };

  const then = readWave(ctx, previous.id);
  const now = readWave(ctx, engagementId);
  const pairs = codePairs(ctx, engagementId, previous.id);
  const accounts = statement(
    ctx.db,
    `SELECT id, name, tier, origin_id AS originId FROM accounts WHERE engagement_id = @engagementId ORDER BY name`,
  ).all({ engagementId }) as Account[];

  const heldThenBy = groupBy(then.held, (h) => h.accountId);
  const heldNowBy = groupBy(now.held, (h) => h.accountId);
  const panelNow = new Set<string>();
  const panelThen = new Set<string>();
  for (const account of accounts)
    if (account.originId && heldThenBy.has(account.originId) && heldNowBy.has(account.id)) {
      panelNow.add(account.id);
      panelThen.add(account.originId);
    }

  const all = figures(
    then,
    now,
    pairs,
    () => true,
    () => true,
  );
  const panel = figures(
    then,
    now,
    pairs,
    (id) => panelThen.has(id),
    (id) => panelNow.has(id),
  );

  const hitsThenBy = groupBy(then.hits, (h) => h.accountId);
  const hitsNowBy = groupBy(now.hits, (h) => h.accountId);
  const accountChanges: AccountChange[] = accounts.flatMap((account) => {
    const heldThen = account.originId ? (heldThenBy.get(account.originId) ?? []) : [];
    const heldNow = heldNowBy.get(account.id) ?? [];
    if (!heldThen.length && !heldNow.length) return [];
    const isPanel = panelNow.has(account.id);
    const codesThen = new Set(
      (account.originId ? hitsThenBy.get(account.originId) : undefined)?.map((h) => h.codeId),
    );
    const codesNow = new Set(hitsNowBy.get(account.id)?.map((h) => h.codeId));
    const label = (row: CodeRow): { codeId: string; code: Localized } => ({
      codeId: row.id,
      code: { fi: row.nameFi, en: row.nameEn },
    });
    return [
      {
        accountId: account.id,
        inCurrent: true,
        name: account.name,
        tier: account.tier,
        panel: isPanel,
        before: accountScore(heldThen),
        after: accountScore(heldNow),
        appeared: isPanel
          ? pairs
              .filter((p) => codesNow.has(p.row.id) && !codesThen.has(p.earlierId))
              .map((p) => label(p.row))
          : [],
        disappeared: isPanel
          ? pairs
              .filter((p) => !codesNow.has(p.row.id) && codesThen.has(p.earlierId))
              .map((p) => label(p.row))
          : [],
      },
    ];
  });

  // Accounts interviewed in the previous wave that this wave's list no longer has: they dropped out.
  const carried = new Set(accounts.map((a) => a.originId));
  const droppedOut = (
    statement(
      ctx.db,
      'SELECT id, name, tier, NULL AS originId FROM accounts WHERE engagement_id = @previousId ORDER BY name',
    ).all({ previousId: previous.id }) as Account[]
  )
    .filter((a) => !carried.has(a.id) && heldThenBy.has(a.id))
    .map(
      (a): AccountChange => ({
        accountId: a.id,
        inCurrent: false,
        name: a.name,
        tier: a.tier,
        panel: false,
        before: accountScore(heldThenBy.get(a.id) ?? []),
        after: accountScore([]),
        appeared: [],
        disappeared: [],
      }),
    );

  return {
    current,
    previous,
    chain,
    panelAccounts: panelNow.size,
    panelFirst: panel.base.before.interviews >= SMALL_N && panel.base.after.interviews >= SMALL_N,
    all,
    panel,
    accounts: [...accountChanges, ...droppedOut].sort((a, b) => a.name.localeCompare(b.name, 'fi')),
  };
}
