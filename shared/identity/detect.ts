import { isFormOf, isLowercaseFormOf, type LowerStemKind, nameStems, type Stem } from './finnish.ts';
import {
  COMMON_ACRONYMS,
  COMMON_WORDS,
  FIRST_NAMES,
  GENERIC_ORG_WORDS,
  LEGAL_SUFFIXES,
  lowercaseSafe,
  NICKNAME_VALUES,
  NICKNAMES,
  NOT_NAMES,
  SURNAMES,
} from './gazetteer.ts';
import { normalizeForMatching, normalizeName } from './normalize.ts';
import { matchAround, opensSentence, type Word, words } from './scan.ts';

/** One person or organisation the engine knows, with every name it goes by. */
export interface KnownIdentity {
  id: string;
  kind: 'person' | 'org';
  /** The full name first, then aliases (short forms, nicknames, forms the consultant linked). */
  names: readonly string[];
}

export type SpanKind = 'identity' | 'candidate' | 'email' | 'phone' | 'url' | 'personalId';

/** Something in a text that identifies someone, in the original text's UTF-16 offsets. */
export interface FoundSpan {
  start: number;
  end: number;
  /** The original characters, soft hyphens and all. */
  text: string;
  /** The text as compared: NFC, invisible characters removed. */
  normalized: string;
  kind: SpanKind;
  /** For identities: every identity the words could belong to (more than one when a first name is shared). */
  identityIds: readonly string[];
  /** For candidates: a guess from the words (a legal suffix or an acronym means an organisation). */
  guess: 'person' | 'org' | null;
}

export interface FindOptions {
  /** Also report capitalised words nobody registered (default true). */
  candidates?: boolean;
  /** Words seen in lower case in the same material: a capitalised one at a sentence start is ordinary. */
  ordinary?: ReadonlySet<string>;
  /** Names found in the middle of sentences elsewhere in the material: their forms count at a sentence start too. */
  learned?: IdentityMatcher;
}

interface StemEntry {
  identityId: string;
  stem: Stem;
  /** False for generic words of a company name: they count only beside another word of it. */
  alone: boolean;
  /** The stem is the name word itself: "Karin" as written beats "Karin" the genitive of Kari. */
  base: boolean;
}

// "(at)" and "[at]" are how Finnish web pages and signatures often write the @.
export const EMAIL =
  /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+(?:@|[ \t]?[([]a(?:t)?[)\]][ \t]?)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
