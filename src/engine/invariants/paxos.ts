/**
 * Multi-Paxos safety checks P-S1…P-S4 (algorithms/paxos/README.md), run after every step when checking is on.
 * Every one is a hard failure: a violation means a bug in the engine (or the teaching switch
 * `ignorePromisedValues`, which breaks P6 on purpose).
 *
 * The checker watches the acceptors' persistent state, not the messages: after each step it diffs the node's
 * accepted slots against the copy kept from its previous step (both frozen; a slot is new when its ballot or
 * value differs, so an equal copy of an unchanged slot is not counted twice) and records every acceptance as (slot, ballot) → value and acceptors. A value is chosen in a slot
 * when a quorum accepted it in one ballot ([PMS] §2.2), whatever happened to those acceptors afterwards.
 *
 * Memory, as in the other checkers: plain data, each part frozen and replaced (core/clone.ts, history-table.ts),
 * so a checkpoint of a long run shares the history instead of copying it.
 */
import type { Ballot, PaxosState } from '../algorithms/paxos/paxos';
import type { PaxosOptions } from '../algorithms/paxos/options';
import { ballotText, cmpBallot, sameBallot } from '../algorithms/paxos/ballot';
import type { Checker } from '../core/algorithm';
import { frozenArrayWith } from '../core/clone';
import { tableGet, tableWith, type HistoryTable } from '../core/history-table';
import type { NodeId, WriteValue } from '../core/types';

/** One (slot, ballot)'s acceptances: the value proposed in that ballot and who accepted it. */
type Votes = Readonly<{ value: WriteValue | null; by: readonly NodeId[] }>;
type Chosen = Readonly<{ value: WriteValue | null; ballot: string }>;

export interface PaxosCheckerMemory {
  /** (slot, ballot code) → the acceptances in that ballot (ballot code: round · 4096 + node, see `code`). */
  votes: HistoryTable<Votes>;
  /** P-S1/P-S2: (slot, 0) → the value chosen there and the first ballot that chose it. */
  chosen: HistoryTable<Chosen>;
  /** P-S4: ballot text → the node that became leader with it. */
  leaderOf: Readonly<Record<string, NodeId>>;
  /** P-S3: each node's promise after its last step (index id − 1). */
  prevPromised: readonly Ballot[];
  /** Each node's accepted slots after its last step (the frozen array itself). */
  prevAccepted: readonly PaxosState['accepted'][];
  /** P-S2: how many slots each node had learned after its last step. */
  prevLearned: readonly number[];
}

/** Node ids are at most 101 (scenario-file MAX_NODES), so round · 4096 + node is one exact integer per ballot. */
const code = (b: Ballot) => b[0] * 4096 + b[1];
const show = (v: WriteValue | null) => (v === null ? 'no-op' : JSON.stringify(v));

