import { Slice } from '@tiptap/pm/model';
import { describe, expect, test } from 'vitest';
import { answerSlice } from '../../renderer/src/editor/answerPaste.ts';
import { notesSchema } from '../../shared/editor/schema.ts';

const schema = notesSchema();
const paragraph = (text: string, question: string | null = null) =>
  schema.node('paragraph', { question }, [schema.text(text)]);

describe('pasting into an answer', () => {
  test('every pasted paragraph goes on answering the question it lands in; one answering another keeps it', () => {
    const list = schema.node('bulletList', null, [schema.node('listItem', null, [paragraph('in a list')])]);
    const slice = new Slice(
      schema.node('doc', null, [paragraph('one'), paragraph('two'), paragraph('own', 'q2'), list]).content,
      1,
      0,
    );
    const questions: (string | null)[] = [];
    answerSlice(slice, 'q1').content.descendants((node) => {
      if (node.type.name === 'paragraph') questions.push(node.attrs.question);
    });
    expect(questions).toEqual(['q1', 'q1', 'q2', 'q1']);
    // The slice is otherwise the same: its text and how open it is.
    const pasted = answerSlice(slice, 'q1');
    expect(pasted.content.textBetween(0, pasted.content.size, '|')).toBe('one|two|own|in a list');
    expect([pasted.openStart, pasted.openEnd]).toEqual([1, 0]);
  });
});
