/**
 * The Raft checker on hand-made cluster states: each of R-S1…R-S10 is reported when broken and silent when
 * it holds. (The fuzz suite in algorithms/raft shows the engine never breaks them.)
 */
import { describe, expect, it } from 'vitest';
import type { ClusterInfo, NodeRecord, StepCause } from '../core/algorithm';
import type { NodeView } from '../core/types';
import { defaultRaftOptions, type RaftOptions } from '../algorithms/raft/options';
import { raft, type LogEntry, type RaftState } from '../algorithms/raft/raft';
import { raftChecker, type RaftCheckerMemory } from './raft';

function entries(...terms: number[]): LogEntry[] {
  return terms.map((t, k) => ({ term: t, value: k, id: `${t}.${k + 1}` }));
}

function node(id: number, patch: Partial<RaftState> = {}): NodeRecord<RaftState> {
  const state: RaftState = { ...raft.create(id, null as never), ...patch };
  return { id, alive: true, state, timers: {}, lastView: raft.view(state) };
}

class Harness {
  nodes: NodeRecord<RaftState>[];
  mem: RaftCheckerMemory;
  reports: string[] = [];
  constructor(n = 5, init: (id: number) => Partial<RaftState> = () => ({})) {
    this.nodes = Array.from({ length: n }, (_, k) => node(k + 1, init(k + 1)));
    this.mem = raftChecker.init(this.cluster());
  }
  cluster(): ClusterInfo<RaftState, RaftOptions> {
    return { now: 0, voters: this.nodes.map((n) => n.id), observers: [], options: defaultRaftOptions, nodes: this.nodes };
  }
  /** Changes node `id`'s state and runs the checker for that step. */
  step(id: number, patch: Partial<RaftState>, cause: StepCause = { type: 'timer', name: 'election' }): string[] {
    const rec = this.nodes[id - 1];
    const before: NodeView = rec.lastView;
    rec.state = { ...rec.state, ...patch };
    const after = raft.view(rec.state);
    rec.lastView = after;
    const got: string[] = [];
    raftChecker.afterStep(this.mem, { t: 0, node: id, cause, before, after, sent: [] }, this.cluster(), (inv) => got.push(inv));
    this.reports.push(...got);
    return got;
  }
}

describe('Raft checker', () => {
  it('is silent on a legal election, replication and commit', () => {
    const h = new Harness();
    expect(h.step(1, { currentTerm: 1, role: 'candidate', votedFor: 1, votesGranted: [1] })).toEqual([]);
    expect(h.step(2, { currentTerm: 1, votedFor: 1 })).toEqual([]);
    expect(h.step(3, { currentTerm: 1, votedFor: 1 })).toEqual([]);
    expect(h.step(1, { role: 'leader', leaderId: 1, votesGranted: [1, 2, 3], log: entries(1) })).toEqual([]);
    expect(h.step(2, { log: entries(1), leaderId: 1 })).toEqual([]);
    expect(h.step(1, { log: entries(1, 1), commitIndex: 1 })).toEqual([]);
    expect(h.step(2, { log: entries(1, 1), commitIndex: 2 })).toEqual([]);
    expect(h.reports).toEqual([]);
  });

  it('R-S1: two leaders in one term', () => {
    const h = new Harness();
    h.step(1, { currentTerm: 2, role: 'leader', votedFor: 1, votesGranted: [1] });
    expect(h.step(2, { currentTerm: 2, role: 'leader', votedFor: 2, votesGranted: [2] })).toContain('R-S1');
  });

  it('R-S10: a leader without a quorum of votes, or counting a vote cast for someone else', () => {
    const h = new Harness();
    expect(h.step(1, { currentTerm: 1, role: 'leader', votedFor: 1, votesGranted: [1, 2] })).toContain('R-S10');
    const h2 = new Harness();
    h2.step(2, { currentTerm: 1, votedFor: 3 });
    h2.step(3, { currentTerm: 1, votedFor: 1 });
    expect(h2.step(1, { currentTerm: 1, role: 'leader', votedFor: 1, votesGranted: [1, 2, 3] })).toContain('R-S10');
  });

  it('R-S6: a second vote in the same term, even after a crash', () => {
    const h = new Harness();
    h.step(2, { currentTerm: 3, votedFor: 1 });
    h.step(2, { votedFor: null }, { type: 'crash' });
    expect(h.step(2, { votedFor: 4 })).toContain('R-S6');
  });

  it('R-S7: a term that goes down', () => {
    const h = new Harness();
    h.step(1, { currentTerm: 4 });
    expect(h.step(1, { currentTerm: 3 })).toContain('R-S7');
  });

  it('R-S2: a leader that deletes from its own log', () => {
    const h = new Harness();
    h.step(1, { currentTerm: 1, role: 'leader', votedFor: 1, votesGranted: [1, 2, 3], log: entries(1, 1) });
    expect(h.step(1, { log: entries(1) })).toContain('R-S2');
  });

  it('R-S3: logs that agree on a term at an index but differ below it', () => {
    const h = new Harness();
    h.step(1, { currentTerm: 2, log: [{ term: 1, value: 'a', id: '1.1' }, { term: 2, value: 'b', id: '2.2' }] });
    expect(h.step(2, { currentTerm: 2, log: [{ term: 1, value: 'x', id: 'X' }, { term: 2, value: 'b', id: '2.2' }] })).toContain('R-S3');
  });

  it('R-S4: a later leader without a committed entry', () => {
    const h = new Harness();
    h.step(1, { currentTerm: 1, log: entries(1), commitIndex: 1 });
    expect(h.step(2, { currentTerm: 2, role: 'leader', log: [], votedFor: 2, votesGranted: [2] })).toContain('R-S4');
  });

  it('R-S5: two different entries committed at one index', () => {
    const h = new Harness();
    h.step(1, { currentTerm: 1, log: entries(1), commitIndex: 1 });
    expect(h.step(2, { currentTerm: 1, log: [{ term: 1, value: 'z', id: 'other' }], commitIndex: 1 })).toContain('R-S5');
  });

  it('R-S8: entries from the future, decreasing terms, commitIndex past the end', () => {
    const h = new Harness();
    expect(h.step(1, { currentTerm: 1, log: entries(2) })).toContain('R-S8');
    expect(h.step(2, { currentTerm: 3, log: entries(2, 1) })).toContain('R-S8');
    expect(h.step(3, { currentTerm: 3, log: entries(1), commitIndex: 2 })).toContain('R-S8');
  });

  it('R-S9: a node that changes an entry it knew committed, even across a crash', () => {
    const h = new Harness();
    h.step(1, { currentTerm: 1, log: entries(1, 1), commitIndex: 2 });
    h.step(1, { commitIndex: 0 }, { type: 'crash' });
    expect(h.step(1, { currentTerm: 2, log: entries(1) })).toContain('R-S9');
  });

  it('keeps its memory as plain data (JSON round-trips it)', () => {
    const h = new Harness();
    h.step(1, { currentTerm: 1, role: 'leader', votedFor: 1, votesGranted: [1], log: entries(1), commitIndex: 1 });
    expect(JSON.parse(JSON.stringify(h.mem))).toEqual(h.mem);
  });
});
