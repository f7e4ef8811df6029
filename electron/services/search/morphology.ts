/**
 * Which words of a text are forms of a query word. The index finds candidate passages by substrings
 * (a trigram index); this module says which substrings to look for and which words really match.
 *
 * Finnish: the query's base form is turned into its inflection stems with consonant gradation and the
 * endings each takes (finnish.ts); the query may also be a compound part (henkilöriski inside
 * avainhenkilöriskistä, laskutus inside laskutusprosessin). English: the query's inflections
 * (english.ts). Both languages are tried; a word matches if it is a form in either. Compound parts are
 * looked for only when Finnish is the first (the engagement's) language: in English notes they would
 * mostly find English words inside others (port in support).
 *
 * Snowball stems (@orama/stemmers) are not used either: on the test lists they alone find 58 % of the
 * Finnish forms, and added beside the rules they find nothing more while matching more wrong words
 * (osata for osa, busy for business, experiment for experience).
 *
 * Voikko (a real Finnish lemmatiser) is not used: it is GPL (linking it would bind the app's licence),
 * not on npm, and needs a native library and dictionary per OS. Measured once through Debian's
 * python3-libvoikko 4.3 on the same lists (base form or compound part of any analysis): recall 98.1 %,
 * precision 90.2 %, and 95.5 % / 70 % on the pairs written after the rules were first tuned, at
 * 50–150 µs a word; the rules here give 99.5 % / 98.4 % (100 % / 93.3 % on those pairs) at about 1 µs.
 */

import { englishForms } from './english.ts';
import {
  ANY_NOMINAL_ENDING,
  type Endings,
  finnishStems,
  isVowel,
  looksLikeVerb,
  OTHER_WORDS,
} from './finnish.ts';

export type SearchLanguage = 'fi' | 'en';

/** One word of a text; start and end in Unicode code points (the notes' offset convention). */
export interface TextWord {
  text: string;
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Characters that join two word characters into one word: apostrophes (customer's, Price'n),
 * hyphens (e-lasku, CRM-järjestelmä), a colon before a Finnish ending (ABB:n) and the soft hyphen. */
const JOINERS = new Set(["'", '’', '-', '‐', '‑', ':', '\u00AD']);

const wordCharSeen = new Map<number, boolean>();
/** Whether a code point is a letter, digit or combining mark; ASCII without a regular expression. */
function isWordChar(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = wordCharSeen.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(code));
    wordCharSeen.set(code, known);
  }
  return known;
}

/** The words of a text in order, with their code-point offsets. */
export function splitWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let startUnit = -1;
  let startPoint = 0;
  let point = 0;
  for (let unit = 0; unit < text.length; ) {
    const code = text.codePointAt(unit)!;
    const width = code > 0xffff ? 2 : 1;
    let inWord = isWordChar(code);
    if (!inWord && startUnit >= 0 && JOINERS.has(text[unit]!)) {
      const next = text.codePointAt(unit + 1);
      inWord = next !== undefined && isWordChar(next);
    }
    if (inWord && startUnit < 0) {
      startUnit = unit;
      startPoint = point;
    } else if (!inWord && startUnit >= 0) {
      words.push({ text: text.slice(startUnit, unit), start: startPoint, end: point });
      startUnit = -1;
    }
    unit += width;
    point++;
  }
  if (startUnit >= 0) words.push({ text: text.slice(startUnit), start: startPoint, end: point });
  return words;
}

// Finnish and English have no locale-specific case rules, and the plain lowercase is several times faster.
// A decomposed ä (a + U+0308, as some pasted text has) is composed, and soft hyphens are dropped.
const lower = (s: string): string => {
  let l = s.toLowerCase();
  if (/[\u0300-\u036f]/.test(l)) l = l.normalize('NFC');
  return l.includes('\u00AD') ? l.replace(/\u00AD/g, '') : l;
};
const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Suffixes that make another word of a base form rather than a compound (asia → asiakas, lasku →
 * laskutus, henki → henkilöstö, kahvi → kahvila, tieto → tietoinen); with their inflection stems. */
