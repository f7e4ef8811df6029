import { describe, expect, test } from 'vitest';
import { quoteOpening } from '../../shared/opening.ts';

describe('the opening words of a quote', () => {
  test('a long quote is cut after its sixth word, a short one kept whole', () => {
    expect(quoteOpening('Me odotimme kaksi viikkoa ennen kuin kukaan vastasi')).toBe(
      'Me odotimme kaksi viikkoa ennen kuin…',
    );
    expect(quoteOpening('  Hyvä   palvelu\n')).toBe('Hyvä palvelu');
    expect(quoteOpening('')).toBe('');
  });
});
