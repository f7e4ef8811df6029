/**
 * Finnish forms of a query word typed in its base form. Snowball's Finnish stemmer strips endings but
 * does not undo consonant gradation (asiakas → asiakas, asiakkaan → asiak), so a base-form query would
 * miss most inflected forms. Instead the base form is turned into the stems Finnish inflection builds
 * on (asiakas → asiakkaa-, asiakka-; hinta → hinna-, hinto-; kieli → kiele-, kiel-; sopimus →
 * sopimukse-; toimittaa → toimita-, toimitti-, toimitet-), each with the set of endings it takes, and
 * a word of text matches when it is such a stem plus such an ending, alone or as a compound part.
 *
 * The rules generate some stems Finnish never uses; that is harmless unless a real word is spelt that
 * way, which the negative test list watches. Weak-grade stems take only the endings of a closed
 * syllable (hinna-n, hinna-ssa but not *hinna-a), which keeps luvata (to promise) away from lupa.
 */

const VOWELS = 'aeiouyäöå';
export const isVowel = (c: string | undefined): boolean => c !== undefined && c !== '' && VOWELS.includes(c);

function combine(...parts: readonly (readonly string[])[]): string[] {
  let result = [''];
  for (const part of parts) result = result.flatMap((prefix) => part.map((p) => prefix + p));
  return result;
}

const CLITICS = ['', 'kin', 'kaan', 'kään', 'han', 'hän', 'pa', 'pä', 'ko', 'kö', 'kinko', 'kinkö'];
const POSSESSIVES = ['ni', 'si', 'nsa', 'nsä', 'mme', 'nne'];

/** A set of endings: what may follow a stem in a word. */
export interface Endings {
  has(rest: string): boolean;
}

/**
 * Case endings, each optionally followed by a possessive and then a clitic (laskui-ssa-mme-kin),
 * checked by taking the word's end apart rather than by listing every combination, which would be
 * hundreds of thousands of strings. Before a possessive the case's final n or t gives way (laskuun +
 * nsa → laskuunsa, laskut + ni → laskuni); after a vowel the third person may also be that vowel again
 * and n (laskussa-an).
 */
class CaseEndings implements Endings {
  private readonly cases: Set<string>;
  private readonly beforePossessive: Set<string>;
  private readonly possessives: boolean;

  constructor(cases: readonly string[], possessives: boolean) {
    this.possessives = possessives;
    this.cases = new Set(cases);
    this.beforePossessive = new Set(cases.map((c) => (/[nt]$/.test(c) ? c.slice(0, -1) : c)));
  }

  has(rest: string): boolean {
    for (const clitic of CLITICS) {
      if (clitic && !rest.endsWith(clitic)) continue;
      const r = clitic ? rest.slice(0, -clitic.length) : rest;
      if (this.cases.has(r)) return true;
      if (!this.possessives) continue;
      for (const p of POSSESSIVES) {
        if (!r.endsWith(p)) continue;
        const base = r.slice(0, -p.length);
        // Straight on the stem, -si and -nne (your) are rare in notes and make other words: kuu-si, tila-nne.
        if (this.beforePossessive.has(base) && (base !== '' || (p !== 'si' && p !== 'nne'))) return true;
      }
      if (r.length >= 3 && r.endsWith('n')) {
        const vowel = r.at(-2)!;
        const c = r.slice(0, -2);
        if (isVowel(vowel) && c.endsWith(vowel) && this.cases.has(c)) return true;
      }
    }
    return false;
  }
}

const endingSet = (cases: readonly string[]): Endings => new CaseEndings(cases, true);
/** Forms that take clitics but no possessive (verb persons: toimitamme-kin). */
const withClitics = (forms: readonly string[]): Endings => new CaseEndings(forms, false);

/** Any of several sets of endings. */
function anyOf(...sets: Endings[]): Endings {
  return { has: (rest) => sets.some((set) => set.has(rest)) };
}

