// TEMPORARY stand-in until wt-workbook's quoteFiles.ts is merged to main (take theirs on merge).
import type { Language } from '../../shared/domain.ts';
import type { PassageRow } from './content.ts';

export function quotesCsv(_rows: readonly PassageRow[], _language: Language): string {
  throw new Error('quotesCsv is not merged yet');
}

export async function quotesWorkbook(_rows: readonly PassageRow[], _language: Language): Promise<Uint8Array> {
  throw new Error('quotesWorkbook is not merged yet');
}