const DERIVATIONS = [
  'kas',
  'käs',
  'kkaa',
  'kkää',
  'kka',
  'kkä',
  'tus',
  'tys',
  'tukse',
  'tykse',
  'tuks',
  'tyks',
  'us',
  'ys',
  'ukse',
  'ykse',
  'uks',
  'yks',
  'uus',
  'yys',
  'ude',
  'yde',
  'ut',
  'yt',
  'inen',
  'ise',
  'is',
  'isi',
  'isuus',
  'isuude',
  'isuut',
  'llinen',
  'llise',
  'llis',
  'llisi',
  'lainen',
  'läinen',
  'laise',
  'läise',
  'lais',
  'läis',
  'mainen',
  'mäinen',
  'maise',
  'mäise',
  'mais',
  'mäis',
  'ton',
  'tön',
  'ttoma',
  'ttömä',
  'ttom',
  'ttöm',
  'sto',
  'stö',
  'la',
  'lä',
  'lo',
  'lö',
  'ja',
  'jä',
  'ji',
  'ri',
  'sti',
  'esti',
  'ttaa',
  'ttää',
  'tta',
  'ttä',
  'tti',
  'tte',
  'te',
  'sta',
  'stä',
  'taa',
  'tää',
  'minen',
  'mise',
  'mis',
  'aminen',
  'äminen',
  'amise',
  'ämise',
  'amis',
  'ämis',
  'tos',
  'tös',
  'tokse',
  'tökse',
  'toks',
  'töks',
  'nut',
  'nyt',
  'nee',
  'va',
  'vä',
];

const derivationSeen = new Map<string, boolean>();

function isDerivation(tail: string, depth = 0): boolean {
  if (depth === 0) {
    let known = derivationSeen.get(tail);
    if (known === undefined) {
      known = isDerivationUncached(tail, 0);
      if (derivationSeen.size > 20_000) derivationSeen.clear();
      derivationSeen.set(tail, known);
    }
    return known;
  }
  return isDerivationUncached(tail, depth);
}

function isDerivationUncached(tail: string, depth: number): boolean {
  if (ANY_NOMINAL_ENDING.has(tail)) return true;
  if (depth > 2) return false;
  return DERIVATIONS.some((d) => {
    if (!tail.startsWith(d)) return false;
    const rest = tail.slice(d.length);
    if (isDerivation(rest, depth + 1)) return true;
    // A derivation and then a compound's next part: talo|us|johtaja, tila|us|kanta.
    return !isVowel(d.at(-1)) && !isVowel(rest[0]) && isCompoundTail(rest, d);
  });
}

/** Consonant pairs a (borrowed) compound part may begin with: prosessi, strategia, kriisi, tiimi. */
const ONSET = /^(?:[bcdfgkpt][rl]|s[ckmnptvl]|str|spr|skr|ch|sh|th|ts|ps)/;

/** Letters and endings no Finnish word has: c, q, w, x, z (and f, b, g but in ng, in a compound's
 * tail), or two consonants at the end. English words met in Finnish rules (deliver|able, pay|ment,
 * use|ful, win|dow) fail these. */
