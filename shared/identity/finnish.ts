/**
 * Finnish (and Finnish-inflected foreign) forms of a name word, as stems plus endings. A word of
 * running text is a form of the name when it is one of the stems followed by one of the endings the
 * stem takes. Stems cover consonant gradation (Mikko → Miko-n, Lehto → Lehdo-n, Lampi → Lamme-n),
 * e-stems of old i-words (Mäki → Mäe-n, Mäke-ä), -nen (Virtanen → Virtase-n, Virtas-ta), -s words
 * (Tuomas → Tuomakse-n, Kangas → Kankaa-n) and foreign consonant-final names (Wikström → Wikströmi-n).
 *
 * Generating a few forms that Finnish does not use is harmless — they are still capitalised
 * spellings built on the name — while every missing form would leak a name into a report, so the
 * rules lean towards generating. Matching stays case-sensitive, so ordinary words survive.
 */

const VOWEL = /[aeiouyäöå]/i;
const isVowel = (c: string | undefined): boolean => !!c && VOWEL.test(c);

/** Case endings of the singular and the common plurals, as they follow a vowel stem. */
const CASE_ENDINGS = [
  '',
  'n',
  'a',
  'ä',
  'ta',
  'tä',
  'na',
  'nä',
  'ksi',
  'ssa',
  'ssä',
  'sta',
  'stä',
  'lla',
  'llä',
  'lta',
  'ltä',
  'lle',
  'tta',
  'ttä',
  't',
  'ne',
  'ineen',
  'in',
  'en',
  'den',
  'tten',
  'ja',
  'jä',
  'ihin',
  'hin',
  'lla',
  'ille',
  'illa',
  'illä',
  'ilta',
  'iltä',
  'issa',
  'issä',
  'ista',
  'istä',
  'ina',
  'inä',
  'iksi',
  'itta',
  // plurals and the comitative: Mikko-jen, Laine-iden, Pekko-ineen
  'jen',
  'iden',
  'itten',
  'ien',
  'neen',
  'ineen',
];
/** Possessive suffixes; after them the case ending's final -n drops (Mikko-nsa, not *Mikonnsa). */
const POSSESSIVES = ['', 'ni', 'si', 'nsa', 'nsä', 'mme', 'nne', 'an', 'en', 'än'];
const CLITICS = ['', 'kin', 'kaan', 'kään', 'han', 'hän', 'pa', 'pä', 'ko', 'kö', 'kaan', 'kinkaan'];
/** Endings written after an apostrophe or colon: Price'n, Jacques'lle, ABB:n, Tom's (English). */
const MARKED_ENDINGS = [
  'n',
  'ta',
  'tä',
  'a',
  'ä',
  'ia',
  'iä',
  'lle',
  'lla',
  'llä',
  'lta',
  'ltä',
  'ssa',
  'ssä',
  'sta',
  'stä',
  'ksi',
  'na',
  'nä',
  'in',
  'iin',
  'hin',
  'iksi',
  'ille',
  'illa',
  'ilta',
  // illative after a mark: Renault'hon, ABB:hen
  'hon',
  'han',
  'hen',
  'hun',
  'hyn',
  'hän',
  'hön',
];

function combine(...parts: readonly string[][]): Set<string> {
  let result = [''];
  for (const part of parts) result = result.flatMap((prefix) => part.map((p) => prefix + p));
  return new Set(result);
}

/** Every ending a vowel stem takes: case, then possessive, then clitic (Sepo-lle-mme-kin). */
const VOWEL_STEM_ENDINGS = combine(CASE_ENDINGS, POSSESSIVES, CLITICS);
/** Endings of a stem used only for the partitive (Saar-ta, Virtas-ta, Kuus-ta). */
const PARTITIVE_ENDINGS = combine(['ta', 'tä', 'ten'], POSSESSIVES, CLITICS);
/** After a consonant: the partitive (Tuomas-ta, Kangas-ta) and English plurals (Baxters). */
const CONSONANT_STEM_ENDINGS = new Set([
  ...combine(['', 'ta', 'tä', 'ten'], POSSESSIVES, CLITICS),
  's',
  "s'",
  's’',
]);
const APOSTROPHES = ["'", '’', ':'];
const SEPARATED_ENDINGS = new Set([
  ...APOSTROPHES.flatMap((a) =>
    [...combine(MARKED_ENDINGS, ['', 'kin', 'kaan', 'han', 'hän'])].map((e) => a + e),
  ),
  "'s",
  '’s',
  "'",
  '’', // English possessives: Tom's, James'
]);

