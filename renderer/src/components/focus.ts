/**
 * Where the keyboard focus goes when what held it goes away. A focused element that is removed (a
 * dialog closing, a disabled button, a deleted row) leaves the focus on the page body, and a keyboard
 * or screen-reader user then starts again from the top of the window.
 */

/** True when nothing meaningful holds the focus. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** Moves the focus to a heading, made focusable by script only (Tab does not stop on it). */
export function focusHeading(heading: HTMLElement | null | undefined, options?: FocusOptions): boolean {
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus(options);
  return document.activeElement === heading;
}

/** Moves the focus to the current screen's heading. */
export function focusScreenHeading(): boolean {
  return focusHeading(document.querySelector<HTMLElement>('main h1'));
}

/**
 * Gives the focus back to the element that had it before a dialog opened, unless something has taken
 * it since (the editor putting back its caret). When that element is gone, or goes right after (the
 * row whose Delete opened the dialog, removed once the list reloads), the screen's heading takes it.
 */
export function returnFocus(opener: HTMLElement | null): void {
  if (!focusIsLost()) return;
  if (opener?.isConnected) opener.focus();
  if (!opener || document.activeElement !== opener) {
    focusScreenHeading();
    return;
  }
  whenRemoved(opener, focusScreenHeading);
}

/**
 * Runs `then` once the element has left the page, if the focus went with it. Watched only until the
 * consultant moves on, or for as long as a list takes to reload; then nothing happens.
 */
function whenRemoved(element: HTMLElement, then: () => void): void {
  const stop = () => {
    observer.disconnect();
    document.removeEventListener('focusin', stop);
    clearTimeout(timer);
  };
  const observer = new MutationObserver(() => {
    if (element.isConnected) return;
    stop();
    if (focusIsLost()) then();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', stop);
  const timer = setTimeout(stop, 5000);
}

const FOCUSABLE = 'button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea';

/**
 * Called as a row's action (Restore, Remove…) starts, before the row goes: once it has gone, the
 * focus moves to the same action in the next row, else in the previous one, else to `fallback` (the
 * button that filled the list, a heading), else to the screen's heading. Nothing moves if the row stays (the action failed).
 * Rows are the control's closest `row` ancestor and that element's siblings; the same action is the
 * control at the same place among the row's focusable elements.
 */
export function focusNeighbourOnRemoval(
  control: HTMLElement,
  row: string,
  fallback: () => HTMLElement | null | undefined = () => null,
): void {
  const removed = control.closest<HTMLElement>(row);
  if (!removed) return;
  const place = [...removed.querySelectorAll<HTMLElement>(FOCUSABLE)].indexOf(control);
  const siblings = (step: 'nextElementSibling' | 'previousElementSibling') => {
    const found: HTMLElement[] = [];
    for (let el = removed[step]; el; el = el[step])
      if (el instanceof HTMLElement && el.matches(row)) found.push(el);
    return found;
  };
  // Nearest first, the next rows before the previous ones: the list closes up towards the focus.
  const neighbours = [...siblings('nextElementSibling'), ...siblings('previousElementSibling')];
  whenRemoved(removed, () => {
    for (const neighbour of neighbours) {
      if (!neighbour.isConnected) continue;
      const controls = [...neighbour.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const target = controls[place] ?? controls[0];
      if (target) {
        target.focus();
        return;
      }
    }
    const other = fallback();
    if (other?.matches(FOCUSABLE)) other.focus();
    else if (!focusHeading(other)) focusScreenHeading();
  });
}

/**
 * The field a dialog opens on: one marked data-autofocus, else its first field (the checked radio of
 * a group). React's autoFocus cannot do this: it runs while the <dialog> is still closed, hence
 * hidden, and showModal() then picks the first focusable thing, which may be the scrolling form.
 */
export function initialFocus(dialog: HTMLElement): HTMLElement | null {
  const marked = dialog.querySelector<HTMLElement>('[data-autofocus]');
  if (marked) return marked;
  const field = dialog.querySelector<HTMLElement>(
    'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)',
  );
  if (field instanceof HTMLInputElement && field.type === 'radio' && field.name) {
    const form = field.form ?? dialog;
    const checked = form.querySelector<HTMLInputElement>(
      `input[type="radio"][name="${CSS.escape(field.name)}"]:checked`,
    );
    if (checked) return checked;
  }
  return field;
}
