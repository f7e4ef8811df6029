/** Text and names as cues carry them: markup gone, entities decoded, white space as one space. */

import { roleLabel } from './roles.ts';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  auml: 'ä',
  ouml: 'ö',
  aring: 'å',
  Auml: 'Ä',
  Ouml: 'Ö',
  Aring: 'Å',
  eacute: 'é',
  euro: '€',
  shy: '',
};

/** One pass, so "&amp;lt;" stays "&lt;"; unknown entities are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,15});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[name] ?? whole;
  });
}

/**
 * The tags captions really carry, and only those: <i>, <b>, <u>, <c.colour>, <ruby>, <rt> bare (a
 * class at most), <lang fi> and <v Name> with their one annotation, <font …> and <span …> with
 * attributes, and <00:00:01.000> word timings. "<inaudible>", "the <Acme> deal" or "a<b but c>d" are
 * words, and stay.
 */
const CAPTION_TAG = new RegExp(
  [
    String.raw`<\/?(?:b|i|u|c|ruby|rt)(?:\.[\w.-]+)?\s*\/?>`,
    String.raw`<\/(?:v|lang|font|span)\s*>`,
    String.raw`<v(?:\.[\w.-]+)?(?:\s[^<>]*)?>`,
    String.raw`<lang(?:\.[\w.-]+)?\s+[a-z]{2,3}(?:-[a-z0-9]{2,8})*\s*>`,
    String.raw`<(?:font|span)(?:\s+[a-z-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))*\s*>`,
    String.raw`<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3}>`,
  ].join('|'),
  'gi',
);

/** Tags of WebVTT and SRT go; their text stays. */
export function stripTags(text: string): string {
  return text.includes('<') ? text.replace(CAPTION_TAG, '') : text;
}

/** NBSP, tabs, line breaks and runs of spaces become one space. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, ' ').trim();
}

/** Cue text from a subtitle file's markup to plain words. */
export function cleanCaption(raw: string): string {
  return collapseSpace(decodeEntities(stripTags(raw)));
}

/** Text typed in a plain file or in Word: it has no markup, so a tag-like word is what was typed. */
export function cleanText(raw: string): string {
  return collapseSpace(decodeEntities(raw));
}

/** "(Asiakas Oy)" or "[EXT]" after a name: Teams' note of the organisation, or a name ("(Matti)"). */
const SUFFIX = /\s*(\([^()]*\)|\[[^[\]]*\])$/;

/** Company forms and Teams' marks of an outsider: words that make a note an organisation's. */
const ORGANISATION_WORDS = new Set([
  'oy',
  'oyj',
  'ab',
  'abp',
  'ky',
  'tmi',
  'ry',
  'ltd',
  'inc',
  'llc',
  'plc',
  'corp',
  'gmbh',
  'ag',
  'sa',
  'bv',
  'as',
  'asa',
  'aps',
  'guest',
  'external',
  'ext',
  'unverified',
  'vieras',
  'ulkoinen',
  'vahvistamaton',
  // Words firms put in their names: "(Kuulo Consulting)" after a role is a firm, not a person.
  'consulting',
  'consultants',
  'group',
  'partners',
  'solutions',
  'services',
  'company',
  'konsultointi',
  'konserni',
  'palvelut',
]);

function organisationNote(note: string, capitals = true): boolean {
  const words = note.split(/[\s.,]+/).filter(Boolean);
  // All capitals in brackets ("[EXT]", "(ACME)") is an organisation's short name, not a person's.
  if (words.some((w) => ORGANISATION_WORDS.has(w.toLocaleLowerCase('fi')))) return true;
  return capitals && /^\p{Lu}{2,}$/u.test(note);
}

/** A person's full name as Teams writes it before its note: "Matti Virtanen", "Virtanen, Matti". */
const fullName = (name: string): boolean => name.includes(',') || name.trim().split(/\s+/).length >= 2;

/**
 * A label split into the person and the organisation noted after them: "Matti Virtanen (Acme Oy)",
 * "Virtanen, Matti (Sarastus)", "Liisa Mäkelä [EXT]", "Liisa Korhonen, Acme Oy". A bracket after a role
 * or a lone first name that is no organisation ("Haastattelija (Matti)") is part of the label.
 */
function splitLabel(raw: string): { core: string; organisation: string | null } {
  const name = collapseSpace(decodeEntities(raw));
  const suffix = SUFFIX.exec(name);
  const before = suffix ? name.slice(0, suffix.index).trim() : '';
  if (suffix && before) {
    const note = suffix[1]!.slice(1, -1).trim();
    if (organisationNote(note) || (fullName(before) && !roleLabel(before)))
      return { core: before, organisation: note || null };
  }
  const parts = name.split(',');
  const last = parts[1]?.trim() ?? '';
  if (parts.length === 2 && parts[0]!.trim() && last && organisationNote(last, false))
    return { core: parts[0]!.trim(), organisation: last };
  return { core: name, organisation: null };
}

/** One or two words that read as given names: "Matti", "Anna-Liisa Maria". */
const NAME_WORDS = /^\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?$/u;

/** The organisation note after a speaker's name ("Asiakas Oy" of "Matti Virtanen (Asiakas Oy)"), or null. */
export function speakerSuffix(raw: string): string | null {
  return splitLabel(raw).organisation;
}

/**
 * A speaker's name as people read it: Teams writes "Last, First" (also "Last, First (Company)"); we
 * show "First Last", but only where one surname stands before the comma (with its particles: "van der
 * Berg, Jan") and one or two name words after it ("Liisa Korhonen, Acme Oy" is no "Last, First"). The organisation note is left off: the label is
 * the person, so anonymising it leaves no "[henkilö] (Asiakas Oy)" behind (speakerSuffix keeps it).
 */
export function normaliseSpeaker(raw: string): string {
  const { core } = splitLabel(raw);
  const parts = core.split(',');
  if (parts.length !== 2) return core;
  const last = parts[0]!.trim();
  const first = parts[1]!.trim();
  if (!SURNAME.test(last) || !NAME_WORDS.test(first)) return core;
  return `${first} ${last}`;
}

/** A surname as it stands before the comma: one word, or one after its particles ("van der Berg", "af Klercker"). */
const SURNAME =
  /^(?:(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|af|av|ten|ter|zu|zur|mac|st\.?)\s)*\p{Lu}[\p{L}'’-]*$/u;