export const paxosChecker: Checker<PaxosState, PaxosOptions, PaxosCheckerMemory> = {
  init(cluster) {
    return {
      votes: Object.freeze({}),
      chosen: Object.freeze({}),
      leaderOf: Object.freeze({}),
      prevPromised: Object.freeze(cluster.nodes.map((n) => n.state.promised)),
      prevAccepted: Object.freeze(cluster.nodes.map((n) => n.state.accepted)),
      prevLearned: Object.freeze(cluster.nodes.map((n) => n.state.learned.length)),
    };
  },

  afterStep(mem, step, cluster, report) {
    const i = step.node;
    const s = cluster.nodes[i - 1].state;
    const half = cluster.voters.length / 2;
    const promisedBefore = mem.prevPromised[i - 1];

    // P-S3 Promise: the promise never goes down (it is persistent, so across a crash too) …
    if (cmpBallot(s.promised, promisedBefore) < 0) {
      report('P-S3', `node ${i}'s promise went down from ballot ${ballotText(promisedBefore)} to ${ballotText(s.promised)}`);
    }

    const prevAcc = mem.prevAccepted[i - 1];
    if (s.accepted !== prevAcc) {
      for (let k = 1; k <= s.accepted.length; k++) {
        const a = s.accepted[k - 1];
        const had0 = prevAcc[k - 1];
        // Unchanged by value, not only by identity: the explorer interns equal states (explore/model.ts), so an
        // unchanged slot may come back as an equal copy, which is not a new acceptance.
        if (!a || a === had0 || (had0 && sameBallot(a.ballot, had0.ballot) && a.value === had0.value)) continue;
        // … and no acceptor accepts below the ballot it had promised.
        if (cmpBallot(a.ballot, promisedBefore) < 0) {
          report('P-S3', `node ${i} accepted slot ${k} in ballot ${ballotText(a.ballot)} after promising ballot ${ballotText(promisedBefore)}`);
        }
        const c = code(a.ballot);
        const had = tableGet(mem.votes, k, c);
        if (had !== undefined && had.value !== a.value) {
          report('P-S1', `slot ${k} got two values in ballot ${ballotText(a.ballot)}: ${show(had.value)} and ${show(a.value)}`);
          continue;
        }
        if (had?.by.includes(i)) continue;
        const by = Object.freeze([...(had?.by ?? []), i]);
        mem.votes = tableWith(mem.votes, k, c, Object.freeze({ value: a.value, by }));
        if (by.length > half && !(had && had.by.length > half)) {
          // P-S1 Agreement: a quorum accepted a.value in one ballot, so it is chosen; nothing else may be.
          const chosen = tableGet(mem.chosen, k, 0);
          if (chosen === undefined) mem.chosen = tableWith(mem.chosen, k, 0, Object.freeze({ value: a.value, ballot: ballotText(a.ballot) }));
          else if (chosen.value !== a.value) {
            report('P-S1', `slot ${k}: ${show(chosen.value)} was chosen in ballot ${chosen.ballot}, then ${show(a.value)} in ballot ${ballotText(a.ballot)}`);
          }
        }
      }
      mem.prevAccepted = frozenArrayWith(mem.prevAccepted, i - 1, s.accepted);
    }

    // P-S2 Stability: a node learns only the value chosen in that slot (so what it learned never changes).
    const learned = s.learned.length;
    const before = mem.prevLearned[i - 1];
    for (let k = before + 1; k <= learned; k++) { // after a crash learned < before: nothing new
      const chosen = tableGet(mem.chosen, k, 0);
      const v = s.learned[k - 1];
      if (chosen === undefined) report('P-S2', `node ${i} learned ${show(v)} in slot ${k}, where nothing was chosen`);
      else if (chosen.value !== v) report('P-S2', `node ${i} learned ${show(v)} in slot ${k}, where ${show(chosen.value)} was chosen`);
    }
    if (learned !== before) mem.prevLearned = frozenArrayWith(mem.prevLearned, i - 1, learned);

    // P-S4 One leader per ballot: the ballot's own node, elected by a quorum of Promises.
    const became = s.role === 'leader' && (step.before.role !== 'leader' || mem.leaderOf[ballotText(s.ballot)] === undefined);
    if (became) {
      const key = ballotText(s.ballot);
      const prev = mem.leaderOf[key];
      if (prev !== undefined && prev !== i) report('P-S4', `nodes ${prev} and ${i} both became leader with ballot ${key}`);
      if (s.ballot[1] !== i) report('P-S4', `node ${i} leads with ballot ${key}, which belongs to node ${s.ballot[1]}`);
      const promised = new Set(s.promises).size;
      if (!(promised > half)) report('P-S4', `node ${i} became leader with ballot ${key} on only ${promised} Promises`);
      if (prev === undefined) mem.leaderOf = Object.freeze({ ...mem.leaderOf, [key]: i });
    }

    if (s.promised !== promisedBefore) mem.prevPromised = frozenArrayWith(mem.prevPromised, i - 1, s.promised);
  },
};
