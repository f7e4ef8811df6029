import { useEffect, useRef } from 'react';
import { useNotify } from '../store/notify.ts';

export function Toasts() {
  const { toasts, dismiss } = useNotify();
  const layer = useRef<HTMLDivElement>(null);
  // A modal dialog sits in the browser's top layer, above any z-index: the toasts live in that layer
  // too, raised again when one arrives so that they stay above a dialog opened after them.
  useEffect(() => {
    const el = layer.current;
    if (!el?.showPopover || toasts.length === 0) return;
    if (el.matches(':popover-open')) el.hidePopover();
    el.showPopover();
  }, [toasts]);
  return (
    <div ref={layer} className="toasts" popover="manual" aria-live="polite">
      {toasts.map((toast) => (
        <button
          key={toast.id}
          type="button"
          className={`toast ${toast.kind}`}
          onClick={() => dismiss(toast.id)}
        >
          {toast.message}
        </button>
      ))}
    </div>
  );
}
