import { describe, expect, test } from 'vitest';
import { IdentityMatcher } from '../../shared/identity/detect.ts';
import { lowercaseSafe } from '../../shared/identity/gazetteer.ts';

/** People whose names are, in lower case, ordinary words (Kallio, Mäki…) and people whose names are not. */
const matcher = new IdentityMatcher([
  { id: 'seppo', kind: 'person', names: ['Seppo Kallio'] },
  { id: 'mikko', kind: 'person', names: ['Mikko Aalto'] },
  { id: 'mervi', kind: 'person', names: ['Mervi Virtanen'] },
  { id: 'pekka', kind: 'person', names: ['Pekka Mäki'] },
  { id: 'aino', kind: 'person', names: ['Aino Kivi'] },
  { id: 'helen', kind: 'person', names: ['Helen Price'] },
  { id: 'anna', kind: 'person', names: ['Anna Grant'] },
  { id: 'riitta', kind: 'person', names: ['Riitta Mattila'] },
  { id: 'juhani', kind: 'person', names: ['Juhani Hämäläinen'] },
  { id: 'merikarhu', kind: 'org', names: ['Merikarhu Oy'] },
]);
const spans = (text: string) =>
  matcher.find(text, { candidates: false }).map((s) => [s.text, s.identityIds.join(',')]);

describe('names typed in lower case', () => {
  test('forms of a name that is no word are found: sepolle, mikolta, virtaselle', () => {
    expect(spans('sepolle soitettiin eilen, mikolta ei kuulunut mitään ja virtaselle lähti viesti')).toEqual([
      ['sepolle', 'seppo'],
      ['mikolta', 'mikko'],
      ['virtaselle', 'mervi'],
    ]);
    expect(spans('virtasen ja mattilan kanssa sovittiin, riitalle kerrotaan')).toEqual([
      ['virtasen', 'mervi'],
      ['mattilan', 'riitta'],
      ['riitalle', 'riitta'],
    ]);
  });

  test('names that are ordinary words are never found in lower case, in any form', () => {
    const words =
      'kallio kalliolla kallion aalto aallon aallot mäki mäen mäellä kivi kiven kiveä price prices pricing grant granted anna annan hämäläinen';
    expect(spans(words)).toEqual([]);
    // Capitalised they are still the people.
    expect(spans('Kalliolle ja Mäelle, Pricelle ja Grantille')).toEqual([
      ['Kalliolle', 'seppo'],
      ['Mäelle', 'pekka'],
      ['Pricelle', 'helen'],
      ['Grantille', 'anna'],
    ]);
  });

  test('a changed stem needs a closed ending: "riita" and "riitaa" are a quarrel, not Riitta', () => {
    expect(spans('syntyi riita laskuista, riitaa riitti')).toEqual([]);
  });

  test('forms that meet a word are left alone: "sama" is not Sam\'s, "joen" is the river\'s, "alan" the field\'s', () => {
    const people = new IdentityMatcher(
      ['Sam Smith', 'Joe Lund', 'Alan Berg', 'Karin Holm', 'Paula Salo'].map((name) => ({
        id: name,
        kind: 'person' as const,
        names: [name],
      })),
    );
    const text = 'sama juttu, joen rannalla, alan toimijat, karin yli, paula kiinni';
    expect(people.find(text, { candidates: false })).toEqual([]);
    // The names themselves and their i-stem forms still are found.
    expect(people.find('sam ja samille, tomin kanssa', { candidates: false }).map((s) => s.text)).toEqual([
      'sam',
      'samille',
    ]);
  });

  test('organisations are matched only capitalised', () => {
    expect(spans('merikarhulla on uusi hinnasto')).toEqual([]);
  });

  test('which names may be matched in lower case', () => {
    for (const name of [
      'Kallio',
      'Mäki',
      'Aalto',
      'Kivi',
      'Price',
      'Grant',
      'Hämäläinen',
      'Kari',
      'Satu',
      'Make',
    ])
      expect(lowercaseSafe(name), name).toBe(false);
    for (const name of ['Seppo', 'Mikko', 'Virtanen', 'Mattila', 'Heikkilä', 'Riitta', 'Tapsa'])
      expect(lowercaseSafe(name), name).toBe(true);
    // A name the gazetteer does not know, of no telling shape, could be a word: only capitalised.
    expect(lowercaseSafe('Whitfield')).toBe(false);
  });
});
