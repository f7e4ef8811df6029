import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { Doc, DocShape, isPlainDoc } from '../../shared/schemas.ts';

/**
 * The contract checks a notes document with a plain walk first and zod's walk only when that says no.
 * The plain walk must never let through what zod's refuses, and the answer a client gets (accepted, or
 * the first problem and where) must be the same either way.
 */
const withDoc = (doc: z.ZodType) => z.object({ doc }).strict();
const quick = withDoc(Doc);
const full = withDoc(DocShape);

const answer = (result: ReturnType<typeof quick.safeParse>) =>
  result.success
    ? { ok: true, data: result.data }
    : { ok: false, issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) };

// Mostly well-formed documents, near the limits on purpose (lengths and counts just under and just
// over them), with now and then one thing wrong somewhere in them.
const rarely = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const type = rarely(
  fc.constantFrom('doc', 'paragraph', 'text', 'coding', 'bold', 't'.repeat(64)),
  fc.constantFrom('', 't'.repeat(65), 3 as unknown as string),
);
const attrValue = rarely<unknown>(
  fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('v'.repeat(2000), 1.5, -3, true, null)),
  fc.constantFrom('v'.repeat(2001), Number.NaN, Number.POSITIVE_INFINITY, undefined, {}, [], 1n),
);
const attrs = rarely<unknown>(
  fc.dictionary(fc.constantFrom('id', 'ts', 'level', 'k'.repeat(64)), attrValue, { maxKeys: 3 }),
  fc.constantFrom({ ['k'.repeat(65)]: 1 }, [], 'attrs', new Map(), null),
);
const extra = rarely<Record<string, unknown>>(fc.constant({}), fc.constant({ other: 1 }));
const mark = rarely<unknown>(
  fc
    .tuple(fc.record({ type, attrs }, { requiredKeys: ['type'] }), extra)
    .map(([m, more]) => ({ ...m, ...more })),
  fc.constantFrom(null, 'bold', {}),
);
const marks = rarely<unknown>(
  fc.array(mark, { maxLength: 3 }),
  fc.constantFrom(Array(101).fill({ type: 'bold' }), Array(100).fill({ type: 'bold' }), 'bold', {}),
);
const text = rarely<unknown>(fc.string({ maxLength: 5 }), fc.constantFrom(3, null));
const { node } = fc.letrec((tie) => ({
  node: rarely<unknown>(
    fc
      .tuple(
        fc.record(
          {
            type,
            attrs,
            text,
            marks,
            content: rarely<unknown>(fc.array(tie('node'), { maxLength: 3 }), fc.constantFrom('x', {}, null)),
          },
          { requiredKeys: ['type'] },
        ),
        extra,
      )
      .map(([n, more]) => ({ ...n, ...more })),
    fc.constantFrom(null, 'paragraph', [], 7),
  ),
}));
const doc = rarely<unknown>(
  fc.array(node, { maxLength: 4 }).map((content) => ({ type: 'doc', content })),
  node,
);

/** A chain of `levels` blockquotes below the document, the innermost with `inner` as its content. */
function nested(levels: number, inner: unknown[]): unknown {
  let value: Record<string, unknown> = { type: 'blockquote', content: inner };
  for (let i = 1; i < levels; i++) value = { type: 'blockquote', content: [value] };
  return { type: 'doc', content: [value] };
}

describe('the notes document check', () => {
  test('the quick check vouches only for what zod accepts, and the answers are the same', () => {
    let vouched = 0;
    let refused = 0;
    fc.assert(
      fc.property(doc, (value) => {
        const expected = answer(full.safeParse({ doc: value }));
        if (isPlainDoc(value)) {
          vouched++;
          expect(expected.ok).toBe(true);
        }
        if (!expected.ok) refused++;
        expect(answer(quick.safeParse({ doc: value }))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
    // Both sides of the line were tried.
    expect(vouched).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  }, 60_000);

  test('documents deeper than the limit, with too many marks or a key hidden from for…in, are refused alike', () => {
    const hidden = { type: 'paragraph' };
    Object.defineProperty(hidden, 'attrs', { value: { ts: {} }, enumerable: false });
    const cases: unknown[] = [
      nested(41, [{ type: 'paragraph' }]),
      { type: 'doc', content: [{ type: 'text', text: 'x', marks: Array(101).fill({ type: 'bold' }) }] },
      { type: 'doc', content: [hidden] },
      { type: 'doc', content: [{ type: 'paragraph', attrs: { [Symbol('s')]: 1 } }] },
      JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"polluted":1}}]}'),
    ];
    for (const value of cases) {
      expect(isPlainDoc(value)).toBe(false);
      expect(answer(quick.safeParse({ doc: value }))).toEqual(answer(full.safeParse({ doc: value })));
    }
  });

  test('the depth limit is the same in both', () => {
    let accepted = 0;
    for (let levels = 37; levels <= 42; levels++) {
      for (const inner of [[], [{ type: 'paragraph' }]]) {
        const value = nested(levels, inner);
        const expected = answer(full.safeParse({ doc: value }));
        if (expected.ok) accepted++;
        expect(isPlainDoc(value), `${levels} levels`).toBe(expected.ok);
        expect(answer(quick.safeParse({ doc: value }))).toEqual(expected);
      }
    }
    expect(accepted).toBeGreaterThan(2);
  });

  test('what the editor writes passes the quick check as it is', () => {
    const value = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, followUp: true }, content: [{ type: 'text', text: 'Tausta' }] },
        {
          type: 'paragraph',
          attrs: { ts: 65, followUp: false },
          content: [
            {
              type: 'text',
              text: 'Laskutus',
              marks: [{ type: 'coding', attrs: { id: 'c1' } }, { type: 'bold' }],
            },
            { type: 'hardBreak' },
          ],
        },
        { type: 'paragraph' },
      ],
    };
    expect(isPlainDoc(value)).toBe(true);
    expect(quick.parse({ doc: value }).doc).toEqual(value);
  });
});
