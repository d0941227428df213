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

/** One countdown arc as the canvas draws it, in view-box units. */
export interface TimerArc {
  node: number;
  name: string;
  x: number;
  y: number;
  r: number;
  width: number;
  color: string;
  /** Fraction still to run (the arc's length, from twelve o'clock clockwise). */
  left: number;
}

/**
 * The countdown arcs at `now`: one ring per drawn timer around its node, the node's timers nested outward in
 * the order the engine lists them. A pure function of sim time, like the message glyphs.
 */
export function timerArcs(
  timers: Readonly<Record<string, readonly { node: number; name: string; since: number; due: number }[]>>,
  layout: { nodeRadius: number; byId: ReadonlyMap<number, { x: number; y: number }> },
  now: number,
): TimerArc[] {
  const width = Math.max(3, Math.min(9, layout.nodeRadius * 0.18));
  const out: TimerArc[] = [];
  for (const ts of Object.values(timers)) {
    let ring = 0;
    for (const tm of ts) {
      const st = timerStyle(tm.name);
      const p = layout.byId.get(tm.node);
      if (!st || !p) continue;
      const r = layout.nodeRadius * 1.2 + 6 + ring++ * (width + 3) + width / 2;
      out.push({ node: tm.node, name: tm.name, x: p.x, y: p.y, r, width, color: st.color, left: timerRemaining(now, tm.since, tm.due) });
    }
  }
  return out;
}
