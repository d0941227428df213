/**
 * ZAB safety checks Z-S1…Z-S8 (protocols.md §2.6) and, because broadcast is modelled, Z-S9's agreement,
 * integrity and total order of committed transactions, run after every step when checking is on.
 *
 * The checker's memory holds the history variables of §4.4 as plain data: `epochLeader[e]`,
 * `initVote[(node, round)]`, the counted ACKEPOCHs per (node, epoch) with their summaries, the committed
 * transaction at every index, and the values clients wrote. The per-(round, node) ones are HistoryTables
 * (core/history-table.ts) of frozen values, so the checkpoints of a long run share them instead of copying.
 *
 * Z-S6 and FLE: [FLE] l.1170 sets `logicalclock := n.electionEpoch` when a node joins an established
 * ensemble through `outofelection` (Z3e.2); that round can be *lower* than the joiner's. The real code does
 * this, so the check allows exactly that transition and nothing else.
 */
import type { ZabOptions } from '../algorithms/zab/options';
import { cmpZxid, type ZabState, type Zxid } from '../algorithms/zab/types';
import type { Checker, ClusterInfo } from '../core/algorithm';
import { tableGet, tableSet, type HistoryTable } from '../core/history-table';
import type { NodeId, WriteValue } from '../core/types';

export interface ZabCheckerMemory {
  /** Z-S2: the leader(s) established for each epoch. */
  epochLeader: HistoryTable<readonly NodeId[]>;
  /** Z-S3: "node:round" → the (currentEpoch, lastZxid) the node started that round with, one per lifetime. */
  initVote: HistoryTable<readonly (readonly [number, number, number])[]>;
  /** Z-S5: "node:epoch" → counted ACKEPOCHs sent. */
  ackEpochCount: HistoryTable<number>;
  /** Z-S4: "node:epoch" → the (currentEpoch, lastZxid) the counted ACKEPOCH carried. */
  ackSummary: HistoryTable<readonly [number, number, number]>;
  /** Z-S9: the committed transaction at each 1-based index (index - 1 here). */
  committed: { zxid: Zxid; value: WriteValue }[];
  /** Z-S9: per node, how many entries it had committed after its last step. */
  committedCount: Record<string, number>;
  /** Z-S9 Integrity: every value a client wrote. */
  written: Record<string, true>;
}

type Report = (invariant: string, detail: string) => void;

const isVoterIn = (c: ClusterInfo<ZabState, ZabOptions>, id: NodeId) => id >= 1 && id <= c.voters.length;
const isObserverIn = (c: ClusterInfo<ZabState, ZabOptions>, id: NodeId) => id > c.voters.length;
const valueKey = (v: WriteValue) => `${typeof v}:${String(v)}`;
const zx = (z: Zxid) => `(${z[0]},${z[1]})`;

function quorum(c: ClusterInfo<ZabState, ZabOptions>, ids: readonly NodeId[]): boolean {
  return new Set(ids.filter((id) => isVoterIn(c, id))).size > c.voters.length / 2;
}

/** (epoch, zxid, sid) lexicographic. */
function cmpTriple(a: [number, Zxid, number], b: [number, Zxid, number]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  const z = cmpZxid(a[1], b[1]);
  if (z !== 0) return z;
  return a[2] === b[2] ? 0 : a[2] < b[2] ? -1 : 1;
}

function lastOf(s: ZabState): Zxid {
  const h = s.history;
  return h.length === 0 ? [0, 0] : h[h.length - 1].zxid;
}

