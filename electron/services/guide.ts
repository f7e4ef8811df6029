import type { z } from 'zod';
import enTemplate from '../../resources/guide/default-guide-en.json' with { type: 'json' };
import fiTemplate from '../../resources/guide/default-guide-fi.json' with { type: 'json' };
import type { Language } from '../../shared/domain.ts';
import {
  GUIDE_LIMITS,
  type Guide,
  type GuideSection,
  type GuideTemplate,
  type TemplateBody,
} from '../../shared/guide.ts';
import type { QuestionFields, SectionFields } from '../../shared/guideSchemas.ts';
import { FEEDS_SCALE, type Feeds, type Scale } from '../../shared/scales.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';

/**
 * The interview guide of an engagement: sections of questions in order, the templates a guide is
 * started from, and scale answers. Open answers are not stored here: they are the notes paragraphs
 * that name a question (see shared/guide.ts `openAnswersOf`), so the notes stay their one source.
 */

type QuestionInput = z.output<typeof QuestionFields>;
type SectionInput = z.output<typeof SectionFields>;

interface QuestionRow {
  id: string;
  sectionId: string;
  engagementId: string;
  text: string;
  help: string;
  scale: Scale;
  feeds: Feeds | null;
  sortOrder: number;
  originId: string | null;
}

const QUESTION = `SELECT id, section_id AS sectionId, engagement_id AS engagementId, text, help, scale, feeds,
  sort_order AS sortOrder, origin_id AS originId FROM guide_questions`;

export function getGuide(ctx: ServiceContext, engagementId: string): Guide {
  getEngagement(ctx, engagementId);
  const sections = ctx.db
    .prepare(
      `SELECT id, title, origin_id AS originId FROM guide_sections WHERE engagement_id = ? ORDER BY sort_order`,
    )
    .all(engagementId) as Omit<GuideSection, 'questions'>[];
  const questions = ctx.db
    .prepare(`${QUESTION} WHERE engagement_id = ? ORDER BY sort_order`)
    .all(engagementId) as QuestionRow[];
  let number = 0;
  return {
    engagementId,
    sections: sections.map((section) => ({
      ...section,
      questions: questions
        .filter((q) => q.sectionId === section.id)
        .map(({ engagementId: _, sortOrder: __, ...q }) => ({ ...q, number: ++number })),
    })),
  };
}

function sectionRow(
  ctx: ServiceContext,
  id: string,
): { id: string; engagementId: string; sortOrder: number } {
  const row = ctx.db
    .prepare(
      'SELECT id, engagement_id AS engagementId, sort_order AS sortOrder FROM guide_sections WHERE id = ?',
    )
    .get(id) as { id: string; engagementId: string; sortOrder: number } | undefined;
  if (!row) throw notFound('guideSection');
  return row;
}

export function questionRow(ctx: ServiceContext, id: string): QuestionRow {
  const row = ctx.db.prepare(`${QUESTION} WHERE id = ?`).get(id) as QuestionRow | undefined;
  if (!row) throw notFound('guideQuestion');
  return row;
}

function count(
  ctx: ServiceContext,
  table: 'guide_sections' | 'guide_questions',
  engagementId: string,
): number {
  return ctx.db
    .prepare(`SELECT count(*) FROM ${table} WHERE engagement_id = ?`)
    .pluck()
    .get(engagementId) as number;
}

function checkRoom(ctx: ServiceContext, engagementId: string, sections: number, questions: number): void {
  if (count(ctx, 'guide_sections', engagementId) + sections > GUIDE_LIMITS.sections)
    throw new KuuloError('guideFull', { what: 'sections', limit: GUIDE_LIMITS.sections });
  if (count(ctx, 'guide_questions', engagementId) + questions > GUIDE_LIMITS.questions)
    throw new KuuloError('guideFull', { what: 'questions', limit: GUIDE_LIMITS.questions });
}

