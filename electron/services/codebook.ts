import type { CodebookEntry } from '../../shared/domain.ts';
import type { ServiceContext } from './context.ts';

interface CodeRow extends Omit<CodebookEntry, 'name' | 'description' | 'isGroup' | 'retired'> {
  nameFi: string;
  nameEn: string;
  descriptionFi: string;
  descriptionEn: string;
  isGroup: number;
  retired: number;
}

/** The shared codebook plus, when asked, one engagement's own codes, with how often each is used. */
export function getCodebook({ db }: ServiceContext, engagementId?: string): CodebookEntry[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.parent_id AS parentId, c.engagement_id AS engagementId, c.key, c.name_fi AS nameFi,
         c.name_en AS nameEn, c.description_fi AS descriptionFi, c.description_en AS descriptionEn, c.color,
         c.hotkey, c.is_group AS isGroup, c.retired, c.sort_order AS sortOrder,
         (SELECT count(*) FROM codings k WHERE k.code_id = c.id
            AND (@engagementId IS NULL OR k.interview_id IN (SELECT id FROM interviews WHERE engagement_id = @engagementId))
         ) AS usage
       FROM codes c
       WHERE c.engagement_id IS NULL OR c.engagement_id = @engagementId
       ORDER BY c.sort_order, c.name_en`,
    )
    .all({ engagementId: engagementId ?? null }) as CodeRow[];
  return rows.map(({ nameFi, nameEn, descriptionFi, descriptionEn, isGroup, retired, ...row }) => ({
    ...row,
    name: { fi: nameFi, en: nameEn },
    description: { fi: descriptionFi, en: descriptionEn },
    isGroup: isGroup === 1,
    retired: retired === 1,
  }));
}