export const zabChecker: Checker<ZabState, ZabOptions, ZabCheckerMemory> = {
  init: () => ({ epochLeader: {}, initVote: {}, ackEpochCount: {}, ackSummary: {}, committed: [], committedCount: {}, written: {} }),

  afterStep(mem, step, cluster, report) {
    const rec = cluster.nodes[step.node - 1];
    const s = rec.state;
    const before = step.before;
    const after = step.after;
    const cause = step.cause;
    if (cause.type === 'write') mem.written[valueKey(cause.value)] = true;

    checkEpochs(s, step.node, before, after, cause.type, report);
    recordInitVote(mem, s, before, after);
    if (before.role === 'looking' && after.role !== 'looking') checkDecision(mem, s, cluster, report);
    checkObservers(s, cluster, report);

    for (const m of step.sent) {
      if (m.kind !== 'AckEpoch' || (m.fields.currentEpoch as number) === -1) continue;
      const count = (tableGet(mem.ackEpochCount, s.acceptedEpoch, step.node) ?? 0) + 1;
      tableSet(mem.ackEpochCount, s.acceptedEpoch, step.node, count);
      const lz = m.fields.lastZxid as Zxid;
      tableSet(mem.ackSummary, s.acceptedEpoch, step.node, Object.freeze([m.fields.currentEpoch as number, lz[0], lz[1]] as const));
      if (count > 1) report('Z-S5', `node ${step.node} sent a counted ACKEPOCH for epoch ${s.acceptedEpoch} twice`);
    }

    if (after.role === 'leading' && before.phase === 'discovery' && after.phase !== 'discovery' && s.lead) checkEstablished(mem, s, cluster, report);

    // Z-S1: at most one established leader per epoch, at any instant.
    if (rec.alive && s.role === 'leading' && (s.phase === 'synchronization' || s.phase === 'broadcast')) {
      for (const o of cluster.nodes) {
        if (o.id === s.id || !o.alive) continue;
        const t = o.state;
        if (t.role === 'leading' && (t.phase === 'synchronization' || t.phase === 'broadcast') && t.acceptedEpoch === s.acceptedEpoch) {
          report('Z-S1', `nodes ${s.id} and ${o.id} are both established leaders of epoch ${s.acceptedEpoch}`);
        }
      }
    }

    checkCommits(mem, s, step.node, report);
  },
};

/** Z-S6: epochs never decrease (across revive too), currentEpoch ≤ acceptedEpoch, the round only grows within a lifetime. */
function checkEpochs(s: ZabState, node: NodeId, before: Record<string, unknown>, after: Record<string, unknown>, cause: string, report: Report): void {
  if (s.currentEpoch > s.acceptedEpoch) report('Z-S6', `node ${node} has currentEpoch ${s.currentEpoch} > acceptedEpoch ${s.acceptedEpoch}`);
  if (typeof before.acceptedEpoch !== 'number') return; // the very first start
  if ((after.acceptedEpoch as number) < before.acceptedEpoch) report('Z-S6', `node ${node}'s acceptedEpoch went down from ${before.acceptedEpoch} to ${after.acceptedEpoch}`);
  if ((after.currentEpoch as number) < (before.currentEpoch as number)) report('Z-S6', `node ${node}'s currentEpoch went down from ${before.currentEpoch} to ${after.currentEpoch}`);
  if (cause === 'boot' || cause === 'crash' || before.alive === false) return; // a new lifetime starts a new FLE object
  if ((after.electionEpoch as number) < (before.electionEpoch as number)) {
    const joined = before.role === 'looking' && after.role !== 'looking' && s.lastDecision?.via === 'Z3e-outofelection';
    if (!joined) report('Z-S6', `node ${node}'s logicalclock went down from ${before.electionEpoch} to ${after.electionEpoch}`);
  }
}

function recordInitVote(mem: ZabCheckerMemory, s: ZabState, before: Record<string, unknown>, after: Record<string, unknown>): void {
  if (s.observer || after.role !== 'looking' || s.delayed) return;
  if (before.role === 'looking' && before.electionEpoch === after.electionEpoch && before.alive !== false) return;
  const z = lastOf(s);
  const v = Object.freeze([s.currentEpoch, z[0], z[1]] as const);
  const list = tableGet(mem.initVote, s.logicalclock, s.id) ?? [];
  if (!list.some((x) => x[0] === v[0] && x[1] === v[1] && x[2] === v[2])) tableSet(mem.initVote, s.logicalclock, s.id, Object.freeze([...list, v]));
}