/** A question feeding an interview field has that field's scale, and is the only one feeding it. */
function checkFeeds(
  ctx: ServiceContext,
  engagementId: string,
  q: QuestionInput,
  exceptId: string | null,
): void {
  if (!q.feeds) return;
  if (q.scale !== FEEDS_SCALE[q.feeds]) throw new KuuloError('guideFeedsScale', { feeds: q.feeds });
  const other = ctx.db
    .prepare('SELECT 1 FROM guide_questions WHERE engagement_id = ? AND feeds = ? AND id IS NOT ?')
    .get(engagementId, q.feeds, exceptId);
  if (other) throw new KuuloError('guideFeedsTaken', { feeds: q.feeds });
}

/** Renumbers siblings 0..n-1 with `id` placed at `to` (clamped). */
function place(
  ctx: ServiceContext,
  table: 'guide_sections' | 'guide_questions',
  siblings: string[],
  id: string,
  to: number,
): void {
  const rest = siblings.filter((s) => s !== id);
  rest.splice(Math.max(0, Math.min(to, rest.length)), 0, id);
  const update = ctx.db.prepare(`UPDATE ${table} SET sort_order = ? WHERE id = ?`);
  rest.forEach((sibling, index) => {
    update.run(index, sibling);
  });
}

const sectionIds = (ctx: ServiceContext, engagementId: string): string[] =>
  ctx.db
    .prepare('SELECT id FROM guide_sections WHERE engagement_id = ? ORDER BY sort_order')
    .pluck()
    .all(engagementId) as string[];

/** Renumbers the engagement's questions in guide order, so `sort_order` alone orders the whole guide. */
function renumberQuestions(ctx: ServiceContext, engagementId: string): void {
  const ids = ctx.db
    .prepare(
      `SELECT q.id FROM guide_questions q JOIN guide_sections s ON s.id = q.section_id
       WHERE q.engagement_id = ? ORDER BY s.sort_order, q.sort_order`,
    )
    .pluck()
    .all(engagementId) as string[];
  const update = ctx.db.prepare('UPDATE guide_questions SET sort_order = ? WHERE id = ?');
  ids.forEach((id, index) => {
    update.run(index, id);
  });
}

function insertSection(
  ctx: ServiceContext,
  engagementId: string,
  title: string,
  originId: string | null,
): string {
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db
    .prepare(
      `INSERT INTO guide_sections (id, engagement_id, title, sort_order, origin_id, created_at, updated_at)
       VALUES (?, ?, ?, (SELECT count(*) FROM guide_sections WHERE engagement_id = ?), ?, ?, ?)`,
    )
    .run(id, engagementId, title, engagementId, originId, now, now);
  return id;
}

function insertQuestion(
  ctx: ServiceContext,
  engagementId: string,
  sectionId: string,
  q: QuestionInput,
  originId: string | null,
): string {
  const id = ctx.newId();
  const now = ctx.now();
  // Appended at the end of the whole guide; renumberQuestions puts it in its section's place.
  ctx.db
    .prepare(
      `INSERT INTO guide_questions (id, section_id, engagement_id, text, help, scale, feeds, sort_order, origin_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT count(*) FROM guide_questions WHERE engagement_id = ?), ?, ?, ?)`,
    )
    .run(id, sectionId, engagementId, q.text, q.help, q.scale, q.feeds, engagementId, originId, now, now);
  return id;
}

export function createSection(ctx: ServiceContext, engagementId: string, fields: SectionInput): Guide {
  getEngagement(ctx, engagementId);
  ctx.db.transaction(() => {
    checkRoom(ctx, engagementId, 1, 0);
    insertSection(ctx, engagementId, fields.title, null);
  })();
  return getGuide(ctx, engagementId);
}

export function getGuideOfSection(ctx: ServiceContext, id: string): Guide {
  return getGuide(ctx, sectionRow(ctx, id).engagementId);
}

export function updateSection(ctx: ServiceContext, id: string, fields: SectionInput): Guide {
  const section = sectionRow(ctx, id);
  ctx.db
    .prepare('UPDATE guide_sections SET title = ?, updated_at = ? WHERE id = ?')
    .run(fields.title, ctx.now(), id);
  return getGuide(ctx, section.engagementId);
}