const NOT_FINNISH = /[cqwxz]|[^aeiouyäö'’:-][^aeiouyäö]$/;
const NOT_FINNISH_TAIL = /[bcfqwxzšž]|(?<!n)g|[^aeiouyäönst]$|[^aeiouyäö][^aeiouyäö]$/;

/** Whether what follows a query word's base form (or genitive) inside a text word is another compound
 * part (laskutus|prosessin, asiakas|yhteistyö) rather than a derivation ending (asia|kas, lasku|tus). */
function isCompoundTail(tail: string, head: string): boolean {
  if (tail.startsWith('-')) return codePoints(tail) >= 3;
  if (isVowel(tail[0]) && head.at(-1) === tail[0]) return false; // osa|atte: would be osa-atte
  // A short head takes a longer tail: kuu|des and kuu|den are not compounds.
  if (codePoints(tail) < (codePoints(head) < 5 ? 4 : 3) || tail[0] === tail[1]) return false;
  if (!isVowel(tail[0]) && !isVowel(tail[1]) && !ONSET.test(tail)) return false;
  if (NOT_FINNISH_TAIL.test(tail)) return false;
  return !isDerivation(tail);
}

/** Whether what comes before a stem inside a text word can be the first part of a compound
 * (avain|henkilöriski, asiakas|palvelu, e-|lasku): a vowel and three letters, or a hyphen. */
function isCompoundHead(prefix: string, stem: string, rest: string): boolean {
  if (prefix.endsWith('-')) return true;
  const end = prefix.at(-1) ?? '';
  // Parts that meet on the same vowel are written with a hyphen (ala-aste), so osa|atte is no compound;
  // nor do they split a double consonant but after -s or -n (asiakas|suhde; kat|tila is kattila).
  if (end === stem[0] && (isVowel(end) || !/[sn]/.test(end))) return false;
  // A first part ends in a vowel, -n, -s or -t (koti|maa, kaupungin|, asiakas|, yhteis|): työp|aika and
  // suunnitel|malli are not compounds.
  if (!isVowel(end) && !/[nst]/.test(end)) return false;
  if (codePoints(prefix) < 3 || !/[aeiouyäöå]/.test(prefix) || codePoints(stem) < 3) return false;
  if (codePoints(stem) >= 4) return true;
  // A three-letter word is an ending's worth of letters (firma|a → fir|maa, investoin|tien): only after
  // four letters, and in its base form or plural (yhteis|työ, koti|maa, lisä|työ-t).
  return codePoints(prefix) >= 4 && (rest === '' || rest === 't');
}

const THIRD_INFINITIVE = /^m[aä](?:[aä]n|ss[aä]|st[aä]|ll[aä]|tt[aä])$/;

/** Whether a word of OTHER_WORDS that begins with the query and reaches past the matched stem starts
 * at `at` (asia inside asiakkaan, henki inside henkilöriski; but lupaukse- of lupaus reaches past
 * lupauks, and tietää's tietä-vät is no other word of it). */
function otherWordAt(w: string, at: number, stemLength: number, q: string): boolean {
  for (const o of OTHER_WORDS)
    if (o.length > stemLength && o.startsWith(q) && w.startsWith(o, at)) return true;
  return false;
}

interface StemEntry {
  stem: string;
  sets: Endings[];
  /** Whether the stem may follow a compound's first part. */
  inner: boolean;
  /** A string after which a compound's next part may follow, rather than a stem taking endings. */
  head: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Entries whose stem ends at this node. */
  here: StemEntry[];
}

function buildTrie(entries: StemEntry[]): TrieNode {
  const root: TrieNode = { next: new Map(), here: [] };
  for (const e of entries) {
    let node = root;
    // By UTF-16 unit, as the word is walked.
    for (const ch of e.stem.split('')) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), here: [] };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.here.push(e);
  }
  return root;
}

interface Matcher {
  q: string;
  fiStems: StemEntry[];
  /** The same entries in a letter tree, so a word is walked once, not searched once per stem. */
  trie: TrieNode;
  /** Whether the query may be a compound part: Finnish is the first language and the word could be
   * Finnish. An English engagement still finds Finnish inflections, not English words inside others. */
  compounds: boolean;
  en: Set<string>;
  patterns: string[];
  /** Verdicts already given, by the text word as written: words repeat, and most are met again. */
  seen: Map<string, boolean>;
}

/** The longest common prefix of two strings. */
function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** The fewest substrings that every string of `forms` contains one of: each form cut after where it
 * departs from the query (asiakkaa → asiakk, hinna → hinn), then any that holds a shorter one dropped.
 * A form of one or two letters (olla → on) is out of a trigram index's reach and is left out. */
function coverPatterns(q: string, forms: Iterable<string>): string[] {
  const all = [...forms].filter((f) => codePoints(f) >= 3);
  // A word of one or two letters is its own pattern, beside its forms that do not contain it (go → went).
  if (codePoints(q) < 3)
    return [
      q,
      ...cover(
        '',
        all.filter((f) => !f.includes(q)),
      ),
    ];
  return cover(q, all);
}

function cover(q: string, forms: string[]): string[] {
  if (!forms.length) return [];
  let shared = forms[0]!;
  for (const f of forms) shared = commonPrefix(shared, f);
  if (codePoints(shared) >= 4) return [shared];
  const cut = new Set<string>();
  for (const f of forms) {
    const keep = Math.max(3, codePoints(commonPrefix(f, q)) + 1);
    cut.add(Array.from(f).slice(0, keep).join(''));
  }
  const sorted = [...cut].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of sorted) if (!out.some((o) => p.includes(o))) out.push(p);
  return out;
}

const cache = new Map<string, Map<string, Matcher>>();

