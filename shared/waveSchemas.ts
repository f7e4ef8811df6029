import { z } from 'zod';
import { ENGAGEMENT_STATUSES, LANGUAGES } from './domain.ts';
import { Id } from './schemas.ts';

/** Input schemas of the wave methods (shared/waves.ts); kept apart so the types file needs no zod. */

const isoDate = z.iso.date({ error: 'dateFormat' });

/** A next wave's own fields; what is left out comes from the earlier engagement (language, industry, purpose). */
export const WaveFieldsSchema = z
  .object({
    title: z.string().trim().min(1, { error: 'empty' }).max(200),
    language: z.enum(LANGUAGES).optional(),
    industry: z.string().max(200).optional(),
    purpose: z.string().max(20_000).optional(),
    periodStart: isoDate.nullable().default(null),
    periodEnd: isoDate.nullable().default(null),
    status: z.enum(ENGAGEMENT_STATUSES).default('planned'),
  })
  .strict();
export type WaveFields = z.output<typeof WaveFieldsSchema>;

export const CreateWave = WaveFieldsSchema.extend({ fromEngagementId: Id }).strict();

/** `previousEngagementId: null` unlinks. */
export const LinkWave = z.object({ engagementId: Id, previousEngagementId: Id.nullable() }).strict();

export const ByEngagement = z.object({ engagementId: Id }).strict();