export type EndingClass = 'full' | 'partitive';

export interface Stem {
  stem: string;
  endings: EndingClass;
}

/** Whether `rest` (the text after a stem in a word) is an ending the stem takes. */
function takesEnding(endings: EndingClass, rest: string, stemEndsInVowel: boolean): boolean {
  if (SEPARATED_ENDINGS.has(rest)) return true;
  switch (endings) {
    case 'full':
      return stemEndsInVowel
        ? VOWEL_STEM_ENDINGS.has(rest) || ILLATIVE_ENDINGS.has(rest)
        : CONSONANT_STEM_ENDINGS.has(rest);
    case 'partitive':
      return PARTITIVE_ENDINGS.has(rest);
  }
}

const ILLATIVE_CASES: string[] = [
  'an',
  'en',
  'in',
  'on',
  'un',
  'yn',
  'än',
  'ön',
  'seen',
  'siin',
  'han',
  'hen',
  'hin',
  'hon',
  'hun',
  'hyn',
  'hän',
  'hön',
];
/** Illative after a stem that already holds its vowel (Mikko-on, Virtase-en, Kankaa-seen); with a
 * possessive the case's n gives way (Kyösti-insä, Kankaa-seensa, Mikko-omme). */
const ILLATIVE_ENDINGS = new Set([
  ...combine(ILLATIVE_CASES, POSSESSIVES, CLITICS),
  ...combine(
    ILLATIVE_CASES.map((e) => e.slice(0, -1)),
    POSSESSIVES.filter((p) => p.length > 1),
    CLITICS,
  ),
]);

const WEAK_AFTER_LIQUID: readonly [RegExp, string][] = [
  [/lk$/, 'l'],
  [/lk$/, 'lj'],
  [/rk$/, 'r'],
  [/rk$/, 'rj'],
  [/hk$/, 'h'],
];
/** Strong → weak grade of the consonants before a word's last vowel (Mikko → Miko, Lampi → Lammi). */
const WEAKEN: readonly [RegExp, string][] = [
  [/kk$/, 'k'],
  [/pp$/, 'p'],
  [/tt$/, 't'],
  [/nk$/, 'ng'],
  [/mp$/, 'mm'],
  [/lt$/, 'll'],
  [/nt$/, 'nn'],
  [/rt$/, 'rr'],
  [/ht$/, 'hd'],
  // Only in names from common words (Kurki → Kurjen, Turku → Turun); first names keep the k
  // (Jyrki → Jyrkin, Marko → Markon), and weakening them would reach other names (Jyri, Marjo).
  ...WEAK_AFTER_LIQUID,
  [/([aeiouyäö])t$/, '$1d'],
  [/([aeiouyäölr])p$/, '$1v'],
  [/uk$/, 'uv'],
  [/yk$/, 'yv'],
];
/** Weak → strong, for e-stems and -as words whose basic form has the weak grade (Rinne → Rinte-en). */
const STRENGTHEN: readonly [RegExp, string][] = [
  [/nn$/, 'nt'],
  [/ng$/, 'nk'],
  [/mm$/, 'mp'],
  [/ll$/, 'lt'],
  [/rr$/, 'rt'],
  [/([aeiouyäö])d$/, '$1t'],
  [/([aeiouyäö])v$/, '$1p'],
  [/([aeiouyäölnr])k$/, '$1kk'],
  [/([aeiouyäölmnr])p$/, '$1pp'],
  [/([aeiouyäölnr])t$/, '$1tt'],
  [/([aeiouyäö])$/, '$1k'],
];

/** `head` ends in consonants, the grade of which `rules` change; returns every changed head. */
function regrade(head: string, rules: readonly [RegExp, string][]): string[] {
  const out: string[] = [];
  for (const [pattern, by] of rules) if (pattern.test(head)) out.push(head.replace(pattern, by));
  return out;
}

