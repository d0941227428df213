/**
 * The ring's fixed circular layout: node positions, node size and how much label fits, all from the number
 * of nodes. Positions never move when roles change, so the eye can track a node for a whole lesson.
 */
import { scaleLinear } from 'd3-scale';
import type { NodeId } from '../engine/core/types';

export interface Point {
  x: number;
  y: number;
}

export interface NodePlace extends Point {
  id: NodeId;
  /** Angle in radians, 0 at the top, clockwise. */
  angle: number;
  /** Unit vector pointing away from the centre (where labels go). */
  out: Point;
}

/**
 * How much text each node gets: `full` = role and term on two lines, `role` = the role word only, `id` = just
 * the id in the node, `sparse` = ids of every few nodes only (101 nodes).
 */
export type LabelMode = 'full' | 'role' | 'id' | 'sparse';

export interface RingLayout {
  /** Side of the square view box. */
  size: number;
  center: Point;
  radius: number;
  nodeRadius: number;
  /** Distance between neighbouring node centres along the circle. */
  spacing: number;
  labelMode: LabelMode;
  /** Font size of node ids (view-box units). */
  idFont: number;
  /** Font size of role and term labels. */
  labelFont: number;
  /** In `sparse` mode, ids shown on every `idEvery`-th node. */
  idEvery: number;
  places: NodePlace[];
  byId: Map<NodeId, NodePlace>;
}

export const VIEW_SIZE = 1000;

/** Node radius follows the spacing between neighbours, clamped so one node stays readable and small ones stay clickable. */
const nodeRadiusOf = scaleLinear().domain([20, 300]).range([8, 52]).clamp(true);

export function ringLayout(ids: readonly NodeId[], size: number = VIEW_SIZE): RingLayout {
  const n = Math.max(1, ids.length);
  const center = { x: size / 2, y: size / 2 };
  // Small rings leave room outside for two label lines; big rings use the space for the circle.
  const radius = size * (n <= 12 ? 0.36 : n <= 30 ? 0.39 : 0.42);
  const spacing = n === 1 ? size : 2 * radius * Math.sin(Math.PI / n);
  const nodeRadius = n === 1 ? 52 : Math.min(52, nodeRadiusOf(spacing));
  const labelMode: LabelMode = spacing >= 150 ? 'full' : spacing >= 85 ? 'role' : spacing >= 30 ? 'id' : 'sparse';
  const idFont = Math.max(11, Math.min(40, nodeRadius * 0.95));
  const labelFont = labelMode === 'full' ? 27 : 22;
  const idEvery = labelMode === 'sparse' ? Math.ceil(34 / spacing) : 1;
  const places: NodePlace[] = ids.map((id, i) => {
    const angle = (2 * Math.PI * i) / n;
    const out = { x: Math.sin(angle), y: -Math.cos(angle) };
    return { id, angle, out, x: center.x + radius * out.x, y: center.y + radius * out.y };
  });
  return {
    size,
    center,
    radius,
    nodeRadius,
    spacing,
    labelMode,
    idFont,
    labelFont,
    idEvery,
    places,
    byId: new Map(places.map((p) => [p.id, p])),
  };
}

/**
 * Where a node's outer label sits and how it is anchored, so text grows away from the ring: to the right of
 * nodes on the right half, to the left on the left half, centred at the top and bottom.
 */
export function labelAnchor(place: NodePlace, layout: RingLayout, gap: number): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const d = layout.nodeRadius + gap;
  const x = place.x + place.out.x * d;
  const y = place.y + place.out.y * d;
  const anchor = place.out.x > 0.35 ? 'start' : place.out.x < -0.35 ? 'end' : 'middle';
  return { x, y, anchor };
}
