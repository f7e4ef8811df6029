import type { CodebookEntry, Language } from '../../../shared/domain.ts';
import type { CodingMeta } from '../store/codings.ts';

/**
 * The names of the codes behind coding ids, each once, in the order given: what a screen reader is
 * told a passage is coded as. Ids not (yet) known are left out rather than read as a bare id.
 */
export function codeNames(
  ids: readonly string[],
  codings: Record<string, CodingMeta>,
  codebook: readonly CodebookEntry[],
  lang: Language,
): string[] {
  const names: string[] = [];
  for (const id of ids) {
    const codeId = codings[id]?.codeId;
    const name = codebook.find((c) => c.id === codeId)?.name[lang];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Where "what is this coded as" was last asked: asking again at the same place opens the details. */
export interface CodedAsAsk {
  pos: number;
  ids: string[];
}

export const askedAgain = (last: CodedAsAsk | null, pos: number, ids: readonly string[]): boolean =>
  !!last &&
  last.pos === pos &&
  ids.length > 0 &&
  last.ids.length === ids.length &&
  last.ids.every((id, i) => id === ids[i]);