/** Z-S8 (quorum behind every decision, checkLeader on joins), Z-S3 (vote dominance), Z-S7 (no observer in it). */
function checkDecision(mem: ZabCheckerMemory, s: ZabState, c: ClusterInfo<ZabState, ZabOptions>, report: Report): void {
  const d = s.lastDecision;
  if (!d) {
    report('Z-S8', `node ${s.id} left LOOKING without a decision`);
    return;
  }
  const v = d.vote;
  if (!quorum(c, d.quorum)) report('Z-S8', `node ${s.id} decided for ${v.leader} with only ${d.quorum.join(',')} agreeing`);
  const set = d.via === 'Z3e-outofelection' ? s.outofelection : s.recvset;
  for (const j of d.quorum) {
    const t = set[String(j)];
    if (!t || t.leader !== v.leader || t.peerEpoch !== v.peerEpoch) report('Z-S8', `node ${s.id}'s quorum member ${j} did not vote for ${v.leader}`);
    if (isObserverIn(c, j)) report('Z-S7', `observer ${j} counted in node ${s.id}'s election quorum`);
  }
  if (isObserverIn(c, v.leader) || !isVoterIn(c, v.leader)) report('Z-S7', `node ${s.id} decided for ${v.leader}, which is no voter`);
  if (d.via !== 'Z3c') {
    // checkLeader: a LEADING notification from the leader itself, or our own round when we are the leader.
    if (v.leader !== s.id) {
      if (set[String(v.leader)]?.state !== 'LEADING') report('Z-S8', `node ${s.id} joined leader ${v.leader} without a LEADING notification from it`);
    } else if (v.electionEpoch !== s.logicalclock) report('Z-S8', `node ${s.id} took the lead of round ${v.electionEpoch} in round ${s.logicalclock}`);
    return;
  }
  // Z-S3: every member of the deciding quorum started round r with a vote no better than the decided one.
  // Voters only: a voter tallies LOOKING notifications, which always carry the sender's proposal. An observer
  // tallies Z2a replies, which carry the voter's *settled* vote ([FLE] WorkerReceiver: self.getCurrentVote()),
  // stale while that voter is LOOKING again; so an observer can decide for a crashed leader and must time out.
  if (s.observer) return;
  const decided: [number, Zxid, number] = [v.peerEpoch, v.zxid, v.leader];
  // Only LOOKING entries: a FOLLOWING/LEADING entry of the same round also counts ([ZK] Vote.equals compares
  // all fields when one side is LOOKING), but its sender joined through Z3e, which does not need dominance.
  for (const j of d.quorum) {
    if (s.recvset[String(j)]?.state !== 'LOOKING') continue;
    const inits = tableGet(mem.initVote, d.round, j);
    if (!inits || inits.length === 0) {
      report('Z-S3', `no initial vote of node ${j} for round ${d.round} (node ${s.id}'s quorum)`);
      continue;
    }
    if (!inits.some((iv) => cmpTriple([iv[0], [iv[1], iv[2]], j], decided) <= 0)) {
      report('Z-S3', `node ${s.id} decided (${v.peerEpoch}, ${zx(v.zxid)}, ${v.leader}) in round ${d.round}, but node ${j} started it with a better vote`);
    }
  }
}

/** Z-S7: observers are in no tally, no Zab quorum set and no vote. */
function checkObservers(s: ZabState, c: ClusterInfo<ZabState, ZabOptions>, report: Report): void {
  for (const key of Object.keys(s.recvset)) if (isObserverIn(c, Number(key))) report('Z-S7', `observer ${key} is in node ${s.id}'s recvset`);
  for (const key of Object.keys(s.outofelection)) if (isObserverIn(c, Number(key))) report('Z-S7', `observer ${key} is in node ${s.id}'s outofelection`);
  if (isObserverIn(c, s.proposal.leader) || isObserverIn(c, s.currentVote.leader) && s.currentVote.leader !== s.id) {
    report('Z-S7', `node ${s.id} votes for an observer`);
  }
  const lead = s.lead;
  if (!lead) return;
  const sets: [string, NodeId[]][] = [
    ['connecting', lead.connecting],
    ['electing', lead.electing],
    ['NEWLEADER acks', lead.newLeaderAcks],
    ...lead.outstanding.map((o) => [`acks of ${zx(o.zxid)}`, o.acks] as [string, NodeId[]]),
  ];
  for (const [name, ids] of sets) for (const id of ids) if (isObserverIn(c, id)) report('Z-S7', `observer ${id} is in leader ${s.id}'s ${name}`);
}

