import { create } from 'zustand';

/**
 * What the notes editor last said to a screen reader through its polite live region. `n` counts the
 * announcements, so the same words said twice are drawn anew and read again.
 */
export const useAnnouncement = create<{ text: string; n: number }>(() => ({ text: '', n: 0 }));

export function announce(text: string): void {
  useAnnouncement.setState((s) => ({ text, n: s.n + 1 }));
}
