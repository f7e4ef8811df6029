import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import enTemplate from '../../resources/guide/default-guide-en.json' with { type: 'json' };
import fiTemplate from '../../resources/guide/default-guide-fi.json' with { type: 'json' };
import type { Consent, DocNode, InterviewStatus, RoleLevel, Tier } from '../../shared/domain.ts';
import { type Guide, guideQuestions } from '../../shared/guide.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * The interview guide and its answers on a workspace built by hand; every expected figure worked out on paper.
 *
 *   account  tier       people (role, consent)
 *   KA       key        a1 strategic given, a2 operational given
 *   KB       named      b1 operational pending
 *   UA       unmanaged  c1 strategic declined
 *
 *   interview account people status    NPS (set via the guide)
 *   I1        KA      a1     done        9
 *   I2        KA      a2     done       10
 *   I3        KB      b1     done        3   consent pending: counted, not quotable
 *   I4        UA      c1     done        0   declined: in no figure
 *   I5        KB      b1     planned    10   not yet held: in no figure
 *
 * NPS over the sample (I1–I3): promoters 2, detractors 1, n 3 → 33. Tier key: I1 I2 → 100 (n 2).
 * Role strategic: I1 (I4 declined) → n 1, NPS 100.
 */

let ws: TestWorkspace;
let engagementId: string;
const ids = new Map<string, string>();
const id = (name: string) => ids.get(name)!;

const para = (text: string, question: string | null = null): DocNode => ({
  type: 'paragraph',
  attrs: question ? { question } : {},
  content: text ? [{ type: 'text', text }] : [],
});
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

function account(name: string, tier: Tier, people: [string, RoleLevel, Consent][]): void {
  const accountId = ws.call('createAccount', { engagementId, name, tier }).id;
  ids.set(name, accountId);
  for (const [person, roleLevel, consent] of people)
    ids.set(person, ws.call('createInterviewee', { accountId, name: person, roleLevel, consent }).id);
}

function interview(name: string, accountName: string, person: string, status: InterviewStatus): void {
  ids.set(
    name,
    ws.call('createInterview', {
      engagementId,
      accountId: id(accountName),
      intervieweeIds: [id(person)],
      status,
    }).id,
  );
}

/** Saves notes and puts back the fixture's status (typing starts a planned interview). */
function notes(name: string, content: DocNode): void {
  const status = ws.call('getInterview', { id: id(name) }).status;
  ws.saveNotes({ interviewId: id(name), doc: content });
  ws.call('updateInterview', { id: id(name), patch: { status } });
}

let guide: Guide;
const question = (n: number) => guideQuestions(guide)[n - 1]!;
const byFeeds = (feeds: 'nps' | 'satisfaction') => guideQuestions(guide).find((q) => q.feeds === feeds)!;

beforeAll(() => {
  ws = openTestWorkspace();
  engagementId = ws.call('createEngagement', {
    clientName: 'Asiakas Oy',
    title: 'Kuuntelu',
    language: 'en',
  }).id;
  account('KA', 'key', [
    ['a1', 'strategic', 'given'],
    ['a2', 'operational', 'given'],
  ]);
  account('KB', 'named', [['b1', 'operational', 'pending']]);
  account('UA', 'unmanaged', [['c1', 'strategic', 'declined']]);
  interview('I1', 'KA', 'a1', 'done');
  interview('I2', 'KA', 'a2', 'done');
  interview('I3', 'KB', 'b1', 'done');
  interview('I4', 'UA', 'c1', 'done');
  interview('I5', 'KB', 'b1', 'planned');
  guide = ws.call('applyGuideTemplate', { engagementId, templateId: 'builtin:en' });
});
afterAll(() => ws.close());

