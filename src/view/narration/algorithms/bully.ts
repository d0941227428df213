/** Bully's narration (protocols.md §3; plug-in interface: ../plugin.ts). */
import type { NodeId } from '../../../engine/core/types';
import type { Importance } from '../types';
import { kindLabel, num, type AlgorithmNarration, type Line, type NarrationContext, type Say, type StateEvent, type Step } from '../plugin';

function state(ctx: NarrationContext, _mem: null, c: StateEvent, p: StateEvent | undefined, step: Step | null): Line | null {
  const n = c.node;
  const round = num(c.round);
  const S = (imp: Importance, say: Say, nodes: NodeId[] = [n]) => ctx.line(c, 'state', imp, n, nodes, say);
  const m = step?.msg ?? null;
  const fresh = !p || (!p.alive && c.alive);
  if (c.role === 'leader' && (!p || p.role !== 'leader' || fresh)) {
    if (p && p.role === 'electing' && !m && !fresh) {
      const l = S(2, (d) => d.bullyNoAlive(n));
      l.note = ctx.note('bullyHighestDirect');
      return l;
    }
    const l = S(2, (d) => d.bullyHighest(n));
    l.note = ctx.note('bullyHighestDirect');
    return l;
  }
  if (c.role === 'electing' && (!p || p.role !== 'electing' || round !== num(p.round))) {
    if (fresh) return S(1, (d) => d.bullyBoot(n, round));
    if (m && m.kind === 'Alive' && p && p.role === 'leader') {
      const l = S(2, (d) => d.bullyVoidVictory(n, m.from, round), [n, m.from]);
      l.note = ctx.note('bullyVoidVictory');
      return l;
    }
    if (m && m.kind === 'Election' && m.from < n) return S(1, (d) => d.bullyOnElection(n, m.from, round), [n, m.from]);
    if (m && (m.kind === 'Victory' || m.kind === 'Heartbeat')) return S(1, (d) => d.bullyBullies(n, m.from, kindLabel(d, m.kind)), [n, m.from]);
    if (!m && p && p.role === 'awaitingVictory') return S(1, (d) => d.bullyVictoryTimeout(n, round));
    const oldLeader = p?.leader;
    if (!m && p && p.role === 'follower' && typeof oldLeader === 'number') {
      const l = S(1, (d) => d.bullyLeaderSilent(n, oldLeader, round), [n, oldLeader]);
      l.note = ctx.note('bullyFailureDetection');
      return l;
    }
    return S(1, (d) => d.bullyElecting(n, round));
  }
  if (c.role === 'awaitingVictory' && p?.role !== 'awaitingVictory') {
    const from = m && m.kind === 'Alive' ? m.from : null;
    if (from !== null) return S(1, (d) => d.bullyGotAlive(n, from), [n, from]);
  }
  const leader = c.leader;
  if (c.role === 'follower' && typeof leader === 'number' && (leader !== p?.leader || p?.role !== 'follower')) {
    if (p && p.role === 'leader') {
      const l = S(2, (d) => d.bullyDeposed(n, leader), [n, leader]);
      l.note = ctx.note('bullyFlapping');
      return l;
    }
    const kind = m ? m.kind : 'Victory';
    return S(1, (d) => d.bullyFollows(n, leader, kindLabel(d, kind)), [n, leader]);
  }
  if (!p && c.role === 'follower') return S(0, (d) => d.bullyStartFollower(n));
  return null;
}

export const bullyNarration: AlgorithmNarration<null> = {
  init: () => null,
  // B5: the cluster leader is the node every node it can reach names (contracts: `reachable`).
  leaderRule: 'reachable',
  routineKinds: ['Heartbeat'],
  explainedByState: ['Election', 'Victory'],
  keeps: (d) => d.keepsBully,
  writeAccepted: (n, v) => (d) => d.writeAcceptedBully(n, v),
  down: (c) => (d) => d.down(c.node),
  // §3.3
  sends: {
    Election: (_ctx, _mem, { from, to, fields: f }) => {
      const round = num(f.round);
      return { say: (d) => d.bullyElection(from, to(d), round) };
    },
    Alive: (_ctx, _mem, { from, single }) => (single !== null ? { say: (d) => d.bullyAlive(from, single) } : null),
    Victory: (_ctx, _mem, { group, from, to, single, msg }) => {
      if (single !== null && msg && (msg.kind === 'Election' || msg.kind === 'Heartbeat') && group.before?.role === 'leader') return { say: (d) => d.bullyVictoryReassert(from, single) };
      return { say: (d) => d.bullyVictory(from, to(d)) };
    },
    Heartbeat: (_ctx, _mem, { from, to }) => ({ say: (d) => d.bullyHeartbeat(from, to(d)) }),
  },
  state,
};
