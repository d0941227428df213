/**
 * Resolving a lesson's pause points on the traces of its panes. Pure: traces in, virtual times out.
 *
 * Semantics (one cursor per pane, plus the time of the previous pause T):
 * - `{at}` pauses at that time; it consumes no event, so an event at exactly `at` can still match the next step.
 * - An event predicate is searched, in every pane it applies to, from that pane's cursor and from the first
 *   event at or after T (and `after`, if given); the earliest match wins (ties: pane order). The matched pane's
 *   cursor moves past the matched event, so two steps can pause at the same instant on successive events.
 * - A step whose predicate never matches gets `null`; the cursors stay where they were.
 */
import type { AlgorithmName, TraceEvent } from '../engine/core/types';
import type { Lesson, PausePoint, Where } from './types';

export interface ResolvedPause {
  /** Virtual time (ms) to seek to. */
  t: number;
  /** The pane whose event matched (null for a fixed time). */
  pane: AlgorithmName | null;
  /** Index of the matched event in that pane's trace (null for a fixed time). */
  index: number | null;
}

function whereMatches(obj: Record<string, unknown>, where: Where | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([k, v]) => obj[k] === v);
}

/** Whether one trace event matches a pause predicate (not `{at}`); `pane`, `after` and `nth` are checked by the caller. */
export function eventMatches(p: Exclude<PausePoint, { at: number }>, e: TraceEvent): boolean {
  if (e.type !== p.on) return false;
  switch (p.on) {
    case 'leader': {
      const l = (e as { leader: number | null }).leader;
      if (p.leader === undefined || p.leader === 'any') return p.leader === undefined || l !== null;
      if (p.leader === 'none') return l === null;
      return l === p.leader;
    }
    case 'state': {
      const s = e as Extract<TraceEvent, { type: 'state' }>;
      return (
        (p.node === undefined || s.node === p.node) &&
        (p.role === undefined || s.role === p.role) &&
        (p.leader === undefined || s.leader === p.leader) &&
        (p.alive === undefined || s.alive === p.alive) &&
        whereMatches(s, p.where)
      );
    }
    case 'fault': {
      const f = e as Record<string, unknown>;
      return (p.do === undefined || f.do === p.do) && (p.node === undefined || f.node === p.node);
    }
    case 'anomaly':
      return p.kind === undefined || (e as { kind: string }).kind === p.kind;
    case 'send':
    case 'deliver':
    case 'drop': {
      const m = e as { kind: string; from: number; to: number; fields?: Record<string, unknown> };
      return (
        (p.kind === undefined || m.kind === p.kind) &&
        (p.from === undefined || m.from === p.from) &&
        (p.to === undefined || m.to === p.to) &&
        whereMatches(m.fields ?? (m as Record<string, unknown>), p.where)
      );
    }
    case 'write': {
      const w = e as Extract<TraceEvent, { type: 'write' }>;
      return (p.node === undefined || w.node === p.node) && (p.accepted === undefined || w.accepted === p.accepted);
    }
    case 'commit': {
      const c = e as Extract<TraceEvent, { type: 'commit' }>;
      return (p.node === undefined || c.node === p.node) && (p.value === undefined || c.value === p.value);
    }
  }
}

/** First index i ≥ from with trace[i].t ≥ t (trace times never decrease). */
function firstAtOrAfter(trace: readonly TraceEvent[], t: number, from: number): number {
  let lo = from;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Resolves every step of `lesson` on `traces` (one per pane, in the order of `lesson.algorithms`).
 * Returns one entry per step: where to pause, or null when the run never reaches it.
 */
export function resolvePauses(lesson: Pick<Lesson, 'algorithms' | 'steps'>, traces: readonly (readonly TraceEvent[])[]): (ResolvedPause | null)[] {
  if (traces.length !== lesson.algorithms.length) {
    throw new Error(`resolvePauses: ${lesson.algorithms.length} pane(s) but ${traces.length} trace(s)`);
  }
  const cursor = traces.map(() => 0);
  let T = 0;
  return lesson.steps.map(({ pause }) => {
    if ('at' in pause) {
      T = Math.max(T, pause.at);
      return { t: pause.at, pane: null, index: null };
    }
    let found: { t: number; pane: number; index: number } | null = null;
    for (let k = 0; k < traces.length; k++) {
      if (pause.pane !== undefined && lesson.algorithms[k] !== pause.pane) continue;
      const trace = traces[k];
      let seen = 0;
      for (let i = firstAtOrAfter(trace, Math.max(T, pause.after ?? 0), cursor[k]); i < trace.length; i++) {
        if (found && trace[i].t >= found.t) break;
        if (eventMatches(pause, trace[i]) && ++seen >= (pause.nth ?? 1)) {
          found = { t: trace[i].t, pane: k, index: i };
          break;
        }
      }
    }
    if (!found) return null;
    const t = found.t + (pause.delayMs ?? 0);
    T = t;
    cursor[found.pane] = Math.max(found.index + 1, firstAtOrAfter(traces[found.pane], t, 0));
    return { t, pane: lesson.algorithms[found.pane], index: found.index };
  });
}

/** The virtual time of each step's pause (null: not reached), for the UI to seek to. */
export function findPausePoints(lesson: Pick<Lesson, 'algorithms' | 'steps'>, traces: readonly (readonly TraceEvent[])[]): (number | null)[] {
  return resolvePauses(lesson, traces).map((r) => (r ? r.t : null));
}
