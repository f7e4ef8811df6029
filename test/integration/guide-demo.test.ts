import { afterAll, beforeAll, expect, test } from 'vitest';
import { guideQuestions } from '../../shared/guide.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
const byTitle = (title: string) => ws.call('listEngagements', {}).find((e) => e.title === title)!.id;
beforeAll(() => {
  ws = openTestWorkspace();
  ws.call('createDemo', {});
});
afterAll(() => ws.close());

test('the demo: both Huoltovoima waves have the Finnish guide, the later one matched to the earlier by origin', () => {
  const first = ws.call('getGuide', { engagementId: byTitle('Asiakaskuuntelu 2024') });
  const second = ws.call('getGuide', { engagementId: byTitle('Asiakaskuuntelu 2025') });
  expect(guideQuestions(first)).toHaveLength(15);
  expect(guideQuestions(second).map((q) => q.originId)).toEqual(guideQuestions(first).map((q) => q.id));
  expect(guideQuestions(second).map((q) => q.text)).toEqual(guideQuestions(first).map((q) => q.text));
});

test('the demo’s notes answer the guide: paragraphs attributed, NPS and satisfaction from the interviews', () => {
  for (const title of ['Asiakaskuuntelu 2024', 'Asiakaskuuntelu 2025', 'Customer listening study 2026']) {
    const engagementId = byTitle(title);
    const coverage = ws.call('guideCoverage', { engagementId });
    const questions = guideQuestions(ws.call('getGuide', { engagementId }));
    const answered = (n: number) => coverage.questions.find((q) => q.number === n)!.answered;
    // The relationship's history (under "Tausta"/"Background") is in many interviews' notes; the
    // notes' opening paragraph (who was interviewed, and how) is context, never an answer.
    expect(answered(1), title).toBeGreaterThanOrEqual(1);
    for (const { id } of ws.call('listInterviews', { engagementId })) {
      const first = ws.call('getInterview', { id }).notes.doc.content?.find((b) => b.type === 'paragraph');
      expect(first?.attrs?.question ?? null, title).toBeNull();
    }
    const nps = questions.find((q) => q.feeds === 'nps')!;
    const stats = ws.call('engagementStats', { engagementId });
    const all = stats.scores.find((s) => s.group === 'all')!;
    expect(coverage.questions.find((q) => q.questionId === nps.id)!.summary).toMatchObject({
      n: all.n,
      nps: all.nps,
    });
    const yesno = questions.find((q) => q.scale === 'yesno')!;
    expect(coverage.questions.find((q) => q.questionId === yesno.id)!.summary!.n).toBeGreaterThan(0);
  }
});
