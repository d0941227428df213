/**
 * Raft safety checks R-S1…R-S10 (protocols.md §1.6), run after every step when checking is on. Every one of
 * them is a hard failure (§4.3): a violation means a bug in the engine.
 *
 * The memory holds §4.4's history variables as plain data (objects and arrays, so a checkpoint can be
 * cloned or serialised). Logs only change in their own node's steps, so "the log before this step" is the
 * copy kept from that node's previous step.
 */
import type { RaftState } from '../algorithms/raft/raft';
import type { RaftOptions } from '../algorithms/raft/options';
import type { Checker } from '../core/algorithm';
import { frozenArrayWith, frozenWith } from '../core/clone';
import { tableGet, tableWith, type HistoryTable } from '../core/history-table';
import type { NodeId } from '../core/types';

/**
 * The checker's memory is part of every checkpoint (one per simulated second in the viewer) and of every
 * state the explorer keeps, and most of it grows with the run. Every part is frozen and replaced when it
 * changes (core/clone.ts `frozenWith`, history-table.ts `tableWith`), never changed in place: a copy of the
 * memory is then one small object sharing the rest, and the explorer fingerprints an unchanged part once.
 */
export interface RaftCheckerMemory {
  /** R-S1: term → the node that became leader in it ([TLA-R] `elections`). */
  leaderOfTerm: Readonly<Record<string, NodeId>>;
  /** R-S6: (term, node) → the candidate it voted for in that term. */
  votes: HistoryTable<NodeId>;
  /**
   * R-S4/R-S5: index → the id of the entry committed there (appliedAt) and the smallest term of a node that
   * was seen with it committed (the commit term).
   */
  committed: Readonly<Record<string, Readonly<{ id: string; term: number }>>>;
  /** R-S7: each node's currentTerm after its last step (array index = id − 1). */
  prevTerm: readonly number[];
  /** R-S2/R-S9 and change detection: each node's log entry ids after its last step. */
  prevLog: readonly (readonly string[])[];
  /** R-S9: the highest commitIndex each node ever had; that prefix of its log must never change. */
  durable: readonly number[];
}

function sameLog(prev: readonly string[], log: RaftState['log']): boolean {
  if (prev.length !== log.length) return false;
  for (let k = 0; k < log.length; k++) if (prev[k] !== log[k].id) return false;
  return true;
}

function isPrefix(prefix: readonly string[], log: readonly string[], upTo = prefix.length): boolean {
  if (log.length < upTo) return false;
  for (let k = 0; k < upTo; k++) if (prefix[k] !== log[k]) return false;
  return true;
}