/** Its questions and their scale answers go with it; paragraphs that answered them read as unattributed. */
export function deleteSection(ctx: ServiceContext, id: string): Guide {
  const section = sectionRow(ctx, id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM guide_sections WHERE id = ?').run(id);
    const update = ctx.db.prepare('UPDATE guide_sections SET sort_order = ? WHERE id = ?');
    sectionIds(ctx, section.engagementId).forEach((sibling, index) => {
      update.run(index, sibling);
    });
    renumberQuestions(ctx, section.engagementId);
  })();
  return getGuide(ctx, section.engagementId);
}

export function moveSection(ctx: ServiceContext, id: string, to: number): Guide {
  const section = sectionRow(ctx, id);
  ctx.db.transaction(() => {
    place(ctx, 'guide_sections', sectionIds(ctx, section.engagementId), id, to);
    renumberQuestions(ctx, section.engagementId);
  })();
  return getGuide(ctx, section.engagementId);
}

export function createQuestion(ctx: ServiceContext, sectionId: string, fields: QuestionInput): Guide {
  const section = sectionRow(ctx, sectionId);
  ctx.db.transaction(() => {
    checkRoom(ctx, section.engagementId, 0, 1);
    checkFeeds(ctx, section.engagementId, fields, null);
    insertQuestion(ctx, section.engagementId, sectionId, fields, null);
    renumberQuestions(ctx, section.engagementId);
  })();
  return getGuide(ctx, section.engagementId);
}

const answerCount = (ctx: ServiceContext, question: QuestionRow): number =>
  question.feeds
    ? (ctx.db
        .prepare(`SELECT count(*) FROM interviews WHERE engagement_id = ? AND ${question.feeds} IS NOT NULL`)
        .pluck()
        .get(question.engagementId) as number)
    : (ctx.db
        .prepare('SELECT count(*) FROM answers WHERE question_id = ?')
        .pluck()
        .get(question.id) as number);

/**
 * A scale cannot change under given answers (they would not be on it); the consultant clears them or
 * adds a new question. A question that starts or stops feeding an interview field takes its answers
 * along: they live in the `answers` rows or in the interview column, never in both.
 */
export function updateQuestion(ctx: ServiceContext, id: string, patch: Partial<QuestionInput>): Guide {
  const question = questionRow(ctx, id);
  const next: QuestionInput = {
    text: patch.text ?? question.text,
    help: patch.help ?? question.help,
    scale: patch.scale ?? question.scale,
    feeds: patch.feeds === undefined ? question.feeds : patch.feeds,
  };
  ctx.db.transaction(() => {
    if (next.scale !== question.scale) {
      const answered = answerCount(ctx, question);
      if (answered > 0) throw new KuuloError('guideScaleHasAnswers', { count: answered });
    }
    checkFeeds(ctx, question.engagementId, next, id);
    if (next.feeds !== question.feeds) moveAnswers(ctx, question, next.feeds);
    ctx.db
      .prepare(
        'UPDATE guide_questions SET text = ?, help = ?, scale = ?, feeds = ?, updated_at = ? WHERE id = ?',
      )
      .run(next.text, next.help, next.scale, next.feeds, ctx.now(), id);
  })();
  return getGuide(ctx, question.engagementId);
}

