/** Human-readable output of the `sim` command (`--format summary`). */
import type { BatchStats, Distribution } from '../engine/batch';
import { PROFILES } from '../engine/algorithms/profiles';
import type { AlgorithmName, EndStats, Scenario } from '../engine/core/types';

function header(sc: Scenario, algorithm: AlgorithmName, untilMs: number): string {
  const obs = sc.observers ? ` + ${sc.observers} observers` : '';
  const net = `latency ${sc.network.latency.min}–${sc.network.latency.max} ms, loss ${(sc.network.dropRate * 100).toFixed(1)} %`;
  return `${PROFILES[algorithm].displayName} · ${sc.nodes} nodes${obs} · seed ${sc.seed} · ${untilMs} virtual ms · ${net}\n`;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(22)}${value}\n`;
}

export function formatSummary(a: {
  scenario: Scenario;
  algorithm: AlgorithmName;
  untilMs: number;
  stats: EndStats;
  violations: number;
  anomalies: number;
  checked: boolean;
}): string {
  const s = a.stats;
  const kinds = Object.entries(s.byKind)
    .sort((x, y) => y[1] - x[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  let out = header(a.scenario, a.algorithm, a.untilMs);
  out += row('messages sent', `${s.sent}${kinds ? ` (${kinds})` : ''}`);
  out += row('delivered / dropped', `${s.delivered} / ${s.dropped}`);
  out += row('first leader at', s.firstLeaderAt === null ? 'never' : `${s.firstLeaderAt} ms`);
  out += row('leader changes', String(s.leaderChanges));
  out += row('time without leader', `${s.unavailableMs} ms`);
  out += row('leader at the end', s.leader === null ? 'none' : `Node ${s.leader}`);
  out += row('anomalies', String(a.anomalies));
  out += row('violations', a.checked ? String(a.violations) : 'not checked (use --check)');
  return out;
}

function dist(d: Distribution, unit: string): string {
  if (d.count === 0) return 'no data';
  const f = (v: number | null) => (v === null ? '–' : `${Math.round(v * 10) / 10}${unit}`);
  return `median ${f(d.median)}   p95 ${f(d.p95)}   max ${f(d.max)}   mean ${f(d.mean)}   (${d.count} runs)`;
}

export function formatBatch(a: { scenario: Scenario; algorithm: AlgorithmName; untilMs: number; stats: BatchStats }): string {
  const s = a.stats;
  let out = header(a.scenario, a.algorithm, a.untilMs).replace(/seed \d+/, `seeds ${s.firstSeed}..${s.firstSeed + s.runs - 1}`);
  out += row('runs', `${s.runs} (${s.noLeader} never elected a leader)`);
  out += row('first-election time', dist(s.firstLeaderAt, ' ms'));
  out += row('messages to elect', dist(s.messagesToElect, ''));
  out += row('leader changes', dist(s.leaderChanges, ''));
  out += row('time without leader', dist(s.unavailableMs, ' ms'));
  out += row('messages per run', dist(s.messagesSent, ''));
  out += row('violations', String(s.violations));
  return out;
}
