import { useEffect, useState } from 'react';
import type { PaneMetrics } from '../../view/metrics/folder';
import type { PaneController } from '../../store/pane-controller';

/**
 * A pane's live metrics, re-read at most every `ms` of wall time: the worker sends them with every batch
 * (about once a frame), a table or card needs far fewer re-renders.
 */
export function usePaneMetrics(c: PaneController, ms = 250): PaneMetrics | null {
  const [m, setM] = useState<PaneMetrics | null>(() => c.store.getState().metrics);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      setM(c.store.getState().metrics);
    };
    flush();
    const unsub = c.store.subscribe((s, prev) => {
      if (s.metrics === prev.metrics || timer !== null) return;
      timer = setTimeout(flush, ms);
    });
    return () => {
      unsub();
      if (timer !== null) clearTimeout(timer);
    };
  }, [c, ms]);
  return m;
}

/** Unavailable time as of the displayed time: the metrics' value plus the open leaderless stretch since. */
export function unavailableNow(m: PaneMetrics, time: number): number {
  return m.unavailableMs + (m.leader === null ? Math.max(0, time - m.now) : 0);
}
