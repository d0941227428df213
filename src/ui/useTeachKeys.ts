import { useEffect } from 'react';
import type { Teach } from './lessons/context';

/** Toggles full screen on the whole page (a presenter's projector). */
export function toggleFullScreen(): void {
  if (typeof document === 'undefined') return;
  if (document.fullscreenElement) void document.exitFullscreen?.();
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

/**
 * The teaching keys: Page Down / N next lesson step, Page Up / P previous (a presenter's clicker sends Page
 * Down / Page Up), L the lesson list, F full screen, ? help, Esc closes an overlay.
 */
export function useTeachKeys(api: Teach | null): void {
  useEffect(() => {
    if (!api) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, select, textarea, [role="menu"]')) return;
      const inDialog = !!el?.closest('[role="dialog"]');
      const st = api.store.getState();
      const lesson = st.lessonId !== null && st.overlay === 'none' && !inDialog;
      const k = e.key;
      if (k === 'PageDown' || k === 'n' || k === 'N') {
        if (!lesson) return;
        e.preventDefault();
        api.session.next();
      } else if (k === 'PageUp' || k === 'p' || k === 'P') {
        if (!lesson) return;
        e.preventDefault();
        api.session.previous();
      } else if (k === '?') {
        e.preventDefault();
        api.store.setState({ overlay: st.overlay === 'help' ? 'none' : 'help' });
      } else if ((k === 'l' || k === 'L') && !inDialog) {
        e.preventDefault();
        api.store.setState({ overlay: st.overlay === 'lessons' ? 'none' : 'lessons' });
      } else if ((k === 'f' || k === 'F') && !inDialog) {
        e.preventDefault();
        toggleFullScreen();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);
}