/** The word split before its last vowel: "Mikko" → ["Mikk", "o"]; null when it does not end in C+V. */
function lastSyllable(word: string): [string, string] | null {
  const vowel = word.at(-1);
  if (!isVowel(vowel) || word.length < 3) return null;
  const head = word.slice(0, -1);
  if (isVowel(head.at(-1))) return null; // Kallio, Tapio, Lea: no consonant to grade
  return [head, vowel!];
}

const lower = (c: string): string => c.toLocaleLowerCase('fi');

/**
 * Stems of one name word. `given` says the word is a first name: old i-words (Mäki, Niemi) then keep
 * their -i (Jari → Jarin, Sami → Samin), which avoids e-stems such as "Same" that collide with words.
 */
export function nameStems(word: string, given = false): Stem[] {
  const stems = new Map<string, EndingClass>();
  const add = (stem: string, endings: EndingClass = 'full') => {
    if (stem.length < 2) return;
    const prev = stems.get(stem);
    if (prev !== 'full') stems.set(stem, endings);
  };
  add(word);
  const last = lower(word.at(-1) ?? '');

  if (/nen$/i.test(word) && word.length >= 5) {
    const base = word.slice(0, -3); // Virta|nen
    add(`${base}se`); // Virtase-n, Virtase-en, Virtase-t
    add(`${base}s`, 'partitive'); // Virtas-ta, Virtas-ten
    add(`${base}si`); // Virtasi-lle, Virtasi-a
    return [...stems].map(([stem, endings]) => ({ stem, endings }));
  }

  if (/[aeiouyäö]s$/i.test(word) && word.length >= 4) {
    const base = word.slice(0, -1); // Tuoma|s
    const vowel = base.at(-1)!;
    add(`${base}kse`); // Tuomakse-n, Tuomakse-en
    add(word, 'full'); // Tuomas-ta (vowel endings on a consonant are refused below, "ta" is kept)
    add(`${word}i`); // Jonas-in, James-in (foreign)
    const head = base.slice(0, -1);
    for (const strong of [head, ...regrade(head, STRENGTHEN)]) {
      add(`${strong}${vowel}${vowel}`); // Kankaa-n
      add(`${strong}${vowel}`); // Kanka-ille, Kanka-iden
    }
    add(`${base}ksi`); // Ilveksi-en
  } else if (!isVowel(last)) {
    add(`${word}i`); // Wikströmi-n, Stefani-lle, Tomi-a
    add(word, 'full');
  } else {
    const split = lastSyllable(word);
    const rules = given ? WEAKEN.filter((rule) => !WEAK_AFTER_LIQUID.includes(rule)) : WEAKEN;
    const weak = split ? regrade(split[0], rules).map((h) => h + split[1]) : [];
    for (const w of weak) add(w); // Miko-n, Lehdo-lla, Aallo-lle
    if (last === 'i' && !given) {
      // Old i-words take an e-stem: Mäki → Mäke-ä, Mäe-n; Lahti → Lahde-n; Susi → Sude-n, Sut-ta.
      const head = word.slice(0, -1);
      add(`${head}e`);
      add(head, 'partitive'); // Saar-ta, Kuus-ta
      if (/s$/.test(head)) {
        add(`${head.slice(0, -1)}de`);
        add(`${head.slice(0, -1)}te`); // Sute-en, Sute-na
        add(`${head.slice(0, -1)}t`, 'partitive');
      }
      const eSplit = lastSyllable(`${head}e`);
      if (eSplit) for (const h of regrade(eSplit[0], rules)) add(`${h}e`);
      if (/[aeiouyäö]k$/i.test(head)) add(`${head.slice(0, -1)}e`); // Mäki → Mäe-n, Joki → Joe-n
    }
    if (last === 'e') {
      // Laine → Lainee-n, Rinne → Rintee-n; Kalle → Kalle-n is the word itself.
      const head = word.slice(0, -1);
      add(`${head}ee`);
      for (const strong of regrade(head, STRENGTHEN))
        if (strong !== head) {
          add(`${strong}ee`);
          add(`${strong}e`); // Rinte-ille, Rinte-iden
        }
    }
    if (last === 'a' || last === 'ä') {
      // Plurals change a final a to o: Pekko-jen, Peko-ille, Pekko-ineen.
      const o = last === 'a' ? 'o' : 'ö';
      add(`${word.slice(0, -1)}${o}`);
      for (const w of weak) add(`${w.slice(0, -1)}${o}`);
    }
    // Illative keeps the strong grade and lengthens the vowel: Mikko-on, Pekka-an, Antti-in.
    add(word, 'full');
  }
  return [...stems].map(([stem, endings]) => ({ stem, endings }));
}

