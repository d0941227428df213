import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, summarize } from '../engine/batch';
import { defaultScenario } from '../engine/run';
import { main } from './main';

function sim(args: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = main(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[p];
    },
  });
  return { code, out, err };
}

const scenarioFile = JSON.stringify({
  version: 1,
  algorithm: 'bully',
  nodes: 4,
  seed: 9,
  events: [{ at: 1000, do: 'crashLeader' }, { at: 2000, do: 'revive', node: 4 }],
});

describe('sim: runs', () => {
  it('prints a summary by default', () => {
    const r = sim(['--algorithm', 'bully']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Bully · 5 nodes · seed 1 · 10000 virtual ms/);
    expect(r.out).toMatch(/leader at the end\s+Node 5/);
  });

  it('prints the trace as JSONL: init first, end last, every line an event', () => {
    const r = sim(['--algorithm', 'bully', '--nodes', '7', '--seed', '3', '--format', 'jsonl']);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ t: 0, type: 'init', algorithm: 'bully', nodes: [1, 2, 3, 4, 5, 6, 7], seed: 3 });
    expect(lines[lines.length - 1]).toMatchObject({ t: 10000, type: 'end', stats: { leader: 7 } });
    for (const l of lines) expect(typeof l.t).toBe('number');
  });

  it('prints only the end event with --format json', () => {
    const r = sim(['--algorithm', 'bully', '--format', 'json', '--until', '2000']);
    const ev = JSON.parse(r.out);
    expect(ev).toMatchObject({ t: 2000, type: 'end', stats: { leader: 5, leaderChanges: 0 } });
  });

  it('reads a scenario file and applies overrides', () => {
    const r = sim(['--scenario', 's.json', '--format', 'json', '--seed', '4', '--latency', '5:5', '--drop-rate', '0', '--option', 'heartbeatMs=50'], {
      's.json': scenarioFile,
    });
    expect(r.code).toBe(0);
    const end = JSON.parse(r.out);
    expect(end.stats.leaderChanges).toBe(2);
    const trace = sim(['--scenario', 's.json', '--format', 'jsonl', '--seed', '4', '--latency', '5:5', '--option', 'heartbeatMs=50', '--until', '10'], {
      's.json': scenarioFile,
    });
    expect(JSON.parse(trace.out.split('\n')[0])).toMatchObject({
      seed: 4,
      nodes: [1, 2, 3, 4],
      network: { latency: { min: 5, max: 5 }, dropRate: 0 },
      options: { heartbeatMs: 50 },
    });
  });

  it('--check exits 0 on a clean run and reports no violations', () => {
    const r = sim(['--algorithm', 'bully', '--check', '--drop-rate', '0.2']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/violations\s+0/);
  });

  it('--batch prints statistics equal to the batch module for the same seeds', () => {
    const r = sim(['--algorithm', 'bully', '--batch', '20', '--seed', '5', '--format', 'json', '--until', '3000']);
    const printed = JSON.parse(r.out);
    const expected = summarize(runBatch(defaultScenario({ algorithm: 'bully', seed: 5 }), 20, 3000));
    expect(printed).toEqual({ type: 'batch', algorithm: 'bully', nodes: 5, untilMs: 3000, ...JSON.parse(JSON.stringify(expected)) });
    const table = sim(['--algorithm', 'bully', '--batch', '20', '--seed', '5', '--until', '3000']);
    expect(table.out).toMatch(/seeds 5\.\.24/);
    expect(table.out).toMatch(/first-election time\s+median \d+ ms/);
    const lines = sim(['--algorithm', 'bully', '--batch', '3', '--format', 'jsonl', '--until', '1000']).out.trim().split('\n');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.filter((l) => l.type === 'run').map((l) => l.seed)).toEqual([1, 2, 3]);
    expect(parsed[parsed.length - 1]).toMatchObject({ type: 'batch', runs: 3 });
  });

  it('--help prints the usage', () => {
    const r = sim(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--algorithm bully\|raft\|zab/);
  });
});

