import { create } from 'zustand';
import { useNotes } from './notes.ts';
import { openSearch } from './search.ts';

/** The current screen registers what its shortcuts do; the app routes key presses to it. */
interface ShortcutState {
  onNew: (() => void) | null;
  onBack: (() => void) | null;
  openSettings: () => void;
  openHelp: () => void;
}

export const useShortcuts = create<ShortcutState>(() => ({
  onNew: null,
  onBack: null,
  openSettings: () => {},
  openHelp: () => {},
}));

const isMod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;

export function handleShortcut(e: KeyboardEvent): void {
  if (document.querySelector('dialog[open]')) return;
  const s = useShortcuts.getState();
  const key = e.key.toLowerCase();
  let action: (() => void) | null | undefined = null;
  if (isMod(e) && !e.shiftKey && !e.altKey && key === 'n') action = s.onNew;
  else if (isMod(e) && key === 's') action = () => void useNotes.getState().flush();
  else if (isMod(e) && !e.altKey && key === 'f') action = () => openSearch(e.shiftKey ? 'wide' : 'narrow');
  else if (isMod(e) && key === ',') action = s.openSettings;
  else if (isMod(e) && key === '/') action = s.openHelp;
  // Not with Ctrl/⌘: Ctrl/⌘+Alt+↑ is the interview guide's previous question.
  else if (e.altKey && !isMod(e) && key === 'arrowup') action = s.onBack;
  if (!action) return;
  e.preventDefault();
  action();
}

export const SHORTCUT_LIST = [
  ['Ctrl/⌘ + N', 'shortcuts.new'],
  ['Ctrl/⌘ + S', 'shortcuts.save'],
  ['Ctrl/⌘ + 1…9', 'shortcuts.codeWith'],
  ['Ctrl/⌘ + K', 'shortcuts.picker'],
  ['Ctrl/⌘ + Shift + K', 'shortcuts.codedAs'],
  ['Ctrl/⌘ + Shift + L', 'shortcuts.followUp'],
  ['Ctrl/⌘ + Alt + G', 'shortcuts.guideLive'],
  ['Ctrl/⌘ + Alt + ↓ / ↑', 'shortcuts.guideMove'],
  ['Ctrl/⌘ + Alt + A', 'shortcuts.guideAttribute'],
  ['Ctrl/⌘ + F', 'shortcuts.search'],
  ['Ctrl/⌘ + Shift + F', 'shortcuts.searchAll'],
  ['Ctrl/⌘ + ,', 'shortcuts.settings'],
  ['Alt + ↑', 'shortcuts.back'],
  ['Ctrl/⌘ + /', 'shortcuts.help'],
  ['Esc', 'shortcuts.close'],
] as const;
