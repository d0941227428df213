/**
 * CSV export of batch and sweep results (RFC 4180: comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, a double quote, CR or LF, with inner double quotes doubled). Empty field = no value (null).
 */
import type { Distribution, RunSummary, SweepPoint } from '../../engine/batch';
import type { AlgorithmName } from '../../engine/core/types';

export type CsvValue = string | number | boolean | null | undefined;

/** One field, quoted when it must be. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole table: header row then rows, CRLF after every record (RFC 4180 §2). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const BATCH_COLUMNS = [
  'algorithm',
  'n',
  'seed',
  'firstLeaderAt',
  'messagesToElect',
  'leaderChanges',
  'unavailableMs',
  'sent',
  'violations',
  'anomalies',
  'recoveryMs',
  'messagesToRecover',
] as const;

/** One row per run. `recoveryMs` and `messagesToRecover` are empty unless the batch measured a leader loss. */
export function batchCsv(runs: readonly RunSummary[], meta: { algorithm: AlgorithmName; nodes: number }): string {
  return toCsv(
    BATCH_COLUMNS,
    runs.map((r) => [
      meta.algorithm,
      meta.nodes,
      r.seed,
      r.stats.firstLeaderAt,
      r.messagesToElect,
      r.stats.leaderChanges,
      r.stats.unavailableMs,
      r.stats.sent,
      r.violations,
      r.anomalies,
      r.recovery?.recoveryMs ?? null,
      r.recovery?.messages ?? null,
    ]),
  );
}

/** Every run of every sweep point, one row per run (same columns as `batchCsv`). */
export function sweepRunsCsv(points: readonly SweepPoint[]): string {
  const body = points.flatMap((p) => batchCsv(p.runs, { algorithm: p.algorithm, nodes: p.nodes }).split('\r\n').slice(1, -1));
  return [BATCH_COLUMNS.join(','), ...body].join('\r\n') + '\r\n';
}

const DIST_FIELDS = ['count', 'median', 'p95', 'max', 'mean'] as const;
const SWEEP_DISTS = ['firstLeaderAt', 'messagesToElect', 'leaderChanges', 'unavailableMs', 'messagesSent'] as const;

export const SWEEP_COLUMNS: readonly string[] = [
  'algorithm',
  'n',
  'runs',
  'firstSeed',
  'untilMs',
  'noLeader',
  'violations',
  ...SWEEP_DISTS.flatMap((d) => DIST_FIELDS.map((f) => `${d}_${f}`)),
  'losses',
  'unrecovered',
  ...['recoveryMs', 'messagesToRecover'].flatMap((d) => DIST_FIELDS.map((f) => `${d}_${f}`)),
];

const dist = (d: Distribution | undefined): CsvValue[] => DIST_FIELDS.map((f) => (d ? d[f] : null));

/** One row per (algorithm, n): the statistics of `sim --batch` (and of the recovery, when measured). */
export function sweepCsv(points: readonly SweepPoint[]): string {
  return toCsv(
    SWEEP_COLUMNS,
    points.map((p) => [
      p.algorithm,
      p.nodes,
      p.stats.runs,
      p.firstSeed,
      p.untilMs,
      p.stats.noLeader,
      p.stats.violations,
      ...SWEEP_DISTS.flatMap((d) => dist(p.stats[d])),
      p.recovery?.losses ?? null,
      p.recovery?.unrecovered ?? null,
      ...dist(p.recovery?.recoveryMs),
      ...dist(p.recovery?.messages),
    ]),
  );
}