/** Z-S2, Z-S4, Z-S5 at the moment a leader becomes established (Z5). */
function checkEstablished(mem: ZabCheckerMemory, s: ZabState, c: ClusterInfo<ZabState, ZabOptions>, report: Report): void {
  const lead = s.lead;
  if (!lead) return;
  const e = lead.epoch;
  // One list per epoch (node 0 of the table), in the order the leaders were established.
  let prior = tableGet(mem.epochLeader, e, 0) ?? [];
  if (!prior.includes(s.id)) tableSet(mem.epochLeader, e, 0, (prior = Object.freeze([...prior, s.id])));
  if (prior.length > 1) report('Z-S2', `epoch ${e} has established leaders ${prior.join(' and ')}`);
  if (!quorum(c, lead.electing) || !lead.electing.includes(s.id)) report('Z-S8', `leader ${s.id} established epoch ${e} without a quorum of ACKEPOCH`);
  const mine: [number, Zxid, number] = [lead.summary.currentEpoch, lead.summary.lastZxid, 0];
  for (const j of lead.electing) {
    if (j === s.id) continue;
    const sum = tableGet(mem.ackSummary, e, j);
    if (!sum) {
      report('Z-S5', `leader ${s.id} counted node ${j} for epoch ${e} without a counted ACKEPOCH from it`);
      continue;
    }
    if (cmpTriple([sum[0], [sum[1], sum[2]], 0], mine) > 0) {
      report('Z-S4', `leader ${s.id} (${lead.summary.currentEpoch}, ${zx(lead.summary.lastZxid)}) established epoch ${e} with node ${j} ahead of it (${sum[0]}, ${zx([sum[1], sum[2]])})`);
    }
  }
  for (const [j, acc] of Object.entries(lead.connectingEpochs)) {
    if (lead.connecting.includes(Number(j)) && e <= acc) report('Z-S5', `epoch ${e} is not above node ${j}'s acceptedEpoch ${acc}`);
  }
}

/** Z-S9: Agreement (one transaction per index), Integrity (only written values), no committed entry lost, zxid order. */
function checkCommits(mem: ZabCheckerMemory, s: ZabState, node: NodeId, report: Report): void {
  const prev = mem.committedCount[String(node)] ?? 0;
  if (s.committed < prev) report('Z-S9', `node ${node}'s commit count went down from ${prev} to ${s.committed}`);
  if (s.committed > s.history.length) report('Z-S9', `node ${node} committed ${s.committed} entries but holds ${s.history.length}`);
  const h = s.history;
  for (let i = 0; i < Math.min(s.committed, h.length); i++) {
    const g = mem.committed[i];
    if (!g) {
      mem.committed[i] = { zxid: [h[i].zxid[0], h[i].zxid[1]], value: h[i].value };
      if (!mem.written[valueKey(h[i].value)]) report('Z-S9', `node ${node} committed ${String(h[i].value)}, which no client wrote`);
    } else if (cmpZxid(g.zxid, h[i].zxid) !== 0 || g.value !== h[i].value) {
      report('Z-S9', `node ${node} has ${zx(h[i].zxid)}=${String(h[i].value)} committed at index ${i + 1}, elsewhere ${zx(g.zxid)}=${String(g.value)}`);
    }
  }
  for (let i = 1; i < h.length; i++) {
    if (cmpZxid(h[i - 1].zxid, h[i].zxid) >= 0) {
      report('Z-S9', `node ${node}'s history is out of zxid order at index ${i + 1}`);
      break;
    }
  }
  mem.committedCount[String(node)] = s.committed;
}
