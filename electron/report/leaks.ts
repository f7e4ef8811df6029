import { basename } from 'node:path';
import type { Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { IdentityMatcher } from '../../shared/identity/detect.ts';
import type { RegisterEntry } from '../../shared/identity/types.ts';
import { KuuloError } from '../base/errors.ts';
import type { Anonymizer } from './anonymize.ts';
import { unzip } from './unzip.ts';

function ownWords(language: Language): Set<string> {
  const words = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const m of value.matchAll(/[\p{L}\p{N}]+/gu)) words.add(m[0]);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(resources[language].translation);
  return words;
}

export interface Leak {
  text: string;
  part: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string =>
  s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (all, dec: string, hex: string, name: string) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : (ENTITIES[name] ?? all),
  );

/**
 * The text a reader could see in one XML part: text nodes joined within a paragraph (a word may be
 * split over runs), each paragraph on its own line, plus alt texts, titles and names in attributes.
 * Paragraphs are Word's and DrawingML's (slides, notes), a workbook's shared and inline strings and
 * cell values, and a chart's points.
 */
export function visibleText(xml: string): string {
  const attributes = [...xml.matchAll(/\s(?:descr|title|name|alt)="([^"]*)"/g)].map((m) => decode(m[1]!));
  const body = xml
    // A number stored as a number (a workbook's cell, a chart's point) names nobody; read as text, a
    // share of 0.05 beside a column of counts would look like a phone number.
    .replace(/<(c:)?v>[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?<\/(?:c:)?v>/g, '\n')
    .replace(/<\/(?:w:p|a:p|text|tspan|w:tc|dc:\w+|cp:\w+|vt:lpw?str|si|is|v|c:v|c:pt|c:f)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .split('\n')
    .map(decode);
  return [...body, ...attributes].join('\n');
}

/**
 * The last line of defence: every XML and SVG part of the finished document, deck or workbook (and
 * of any package inside it) is read back, and any form of a hidden person or organisation, e-mail
 * address or phone number, or any text the anonymiser masked elsewhere, stops the export. Whatever
 * path a name took into the file — a caption, the table of contents, a chart's data, a speaker
 * note, a sheet name, the document properties — it cannot get out.
 */
export function findLeaks(
  language: Language,
  document: Uint8Array,
  anon: Anonymizer,
  register: readonly RegisterEntry[],
  matcher: IdentityMatcher,
): Leak[] {
  if (anon.level === 'none') return [];
  const check = leakChecker(language, anon, register, matcher);
  const leaks: Leak[] = [];
  const read = (archive: Uint8Array, prefix: string) => {
    for (const [part, bytes] of unzip(archive)) {
      // A deck's charts keep their data in a workbook of their own, inside the package.
      if (/\.(xlsx|docx|pptx)$/i.test(part)) read(bytes, `${prefix}${part}/`);
      else if (/\.(xml|svg)$/i.test(part))
        leaks.push(...check(visibleText(bytes.toString('utf8')), prefix + part));
    }
  };
  read(document, '');
  return leaks;
}

/** The same check on plain text (a CSV file). */
export function findTextLeaks(
  language: Language,
  text: string,
  part: string,
  anon: Anonymizer,
  register: readonly RegisterEntry[],
  matcher: IdentityMatcher,
): Leak[] {
  return anon.level === 'none' ? [] : leakChecker(language, anon, register, matcher)(text, part);
}

/** Stops an export at the first leak found, saying what and where. */
export function refuseLeaks(leaks: readonly Leak[]): void {
  const [first] = leaks;
  if (first) throw new KuuloError('reportLeak', { text: first.text, part: first.part });
}

/** Refuses a file name that would show what the anonymiser masks inside the file. */
export function refuseLeakingName(
  language: Language,
  path: string,
  anon: Anonymizer,
  register: readonly RegisterEntry[],
  matcher: IdentityMatcher,
): void {
  const name = basename(path);
  const [leak] = findTextLeaks(language, name, name, anon, register, matcher);
  if (leak) throw new KuuloError('fileNameLeak', { text: leak.text });
}

/**
 * Any form of a hidden person or organisation, e-mail address or phone number, or any text the
 * anonymiser masked elsewhere, in a text a reader could see.
 */
function leakChecker(
  language: Language,
  anon: Anonymizer,
  register: readonly RegisterEntry[],
  matcher: IdentityMatcher,
): (text: string, part: string) => Leak[] {
  const hidden = new Set(register.filter(anon.hidden).map((e) => e.id));
  // A word the report's own wording uses ("Avainasiakas" in a label) is not a leak of a candidate.
  const own = ownWords(language);
  const masked = [...anon.masked].filter((word) => !own.has(word));
  return (text, part) => {
    const leaks: Leak[] = [];
    for (const span of matcher.find(text, { candidates: false })) {
      // One word of the report's own wording ("Key" in "Key account A") is not a company called Key…
      const ownWording = span.kind === 'identity' && own.has(span.normalized);
      const leaked =
        span.kind === 'identity'
          ? !ownWording && span.identityIds.some((id) => hidden.has(id))
          : span.kind === 'email' || span.kind === 'phone' || span.kind === 'personalId';
      if (leaked && anon.mask(span.text) !== span.text) leaks.push({ text: span.text, part });
    }
    for (const word of masked) {
      const at = text.indexOf(word);
      if (
        at >= 0 &&
        !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') &&
        !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? '')
      )
        leaks.push({ text: word, part });
    }
    return leaks;
  };
}
