/**
 * Where an arrow, Home or End key moves in a row of tabs (wrapping at the ends, as the ARIA tabs
 * pattern has it); null for any other key, which the tabs leave alone.
 */
export function rovingIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
