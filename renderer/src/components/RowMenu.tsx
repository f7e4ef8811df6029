import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export interface RowMenuItem {
  label: string;
  hint?: string;
  onSelect: () => void;
}

/**
 * A "⋯" button opening a small menu under it: for actions that must not sit in the row beside
 * everyday ones (a GDPR erasure beside Delete reads as the same thing). Escape or a click elsewhere
 * closes it and gives the focus back to the button.
 */
export function RowMenu({ label, items }: { label: string; items: RowMenuItem[] }): ReactNode {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const outside = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    // Tabbing away closes it too: an open menu left behind would cover the next row.
    document.addEventListener('mousedown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <span className="row-menu-anchor" ref={root}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open && (
        <span
          className="row-menu"
          role="menu"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          {items.map((item, index) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              aria-describedby={item.hint ? `${id}-${index}` : undefined}
              onClick={() => {
                setOpen(false);
                // The item goes with the menu: a dialog it opens hands the focus back to the ⋯ button.
                button.current?.focus();
                item.onSelect();
              }}
            >
              <span className="row-menu-label">{item.label}</span>
              {item.hint && (
                // Its description, not part of its name: the name is the words shown first (WCAG 2.5.3).
                <span className="row-menu-hint" id={`${id}-${index}`} aria-hidden="true">
                  {item.hint}
                </span>
              )}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
