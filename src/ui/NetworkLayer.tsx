import { memo } from 'react';
import { arc } from 'd3-shape';
import type { NetworkView } from '../protocol';
import { chordBetween, pointOnChord } from '../view/chord';
import { OKABE_ITO } from '../view/palette';
import type { PartitionView } from '../view/partition';
import type { RingLayout } from '../view/ring';
import { useT } from './useT';

const GROUP_TINTS = [OKABE_ITO.sky, OKABE_ITO.orange, OKABE_ITO.purple, OKABE_ITO.yellow, OKABE_ITO.green, OKABE_ITO.vermillion];
const band = arc<{ innerRadius: number; outerRadius: number; startAngle: number; endAngle: number }>();

interface Props {
  layout: RingLayout;
  partition: PartitionView;
  network: NetworkView;
  onRestore: (a: number, b: number) => void;
}

/** Partitions as tinted regions of the ring with a dashed dividing line; cut links as broken chords. */
export const NetworkLayer = memo(function NetworkLayer({ layout, partition, network, onRestore }: Props) {
  const t = useT();
  const n = layout.places.length;
  const step = (2 * Math.PI) / n;
  const inner = layout.radius - layout.nodeRadius * 1.9 - 16;
  const outer = layout.radius + layout.nodeRadius * 1.9 + 16;
  // Group labels sit in the middle of each group's longest run of neighbours.
  const labels = new Map<number, { angle: number; len: number }>();
  if (partition.partitioned) {
    let i = 0;
    while (i < n) {
      const g = partition.groupOf.get(layout.places[i].id)!;
      let j = i;
      while (j + 1 < n && partition.groupOf.get(layout.places[j + 1].id) === g) j++;
      const len = j - i + 1;
      const angle = (layout.places[i].angle + layout.places[j].angle) / 2;
      if (!labels.has(g) || labels.get(g)!.len < len) labels.set(g, { angle, len });
      i = j + 1;
    }
  }
  // Cut links, one chord per unordered pair.
  const pairs = new Map<string, [number, number]>();
  for (const [a, b] of network.cuts) {
    const k = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (!pairs.has(k)) pairs.set(k, a < b ? [a, b] : [b, a]);
  }
  return (
    <g className="network">
      {partition.partitioned &&
        layout.places.map((p) => {
          const g = partition.groupOf.get(p.id)!;
          return (
            <path
              key={p.id}
              className="group-band"
              data-group={g}
              transform={`translate(${layout.center.x},${layout.center.y})`}
              d={band({ innerRadius: inner, outerRadius: outer, startAngle: p.angle - step / 2, endAngle: p.angle + step / 2 }) ?? ''}
              fill={GROUP_TINTS[(g - 1) % GROUP_TINTS.length]}
            />
          );
        })}
      {partition.partitioned &&
        partition.boundaries.map((ang, i) => {
          const x = (r: number) => layout.center.x + r * Math.sin(ang);
          const y = (r: number) => layout.center.y - r * Math.cos(ang);
          return <line key={i} className="boundary" x1={x(inner - 10)} y1={y(inner - 10)} x2={x(outer + 10)} y2={y(outer + 10)} />;
        })}
      {partition.divider && (
        <line className="divider" x1={partition.divider.a.x} y1={partition.divider.a.y} x2={partition.divider.b.x} y2={partition.divider.b.y} />
      )}
      {[...labels.entries()].map(([g, { angle }]) => {
        // Inside the ring, towards the group's nodes: outside is where the node labels are.
        const r = Math.max(60, inner - 70);
        const x = layout.center.x + r * Math.sin(angle);
        const y = layout.center.y - r * Math.cos(angle);
        return (
          <text key={g} className="group-label" x={x} y={y} textAnchor="middle" dy="0.35em">
            {t.groupName(g)}
          </text>
        );
      })}
      {[...pairs.values()].map(([a, b]) => {
        const pa = layout.byId.get(a);
        const pb = layout.byId.get(b);
        if (!pa || !pb) return null;
        const ch = chordBetween(pa, pb, layout.center, 0.22, 0);
        const pts = (from: number, to: number) => {
          const out: string[] = [];
          for (let k = 0; k <= 12; k++) {
            const q = pointOnChord(ch, from + ((to - from) * k) / 12);
            out.push(`${q.x.toFixed(1)},${q.y.toFixed(1)}`);
          }
          return out.join(' ');
        };
        const mid = pointOnChord(ch, 0.5);
        return (
          <g
            key={`${a}-${b}`}
            className="cut-link"
            data-cut={`${a}-${b}`}
            onClick={(e) => {
              e.stopPropagation();
              onRestore(a, b);
            }}
          >
            <title>{t.restoreLink(a, b)}</title>
            <polyline points={pts(0, 0.42)} />
            <polyline points={pts(0.58, 1)} />
            <polyline className="hit" points={pts(0, 1)} />
            <text x={mid.x} y={mid.y} dy="0.35em" textAnchor="middle" className="cut-mark">
              ✂
            </text>
          </g>
        );
      })}
    </g>
  );
});
