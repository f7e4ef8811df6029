import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { contrastRatio, luminance, mix, parseHex, reachContrast } from '../../shared/contrast.ts';
import { HEAT_INK, HEAT_RAMP, HEAT_STEPS, heatColour, heatStyle } from '../../shared/heat.ts';

const WHITE = '#ffffff';
const css = readFileSync('renderer/src/styles.css', 'utf8');
/** A custom property as styles.css declares it on :root, so the test follows the stylesheet. */
const cssVar = (name: string): string => {
  const found = css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`));
  if (!found) throw new Error(`--${name} not in styles.css`);
  return found[1]!;
};
const PAGE = cssVar('bg');

describe('WCAG contrast arithmetic', () => {
  test('matches the figures WCAG and common checkers give', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    // #777 on white is the classic near miss (4.48:1), #767676 the classic pass (4.54:1).
    expect(contrastRatio('#777777', WHITE)).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', WHITE)).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#0072B2', WHITE)).toBeCloseTo(5.19, 2);
    expect(parseHex('#abc')).toEqual([0xaa, 0xbb, 0xcc]);
    expect(() => parseHex('blue')).toThrow();
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
  });

  test('reachContrast darkens just to the ratio asked, and leaves a colour that already has it', () => {
    for (const colour of ['#F0E442', '#E69F00', '#56B4E9', '#e0e0e0', '#ffffff']) {
      const reached = reachContrast(colour, WHITE, 3);
      expect(contrastRatio(reached, WHITE)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(reached, WHITE)).toBeLessThan(3.1);
    }
    expect(reachContrast('#0072B2', WHITE, 3)).toBe('#0072B2');
    // Towards white, for a light colour that needs to stand against dark ink.
    const light = reachContrast('#0072B2', HEAT_INK, 5, WHITE);
    expect(contrastRatio(light, HEAT_INK)).toBeGreaterThanOrEqual(5);
  });
});

describe('heat-map ramp', () => {
  test('the ink of every number, "(n)" included, stands 4.5:1 or more on every step', () => {
    expect(HEAT_RAMP).toHaveLength(HEAT_STEPS);
    for (const step of HEAT_RAMP) expect(contrastRatio(HEAT_INK, step)).toBeGreaterThanOrEqual(4.5);
    // The stylesheet's ink is the same colour, so the dash of an empty cell and the headers agree.
    expect(cssVar('ink')).toBe(HEAT_INK);
  });

  test('a focused cell’s ring (the ink) stands 3:1 against every step and the page', () => {
    for (const background of [...HEAT_RAMP, WHITE, PAGE])
      expect(contrastRatio(HEAT_INK, background)).toBeGreaterThanOrEqual(3);
    expect(css).toMatch(/\.heatmap td \.num-link:focus-visible \{\s*outline-color: currentColor;/);
  });

  test('one hue that only darkens, each step visibly darker than the one before', () => {
    const hue = ([r, g, b]: readonly number[]) => Math.atan2(Math.sqrt(3) * (g! - b!), 2 * r! - g! - b!);
    for (let i = 1; i < HEAT_RAMP.length; i++) {
      expect(luminance(HEAT_RAMP[i]!)).toBeLessThan(luminance(HEAT_RAMP[i - 1]!));
      expect(contrastRatio(HEAT_RAMP[i]!, HEAT_RAMP[i - 1]!)).toBeGreaterThan(1.15);
      expect(hue(parseHex(HEAT_RAMP[i]!))).toBeCloseTo(hue(parseHex(HEAT_RAMP[1]!)), 1);
    }
  });

  test('shares map onto the steps; an empty cell takes no colour', () => {
    expect(heatColour(0)).toBeUndefined();
    expect(heatStyle(0)).toBeUndefined();
    expect(heatColour(1)).toBe(HEAT_RAMP[0]);
    expect(heatColour(50)).toBe(HEAT_RAMP[2]);
    expect(heatColour(51)).toBe(HEAT_RAMP[3]);
    expect(heatColour(100)).toBe(HEAT_RAMP.at(-1));
    expect(heatStyle(100)).toEqual({ background: HEAT_RAMP.at(-1), color: HEAT_INK });
  });
});

describe('the stylesheet’s text colours', () => {
  test('muted text stands 4.5:1 on every background it is printed on', () => {
    const muted = cssVar('muted');
    // The page, a panel, an active tab's count, the picker's active row (--accent-soft), hatched small-n cells, the diagonal.
    for (const background of [PAGE, WHITE, '#eef0f3', cssVar('accent-soft'), '#eceae4', '#f2f1ed', '#fbfaf8'])
      expect(contrastRatio(muted, background), `${muted} on ${background}`).toBeGreaterThanOrEqual(4.5);
  });

  test('warning text stands 4.5:1 on the page, panels and hatched cells', () => {
    for (const background of [PAGE, WHITE, '#fbfaf8', '#eceae4', '#fff6f4'])
      expect(contrastRatio(cssVar('warn'), background), background).toBeGreaterThanOrEqual(4.5);
  });

  test('placeholders are set in the muted text colour, not the browser’s light grey', () => {
    expect(css).toMatch(/::placeholder \{\s*color: var\(--muted\);\s*opacity: 1;/);
  });

  test('no text is set in the old light greys that failed', () => {
    for (const file of ['renderer/src/styles.css', 'renderer/src/components/transcript.css'])
      expect(readFileSync(file, 'utf8')).not.toMatch(/color: #(98a2b3|667085);/i);
  });

  test('the sentiment bar’s segments stand 3:1 against the panel and the bar’s track', () => {
    for (const segment of ['negative', 'neutral', 'positive']) {
      const colour = css.match(new RegExp(`\\.seg-${segment} \\{\\s*background: (#[0-9a-f]{6})`))?.[1];
      expect(colour, segment).toBeDefined();
      for (const background of [WHITE, '#eef0f3'])
        expect(contrastRatio(colour!, background)).toBeGreaterThanOrEqual(3);
    }
  });

  test('the findings’ evidence meter, small-n hatch included, stands 3:1 against its track and the card', () => {
    const hatch = css.match(
      /\.evidence-meter\.small-n span \{\s*background: repeating-linear-gradient\(135deg, (#[0-9a-f]{6})/,
    );
    expect(hatch).not.toBeNull();
    for (const mark of [cssVar('accent'), hatch![1]!])
      for (const background of [WHITE, '#eef0f3'])
        expect(contrastRatio(mark, background)).toBeGreaterThanOrEqual(3);
  });

  test('a mention’s underline and glyph stand 3:1 on the notes page, the known and the unknown alike', () => {
    const mentions = readFileSync('renderer/src/editor/mention.css', 'utf8');
    for (const name of ['mention-mark', 'mention-unknown-mark']) {
      const colour = mentions.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`))?.[1];
      expect(colour, name).toBeDefined();
      expect(contrastRatio(colour!, WHITE)).toBeGreaterThanOrEqual(3);
    }
    // No faded marks: opacity took them under 3:1 before.
    expect(mentions).not.toMatch(/opacity:/);
  });
});
