import codebook from '../../resources/codebook/default-codebook.json' with { type: 'json' };
import type { Polarity } from '../../shared/domain.ts';
import { stableId } from './ids.ts';

interface CodebookFileEntry {
  key: string;
  name: { fi: string; en: string };
  description: { fi: string; en: string };
  color: string;
  hotkey?: number;
  /** Codes only; groups are neutral. */
  polarity?: Polarity;
}
interface CodebookFile {
  groups: (CodebookFileEntry & { codes: CodebookFileEntry[] })[];
}

export interface DefaultCodeRow {
  id: string;
  parentId: string | null;
  key: string;
  nameFi: string;
  nameEn: string;
  descriptionFi: string;
  descriptionEn: string;
  color: string;
  hotkey: number | null;
  isGroup: boolean;
  sortOrder: number;
  polarity: Polarity;
}

/** Default codes get name-based ids, so the same theme has the same id in every consultant's file. */
export const defaultCodeId = (key: string): string => stableId(`code:${key}`);

export function defaultCodebook(): DefaultCodeRow[] {
  const rows: DefaultCodeRow[] = [];
  const row = (entry: CodebookFileEntry, parentId: string | null, isGroup: boolean): DefaultCodeRow => ({
    id: defaultCodeId(entry.key),
    parentId,
    key: entry.key,
    nameFi: entry.name.fi,
    nameEn: entry.name.en,
    descriptionFi: entry.description.fi,
    descriptionEn: entry.description.en,
    color: entry.color,
    hotkey: entry.hotkey ?? null,
    isGroup,
    sortOrder: rows.length,
    polarity: entry.polarity ?? 'neutral',
  });
  for (const group of (codebook as CodebookFile).groups) {
    const groupRow = row(group, null, true);
    rows.push(groupRow);
    for (const code of group.codes) rows.push(row(code, groupRow.id, false));
  }
  return rows;
}
