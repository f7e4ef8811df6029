import type { Database } from 'better-sqlite3';
import { seededIds } from '../../electron/services/ids.ts';
import {
  type DocNode,
  IMPORTANCES,
  type InterviewStatus,
  LIFECYCLE_STAGES,
  type RoleLevel,
  type Tier,
} from '../../shared/domain.ts';
import { CODING_MARK, countWords, deriveNotes, EMPTY_DOC, sliceCodePoints } from '../../shared/notes.ts';
import { generateNotes, random } from './notes.ts';

export interface GenerateOptions {
  engagements: number;
  interviewsPerEngagement: number;
  wordsPerInterview: number;
  /** Codings per held interview, about a fifth of them overlapping another coding. */
  codingsPerInterview: number;
  seed: number;
}

export interface GeneratedWorkspace {
  engagements: number;
  accounts: number;
  interviews: number;
  held: number;
  codings: number;
  ms: number;
}

const FIRST = ['Maija', 'Jari', 'Sanna', 'Timo', 'Anna', 'Mikko', 'Päivi', 'Jukka', 'Elina', 'Olli', 'Åsa'];
const LAST = ['Mäkinen', 'Leinonen', 'Koivisto', 'Hirvonen', 'Smith', 'Öberg', 'Virtanen', 'Nieminen'];
const CLIENTS = ['Huoltovoima', 'Kvarnholm Logistics', 'Northbeam Cloud', 'Pohjolan Kone', 'Aurora Foods'];
const OVERLAP_SHARE = 0.2;

/**
 * A large, realistic and reproducible workspace for benchmarks: engagements with accounts over the
 * tiers (key accounts interviewed most, part of the long tail never), one to three people per account,
 * about 5 % of interviews still planned (no notes), scores, relationship maps over a pool of client
 * people (with the odd spelling variant), one engagement-own code each, and long notes whose coding
 * rows are derived from the marks exactly as saving does (same text, offsets and quotes).
 * Rows go in with prepared statements in one transaction; `db` must be a migrated, empty workspace.
 */