function matcherFor(queryWord: string, languages: readonly SearchLanguage[]): Matcher {
  const key = languages.length === 2 ? languages[0]! + languages[1]! : languages.join('');
  let byWord = cache.get(key);
  if (!byWord) {
    byWord = new Map();
    cache.set(key, byWord);
  }
  let m = byWord.get(queryWord);
  if (m) return m;
  const q = lower(queryWord);
  const fi = languages.includes('fi') ? finnishStems(q) : null;
  const en = languages.includes('en') ? englishForms(q) : new Set<string>();
  const fiStems: StemEntry[] = [];
  const compounds = languages[0] === 'fi' && !NOT_FINNISH.test(q);
  if (fi) {
    // Inside a compound: the query itself, or a noun stem of five letters or more (avain|asiakkaa-lle);
    // shorter changed stems are everyday syllables (tilaisu|ude-ssa, toimitt|aja-n).
    for (const [stem, sets] of fi.stems)
      fiStems.push({
        stem,
        sets: [...sets],
        inner: stem === q ? !looksLikeVerb(q) : codePoints(stem) >= 5,
        head: false,
      });
    for (const [stem, sets] of fi.verbStems)
      fiStems.push({ stem, sets: [...sets], inner: false, head: false });
    // A short word both after and before other parts is more often a syllable: auto|maa|tiota.
    if (compounds)
      for (const stem of fi.heads) fiStems.push({ stem, sets: [], inner: codePoints(stem) >= 5, head: true });
  }
  const patterns = coverPatterns(q, [...fiStems.filter((e) => !e.head).map((e) => e.stem), ...en]);
  m = { q, fiStems, trie: buildTrie(fiStems), compounds, en, patterns, seen: new Map() };
  if (byWord.size > 100) byWord.clear();
  byWord.set(queryWord, m);
  return m;
}

/**
 * Lowercase substrings, each at least three code points long, of which a text must contain at least
 * one to possibly hold a form of the query word: what the trigram index is asked for. A query word of
 * one or two code points returns itself.
 */
export function candidatePatterns(queryWord: string, languages: readonly SearchLanguage[]): string[] {
  return [...matcherFor(queryWord, languages).patterns];
}

function finnishMatch(w: string, m: Matcher): boolean {
  for (let i = 0; i < w.length - 1; i++) {
    // Without compounds, a word is tried from its start and after a hyphen only (e-|laskun).
    if (i > 0 && !m.compounds && w[i - 1] !== '-') continue;
    let node = m.trie;
    for (let k = i; k < w.length; k++) {
      const child = node.next.get(w[k]!);
      if (!child) break;
      node = child;
      if (node.here.length && matchesAt(w, i, k + 1, node.here, m.q)) return true;
    }
  }
  return false;
}

/** Whether one of `entries`, whose stem is w[i..k), takes what follows it in `w`. */
function matchesAt(w: string, i: number, k: number, entries: StemEntry[], q: string): boolean {
  if (otherWordAt(w, i, k - i, q)) return false;
  const rest = w.slice(k);
  for (const { stem, sets, inner, head } of entries) {
    const hyphen = w[i - 1] === '-';
    if (i > 0 && !hyphen && !(inner && isCompoundHead(w.slice(0, i), stem, head ? '' : rest))) continue;
    if (head) {
      if (isCompoundTail(rest, stem)) return true;
      continue;
    }
    // hoita|maan is the verb's third infinitive, not a compound ending in maa.
    if (i > 0 && isVowel(w[i - 1]) && THIRD_INFINITIVE.test(w.slice(i))) continue;
    for (const set of sets) if (set.has(rest)) return true;
  }
  return false;
}

function englishMatch(w: string, m: Matcher): boolean {
  if (m.en.has(w)) return true;
  // A hyphenated word matches by its parts: e-invoicing, follow-up.
  if (w.includes('-')) return w.split('-').some((part) => m.en.has(part));
  return false;
}

/** Whether a word of a text is a form of the query word (an inflected form, or a compound containing it). */
export function isFormOf(textWord: string, queryWord: string, languages: readonly SearchLanguage[]): boolean {
  const m = matcherFor(queryWord, languages);
  const known = m.seen.get(textWord);
  if (known !== undefined) return known;
  const w = lower(textWord);
  // Most words of a candidate passage share no pattern with the query: cheap to rule out first.
  const verdict =
    m.patterns.some((p) => w.includes(p)) &&
    ((m.en.size > 0 && englishMatch(w, m)) || (m.fiStems.length > 0 && finnishMatch(w, m)));
  if (m.seen.size > 10_000) m.seen.clear();
  m.seen.set(textWord, verdict);
  return verdict;
}