/** `endings` after a fixed beginning (the -i- of a plural, a participle's -va-). */
function after(prefix: string, endings: Endings): Endings {
  return { has: (rest) => rest.startsWith(prefix) && endings.has(rest.slice(prefix.length)) };
}

const SG_CASES = [
  'n',
  't',
  'a',
  'ä',
  'na',
  'nä',
  'ksi',
  'kse', // before a possessive: laskukseen
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
  'seen',
];
/** Endings of a closed syllable: the only ones a weak-grade stem takes (hinna-n, hinna-lla). */
const CLOSED_CASES = [
  'n',
  't',
  'ksi',
  'kse',
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
];
/** Plural endings after the plural -i- (laskui-ssa, asiakkai-ta, käsi-n). */
const PLURAL_CASES = [
  'n',
  'den',
  'tten',
  'en',
  'ta',
  'tä',
  'a',
  'ä',
  'na',
  'nä',
  'ksi',
  'kse',
  'ssa',
  'ssä',
  'sta',
  'stä',
  'hin',
  'in',
  'siin',
  'lla',
  'llä',
  'lta',
  'ltä',
  'lle',
  'tta',
  'ttä',
  'ne',
  'tse', // prolative: puhelimitse
];
const PLURAL_CLOSED = [
  'n',
  'ksi',
  'kse',
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
];

/** Endings a whole word in its base form takes on its own: none, a possessive, a clitic; and the
 * endings written after a colon or an apostrophe (ABB:n, CRM:ssä, Excel'iin). */
const MARKED = ['n', 'ta', 'tä', 'a', 'ä', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle'];
const MARKED_MORE = ['ksi', 'iin', 'hin', 'hon', 'hen', 'han', 'hän', 'hön', 'hun', 'hyn', 'ien', 'ja', 'jä'];
const BARE = anyOf(endingSet(['']), withClitics(combine([':', "'", '’'], [...MARKED, ...MARKED_MORE])));
/** After a consonant: the partitive and the plural genitive (asiakas-ta, ihmis-ten, kiel-tä). */
const CONSONANT = endingSet(['ta', 'tä', 'ten']);
const WEAK = endingSet(CLOSED_CASES);
// After a stem that holds its plural -i- or -j- (laskui-ssa, laskuj-a): stems at least three letters
// long even for short words (tei-tä from tie), which the trigram index needs.
const PLURAL_I = endingSet(PLURAL_CASES);
const PLURAL_I_SHORT = endingSet(PLURAL_CASES.filter((c) => c !== 'n'));
const PLURAL_J = endingSet(['a', 'ä', 'en']);
const PLURAL_WEAK_I = endingSet(PLURAL_CLOSED);
const PLURAL = anyOf(after('i', PLURAL_I), after('j', PLURAL_J));
/** E-words in their base form (huone, kappale): the partitive is -tta (huonetta); the rest build on
 * the long stem (huonee-n), so "use" + a (usea, several) is not a form of an e-word. */
const E_BASE = anyOf(BARE, endingSet(['tta', 'ttä']));

const fullCache = new Map<string, Endings>();
/** Every singular ending of a vowel stem, with the illative of its own last vowel (lasku-un,
 * maa-han, työ-hön, asiakkaa-seen); the partitive -ta only after two vowels (maa-ta, työ-tä), so
 * osata and määrätä stay verbs rather than forms of osa and määrä. */
function fullEndings(stem: string): Endings {
  const vowel = stem.at(-1) ?? '';
  const long = isVowel(stem.at(-2));
  const key = `${vowel}${long}`;
  let set = fullCache.get(key);
  if (!set) {
    set = endingSet([...SG_CASES, `${vowel}n`, `h${vowel}n`, ...(long ? ['ta', 'tä'] : [])]);
    fullCache.set(key, set);
  }
  return set;
}

/** Weak → strong grade, for stems whose base form has the weak grade (asiakas → asiakkaa-, tehdas →
 * tehtaa-, hammas → hampaa-, kangas → kankaa-, varas → varkaa-, huone → huonee-, liike → liikkee-). */
const STRENGTHEN: readonly [RegExp, string][] = [
  [/nn$/, 'nt'],
  [/ng$/, 'nk'],
  [/mm$/, 'mp'],
  [/ll$/, 'lt'],
  [/rr$/, 'rt'],
  [/hd$/, 'ht'],
  [/([aeiouyäö])d$/, '$1t'],
  [/([aeiouyäölr])v$/, '$1p'],
  [/([aeiouyäölnr])k$/, '$1kk'],
  [/([aeiouyäölmnr])p$/, '$1pp'],
  [/([aeiouyäölnr])t$/, '$1tt'],
  [/([aeiouyäölr])$/, '$1k'],
];
/** Strong → weak grade of the consonants before a stem's last vowel (hinta → hinna-, lupa → luva-,
 * aika → aja-, haku → hau-, kaupunki → kaupungi-, kauppa → kaupa-). */
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
  [/lk$/, 'l'],
  [/lk$/, 'lj'],
  [/rk$/, 'r'],
  [/rk$/, 'rj'],
  [/hk$/, 'h'],
  [/([aeiouyäö])t$/, '$1d'],
  [/([aeiouyäölr])p$/, '$1v'],
  [/([uy])k$/, '$1v'],
  [/([aeiouyäö])ik$/, '$1j'],
  [/([aeiouyäö])k$/, '$1'],
];

