/** Text and names as cues carry them: markup gone, entities decoded, white space as one space. */

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

/** "(Asiakas Oy)" or "[EXT]" after a name: Teams' note of the organisation, not part of the person. */
const SUFFIX = /\s*(\([^()]*\)|\[[^[\]]*\])$/;

/** The organisation note after a speaker's name ("Asiakas Oy" of "Matti Virtanen (Asiakas Oy)"), or null. */
export function speakerSuffix(raw: string): string | null {
  const name = collapseSpace(decodeEntities(raw));
  const suffix = SUFFIX.exec(name);
  if (!suffix || !name.slice(0, suffix.index).trim()) return null;
  return suffix[1]!.slice(1, -1).trim() || null;
}

/**
 * A speaker's name as people read it: Teams writes "Last, First" (also "Last, First (Company)"); we
 * show "First Last". The organisation note is left off: the label is the person, so anonymising it
 * leaves no "[henkilö] (Asiakas Oy)" behind (speakerSuffix keeps it). A name with more than one comma
 * is left as written.
 */
export function normaliseSpeaker(raw: string): string {
  const name = collapseSpace(decodeEntities(raw));
  const suffix = SUFFIX.exec(name);
  const core = suffix && name.slice(0, suffix.index).trim() ? name.slice(0, suffix.index) : name;
  const parts = core.split(',');
  if (parts.length !== 2) return core;
  const last = parts[0]!.trim();
  const first = parts[1]!.trim();
  if (!last || !first) return core;
  return `${first} ${last}`;
}
