import type { DocNode, RoleLevel, Tier } from '../../shared/domain.ts';
import {
  type AnswerFilter,
  type AnswerRow,
  type GuideCoverage,
  guideQuestions,
  openAnswersOf,
  type QuestionAnswers,
} from '../../shared/guide.ts';
import { isScaleValue, type ScaleSummary, summariseScale } from '../../shared/scales.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { inSample, quotable, statement } from './analysis/common.ts';
import type { ServiceContext } from './context.ts';
import { getGuide, questionRow } from './guide.ts';

/**
 * Answers to the guide's questions: scale values (rows of `answers`, or the interview's NPS or
 * satisfaction for a question that feeds it) and open answers (the notes paragraphs naming the
 * question). Figures count the one sample only; the rows show every interview, marked.
 */

interface InterviewRow {
  id: string;
  engagementId: string;
  nps: number | null;
  satisfaction: number | null;
}

function interviewRow(ctx: ServiceContext, id: string): InterviewRow {
  const row = ctx.db
    .prepare('SELECT id, engagement_id AS engagementId, nps, satisfaction FROM interviews WHERE id = ?')
    .get(id) as InterviewRow | undefined;
  if (!row) throw notFound('interview');
  return row;
}

/** Sets (or with `null` clears) one interview's answer to one scale question. */
export function setAnswer(
  ctx: ServiceContext,
  interviewId: string,
  questionId: string,
  value: number | null,
): { value: number | null } {
  const interview = interviewRow(ctx, interviewId);
  const question = questionRow(ctx, questionId);
  if (question.engagementId !== interview.engagementId)
    throw new KuuloError('guideQuestionOfOtherEngagement');
  if (question.scale === 'open' || (value !== null && !isScaleValue(question.scale, value)))
    throw new KuuloError('guideAnswerNotOnScale', { value: value ?? 0, scale: question.scale });
  const now = ctx.now();
  ctx.db.transaction(() => {
    if (question.feeds)
      ctx.db
        .prepare(`UPDATE interviews SET ${question.feeds} = ?, updated_at = ? WHERE id = ?`)
        .run(value, now, interviewId);
    else if (value === null)
      ctx.db
        .prepare('DELETE FROM answers WHERE interview_id = ? AND question_id = ?')
        .run(interviewId, questionId);
    else
      ctx.db
        .prepare(
          `INSERT INTO answers (interview_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (interview_id, question_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(interviewId, questionId, value, now);
  })();
  return { value };
}

/** One interview's scale answers by question id, feeding questions included. */
export function interviewAnswers(ctx: ServiceContext, interviewId: string): Record<string, number> {
  const interview = interviewRow(ctx, interviewId);
  const values: Record<string, number> = {};
  const rows = ctx.db
    .prepare('SELECT question_id AS questionId, value FROM answers WHERE interview_id = ?')
    .all(interviewId) as { questionId: string; value: number }[];
  for (const row of rows) values[row.questionId] = row.value;
  const feeding = ctx.db
    .prepare('SELECT id, feeds FROM guide_questions WHERE engagement_id = ? AND feeds IS NOT NULL')
    .all(interview.engagementId) as { id: string; feeds: 'nps' | 'satisfaction' }[];
  for (const q of feeding) {
    const value = interview[q.feeds];
    if (value !== null) values[q.id] = value;
  }
  return values;
}

interface EngagementInterview {
  id: string;
  accountId: string;
  accountName: string;
  tier: Tier;
  date: string | null;
  nps: number | null;
  satisfaction: number | null;
  inSample: 0 | 1;
  quotable: 0 | 1;
  roleLevels: string;
  doc: string | null;
}

/**
 * The engagement's interviews matching the filter, with their notes when `withDoc` says which (a
 * document is read only when it can hold the question's id: most of a big engagement's are not).
 */
function engagementInterviews(
  ctx: ServiceContext,
  engagementId: string,
  filter: AnswerFilter,
  docNeedle: string | null,
): EngagementInterview[] {
  return statement(
    ctx.db,
    `SELECT i.id, i.account_id AS accountId, a.name AS accountName, a.tier, i.date, i.nps, i.satisfaction,
       ${inSample('i')} AS inSample, ${quotable('i')} AS quotable,
       (SELECT json_group_array(DISTINCT p.role_level) FROM interview_interviewees ii
          JOIN interviewees p ON p.id = ii.interviewee_id WHERE ii.interview_id = i.id) AS roleLevels,
       CASE WHEN @needle IS NULL OR instr(n.doc, @needle) > 0 THEN n.doc END AS doc
     FROM interviews i JOIN accounts a ON a.id = i.account_id JOIN notes n ON n.interview_id = i.id
     WHERE i.engagement_id = @engagementId
       AND (@tier IS NULL OR a.tier = @tier)
       AND (@roleLevel IS NULL OR EXISTS (SELECT 1 FROM interview_interviewees ii JOIN interviewees p
         ON p.id = ii.interviewee_id WHERE ii.interview_id = i.id AND p.role_level = @roleLevel))
     ORDER BY i.date IS NULL, i.date, a.name COLLATE NOCASE, i.id`,
  ).all({
    engagementId,
    tier: filter.tier ?? null,
    roleLevel: filter.roleLevel ?? null,
    needle: docNeedle,
  }) as EngagementInterview[];
}

const roleLevelsOf = (json: string): RoleLevel[] =>
  (JSON.parse(json) as (RoleLevel | null)[]).filter((r): r is RoleLevel => r !== null).sort();

/** Every interview's answer to one question side by side, and the scale summed up over the sample. */
export function questionAnswers(
  ctx: ServiceContext,
  questionId: string,
  filter: AnswerFilter = {},
): QuestionAnswers {
  const row = questionRow(ctx, questionId);
  const guide = getGuide(ctx, row.engagementId);
  const question = guideQuestions(guide).find((q) => q.id === questionId);
  if (!question) throw notFound('guideQuestion');
  const values = new Map(
    (
      ctx.db
        .prepare('SELECT interview_id AS id, value FROM answers WHERE question_id = ?')
        .all(questionId) as {
        id: string;
        value: number;
      }[]
    ).map((a) => [a.id, a.value]),
  );
  const known = new Set([questionId]);
  const rows: AnswerRow[] = [];
  let sampleSize = 0;
  let answered = 0;
  const sampleValues: number[] = [];
  for (const i of engagementInterviews(ctx, row.engagementId, filter, questionId)) {
    const value = question.feeds ? i[question.feeds] : (values.get(i.id) ?? null);
    const paragraphs = i.doc
      ? (openAnswersOf(JSON.parse(i.doc) as DocNode, known).get(questionId) ?? [])
      : [];
    if (i.inSample) sampleSize++;
    if (value === null && paragraphs.length === 0) continue;
    if (i.inSample) {
      answered++;
      if (value !== null) sampleValues.push(value);
    }
    rows.push({
      interviewId: i.id,
      accountId: i.accountId,
      accountName: i.accountName,
      tier: i.tier,
      roleLevels: roleLevelsOf(i.roleLevels),
      date: i.date,
      inSample: i.inSample === 1,
      quotable: i.quotable === 1,
      paragraphs,
      value,
    });
  }
  const summary = question.scale === 'open' ? null : summariseScale(question.scale, sampleValues);
  return { question, rows, summary, sampleSize, answered };
}

/**
 * Which questions each interview answered, and per question how many interviews in the sample did
 * (with its scale summed up). One pass over the engagement's notes.
 */
export function guideCoverage(ctx: ServiceContext, engagementId: string): GuideCoverage {
  const questions = guideQuestions(getGuide(ctx, engagementId));
  const known = new Set(questions.map((q) => q.id));
  const values = ctx.db
    .prepare(
      `SELECT a.interview_id AS interviewId, a.question_id AS questionId, a.value FROM answers a
       JOIN guide_questions q ON q.id = a.question_id WHERE q.engagement_id = ?`,
    )
    .all(engagementId) as { interviewId: string; questionId: string; value: number }[];
  const byInterview = new Map<string, Map<string, number>>();
  for (const v of values) {
    const map = byInterview.get(v.interviewId) ?? new Map<string, number>();
    map.set(v.questionId, v.value);
    byInterview.set(v.interviewId, map);
  }
  const interviews = questions.length ? engagementInterviews(ctx, engagementId, {}, null) : [];
  const counts = new Map<string, number>();
  const scaleValues = new Map<string, number[]>();
  const coverage: GuideCoverage['interviews'] = [];
  let sampleSize = 0;
  for (const i of interviews) {
    const open = i.doc ? openAnswersOf(JSON.parse(i.doc) as DocNode, known) : new Map<string, string[]>();
    const own = byInterview.get(i.id);
    const answered: string[] = [];
    for (const q of questions) {
      const value = q.feeds ? i[q.feeds] : (own?.get(q.id) ?? null);
      if (value === null && !open.has(q.id)) continue;
      answered.push(q.id);
      if (!i.inSample) continue;
      counts.set(q.id, (counts.get(q.id) ?? 0) + 1);
      if (value !== null) scaleValues.set(q.id, [...(scaleValues.get(q.id) ?? []), value]);
    }
    if (i.inSample) sampleSize++;
    coverage.push({ interviewId: i.id, accountName: i.accountName, answered });
  }
  return {
    sampleSize,
    questions: questions.map((q) => ({
      questionId: q.id,
      number: q.number,
      answered: counts.get(q.id) ?? 0,
      summary:
        q.scale === 'open' ? null : (summariseScale(q.scale, scaleValues.get(q.id) ?? []) as ScaleSummary),
    })),
    interviews: coverage,
  };
}