export const URL =
  /(?:https?:\/\/|www\.)[^\s<>"'()[\]]+|(?<![@\p{L}\p{N}.-])[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:fi|com|se|no|dk|de|ee|eu|net|org|io|ax|uk|info|biz)(?:\/[^\s<>"'()[\]]*)?(?![\p{L}\p{N}])/gu;
/**
 * What every e-mail address or URL contains, found by plain scanning (no Unicode classes, so much
 * faster than the patterns themselves): the patterns then run only on the words around these.
 */
export const EMAIL_HINT = /@|[([]a(?:t)?[)\]]/g;
export const URL_HINT = /https?:\/\/|www\.|\.(?:fi|com|se|no|dk|de|ee|eu|net|org|io|ax|uk|info|biz)/g;
/** A Finnish personal identity code (henkilötunnus): 010190-123A, century signs - + A and Y–F/U–W. */
const PERSONAL_ID = /(?<![\p{L}\p{N}])[0-3]\d[01]\d\d\d[-+A-FU-Y]\d{3}[0-9A-Y](?![\p{L}\p{N}])/gu;
// Finnish (040…, (09) …), international (+358 …) and North American ((212) 555-0199, 212-555-0199) numbers.
const PHONE =
  /(?<![\p{L}\p{N}+])(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?\(?\d{1,4}\)?|\(0\d{1,3}\)|0\d{1,3}|\(\d{3}\)[\s-]?\d{3}|\d{3}-\d{3})(?:[\s-]?\d{2,5}){1,4}(?![\p{L}\p{N}])/gu;
/** Finnish numbers written with dots or slashes: 040.123.4567, 040/765 4321 (not dates: they start 0d.). */
const PHONE_DOTTED = /(?<![\p{L}\p{N}./])0\d{1,3}[./]\d{3,4}(?:[./ ]\d{3,4})?(?![\p{L}\p{N}]|[./]\d)/gu;
/** A Finnish -nen surname in any case: Rautiainen, Hyvärisen, Pesoselle, Tanskasta. */
const SURNAME_SHAPE =
  /^\p{Lu}\p{Ll}+[aeiouyäö](?:nen|se(?:n|lle|lla|llä|lta|ltä|ssa|ssä|sta|stä|ksi|na|nä|en|t))(?:kin|kaan|kään|han|hän)?$/u;
/**
 * Everyday -nen words that open sentences: verbal nouns (Sitoutuminen), -llinen adjectives
 * (Tavallisen), numbers (Kymmenen) and common words (Ensimmäinen, Jokaisen, Suomalaiset…).
 */
const ORDINARY_NEN =
  /(?:mi|lli)(?:nen|s\p{Ll}*)$|^(?:kymme|ensimmäi|viimei|jokai|suomalai|ruotsalai|ulkomai|kotimai|tavalli|sellai|tällai|tuollai|millai|minkälai|erilai|samanlai|kaikenlai|monenlai|yksittäi|alkuperäi|varsinai|nykyi|enti|myöhäi|päivittäi|viikoittai|kuukausittai|vuosittai|säännölli|henkilökohtai|yhtei|toi|nai|ihmi|hevo|kysymyks|vastaukse|tulokse|keskustelu|kokoukse|palaverissa)/u;
const NO_FORMS: { strong: string[]; weak: string[] } = { strong: [], weak: [] };
/** A stem of a person's name written in lower case ("sepo" for "sepolle"). */
interface LowerEntry {
  identityId: string;
  stem: string;
  kind: LowerStemKind;
}

/** Distinct words a matcher remembers the forms of (a long report has a few tens of thousands). */
const FORMS_CACHE = 50_000;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/u;
const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
/** A hyphen ending a line: then the line break, or the spaces a PDF's text gives for it. */
const LINE_BREAK_HYPHEN = /^-(?:[ \t]*\r?\n[ \t]*|[ \t]+)$/u;
const HYPHEN = 0x2d;
/**
 * Words that make a name a business ("Café Aalto", "Hotelli Kallio"): still masked, but as an
 * organisation, so a quote does not read "the [person] refit".
 */
const PLACE_WORDS = new Set(
  'Café Cafe Kahvila Ravintola Restaurant Bistro Bar Baari Hotel Hotelli Pub Bakery Leipomo Shop Store Salon Clinic Klinikka'.split(
    ' ',
  ),
);
/** A word's first two UTF-16 codes as one number (a stem has at least two letters). */
const startOf = (word: string): number => word.charCodeAt(0) * 0x10000 + word.charCodeAt(1);
const ALL_CAPS = /^[\p{Lu}\p{N}]{2,}$/u;
const lower = (s: string): string => s.toLocaleLowerCase('fi');
/** "ABB:n" → "ABB", "Tom's" → "Tom". */
const stripEnding = (word: string): string => word.replace(/['’:].*$/u, '');

/** Splits a registered name into its words: "Anna-Liisa Mäki-Petäjä" → Anna, Liisa, Mäki, Petäjä. */
function nameWords(name: string): string[] {
  return normalizeName(name)
    .split(/[\s-]+/)
    .filter((w) => w && !LEGAL_SUFFIXES.has(w) && /\p{L}/u.test(w) && w !== '&');
}

/**
 * The identity engine's matcher: which words of a text name a known person or organisation (in any
 * inflected form), which look like names nobody registered, and which are e-mail addresses, phone
 * numbers or URLs. Built once per register, then used for any number of texts.
 */
export class IdentityMatcher {
  private readonly stems = new Map<string, StemEntry[]>();
  private readonly maxStem: number;
  private readonly orgs: Set<string>;
  private readonly formsOf = new Map<string, { strong: string[]; weak: string[] }>();
  private readonly lowerStems = new Map<string, LowerEntry[]>();
  private readonly maxLowerStem: number;
  private readonly lowerFormsOf = new Map<string, { strong: string[]; weak: string[] }>();
  /** The first two letters of every lower-case stem, as one number: most words are ruled out by them. */
  private readonly lowerStarts = new Set<number>();

  readonly identities: readonly KnownIdentity[];

  constructor(identities: readonly KnownIdentity[], nicknames = true) {
    this.identities = identities;
    this.orgs = new Set(identities.filter((i) => i.kind === 'org').map((i) => i.id));
    let maxStem = 0;
    let maxLowerStem = 0;
    for (const identity of identities) {
      for (const name of nicknames ? expandNames(identity) : identity.names) {
        const parts = nameWords(name);
        parts.forEach((word, index) => {
          // In "Seppo Kallio", Seppo is a first name; a lone word is one if it is a known first name or
          // nickname (Sepi keeps its -i: Sepin, never the e-stem "Seve-n" that reads "seven").
          const given =
            identity.kind === 'person' &&
            (parts.length > 1
              ? index < parts.length - 1
              : FIRST_NAMES.has(word) || NICKNAME_VALUES.has(word));
          const alone = identity.kind === 'person' || parts.length === 1 || !GENERIC_ORG_WORDS.has(word);
          // Typed fast in lower case ("sepolle soitettiin"): a person's name whose lower case is no word.
          const lowercase = identity.kind === 'person' && lowercaseSafe(word);
          for (const stem of nameStems(word, given)) {
            if (lowercase) {
              const key = lower(stem.stem);
              const entries = this.lowerStems.get(key) ?? [];
              // A changed stem alone can be a word (Riitta → "riita", a quarrel): it needs an ending
              // of a closed syllable (see isLowercaseFormOf).
              const kind: LowerStemKind =
                stem.stem === word
                  ? 'base'
                  : stem.endings === 'partitive'
                    ? 'partitive'
                    : /nen$/u.test(word) && key.endsWith('se')
                      ? 'nen'
                      : 'changed';
              if (!entries.some((e) => e.identityId === identity.id && e.kind === kind))
                entries.push({ identityId: identity.id, stem: key, kind });
              this.lowerStems.set(key, entries);
              this.lowerStarts.add(startOf(key));
              maxLowerStem = Math.max(maxLowerStem, key.length);
            }
            const list = this.stems.get(stem.stem) ?? [];
            const same = list.find((e) => e.identityId === identity.id && e.stem.endings === stem.endings);
            if (!same) list.push({ identityId: identity.id, stem, alone, base: stem.stem === word });
            else same.alone ||= alone;
            this.stems.set(stem.stem, list);
            maxStem = Math.max(maxStem, stem.stem.length);
          }
        });
      }
    }
    this.maxStem = maxStem;
    this.maxLowerStem = maxLowerStem;
  }

  /** The people a word written in lower case is a form of (only names that are no words; see lowercaseSafe). */
  lowercaseIdentitiesOf(token: string): { strong: string[]; weak: string[] } {
    // Every lower-case word of the text comes here: rule most out without hashing the word.
    if (!this.lowerStarts.has(startOf(token))) return NO_FORMS;
    let forms = this.lowerFormsOf.get(token);
    if (!forms) {
      if (this.lowerFormsOf.size >= FORMS_CACHE) this.lowerFormsOf.clear();
      const strong = new Set<string>();
      for (let length = Math.min(token.length, this.maxLowerStem); length >= 2; length--) {
        for (const entry of this.lowerStems.get(token.slice(0, length)) ?? [])
          if (isLowercaseFormOf(token, entry.stem, entry.kind)) strong.add(entry.identityId);
      }
      forms = strong.size ? { strong: [...strong], weak: [] } : NO_FORMS;
      this.lowerFormsOf.set(token, forms);
    }
    return forms;
  }

  /** The identities a single word is a form of; `weak` ones only if a neighbouring word agrees. */
  identitiesOf(token: string): { strong: string[]; weak: string[] } {
    // Names recur in notes: each distinct word is worked out once per matcher.
    let forms = this.formsOf.get(token);
    if (!forms) {
      if (this.formsOf.size >= FORMS_CACHE) this.formsOf.clear();
      forms = this.workOutForms(token);
      this.formsOf.set(token, forms);
    }
    return forms;
  }

  private workOutForms(token: string): { strong: string[]; weak: string[] } {
    // Names typed in capitals ("SEPPO KALLIO", "KALLIOLLE", "O'NEILL") are compared as written
    // normally, with a capital after an apostrophe too (O'Neill) or not (Tom's).
    const letters = token.replace(/['’:]/gu, '');
    if (letters.length >= 3 && ALL_CAPS.test(letters) && !this.stems.has(stripEnding(token))) {
      const lowered = token[0] + token.slice(1).toLowerCase();
      const capital = lowered.replace(
        /(')(\p{Ll})/gu,
        (_, mark: string, c: string) => mark + c.toUpperCase(),
      );
      if (capital === lowered) return this.formsOfWord(lowered);
      const [a, b] = [this.formsOfWord(lowered), this.formsOfWord(capital)];
      const strong = [...new Set([...a.strong, ...b.strong])];
      return { strong, weak: [...new Set([...a.weak, ...b.weak])].filter((id) => !strong.includes(id)) };
    }
    return this.formsOfWord(token);
  }

  private formsOfWord(token: string): { strong: string[]; weak: string[] } {
    const strong = new Set<string>();
    const weak = new Set<string>();
    const exact = (this.stems.get(token) ?? []).filter((e) => e.base);
    if (exact.length) {
      for (const e of exact) (e.alone ? strong : weak).add(e.identityId);
      return { strong: [...strong], weak: [...weak].filter((id) => !strong.has(id)) };
    }
    for (let length = Math.min(token.length, this.maxStem); length >= 2; length--) {
      for (const entry of this.stems.get(token.slice(0, length)) ?? []) {
        if (isFormOf(token, entry.stem)) (entry.alone ? strong : weak).add(entry.identityId);
      }
    }
    return { strong: [...strong], weak: [...weak].filter((id) => !strong.has(id)) };
  }

  /**
   * A name split at a line break by a hyphen, as text pasted from a PDF has it ("Kal-\nlio",
   * "Mik- kolle" where the break became a space), is one word when the joined word is a form of a
   * known name and the second piece goes on in lower case. Anything else stays two words, so
   * ordinary compounds ("asiakas-\nkokemus", "Oy-yhtiö") are never joined.
   */
  private joinLineBreaks(text: string, tokens: Word[]): Word[] {
    const joined: Word[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]!;
      const next = tokens[i + 1];
      if (
        next &&
        text.charCodeAt(word.end) === HYPHEN &&
        LINE_BREAK_HYPHEN.test(text.slice(word.end, next.start)) &&
        LOWER.test(next.word) &&
        /\p{L}$/u.test(word.word)
      ) {
        const whole = word.word + next.word;
        const forms = UPPER.test(whole) ? this.identitiesOf(whole) : this.lowercaseIdentitiesOf(whole);
        if (forms.strong.length || forms.weak.length) {
          joined.push({ start: word.start, end: next.end, word: whole });
          i++;
          continue;
        }
      }
      joined.push(word);
    }
    return joined;
  }

  /** Everything in `original` that identifies someone, in text order, never overlapping. */
  find(original: string, options: FindOptions = {}): FoundSpan[] {
    const { text, toOriginal } = normalizeForMatching(original);
    // One flag per character: spans never overlap, and checking stays linear in the text.
    const taken = new Uint8Array(text.length + 1);
    const spans: Omit<FoundSpan, 'text' | 'normalized' | 'start' | 'end'>[] = [];
    const ranges: [number, number][] = [];
    const free = (s: number, e: number) => {
      for (let i = s; i < e; i++) if (taken[i]) return false;
      return true;
    };
    const push = (s: number, e: number, span: (typeof spans)[number]) => {
      taken.fill(1, s, e);
      ranges.push([s, e]);
      spans.push(span);
    };

    for (const [pattern, kind, hint] of [
      [EMAIL, 'email', EMAIL_HINT],
      [URL, 'url', URL_HINT],
      [PERSONAL_ID, 'personalId', null],
      [PHONE, 'phone', null],
      [PHONE_DOTTED, 'phone', null],
    ] as const) {
      for (const m of hint ? matchAround(text, pattern, hint) : text.matchAll(pattern)) {
        const value = m[0].replace(TRAILING_PUNCTUATION, '');
        const end = m.index + value.length;
        if (kind === 'phone' && !isPhone(value)) continue;
        if (free(m.index, end)) push(m.index, end, { kind, identityIds: [], guess: null });
      }
    }

    const tokens = this.joinLineBreaks(
      text,
      words(text).filter((t) => free(t.start, t.end)),
    );
    const forms = tokens.map((t) =>
      UPPER.test(t.word) ? this.identitiesOf(t.word) : this.lowercaseIdentitiesOf(t.word),
    );
    const nextTo = (i: number, j: number) =>
      j >= 0 &&
      j < tokens.length &&
      /^(?:[ \t]+|-|[ \t]*&[ \t]*)$/u.test(
        text.slice(tokens[Math.min(i, j)]!.end, tokens[Math.max(i, j)]!.start),
      );
    const matched = forms.map((f, i) =>
      f.weak.length
        ? [
            ...f.strong,
            ...f.weak.filter((id) =>
              [i - 1, i + 1].some(
                (j) => nextTo(i, j) && (forms[j]!.strong.includes(id) || forms[j]!.weak.includes(id)),
              ),
            ),
          ]
        : f.strong,
    );
    const wantCandidates = options.candidates ?? true;
    const ordinary = options.ordinary ?? new Set<string>();
    // Only capitalised words need to know whether they open a sentence.
    const initial = tokens.map((t) => UPPER.test(t.word) && opensSentence(text, t.start));
    const isName = tokens.map((t, i) => {
      if (matched[i]!.length) return 'identity' as const;
      if (!wantCandidates || !UPPER.test(t.word) || /^\p{N}/u.test(t.word)) return null;
      if (t.word.length === 1 && text[t.end] === '.') return null; // an initial: it joins the name beside it
      const bare = stripEnding(t.word);
      if (NOT_NAMES.has(t.word) || NOT_NAMES.has(bare)) return null;
      if (ALL_CAPS.test(bare))
        return bare.length > 5 || COMMON_ACRONYMS.has(bare) ? null : ('candidate' as const);
      if (LEGAL_SUFFIXES.has(t.word)) return null;
      const plain = lower(t.word);
      if (FIRST_NAMES.has(t.word) || SURNAMES.has(t.word)) return 'candidate' as const;
      // "Nobody's", "Hän": common words with an ending stay common.
      if (COMMON_WORDS.has(plain) || COMMON_WORDS.has(lower(bare))) return null;
      if ((options.learned?.identitiesOf(t.word).strong.length ?? 0) > 0) return 'candidate' as const;
      // A form of a common name ("Erkin", "Ilkan"), unless it opens a sentence and the same word is
      // used in lower case elsewhere ("Kukaan ei soittanut": kukaan, not a form of Kukka).
      if (hasGazetteerBase(t.word) || (SURNAME_SHAPE.test(t.word) && !ORDINARY_NEN.test(plain)))
        return initial[i] && ordinary.has(plain) ? null : ('candidate' as const);
      // "Lindfors: hinnat nousivat": a word and a colon opening a line is who speaks; "Ekholm lupasi…",
      // "Whitfield told us…": a word opening a sentence before a verb of saying is someone saying it.
      if (initial[i] && (isSpeakerLabel(text, t) || saysNext(text, t, tokens[i + 1])))
        return ordinary.has(plain) || ROLE_WORD.test(plain) || DEPARTMENTS.has(plain)
          ? null
          : ('candidate' as const);
      if (initial[i]) return 'initial' as const; // decided with its neighbours below
      return ordinary.has(plain) ? null : ('candidate' as const);
    });
    // A capitalised word opening a sentence joins an unknown name after it ("Kari Mattila hoiti…"),
    // unless it is an ordinary word seen in lower case elsewhere.
    for (let i = 0; i < tokens.length; i++) {
      if (isName[i] !== 'initial') continue;
      const suffix = LEGAL_SUFFIXES.has(stripEnding(tokens[i + 1]?.word ?? ''));
      const adjacent =
        (isName[i + 1] === 'candidate' || suffix) &&
        /^[ \t]+$/u.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start));
      isName[i] = adjacent && !ordinary.has(lower(tokens[i]!.word)) ? 'candidate' : null;
    }

    // Runs of name words, joined across a space, a hyphen, "&" or "Last, First". A run with an unknown
    // word is a candidate (perhaps another person sharing a first name), but keeps the identities of
    // its known words, so erasing one of them still takes the whole run.
    for (let i = 0; i < tokens.length; i++) {
      const kind = isName[i];
      if (kind !== 'identity' && kind !== 'candidate') continue;
      let ids = matched[i]!;
      let candidate = kind === 'candidate';
      let last = i;
      for (let j = i + 1; j < tokens.length; j++) {
        const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
        if (!/^(?:[ \t]+|-|[ \t]*&[ \t]*|,[ \t]+)$/u.test(gap)) break;
        if (LEGAL_SUFFIXES.has(stripEnding(tokens[j]!.word)) && !gap.startsWith(',')) {
          // "Nurmi Oy" is the company, even where a person is called Nurmi too.
          const orgs = ids.filter((id) => this.orgs.has(id));
          if (orgs.length) ids = orgs;
          last = j;
          break;
        }
        const nextKind = isName[j];
        if (nextKind === 'identity') {
          const shared = ids.filter((id) => matched[j]!.includes(id));
          // "Virtanen, Mikko" is one person; "Mikko, Pekka" or "Mikko Pekka" are two.
          if (!candidate && !shared.length) break;
          ids = candidate ? [...new Set([...ids, ...matched[j]!])] : shared;
        } else if (nextKind === 'candidate' && !gap.startsWith(',')) {
          candidate = true;
        } else break;
        last = j;
      }
      const start = [withInitialsBefore(text, tokens[i]!.start), tokens[i]!.start].find((s) =>
        free(s, s + 1),
      )!;
      const end = withInitialAfter(text, tokens[last]!.end);
      const words = tokens.slice(i, last + 1).map((t) => stripEnding(t.word));
      const guess = words.some((w) => LEGAL_SUFFIXES.has(w) || ALL_CAPS.test(w) || PLACE_WORDS.has(w))
        ? 'org'
        : 'person';
      if (free(start, end))
        push(start, end, {
          kind: candidate ? 'candidate' : 'identity',
          identityIds: ids,
          guess: candidate ? guess : null,
        });
      i = last;
    }

    const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]![0] - ranges[b]![0]);
    return order.map((i) => {
      const [s, e] = ranges[i]!;
      const start = toOriginal(s);
      const end = toOriginal(e);
      return { ...spans[i]!, start, end, text: original.slice(start, end), normalized: text.slice(s, e) };
    });
  }
}

/** The names an identity goes by, with the nicknames of its first names. */
function expandNames(identity: KnownIdentity): string[] {
  const names = new Set(identity.names.map(normalizeName).filter(Boolean));
  if (identity.kind === 'person') {
    for (const name of [...names]) {
      const first = name.split(/\s+/)[0] ?? '';
      for (const part of first.split('-')) for (const nick of NICKNAMES[part] ?? []) names.add(nick);
    }
  }
  return [...names];
}

let gazetteer: IdentityMatcher | null = null;
/** "Jukalle", "Erkin", "Mattilan": a form of a common first name or surname. */
function hasGazetteerBase(word: string): boolean {
  gazetteer ??= new IdentityMatcher(
    [...FIRST_NAMES, ...SURNAMES].map((name) => ({ id: name, kind: 'person' as const, names: [name] })),
    false,
  );
  return gazetteer.identitiesOf(word).strong.length > 0;
}

/** Verbs of saying in the third person, as notes report what someone said, asked or promised. */
const SAYING = new Set(
  `sanoi sanoo kertoi kertoo totesi toteaa lupasi lupaa mainitsi mainitsee kysyi kysyy vastasi vastaa
  soitti ehdotti ehdottaa myönsi myöntää huomautti korosti korostaa painotti muistutti valitti kehui
  moitti arvioi arvioi arveli arvelee uskoo uskoi toivoo toivoi kommentoi kuvasi selitti selittää
  vahvisti pyysi pyytää kiitti kiittää ihmetteli ihmettelee harmitteli kritisoi
  said says told tells asked asks mentioned noted added explained promised suggested thinks thought
  felt feels believes wanted wants called confirmed complained argued agreed replied claimed admitted
  recalled emailed wrote insisted warned stressed`.split(/\s+/),
);
/** Titles and roles, in Finnish and English: "Toimitusjohtaja kertoi…" is no one's name. */
const ROLE_WORD =
  /(?:johtaja|päällikkö|päälliköt|esimies|esihenkilö|insinööri|asiantuntija|myyjä|vastaava|koordinaattori|suunnittelija|mestari|ostaja|kuljettaja|omistaja|hallitus|tiimi|manager|director|officer|engineer|lead|head|buyer|coordinator|supervisor|analyst|architect|specialist|owner|founder|board|team|ceo|cfo|cto|cio|coo)(?:n|a|ä|t|lle|lta|ltä|lla|llä|s)?$/u;

/** Parts of a company that "say" things in notes: "Procurement said no", "Myynti lupasi". */
const DEPARTMENTS = new Set(
  `sales procurement purchasing finance marketing customer customers support management operations
  logistics legal hr it service production quality engineering development
  myynti hankinta osto talous markkinointi tuki johto huolto tuotanto laatu logistiikka henkilöstö
  kehitys asiakaspalvelu taloushallinto`.split(/\s+/),
);

/** The next word, right after a space, is a verb of saying. */
function saysNext(
  text: string,
  word: { end: number },
  next: { start: number; word: string } | undefined,
): boolean {
  return !!next && /^[ \t]+$/.test(text.slice(word.end, next.start)) && SAYING.has(next.word.toLowerCase());
}

/** A word followed by a colon at the start of a line (after a bullet at most): "Lindfors: …", "• Tom: …". */
function isSpeakerLabel(text: string, word: { start: number; end: number }): boolean {
  if (text[word.end] !== ':' || !/[ \t]/.test(text[word.end + 1] ?? '')) return false;
  let i = word.start - 1;
  while (i >= 0 && /[ \t•*–—-]/.test(text[i]!)) i--;
  return i < 0 || text[i] === '\n';
}

function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  // A year range or a plain amount is not a number to call.
  return (
    value.startsWith('+') || value.startsWith('(') || /^0/.test(value) || /^\d{3}-\d{3}-\d{4}$/.test(value)
  );
}

/** "M. Virtanen", "P. Mäen": initials just before a name belong to it. */
function withInitialsBefore(text: string, start: number): number {
  const before = /(?<![\p{L}\p{N}])(?:\p{Lu}\.[ \t]?){1,2}$/u.exec(text.slice(Math.max(0, start - 8), start));
  return before ? start - before[0].length : start;
}

/** "Åsa Å.": an initial just after a name belongs to it. */
function withInitialAfter(text: string, end: number): number {
  const after = /^[ \t]\p{Lu}\.(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 4));
  return after ? end + after[0].length : end;
}
