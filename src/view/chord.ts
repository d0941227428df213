/**
 * Chords between nodes: gently curved (quadratic Bézier bent towards the centre) so many chords through the
 * middle stay apart, and offset by direction so a request and its reply do not sit on top of each other.
 */
import type { Point } from './ring';

export interface Chord {
  p0: Point;
  c: Point;
  p1: Point;
}

/**
 * The path a message from `a` to `b` follows. `bend` pulls the control point towards the centre (0 = straight);
 * `side` shifts it sideways by that many units (positive: to the sender's right), separating directions.
 */
export function chordBetween(a: Point, b: Point, center: Point, bend = 0.22, side = 0): Chord {
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  let cx = mid.x + (center.x - mid.x) * bend;
  let cy = mid.y + (center.y - mid.y) * bend;
  if (side !== 0) {
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // The sender's right, in SVG coordinates (y down).
    cx += (-dy / len) * side;
    cy += (dx / len) * side;
  }
  return { p0: a, c: { x: cx, y: cy }, p1: b };
}

export function pointOnChord(ch: Chord, p: number): Point {
  const q = 1 - p;
  return {
    x: q * q * ch.p0.x + 2 * q * p * ch.c.x + p * p * ch.p1.x,
    y: q * q * ch.p0.y + 2 * q * p * ch.c.y + p * p * ch.p1.y,
  };
}

/** SVG path data of a chord. */
export function chordPath(ch: Chord): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  return `M${f(ch.p0.x)},${f(ch.p0.y)}Q${f(ch.c.x)},${f(ch.c.y)} ${f(ch.p1.x)},${f(ch.p1.y)}`;
}

/**
 * The fraction along the chord where it first crosses the straight line through `l0` and `l1`, or null when
 * it does not cross it. Used to stop a message at a drawn partition line.
 */
export function crossParam(ch: Chord, l0: Point, l1: Point): number | null {
  const nx = -(l1.y - l0.y);
  const ny = l1.x - l0.x;
  const d = (pt: Point) => (pt.x - l0.x) * nx + (pt.y - l0.y) * ny;
  // Signed distance along the curve is a quadratic in p: d(p) = A p² + B p + C.
  const d0 = d(ch.p0);
  const dc = d(ch.c);
  const d1 = d(ch.p1);
  const A = d0 - 2 * dc + d1;
  const B = 2 * (dc - d0);
  const C = d0;
  const roots: number[] = [];
  if (Math.abs(A) < 1e-9) {
    if (Math.abs(B) > 1e-12) roots.push(-C / B);
  } else {
    const disc = B * B - 4 * A * C;
    if (disc >= 0) {
      const s = Math.sqrt(disc);
      roots.push((-B - s) / (2 * A), (-B + s) / (2 * A));
    }
  }
  const inside = roots.filter((r) => r > 0 && r < 1).sort((x, y) => x - y);
  return inside.length ? inside[0] : null;
}
