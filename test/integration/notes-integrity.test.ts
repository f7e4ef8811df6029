import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/** A note the editor cannot open would show as empty, and the next keystroke would save over it all. */
let ws: TestWorkspace;
let interviewId = '';
let codingId = '';
beforeEach(() => {
  ws = openTestWorkspace();
  const engagement = ws.call('createEngagement', { clientName: 'C', title: 'T', language: 'fi' });
  const account = ws.call('createAccount', { engagementId: engagement.id, name: 'Asiakas', tier: 'key' });
  interviewId = ws.call('createInterview', { engagementId: engagement.id, accountId: account.id }).id;
  const code = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
  codingId = ws.ctx.newId();
  ws.saveNotes({
    interviewId,
    doc: paragraph([
      { type: 'text', text: 'Laskutus on sekavaa.', marks: [{ type: 'coding', attrs: { id: codingId } }] },
    ]),
    codings: [{ id: codingId, codeId: code.id }],
  });
});
afterEach(() => ws.close());

function paragraph(content: DocNode[], attrs?: Record<string, unknown>): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph', ...(attrs ? { attrs } : {}), content }] };
}
const text = (value: string, marks?: DocNode['marks']): DocNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});

const BAD: [string, DocNode][] = [
  [
    'a node the editor does not have (code block)',
    { type: 'doc', content: [{ type: 'codeBlock', content: [text('x')] }] },
  ],
  ['an empty text node', paragraph([text('')])],
  ['a mark the editor does not have', paragraph([text('x', [{ type: 'highlight' }])])],
  ['text straight in the document', { type: 'doc', content: [text('x')] }],
  [
    'a list item without a paragraph',
    { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [text('x')] }] }] },
  ],
  [
    'a heading of level 5',
    { type: 'doc', content: [{ type: 'heading', attrs: { level: 5 }, content: [text('x')] }] },
  ],
  ['a paragraph time that is not seconds', paragraph([text('x')], { ts: 'kymmenen' })],
  ['a coding mark without an id', paragraph([text('x', [{ type: 'coding' }])])],
  ['a mention mark without an id', paragraph([text('x', [{ type: 'mention', attrs: { id: '' } }])])],
  ['an image', { type: 'doc', content: [{ type: 'image', attrs: { src: 'x.png' } }] }],
];

describe('saving notes the editor could not open again', () => {
  test.each(BAD)('%s: refused with a clear error, and nothing changes', (_, doc) => {
    const before = ws.call('getInterview', { id: interviewId });
    const codingsBefore = ws.call('listCodings', { interviewId });
    const result = ws.raw('saveNotes', { interviewId, doc, baseRevision: before.notes.revision });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toMatch(/^These notes were not saved: /);
    const after = ws.call('getInterview', { id: interviewId });
    expect(after.notes).toEqual(before.notes);
    expect(ws.call('listCodings', { interviewId })).toEqual(codingsBefore);
  });

  test('what the editor writes is accepted: headings, lists, quotes, rules, breaks, marks, times and flags', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, followUp: true }, content: [text('Tausta')] },
        {
          type: 'paragraph',
          attrs: { ts: 65, followUp: false },
          content: [
            text('Laskutus on sekavaa.', [{ type: 'coding', attrs: { id: codingId } }, { type: 'bold' }]),
            { type: 'hardBreak' },
            text('Seppo', [{ type: 'mention', attrs: { id: 'identity-1' } }, { type: 'italic' }]),
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [text('yksi', [{ type: 'underline' }])] }],
            },
          ],
        },
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [text('kaksi', [{ type: 'strike' }])] }],
            },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('lainaus')] }] },
        { type: 'horizontalRule' },
        // A clock set back while the interview ran gives a time before its start: the editor shows it.
        { type: 'paragraph', attrs: { ts: -3, followUp: false }, content: [text('aikaleima')] },
        { type: 'paragraph' },
      ],
    };
    const saved = ws.saveNotes({ interviewId, doc });
    expect(saved.revision).toBe(2);
    expect(ws.call('getInterview', { id: interviewId }).notes.doc).toEqual(doc);
  });
});

