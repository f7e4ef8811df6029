import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { initialFocus, returnFocus } from './focus.ts';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: focus stays inside, Escape closes. It opens on its
 * first field and, once gone, hands the focus back to whatever opened it.
 */
export function Dialog({ title, onClose, children, footer, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // Read before showModal() moves the focus into the dialog.
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    dialog.showModal();
    initialFocus(dialog)?.focus();
  }, []);
  // A passive cleanup: it runs once the dialog has left the page, when the rest of it is no longer inert.
  useEffect(() => () => returnFocus(opener.current), []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' wide' : ''}`}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  );
}
