import { Node as PMNode } from '@tiptap/pm/model';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { notesSchema } from '../../shared/editor/schema.ts';
import { textToDocRange } from '../../shared/editor/textPositions.ts';
import { deriveNotes } from '../../shared/notes.ts';

const text = (t: string, marks?: DocNode['marks']): DocNode => ({
  type: 'text',
  text: t,
  ...(marks && { marks }),
});
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const hardBreak: DocNode = { type: 'hardBreak' };

/** Headings, lists, a quote, an empty paragraph, emoji, Finnish letters, hard breaks and marks. */
const DOC: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Tausta 👩‍💼')] },
    para(text('Äänestä '), text('lasku', [{ type: 'bold' }]), text('ja 😀 ok'), hardBreak, text('rivi 2')),
    { type: 'paragraph' },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para(text('yksi 🇫🇮'))] },
        { type: 'listItem', content: [para(text('kaksi'), hardBreak, hardBreak, text('x'))] },
      ],
    },
    { type: 'blockquote', content: [para(text('“Invoices”, she said. 𝔘'))] },
  ],
};

/**
 * The plain text of [start, end) as the editor can select it: the newline joining two blocks has no
 * place of its own there, so a span ending on it ends at the end of the first block.
 */
function selectable(pm: PMNode, start: number, end: number): string {
  const joins = new Set<number>();
  let offset = -1;
  pm.descendants((block) => {
    if (!block.isTextblock) return true;
    if (offset >= 0) joins.add(offset);
    offset += 1 + Array.from(block.textBetween(0, block.content.size, '\n', '\n')).length;
    return false;
  });
  const cps = Array.from(deriveNotes(pm.toJSON() as DocNode).text);
  return cps.slice(start, joins.has(end - 1) ? end - 1 : end).join('');
}

const node = PMNode.fromJSON(notesSchema(), DOC);
const plain = deriveNotes(DOC).text;
const chars = Array.from(plain);
/** What the editor shows between two positions, written the way the plain text writes it. */
const shown = (from: number, to: number) => node.textBetween(from, to, '\n', '\n');

describe('plain-text offsets to editor positions', () => {
  test('every span of the text selects exactly its code points', () => {
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 1; end <= chars.length; end++) {
        const range = textToDocRange(node, start, end);
        expect(range, `${start}–${end}`).not.toBeNull();
        expect(shown(range!.from, range!.to), `${start}–${end}`).toBe(selectable(node, start, end));
      }
    }
  });

  test('an emoji of two UTF-16 units is one code point', () => {
    const at = chars.indexOf('😀');
    const range = textToDocRange(node, at, at + 1)!;
    expect(range.to - range.from).toBe(2);
    expect(shown(range.from, range.to)).toBe('😀');
  });

  test('a word after a hard break and one after an emoji land on the word', () => {
    const rivi = plain.indexOf('rivi');
    const start = Array.from(plain.slice(0, rivi)).length;
    expect(shown(...(Object.values(textToDocRange(node, start, start + 4)!) as [number, number]))).toBe(
      'rivi',
    );
    const ok = Array.from(plain.slice(0, plain.indexOf(' ok'))).length + 1;
    expect(shown(...(Object.values(textToDocRange(node, ok, ok + 2)!) as [number, number]))).toBe('ok');
  });

  test('an empty span is a cursor; a start past the end is nothing; an end past it is clamped', () => {
    const range = textToDocRange(node, 3, 3)!;
    expect(range.from).toBe(range.to);
    expect(textToDocRange(node, chars.length + 1, chars.length + 2)).toBeNull();
    const tail = textToDocRange(node, chars.length - 1, chars.length + 5)!;
    expect(shown(tail.from, tail.to)).toBe('𝔘');
  });

  test('random documents: the selected text equals the code-point slice', () => {
    const piece = fc.constantFrom('a', 'ä', 'Ö', ' ', '😀', '👩‍💼', '𝔘', 'lasku', '.');
    const inline = fc.oneof(
      { weight: 4, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => text(p.join(''))) },
      { weight: 1, arbitrary: fc.constant(hardBreak) },
    );
    const block = fc
      .array(inline, { maxLength: 4 })
      .map((content) => (content.length ? para(...content) : para()));
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (blocks, a, b) => {
        const doc: DocNode = { type: 'doc', content: blocks };
        const pm = PMNode.fromJSON(notesSchema(), doc);
        const cps = Array.from(deriveNotes(doc).text);
        if (!cps.length) return;
        const start = a % cps.length;
        const end = start + 1 + (b % (cps.length - start));
        const range = textToDocRange(pm, start, end)!;
        expect(pm.textBetween(range.from, range.to, '\n', '\n')).toBe(selectable(pm, start, end));
      }),
    );
  });
});