function regrade(head: string, rules: readonly [RegExp, string][]): string[] {
  const out: string[] = [];
  for (const [pattern, by] of rules) if (pattern.test(head)) out.push(head.replace(pattern, by));
  return out;
}

/** The stem split before its last vowel, for grading: "hinta" → ["hint", "a"]; null without C+V. */
function split(stem: string): [string, string] | null {
  const vowel = stem.at(-1);
  if (!isVowel(vowel) || stem.length < 3 || isVowel(stem.at(-2))) return null;
  return [stem.slice(0, -1), vowel!];
}

function weakForms(stem: string): string[] {
  const s = split(stem);
  return s ? regrade(s[0], WEAKEN).map((h) => h + s[1]) : [];
}

/** The stems plurals build on (laskui-, hinnoi-, asiakkai-, kieli-, töi-, riskei-), without the -i-. */
function pluralBases(stem: string): string[] {
  const last = stem.at(-1) ?? '';
  const prev = stem.at(-2) ?? '';
  if (!isVowel(last)) return [];
  if (last === prev) return [stem.slice(0, -1)]; // asiakkaa → asiakka-i-
  if (/(?:yö|uo|ie)$/.test(stem)) return [stem.slice(0, -2) + last]; // työ → tö-i-, tie → te-i-
  switch (last) {
    case 'a':
      return [`${stem.slice(0, -1)}o`, stem.slice(0, -1)];
    case 'ä':
      return [`${stem.slice(0, -1)}ö`, stem.slice(0, -1)];
    case 'e':
      return [stem, stem.slice(0, -1)]; // huone-i-, kiel-i-, sopimuks-i-
    case 'i':
      return [`${stem.slice(0, -1)}e`, stem.slice(0, -1)]; // riske-j-ä, paperei-ta, risk-i-en
    default:
      return [stem];
  }
}

const harmony = (word: string): 'a' | 'ä' => (/[aou]/.test(word) ? 'a' : 'ä');

class Stems {
  /** Noun stems, which may also be the later part of a compound (avain|asiakkaa-lle). */
  readonly map = new Map<string, Set<Endings>>();
  /** Verb stems: only at the start of a word, since verbs do not compound (suh|tee-n is no tehdä). */
  readonly verbMap = new Map<string, Set<Endings>>();
  /** Strings after which a compound's next part may follow: the base form, genitives, ihmis-. */
  readonly heads = new Set<string>();
  verbs = false;

  add(stem: string, endings: Endings): void {
    if (stem.length < 2) return;
    const map = this.verbs ? this.verbMap : this.map;
    const sets = map.get(stem);
    if (sets) sets.add(endings);
    else map.set(stem, new Set([endings]));
  }