describe('two writers on one interview', () => {
  test('a save made from an older revision is refused and the newer notes stay', () => {
    const base = ws.call('getInterview', { id: interviewId }).notes;
    const first = paragraph([text('Ensimmäinen ikkuna kirjoitti tämän.')]);
    const second = paragraph([text('Toinen ikkuna kirjoitti tämän.')]);
    expect(ws.call('saveNotes', { interviewId, doc: first, baseRevision: base.revision }).revision).toBe(
      base.revision + 1,
    );
    const codingsBefore = ws.call('listCodings', { interviewId });
    for (const stale of [base.revision, base.revision + 5]) {
      const result = ws.raw('saveNotes', { interviewId, doc: second, baseRevision: stale });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const after = ws.call('getInterview', { id: interviewId }).notes;
    expect(after.revision).toBe(base.revision + 1);
    expect(after.text).toBe('Ensimmäinen ikkuna kirjoitti tämän.');
    expect(ws.call('listCodings', { interviewId })).toEqual(codingsBefore);
  });

  test('a save without the revision it was made from is refused as invalid', () => {
    const result = ws.raw('saveNotes', { interviewId, doc: paragraph([text('x')]) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('marks point at this interview and engagement', () => {
  test('a coding mark of another interview is refused and nothing changes', () => {
    const other = ws.call('createInterview', {
      engagementId: ws.call('getInterview', { id: interviewId }).engagementId,
      accountId: ws.call('getInterview', { id: interviewId }).accountId,
    }).id;
    const before = ws.call('getInterview', { id: other }).notes;
    const result = ws.raw('saveNotes', {
      interviewId: other,
      baseRevision: before.revision,
      doc: paragraph([text('Lainattu.', [{ type: 'coding', attrs: { id: codingId } }])]),
    });
    expect(result).toMatchObject({ ok: false, error: { key: 'codingOfOtherInterview' } });
    expect(ws.call('getInterview', { id: other }).notes).toEqual(before);
    expect(ws.call('listCodings', { interviewId }).map((c) => c.id)).toEqual([codingId]);
  });

  test('a mention mark counts only for a person of this engagement; one of another study is left out', () => {
    const { engagementId } = ws.call('getInterview', { id: interviewId });
    const own = ws.call('createIdentity', { engagementId, kind: 'person', name: 'Tapio Lehto' });
    const elsewhere = ws.call('createEngagement', { clientName: 'D', title: 'Toinen', language: 'fi' });
    const foreign = ws.call('createIdentity', {
      engagementId: elsewhere.id,
      kind: 'person',
      name: 'Eero Salo',
    });
    ws.saveNotes({
      interviewId,
      doc: paragraph([
        text('Tapio', [{ type: 'mention', attrs: { id: own.id } }]),
        text(' ja '),
        text('Eero', [{ type: 'mention', attrs: { id: foreign.id } }]),
      ]),
    });
    const mentioned = ws.db
      .prepare('SELECT identity_id FROM mentions WHERE interview_id = ?')
      .pluck()
      .all(interviewId);
    expect(mentioned).toEqual([own.id]);
  });
});

describe('bounds on one interview', () => {
  function refusedUnchanged(doc: DocNode, key: string) {
    const before = ws.call('getInterview', { id: interviewId });
    const result = ws.raw('saveNotes', { interviewId, doc, baseRevision: before.notes.revision });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', key } });
    if (!result.ok) expect(result.error.message).toMatch(/^These notes were not saved: .*limit/);
    expect(ws.call('getInterview', { id: interviewId }).notes).toEqual(before.notes);
    return result;
  }

  test('notes over a million characters are refused with the limit named, and nothing changes', () => {
    const half = 'Laskutus on sekavaa ja hidasta. '.repeat(15_625); // 500,000 characters
    const doc: DocNode = { type: 'doc', content: [paragraph([text(half)]), paragraph([text(`${half}!`)])] };
    refusedUnchanged({ ...doc, content: doc.content!.flatMap((p) => p.content!) }, 'notesTooLong');
    // Exactly at the limit (two paragraphs join with one line break): accepted.
    const atLimit: DocNode = {
      type: 'doc',
      content: [...paragraph([text(half)]).content!, ...paragraph([text(half.slice(1))]).content!],
    };
    expect(ws.raw('saveNotes', { interviewId, doc: atLimit, baseRevision: 1 })).toMatchObject({ ok: true });
  });

  test('a document over 16 MB is refused by its size even under a million characters, and nothing changes', () => {
    // One text node per character, each with a mark (alternating, so no two neighbours could merge),
    // in ten paragraphs: 999,909 characters, about 54 MB of JSON.
    const letters = (length: number) =>
      Array.from({ length }, (_, i) =>
        text(String.fromCharCode(97 + (i % 26)), [{ type: i % 2 ? 'italic' : 'bold' }]),
      );
    const doc: DocNode = {
      type: 'doc',
      content: Array.from({ length: 10 }, (_, i) => ({
        type: 'paragraph',
        content: letters(i ? 99_991 : 99_990),
      })),
    };
    const result = refusedUnchanged(doc, 'notesDocumentTooLarge');
    if (!result.ok) expect(result.error.message).toMatch(/they take 54\.0 MB, over the limit of 16 MB /);
    // The same characters in a few hundred formatted pieces are well within it.
    const pieces = Array.from({ length: 500 }, (_, i) =>
      text('abcdefghijklmnopqrstuvwxyz'.repeat(76), [{ type: i % 2 ? 'italic' : 'bold' }]),
    );
    ws.saveNotes({ interviewId, doc: paragraph(pieces) });
    expect([...ws.call('getInterview', { id: interviewId }).notes.text]).toHaveLength(988_000);
  }, 120_000);

  test('more than 5,000 codings in one interview are refused, and nothing changes', () => {
    const coded = Array.from({ length: 5_001 }, (_, i) =>
      text(`Kohta ${i}. `, [
        { type: 'coding', attrs: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` } },
      ]),
    );
    refusedUnchanged(paragraph(coded), 'tooManyCodings');
  });

  test('codings covering more than 5,000,000 characters together are refused, and nothing changes', () => {
    // Six codings over the same 900,000 characters: each within every other limit, together over this one.
    const passage = 'abcdefghi '.repeat(90_000);
    const marks = Array.from({ length: 6 }, (_, i) => ({
      type: 'coding',
      attrs: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
    }));
    const result = refusedUnchanged(paragraph([text(passage, marks)]), 'codedTextTooLong');
    if (!result.ok) expect(result.error.message).toMatch(/cover 5,400,000 characters together/);
    // Five of them are within it.
    ws.saveNotes({ interviewId, doc: paragraph([text(passage, marks.slice(0, 5))]) });
  }, 120_000);
});
