import { memo, type KeyboardEvent } from 'react';
import { profileOf } from '../engine/algorithms/profiles';
import type { AlgorithmName, NodeId } from '../engine/core/types';
import type { NodeSnapshot } from '../protocol';
import { labelAnchor, type NodePlace, type RingLayout } from '../view/ring';
import { roleStyle, termOf } from '../view/roles';
import { inkOn } from '../view/palette';
import { shapePath } from '../view/shapes';
import { usePane } from './usePane';
import { useT } from './useT';

interface Props {
  id: NodeId;
  place: NodePlace;
  layout: RingLayout;
  algorithm: AlgorithmName;
  isObserver: boolean;
  index: number;
  onOpen: (id: NodeId) => void;
}

/** One node: shape and colour by role, the id inside, role and term outside, crown for the cluster leader. */
export const RingNode = memo(function RingNode({ id, place, layout, algorithm, isObserver, index, onOpen }: Props) {
  const t = useT();
  const view = usePane((s) => s.nodes[id]) as NodeSnapshot | undefined;
  const isLeader = usePane((s) => s.leader === id);
  const selected = usePane((s) => s.selectedNode === id);
  if (!view) return null;
  const style = roleStyle(algorithm, view);
  const term = termOf(algorithm, view);
  const roleWord = t.roles[style.word] ?? view.role;
  const alive = view.alive;
  const r = layout.nodeRadius * (style.leads && alive ? 1.12 : 1);
  const extra: string[] = [];
  if (!alive) extra.push(t.crashed);
  if (isObserver) extra.push(t.observer);
  if (isLeader) extra.push(t.clusterLeader);
  const profile = profileOf(algorithm);
  if (profile?.showsPhase && typeof view.phase === 'string' && view.role !== profile.electionRole.role) extra.push(t.phase(view.phase));
  const termText = term ? t.termValue(term.word, term.value) : null;
  const name = t.nodeName(id, roleWord, termText, extra);
  const fill = alive ? style.fill : 'var(--dead-fill)';
  const ink = alive ? inkOn(style.fill) : 'var(--dead-ink)';
  const showId = layout.labelMode !== 'sparse' || index % layout.idEvery === 0;
  const idInside = layout.labelMode !== 'sparse';
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      onOpen(id);
    }
  };
  const gap = layout.nodeRadius * 0.25 + 20; // clear of the countdown arcs
  const lab = labelAnchor(place, layout, gap);
  // Text sits below the anchor point for nodes in the lower half, above it in the upper half.
  const lines: string[] = [];
  if (layout.labelMode === 'full') {
    lines.push(alive ? roleWord : t.crashed);
    if (termText) lines.push(termText);
    else if (alive && view.leader !== null && view.leader !== id) lines.push(t.follows(view.leader));
  } else if (layout.labelMode === 'role' && !(alive && style.resting)) {
    // A crowded ring names only the roles that differ from the resting one (shape and colour still tell).
    lines.push(alive ? roleWord : t.crashed);
  }
  const lh = layout.labelFont * 1.1;
  const up = place.out.y < -0.3;
  const firstY = up ? lab.y - (lines.length - 1) * lh - 4 : place.out.y > 0.3 ? lab.y + layout.labelFont * 0.8 : lab.y - ((lines.length - 1) * lh) / 2 + layout.labelFont * 0.35;
  const crownSize = Math.max(18, r * 0.9);
  return (
    <g
      className={`ring-node${selected ? ' selected' : ''}${alive ? '' : ' dead'}`}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-haspopup="menu"
      data-node-id={id}
      data-role={view.role}
      data-alive={String(alive)}
      data-cluster-leader={isLeader ? 'true' : undefined}
      onClick={() => onOpen(id)}
      onKeyDown={onKey}
    >
      <title>{name}</title>
      <g transform={`translate(${place.x.toFixed(1)},${place.y.toFixed(1)})`}>
        {isObserver && <circle r={r + 9} className="observer-ring" />}
        {selected && <circle r={r + 16} className="selected-ring" />}
        <path d={shapePath(style.shape, r)} fill={fill} className={`node-shape${style.dashed ? ' dashed' : ''}${isLeader ? ' leader' : ''}`} />
        {!alive && (
          <g className="strike">
            <line x1={-r * 0.75} y1={-r * 0.75} x2={r * 0.75} y2={r * 0.75} />
            <line x1={-r * 0.75} y1={r * 0.75} x2={r * 0.75} y2={-r * 0.75} />
          </g>
        )}
        {showId && idInside && (
          <text className="node-id" fill={ink} fontSize={layout.idFont} dy="0.35em" textAnchor="middle">
            {id}
          </text>
        )}
      </g>
      {showId && !idInside && (
        <text className="node-id-out" x={lab.x} y={lab.y} fontSize={16} textAnchor={lab.anchor} dy="0.35em">
          {id}
        </text>
      )}
      {lines.length > 0 && (
        <text className={`node-label${alive ? '' : ' dead'}`} fontSize={layout.labelFont} textAnchor={lab.anchor}>
          {lines.map((l, i) => (
            <tspan key={i} x={lab.x} y={firstY + i * lh} className={i === 0 ? 'role-word' : 'term-word'}>
              {l}
            </tspan>
          ))}
        </text>
      )}
      {isLeader && (
        // The crown sits on the inner side of the node, where no label ever goes.
        <text
          className="crown"
          x={place.x - place.out.x * (r + crownSize * 0.55)}
          y={place.y - place.out.y * (r + crownSize * 0.55)}
          fontSize={crownSize}
          textAnchor="middle"
          dy="0.35em"
          aria-hidden="true"
        >
          ♛
        </text>
      )}
    </g>
  );
});
