/**
 * What the messages layer draws at a moment, as data (issue 17): one glyph per message on screen, its place a
 * pure function of simulation time (message-position.ts), its look from kinds.ts. The canvas draws these, the
 * export turns the same list into SVG, clicks hit-test it, and `?test=1` tests read it. No DOM here.
 */
import type { Chord } from './chord';
import { pointOnChord } from './chord';
import { kindStyle } from './kinds';
import { fadeAfter, flightFraction } from './message-position';

export const PILL_H = 30;
/** Above this many messages on screen, they are drawn as small dots without chords (a swarm). */
export const SWARM_AT = 300;

export type Density = 'labels' | 'dots' | 'specks';

export interface GlyphInput {
  msg: number;
  kind: string;
  from: number;
  to: number;
  t: number;
  deliverAt: number;
  lost?: boolean;
  diedAt?: number;
  fields: Record<string, unknown>;
}

export interface GlyphGeo {
  chord: Chord;
  /** Where a cut link stops it (partition line), as a fraction of the chord; null if it passes. */
  stopAt: number | null;
}

export type GlyphShape = 'pill' | 'dot' | 'speck';

export interface Glyph {
  msg: number;
  kind: string;
  from: number;
  to: number;
  /** Centre, in view-box units. */
  x: number;
  y: number;
  shape: GlyphShape;
  /** Radius of a dot, half height of a pill. */
  r: number;
  /** Width of a pill (0 otherwise). */
  w: number;
  label: string;
  color: string;
  reply: boolean;
  quiet: boolean;
  dead: boolean;
  opacity: number;
}

/** The more messages fly, the less each one says: labelled pills, then dots, then small dots without chords. */
export function densityFor(list: readonly GlyphInput[], labelMode: string): Density {
  if (list.length > SWARM_AT) return 'specks';
  let loud = 0;
  for (const m of list) if (!kindStyle(m.kind, m.fields).quiet && m.diedAt === undefined) loud++;
  return labelMode !== 'sparse' && loud <= 14 ? 'labels' : loud <= 80 ? 'dots' : 'specks';
}

export function pillWidth(label: string): number {
  return Math.max(44, label.length * 12.5 + 18);
}

/**
 * The glyphs visible at `now` (messages not yet sent and fully faded ones are left out). Dropped messages
 * fade over `fadeMs` of virtual time where they died; a message stopped by a partition waits at the line.
 */
export function glyphsAt(list: readonly GlyphInput[], geo: ReadonlyMap<number, GlyphGeo>, now: number, density: Density, fadeMs: number): Glyph[] {
  const out: Glyph[] = [];
  for (const m of list) {
    const g = geo.get(m.msg);
    if (!g) continue;
    const dead = m.diedAt !== undefined;
    const opacity = dead ? fadeAfter(now, m.diedAt!, fadeMs) : now < m.t ? 0 : 1;
    if (opacity <= 0) continue;
    // In a swarm, dying messages are not drawn: the storm, not each loss, is what shows.
    if (dead && list.length > SWARM_AT) continue;
    const p = flightFraction(m, now, dead ? null : g.stopAt);
    const pt = pointOnChord(g.chord, dead && !m.lost ? Math.min(p, g.stopAt ?? p) : p);
    const st = kindStyle(m.kind, m.fields);
    const base = { msg: m.msg, kind: m.kind, from: m.from, to: m.to, x: pt.x, y: pt.y, label: st.label, color: st.color, reply: st.reply, quiet: st.quiet, dead, opacity };
    if (st.quiet) out.push({ ...base, shape: density === 'specks' ? 'speck' : 'dot', r: density === 'specks' ? 4 : 7, w: 0 });
    else if (density === 'labels') out.push({ ...base, shape: 'pill', r: PILL_H / 2, w: pillWidth(st.label) });
    else out.push({ ...base, shape: density === 'dots' ? 'dot' : 'speck', r: density === 'dots' ? 10 : 5, w: 0 });
  }
  return out;
}

/**
 * The glyph under a point (view-box units), or the nearest within `tolerance` units of its edge; later glyphs
 * are drawn on top, so they win ties. Null if none is that close.
 */
export function hitGlyph(glyphs: readonly Glyph[], x: number, y: number, tolerance: number): Glyph | null {
  let best: Glyph | null = null;
  let bestD = Infinity;
  for (const g of glyphs) {
    let d: number;
    if (g.shape === 'pill') {
      const dx = Math.max(0, Math.abs(x - g.x) - g.w / 2);
      const dy = Math.max(0, Math.abs(y - g.y) - g.r);
      d = Math.hypot(dx, dy);
    } else d = Math.max(0, Math.hypot(x - g.x, y - g.y) - g.r);
    if (d <= tolerance && d <= bestD) {
      best = g;
      bestD = d;
    }
  }
  return best;
}
