/**
 * Messages per election vs n: measured medians (with a p95 whisker) per algorithm, over protocols.md §4.2's
 * theory — Bully's band from M(N−1) = N−1 to M(1) = N² − N − 1, Raft's line 2(N−1), ZAB's band from
 * (N−1)(2N−1) to (N³−N)/2. Log scale: the counts span three orders of magnitude at n = 25.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { Ref } from 'react';
import type { AlgorithmName } from '../../engine/core/types';
import { bullyBest, bullyWorst, raftElection, raftElectionWithFirstHeartbeat, zabFleBest, zabFleWorst } from '../../view/metrics/formulas';
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
  bullyBand: string;
  raft: string;
  raftKnown: string;
  zabBand: string;
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
  const theoryMax = Math.max(
    1,
    ...grid.map((n) => Math.max(algs.has('bully') ? bullyWorst(n) : 0, algs.has('raft') ? raftElection(n) : 0, algs.has('zab') ? zabFleWorst(n) : 0)),
  );
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
  if (algs.has('bully')) legend.push({ color: ALG_COLORS.bully, text: labels.bullyBand, kind: 'band' });
  if (algs.has('raft')) legend.push({ color: ALG_COLORS.raft, text: labels.raft, kind: 'line' }, { color: ALG_COLORS.raft, text: labels.raftKnown, kind: 'dots' });
  if (algs.has('zab')) legend.push({ color: ALG_COLORS.zab, text: labels.zabBand, kind: 'band' });
  for (const s of series) legend.push({ color: ALG_COLORS[s.algorithm], text: labels.measured(labels.names[s.algorithm] ?? s.algorithm), kind: 'dot' });
  return (
    <svg ref={svgRef} className="chart sweep-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={labels.title}>
      {algs.has('bully') && <path d={band(bullyBest, bullyWorst)} fill={ALG_COLORS.bully} fillOpacity={0.16} stroke={ALG_COLORS.bully} strokeOpacity={0.5} strokeDasharray="4 3" />}
      {algs.has('zab') && <path d={band(zabFleBest, zabFleWorst)} fill={ALG_COLORS.zab} fillOpacity={0.16} stroke={ALG_COLORS.zab} strokeOpacity={0.5} strokeDasharray="4 3" />}
      {algs.has('raft') && <path d={curve(raftElection)} fill="none" stroke={ALG_COLORS.raft} strokeWidth={2} strokeDasharray="6 4" />}
      {algs.has('raft') && <path d={curve((n) => raftElectionWithFirstHeartbeat(n, true))} fill="none" stroke={ALG_COLORS.raft} strokeWidth={1.5} strokeDasharray="2 3" />}
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