  /** A vowel stem used in every case (asiakkaa-, kiele-, sopimukse-), with its plural and genitive. */
  strong(stem: string, plural = true): void {
    this.add(stem, fullEndings(stem));
    this.heads.add(`${stem}n`);
    if (!plural) return;
    for (const p of pluralBases(stem)) {
      this.plural(p);
      // Plural genitives start compounds too: riskienhallinta, asiakkaidenhallinta.
      for (const g of ['ien', 'jen', 'iden']) this.heads.add(p + g);
    }
  }

  /** A weak-grade stem: closed syllables only (hinna-n, hinnoi-ssa). The e-stems of i-words have no
   * plural of their own (vesi → vede-n, but vesi-ssä), so `plural` is off for them. */
  weak(stem: string, plural = true): void {
    this.add(stem, WEAK);
    this.heads.add(`${stem}n`);
    if (plural) for (const p of pluralBases(stem)) this.plural(p, true);
  }

  /** A plural stem without its -i- (laskui-, hinnoi-, asiakkai-; laskuj-a). A short one takes no
   * instructive: kui-n is kuin (than), not a form of kuu. */
  plural(base: string, weak = false): void {
    const i = `${base}i`;
    this.add(i, weak ? PLURAL_WEAK_I : i.length < 4 ? PLURAL_I_SHORT : PLURAL_I);
    // -j- comes between two vowels, after a short one that stays: lasku-j-a, hinto-j-a, riske-j-ä; a
    // shortened long vowel takes -i- alone (mai-ta, asiakkai-ta), so maja is not a plural of maa.
    if (!weak && /[ouyöe]$/.test(base) && !/(?:[aeiouyäö]{2}|^[^aeiouyäö]*[ouyöe])$/.test(base))
      this.add(`${base}j`, PLURAL_J);
  }

  consonant(stem: string, head = false): void {
    this.add(stem, CONSONANT);
    if (head) this.heads.add(stem);
  }

  /** Comparative and superlative of an adjective stem (tyytyväise-mpi, halve-mmalla, halv-in). */
  compared(stem: string, superlative: boolean, shortest = 4): void {
    if (stem.length < shortest) return; // aia (aika's weak grade) + mmin would be aiemmin
    const a = harmony(stem);
    const bases = /[aä]$/.test(stem) ? [stem, `${stem.slice(0, -1)}e`] : [stem];
    // Comparatives are not compound parts: endings only, no genitive heads.
    for (const b of bases) {
      this.add(`${b}mpi`, BARE);
      this.add(`${b}mp${a}`, fullEndings(a));
      this.add(`${b}mm${a}`, WEAK);
      this.plural(`${b}mp`);
      this.plural(`${b}mm`, true);
    }
    if (!superlative || stem.length < 4) return;
    // halpa → halv-in, vaikea → vaike-in; helppo → helpo-in keeps its vowel.
    const s = /[aäei]$/.test(stem) ? stem.slice(0, -1) : stem;
    this.add(`${s}in`, BARE);
    this.add(`${s}imp${a}`, fullEndings(a));
    this.add(`${s}imm${a}`, WEAK);
    this.plural(`${s}imp`);
    this.plural(`${s}imm`, true);
  }
}

/** Endings of the nominal forms of a verb (participles, infinitives) built on `suffix`. */
function nominal(suffix: string): Endings {
  return anyOf(
    after(suffix, BARE),
    after(suffix, fullEndings(suffix)),
    ...pluralBases(suffix).map((p) => after(p, PLURAL)),
  );
}

