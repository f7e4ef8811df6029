import { describe, expect, test } from 'vitest';
import { IdentityMatcher } from '../../shared/identity/detect.ts';
import { normalizeForMatching } from '../../shared/identity/normalize.ts';

const matcher = new IdentityMatcher([
  { id: 'mikko', kind: 'person', names: ['Mikko Virtanen'] },
  { id: 'seppo-k', kind: 'person', names: ['Seppo Kallio'] },
  { id: 'seppo-v', kind: 'person', names: ['Seppo Lehto'] },
  { id: 'merikarhu', kind: 'org', names: ['Merikarhu Group Oy'] },
]);
const found = (text: string, ordinary: string[] = []) =>
  matcher.find(text, { ordinary: new Set(ordinary) }).map((s) => [s.kind, s.text, s.identityIds.join(',')]);

describe('identity detection', () => {
  test('known people in inflected forms, full names and "Last, First" are one span each', () => {
    expect(found('Puhuin Mikolle ja Virtanen, Mikko vastasi.')).toEqual([
      ['identity', 'Mikolle', 'mikko'],
      ['identity', 'Virtanen, Mikko', 'mikko'],
    ]);
  });

  test('a first name two people share points to both; the full name to one', () => {
    expect(found('Sepon mukaan Seppo Kallio lähti.')).toEqual([
      ['identity', 'Sepon', 'seppo-k,seppo-v'],
      ['identity', 'Seppo Kallio', 'seppo-k'],
    ]);
  });

  test('soft hyphens and decomposed letters inside a name are matched and cut out whole', () => {
    const text = 'Soitin Virta\u00ADselle ja Ma\u0308kelle.';
    const spans = matcher.find(text);
    expect(spans[0]!.text).toBe('Virta\u00ADselle');
    expect(spans[0]!.normalized).toBe('Virtaselle');
  });

  test('generic words of a company name count only beside the rest of it', () => {
    expect(found('Merikarhu Group hoitaa. Group-taulukko on erillinen.')).toEqual([
      ['identity', 'Merikarhu Group', 'merikarhu'],
    ]);
  });

  test('unregistered names: mid-sentence, at a sentence start by a known first name, or before a legal suffix', () => {
    expect(found('Asiasta tietää Kari Mattila. Ilkan mukaan hyvä. Polarix Oy tarjosi.')).toEqual([
      ['candidate', 'Kari Mattila', ''],
      ['candidate', 'Ilkan', ''],
      ['candidate', 'Polarix Oy', ''],
    ]);
  });

  test('ordinary words at a sentence start stay, even when they look like a form of a common name', () => {
    expect(found('Kukaan ei soittanut. Laskutus toimii.', ['kukaan', 'laskutus'])).toEqual([]);
    expect(found('mäki, kallio, aalto ja price ovat tavallisia sanoja.')).toEqual([]);
    expect(found('Sitoutuminen vai sidos. Kymmenen vuotta. Tavallisen asiakkaan mukaan.')).toEqual([]);
  });

  test('e-mail addresses, phone numbers and web addresses', () => {
    expect(
      found(
        'Kirjoita mikko.virtanen@merikarhu.fi tai soita +358 40 123 4567 / (09) 2345 678, www.merikarhu.fi.',
      ),
    ).toEqual([
      ['email', 'mikko.virtanen@merikarhu.fi', ''],
      ['phone', '+358 40 123 4567', ''],
      ['phone', '(09) 2345 678', ''],
      ['url', 'www.merikarhu.fi', ''],
    ]);
  });
});

describe('identifiers', () => {
  test('personal identity codes and North American numbers; dates and amounts are not numbers to call', () => {
    expect(
      found('Hetu 010190-123A, soita (212) 555-0199 tai 212-555-0199. Kokous 2026-11-24, hinta 1 200 000 €.'),
    ).toEqual([
      ['personalId', '010190-123A', ''],
      ['phone', '(212) 555-0199', ''],
      ['phone', '212-555-0199', ''],
    ]);
  });
});

describe('names written in other ways', () => {
  test('known names in capitals, unknown -nen surnames opening a sentence, e-mails with (at)', () => {
    expect(found('Palaverissa SEPPO KALLIO sanoi, että KALLIOLLE käy.')).toEqual([
      ['identity', 'SEPPO KALLIO', 'seppo-k'],
      ['identity', 'KALLIOLLE', 'seppo-k'],
    ]);
    expect(found('Hyvärisen mukaan hinta nousi. Ensimmäinen tarjous hylättiin.')).toEqual([
      ['candidate', 'Hyvärisen', ''],
    ]);
    expect(found('Osoite on seppo.kallio(at)merikarhu.fi.')).toEqual([
      ['email', 'seppo.kallio(at)merikarhu.fi', ''],
    ]);
  });
});

