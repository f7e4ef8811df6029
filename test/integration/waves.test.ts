import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Consent, DocNode, InterviewStatus } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * Waves on a workspace built by hand. Guide rows and actions are written in SQL: their services belong
 * to other parts of issue 18 (the guide, the action register) and are not on this branch.
 *
 * Client "Huolto Oy", wave 1 (W1) and the wave made from it (W2 = createWave):
 *   W1 accounts: Alfa Oy (key), Beta Ab (named), Gamma (unmanaged); own codes: group "Kaupalliset"
 *   holding "Hinnoittelu/Pricing" (OWN, hotkey 3, problem) and a retired "Vanha/Old".
 *   Guide: section "Suhde" with Q1 NPS (feeds the interview's nps), Q2 1–5 (answers table), Q3 open.
 *   W1 interviews (all done, consent given unless said):
 *     I1 Alfa  nps 9  sat 4  KPR, OWN   Q2 = 4
 *     I2 Alfa  nps 6  sat 3  SIL        Q2 = 3
 *     I3 Beta  nps 10        KPR        Q2 = 5
 *     I4 Gamma nps 3         KPR, SIL
 *     I5 Gamma planned nps 10  KPR      (not held: not in the figures)
 *   W2 accounts: the three copies (Alfa', Beta', Gamma') + Delta (new).
 *     J1 Alfa'  nps 10  OWN'   Q2' = 2
 *     J2 Beta'  nps 9   SIL    Q2' = 3
 *     J3 Delta  nps 7   KPR
 *     J4 Delta  nps 0   KPR    declined consent: out of the figures
 */

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
});
afterEach(() => ws.close());

const count = (sql: string, ...params: unknown[]) =>
  ws.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

function shared(key: string): string {
  return ws.call('getCodebook', {}).find((c) => c.key === key)!.id;
}

function person(accountId: string, name: string, consent: Consent = 'given', email = ''): string {
  return ws.call('createInterviewee', {
    accountId,
    name,
    roleLevel: 'strategic',
    consent,
    email,
    title: 'CEO',
  }).id;
}

function interview(
  engagementId: string,
  accountId: string,
  people: string[],
  nps: number | null,
  satisfaction: number | null,
  codeIds: string[],
  status: InterviewStatus = 'done',
): string {
  const id = ws.call('createInterview', {
    engagementId,
    accountId,
    intervieweeIds: people,
    status,
    nps,
    satisfaction,
  }).id;
  if (codeIds.length) {
    const marks = codeIds.map(() => crypto.randomUUID());
    const doc: DocNode = {
      type: 'doc',
      content: codeIds.map((_, i) => ({
        type: 'paragraph',
        content: [
          { type: 'text', text: `Kohta ${i + 1}`, marks: [{ type: CODING_MARK, attrs: { id: marks[i] } }] },
        ],
      })),
    };
    ws.saveNotes({
      interviewId: id,
      doc,
      codings: codeIds.map((codeId, i) => ({ id: marks[i]!, codeId, sentiment: null })),
    });
  }
  return id;
}

function guide(engagementId: string) {
  const now = '2025-01-01T00:00:00.000Z';
  const section = crypto.randomUUID();
  ws.db
    .prepare(
      `INSERT INTO guide_sections (id, engagement_id, title, sort_order, created_at, updated_at) VALUES (?, ?, 'Suhde', 0, ?, ?)`,
    )
    .run(section, engagementId, now, now);
  const question = (text: string, scale: string, feeds: string | null, order: number) => {
    const id = crypto.randomUUID();
    ws.db
      .prepare(
        `INSERT INTO guide_questions (id, section_id, engagement_id, text, help, scale, feeds, sort_order, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'Ask gently', ?, ?, ?, ?, ?)`,
      )
      .run(id, section, engagementId, text, scale, feeds, order, now, now);
    return id;
  };
  return {
    section,
    q1: question('How likely are you to recommend us?', 'nps', 'nps', 0),
    q2: question('How satisfied are you overall?', 'five', null, 1),
    q3: question('What should we do more of?', 'open', null, 2),
  };
}

const answer = (interviewId: string, questionId: string, value: number) =>
  ws.db
    .prepare('INSERT INTO answers (interview_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)')
    .run(interviewId, questionId, value, '2025-01-01T00:00:00.000Z');

