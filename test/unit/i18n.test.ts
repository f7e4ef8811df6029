import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { languageFromLocale } from '../../shared/i18n/index.ts';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`),
  );

describe('UI strings', () => {
  test('Finnish and English have the same keys, none empty, same placeholders', () => {
    const fiLeaves = new Map(leaves(fi as Tree));
    const enLeaves = leaves(en as Tree);
    expect([...fiLeaves.keys()].sort()).toEqual(enLeaves.map(([k]) => k).sort());
    for (const [key, text] of enLeaves) {
      const finnish = fiLeaves.get(key)!;
      expect(text.trim(), key).not.toBe('');
      expect(finnish.trim(), key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(finnish), key).toEqual(placeholders(text));
    }
  });

  test('language follows the OS locale', () => {
    expect(languageFromLocale('fi-FI')).toBe('fi');
    expect(languageFromLocale('sv-FI')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});
