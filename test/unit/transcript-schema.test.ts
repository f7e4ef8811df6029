import { describe, expect, test } from 'vitest';
import { transcriptBlock } from '../../electron/services/transcriptImport.ts';
import type { DocNode } from '../../shared/domain.ts';
import { notesDocProblem } from '../../shared/editor/schema.ts';
import { countWords, deriveNotes } from '../../shared/notes.ts';

const meta = { fileName: 'haastattelu.vtt', format: 'vtt-teams', importedAt: '2026-11-30T10:00:00.000Z' };

const section = (content: DocNode[], attrs: Record<string, unknown> = meta): DocNode => ({
  type: 'transcript',
  attrs,
  content,
});

const para = (text: string, extra: Partial<DocNode> = {}): DocNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
  ...extra,
});

describe('the transcript section in the notes schema', () => {
  test('a section of paragraphs with times, codings and mentions is a document the editor opens', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        para('Omat muistiinpanot.'),
        section([
          {
            type: 'paragraph',
            attrs: { ts: 4.5 },
            content: [
              { type: 'text', text: 'Päivi', marks: [{ type: 'mention', attrs: { id: 'p1' } }] },
              { type: 'text', text: ': hyvä 😀 ' },
              { type: 'text', text: 'palvelu', marks: [{ type: 'coding', attrs: { id: 'c1' } }] },
            ],
          },
        ]),
        { type: 'paragraph' },
      ],
    };
    expect(notesDocProblem(doc)).toBeNull();
  });

  test('refused: a heading or list inside it, an empty section, attributes that are not text', () => {
    const heading: DocNode = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'X' }] };
    for (const bad of [
      section([heading]),
      section([]),
      section([para('a')], { ...meta, fileName: 42 }),
      section([para('a')], { ...meta, importedAt: null }),
    ])
      expect(notesDocProblem({ type: 'doc', content: [bad] }), JSON.stringify(bad)).not.toBeNull();
  });

  test('its paragraphs are lines of the plain text like any other: offsets in code points, words counted', () => {
    const block = transcriptBlock(
      [
        { startMs: 4500, speaker: 'Päivi Mäkelä', text: 'Hyvä 😀 palvelu.' },
        { startMs: null, speaker: null, text: 'Ilman puhujaa.' },
      ],
      new Map([['Päivi Mäkelä', 'identity-1']]),
      meta,
    );
    expect(block.content![0]!.attrs).toEqual({ ts: 4.5 });
    expect(block.content![1]!.attrs).toEqual({ ts: null });
    const doc: DocNode = { type: 'doc', content: [para('Alku 😀.'), block] };
    expect(notesDocProblem(doc)).toBeNull();
    const derived = deriveNotes(doc);
    expect(derived.text).toBe('Alku 😀.\nPäivi Mäkelä: Hyvä 😀 palvelu.\nIlman puhujaa.');
    // "Alku 😀." is 7 code points, then the newline: the label starts at 8.
    expect(derived.mentions).toEqual([{ id: 'identity-1', start: 8, end: 20, text: 'Päivi Mäkelä' }]);
    expect(countWords(derived.text)).toBe(7);
  });
});