describe('built-in templates', () => {
  test('Finnish and English are complete, alike in shape, and each has one NPS and one satisfaction question', () => {
    for (const template of [fiTemplate, enTemplate]) {
      const questions = template.sections.flatMap((s) => s.questions);
      expect(template.sections).toHaveLength(7);
      expect(questions.length).toBeGreaterThanOrEqual(10);
      expect(questions.length).toBeLessThanOrEqual(20);
      for (const q of questions) {
        expect(q.text.trim().length).toBeGreaterThan(10);
        expect(['open', 'nps', 'five', 'yesno']).toContain(q.scale);
      }
      const feeds = questions.map((q) => (q as { feeds?: string }).feeds).filter(Boolean);
      expect(feeds.sort()).toEqual(['nps', 'satisfaction']);
      expect(questions.find((q) => (q as { feeds?: string }).feeds === 'nps')!.scale).toBe('nps');
      expect(questions.find((q) => (q as { feeds?: string }).feeds === 'satisfaction')!.scale).toBe('five');
    }
    // Same sections and scales in both languages: a Finnish and an English wave compare question by question.
    const shape = (t: typeof fiTemplate) => t.sections.map((s) => s.questions.map((q) => q.scale));
    expect(shape(fiTemplate)).toEqual(shape(enTemplate));
    expect(fiTemplate.sections[0]!.title).not.toBe(enTemplate.sections[0]!.title);
  });

  test('listing shows both built-ins; applying one gives the guide numbered questions in order', () => {
    const templates = ws.call('listGuideTemplates', {});
    expect(templates.slice(0, 2).map((t) => [t.id, t.language, t.builtin, t.questionCount])).toEqual([
      ['builtin:fi', 'fi', true, 15],
      ['builtin:en', 'en', true, 15],
    ]);
    expect(guide.sections.map((s) => s.title)).toEqual(enTemplate.sections.map((s) => s.title));
    expect(guideQuestions(guide).map((q) => q.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(byFeeds('nps').scale).toBe('nps');
  });
});

describe('editing the guide', () => {
  test('sections and questions are added, moved, renamed and deleted, and numbers follow', () => {
    const scratch = ws.call('createEngagement', { clientName: 'X', title: 'Scratch', language: 'fi' }).id;
    let g = ws.call('createGuideSection', { engagementId: scratch, title: 'Alku' });
    g = ws.call('createGuideSection', { engagementId: scratch, title: 'Loppu' });
    const [alku, loppu] = g.sections.map((s) => s.id) as [string, string];
    g = ws.call('createGuideQuestion', { sectionId: loppu, text: 'Q-loppu' });
    g = ws.call('createGuideQuestion', { sectionId: alku, text: 'Q-alku-1' });
    g = ws.call('createGuideQuestion', { sectionId: alku, text: 'Q-alku-2', scale: 'five' });
    expect(guideQuestions(g).map((q) => `${q.number} ${q.text}`)).toEqual([
      '1 Q-alku-1',
      '2 Q-alku-2',
      '3 Q-loppu',
    ]);
    g = ws.call('moveGuideSection', { id: loppu, to: 0 });
    expect(guideQuestions(g).map((q) => q.text)).toEqual(['Q-loppu', 'Q-alku-1', 'Q-alku-2']);
    const second = guideQuestions(g)[2]!.id;
    g = ws.call('moveGuideQuestion', { id: second, to: 0 });
    expect(guideQuestions(g).map((q) => q.text)).toEqual(['Q-loppu', 'Q-alku-2', 'Q-alku-1']);
    g = ws.call('moveGuideQuestion', { id: second, to: 5, sectionId: loppu });
    expect(g.sections.map((s) => s.questions.map((q) => q.text))).toEqual([
      ['Q-loppu', 'Q-alku-2'],
      ['Q-alku-1'],
    ]);
    g = ws.call('updateGuideSection', { id: alku, patch: { title: 'Alkuun' } });
    g = ws.call('updateGuideQuestion', { id: second, patch: { help: 'Apu' } });
    expect(guideQuestions(g)[1]).toMatchObject({ text: 'Q-alku-2', help: 'Apu', scale: 'five' });
    g = ws.call('deleteGuideSection', { id: loppu });
    expect(g.sections.map((s) => s.title)).toEqual(['Alkuun']);
    expect(guideQuestions(g).map((q) => `${q.number} ${q.text}`)).toEqual(['1 Q-alku-1']);
  });

  test('bad input is refused with a clear error and changes nothing', () => {
    const before = JSON.stringify(ws.call('getGuide', { engagementId }));
    const section = guide.sections[0]!.id;
    const refused = (method: string, input: unknown, key: string) => {
      const result = ws.raw(method, input);
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.key).toBe(key);
    };
    refused('createGuideQuestion', { sectionId: section, text: 'x'.repeat(1001) }, 'validation');
    refused('createGuideQuestion', { sectionId: section, text: '   ' }, 'validation');
    refused(
      'createGuideQuestion',
      { sectionId: section, text: 'Toinen NPS', scale: 'nps', feeds: 'nps' },
      'guideFeedsTaken',
    );
    refused(
      'createGuideQuestion',
      { sectionId: section, text: 'NPS 1–5', scale: 'five', feeds: 'nps' },
      'guideFeedsScale',
    );
    refused('createGuideQuestion', { sectionId: crypto.randomUUID(), text: 'Orpo' }, 'notFound');
    refused('deleteGuideTemplate', { id: 'builtin:fi' }, 'guideTemplateBuiltin');
    refused(
      'setAnswer',
      { interviewId: id('I1'), questionId: question(1).id, value: 3 },
      'guideAnswerNotOnScale',
    );
    refused(
      'setAnswer',
      { interviewId: id('I1'), questionId: byFeeds('satisfaction').id, value: 0 },
      'guideAnswerNotOnScale',
    );
    refused('setAnswer', { interviewId: id('I1'), questionId: byFeeds('nps').id, value: 11 }, 'validation');
    // A guide at its limits takes no more, says the limit, and keeps what it had.
    const atLimit = (engagement: string, method: string, input: unknown, limit: string) => {
      const kept = JSON.stringify(ws.call('getGuide', { engagementId: engagement }));
      const result = ws.raw(method, input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.key).toBe('guideFull');
        expect(result.error.message).toContain(limit);
      }
      expect(JSON.stringify(ws.call('getGuide', { engagementId: engagement }))).toBe(kept);
    };
    const full = ws.call('createEngagement', { clientName: 'Y', title: 'Full', language: 'en' }).id;
    for (let i = 0; i < 5; i++)
      ws.call('applyGuideTemplate', { engagementId: full, templateId: 'builtin:en' });
    atLimit(full, 'applyGuideTemplate', { engagementId: full, templateId: 'builtin:en' }, '40 sections');
    const long = ws.call('createEngagement', { clientName: 'Y', title: 'Long', language: 'en' }).id;
    const only = ws.call('createGuideSection', { engagementId: long, title: 'All' }).sections[0]!.id;
    for (let i = 0; i < 200; i++) ws.call('createGuideQuestion', { sectionId: only, text: `Q${i}` });
    atLimit(long, 'createGuideQuestion', { sectionId: only, text: 'One too many' }, '200 questions');
    expect(JSON.stringify(ws.call('getGuide', { engagementId }))).toBe(before);
  });
});

