/** A pane's small chart: messages per bucket of virtual time, election traffic stacked under heartbeat + data. */
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter } from 'd3-shape';
import type { SeriesBucket } from '../../view/metrics/folder';
import { OKABE_ITO } from '../../view/palette';

export const SPARK_COLORS = { election: OKABE_ITO.vermillion, steady: OKABE_ITO.sky } as const;

const W = 320;
const H = 64;

export function Sparkline({ buckets, bucketMs, label }: { buckets: readonly SeriesBucket[]; bucketMs: number; label: string }) {
  // At least a few seconds wide, so the first buckets do not fill the chart; then the whole run.
  const end = Math.max(3000, bucketMs, buckets.length * bucketMs);
  const max = Math.max(1, ...buckets.map((b) => b.election + b.heartbeat + b.data));
  const x = scaleLinear().domain([0, end]).range([0, W]);
  const y = scaleLinear().domain([0, max]).range([H - 2, 2]);
  const pts = buckets.length ? [...buckets, { ...buckets[buckets.length - 1], t: buckets.length * bucketMs }] : [];
  const elect = area<SeriesBucket>()
    .x((b) => x(b.t))
    .y0(y(0))
    .y1((b) => y(b.election))
    .curve(curveStepAfter);
  const steady = area<SeriesBucket>()
    .x((b) => x(b.t))
    .y0((b) => y(b.election))
    .y1((b) => y(b.election + b.heartbeat + b.data))
    .curve(curveStepAfter);
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
      <rect className="spark-bg" x={0} y={0} width={W} height={H} />
      <path d={steady(pts) ?? ''} fill={SPARK_COLORS.steady} opacity={0.75} />
      <path d={elect(pts) ?? ''} fill={SPARK_COLORS.election} />
      <text className="spark-max" x={W - 4} y={12} textAnchor="end">
        {max}
      </text>
    </svg>
  );
}
