import { describe, expect, test } from 'vitest';
import { rovingIndex } from '../../renderer/src/components/roving.ts';
import type { SaveState } from '../../renderer/src/editor/autosave.ts';
import { nextSaveAnnouncement } from '../../renderer/src/editor/autosave.ts';
import { askedAgain, codeNames } from '../../renderer/src/editor/codedAs.ts';
import type { CodebookEntry } from '../../shared/domain.ts';

describe('the save status speaks only of an outage', () => {
  const run = (states: SaveState[]) => {
    let failing = false;
    return states.map((state) => {
      const next = nextSaveAnnouncement(failing, state);
      failing = next.failing;
      return next.say;
    });
  };

  test('routine saves are silent', () => {
    expect(run(['dirty', 'saving', 'saved', 'dirty', 'saving', 'saved'])).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  test('a failure is said once however often the retry fails, and the recovery once', () => {
    expect(run(['saving', 'failed', 'saving', 'failed', 'dirty', 'saving', 'saved', 'saved'])).toEqual([
      null,
      'failed',
      null,
      null,
      null,
      null,
      'recovered',
      null,
    ]);
  });

  test('a second outage is said again', () => {
    expect(run(['failed', 'saved', 'failed'])).toEqual(['failed', 'recovered', 'failed']);
  });
});

describe('tabs move by arrows, Home and End', () => {
  test('arrows wrap at the ends', () => {
    expect(rovingIndex('ArrowRight', 0, 3)).toBe(1);
    expect(rovingIndex('ArrowRight', 2, 3)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(rovingIndex('Home', 2, 3)).toBe(0);
    expect(rovingIndex('End', 0, 3)).toBe(2);
  });

  test('other keys are left alone', () => {
    expect(rovingIndex('Enter', 0, 3)).toBeNull();
    expect(rovingIndex('ArrowDown', 0, 3)).toBeNull();
    expect(rovingIndex('ArrowRight', 0, 0)).toBeNull();
  });
});

const entry = (id: string, en: string, fi: string): CodebookEntry =>
  ({ id, name: { en, fi } }) as unknown as CodebookEntry;

describe('what a passage is coded as', () => {
  const codebook = [entry('c1', 'Silos', 'Siilot'), entry('c2', 'Trust', 'Luottamus')];
  const meta = (id: string, codeId: string) => ({
    id,
    codeId,
    sentiment: null,
    severity: null,
    memo: '',
    star: false,
  });
  const codings = { a: meta('a', 'c1'), b: meta('b', 'c2'), c: meta('c', 'c1') };

  test('names each code once, in the language asked, skipping unknown ids', () => {
    expect(codeNames(['a', 'b', 'c', 'x'], codings, codebook, 'en')).toEqual(['Silos', 'Trust']);
    expect(codeNames(['b', 'a'], codings, codebook, 'fi')).toEqual(['Luottamus', 'Siilot']);
    expect(codeNames([], codings, codebook, 'fi')).toEqual([]);
  });

  test('asking again means the same place and the same codings', () => {
    expect(askedAgain(null, 5, ['a'])).toBe(false);
    expect(askedAgain({ pos: 5, ids: ['a'] }, 5, ['a'])).toBe(true);
    expect(askedAgain({ pos: 5, ids: ['a'] }, 6, ['a'])).toBe(false);
    expect(askedAgain({ pos: 5, ids: ['a'] }, 5, ['a', 'b'])).toBe(false);
    // Nothing coded there: nothing to open, so asking again only says so again.
    expect(askedAgain({ pos: 5, ids: [] }, 5, [])).toBe(false);
  });
});
