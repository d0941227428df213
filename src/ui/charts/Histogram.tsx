/** A histogram (equal-width bins from view/metrics/histogram.ts): d3 scales, React-drawn bars and axes. */
import { scaleLinear } from 'd3-scale';
import type { Ref } from 'react';
import type { HistogramBin } from '../../view/metrics/histogram';
import { AxisBottom, AxisLeft, shortNum } from './Axis';

const W = 440;
const H = 220;
const M = { top: 26, right: 14, bottom: 44, left: 64 };

export function Histogram({ bins, color, title, xLabel, yLabel, svgRef }: { bins: readonly HistogramBin[]; color: string; title: string; xLabel: string; yLabel: string; svgRef?: Ref<SVGSVGElement> }) {
  let lo = bins.length ? bins[0].from : 0;
  let hi = bins.length ? bins[bins.length - 1].to : 1;
  // A few bins (every run the same, say): pad the axis so a bar is a bar, not the whole plot.
  if (bins.length > 0 && bins.length < 6) {
    const w = bins[0].to - bins[0].from;
    const pad = ((6 - bins.length) / 2) * w;
    lo -= pad;
    hi += pad;
  }
  const x = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((b) => b.count))])
    .nice()
    .range([H - M.bottom, M.top]);
  return (
    <svg ref={svgRef} className="chart histogram" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
      <text className="chart-title" x={M.left} y={16}>
        {title}
      </text>
      {bins.map((b) => (
        <rect key={b.from} x={x(b.from) + 0.5} y={y(b.count)} width={Math.max(1, x(b.to) - x(b.from) - 1)} height={y(0) - y(b.count)} fill={color} />
      ))}
      <AxisBottom scale={x} y={H - M.bottom} label={xLabel} format={shortNum} />
      <AxisLeft scale={y} x={M.left} label={yLabel} ticks={4} format={shortNum} />
    </svg>
  );
}