describe('sim: bad input exits 2 with one line naming the problem', () => {
  it.each([
    [['--bogus'], /^sim: --bogus: unknown option/],
    [['--algorithm', 'pbft'], /^sim: --algorithm: "pbft" is not one of bully, raft, zab, paxos/],
    [[], /^sim: --algorithm: no algorithm given/],
    [['--algorithm', 'bully', '--nodes', '0'], /^sim: --nodes: 0 is out of range \(1\.\.101\)/],
    [['--algorithm', 'bully', '--nodes', 'five'], /^sim: --nodes: "five" is not a whole number/],
    [['--algorithm', 'bully', '--seed', '-3'], /^sim: --seed: -3 is out of range/],
    [['--algorithm', 'bully', '--drop-rate', '1.5'], /^sim: --drop-rate: 1\.5 is out of range/],
    [['--algorithm', 'bully', '--latency', '30'], /^sim: --latency: "30" is not MIN:MAX/],
    [['--algorithm', 'bully', '--latency', '30:10'], /^sim: --latency: MIN \(30\) must not exceed MAX \(10\)/],
    [['--algorithm', 'bully', '--format', 'xml'], /^sim: --format: "xml" is not one of summary, jsonl, json/],
    [['--algorithm', 'bully', '--option', 'preVote=true'], /^sim: --option : unknown option "preVote" for bully|^sim: --option unknown option "preVote"/],
    [['--algorithm', 'bully', '--option', 'noequals'], /^sim: --option: "noequals" is not KEY=VALUE/],
    [['--algorithm', 'bully', '--observers', '2'], /^sim: --observers: only ZAB has observers/],
    [['--algorithm', 'bully', '--batch', '0'], /^sim: --batch: 0 is out of range/],
    [['--algorithm', 'bully', '--until'], /^sim: --until: needs a value/],
    [['--scenario', 'missing.json'], /^sim: --scenario: cannot read "missing.json" \(no such file\)/],
  ])('%j', (args, message) => {
    const r = sim(args as string[]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message as RegExp);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('names the scenario field for a malformed scenario and an unknown node id', () => {
    const bad = sim(['--scenario', 'bad.json'], { 'bad.json': '{"version": 1, "algorithm": "bully", "nodes": "many"}' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^sim: bad\.json: nodes: /);
    const unknownNode = sim(['--scenario', 's.json', '--nodes', '3'], { 's.json': scenarioFile });
    expect(unknownNode.code).toBe(2);
    expect(unknownNode.err).toBe('sim: s.json: events[1].node: node 4 does not exist (the cluster has nodes 1..3)\n');
    const notJson = sim(['--scenario', 'x.json'], { 'x.json': 'nope' });
    expect(notJson.err).toMatch(/^sim: x\.json: not valid JSON/);
  });
});

describe('sim as a process (npm run --silent sim)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, scenarioFile);

  it('prints the same trace twice, and exits 2 on bad input without a stack trace', () => {
    const run = () => execFileSync('npm', ['run', '--silent', 'sim', '--', '--scenario', file, '--format', 'jsonl', '--until', '3000'], { encoding: 'utf8' });
    const a = run();
    expect(a.split('\n')[0]).toMatch(/"type":"init"/);
    expect(run()).toBe(a);
    const bad = spawnSync('npm', ['run', '--silent', 'sim', '--', '--algorithm', 'bully', '--nodes', '0'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('sim: --nodes: 0 is out of range (1..101)\n');
  });
});

describe('sim --explore', () => {
  it('prints one JSON object with the figures and the counterexample, exits 1, and the scenario replays with --check', () => {
    const r = sim(['--explore', '--algorithm', 'bully', '--nodes', '3', '--partitions', '1']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ type: 'explore', outcome: 'counterexample', hitStateBound: false, config: { algorithm: 'bully', nodes: 3, partitions: 1 } });
    expect(o.counterexample).toMatchObject({ invariant: 'split-brain', length: 3 });
    const replay = sim(['--scenario', 'cx.json', '--format', 'jsonl', '--check', '--until', String(o.counterexample.at)], { 'cx.json': JSON.stringify(o.counterexample.scenario) });
    const anomalies = replay.out.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.type === 'anomaly');
    expect(anomalies).toEqual([{ t: o.counterexample.at, type: 'anomaly', kind: 'split-brain', detail: o.counterexample.detail }]);
  });

  it('--preset figure-8 starts from the scripted first election; flags and --option go over it', () => {
    // The whole Figure 8 search is explore.test.ts's; here only its configuration, on a short depth.
    const r = sim(['--explore', '--preset', 'figure-8', '--option', 'commitOldTermByCount=true', '--depth', '3']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.config).toMatchObject({ algorithm: 'raft', nodes: 3, draws: 1, timeouts: 4, lossAtTimeout: true, maxDepth: 3, options: { maxBatch: 1, heartbeatMs: 1000, commitOldTermByCount: true } });
    expect(o.config.prefix).toHaveLength(4);
    expect(o.completeDepth).toBe(3);
  });

  it('exits 0 with "no violation" and how far it looked', () => {
    const r = sim(['--explore', '--algorithm', 'bully', '--nodes', '2', '--depth', '4']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ outcome: 'no violation', completeDepth: 4, counterexample: null });
    expect(o.states).toBeGreaterThan(0);
  });

  it.each([
    [['--explore', '--algorithm', 'raft', '--seed', '3'], /^sim: --seed: not used with --explore/],
    [['--algorithm', 'raft', '--crashes', '1'], /^sim: --crashes: only with --explore/],
    [['--explore'], /^sim: --algorithm: no algorithm given/],
    [['--explore', '--algorithm', 'raft', '--nodes', '9'], /^sim: --nodes: 9 is out of range \(1\.\.5\)/],
    [['--explore', '--algorithm', 'raft', '--depth', '0'], /^sim: --depth: 0 is out of range/],
    [['--explore', '--algorithm', 'raft', '--option', 'preVote=2'], /^sim: --option preVote: /],
    [['--explore', '--preset', 'figure-9'], /^sim: --preset: "figure-9" is not one of figure-8/],
    [['--explore', '--preset', 'figure-8', '--algorithm', 'bully'], /^sim: --algorithm: the figure-8 preset explores raft/],
    [['--preset', 'figure-8'], /^sim: --preset: only with --explore/],
  ])('refuses %j', (args, message) => {
    const r = sim(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
