/** Chart axes drawn by React from a d3 scale's ticks (d3 computes, React renders; no d3-selection). */
import { fmtEn } from '../i18n/number-format';
import type { ScaleBand } from 'd3-scale';

/** A continuous d3 scale (linear or log): what an axis needs of it. */
type Linear = ((v: number) => number) & { range(): number[]; ticks(count?: number): number[] };

export function AxisBottom({ scale, y, ticks = 6, label, format = String }: { scale: Linear; y: number; ticks?: number; label?: string; format?: (v: number) => string }) {
  const [x0, x1] = scale.range();
  return (
    <g className="axis axis-x" transform={`translate(0,${y})`}>
      <line x1={x0} x2={x1} y1={0} y2={0} />
      {scale.ticks(ticks).map((v) => (
        <g key={v} transform={`translate(${scale(v)},0)`}>
          <line y2={5} />
          <text y={18} textAnchor="middle">
            {format(v)}
          </text>
        </g>
      ))}
      {label && (
        <text className="axis-label" x={(x0 + x1) / 2} y={36} textAnchor="middle">
          {label}
        </text>
      )}
    </g>
  );
}

export function AxisLeft({ scale, x, ticks = 5, label, format = String }: { scale: Linear; x: number; ticks?: number; label?: string; format?: (v: number) => string }) {
  const [y0, y1] = scale.range();
  return (
    <g className="axis axis-y" transform={`translate(${x},0)`}>
      <line x1={0} x2={0} y1={y0} y2={y1} />
      {scale.ticks(ticks).map((v) => (
        <g key={v} transform={`translate(0,${scale(v)})`}>
          <line x2={-5} />
          <text x={-8} dy="0.32em" textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      {label && (
        <text className="axis-label" transform={`translate(-52,${(y0 + y1) / 2}) rotate(-90)`} textAnchor="middle">
          {label}
        </text>
      )}
    </g>
  );
}

export function AxisBand({ scale, y }: { scale: ScaleBand<string>; y: number }) {
  const [x0, x1] = scale.range();
  return (
    <g className="axis axis-x" transform={`translate(0,${y})`}>
      <line x1={x0} x2={x1} />
      {scale.domain().map((d) => (
        <text key={d} x={(scale(d) ?? 0) + scale.bandwidth() / 2} y={16} textAnchor="middle">
          {d}
        </text>
      ))}
    </g>
  );
}

/** Short numbers for ticks: 1200 → 1.2k. */
export function shortNum(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e5) return `${+(v / 1e3).toFixed(0)}k`;
  if (a >= 1e3) return fmtEn(Math.round(v));
  return String(+v.toFixed(2));
}