describe('cases a sceptical review found', () => {
  const people = new IdentityMatcher([
    { id: 'oneill', kind: 'person', names: ["John O'Neill"] },
    { id: 'jyrki', kind: 'person', names: ['Jyrki Lahti'] },
    { id: 'marko', kind: 'person', names: ['Marko Salo'] },
    { id: 'kurki', kind: 'person', names: ['Pirjo Kurki'] },
  ]);
  const ids = (text: string, ordinary: string[] = []) =>
    people.find(text, { ordinary: new Set(ordinary) }).map((s) => [s.kind, s.text, s.identityIds.join(',')]);

  test('a name with the apostrophe Word types (’), with a possessive, and in capitals', () => {
    expect(ids("O’Neill said prices went up. We noted O’Neill’s view. O'NEILL was angry.")).toEqual([
      ['identity', 'O’Neill', 'oneill'],
      ['identity', 'O’Neill’s', 'oneill'],
      ['identity', "O'NEILL", 'oneill'],
    ]);
  });

  test('first names keep their k after r, l or h; names from common words weaken it', () => {
    expect(ids('Puhuin Jyrkin kanssa ja Markon kanssa. Kurjen mukaan hyvä.')).toEqual([
      ['identity', 'Jyrkin', 'jyrki'],
      ['identity', 'Markon', 'marko'],
      ['identity', 'Kurjen', 'kurki'],
    ]);
    // Jyri and Marjo are other people, not weak forms of Jyrki and Marko.
    expect(ids('Puhuin Jyrin ja Marjon kanssa.').filter(([kind]) => kind === 'identity')).toEqual([]);
  });

  test('a word and a colon opening a line is a speaker, unless the material uses it as an ordinary word', () => {
    expect(
      ids('Lindfors: hinnat nousivat liikaa.\n• Ekholm: samaa mieltä.\nTausta: valimo.', ['tausta']),
    ).toEqual([
      ['candidate', 'Lindfors', ''],
      ['candidate', 'Ekholm', ''],
    ]);
  });

  test('an unknown name with a word of a business in it is guessed an organisation', () => {
    const guesses = (text: string) => matcher.find(text).map((s) => [s.text, s.guess]);
    expect(guesses('Shades for the Café Aalto refit arrived broken. Majoitus oli Hotelli Ahosessa.')).toEqual(
      [
        ['Café Aalto', 'org'],
        ['Hotelli Ahosessa', 'org'],
      ],
    );
    expect(guesses('Asiasta tietää Kari Mattila.')).toEqual([['Kari Mattila', 'person']]);
  });

  test('a name glued to a word by a colon is the name alone; an ending after a colon stays on its name', () => {
    expect(found('Yhteyshenkilö:Kallio. Yhteyshenkilö:Virtanen ja Merikarhu:lle soitettiin.')).toEqual([
      ['identity', 'Kallio', 'seppo-k'],
      ['identity', 'Virtanen', 'mikko'],
      ['identity', 'Merikarhu:lle', 'merikarhu'],
    ]);
  });

  test('an unknown word opening a sentence before a verb of saying is someone; a title, a department or a pronoun is not', () => {
    expect(
      ids(
        "Ekholm lupasi soittaa. Whitfield told us the same. Toimitusjohtaja kertoi hinnoista. Procurement said no. Nobody's fault. Usea kertoi samaa.",
      ),
    ).toEqual([
      ['candidate', 'Ekholm', ''],
      ['candidate', 'Whitfield', ''],
    ]);
  });

  test('phone numbers with dots or slashes; dates stay', () => {
    expect(
      ids('Soita 040.123.4567, 040/765 4321 tai 09/1234 5678. Tavattiin 01.02.2025 ja 05/2025.'),
    ).toEqual([
      ['phone', '040.123.4567', ''],
      ['phone', '040/765 4321', ''],
      ['phone', '09/1234 5678', ''],
    ]);
  });

  test('e-mail addresses written with (a)', () => {
    expect(ids('Osoite kyosti.hakkinen(a)sievanen.fi, vaihtoehto (a) ja (b).')).toEqual([
      ['email', 'kyosti.hakkinen(a)sievanen.fi', ''],
    ]);
  });
});

describe('normalising for comparison', () => {
  const mapped = (text: string) => {
    const n = normalizeForMatching(text);
    return { text: n.text, offsets: [...Array(n.text.length + 1).keys()].map(n.toOriginal) };
  };

  test('a decomposed letter and a typographic apostrophe next to it map back to their own characters', () => {
    expect(mapped('‘Zoe\u0308’ x')).toEqual({ text: "‘Zoë' x", offsets: [0, 1, 2, 3, 5, 6, 7, 8] });
    expect(matcher.find('Puhuin ‘Zoe\u0308’ kanssa.').map((s) => s.text)).toEqual(['Zoe\u0308']);
  });

  test('invisible characters are removed at the very start too', () => {
    expect(mapped('\u200BHinnat')).toEqual({ text: 'Hinnat', offsets: [1, 2, 3, 4, 5, 6, 7] });
    expect(matcher.find('\u200BHinnat nousivat.', { ordinary: new Set(['hinnat']) })).toEqual([]);
  });
});