const PERSONS = ['n', 't', 'mme', 'tte'];
/** After the weak present stem: toimita-n, toimita-mme, toimita (imperative). */
const VERB_WEAK = withClitics(['', ...PERSONS]);
/** After the strong present stem: toimitta-vat, toimitta-va, toimitta-maan, toimitta-nut, toimitta-isi. */
const VERB_STRONG = anyOf(
  withClitics(['vat', 'vät', 'essa', 'essä', 'en', 'kaa', 'kää', 'kaamme', 'käämme', 'ko', 'kö']),
  withClitics(combine(['isi'], ['', 'n', 't', 'mme', 'tte', 'vat', 'vät'])),
  withClitics(combine(['akse', 'äkse'], POSSESSIVES.concat(['en', 'an', 'än']))),
  ...['va', 'vä', 'ma', 'mä'].map(nominal),
);
/** After a past stem (toimitti, maksoi, tuli): persons, and the conditional (tuli-si). */
const VERB_PAST = withClitics([
  '',
  ...PERSONS,
  'vat',
  'vät',
  ...combine(['si'], ['', ...PERSONS, 'vat', 'vät']),
]);
/** After the passive stem of verbs like toimittaa, tilata, tarvita: toimite-taan, tila-ttiin, tarvi-ttu. */
const PASSIVE_TT = anyOf(
  withClitics(['taan', 'tään', 'ttiin', 'ttaisiin', 'ttäisiin', 'ttaneen', 'ttäneen', 'ttaessa', 'ttäessä']),
  ...['ttu', 'tty', 'ttava', 'ttävä'].map(nominal),
);
/** After the passive stem of verbs like tehdä, tulla, saada: teh-dään, tul-laan, saa-tiin, men-ty. */
const PASSIVE_T_COMMON = anyOf(
  withClitics(['tiin', 'taisiin', 'täisiin', 'taneen', 'täneen']),
  ...['tu', 'ty', 'tava', 'tävä'].map(nominal),
);
const passiveCache = new Map<string, Endings>();
/** The present passive takes the infinitive's consonant (teh-dään, tul-laan, juos-taan), so tehtaan
 * (the factory's) is not a form of tehdä. */
function passiveT(consonant: string): Endings {
  let set = passiveCache.get(consonant);
  if (!set) {
    set = anyOf(withClitics([`${consonant}aan`, `${consonant}ään`]), PASSIVE_T_COMMON);
    passiveCache.set(consonant, set);
  }
  return set;
}
/** After the active past participle's stem: toimittan-ut, tull-ut, tilann-eet. */
const PARTICIPLE = anyOf(
  withClitics(combine(['ut', 'yt'], ['', 'ta', 'tä'])),
  nominal('ee'),
  after('e', PLURAL),
);

/** Stems of irregular verbs that the rules below do not reach. */
const IRREGULAR_VERBS: Record<string, [string, Endings][]> = {
  olla: [
    ['ole', VERB_WEAK],
    ['ole', VERB_STRONG],
    ['on', withClitics([''])],
    ['ovat', withClitics([''])],
    ['oli', VERB_PAST],
    ['ol', passiveT('l')],
    ['oll', PARTICIPLE],
  ],
  tehdä: [
    ['tee', VERB_WEAK],
    ['teke', VERB_STRONG],
    ['tekee', withClitics([''])],
    ['teki', VERB_PAST],
    ['teh', passiveT('d')],
    ['tehn', PARTICIPLE],
  ],
  nähdä: [
    ['näe', VERB_WEAK],
    ['näke', VERB_STRONG],
    ['näki', VERB_PAST],
    ['näh', passiveT('d')],
    ['nähn', PARTICIPLE],
  ],
  käydä: [['kävi', VERB_PAST]],
  tietää: [['tienn', PARTICIPLE]],
  juosta: [
    ['juokse', VERB_WEAK],
    ['juokse', VERB_STRONG],
    ['juoksi', VERB_PAST],
  ],
};

const shorten = (s: string): string =>
  s.at(-1) === s.at(-2) ? s.slice(0, -1) : /(?:uo|yö|ie)$/.test(s) ? s.slice(0, -2) + s.at(-1) : s;