function moveAnswers(ctx: ServiceContext, question: QuestionRow, feeds: Feeds | null): void {
  const now = ctx.now();
  if (question.feeds) {
    // Stops feeding: the interview column keeps its value (it is the interview's own) and the
    // question gets its own copy.
    ctx.db
      .prepare(
        `INSERT OR REPLACE INTO answers (interview_id, question_id, value, updated_at)
         SELECT id, ?, ${question.feeds}, ? FROM interviews WHERE engagement_id = ? AND ${question.feeds} IS NOT NULL`,
      )
      .run(question.id, now, question.engagementId);
  }
  if (feeds) {
    // Starts feeding: an answer fills the interview field where it is empty, and leaves the rows.
    ctx.db
      .prepare(
        `UPDATE interviews SET ${feeds} = (SELECT value FROM answers a WHERE a.interview_id = interviews.id AND a.question_id = ?),
           updated_at = ?
         WHERE engagement_id = ? AND ${feeds} IS NULL
           AND id IN (SELECT interview_id FROM answers WHERE question_id = ?)`,
      )
      .run(question.id, now, question.engagementId, question.id);
    ctx.db.prepare('DELETE FROM answers WHERE question_id = ?').run(question.id);
  }
}

/** Its scale answers go (cascade); paragraphs that answered it keep their text and read as unattributed. */
export function deleteQuestion(ctx: ServiceContext, id: string): Guide {
  const question = questionRow(ctx, id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM guide_questions WHERE id = ?').run(id);
    renumberQuestions(ctx, question.engagementId);
  })();
  return getGuide(ctx, question.engagementId);
}

/** Moves a question to place `to` of its section, or of another section of the same guide. */
export function moveQuestion(ctx: ServiceContext, id: string, to: number, sectionId?: string): Guide {
  const question = questionRow(ctx, id);
  ctx.db.transaction(() => {
    const target = sectionId ?? question.sectionId;
    if (target !== question.sectionId) {
      const section = sectionRow(ctx, target);
      if (section.engagementId !== question.engagementId)
        throw new KuuloError('guideQuestionOfOtherEngagement');
      ctx.db.prepare('UPDATE guide_questions SET section_id = ? WHERE id = ?').run(target, id);
    }
    const ids = ctx.db
      .prepare(`SELECT id FROM guide_questions WHERE section_id = ? ORDER BY (id = ?), sort_order`)
      .pluck()
      .all(target, id) as string[];
    place(ctx, 'guide_questions', ids, id, to);
    renumberQuestions(ctx, question.engagementId);
  })();
  return getGuide(ctx, question.engagementId);
}

// Templates ---------------------------------------------------------------------------------------

interface TemplateFile extends TemplateBody {
  name: string;
  language: Language;
}

const BUILTIN: Record<'builtin:fi' | 'builtin:en', TemplateFile> = {
  'builtin:fi': fiTemplate as TemplateFile,
  'builtin:en': enTemplate as TemplateFile,
};

const questionTotal = (body: TemplateBody): number =>
  body.sections.reduce((sum, s) => sum + s.questions.length, 0);

/** The two built-in templates, then the consultant's own by name. */
export function listTemplates(ctx: ServiceContext): GuideTemplate[] {
  const own = ctx.db
    .prepare('SELECT id, name, language, body FROM guide_templates ORDER BY name COLLATE NOCASE, id')
    .all() as { id: string; name: string; language: Language; body: string }[];
  return [
    ...Object.entries(BUILTIN).map(([id, t]) => ({
      id,
      name: t.name,
      language: t.language,
      builtin: true,
      questionCount: questionTotal(t),
    })),
    ...own.map(({ body, ...t }) => ({
      ...t,
      builtin: false,
      questionCount: questionTotal(JSON.parse(body) as TemplateBody),
    })),
  ];
}

export function templateBody(ctx: ServiceContext, id: string): TemplateBody {
  if (id in BUILTIN) return BUILTIN[id as keyof typeof BUILTIN];
  const body = ctx.db.prepare('SELECT body FROM guide_templates WHERE id = ?').pluck().get(id) as
    | string
    | undefined;
  if (body === undefined) throw notFound('guideTemplate');
  return JSON.parse(body) as TemplateBody;
}

