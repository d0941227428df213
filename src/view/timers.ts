/**
 * Which node timers are drawn as countdown arcs, and how. Matched by name, so algorithms written later
 * (Raft's election timeout, ZAB's notification wait) get arcs without code here; heartbeat-like timers are
 * not drawn (the leader's own beat would only add noise).
 */
import { OKABE_ITO } from './palette';

export interface TimerStyle {
  color: string;
  /** Dictionary key of the timer's description. */
  word: 'timerElection' | 'timerAnswer' | 'timerVictory' | 'timerLeader' | 'timerNotification' | 'timerOther';
}

export function timerStyle(name: string): TimerStyle | null {
  const n = name.toLowerCase();
  if (n.includes('heartbeat') || n.includes('ping') || n.includes('tick') || n.includes('beat') || n.includes('quorum')) return null;
  if (n.includes('answer')) return { color: OKABE_ITO.vermillion, word: 'timerAnswer' };
  if (n.includes('victory')) return { color: OKABE_ITO.orange, word: 'timerVictory' };
  if (n.includes('elect')) return { color: OKABE_ITO.vermillion, word: 'timerElection' };
  if (n.includes('notif') || n.includes('finalize') || n.includes('wait')) return { color: OKABE_ITO.vermillion, word: 'timerNotification' };
  if (n.includes('leader')) return { color: OKABE_ITO.sky, word: 'timerLeader' };
  return { color: OKABE_ITO.grey, word: 'timerOther' };
}

/** Fraction of the timer still to run at `now`: 1 when just set, 0 when due. */
export function timerRemaining(now: number, since: number, due: number): number {
  if (due <= since) return now >= due ? 0 : 1;
  const r = (due - now) / (due - since);
  return r < 0 ? 0 : r > 1 ? 1 : r;
}
