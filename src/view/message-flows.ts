/**
 * Aggregated flows (issue 17): above FLOWS_AT messages in flight (ZAB's 101-node cold start sends O(n²)
 * notifications per round), single messages are no longer readable nor cheap to draw. The ring is cut into
 * FLOW_GROUPS arcs of neighbouring nodes, and each ordered pair of groups gets one band whose width says how many
 * messages fly between them now, coloured by the kind most of them are. No DOM here.
 */
import { chordBetween, type Chord } from './chord';
import { kindStyle } from './kinds';
import type { Point, RingLayout } from './ring';

export const FLOWS_AT = 600;
export const FLOW_GROUPS = 8;

export interface FlowInput {
  kind: string;
  from: number;
  to: number;
  t: number;
  diedAt?: number;
  fields?: Record<string, unknown>;
}

export interface Flow {
  /** Group indices (0 … FLOW_GROUPS − 1, in ring order). */
  from: number;
  to: number;
  count: number;
  kind: string;
  color: string;
  a: Point;
  b: Point;
  /** The band's path between two groups, bent like a message's chord; null within one group (a ring). */
  chord: Chord | null;
}

export interface FlowGroup {
  index: number;
  /** Where its band ends: its nodes' centre, pulled a little toward the ring's centre. */
  at: Point;
  nodes: number[];
}

/** The groups: contiguous arcs of the ring, as equal as the count allows. */
export interface Grouping {
  groups: FlowGroup[];
  of: Map<number, number>;
  center: Point;
}

export function flowGroups(layout: RingLayout, groups = FLOW_GROUPS): Grouping {
  const n = layout.places.length;
  const k = Math.max(1, Math.min(groups, n));
  const out: FlowGroup[] = Array.from({ length: k }, (_, index) => ({ index, at: { x: 0, y: 0 }, nodes: [] }));
  const of = new Map<number, number>();
  layout.places.forEach((p, i) => {
    const g = Math.floor((i * k) / n);
    out[g].nodes.push(p.id);
    out[g].at.x += p.x;
    out[g].at.y += p.y;
    of.set(p.id, g);
  });
  for (const g of out) {
    const m = Math.max(1, g.nodes.length);
    const cx = g.at.x / m;
    const cy = g.at.y / m;
    // Pulled 15 % toward the centre: the bands start inside the ring, clear of the nodes' labels.
    g.at = { x: cx + (layout.center.x - cx) * 0.15, y: cy + (layout.center.y - cy) * 0.15 };
  }
  return { groups: out, of, center: layout.center };
}

/** The flows at `now`: messages sent by then and not dropped, counted by (sender's group, receiver's group). */
export function flowsAt(list: readonly FlowInput[], grouping: Grouping, now: number): Flow[] {
  const cells = new Map<number, { count: number; kinds: Map<string, number> }>();
  const k = grouping.groups.length;
  for (const m of list) {
    if (m.t > now || m.diedAt !== undefined) continue;
    const a = grouping.of.get(m.from);
    const b = grouping.of.get(m.to);
    if (a === undefined || b === undefined) continue;
    const key = a * k + b;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { count: 0, kinds: new Map() }));
    c.count++;
    c.kinds.set(m.kind, (c.kinds.get(m.kind) ?? 0) + 1);
  }
  const out: Flow[] = [];
  for (const [key, c] of [...cells].sort((x, y) => x[0] - y[0])) {
    const from = Math.floor(key / k);
    const to = key % k;
    let kind = '';
    let most = -1;
    for (const [kd, n] of c.kinds) if (n > most || (n === most && kd < kind)) [kind, most] = [kd, n];
    const a = grouping.groups[from].at;
    const b = grouping.groups[to].at;
    // Offset sideways by direction, as messages' chords are: the two directions of a pair stay apart.
    const chord = from === to ? null : chordBetween(a, b, grouping.center, 0.22, 14);
    out.push({ from, to, count: c.count, kind, color: kindStyle(kind).color, a, b, chord });
  }
  return out;
}

/** A band's width in view-box units: by the square root of its count, so one big flow does not hide the rest. */
export function flowWidth(count: number, max: number): number {
  return 2 + 16 * Math.sqrt(count / Math.max(1, max));
}