export function generateWorkspace(db: Database, options: GenerateOptions): GeneratedWorkspace {
  const started = performance.now();
  const rand = random(options.seed);
  const newId = seededIds(`bench-${options.seed}`);
  // The action register draws from streams of its own, so the rest of the workspace stays as it was.
  const actionRand = random(options.seed + 18);
  const actionId = seededIds(`bench-actions-${options.seed}`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const weighted = <T>(items: readonly T[], weights: readonly number[]): T => {
    let r = rand() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items.at(-1)!;
  };
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1) + tick++ * 1000).toISOString();

  const insert = {
    engagement: db.prepare(
      `INSERT INTO engagements (id, client_name, title, industry, language, period_start, period_end, status,
         purpose, created_at, updated_at)
       VALUES (@id, @clientName, @title, '', @language, @periodStart, NULL, 'completed', '', @now, @now)`,
    ),
    code: db.prepare(
      `INSERT INTO codes (id, parent_id, engagement_id, name_fi, name_en, color, sort_order, created_at, updated_at)
       VALUES (@id, NULL, @engagementId, @nameFi, @nameEn, '#cc79a7', @sortOrder, @now, @now)`,
    ),
    account: db.prepare(
      `INSERT INTO accounts (id, engagement_id, name, tier, importance, lifecycle, revenue, created_at, updated_at)
       VALUES (@id, @engagementId, @name, @tier, @importance, @lifecycle, @revenue, @now, @now)`,
    ),
    person: db.prepare(
      `INSERT INTO interviewees (id, account_id, name, title, role_level, consent, anon_label, created_at, updated_at)
       VALUES (@id, @accountId, @name, '', @roleLevel, 'given', '', @now, @now)`,
    ),
    interview: db.prepare(
      `INSERT INTO interviews (id, engagement_id, account_id, interviewer, date, mode, duration_min, status, nps,
         satisfaction, created_at, updated_at)
       VALUES (@id, @engagementId, @accountId, 'Bench', @date, 'video', 60, @status, @nps, @satisfaction, @now, @now)`,
    ),
    attendee: db.prepare(
      'INSERT INTO interview_interviewees (interview_id, interviewee_id, position) VALUES (?, ?, ?)',
    ),
    relationship: db.prepare(
      `INSERT INTO relationships (id, interview_id, interviewee_id, client_person, client_role, level, created_at)
       VALUES (@id, @interviewId, @intervieweeId, @clientPerson, '', @level, @now)`,
    ),
    notes: db.prepare(
      `INSERT INTO notes (interview_id, doc, text, word_count, revision, updated_at) VALUES (?, ?, ?, ?, 1, ?)`,
    ),
    section: db.prepare(
      `INSERT INTO guide_sections (id, engagement_id, title, sort_order, created_at, updated_at)
       VALUES (@id, @engagementId, @title, @sortOrder, @now, @now)`,
    ),
    question: db.prepare(
      `INSERT INTO guide_questions (id, section_id, engagement_id, text, help, scale, feeds, sort_order, created_at, updated_at)
       VALUES (@id, @sectionId, @engagementId, @text, '', @scale, @feeds, @sortOrder, @now, @now)`,
    ),
    answer: db.prepare(
      'INSERT INTO answers (interview_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)',
    ),
    coding: db.prepare(
      `INSERT INTO codings (id, interview_id, code_id, sentiment, severity, memo, star, quote, start, "end",
         created_at, updated_at)
       VALUES (@id, @interviewId, @codeId, @sentiment, @severity, '', @star, @quote, @start, @end, @now, @now)`,
    ),
  };
  const insertAction = db.prepare(
    `INSERT INTO actions (id, engagement_id, source, account_id, interview_id, title, detail, owner, due_date, status,
       sort_order, created_at, updated_at)
     VALUES (@id, @engagementId, @source, @accountId, @interviewId, @title, @detail, @owner, @dueDate, @status,
       @sortOrder, @now, @now)`,
  );
  const sharedCodes = db
    .prepare('SELECT id FROM codes WHERE engagement_id IS NULL AND is_group = 0 ORDER BY sort_order')
    .pluck()
    .all() as string[];
  let sortOrder = db.prepare('SELECT coalesce(max(sort_order), 0) FROM codes').pluck().get() as number;
  const totals = { accounts: 0, interviews: 0, held: 0, codings: 0 };
  const made: { id: string; accountIds: string[]; ownCode: string }[] = [];

  /**
   * A dozen actions per engagement over the statuses, due over its year and the next (so some are
   * overdue), and half the flagged paragraphs covered by a follow-up action.
   */
  const addActions = (
    engagementId: string,
    year: number,
    flagged: { interviewId: string; accountId: string; text: string }[],
  ) => {
    let order = 0;
    const add = (fields: {
      source: string;
      accountId: string | null;
      interviewId: string | null;
      detail: string;
    }) =>
      insertAction.run({
        id: actionId(),
        engagementId,
        ...fields,
        title: `Action ${order + 1}`,
        owner: actionRand() < 0.2 ? '' : pick(['myyntijohtaja', 'service director', 'asiakkuuspäällikkö']),
        dueDate:
          actionRand() < 0.15
            ? null
            : `${year + Math.floor(actionRand() * 2)}-${String(1 + Math.floor(actionRand() * 12)).padStart(2, '0')}-15`,
        status: weightedBy(actionRand, ['open', 'in_progress', 'done', 'dropped'], [4, 2, 3, 1]),
        sortOrder: order++,
        now: now(),
      });
    for (let a = 0; a < 12; a++)
      add({ source: 'recommendation', accountId: null, interviewId: null, detail: '' });
    for (const [i, f] of flagged.entries())
      if (i % 2 === 0)
        add({ source: 'follow_up', accountId: f.accountId, interviewId: f.interviewId, detail: f.text });
  };

  /** A guide of 3 sections and 12 questions: NPS and satisfaction feed the interview, one yes/no, 9 open. */
  const insertGuide = (engagementId: string) => {
    const open: string[] = [];
    let yesno = '';
    let sortOrder = 0;
    for (let s = 0; s < 3; s++) {
      const sectionId = newId();
      insert.section.run({
        id: sectionId,
        engagementId,
        title: `Section ${s + 1}`,
        sortOrder: s,
        now: now(),
      });
      for (let q = 0; q < 4; q++) {
        const id = newId();
        const n = sortOrder;
        const scale = n === 10 ? 'nps' : n === 4 ? 'five' : n === 7 ? 'yesno' : 'open';
        const feeds = scale === 'nps' ? 'nps' : scale === 'five' ? 'satisfaction' : null;
        insert.question.run({
          id,
          sectionId,
          engagementId,
          text: `Question ${n + 1}?`,
          scale,
          feeds,
          sortOrder: sortOrder++,
          now: now(),
        });
        if (scale === 'open') open.push(id);
        if (scale === 'yesno') yesno = id;
      }
    }
    return { open, yesno };
  };

  db.transaction(() => {
    for (let e = 0; e < options.engagements; e++) {
      const engagementId = newId();
      insert.engagement.run({
        id: engagementId,
        clientName: `${pick(CLIENTS)} ${e + 1}`,
        title: `Customer listening ${2020 + (e % 7)}`,
        language: e % 2 ? 'en' : 'fi',
        periodStart: `${2020 + (e % 7)}-0${1 + (e % 9)}-01`,
        now: now(),
      });
      const ownCode = newId();
      insert.code.run({
        id: ownCode,
        engagementId,
        nameFi: `Oma teema ${e + 1}`,
        nameEn: `Own theme ${e + 1}`,
        sortOrder: ++sortOrder,
        now: now(),
      });
      // Each engagement has its own mix of common and rare themes.
      const codes = [...sharedCodes, ownCode];
      const popularity = codes.map(() => 0.05 + rand() ** 2);
      const clientPeople = Array.from({ length: 6 + Math.floor(rand() * 8) }, () => ({
        name: `${pick(FIRST)} ${pick(LAST)}`,
        level: rand() < 0.4 ? ('strategic' as const) : ('operational' as const),
      }));

      const guide = insertGuide(engagementId);

      const accounts = Array.from({ length: Math.ceil(options.interviewsPerEngagement * 1.1) }, (_, a) => {
        const tier = weighted<Tier>(['key', 'named', 'unmanaged'], [20, 35, 45]);
        const id = newId();
        insert.account.run({
          id,
          engagementId,
          name: `${tier === 'key' ? 'Key' : tier === 'named' ? 'Named' : 'Small'} Customer ${e + 1}.${a + 1} Oy`,
          tier,
          importance: rand() < 0.1 ? null : pick(IMPORTANCES),
          lifecycle: rand() < 0.1 ? null : pick(LIFECYCLE_STAGES),
          revenue:
            rand() < 0.1
              ? null
              : Math.round({ key: 1_000_000, named: 100_000, unmanaged: 5_000 }[tier] * (1 + rand() * 9)),
          now: now(),
        });
        const people = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
          const person = {
            id: newId(),
            roleLevel: weighted<RoleLevel>(['strategic', 'influencer', 'operational'], [3, 2, 4]),
          };
          insert.person.run({ ...person, accountId: id, name: `${pick(FIRST)} ${pick(LAST)}`, now: now() });
          return person;
        });
        return { id, tier, people };
      });
      totals.accounts += accounts.length;
      made.push({ id: engagementId, accountIds: accounts.map((a) => a.id), ownCode });
      const tierWeight = { key: 3, named: 2, unmanaged: 1 };
      const flagged: { interviewId: string; accountId: string; text: string }[] = [];

      for (let i = 0; i < options.interviewsPerEngagement; i++) {
        const account = weighted(
          accounts,
          accounts.map((a) => tierWeight[a.tier]),
        );
        const planned = rand() < 0.05;
        const status: InterviewStatus = planned
          ? 'planned'
          : weighted(['coded', 'done', 'in_progress'], [70, 25, 5]);
        const interviewId = newId();
        insert.interview.run({
          id: interviewId,
          engagementId,
          accountId: account.id,
          date: `${2020 + (e % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          status,
          nps:
            planned || rand() < 0.1
              ? null
              : weighted([...Array(11).keys()], [1, 1, 1, 2, 2, 4, 6, 10, 14, 10, 8]),
          satisfaction: planned || rand() < 0.15 ? null : weighted([1, 2, 3, 4, 5], [1, 2, 4, 6, 3]),
          now: now(),
        });
        totals.interviews++;
        const attendees = account.people.filter((_, p) => p === 0 || rand() < 0.3);
        attendees.forEach((person, position) => {
          insert.attendee.run(interviewId, person.id, position);
        });
        if (planned) {
          insert.notes.run(interviewId, JSON.stringify(EMPTY_DOC), '', 0, now());
          continue;
        }
        totals.held++;

        for (let r = Math.floor(rand() * 6); r > 0; r--) {
          const known = pick(clientPeople);
          // The same person is typed slightly differently now and then.
          const spelled = rand() < 0.15 ? ` ${known.name.toLocaleLowerCase()}` : known.name;
          const other = known.level === 'strategic' ? 'operational' : 'strategic';
          insert.relationship.run({
            id: newId(),
            interviewId,
            intervieweeId: pick(attendees).id,
            clientPerson: spelled,
            level: rand() < 0.15 ? other : known.level,
            now: now(),
          });
        }

        const subset = codes.filter((_, c) => rand() < popularity[c]!);
        if (!subset.length) subset.push(pick(codes));
        const overlapping = Math.round(options.codingsPerInterview * OVERLAP_SHARE);
        const generated = generateNotes(
          rand,
          options.wordsPerInterview,
          options.codingsPerInterview - overlapping,
          subset,
          newId,
        );
        const codings = [...generated.codings];
        addOverlaps(generated.doc, overlapping, () => {
          const coding = { id: newId(), codeId: pick(subset), sentiment: pick(SENTIMENT_LIST) };
          codings.push(coding);
          return coding.id;
        });
        // About half the paragraphs answer one of the guide's open questions, in the guide's order.
        const paragraphs = (generated.doc.content ?? []).filter((b) => b.type === 'paragraph');
        paragraphs.forEach((paragraph, p) => {
          if (rand() < 0.5)
            paragraph.attrs = {
              ...paragraph.attrs,
              question: guide.open[Math.floor((p / paragraphs.length) * guide.open.length)]!,
            };
        });
        // About one held interview in ten has a paragraph flagged to follow up (the action register).
        const blocks = generated.doc.content ?? [];
        const block = blocks[Math.floor(actionRand() * blocks.length)];
        if (block && actionRand() < 0.1) {
          block.attrs = { ...block.attrs, followUp: true };
          flagged.push({
            interviewId,
            accountId: account.id,
            text: deriveNotes({ type: 'doc', content: [block] }).text,
          });
        }
        const stamp = now();
        if (rand() < 0.7) insert.answer.run(interviewId, guide.yesno, rand() < 0.5 ? 1 : 0, stamp);
        const derived = deriveNotes(generated.doc);
        insert.notes.run(
          interviewId,
          JSON.stringify(generated.doc),
          derived.text,
          countWords(derived.text),
          stamp,
        );
        const chars = Array.from(derived.text);
        for (const coding of codings) {
          const span = derived.codings.get(coding.id);
          if (!span) continue;
          insert.coding.run({
            ...coding,
            interviewId,
            severity: rand() < 0.3 ? 1 + Math.floor(rand() * 3) : null,
            star: rand() < 0.05 ? 1 : 0,
            quote: sliceCodePoints(chars, span.start, span.end),
            start: span.start,
            end: span.end,
            now: stamp,
          });
          totals.codings++;
        }
      }
      addActions(engagementId, 2020 + (e % 7), flagged);
    }
    linkWaves(db, made);
  })();
  return { engagements: options.engagements, ...totals, ms: performance.now() - started };
}

/**
 * Every second engagement is the next wave of the one before it: the same client, its accounts and its
 * own theme naming their earlier selves as origins, so the wave comparison is measured on real pairs.
 */
function linkWaves(
  db: Database,
  made: readonly { id: string; accountIds: string[]; ownCode: string }[],
): void {
  const link = db.prepare(
    `UPDATE engagements SET previous_engagement_id = @previous,
       client_name = (SELECT client_name FROM engagements WHERE id = @previous) WHERE id = @id`,
  );
  const origin = {
    account: db.prepare('UPDATE accounts SET origin_id = ? WHERE id = ?'),
    code: db.prepare('UPDATE codes SET origin_id = ? WHERE id = ?'),
  };
  for (let e = 1; e < made.length; e += 2) {
    const [earlier, later] = [made[e - 1]!, made[e]!];
    link.run({ id: later.id, previous: earlier.id });
    origin.code.run(earlier.ownCode, later.ownCode);
    // Most accounts come back; the last few of each wave are its own.
    const shared = Math.floor(Math.min(earlier.accountIds.length, later.accountIds.length) * 0.8);
    for (let a = 0; a < shared; a++) origin.account.run(earlier.accountIds[a], later.accountIds[a]);
  }
}

const SENTIMENT_LIST = ['negative', 'neutral', 'positive'] as const;

function weightedBy<T>(rand: () => number, items: readonly T[], weights: readonly number[]): T {
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items.at(-1)!;
}

/**
 * Adds up to `count` codings that overlap an existing one: each new mark covers a coded run and the
 * words after it in the same paragraph, the way a consultant codes a passage under two themes.
 */
function addOverlaps(doc: DocNode, count: number, nextId: () => string): void {
  const coded = (doc.content ?? []).filter((paragraph) => paragraph.content?.some((part) => part.marks));
  const step = coded.length / count;
  for (let i = 0; i < count && i < coded.length; i++) {
    const parts = coded[Math.floor(i * step)]!.content!;
    const first = parts.findIndex((part) => part.marks);
    const mark = { type: CODING_MARK, attrs: { id: nextId() } };
    for (const part of parts.slice(first, first + 2)) part.marks = [...(part.marks ?? []), mark];
  }
}