/** Stems of a verb in its first infinitive (toimittaa, saada, tulla, tilata, tarvita), if it is one. */
function addVerb(q: string, out: Stems): void {
  out.verbs = true;
  for (const [stem, set] of IRREGULAR_VERBS[q] ?? []) out.add(stem, set);
  if (!/[aä]$/.test(q) || q.length < 4) return;
  const a = q.at(-1)!;
  const vowelStem = (s: string, weak: string[]) => {
    out.add(s, VERB_STRONG);
    out.add(s, VERB_WEAK);
    out.add(`${s}${s.at(-1)}`, withClitics(['']));
    for (const w of weak) out.add(w, VERB_WEAK);
  };
  if (/(?:[aeiouyäö]|h)d[aä]$/.test(q)) {
    // saada, myydä, juoda, voida, tehdä
    const s = q.slice(0, -2);
    vowelStem(s, []);
    const short = shorten(s);
    out.add(`${short}i`, VERB_PAST);
    out.add(`${short}isi`, VERB_WEAK);
    out.add(s, passiveT('d'));
    out.add(`${s}n`, PARTICIPLE);
  } else if (/(?:ll|nn|rr|[aeiouyäö]st)[aä]$/.test(q)) {
    // tulla, mennä, purra, nousta
    const c = q.slice(0, -2);
    vowelStem(`${c}e`, []);
    out.add(`${c}i`, VERB_PAST);
    out.add(`${c}isi`, VERB_WEAK);
    out.add(c, passiveT(q.at(-3)!));
    out.add(c + c.at(-1), PARTICIPLE);
  } else if (/it[aä]$/.test(q)) {
    // tarvita, valita
    const c = q.slice(0, -1);
    vowelStem(`${c}se`, []);
    out.add(`${c}si`, VERB_PAST);
    out.add(`${c}sisi`, VERB_WEAK);
    out.add(q.slice(0, -2), PASSIVE_TT);
    out.add(`${q.slice(0, -2)}nn`, PARTICIPLE);
  } else if (/[aeouyäö]t[aä]$/.test(q)) {
    // tilata, haluta, tavata (→ tapaa-), pelätä (→ pelkää-); -eta also as vanheta (→ vanhene-)
    const c = q.slice(0, -2);
    const v = c.at(-1)!;
    const heads = [c.slice(0, -1), ...regrade(c.slice(0, -1), STRENGTHEN)];
    for (const h of heads) {
      const long = `${h}${v}${/[aä]/.test(v) ? v : a}`;
      out.add(long, VERB_STRONG);
      out.add(long, VERB_WEAK);
      if (long.at(-1) !== long.at(-2)) out.add(long + long.at(-1), withClitics([''])); // haluaa
      out.add(`${h}${v}si`, VERB_PAST);
    }
    out.add(`${c}isi`, VERB_WEAK);
    out.add(c, PASSIVE_TT);
    out.add(`${c}nn`, PARTICIPLE);
    if (v === 'e') {
      vowelStem(`${c}ne`, []);
      out.add(`${c}ni`, VERB_PAST);
    }
  } else if (/[aeiouyäö][aä]$/.test(q)) {
    // toimittaa, maksaa, hakea, puhua, tietää
    const s = q.slice(0, -1);
    const weak = weakForms(s);
    vowelStem(s, weak);
    const v = s.at(-1)!;
    for (const t of [s, ...weak]) {
      const past = /[aäe]/.test(v) ? [`${t.slice(0, -1)}i`] : v === 'i' ? [t] : [`${t}i`];
      if (v === 'a') past.push(`${t.slice(0, -1)}oi`); // maksoi, antoi
      if (/t[aäe]$/.test(t)) past.push(`${t.slice(0, -2)}si`); // ymmärtää → ymmärsi, tietää → tiesi
      for (const p of past) out.add(p, VERB_PAST);
    }
    for (const w of weak.length ? weak : [s]) {
      out.add(/[aä]$/.test(w) ? `${w.slice(0, -1)}e` : w, PASSIVE_TT);
    }
    out.add(`${s}n`, PARTICIPLE);
  }
}

/**
 * Every stem of a Finnish base form with the endings each takes, and the strings after which a
 * compound's next part may follow. `q` is lowercase.
 */