/** Whether `token` is `stem` followed by an ending that stem takes. */
export function isFormOf(token: string, stem: Stem): boolean {
  if (!token.startsWith(stem.stem)) return false;
  const rest = token.slice(stem.stem.length);
  // Mikko-nen, Mäki-nen are other surnames, not forms of Mikko or Mäki.
  if (/^(?:nen|sen|set|ska)/.test(rest) && !/^(?:nsa|nsä)/.test(rest)) return false;
  return takesEnding(stem.endings, rest, isVowel(stem.stem.at(-1)));
}

/**
 * Base forms a word could be an inflection of, for grouping unrecognised names in the review
 * ("Mattilan", "Mattilalle" → "Mattila"). A guess: the first plausible reading wins.
 */
export function guessBaseForm(token: string): string {
  if (/['’:]/.test(token)) return token.split(/['’:]/)[0] ?? token;
  const candidates = [...VOWEL_STEM_ENDINGS].filter(
    (e) => e && token.endsWith(e) && token.length - e.length >= 3,
  );
  candidates.sort((a, b) => b.length - a.length);
  for (const ending of candidates) {
    const stem = token.slice(0, -ending.length);
    if (isVowel(stem.at(-1))) {
      if (/se$/.test(stem) && ending !== '') return `${stem.slice(0, -2)}nen`; // Virtase-lle → Virtanen
      return stem;
    }
  }
  return token;
}

/**
 * How a stem of a name is used in lower-case matching: the name itself, a partitive stem
 * (Virtas-ta), the vowel stem of a -nen name (Virtase-lle, Virtase-en) or a changed stem (Sepo-lle).
 */
export type LowerStemKind = 'base' | 'partitive' | 'nen' | 'changed';

const LOWER_CLITICS = ['', 'kin', 'kaan', 'kään', 'han', 'hän'];
/** Endings of a closed syllable: the only ones a changed (weak) stem takes. */
const CLOSED_ENDINGS = combine(
  ['n', 't', 'lle', 'lla', 'llä', 'lta', 'ltä', 'ssa', 'ssä', 'sta', 'stä', 'ksi', 'tta', 'ttä'],
  LOWER_CLITICS,
);
const OPEN_ENDINGS = combine(['', 'a', 'ä', 'na', 'nä'], LOWER_CLITICS);
const PARTITIVE_LOWER = combine(['ta', 'tä'], LOWER_CLITICS);
const NEN_ILLATIVE = combine(['en'], LOWER_CLITICS);

/**
 * Whether a word typed in lower case is a form of a name's stem, by a stricter rule than `isFormOf`:
 * only the singular cases notes use, no plurals or first- and second-person possessives, which in
 * lower case meet real words ("pekoni" is bacon, not Pekka's; "liisata" is to lease).
 */
export function isLowercaseFormOf(token: string, stem: string, kind: LowerStemKind): boolean {
  if (!token.startsWith(stem)) return false;
  const rest = token.slice(stem.length);
  switch (kind) {
    case 'partitive':
      return PARTITIVE_LOWER.has(rest);
    case 'changed':
      return CLOSED_ENDINGS.has(rest);
    case 'nen':
      return CLOSED_ENDINGS.has(rest) || NEN_ILLATIVE.has(rest);
    case 'base': {
      // After a consonant Finnish adds an -i (Samille, Tomin: a changed stem); "Sam-a" would be "sama".
      if (!isVowel(stem.at(-1))) return LOWER_CLITICS.includes(rest);
      if (OPEN_ENDINGS.has(rest) || CLOSED_ENDINGS.has(rest)) return true;
      // Illative: the last vowel again and n (Mikko-on, Pekka-an).
      const vowel = stem.at(-1) ?? '';
      return isVowel(vowel) && rest.startsWith(`${vowel}n`) && LOWER_CLITICS.includes(rest.slice(2));
    }
  }
}
