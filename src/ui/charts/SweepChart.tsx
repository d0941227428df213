/**
 * Messages per election vs n: measured medians (with a p95 whisker) per algorithm, over protocols.md §4.2's
 * theory as each algorithm's profile draws it (`sweep`) — Bully's band from M(N−1) = N−1 to M(1) = N² − N − 1,
 * Raft's line 2(N−1), ZAB's band from (N−1)(2N−1) to (N³−N)/2. Log scale: the counts span three orders of
 * magnitude at n = 25.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { Ref } from 'react';
import { PROFILE_LIST } from '../../engine/algorithms/profiles';
import type { SweepCurve } from '../../engine/core/profile';
import type { AlgorithmName } from '../../engine/core/types';
import { AxisBottom, AxisLeft, shortNum } from './Axis';
import { ALG_COLORS } from './colors';

export interface SweepSeries {
  algorithm: AlgorithmName;
  points: { n: number; median: number | null; p95: number | null }[];
}

const W = 900;
const H = 440;
const M = { top: 20, right: 20, bottom: 50, left: 84 };

export interface SweepLabels {
  title: string;
  xLabel: string;
  yLabel: string;
  /** The legend text of a theory curve, by its dictionary key (profile `sweep[].legend`). */
  legend: (key: string) => string;
  measured: (alg: string) => string;
  names: Record<string, string>;
}

export function SweepChart({ series, labels, svgRef }: { series: readonly SweepSeries[]; labels: SweepLabels; svgRef?: Ref<SVGSVGElement> }) {
  const ns = [...new Set(series.flatMap((s) => s.points.map((p) => p.n)))].sort((a, b) => a - b);
  const nMin = ns[0] ?? 3;
  const nMax = ns[ns.length - 1] ?? 25;
  const algs = new Set(series.map((s) => s.algorithm));
  const grid: number[] = [];
  for (let n = Math.max(2, nMin); n <= nMax; n++) grid.push(n);
  const shown = PROFILE_LIST.filter((p) => algs.has(p.name));
  const theoryMax = Math.max(1, ...grid.map((n) => Math.max(...shown.map((p) => p.theory(n, {}).worst), 0)));
  const measuredMax = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.p95 ?? p.median ?? 0)));
  const x = scaleLinear().domain([nMin, Math.max(nMax, nMin + 1)]).range([M.left, W - M.right]);
  const y = scaleLog()
    .domain([1, Math.max(theoryMax, measuredMax) * 1.2])
    .range([H - M.bottom, M.top])
    .clamp(true);
  const yTicks = Object.assign((v: number) => y(v), {
    range: () => y.range(),
    ticks: () => y.ticks().filter((v) => [1, 2, 5].includes(Math.round(v / 10 ** Math.floor(Math.log10(v))))),
  });
  const band = (lo: (n: number) => number, hi: (n: number) => number) =>
    area<number>()
      .x((n) => x(n))
      .y0((n) => y(Math.max(1, lo(n))))
      .y1((n) => y(Math.max(1, hi(n))))(grid) ?? '';
  const curve = (f: (n: number) => number) =>
    line<number>()
      .x((n) => x(n))
      .y((n) => y(Math.max(1, f(n))))(grid) ?? '';
  const legend: { color: string; text: string; kind: 'band' | 'line' | 'dots' | 'dot' }[] = [];
  const curves = shown.flatMap((p) => p.sweep.map((c) => ({ algorithm: p.name, c })));
  for (const { algorithm, c } of curves) legend.push({ color: ALG_COLORS[algorithm], text: labels.legend(c.legend), kind: c.shape === 'band' ? 'band' : c.legendKind });
  const theoryPath = ({ algorithm, c }: { algorithm: AlgorithmName; c: SweepCurve }, k: number) =>
    c.shape === 'band' ? (
      <path key={`band-${algorithm}-${k}`} data-theory={algorithm} d={band(c.best, c.worst)} fill={ALG_COLORS[algorithm]} fillOpacity={0.16} stroke={ALG_COLORS[algorithm]} strokeOpacity={0.5} strokeDasharray="4 3" />
    ) : (
      <path key={`line-${algorithm}-${k}`} data-theory={algorithm} d={curve(c.count)} fill="none" stroke={ALG_COLORS[algorithm]} strokeWidth={c.strokeWidth} strokeDasharray={c.dash} />
    );
  for (const s of series) legend.push({ color: ALG_COLORS[s.algorithm], text: labels.measured(labels.names[s.algorithm] ?? s.algorithm), kind: 'dot' });
  return (
    <svg ref={svgRef} className="chart sweep-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={labels.title}>
      {/* Bands under lines, so a line is never hidden by a band. */}
      {curves.filter((x) => x.c.shape === 'band').map(theoryPath)}
      {curves.filter((x) => x.c.shape === 'line').map(theoryPath)}
      {series.map((s) => {
        const pts = s.points.filter((p) => p.median !== null) as { n: number; median: number; p95: number | null }[];
        const d =
          line<{ n: number; median: number }>()
            .x((p) => x(p.n))
            .y((p) => y(Math.max(1, p.median)))(pts) ?? '';
        return (
          <g key={s.algorithm} data-series={s.algorithm}>
            <path d={d} fill="none" stroke={ALG_COLORS[s.algorithm]} strokeWidth={2.5} />
            {pts.map((p) => (
              <g key={p.n}>
                {p.p95 !== null && p.p95 > p.median && <line x1={x(p.n)} x2={x(p.n)} y1={y(Math.max(1, p.median))} y2={y(p.p95)} stroke={ALG_COLORS[s.algorithm]} strokeWidth={2} />}
                <circle cx={x(p.n)} cy={y(Math.max(1, p.median))} r={4.5} fill={ALG_COLORS[s.algorithm]} stroke="#fff" strokeWidth={1}>
                  <title>{`${labels.names[s.algorithm]} n=${p.n}: ${p.median}`}</title>
                </circle>
              </g>
            ))}
          </g>
        );
      })}
      <AxisBottom scale={x} y={H - M.bottom} label={labels.xLabel} ticks={Math.min(12, ns.length || 6)} format={(v) => (Number.isInteger(v) ? String(v) : '')} />
      <AxisLeft scale={yTicks} x={M.left} label={labels.yLabel} format={shortNum} />
      <g className="chart-legend" transform={`translate(${M.left + 12},${M.top + 6})`}>
        {legend.map((l, i) => (
          <g key={l.text} transform={`translate(0,${i * 20})`}>
            {l.kind === 'band' && <rect width={22} height={12} y={-9} fill={l.color} fillOpacity={0.25} stroke={l.color} strokeDasharray="4 3" />}
            {l.kind === 'line' && <line x1={0} x2={22} y1={-3} y2={-3} stroke={l.color} strokeWidth={2} strokeDasharray="6 4" />}
            {l.kind === 'dots' && <line x1={0} x2={22} y1={-3} y2={-3} stroke={l.color} strokeWidth={1.5} strokeDasharray="2 3" />}
            {l.kind === 'dot' && <circle cx={11} cy={-3} r={5} fill={l.color} />}
            <text x={30} y={0}>
              {l.text}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
