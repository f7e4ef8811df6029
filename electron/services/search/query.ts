import { KuuloError } from '../../base/errors.ts';
import { splitWords } from './morphology.ts';

/**
 * The search query language: words (all must be found: AND), `OR` between terms, `NOT` or a leading
 * `-` to exclude, "an exact phrase", `prefix*`. Operators are upper case (Finnish JA, TAI, EI too):
 * in lower case they are ordinary words ("ei" is one of the commonest words of Finnish notes).
 * Case never matters in the words themselves.
 */

/** A word (any form of it: see morphology.ts), a prefix of a word, or consecutive words as written. */
export type Term =
  | { type: 'word'; text: string }
  | { type: 'prefix'; text: string }
  | { type: 'phrase'; words: string[] };

/** Terms joined by OR; a negated clause must not be found. */
export interface Clause {
  negated: boolean;
  terms: Term[];
}

/** Clauses joined by AND; at least one is not negated. */
export interface ParsedQuery {
  clauses: Clause[];
}

const AND = new Set(['AND', 'JA']);
const OR = new Set(['OR', 'TAI']);
const NOT = new Set(['NOT', 'EI']);

type Token = { quoted: true; text: string } | { quoted: false; text: string };

/** Splits on white space and parentheses; a quote runs to the next quote or, left open, to the end. */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (ch === '"' || ch === '“' || ch === '”' || ch === '„') {
      const close = query.slice(i + 1).search(/["“”]/);
      const end = close === -1 ? query.length : i + 1 + close;
      tokens.push({ quoted: true, text: query.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (/[\s()]/u.test(ch)) {
      i++;
      continue;
    }
    let end = i;
    while (end < query.length && !/[\s()"“”„]/u.test(query[end]!)) end++;
    tokens.push({ quoted: false, text: query.slice(i, end) });
    i = end;
  }
  return tokens;
}

const lower = (text: string) => text.toLowerCase();

function termOf(token: Token): Term | null {
  if (token.quoted) {
    const words = splitWords(token.text).map((w) => lower(w.text));
    return words.length ? { type: 'phrase', words } : null;
  }
  const prefix = token.text.endsWith('*');
  const words = splitWords(prefix ? token.text.slice(0, -1) : token.text);
  if (words.length === 0) return null;
  if (words.length > 1) return { type: 'phrase', words: words.map((w) => lower(w.text)) };
  const text = words[0]!.text;
  return prefix ? { type: 'prefix', text: lower(text) } : { type: 'word', text };
}

/** Parses a query; one with nothing to look for (only operators or exclusions) is refused. */
export function parseQuery(query: string): ParsedQuery {
  const clauses: Clause[] = [];
  let negate = false;
  let join = false;
  for (const token of tokenize(query)) {
    if (!token.quoted && AND.has(token.text)) continue;
    if (!token.quoted && OR.has(token.text)) {
      join = clauses.length > 0;
      continue;
    }
    if (!token.quoted && NOT.has(token.text)) {
      negate = true;
      continue;
    }
    let excluded = negate;
    let source = token;
    if (!token.quoted && token.text.startsWith('-') && token.text.length > 1) {
      excluded = true;
      source = { quoted: false, text: token.text.slice(1) };
    }
    const term = termOf(source);
    negate = false;
    if (!term) continue;
    const last = clauses.at(-1);
    if (join && last && !last.negated && !excluded) last.terms.push(term);
    else clauses.push({ negated: excluded, terms: [term] });
    join = false;
  }
  if (!clauses.some((c) => !c.negated)) throw new KuuloError('searchNothingToFind');
  return { clauses };
}
