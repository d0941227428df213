import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The pixel size of an element, kept current by a ResizeObserver. The ring's SVG takes its width and height from
 * here rather than from `100%`: a percentage-sized SVG is marked "size changed" whenever its box is laid out, so
 * Chromium laid out every node of the ring again on every frame a message moved.
 */
export function useBoxSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const set = (width: number, height: number) =>
      setSize((s) => (s && s.width === width && s.height === height ? s : { width, height }));
    const r = el.getBoundingClientRect();
    set(Math.round(r.width), Math.round(r.height));
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => set(Math.round(e.contentRect.width), Math.round(e.contentRect.height)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
