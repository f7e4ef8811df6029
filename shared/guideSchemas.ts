import { z } from 'zod';
import { ROLE_LEVELS, TIERS } from './domain.ts';
import { GUIDE_LIMITS } from './guide.ts';
import { FEEDS, SCALES } from './scales.ts';
import { Id } from './schemas.ts';

/** Input schemas of the guide's contract methods (shared/contract.ts). */

const says = { error: 'empty' as const };
const guideText = z.string().trim().min(1, says).max(GUIDE_LIMITS.text);

export const SectionFields = z.object({ title: guideText }).strict();

export const QuestionFields = z
  .object({
    text: guideText,
    help: z.string().trim().max(GUIDE_LIMITS.text).default(''),
    scale: z.enum(SCALES).default('open'),
    feeds: z.enum(FEEDS).nullable().default(null),
  })
  .strict();

/** Where to move a section or question: its new 0-based place among its siblings. */
export const GuideMove = z
  .object({ id: Id, to: z.number().int().min(0).max(GUIDE_LIMITS.questions) })
  .strict();

export const TemplateId = z.union([Id, z.enum(['builtin:fi', 'builtin:en'])]);

export const SaveTemplate = z
  .object({ engagementId: Id, name: z.string().trim().min(1, says).max(200) })
  .strict();

export const SetAnswer = z
  .object({ interviewId: Id, questionId: Id, value: z.number().int().min(0).max(10).nullable() })
  .strict();

export const AnswersQuery = z
  .object({
    questionId: Id,
    tier: z.enum(TIERS).nullable().default(null),
    roleLevel: z.enum(ROLE_LEVELS).nullable().default(null),
  })
  .strict();
