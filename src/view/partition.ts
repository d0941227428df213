/**
 * How a partition is drawn: which group each node is in, the arcs of the ring each group holds, and — when
 * the ring is split into two contiguous arcs — the straight dividing line, at which messages crossing the
 * partition stop.
 */
import type { NodeId } from '../engine/core/types';
import { crossParam, type Chord } from './chord';
import type { Point, RingLayout } from './ring';

export interface NetworkLike {
  group: number[];
  cuts: [NodeId, NodeId][];
}

export interface PartitionView {
  partitioned: boolean;
  /** Distinct groups in ring order, renumbered 1..k for display. */
  groupOf: Map<NodeId, number>;
  groupCount: number;
  /** Angles (radians, 0 at top, clockwise) half-way between neighbours of different groups. */
  boundaries: number[];
  /** The dividing line for a split into two arcs; null otherwise. */
  divider: { a: Point; b: Point } | null;
}

export function partitionView(net: NetworkLike, layout: RingLayout): PartitionView {
  const ids = layout.places.map((p) => p.id);
  const partitioned = ids.some((id) => (net.group[id] ?? 0) !== 0);
  const groupOf = new Map<NodeId, number>();
  const renumber = new Map<number, number>();
  for (const id of ids) {
    const g = net.group[id] ?? 0;
    if (!renumber.has(g)) renumber.set(g, renumber.size + 1);
    groupOf.set(id, renumber.get(g)!);
  }
  const boundaries: number[] = [];
  const n = ids.length;
  if (partitioned && n > 1) {
    for (let i = 0; i < n; i++) {
      const a = layout.places[i];
      const b = layout.places[(i + 1) % n];
      if (groupOf.get(a.id) !== groupOf.get(b.id)) {
        const end = i + 1 === n ? 2 * Math.PI : b.angle;
        boundaries.push((a.angle + end) / 2);
      }
    }
  }
  let divider: PartitionView['divider'] = null;
  if (boundaries.length === 2) {
    const r = layout.radius + layout.nodeRadius + 30;
    const at = (ang: number) => ({ x: layout.center.x + r * Math.sin(ang), y: layout.center.y - r * Math.cos(ang) });
    divider = { a: at(boundaries[0]), b: at(boundaries[1]) };
  }
  return { partitioned, groupOf, groupCount: renumber.size, boundaries, divider };
}

/**
 * How many links are cut, for the status line: a link is a pair of nodes, cut in one direction or both (the
 * network keeps one-way cuts as directed pairs, so halving their number said "1.5 links" after three one-way cuts).
 */
export function cutLinkCount(net: NetworkLike): number {
  return new Set(net.cuts.map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`))).size;
}

export function isCut(net: NetworkLike, from: NodeId, to: NodeId): boolean {
  return net.cuts.some(([a, b]) => a === from && b === to);
}

/**
 * Where along its chord a message from → to stops because the network blocks it now, or null if it may
 * arrive. Across a partition it stops at the dividing line (or half-way); on a cut link, at the cut.
 */
export function stopParam(net: NetworkLike, pv: PartitionView, chord: Chord, from: NodeId, to: NodeId): number | null {
  if (pv.partitioned && pv.groupOf.get(from) !== pv.groupOf.get(to)) {
    if (pv.divider) {
      const p = crossParam(chord, pv.divider.a, pv.divider.b);
      if (p !== null) return Math.max(0.08, Math.min(0.92, p - 0.03));
    }
    return 0.5;
  }
  if (isCut(net, from, to)) return 0.45;
  return null;
}

/** Splits nodes by the side of the line a→b they lie on (the split tool). Returns [left, right]. */
export function splitByLine(layout: RingLayout, a: Point, b: Point): [NodeId[], NodeId[]] {
  const left: NodeId[] = [];
  const right: NodeId[] = [];
  for (const p of layout.places) {
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    (cross < 0 ? left : right).push(p.id);
  }
  return [left, right];
}