export function finnishStems(q: string): {
  stems: Map<string, Set<Endings>>;
  verbStems: Map<string, Set<Endings>>;
  heads: Set<string>;
  verb: boolean;
} {
  const out = new Stems();
  const last = q.at(-1) ?? '';
  const verb = isSurelyVerb(q);
  if (verb) {
    // tulla, saada, tilata: no noun is inflected like these (villa and kassa aside), so no noun stems.
    out.add(q, BARE);
    addVerb(q, out);
    return { stems: out.map, verbStems: out.verbMap, heads: out.heads, verb };
  }
  out.heads.add(q);
  if (/nen$/.test(q) && q.length >= 5) {
    // ihminen → ihmise-, ihmis-; tyytyväinen → tyytyväise-mpi, tyytyväis-in
    const h = q.slice(0, -3);
    out.add(q, BARE);
    out.strong(`${h}se`);
    out.consonant(`${h}s`, true);
    out.compared(`${h}se`, true);
  } else if (/[aeiouyäö]s$/.test(q) && q.length >= 4) {
    out.add(q, BARE);
    out.consonant(q);
    const v = q.at(-2)!;
    const h = q.slice(0, -2);
    if (/[uyoö]/.test(v)) {
      // sopimus → sopimukse-; yhteys → yhteyde-, yhteyt-tä; rakkaus → rakkaude-
      out.strong(`${q.slice(0, -1)}kse`);
      out.strong(`${q.slice(0, -1)}de`);
      out.consonant(`${q.slice(0, -1)}t`);
    } else {
      // asiakas → asiakkaa-; tehdas → tehtaa-; kallis → kallii-; kirves → kirvee-; also tennis → tenniksen
      for (const s of [h, ...regrade(h, STRENGTHEN)]) {
        out.strong(`${s}${v}${v}`);
        out.compared(`${s}${v}${v}`, true);
      }
      if (v === 'i' || v === 'e') out.strong(`${q.slice(0, -1)}kse`);
      if (v === 'i') {
        // kallis → kallein, kalleimmat
        out.add(`${h}ein`, BARE);
        out.strong(`${h}eimpa`);
        out.weak(`${h}eimma`);
        out.plural(`${h}eimp`);
      }
    }
  } else if (/t[oö]n$/.test(q) && q.length >= 5) {
    // palveluton → palveluttoma-, tyytymätön → tyytymättömä-, -mpi, -mmä
    const o = q.at(-2)!;
    const a = o === 'o' ? 'a' : 'ä';
    const strong = `${q.slice(0, -2)}t${o}m${a}`;
    out.add(q, BARE);
    out.consonant(q, true);
    out.strong(strong);
    out.compared(strong, false);
  } else if (/[aäie]n$/.test(q) && q.length >= 4) {
    // puhelin → puhelime-, avain → avaime-, sydän → sydäme-; lämmin → lämpime- (mm → mp, as in
    // the other -in words whose stem strengthens a doubled consonant)
    out.add(q, BARE);
    out.consonant(q, true);
    out.strong(`${q.slice(0, -1)}me`);
    const back = /[aou]/.test(q) ? 'a' : 'ä';
    for (const head of regrade(q.slice(0, -2), STRENGTHEN.slice(0, 5))) {
      out.strong(`${head}${q.at(-2)}me`);
      out.strong(`${head}${q.at(-2)}m${back}`); // lämpimä-n, lämpimä-ssä
    }
  } else if (!isVowel(last)) {
    // foreign and abbreviations: Excel → Exceli-n, CRM → CRM:n (BARE)
    out.add(q, BARE);
    out.consonant(q);
    out.strong(`${q}i`);
  } else if (last === 'e' && !isVowel(q.at(-2))) {
    // huone → huonee-, taide → taitee-, liike → liikkee-, osoite → osoittee-
    out.add(q, E_BASE);
    const h = q.slice(0, -1);
    for (const s of new Set([h, ...regrade(h, STRENGTHEN)])) out.strong(`${s}ee`);
  } else {
    out.add(q, BARE);
    out.strong(q);
    for (const w of weakForms(q)) out.weak(w);
    if (last === 'i') {
      // kieli → kiele-, kiel-tä; henki → henge-; vesi → vede-, vete-, vet-tä; lapsi → lapse-, las-ta
      const h = q.slice(0, -1);
      out.strong(`${h}e`, false);
      for (const w of weakForms(`${h}e`)) out.weak(w, false);
      if (!isVowel(h.at(-1))) out.consonant(h);
      if (/[^s]s$/.test(h) || /^[^aeiouyäö]*[aeiouyäö]+s$/.test(h)) {
        const t = h.slice(0, -1);
        if (/ps$/.test(h)) out.consonant(t);
        else {
          out.strong(`${t}te`, false);
          out.weak(`${t}de`, false);
          out.compared(`${t}de`, false); // uusi → uudempi
          out.consonant(`${t}t`);
        }
      }
      if (/m$/.test(h)) out.consonant(`${h.slice(0, -1)}n`); // lumi → lunta
      out.compared(q, true); // uusi → uusin, uusimmat
    } else {
      out.compared(q, true, 3); // iso → isompi
      for (const w of weakForms(q)) out.compared(w, true); // halpa → halvempi, helppo → helpompi
    }
    addVerb(q, out);
  }
  return { stems: out.map, verbStems: out.verbMap, heads: out.heads, verb };
}