describe('scale answers', () => {
  test('the NPS question writes the interview’s own NPS, which the analysis counts', () => {
    const nps = byFeeds('nps').id;
    for (const [name, value] of [
      ['I1', 9],
      ['I2', 10],
      ['I3', 3],
      ['I4', 0],
      ['I5', 10],
    ] as const)
      ws.call('setAnswer', { interviewId: id(name), questionId: nps, value });
    expect(ws.call('getInterview', { id: id('I1') }).nps).toBe(9);
    expect(ws.call('interviewAnswers', { interviewId: id('I3') })).toEqual({ [nps]: 3 });
    const portfolio = ws.call('portfolio', {}).engagements.find((e) => e.engagementId === engagementId)!;
    expect([portfolio.nps, portfolio.npsN]).toEqual([33, 3]);
    const answers = ws.call('questionAnswers', { questionId: nps });
    expect(answers.summary).toMatchObject({ n: 3, nps: 33, promoters: 2, passives: 0, detractors: 1 });
    expect([answers.sampleSize, answers.answered]).toEqual([3, 3]);
    // Every interview that answered is listed, marked; only the sample is summed up.
    expect(answers.rows.map((r) => [r.value, r.inSample, r.quotable])).toEqual(
      expect.arrayContaining([
        [9, true, true],
        [3, true, false],
        [0, false, false],
        [10, false, false],
      ]),
    );
  });

  test('filters by tier and role level sum up the filtered sample', () => {
    const nps = byFeeds('nps').id;
    expect(ws.call('questionAnswers', { questionId: nps, tier: 'key' }).summary).toMatchObject({
      n: 2,
      nps: 100,
    });
    const strategic = ws.call('questionAnswers', { questionId: nps, roleLevel: 'strategic' });
    expect(strategic.summary).toMatchObject({ n: 1, nps: 100 });
    expect(strategic.rows.map((r) => r.accountName).sort()).toEqual(['KA', 'UA']);
    expect(ws.call('questionAnswers', { questionId: nps, tier: 'unmanaged' }).summary).toMatchObject({
      n: 0,
      nps: null,
    });
  });

  test('a yes/no answer is a row of its own, cleared with null; a scale with answers cannot change', () => {
    const yesno = guideQuestions(guide).find((q) => q.scale === 'yesno')!.id;
    ws.call('setAnswer', { interviewId: id('I1'), questionId: yesno, value: 1 });
    ws.call('setAnswer', { interviewId: id('I2'), questionId: yesno, value: 0 });
    expect(ws.call('questionAnswers', { questionId: yesno }).summary).toMatchObject({ n: 2, mean: 0.5 });
    const refused = ws.raw('updateGuideQuestion', { id: yesno, patch: { scale: 'five' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.key).toBe('guideScaleHasAnswers');
    ws.call('setAnswer', { interviewId: id('I2'), questionId: yesno, value: null });
    expect(ws.call('questionAnswers', { questionId: yesno }).summary).toMatchObject({ n: 1, mean: 1 });
    expect(ws.call('interviewAnswers', { interviewId: id('I2') })[yesno]).toBeUndefined();
  });
});

describe('open answers follow the notes', () => {
  const open = () => question(1).id;
  const nameOf = (interviewId: string) => [...ids].find(([, v]) => v === interviewId)![0];
  const texts = (filter = {}) =>
    ws
      .call('questionAnswers', { questionId: open(), ...filter })
      .rows.map((r) => [nameOf(r.interviewId), r.paragraphs]);
  const ofI2 = () => texts().find(([name]) => name === 'I2')?.[1];

  test('paragraphs naming the question are its answer, in document order, with every interview marked', () => {
    notes(
      'I1',
      doc(para('Unrelated opening'), para('We met at a fair', open()), para('then it grew', open())),
    );
    notes('I3', doc(para('Via a tender', open())));
    notes('I4', doc(para('Declined answer', open())));
    const answers = ws.call('questionAnswers', { questionId: open() });
    expect(answers.summary).toBeNull();
    expect([answers.sampleSize, answers.answered]).toEqual([3, 2]);
    expect(answers.rows.map((r) => [r.accountName, r.paragraphs, r.inSample, r.quotable])).toEqual([
      ['KA', ['We met at a fair', 'then it grew'], true, true],
      ['KB', ['Via a tender'], true, false],
      ['UA', ['Declined answer'], false, false],
    ]);
    expect(texts({ tier: 'named' })).toEqual([['I3', ['Via a tender']]]);
  });

  test('split, joined, pasted, edited and undone: the answer is what the notes say after each', () => {
    // Enter splits a paragraph; both halves keep the attribute (keepOnSplit).
    notes('I2', doc(para('Good people', open()), para('but slow', open())));
    expect(ofI2()).toEqual(['Good people', 'but slow']);
    // Backspace joins them into the first paragraph, which keeps its attribute.
    notes('I2', doc(para('Good peoplebut slow', open())));
    expect(ofI2()).toEqual(['Good peoplebut slow']);
    // Text pasted into an unattributed paragraph is not an answer; pasted with its paragraph, it is.
    notes(
      'I2',
      doc(para('Good peoplebut slow', open()), para('Pasted aside'), para('Pasted answer', open())),
    );
    expect(ofI2()).toEqual(['Good peoplebut slow', 'Pasted answer']);
    // An edit changes the answer's text; an undo brings the previous document back, and its answer.
    notes('I2', doc(para('Good people, quick', open())));
    expect(ofI2()).toEqual(['Good people, quick']);
    notes(
      'I2',
      doc(para('Good peoplebut slow', open()), para('Pasted aside'), para('Pasted answer', open())),
    );
    expect(ofI2()).toEqual(['Good peoplebut slow', 'Pasted answer']);
    // An emptied paragraph is no answer.
    notes('I2', doc(para('', open())));
    expect(ofI2()).toBeUndefined();
    expect(
      ws.call('guideCoverage', { engagementId }).interviews.find((i) => i.interviewId === id('I2'))!.answered,
    ).not.toContain(open());
  });

  test('coverage counts per question the interviews in the sample that answered it, text or value', () => {
    const coverage = ws.call('guideCoverage', { engagementId });
    expect(coverage.sampleSize).toBe(3);
    const of = (qid: string) => coverage.questions.find((q) => q.questionId === qid)!;
    expect(of(open()).answered).toBe(2); // I1, I3 (I4 declined)
    expect(of(byFeeds('nps').id).answered).toBe(3);
    expect(of(byFeeds('nps').id).summary).toMatchObject({ n: 3, nps: 33 });
    const i1 = coverage.interviews.find((i) => i.interviewId === id('I1'))!;
    expect(i1.answered).toEqual(expect.arrayContaining([open(), byFeeds('nps').id]));
  });

  test('a deleted question takes its scale answers; its paragraphs keep their text, unattributed', () => {
    const scratch = ws.call('createGuideSection', { engagementId, title: 'Extra' }).sections.at(-1)!.id;
    const extra = guideQuestions(
      ws.call('createGuideQuestion', { sectionId: scratch, text: 'Extra?', scale: 'five' }),
    ).at(-1)!.id;
    ws.call('setAnswer', { interviewId: id('I1'), questionId: extra, value: 4 });
    notes('I3', doc(para('Via a tender', open()), para('Extra words', extra)));
    ws.call('deleteGuideQuestion', { id: extra });
    expect(ws.db.prepare('SELECT count(*) FROM answers WHERE question_id = ?').pluck().get(extra)).toBe(0);
    const stored = ws.call('getInterview', { id: id('I3') }).notes;
    expect(JSON.stringify(stored.doc)).toContain('Extra words');
    expect(
      ws.call('guideCoverage', { engagementId }).interviews.find((i) => i.interviewId === id('I3'))!.answered,
    ).toEqual([open(), byFeeds('nps').id]);
    ws.call('deleteGuideSection', { id: scratch });
  });
});

describe('templates and copies', () => {
  test('a guide saved as a template applies to another engagement; copying a guide names the originals', () => {
    const saved = ws.call('saveGuideTemplate', { engagementId, name: 'Our own' });
    expect(saved).toMatchObject({ name: 'Our own', language: 'en', builtin: false, questionCount: 15 });
    expect(ws.call('listGuideTemplates', {}).map((t) => t.name)).toContain('Our own');
    const other = ws.call('createEngagement', { clientName: 'Z', title: 'Other', language: 'en' }).id;
    const applied = ws.call('applyGuideTemplate', { engagementId: other, templateId: saved.id });
    expect(guideQuestions(applied).map((q) => [q.text, q.scale, q.feeds])).toEqual(
      guideQuestions(guide).map((q) => [q.text, q.scale, q.feeds]),
    );
    expect(guideQuestions(applied).every((q) => q.originId === null)).toBe(true);
    // Appending the same again keeps one NPS feeder: the second copy does not feed.
    const twice = ws.call('applyGuideTemplate', { engagementId: other, templateId: saved.id });
    expect(guideQuestions(twice).filter((q) => q.feeds === 'nps')).toHaveLength(1);

    const wave = ws.call('createEngagement', {
      clientName: 'Asiakas Oy',
      title: 'Wave 2',
      language: 'en',
    }).id;
    const copy = ws.call('copyGuide', { fromEngagementId: engagementId, toEngagementId: wave });
    expect(guideQuestions(copy).map((q) => q.originId)).toEqual(guideQuestions(guide).map((q) => q.id));
    expect(copy.sections.map((s) => s.originId)).toEqual(guide.sections.map((s) => s.id));
    expect(guideQuestions(copy).map((q) => q.feeds)).toEqual(guideQuestions(guide).map((q) => q.feeds));

    expect(ws.call('deleteGuideTemplate', { id: saved.id })).toEqual({ removed: 1 });
    expect(ws.call('listGuideTemplates', {}).map((t) => t.id)).not.toContain(saved.id);
  });
});