/** Saves the engagement's guide as a template of the consultant's own, in the engagement's language. */
export function saveTemplate(ctx: ServiceContext, engagementId: string, name: string): GuideTemplate {
  const engagement = getEngagement(ctx, engagementId);
  const guide = getGuide(ctx, engagementId);
  const body: TemplateBody = {
    sections: guide.sections.map((s) => ({
      title: s.title,
      questions: s.questions.map((q) => ({ text: q.text, help: q.help, scale: q.scale, feeds: q.feeds })),
    })),
  };
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db.transaction(() => {
    const own = ctx.db.prepare('SELECT count(*) FROM guide_templates').pluck().get() as number;
    if (own >= GUIDE_LIMITS.templates)
      throw new KuuloError('guideFull', { what: 'templates', limit: GUIDE_LIMITS.templates });
    ctx.db
      .prepare(
        'INSERT INTO guide_templates (id, name, language, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, name, engagement.language, JSON.stringify(body), now, now);
  })();
  return { id, name, language: engagement.language, builtin: false, questionCount: questionTotal(body) };
}

export function deleteTemplate(ctx: ServiceContext, id: string): { removed: number } {
  if (id in BUILTIN) throw new KuuloError('guideTemplateBuiltin');
  const removed = ctx.db.prepare('DELETE FROM guide_templates WHERE id = ?').run(id).changes;
  if (!removed) throw notFound('guideTemplate');
  return { removed };
}

interface Source {
  sections: {
    title: string;
    originId: string | null;
    questions: (QuestionInput & { originId: string | null })[];
  }[];
}

/**
 * Appends sections and questions after the guide's own (an empty guide simply gets them). A question
 * that would feed a field another question already feeds is added without feeding it.
 */
function append(ctx: ServiceContext, engagementId: string, source: Source): Guide {
  ctx.db.transaction(() => {
    checkRoom(
      ctx,
      engagementId,
      source.sections.length,
      source.sections.reduce((sum, s) => sum + s.questions.length, 0),
    );
    for (const section of source.sections) {
      const sectionId = insertSection(ctx, engagementId, section.title, section.originId);
      for (const { originId, ...q } of section.questions) {
        const fed = q.feeds
          ? ctx.db
              .prepare('SELECT 1 FROM guide_questions WHERE engagement_id = ? AND feeds = ?')
              .get(engagementId, q.feeds)
          : true;
        const feeds = fed || !q.feeds || q.scale !== FEEDS_SCALE[q.feeds] ? null : q.feeds;
        insertQuestion(ctx, engagementId, sectionId, { ...q, feeds }, originId);
      }
    }
    renumberQuestions(ctx, engagementId);
  })();
  return getGuide(ctx, engagementId);
}

export function applyTemplate(ctx: ServiceContext, engagementId: string, templateId: string): Guide {
  getEngagement(ctx, engagementId);
  const body = templateBody(ctx, templateId);
  return append(ctx, engagementId, {
    sections: body.sections.map((s) => ({
      title: s.title,
      originId: null,
      questions: s.questions.map((q) => ({
        text: q.text,
        help: q.help ?? '',
        scale: q.scale,
        feeds: q.feeds ?? null,
        originId: null,
      })),
    })),
  });
}

/**
 * Appends the guide of another engagement; each copy names its source as its origin, so a later wave's
 * questions match the earlier wave's (services/waves.ts compares by origin).
 */
export function copyGuide(ctx: ServiceContext, fromEngagementId: string, toEngagementId: string): Guide {
  getEngagement(ctx, toEngagementId);
  const from = getGuide(ctx, fromEngagementId);
  return append(ctx, toEngagementId, {
    sections: from.sections.map((s) => ({
      title: s.title,
      originId: s.id,
      questions: s.questions.map((q) => ({
        text: q.text,
        help: q.help,
        scale: q.scale,
        feeds: q.feeds,
        originId: q.id,
      })),
    })),
  });
}

/** The ids of the engagement's questions, to tell an attribution to a deleted one from a live one. */
export function questionIdSet(ctx: ServiceContext, engagementId: string): Set<string> {
  return new Set(
    ctx.db
      .prepare('SELECT id FROM guide_questions WHERE engagement_id = ?')
      .pluck()
      .all(engagementId) as string[],
  );
}
