import { useEffect } from 'react';
import type { PaneController } from '../store/pane-controller';

/** Space: play / pause; → step forward; ← step back; [ ] previous / next marker — unless a field, menu or slider has the keys. */
export function useKeyboard(c: PaneController): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, select, textarea, [role="menu"], [role="dialog"]')) return;
      if (e.key === ' ' || e.code === 'Space') {
        // Space on a focused HTML button presses that button instead (a node on the ring does not take Space).
        if (el?.tagName === 'BUTTON') return;
        e.preventDefault();
        c.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        c.stepForward();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        c.stepBack();
      } else if (e.key === '[' || e.key === ']') {
        // Replay: the previous / next timeline marker (election, leader change, fault, alert).
        e.preventDefault();
        c.seekMarker(e.key === ']' ? 1 : -1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [c]);
}
