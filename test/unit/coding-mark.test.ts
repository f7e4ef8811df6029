import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  codingMarkColours,
  codingMarkRule,
  NOTES_PAGE,
  UNDERLINE_WIDTH,
} from '../../renderer/src/editor/codingMark.ts';
import { contrastRatio, mix, parseHex } from '../../shared/contrast.ts';

const INK = '#1d2430';
const defaultColours = [
  ...new Set(readFileSync('resources/codebook/default-codebook.json', 'utf8').match(/#[0-9a-fA-F]{6}/g)),
];
// Colours a consultant might pick that are nearly invisible on white.
const lightUserColours = ['#ffff00', '#e0e0e0', '#ffffff', '#f0e442', '#89ccf0', '#ffc0cb'];

describe('coded passages in the notes', () => {
  test('the default codebook has colours to check', () => {
    expect(defaultColours.length).toBeGreaterThanOrEqual(12);
  });

  test.each([...defaultColours, ...lightUserColours, '#000000'])(
    '%s: the underline stands 3:1 against its tint, an overlapped tint and the page; the text 4.5:1 on them',
    (colour) => {
      const { tint, overlapped, underline } = codingMarkColours(colour);
      expect(contrastRatio(underline, tint)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(underline, overlapped)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(INK, overlapped)).toBeGreaterThanOrEqual(4.5);
      // Where it meets any other code's tint: the two tints laid as the stylesheet lays them.
      for (const other of [...defaultColours, ...lightUserColours]) {
        const both = mix(tint, other, 0.22);
        expect(contrastRatio(underline, both), `${colour} under ${other}`).toBeGreaterThanOrEqual(3);
      }
      expect(contrastRatio(underline, NOTES_PAGE)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(INK, tint)).toBeGreaterThanOrEqual(4.5);
      // Darkened in its own hue, never swapped for another colour: no channel rises.
      const [before, after] = [parseHex(colour), parseHex(underline)];
      for (let i = 0; i < 3; i++) expect(after[i]).toBeLessThanOrEqual(before[i]!);
    },
  );

  test('the editor’s stylesheet draws the derived underline at its full width', () => {
    const css = codingMarkRule('k1', '#ffff00');
    const { underline } = codingMarkColours('#ffff00');
    expect(css).toContain('[data-coding="k1"]');
    expect(css).toContain('background-color:rgba(255, 255, 0,0.22)');
    expect(css).toContain(`box-shadow:inset 0 -${UNDERLINE_WIDTH}px 0 ${underline}`);
    expect(UNDERLINE_WIDTH).toBeGreaterThanOrEqual(2);
  });
});