export const raftChecker: Checker<RaftState, RaftOptions, RaftCheckerMemory> = {
  init(cluster) {
    return {
      leaderOfTerm: Object.freeze({}),
      votes: Object.freeze({}),
      committed: Object.freeze({}),
      prevTerm: Object.freeze(cluster.nodes.map((n) => n.state.currentTerm)),
      prevLog: Object.freeze(cluster.nodes.map((n) => Object.freeze(n.state.log.map((e) => e.id)))),
      durable: Object.freeze(cluster.nodes.map(() => 0)),
    };
  },

  afterStep(mem, step, cluster, report) {
    const i = step.node;
    const rec = cluster.nodes[i - 1];
    const s = rec.state;
    const term = s.currentTerm;
    const log = s.log;
    const half = cluster.voters.length / 2;
    const prevIds = mem.prevLog[i - 1];
    const logChanged = !sameLog(prevIds, log);
    const ids = logChanged ? Object.freeze(log.map((e) => e.id)) : prevIds;

    // R-S7 Term monotonicity, across revive too.
    if (term < mem.prevTerm[i - 1]) report('R-S7', `node ${i}'s term went down from ${mem.prevTerm[i - 1]} to ${term}`);

    // R-S6 One vote per term, across revive too.
    if (s.votedFor !== null) {
      const had = tableGet(mem.votes, term, i);
      if (had === undefined) mem.votes = tableWith(mem.votes, term, i, s.votedFor);
      else if (had !== s.votedFor) report('R-S6', `node ${i} voted for node ${had} and then node ${s.votedFor} in term ${term}`);
    }

    const becameLeader = s.role === 'leader' && (step.before.role !== 'leader' || step.before.term !== term);
    if (s.role === 'leader') {
      // R-S1 Election Safety.
      const prev = mem.leaderOfTerm[term];
      if (prev === undefined) mem.leaderOfTerm = frozenWith(mem.leaderOfTerm, term, i);
      else if (prev !== i) report('R-S1', `nodes ${prev} and ${i} were both elected leader of term ${term}`);
    }
    if (becameLeader) {
      // R-S10 Quorum at election: a majority granted, and each of them voted for this node in this term.
      const granted = [...new Set(s.votesGranted)];
      if (!(granted.length > half)) report('R-S10', `node ${i} became leader of term ${term} with only ${granted.length} votes`);
      for (const v of granted) {
        const votedFor = tableGet(mem.votes, term, v);
        if (votedFor !== i) report('R-S10', `node ${i} counted node ${v}'s vote in term ${term}, but node ${v} voted for ${votedFor ?? 'nobody'}`);
      }
    }

    // R-S2 Leader Append-Only.
    if (logChanged && s.role === 'leader' && step.before.role === 'leader' && step.before.term === term && !isPrefix(prevIds, ids)) {
      report('R-S2', `leader ${i} of term ${term} overwrote or deleted entries of its log`);
    }

    // R-S8 Log well-formedness.
    let lastT = 0;
    for (let k = 0; k < log.length; k++) {
      const t = log[k].term;
      if (t > term) report('R-S8', `node ${i}'s entry ${k + 1} has term ${t}, above its current term ${term}`);
      if (t < lastT) report('R-S8', `node ${i}'s log terms decrease at index ${k + 1} (${lastT} then ${t})`);
      lastT = t;
    }
    if (s.commitIndex > log.length) report('R-S8', `node ${i}'s commitIndex ${s.commitIndex} is past its log's end ${log.length}`);

    // R-S9 Committed entries are never lost (kept across crashes too: the log is persistent).
    const durable = mem.durable[i - 1];
    if (logChanged && !isPrefix(prevIds, ids, Math.min(durable, prevIds.length))) {
      report('R-S9', `node ${i} changed entries at or below index ${durable}, which it knew were committed`);
    }
    if (s.commitIndex > durable) mem.durable = frozenArrayWith(mem.durable, i - 1, s.commitIndex);

    // R-S5 State Machine Safety and the Committed set of R-S4.
    const upTo = Math.min(s.commitIndex, log.length);
    for (let k = 1; k <= upTo; k++) {
      const e = log[k - 1];
      const c = mem.committed[k];
      if (c === undefined) mem.committed = frozenWith(mem.committed, k, Object.freeze({ id: e.id, term }));
      else if (c.id !== e.id) report('R-S5', `node ${i} has entry ${e.id} committed at index ${k}, where entry ${c.id} was committed`);
      else if (term < c.term) mem.committed = frozenWith(mem.committed, k, Object.freeze({ id: c.id, term }));
    }

    // R-S3 Log Matching, between this node's changed log and every other log (crashed nodes' logs too).
    if (logChanged) {
      for (const other of cluster.nodes) {
        if (other.id === i) continue;
        const ol = other.state.log;
        let k = Math.min(log.length, ol.length);
        while (k > 0 && log[k - 1].term !== ol[k - 1].term) k--;
        for (let x = k; x > 0; x--) {
          if (log[x - 1].id !== ol[x - 1].id) {
            report('R-S3', `nodes ${i} and ${other.id} agree on the term at index ${k} but differ at index ${x}`);
            break;
          }
        }
      }
    }

    // R-S4 Leader Completeness: every live leader holds every entry committed in an earlier term.
    for (const n of cluster.nodes) {
      if (!n.alive || n.state.role !== 'leader') continue;
      const ls = n.state;
      for (const key in mem.committed) {
        const c = mem.committed[key];
        if (ls.currentTerm > c.term && ls.log[Number(key) - 1]?.id !== c.id) {
          report('R-S4', `leader ${n.id} of term ${ls.currentTerm} lacks entry ${c.id} at index ${key}, committed in term ${c.term}`);
        }
      }
    }

    if (mem.prevTerm[i - 1] !== term) mem.prevTerm = frozenArrayWith(mem.prevTerm, i - 1, term);
    if (logChanged) mem.prevLog = frozenArrayWith(mem.prevLog, i - 1, ids);
  },
};
