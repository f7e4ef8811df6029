import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import {
  CODING_MARK,
  codePointSlicer,
  countWords,
  deriveNotes,
  docToPlainText,
  paragraphsToDoc,
} from '../../shared/notes.ts';

describe('plain text of notes', () => {
  test('one line per block, hard breaks as newlines, marks ignored', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', content: [{ type: 'text', text: 'Tausta' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Bold ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'and' },
            { type: 'hardBreak' },
            { type: 'text', text: 'break' },
          ],
        },
        {
          type: 'blockquote',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: '“Quote”' }] }],
        },
        { type: 'paragraph' },
      ],
    };
    expect(docToPlainText(doc)).toBe('Tausta\nBold and\nbreak\n“Quote”\n');
  });

  test('words are counted in any script, with emoji and combining marks', () => {
    expect(countWords('Yhteyshenkilö vaihtui 😬 kahdesti — Cafe\u0301 ei-toimi')).toBe(5);
    expect(countWords('')).toBe(0);
  });

  test('paragraphs round-trip through a document', () => {
    expect(docToPlainText(paragraphsToDoc(['a', '', 'b']))).toBe('a\n\nb');
  });

  test('lengths and quotes in code points, with and without characters outside the BMP', () => {
    // Emoji (surrogate pairs), Finnish letters, a combining accent and a lone surrogate.
    const piece = fc.string({
      unit: fc.constantFrom('a', 'ä', 'Ö', ' ', '😬', '👍🏽', 'e\u0301', '\ud83d', '-'),
      maxLength: 6,
    });
    const paragraph = fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        let n = 0;
        const doc: DocNode = {
          type: 'doc',
          content: paragraphs.map((parts) => ({
            type: 'paragraph',
            content: parts
              .filter(([text]) => text)
              .map(([text, coded]) => ({
                type: 'text',
                text,
                ...(coded ? { marks: [{ type: CODING_MARK, attrs: { id: `c${n++}` } }] } : {}),
              })),
          })),
        };
        const derived = deriveNotes(doc);
        const chars = Array.from(derived.text);
        expect(derived.length).toBe(chars.length);
        const quoteOf = codePointSlicer(derived.text);
        let i = 0;
        for (const [text, coded] of paragraphs.flat()) {
          if (!coded || !text) continue;
          const span = derived.codings.get(`c${i++}`)!;
          expect(quoteOf(span.start, span.end)).toBe(text);
          expect(chars.slice(span.start, span.end).join('')).toBe(text);
        }
      }),
      { numRuns: 500 },
    );
  });
});
