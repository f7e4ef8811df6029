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

/** Tags of WebVTT and SRT (<i>, <c.colour>, <b>, <font …>, <00:00:01.000>) go; their text stays. */
export function stripTags(text: string): string {
  return text.includes('<')
    ? text.replace(/<\/?(?:[a-z][a-z0-9.:_-]*|\d+:[\d:.]+)(?:\s[^<>]*)?\/?>/gi, '')
    : text;
}

/** NBSP, tabs, line breaks and runs of spaces become one space. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, ' ').trim();
}

/** Cue text from a file's markup to plain words. */
export function cleanText(raw: string): string {
  return collapseSpace(decodeEntities(stripTags(raw)));
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