/** Infinitives that look like verbs: kertoa, puhua, kysyä, ostaa, hakea (but vapaa and vaikea are
 * adjectives, so these keep their noun stems too, and only lose their place inside compounds). */
export function looksLikeVerb(q: string): boolean {
  return isSurelyVerb(q) || /(?:[ou]a|[yö]ä|e[aä])$/.test(q) || (q.length >= 5 && /(?:aa|ää)$/.test(q));
}

/** Infinitives of the verb types other than toimittaa's (whose shape asia and idea share). */
export function isSurelyVerb(q: string): boolean {
  if (q in IRREGULAR_VERBS || /(?:[aeiouyäö]d|hd|ll|nn|rr|[aeiouyäö]st)[aä]$/.test(q)) return true;
  // tilata, haluta, tarvita have three syllables; pöytä, sota, aita are nouns.
  return /[aeiouyäö]t[aä]$/.test(q) && (q.match(/[aeiouyäö]+/g) ?? []).length >= 3;
}

/** Every ending a noun stem takes, whatever its vowel: what may follow a derivation suffix. One set
 * rather than the union of the sets above, since it is asked about every compound's tail. */
export const ANY_NOMINAL_ENDING: Endings = anyOf(
  endingSet([
    '',
    ...SG_CASES,
    ...CLOSED_CASES,
    ...[...VOWELS].flatMap((v) => [`${v}n`, `h${v}n`]),
    'ta',
    'tä',
    'ten',
    ...PLURAL_CASES.map((c) => `i${c}`),
    'ja',
    'jä',
    'jen',
  ]),
  withClitics(combine([':', "'", '’'], [...MARKED, ...MARKED_MORE])),
);

/**
 * Common words that begin with the letters of a shorter word without being its form or a compound of
 * it (asiakas is not asia + kas, henkilö not henki + lö, tilanne not tila + nne): where one of these
 * starts, a shorter query word does not match.
 */
export const OTHER_WORDS = [
  'asiakas',
  'asiakk',
  'asiakirj',
  'henkilö',
  'henkilöstö',
  'tilanne',
  'tilantee',
  'tapaus',
  'tapauks',
  'tapahtu',
  'maanantai',
  'maailma',
  'kuusi',
  'kuude',
  'kuute',
  'osaami',
  'osasto',
  'osake',
  'lupaus',
  'lupauks',
  'tietoine',
  'tietoise',
  'tietoisu',
  'laskutu',
  'laskutt',
  // kuulla (hear, belong) in all its forms outnumbers the moon in interview notes
  'kuul',
  'kuunnel',
  'kuuntel',
  // tietää and tieto, not tie (road)
  'tietäv',
  'tietäi',
  'tietäm',
  'tietän',
  'tiesi',
  'tiedo',
  'tiede',
  'tieto',
  'tapatur',
  'maalis',
  'maali',
];