function action(
  engagementId: string,
  status: string,
  order: number,
  refs: Record<string, string | null> = {},
) {
  const id = crypto.randomUUID();
  ws.db
    .prepare(
      `INSERT INTO actions (id, engagement_id, source, finding_id, account_id, interview_id, title, detail, owner, due_date,
         status, reviewed_at, review_note, sort_order, created_at, updated_at)
       VALUES (@id, @engagementId, 'recommendation', @findingId, @accountId, @interviewId, @title, 'Detail', 'Liisa Laine',
         '2025-03-31', @status, '2025-01-05T00:00:00.000Z', 'Reviewed once', @order, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
    )
    .run({
      id,
      engagementId,
      findingId: refs.findingId ?? null,
      accountId: refs.accountId ?? null,
      interviewId: refs.interviewId ?? null,
      title: `Action ${status}`,
      status,
      order,
    });
  return id;
}

function firstWave() {
  const w1 = ws.call('createEngagement', {
    clientName: 'Huolto Oy',
    title: 'Asiakaskuuntelu 2024',
    language: 'fi',
    industry: 'Huolto',
    purpose: 'Selvittää asiakkaiden näkemys',
    periodStart: '2024-01-01',
    periodEnd: '2024-03-31',
  }).id;
  const alfa = ws.call('createAccount', {
    engagementId: w1,
    name: 'Alfa Oy',
    tier: 'key',
    importance: '++',
    lifecycle: 'development',
    revenue: 100_000,
  }).id;
  const beta = ws.call('createAccount', { engagementId: w1, name: 'Beta Ab', tier: 'named' }).id;
  const gamma = ws.call('createAccount', { engagementId: w1, name: 'Gamma', tier: 'unmanaged' }).id;
  const pa = person(alfa, 'Aino Alanko', 'given', 'aino@alfa.example');
  const pb = person(beta, 'Bertil Berg');
  const pg = person(gamma, 'Gunnar Grön');
  const group = ws.call('createCode', {
    engagementId: w1,
    name: { fi: 'Kaupalliset', en: 'Commercial' },
    isGroup: true,
  }).id;
  const own = ws.call('createCode', {
    engagementId: w1,
    parentId: group,
    name: { fi: 'Hinnoittelu', en: 'Pricing' },
    description: { fi: 'Hinnat', en: 'Prices' },
    hotkey: 3,
    color: '#aa3377',
    polarity: 'problem',
  }).id;
  const old = ws.call('createCode', {
    engagementId: w1,
    parentId: group,
    name: { fi: 'Vanha', en: 'Old' },
  }).id;
  ws.call('updateCode', { id: old, patch: { retired: true } });
  const g = guide(w1);
  const KPR = shared('key-person-risk');
  const SIL = shared('silos');
  const i1 = interview(w1, alfa, [pa], 9, 4, [KPR, own]);
  const i2 = interview(w1, alfa, [pa], 6, 3, [SIL]);
  const i3 = interview(w1, beta, [pb], 10, null, [KPR]);
  interview(w1, gamma, [pg], 3, null, [KPR, SIL]);
  interview(w1, gamma, [pg], 10, null, [KPR], 'planned');
  answer(i1, g.q2, 4);
  answer(i2, g.q2, 3);
  answer(i3, g.q2, 5);
  const finding = ws.call('createFinding', { engagementId: w1, title: 'Hinnat puhuttavat' }).id;
  const actions = {
    open: action(w1, 'open', 0, { findingId: finding, accountId: alfa, interviewId: i1 }),
    inProgress: action(w1, 'in_progress', 1),
    done: action(w1, 'done', 2),
    dropped: action(w1, 'dropped', 3),
  };
  return { w1, alfa, beta, gamma, pa, pb, pg, group, own, old, g, KPR, SIL, i1, finding, actions };
}

describe('creating a next wave', () => {
  test('a person who declined stays declined in the next wave: a refusal is not asked again', () => {
    const engagement = ws.call('createEngagement', {
      clientName: 'Kieltäytyjä Oy',
      title: 'W1',
      language: 'fi',
    });
    const account = ws.call('createAccount', { engagementId: engagement.id, name: 'A Oy', tier: 'key' });
    const declined = ws.call('createInterviewee', {
      accountId: account.id,
      name: 'Ulla Koskela',
      roleLevel: 'strategic',
      consent: 'declined',
    });
    ws.call('createInterviewee', {
      accountId: account.id,
      name: 'Olli Aho',
      roleLevel: 'operational',
      consent: 'given',
    });
    const next = ws.call('createWave', { fromEngagementId: engagement.id, title: 'W2' });
    const people = ws.call('listAccounts', { engagementId: next.id })[0]!.interviewees;
    expect(people.map((p) => [p.name, p.consent]).sort()).toEqual([
      ['Olli Aho', 'pending'],
      ['Ulla Koskela', 'declined'],
    ]);
    expect(declined.consent).toBe('declined');
  });

  test('copies accounts, people, guide, own codes and unfinished actions, and nothing else', () => {
    const f = firstWave();
    const before = ws.call('waveCarryOver', { engagementId: f.w1 });
    expect(before).toEqual({
      accounts: 3,
      interviewees: 3,
      guideSections: 1,
      guideQuestions: 3,
      codes: 3,
      actions: 2,
      interviews: 5,
      findings: 1,
      followedBy: null,
    });

    const w2 = ws.call('createWave', {
      fromEngagementId: f.w1,
      title: 'Asiakaskuuntelu 2025',
      periodStart: '2025-01-01',
    });
    expect(w2).toMatchObject({
      clientName: 'Huolto Oy',
      title: 'Asiakaskuuntelu 2025',
      language: 'fi',
      industry: 'Huolto',
      purpose: 'Selvittää asiakkaiden näkemys',
      periodStart: '2025-01-01',
      periodEnd: null,
      status: 'planned',
      previousEngagementId: f.w1,
    });

    // Accounts: every field, with the origin.
    const accounts = ws.db
      .prepare(
        'SELECT name, tier, importance, lifecycle, revenue, origin_id AS originId FROM accounts WHERE engagement_id = ? ORDER BY rowid',
      )
      .all(w2.id);
    expect(accounts).toEqual([
      {
        name: 'Alfa Oy',
        tier: 'key',
        importance: '++',
        lifecycle: 'development',
        revenue: 100_000,
        originId: f.alfa,
      },
      { name: 'Beta Ab', tier: 'named', importance: null, lifecycle: null, revenue: null, originId: f.beta },
      {
        name: 'Gamma',
        tier: 'unmanaged',
        importance: null,
        lifecycle: null,
        revenue: null,
        originId: f.gamma,
      },
    ]);
    // People: consent back to pending (a refusal stands: see the next test), under the copied account.
    const people = ws.db
      .prepare(
        `SELECT p.name, p.title, p.role_level AS roleLevel, p.consent, p.email, p.origin_id AS originId, a.origin_id AS accountOrigin
         FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE a.engagement_id = ? ORDER BY p.rowid`,
      )
      .all(w2.id);
    expect(people).toEqual([
      {
        name: 'Aino Alanko',
        title: 'CEO',
        roleLevel: 'strategic',
        consent: 'pending',
        email: 'aino@alfa.example',
        originId: f.pa,
        accountOrigin: f.alfa,
      },
      expect.objectContaining({
        name: 'Bertil Berg',
        consent: 'pending',
        originId: f.pb,
        accountOrigin: f.beta,
      }),
      expect.objectContaining({
        name: 'Gunnar Grön',
        consent: 'pending',
        originId: f.pg,
        accountOrigin: f.gamma,
      }),
    ]);
    // The earlier wave's people keep their consent.
    expect(
      count(
        `SELECT count(*) FROM interviewees WHERE id IN (?, ?, ?) AND consent = 'given'`,
        f.pa,
        f.pb,
        f.pg,
      ),
    ).toBe(3);

    // Guide: sections and questions with their origins.
    const questions = ws.db
      .prepare(
        `SELECT q.text, q.help, q.scale, q.feeds, q.sort_order AS sortOrder, q.origin_id AS originId, s.origin_id AS sectionOrigin
         FROM guide_questions q JOIN guide_sections s ON s.id = q.section_id WHERE q.engagement_id = ? ORDER BY q.sort_order`,
      )
      .all(w2.id);
    expect(questions).toEqual([
      {
        text: 'How likely are you to recommend us?',
        help: 'Ask gently',
        scale: 'nps',
        feeds: 'nps',
        sortOrder: 0,
        originId: f.g.q1,
        sectionOrigin: f.g.section,
      },
      expect.objectContaining({ scale: 'five', feeds: null, originId: f.g.q2, sectionOrigin: f.g.section }),
      expect.objectContaining({ scale: 'open', originId: f.g.q3, sectionOrigin: f.g.section }),
    ]);

    // Codebook: own codes copied with the hierarchy remapped; shared codes are not copied.
    const codes = ws.call('getCodebook', { engagementId: w2.id }).filter((c) => c.engagementId === w2.id);
    expect(codes).toHaveLength(3);
    const copy = (name: string) => codes.find((c) => c.name.en === name)!;
    expect(copy('Commercial')).toMatchObject({ isGroup: true, parentId: null });
    expect(copy('Pricing')).toMatchObject({
      parentId: copy('Commercial').id,
      hotkey: 3,
      color: '#aa3377',
      polarity: 'problem',
      description: { fi: 'Hinnat', en: 'Prices' },
      retired: false,
    });
    expect(copy('Old')).toMatchObject({ parentId: copy('Commercial').id, retired: true });
    const origins = ws.db
      .prepare(
        'SELECT name_en AS name, origin_id AS originId FROM codes WHERE engagement_id = ? ORDER BY name_en',
      )
      .all(w2.id);
    expect(origins).toEqual([
      { name: 'Commercial', originId: f.group },
      { name: 'Old', originId: f.old },
      { name: 'Pricing', originId: f.own },
    ]);
    expect(count('SELECT count(*) FROM codes WHERE engagement_id IS NULL AND origin_id IS NOT NULL')).toBe(0);

    // Actions: open and in progress only, to be reviewed; the finding and interview stay behind.
    const carried = ws.db
      .prepare(
        `SELECT status, title, detail, owner, due_date AS due, finding_id AS findingId, interview_id AS interviewId,
           account_id AS accountId, carried_from_id AS carriedFrom, reviewed_at AS reviewedAt, review_note AS note
         FROM actions WHERE engagement_id = ? ORDER BY sort_order`,
      )
      .all(w2.id);
    const alfaCopy = ws.db.prepare('SELECT id FROM accounts WHERE origin_id = ?').pluck().get(f.alfa);
    expect(carried).toEqual([
      {
        status: 'open',
        title: 'Action open',
        detail: 'Detail',
        owner: 'Liisa Laine',
        due: '2025-03-31',
        findingId: null,
        interviewId: null,
        accountId: alfaCopy,
        carriedFrom: f.actions.open,
        reviewedAt: null,
        note: '',
      },
      expect.objectContaining({ status: 'in_progress', carriedFrom: f.actions.inProgress, reviewedAt: null }),
    ]);

    // Not carried: interviews, notes, codings, findings, relationships, answers.
    for (const table of ['interviews', 'findings'])
      expect(count(`SELECT count(*) FROM ${table} WHERE engagement_id = ?`, w2.id)).toBe(0);
    // The five W1 interviews' notes and codings stay theirs; nothing was added.
    expect(count('SELECT count(*) FROM notes')).toBe(5);
    expect(count('SELECT count(*) FROM codings')).toBe(7);
    expect(count('SELECT count(*) FROM relationships')).toBe(0);
    expect(count('SELECT count(*) FROM answers')).toBe(3);
    // The earlier wave is untouched and now says who follows it.
    expect(ws.call('waveCarryOver', { engagementId: f.w1 })).toEqual({
      ...before,
      followedBy: expect.objectContaining({ id: w2.id, title: 'Asiakaskuuntelu 2025' }),
    });
  });

  test('the language can be chosen; an engagement already followed gets no second next wave', () => {
    const f = firstWave();
    const w2 = ws.call('createWave', { fromEngagementId: f.w1, title: 'Listening 2025', language: 'en' });
    expect(w2.language).toBe('en');
    const engagements = count('SELECT count(*) FROM engagements');
    const accounts = count('SELECT count(*) FROM accounts');
    const second = ws.raw('createWave', { fromEngagementId: f.w1, title: 'Again' });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', key: 'waveAlreadyFollowed' } });
    expect(count('SELECT count(*) FROM engagements')).toBe(engagements);
    expect(count('SELECT count(*) FROM accounts')).toBe(accounts);
  });

  test('bad input is refused with a clear error and changes nothing', () => {
    const f = firstWave();
    const total = () => count('SELECT count(*) FROM engagements') + count('SELECT count(*) FROM accounts');
    const was = total();
    expect(ws.raw('createWave', { fromEngagementId: crypto.randomUUID(), title: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', key: 'notFound', params: { what: 'engagement' } },
    });
    expect(ws.raw('createWave', { fromEngagementId: f.w1, title: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(total()).toBe(was);
  });
});

describe('linking waves', () => {
  test('refuses another client, a loop, itself and a second follower; changes nothing', () => {
    const f = firstWave();
    const w2 = ws.call('createWave', { fromEngagementId: f.w1, title: 'W2' });
    const other = ws.call('createEngagement', { clientName: 'Muu Oy', title: 'Muu', language: 'fi' }).id;
    const same = ws.call('createEngagement', {
      clientName: '  huolto   OY ',
      title: 'Erillinen',
      language: 'fi',
    }).id;
    const snapshot = () =>
      ws.db.prepare('SELECT id, previous_engagement_id FROM engagements ORDER BY id').all();
    const was = snapshot();
    expect(ws.raw('linkWave', { engagementId: other, previousEngagementId: f.w1 })).toMatchObject({
      ok: false,
      error: { key: 'waveOtherClient' },
    });
    expect(ws.raw('linkWave', { engagementId: f.w1, previousEngagementId: w2.id })).toMatchObject({
      ok: false,
      error: { key: 'waveCycle' },
    });
    expect(ws.raw('linkWave', { engagementId: f.w1, previousEngagementId: f.w1 })).toMatchObject({
      ok: false,
      error: { key: 'waveCycle' },
    });
    // W1 already has its next wave (W2).
    expect(ws.raw('linkWave', { engagementId: same, previousEngagementId: f.w1 })).toMatchObject({
      ok: false,
      error: { key: 'waveAlreadyFollowed', params: { title: 'W2' } },
    });
    expect(
      ws.raw('linkWave', { engagementId: same, previousEngagementId: crypto.randomUUID() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(snapshot()).toEqual(was);
    // The same client spelled differently may follow W2; the chain reads W1 → W2 → it.
    ws.call('linkWave', { engagementId: same, previousEngagementId: w2.id });
    expect(ws.call('waveComparison', { engagementId: w2.id }).chain.map((w) => w.id)).toEqual([
      f.w1,
      w2.id,
      same,
    ]);
  });

  test('matches accounts, people, own codes and questions by name, only where unambiguous', () => {
    const f = firstWave();
    const later = ws.call('createEngagement', { clientName: 'HUOLTO OY', title: '2025', language: 'fi' }).id;
    // "ALFA" = "Alfa Oy" (legal form optional, case-blind); "Oy Beta" = "Beta Ab"; two "Gamma"s are ambiguous.
    const alfa = ws.call('createAccount', { engagementId: later, name: 'ALFA', tier: 'key' }).id;
    const beta = ws.call('createAccount', { engagementId: later, name: 'Oy Beta', tier: 'key' }).id;
    const gamma1 = ws.call('createAccount', { engagementId: later, name: 'Gamma Oy', tier: 'key' }).id;
    const gamma2 = ws.call('createAccount', { engagementId: later, name: 'Gamma Ab', tier: 'key' }).id;
    const newcomer = ws.call('createAccount', { engagementId: later, name: 'Alfa Beta Oy', tier: 'key' }).id;
    const aino = person(alfa, 'aino  alanko');
    const stranger = person(alfa, 'Bertil Berg'); // Bertil is Beta's, not Alfa's.
    const bertil = person(beta, 'Bertil Berg');
    // Codes by either name, a group only with a group; questions by text, final punctuation aside.
    const pricing = ws.call('createCode', { engagementId: later, name: { fi: 'Hinnat', en: 'pricing' } }).id;
    const commercial = ws.call('createCode', {
      engagementId: later,
      name: { fi: 'Kaupalliset', en: 'X' },
    }).id;
    const g = guide(later);
    ws.db
      .prepare("UPDATE guide_questions SET text = 'how likely are you to recommend us' WHERE id = ?")
      .run(g.q1);
    ws.db.prepare("UPDATE guide_questions SET text = 'Something new?' WHERE id = ?").run(g.q2);

    const result = ws.call('linkWave', { engagementId: later, previousEngagementId: f.w1 });
    expect(result).toEqual({
      previousEngagementId: f.w1,
      accounts: { matched: 2, of: 5 },
      people: { matched: 2, of: 3 },
      codes: { matched: 1, of: 2 },
      questions: { matched: 2, of: 3 },
    });
    const origin = (table: string, id: string) =>
      ws.db.prepare(`SELECT origin_id FROM ${table} WHERE id = ?`).pluck().get(id);
    expect(origin('accounts', alfa)).toBe(f.alfa);
    expect(origin('accounts', beta)).toBe(f.beta);
    expect(origin('accounts', gamma1)).toBeNull();
    expect(origin('accounts', gamma2)).toBeNull();
    expect(origin('accounts', newcomer)).toBeNull();
    expect(origin('interviewees', aino)).toBe(f.pa);
    expect(origin('interviewees', stranger)).toBeNull();
    expect(origin('interviewees', bertil)).toBe(f.pb);
    expect(origin('codes', pricing)).toBe(f.own);
    expect(origin('codes', commercial)).toBeNull();
    expect(origin('guide_questions', g.q1)).toBe(f.g.q1);
    expect(origin('guide_questions', g.q2)).toBeNull();
    expect(origin('guide_questions', g.q3)).toBe(f.g.q3);
    expect(ws.call('getEngagement', { id: later }).previousEngagementId).toBe(f.w1);

    // Unlinking keeps the matches; linking again finds them kept.
    ws.call('linkWave', { engagementId: later, previousEngagementId: null });
    expect(ws.call('getEngagement', { id: later }).previousEngagementId).toBeNull();
    expect(origin('accounts', alfa)).toBe(f.alfa);
    expect(ws.call('linkWave', { engagementId: later, previousEngagementId: f.w1 }).accounts).toEqual({
      matched: 2,
      of: 5,
    });
  });
});

describe('the wave comparison', () => {
  function twoWaves() {
    const f = firstWave();
    const w2 = ws.call('createWave', { fromEngagementId: f.w1, title: 'Asiakaskuuntelu 2025' }).id;
    const copyOf = (originId: string, table = 'accounts') =>
      ws.db.prepare(`SELECT id FROM ${table} WHERE origin_id = ?`).pluck().get(originId) as string;
    const alfa = copyOf(f.alfa);
    const beta = copyOf(f.beta);
    const delta = ws.call('createAccount', { engagementId: w2, name: 'Delta', tier: 'named' }).id;
    const own = copyOf(f.own, 'codes');
    const q2 = copyOf(f.g.q2, 'guide_questions');
    const pa = copyOf(f.pa, 'interviewees');
    const pb = copyOf(f.pb, 'interviewees');
    ws.call('updateInterviewee', { id: pa, patch: { consent: 'given' } });
    const pd = person(delta, 'Dora Dahl');
    const declined = person(delta, 'Eero Ek', 'declined');
    const j1 = interview(w2, alfa, [pa], 10, null, [own]);
    const j2 = interview(w2, beta, [pb], 9, null, [f.SIL]);
    interview(w2, delta, [pd], 7, null, [f.KPR]);
    interview(w2, delta, [declined], 0, null, [f.KPR]);
    answer(j1, q2, 2);
    answer(j2, q2, 3);
    return { ...f, w2, alfa, beta, delta, ownNow: own };
  }

  test('figures then and now over all accounts, worked out by hand', () => {
    const f = twoWaves();
    const c = ws.call('waveComparison', { engagementId: f.w2 });
    expect(c.previous).toMatchObject({ id: f.w1, title: 'Asiakaskuuntelu 2024', periodStart: '2024-01-01' });
    expect(c.chain.map((w) => w.id)).toEqual([f.w1, f.w2]);
    const all = c.all!;
    // Then: I1–I4 held (I5 planned), accounts Alfa, Beta, Gamma. Now: J1–J3 (J4 declined), Alfa, Beta, Delta.
    expect(all.base).toEqual({
      before: { interviews: 4, accounts: 3 },
      after: { interviews: 3, accounts: 3 },
    });
    // KPR then I1, I3, I4 = 3/4 = 75 %, accounts 3/3; now J3 = 1/3 = 33.3 %, accounts 1/3.
    // SIL then I2, I4 = 2/4 = 50 %, accounts Alfa, Gamma 2/3 = 66.7 %; now J2 1/3, 1/3.
    // OWN (copied: matched by origin) then I1 1/4 = 25 %, 1/3; now J1 1/3, 1/3.
    // Bases of 4 and 3 are under SMALL_N (5): no change is marked. Order: now desc, then then desc.
    expect(all.codes.map((r) => [r.code.en, r.before, r.after, r.change, r.accountsChange])).toEqual([
      [
        'Key-person risk',
        { interviews: 3, accounts: 3, interviewsPct: 75, accountsPct: 100 },
        { interviews: 1, accounts: 1, interviewsPct: 33.3, accountsPct: 33.3 },
        'smallBase',
        'smallBase',
      ],
      [
        'Silos',
        { interviews: 2, accounts: 2, interviewsPct: 50, accountsPct: 66.7 },
        { interviews: 1, accounts: 1, interviewsPct: 33.3, accountsPct: 33.3 },
        'smallBase',
        'smallBase',
      ],
      [
        'Pricing',
        { interviews: 1, accounts: 1, interviewsPct: 25, accountsPct: 33.3 },
        { interviews: 1, accounts: 1, interviewsPct: 33.3, accountsPct: 33.3 },
        'smallBase',
        'smallBase',
      ],
    ]);
    expect(all.codes[2]!.codeId).toBe(f.ownNow);
    // NPS then 9, 6, 10, 3: promoters 2, detractors 2 → 0. Now 10, 9, 7: promoters 2, passive 1 → 67.
    expect(all.nps.before).toMatchObject({ n: 4, promoters: 2, passives: 0, detractors: 2, nps: 0 });
    expect(all.nps.after).toMatchObject({ n: 3, promoters: 2, passives: 1, detractors: 0, nps: 67 });
    expect(all.nps.change).toBe('smallBase');
    // Satisfaction then 4, 3 (mean 3.5); none now.
    expect(all.satisfaction.before).toMatchObject({ n: 2, mean: 3.5 });
    expect(all.satisfaction.after).toMatchObject({ n: 0, mean: null });
    // Questions with a scale, matched by origin: Q1 feeds the NPS field (same figures), Q2 from answers:
    // then 4, 3, 5 (mean 4), now 2, 3 (mean 2.5). The open Q3 has no figures.
    expect(
      all.questions.map((q) => [q.text, q.scale, q.before.n, q.before.mean, q.after.n, q.after.mean]),
    ).toEqual([
      ['How likely are you to recommend us?', 'nps', 4, 7, 3, 26 / 3],
      ['How satisfied are you overall?', 'five', 3, 4, 2, 2.5],
    ]);
    expect(all.questions[0]!.before.nps).toBe(0);
    expect(all.questions[0]!.after.nps).toBe(67);
  });

  test('the panel: accounts interviewed in both waves, and each account then and now', () => {
    const f = twoWaves();
    const c = ws.call('waveComparison', { engagementId: f.w2 });
    // Alfa and Beta were interviewed in both waves; Gamma only then, Delta only now.
    expect(c.panelAccounts).toBe(2);
    const panel = c.panel!;
    // Then I1, I2 (Alfa), I3 (Beta) = 3 interviews, 2 accounts; now J1, J2 = 2, 2. Too few to lead.
    expect(panel.base).toEqual({
      before: { interviews: 3, accounts: 2 },
      after: { interviews: 2, accounts: 2 },
    });
    expect(c.panelFirst).toBe(false);
    const row = (name: string) => panel.codes.find((r) => r.code.en === name)!;
    // KPR then I1, I3 = 2/3 = 66.7 %, both accounts; now none.
    expect(row('Key-person risk').before).toEqual({
      interviews: 2,
      accounts: 2,
      interviewsPct: 66.7,
      accountsPct: 100,
    });
    expect(row('Key-person risk').after).toEqual({
      interviews: 0,
      accounts: 0,
      interviewsPct: 0,
      accountsPct: 0,
    });
    expect(row('Silos').before).toEqual({ interviews: 1, accounts: 1, interviewsPct: 33.3, accountsPct: 50 });
    expect(row('Silos').after).toEqual({ interviews: 1, accounts: 1, interviewsPct: 50, accountsPct: 50 });
    expect(panel.codes).toHaveLength(3);
    // Panel NPS then 9, 6, 10: 2 promoters, 1 detractor → 33; now 10, 9 → 100.
    expect(panel.nps.before).toMatchObject({ n: 3, nps: 33 });
    expect(panel.nps.after).toMatchObject({ n: 2, nps: 100 });

    // Accounts by name: Alfa (panel), Beta (panel), Delta (new), Gamma (then only).
    expect(c.accounts.map((a) => [a.name, a.panel, a.before, a.after])).toEqual([
      [
        'Alfa Oy',
        true,
        { interviews: 2, npsN: 2, npsMean: 7.5, satisfactionN: 2, satisfactionMean: 3.5 },
        { interviews: 1, npsN: 1, npsMean: 10, satisfactionN: 0, satisfactionMean: null },
      ],
      [
        'Beta Ab',
        true,
        { interviews: 1, npsN: 1, npsMean: 10, satisfactionN: 0, satisfactionMean: null },
        { interviews: 1, npsN: 1, npsMean: 9, satisfactionN: 0, satisfactionMean: null },
      ],
      [
        'Delta',
        false,
        { interviews: 0, npsN: 0, npsMean: null, satisfactionN: 0, satisfactionMean: null },
        { interviews: 1, npsN: 1, npsMean: 7, satisfactionN: 0, satisfactionMean: null },
      ],
      [
        'Gamma',
        false,
        { interviews: 1, npsN: 1, npsMean: 3, satisfactionN: 0, satisfactionMean: null },
        { interviews: 0, npsN: 0, npsMean: null, satisfactionN: 0, satisfactionMean: null },
      ],
    ]);
    const alfa = c.accounts[0]!;
    // Alfa then KPR, OWN, SIL; now OWN only.
    expect(alfa.appeared).toEqual([]);
    expect(alfa.disappeared.map((x) => x.code.en).sort()).toEqual(['Key-person risk', 'Silos']);
    const beta = c.accounts[1]!;
    expect(beta.appeared.map((x) => x.code.en)).toEqual(['Silos']);
    expect(beta.disappeared.map((x) => x.code.en)).toEqual(['Key-person risk']);
  });

  test('an account interviewed only in the previous wave and gone from this one’s list shows as dropped out', () => {
    const f = twoWaves();
    const gammaCopy = ws.db
      .prepare('SELECT id FROM accounts WHERE origin_id = ?')
      .pluck()
      .get(f.gamma) as string;
    ws.call('deleteAccount', { id: gammaCopy });
    const c = ws.call('waveComparison', { engagementId: f.w2 });
    const gamma = c.accounts.find((a) => a.name === 'Gamma')!;
    // Gamma's I4 (nps 3) was held then; the planned I5 does not count.
    expect(gamma).toMatchObject({
      accountId: f.gamma,
      inCurrent: false,
      panel: false,
      before: { interviews: 1, npsN: 1, npsMean: 3 },
      after: { interviews: 0, npsN: 0, npsMean: null },
    });
    expect(c.accounts.filter((a) => a.inCurrent).map((a) => a.name)).toEqual(['Alfa Oy', 'Beta Ab', 'Delta']);
    // The figures of all accounts still count Gamma's interview then.
    expect(c.all!.base.before).toEqual({ interviews: 4, accounts: 3 });
  });

  test('a previous wave in the Trash reads as none, and comes back when restored', () => {
    const f = twoWaves();
    ws.call('deleteEngagement', { id: f.w1 });
    expect(ws.call('getEngagement', { id: f.w2 }).previousEngagementId).toBeNull();
    expect(ws.call('listEngagements', {}).find((e) => e.id === f.w2)!.previousEngagementId).toBeNull();
    const c = ws.call('waveComparison', { engagementId: f.w2 });
    expect(c).toMatchObject({ previous: null, all: null, panel: null, accounts: [], panelAccounts: 0 });
    expect(c.chain.map((w) => w.id)).toEqual([f.w2]);
    const [item] = ws.call('listTrash', {});
    ws.call('restoreFromTrash', { id: item!.id });
    expect(ws.call('getEngagement', { id: f.w2 }).previousEngagementId).toBe(f.w1);
    expect(ws.call('waveComparison', { engagementId: f.w2 }).all!.base.before.interviews).toBe(4);
  });

  test('an engagement that follows no wave has nothing to compare', () => {
    const f = firstWave();
    const c = ws.call('waveComparison', { engagementId: f.w1 });
    expect(c).toMatchObject({ previous: null, all: null, accounts: [] });
    expect(ws.raw('waveComparison', { engagementId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('privacy of carried people', () => {
  test('erasing a person of the earlier wave offers and erases the copy carried into the next', () => {
    const f = firstWave();
    const w2 = ws.call('createWave', { fromEngagementId: f.w1, title: 'W2' });
    const copy = ws.db.prepare('SELECT id FROM interviewees WHERE origin_id = ?').pluck().get(f.pa) as string;
    const preview = ws.call('erasurePreview', { id: f.pa });
    // Both rows' names are places of the preview: the original (required) and the copy (offered).
    expect(preview.matches.filter((m) => m.place.kind === 'field' && m.match === 'Aino Alanko')).toHaveLength(
      2,
    );
    ws.call('eraseInterviewee', { id: f.pa, previewToken: preview.token });
    const rows = ws.db.prepare('SELECT name, email FROM interviewees WHERE id IN (?, ?)').all(f.pa, copy) as {
      name: string;
      email: string;
    }[];
    for (const row of rows) {
      expect(row.name).not.toContain('Aino');
      expect(row.email).not.toContain('aino');
    }
    expect(ws.call('getEngagement', { id: w2.id }).previousEngagementId).toBe(f.w1);
  });
});
