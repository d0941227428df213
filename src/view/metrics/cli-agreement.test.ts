/** The pane metrics against the real `sim` command (in-process): its JSONL trace and its `--batch` statistics. */
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { runSweep } from '../../engine/batch';
import type { TraceEvent } from '../../engine/core/types';
import { defaultScenario } from '../../engine/run';
import { foldMetrics } from './folder';

function sim(args: string[], files: Record<string, string> = {}): string {
  let out = '';
  const code = main(args, { stdout: (t) => (out += t), stderr: () => {}, readFile: (p) => files[p] });
  expect(code).toBe(0);
  return out;
}

const scenario = JSON.stringify({
  version: 1,
  nodes: 5,
  seed: 12,
  network: { latency: { min: 10, max: 30 }, dropRate: 0.05 },
  events: [
    { at: 700, do: 'crashLeader' },
    { at: 1400, do: 'partition', groups: [[1, 2], [3, 4, 5]] },
    { at: 2300, do: 'heal' },
    { at: 2600, do: 'revive', node: 5 },
  ],
});

describe('agreement with the sim command', () => {
  for (const algorithm of ['bully', 'raft', 'zab']) {
    it(`${algorithm}: metrics folded from \`sim --format jsonl\` equal its end event`, () => {
      const lines = sim(['--scenario', 'sc.json', '--algorithm', algorithm, '--format', 'jsonl', '--until', '4000'], { 'sc.json': scenario })
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as TraceEvent);
      const end = lines[lines.length - 1];
      if (end.type !== 'end') throw new Error('no end');
      const m = foldMetrics(lines);
      expect({
        sent: m.sent,
        delivered: m.delivered,
        dropped: m.dropped,
        byKind: m.byKind,
        leaderChanges: m.leaderChanges,
        firstLeaderAt: m.firstLeaderAt,
        unavailableMs: m.unavailableMs,
        leader: m.leader,
      }).toEqual(end.stats);
    });
  }

  it('sweep statistics equal `sim --batch` for the same seeds', () => {
    const points = runSweep(defaultScenario({ seed: 30 }), ['bully', 'raft', 'zab'], [3, 4], 5, 2000);
    for (const p of points) {
      const out = sim(['--algorithm', p.algorithm, '--nodes', String(p.nodes), '--seed', '30', '--batch', '5', '--until', '2000', '--format', 'json']);
      const { type: _t, algorithm: _a, nodes: _n, untilMs: _u, ...stats } = JSON.parse(out) as Record<string, unknown>;
      expect(stats).toEqual(JSON.parse(JSON.stringify(p.stats)));
    }
  });
});
