import { describe, expect, test } from 'vitest';
import { keepWithOther } from '../../renderer/src/editor/conflict.ts';
import type { DocNode } from '../../shared/domain.ts';
import { notesDocProblem } from '../../shared/editor/schema.ts';
import { openAnswersOf } from '../../shared/guide.ts';
import { CODING_MARK, deriveNotes, paragraphsToDoc } from '../../shared/notes.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const coded = (text: string, id: string): DocNode => ({
  type: 'text',
  text,
  marks: [{ type: CODING_MARK, attrs: { id } }],
});
const doc = (...paragraphs: DocNode[][]): DocNode => ({
  type: 'doc',
  content: paragraphs.map((content) => ({ type: 'paragraph', content })),
});

describe('keeping one version of conflicting notes and the other as a block', () => {
  test('the other version follows the kept one in a quoted block under its label; the editor can open the result', () => {
    const mine = paragraphsToDoc(['Ensimmäinen versio. Lisäys.']);
    const theirs = paragraphsToDoc(['Toisen kirjoittajan versio.', 'Toinen kappale.']);
    const merged = keepWithOther(mine, theirs, 'Korvattu versio');
    expect(deriveNotes(merged).text).toBe(
      'Ensimmäinen versio. Lisäys.\nKorvattu versio\nToisen kirjoittajan versio.\nToinen kappale.',
    );
    expect(merged.content?.[1]?.type).toBe('blockquote');
    expect(notesDocProblem(merged)).toBeNull();
  });

  test('a coding in both versions stays only in the kept one; a coding only the other had stays on its words', () => {
    const mine = doc([coded('Matti tietää.', A)]);
    const theirs = doc([coded('Matti tietää.', A)], [coded('Uusi koodaus.', B)]);
    const merged = deriveNotes(keepWithOther(mine, theirs, 'Korvattu versio'));
    expect(merged.codings.get(A)).toEqual({ start: 0, end: 13 });
    expect(merged.text.slice(merged.codings.get(B)!.start, merged.codings.get(B)!.end)).toBe('Uusi koodaus.');
  });

  test('answers to guide questions count once: the other version’s copy of them answers nothing', () => {
    const answer = (text: string): DocNode => ({
      type: 'paragraph',
      attrs: { question: 'q1' },
      content: [{ type: 'text', text }],
    });
    const kept: DocNode = { type: 'doc', content: [answer('Answer A')] };
    const other: DocNode = { type: 'doc', content: [answer('Answer A'), answer('Answer B')] };
    const merged = keepWithOther(kept, other, 'Tallennettu muualla');
    expect(notesDocProblem(merged)).toBeNull();
    expect(openAnswersOf(merged, new Set(['q1'])).get('q1')).toEqual(['Answer A']);
    // The text itself is all there.
    expect(deriveNotes(merged).text).toContain('Answer B');
  });

  test('an empty other version adds nothing', () => {
    const mine = paragraphsToDoc(['Teksti.']);
    expect(keepWithOther(mine, paragraphsToDoc(['']), 'Korvattu')).toBe(mine);
  });
});
