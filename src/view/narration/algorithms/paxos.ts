/** Multi-Paxos' narration (src/engine/algorithms/paxos/README.md, rules P1–P11; plug-in interface: ../plugin.ts). */
import type { NodeId } from '../../../engine/core/types';
import type { Dictionary } from '../en';
import type { Importance } from '../types';
import { num, roleLabel, valueText, type AlgorithmNarration, type Line, type NarrationContext, type Say, type StateEvent, type Step } from '../plugin';

/** A ballot as the trace carries it in fields (`[round, node]`), in the view's words ("2.4"). */
const ballotOf = (x: unknown): string => (Array.isArray(x) && x.length === 2 ? `${num(x[0])}.${num(x[1])}` : '0.0');
/** A slot's value in words: a client value, or the no-op a new leader fills a gap with (P6). */
const valueOf = (d: Dictionary, v: unknown): string => (v === null ? d.noop : d.value(valueText(v)));

function state(ctx: NarrationContext, _mem: null, c: StateEvent, p: StateEvent | undefined, step: Step | null): Line | null {
  const n = c.node;
  const b = String(c.ballot);
  const S = (imp: Importance, say: Say, nodes: NodeId[] = [n]) => ctx.line(c, 'state', imp, n, nodes, say);
  const m = step?.msg ?? null;
  if (!p) return S(0, (d) => d.paxosStart(n));
  if (!p.alive && c.alive) return S(1, (d) => d.paxosRestart(n, b));
  // P1/P2: a new Phase 1 (the leader timer, a retry, or a pre-emption with back-off off, P10).
  if (c.role === 'proposer' && (p.role !== 'proposer' || num(c.round) > num(p.round))) {
    if (m && (m.kind === 'Nack' || m.kind === 'Prepare')) return S(1, (d) => d.paxosRetryAtOnce(n, b), [n, m.from]);
    if (p.role === 'proposer') {
      const old = String(p.ballot);
      return S(1, (d) => d.paxosProposerAgain(n, old, b));
    }
    const l = S(1, (d) => d.paxosProposer(n, b));
    l.note = ctx.note('paxosBallots');
    return l;
  }
  // P5/P6: a quorum of Promises.
  if (c.role === 'leader' && p.role !== 'leader') {
    const voters = ctx.voters.length;
    const l = S(2, (d) => d.paxosLeader(n, b, Math.floor(voters / 2) + 1, voters));
    l.note = ctx.note('paxosReproposal');
    return l;
  }
  const leader = c.leader;
  if ((p.role === 'proposer' || p.role === 'leader') && c.role === 'follower') {
    const was = p.role;
    // P9: a Heartbeat or Accept of a higher ballot: somebody leads; follow it.
    if (typeof leader === 'number') {
      if (was === 'leader') return S(2, (d) => d.paxosDeposedFollows(n, leader, b), [n, leader]);
      return S(1, (d) => d.paxosFollows(n, leader, b), [n, leader]);
    }
    // P10 with back-off: pre-empted by a Nack (its `promised`) or by a Prepare it promised (its ballot).
    const higher = m?.kind === 'Nack' ? ballotOf(m.fields.promised) : m?.kind === 'Prepare' ? ballotOf(m.fields.ballot) : b;
    const cause = ctx.cause(step);
    return S(was === 'leader' ? 2 : 1, (d) => d.paxosPreempted(n, roleLabel(d, 'paxos', was), higher, cause(d)), m ? [n, m.from] : [n]);
  }
  if (leader !== p.leader) {
    if (typeof leader === 'number') return S(1, (d) => d.paxosFollows(n, leader, b), [n, leader]);
    // P3: it promised a new ballot (its Promise line says the rest).
    return S(0, (d) => d.paxosPromises(n, b));
  }
  if (c.ballot !== p.ballot) return S(0, (d) => d.paxosPromises(n, b));
  if (c.lastSlot !== p.lastSlot || c.commit !== p.commit) return S(0, (d) => d.paxosSlots(n, num(c.lastSlot), num(c.commit)));
  return null;
}

export const paxosNarration: AlgorithmNarration<null> = {
  init: () => null,
  leaderRule: 'quorum',
  // The lease and the acknowledgements of Phase 2 are routine; what a node does about them is its state line.
  routineKinds: ['Heartbeat', 'Accepted'],
  explainedByState: ['Prepare'],
  keeps: (d) => d.keepsPaxos,
  writeAccepted: (n, v) => (d) => d.writeAcceptedPaxos(n, v),
  down: (c) => (d) => d.paxosDown(c.node, String(c.ballot)),
  sends: {
    // P2
    Prepare: (_ctx, _mem, { from, to, fields: f }) => {
      const b = ballotOf(f.ballot);
      const slot = num(f.from, 1);
      return { say: (d) => d.paxosPrepare(from, to(d), b, slot) };
    },
    // P3: what it accepted travels with the promise (P6 needs it).
    Promise: (_ctx, _mem, { from, single, fields: f }) => {
      if (single === null) return null;
      const b = ballotOf(f.ballot);
      const acc = Array.isArray(f.accepted) ? (f.accepted as unknown[][]) : [];
      return {
        say: (d) => d.paxosPromise(from, single, b, acc.map((a) => d.paxosReported(num(a[0]), valueOf(d, a[3]), `${num(a[1])}.${num(a[2])}`))),
      };
    },
    // P4
    Nack: (_ctx, _mem, { from, single, fields: f }) => {
      if (single === null) return null;
      const refused = ballotOf(f.ballot);
      const promised = ballotOf(f.promised);
      return { say: (d) => d.paxosNack(from, single, refused, promised) };
    },
    // P7 (and P6's re-proposals, P8's resends and catch-up: one group may carry several slots)
    Accept: (_ctx, _mem, { group, from, to, fields: f }) => {
      const b = ballotOf(f.ballot);
      const slots = group.sends.map((s) => num(s.fields.slot));
      const first = Math.min(...slots);
      const last = Math.max(...slots);
      if (first !== last) return { say: (d) => d.paxosAcceptSlots(from, to(d), b, first, last) };
      return { say: (d) => d.paxosAccept(from, to(d), b, first, valueOf(d, f.value)) };
    },
    Accepted: (_ctx, _mem, { from, single, fields: f }) => {
      if (single === null) return null;
      const b = ballotOf(f.ballot);
      const slot = num(f.slot);
      return { say: (d) => d.paxosAccepted(from, single, b, slot) };
    },
    // P9
    Heartbeat: (_ctx, _mem, { from, to, fields: f }) => {
      const b = ballotOf(f.ballot);
      const commit = num(f.commit);
      return { say: (d) => d.paxosHeartbeat(from, to(d), b, commit) };
    },
    // P8 catch-up
    CatchUp: (_ctx, _mem, { from, single, fields: f }) => {
      if (single === null) return null;
      const slot = num(f.from, 1);
      return { say: (d) => d.paxosCatchUp(from, single, slot), importance: 1 };
    },
  },
  state,
};
