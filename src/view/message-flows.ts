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

/**
 * A list prepared for counting (once per list: the pane's message table gives one array per table, so once per
 * batch): its live messages (sent, not dropped) sorted by send time, each with its cell (group pair) and kind as
 * small integers. Counting at `now` is then a prefix of that order, and the counts of the last `now` asked are
 * kept, so a frame costs the messages sent or passed since the last frame, not every message in flight (issue 17,
 * row e: at ZAB's 101-node cold start ~4,000 messages were counted through Maps every frame).
 */
interface Prepared {
  grouping: Grouping;
  /** Send times, ascending; `cell[i]`, `kind[i]` belong to the same message. */
  t: Float64Array;
  cell: Int32Array;
  kind: Int32Array;
  kinds: string[];
  /** Messages counted so far: the first `upTo` of the order (those with t ≤ the last `now`). */
  upTo: number;
  perCell: Int32Array;
  /** Count per (cell, kind): `cell · kinds.length + kind`. */
  perCellKind: Int32Array;
}

const prepared = new WeakMap<readonly FlowInput[], Prepared>();

function prepare(list: readonly FlowInput[], grouping: Grouping): Prepared {
  const k = grouping.groups.length;
  const kindIndex = new Map<string, number>();
  // Straight into typed arrays, no object per message: this runs once per batch over every message in flight.
  const t = new Float64Array(list.length);
  const cell = new Int32Array(list.length);
  const kind = new Int32Array(list.length);
  let n = 0;
  let sorted = true;
  for (const m of list) {
    if (m.diedAt !== undefined) continue;
    const a = grouping.of.get(m.from);
    const b = grouping.of.get(m.to);
    if (a === undefined || b === undefined) continue;
    let ki = kindIndex.get(m.kind);
    if (ki === undefined) kindIndex.set(m.kind, (ki = kindIndex.size));
    if (n > 0 && m.t < t[n - 1]) sorted = false;
    t[n] = m.t;
    cell[n] = a * k + b;
    kind[n] = ki;
    n++;
  }
  const p: Prepared = {
    grouping,
    t: t.subarray(0, n),
    cell: cell.subarray(0, n),
    kind: kind.subarray(0, n),
    kinds: [...kindIndex.keys()],
    upTo: 0,
    perCell: new Int32Array(k * k),
    perCellKind: new Int32Array(k * k * Math.max(1, kindIndex.size)),
  };
  // The table lists messages by id, which is send order, so this is sorted already; a list that is not gets a
  // stable sort by send time (equal times keep list order, which changes no count).
  if (!sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => t[x] - t[y] || x - y);
    p.t = Float64Array.from(order, (i) => t[i]);
    p.cell = Int32Array.from(order, (i) => cell[i]);
    p.kind = Int32Array.from(order, (i) => kind[i]);
  }
  return p;
}

/** Moves the counted prefix to the messages sent by `now` (forward adds, backward takes away). */
function countTo(p: Prepared, now: number): void {
  const nk = Math.max(1, p.kinds.length);
  while (p.upTo < p.t.length && p.t[p.upTo] <= now) {
    const i = p.upTo++;
    p.perCell[p.cell[i]]++;
    p.perCellKind[p.cell[i] * nk + p.kind[i]]++;
  }
  while (p.upTo > 0 && p.t[p.upTo - 1] > now) {
    const i = --p.upTo;
    p.perCell[p.cell[i]]--;
    p.perCellKind[p.cell[i] * nk + p.kind[i]]--;
  }
}

/** A band's chord depends only on its two groups: kept per grouping. */
const chords = new WeakMap<Grouping, Map<number, Chord | null>>();

function chordOf(grouping: Grouping, from: number, to: number): Chord | null {
  let byCell = chords.get(grouping);
  if (!byCell) chords.set(grouping, (byCell = new Map()));
  const key = from * grouping.groups.length + to;
  let c = byCell.get(key);
  if (c === undefined) {
    const a = grouping.groups[from].at;
    const b = grouping.groups[to].at;
    // Offset sideways by direction, as messages' chords are: the two directions of a pair stay apart.
    c = from === to ? null : chordBetween(a, b, grouping.center, 0.22, 14);
    byCell.set(key, c);
  }
  return c;
}

/**
 * The flows at `now`: messages sent by then and not dropped, counted by (sender's group, receiver's group), in
 * ascending cell order; each band takes the kind most of its messages are (ties: the name that sorts first).
 * `list` must not be changed after it is passed (its counts are remembered with it).
 */
export function flowsAt(list: readonly FlowInput[], grouping: Grouping, now: number): Flow[] {
  let p = prepared.get(list);
  if (!p || p.grouping !== grouping) prepared.set(list, (p = prepare(list, grouping)));
  countTo(p, now);
  const k = grouping.groups.length;
  const nk = Math.max(1, p.kinds.length);
  const out: Flow[] = [];
  for (let key = 0; key < k * k; key++) {
    const count = p.perCell[key];
    if (count === 0) continue;
    const from = Math.floor(key / k);
    const to = key % k;
    let kind = '';
    let most = -1;
    for (let ki = 0; ki < p.kinds.length; ki++) {
      const n = p.perCellKind[key * nk + ki];
      if (n === 0) continue;
      const kd = p.kinds[ki];
      if (n > most || (n === most && kd < kind)) [kind, most] = [kd, n];
    }
    out.push({ from, to, count, kind, color: kindStyle(kind).color, a: grouping.groups[from].at, b: grouping.groups[to].at, chord: chordOf(grouping, from, to) });
  }
  return out;
}

/** A band's width in view-box units: by the square root of its count, so one big flow does not hide the rest. */
export function flowWidth(count: number, max: number): number {
  return 2 + 16 * Math.sqrt(count / Math.max(1, max));
}
