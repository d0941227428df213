import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../useT';

/**
 * A modal dialog: labelled, Esc and the close button close it, Tab stays inside, focus goes back to where it
 * was when it closes.
 */
export function Dialog({ label, onClose, className, children }: { label: string; onClose: () => void; className?: string; children: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    if (!ref.current?.contains(document.activeElement)) ref.current?.querySelector<HTMLElement>('a, button')?.focus();
    return () => {
      if (before && document.contains(before)) before.focus();
    };
  }, []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      const all = [...(ref.current?.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), select, input') ?? [])];
      if (all.length === 0) return;
      const i = all.indexOf(document.activeElement as HTMLElement);
      if (e.shiftKey && i <= 0) {
        e.preventDefault();
        all[all.length - 1].focus();
      } else if (!e.shiftKey && i === all.length - 1) {
        e.preventDefault();
        all[0].focus();
      }
    }
  };
  return (
    <div className="teach-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} role="dialog" aria-modal="true" aria-label={label} className={`teach-dialog ${className ?? ''}`} onKeyDown={onKey}>
        <div className="teach-dialog-head">
          <h2>{label}</h2>
          <button type="button" onClick={onClose} aria-label={t.teach.close}>
            ✕
          </button>
        </div>
        <div className="teach-dialog-body">{children}</div>
      </div>
    </div>
  );
}
