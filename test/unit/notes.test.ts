import { describe, expect, test } from 'vitest';
import { countWords, docToPlainText, paragraphsToDoc } from '../../shared/notes.ts';

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
});
