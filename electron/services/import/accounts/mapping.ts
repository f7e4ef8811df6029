import type { AccountImportField, CellValue, ColumnMapping } from '../../../../shared/accountImport.ts';
import { simplify } from './values.ts';

/**
 * The mapping suggested from the header row, in Finnish, English or Swedish. A header that is exactly
 * a known word wins over one that only contains it ("Asiakkaan liikevaihto 2025 (€)"); each field gets one
 * column, except the person's name, which may come as first and last name columns (joined in order).
 * A bare "Nimi"/"Name" is the account unless another column already names it.
 */

const WORDS: Record<AccountImportField, string[]> = {
  name: [
    'asiakas',
    'asiakkaan nimi',
    'asiakasnimi',
    'asiakasyritys',
    'yritys',
    'yrityksen nimi',
    'yritysnimi',
    'organisaatio',
    'company',
    'company name',
    'account',
    'account name',
    'customer',
    'customer name',
    'client',
    'client name',
    'organisation',
    'organization',
    // Swedish-speaking clients' lists.
    'kund',
    'kundnamn',
    'företag',
    'företagsnamn',
  ],
  tier: [
    'luokka',
    'asiakasluokka',
    'asiakasryhmä',
    'ryhmä',
    'luokitus',
    'asiakkuusluokka',
    'segmentti',
    'asiakassegmentti',
    'tier',
    'segment',
    'category',
    'class',
    'abc',
    'abc luokka',
    'account tier',
    'account type',
    'asiakkuuden tyyppi',
    // The customer's level, not a person's: "Asiakkuuden taso" is A/B/C.
    'asiakkuustaso',
    'asiakkuuden taso',
    'asiakastaso',
    'asiakkuuden luokka',
    'customer level',
    'account level',
    'customer tier',
    'customer segment',
    'kundklass',
    'kundsegment',
    'kundkategori',
    'kundnivå',
  ],
  importance: ['tärkeys', 'merkitys', 'importance', 'prioriteetti', 'priority'],
  lifecycle: [
    'elinkaari',
    'elinkaaren vaihe',
    'asiakkuuden vaihe',
    'vaihe',
    'lifecycle',
    'lifecycle stage',
    'stage',
  ],
  revenue: [
    'omsättning',
    'liikevaihto',
    'myynti',
    'laskutus',
    'revenue',
    'sales',
    'turnover',
    'annual revenue',
    'asiakkuuden arvo',
  ],
  person: [
    'yhteyshenkilö',
    'yhteyshenkilön nimi',
    'kontakti',
    'kontaktihenkilö',
    'henkilö',
    'contact',
    'contact person',
    'contact name',
    'person',
    'etunimi',
    'sukunimi',
    'first name',
    'last name',
    'firstname',
    'lastname',
    'given name',
    'surname',
    'kontaktperson',
    'förnamn',
    'efternamn',
  ],
  title: [
    'titteli',
    'nimike',
    'tehtävänimike',
    'tehtävä',
    'asema',
    'title',
    'job title',
    'position',
    'titel',
    'befattning',
  ],
  // A person's level only: a bare "taso" or "level" may as well be the customer's, so it is left to map.
  roleLevel: [
    'rooli',
    'roolitaso',
    'rooli taso',
    'organisaatiotaso',
    'henkilön taso',
    'henkilötaso',
    'päätöksentekotaso',
    'päätösvalta',
    'role',
    'role level',
    'seniority',
    'seniority level',
    'management level',
    'decision level',
  ],
  email: [
    'sähköposti',
    'sähköpostiosoite',
    's posti',
    'sposti',
    'email',
    'e mail',
    'mail',
    'email address',
    'e post',
    'e postadress',
  ],
};

const SPLIT_NAME = new Set([
  'etunimi',
  'sukunimi',
  'first name',
  'last name',
  'firstname',
  'lastname',
  'given name',
  'surname',
  'förnamn',
  'efternamn',
]);
const BARE_NAME = new Set(['nimi', 'name']);

const simpleHeader = (text: string): string => simplify(text).replace(/-/g, ' ');
const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALL_WORDS = new Set([...Object.values(WORDS).flat(), ...BARE_NAME]);
const CONTAINS = Object.values(WORDS)
  .flat()
  .map((w) => new RegExp(`(^| )${escapeRegExp(w)}`));

/** A cell that is exactly one of the header words the suggestions know ("Asiakas", "E-mail"). */
export function isHeaderWord(cell: CellValue): boolean {
  return typeof cell === 'string' && ALL_WORDS.has(simpleHeader(cell));
}

/**
 * How much a row looks like the list's header: one point per cell that is a known header word, half
 * a point per cell that only contains one ("Asiakkaan liikevaihto 2025"). A title, a date or a logo
 * row above the header scores (nearly) nothing.
 */
export function headerScore(cells: CellValue[]): number {
  let score = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string' || !cell.trim()) continue;
    if (isHeaderWord(cell)) score += 1;
    else if (CONTAINS.some((re) => re.test(simpleHeader(cell)))) score += 0.5;
  }
  return score;
}

export function suggestMapping(headers: string[]): ColumnMapping {
  const simple = headers.map(simpleHeader);
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<AccountImportField>();
  const assign = (i: number, field: AccountImportField) => {
    mapping[i] = field;
    taken.add(field);
  };
  // Most specific first: "Yhteyshenkilön sähköposti" is an e-mail, not a person.
  const fields: AccountImportField[] = [
    'email',
    'revenue',
    'title',
    'roleLevel',
    'lifecycle',
    'importance',
    'tier',
    'person',
    'name',
  ];
  // Exact words first, then a known word inside a longer header.
  for (const exact of [true, false]) {
    simple.forEach((header, i) => {
      if (mapping[i] || !header) return;
      for (const field of fields) {
        const splitName = field === 'person' && SPLIT_NAME.has(header);
        if (taken.has(field) && !splitName) continue;
        const hit = WORDS[field].some((w) =>
          exact ? header === w : new RegExp(`(^| )${escapeRegExp(w)}`).test(header),
        );
        if (hit) {
          assign(i, field);
          return;
        }
      }
    });
  }
  simple.forEach((header, i) => {
    if (mapping[i] || !BARE_NAME.has(header)) return;
    if (!taken.has('name')) assign(i, 'name');
    else if (!taken.has('person')) assign(i, 'person');
  });
  return mapping;
}
