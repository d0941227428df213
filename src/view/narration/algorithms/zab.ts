/** ZAB's narration (protocols.md §2, over the stream transport §0.2; plug-in interface: ../plugin.ts). */
import type { NodeId } from '../../../engine/core/types';
import type { Dictionary } from '../en';
import type { Importance } from '../types';
import { num, roleLabel, valueText, type AlgorithmNarration, type Line, type NarrationContext, type Say, type StateEvent, type Step } from '../plugin';

interface ZabMemory {
  /** Notifications sent since the last decision (the seed's n(n−1) claim). */
  notifications: number;
}

interface VoteV {
  leader: number;
  zxid: [number, number];
  peerEpoch: number;
}
const zxidOf = (x: unknown): [number, number] => (Array.isArray(x) && x.length === 2 ? [num(x[0]), num(x[1])] : [0, 0]);
const voteOf = (x: unknown): VoteV => {
  const o = (x ?? {}) as Record<string, unknown>;
  return { leader: num(o.leader), zxid: zxidOf(o.zxid), peerEpoch: num(o.peerEpoch) };
};
const cmpZ = (a: [number, number], b: [number, number]) => (a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]);

function state(ctx: NarrationContext, mem: ZabMemory, c: StateEvent, p: StateEvent | undefined, step: Step | null): Line | null {
  const n = c.node;
  const round = num(c.electionEpoch);
  const v = voteOf(c.vote);
  const S = (imp: Importance, say: Say, nodes: NodeId[] = [n]) => ctx.line(c, 'state', imp, n, nodes, say);
  const isObserver = ctx.observers.includes(n);
  const fresh = !p || (!p.alive && c.alive);
  const wait = num(ctx.options.finalizeWaitMs, 200);
  if (c.role === 'looking') {
    if (fresh) {
      if (isObserver || v.leader <= 0) return S(1, (d) => d.zabStartObserver(n, round));
      return S(1, (d) => d.zabStart(n, round, d.vote(v)));
    }
    if (!p) return null;
    if (p.role === 'leading') return S(2, (d) => d.zabLeaderLost(n, round));
    if (p.role === 'following' || p.role === 'observing') {
      const old = typeof p.leader === 'number' ? p.leader : null;
      return S(1, (d) => d.zabFollowerLost(n, old, round), old === null ? [n] : [n, old]);
    }
    const pv = voteOf(p.vote);
    const pRound = num(p.electionEpoch);
    if (round > pRound) {
      if (isObserver) return S(1, (d) => d.zabStartObserver(n, round));
      const own = v.leader === n;
      if (own || !step?.msg) return S(1, (d) => d.zabNewRound(n, round, d.vote(v)));
      return S(1, (d) => d.zabJoinRound(n, round, d.vote(v)));
    }
    if (pv.leader !== v.leader || cmpZ(pv.zxid, v.zxid) !== 0 || pv.peerEpoch !== v.peerEpoch) {
      // Z3c.4: the new vote beats the old one on (peerEpoch, zxid, sid), epoch first.
      const why: Say =
        isObserver || pv.leader <= 0
          ? (d) => d.whyObserver
          : v.peerEpoch > pv.peerEpoch
          ? (d) => d.whyEpoch
          : v.peerEpoch === pv.peerEpoch && cmpZ(v.zxid, pv.zxid) > 0
            ? (d) => d.whyZxid
            : v.peerEpoch === pv.peerEpoch && cmpZ(v.zxid, pv.zxid) === 0 && v.leader > pv.leader
              ? (d) => d.whySid
              : (d) => d.whyOther;
      const l = S(1, (d) => d.zabVoteChange(n, d.vote(v), why(d)), [n, v.leader]);
      l.note = ctx.note('zabVoteOrder');
      return l;
    }
    return null;
  }
  const leader = typeof c.leader === 'number' ? c.leader : null;
  if (p && p.role === 'looking' && leader !== null) {
    // Decided (Z3c.6), or joined an established ensemble (Z3e).
    const sent = mem.notifications;
    const nv = ctx.voters.length;
    const countNote = ctx.seen.has('zabMessageCount') ? undefined : { key: 'zabMessageCount', say: (d: Dictionary) => d.notes.zabMessageCount(sent, nv * (nv - 1)) };
    if (countNote) ctx.seen.add('zabMessageCount');
    let l: Line;
    const byJoin = step?.msg?.kind === 'Notification' && step.msg.fields.state !== 'LOOKING';
    if (byJoin) {
      const obs = c.role === 'observing';
      l = S(1, (d) => d.zabJoin(n, leader, obs), [n, leader]);
    } else if (c.role === 'leading') {
      l = S(1, (d) => d.zabDecideLead(n, wait));
      l.note = ctx.note('zabProspective');
    } else if (c.role === 'observing') l = S(1, (d) => d.zabDecideObserve(n, leader), [n, leader]);
    else l = S(1, (d) => d.zabDecideFollow(n, leader, wait), [n, leader]);
    if (!l.note && countNote) l.note = countNote;
    return l;
  }
  if (!p) return null;
  if (c.role === 'leading' && c.phase !== p.phase) {
    if (c.phase === 'synchronization') return S(2, (d) => d.zabEstablished(n, num(c.acceptedEpoch)));
    if (c.phase === 'broadcast') return S(2, (d) => d.zabBroadcast(n, num(c.currentEpoch)));
  }
  if (c.phase !== p.phase) {
    const ph = String(c.phase);
    return S(c.phase === 'broadcast' ? 1 : 0, (d) => d.zabLearnerPhase(n, d.phases[ph] ?? ph));
  }
  if (c.acceptedEpoch !== p.acceptedEpoch || c.currentEpoch !== p.currentEpoch) return S(0, (d) => d.zabEpochs(n, num(c.acceptedEpoch), num(c.currentEpoch)));
  const z = zxidOf(c.zxid);
  if (cmpZ(z, zxidOf(p.zxid)) !== 0) return S(0, (d) => d.zabZxid(n, d.zxid(z)));
  return null;
}

export const zabNarration: AlgorithmNarration<ZabMemory> = {
  init: () => ({ notifications: 0 }),
  leaderRule: 'quorum',
  routineKinds: ['Ping', 'Ack'],
  explainedByState: ['Notification', 'FollowerInfo', 'ObserverInfo'],
  keeps: (d) => d.keepsZab,
  writeAccepted: (n, v) => (d) => d.writeAcceptedZab(n, v),
  down: (c) => (d) => d.zabDown(c.node),
  onSend(mem, ev) {
    if (ev.kind === 'Notification') mem.notifications += 1;
  },
  onLeader(mem) {
    mem.notifications = 0; // the next election's notifications are counted from here
  },
  // §2.2
  sends: {
    Notification: (_ctx, _mem, { from, to, fields: f }) => {
      const st = String(f.state);
      const round = num(f.electionEpoch);
      const v = voteOf(f);
      if (st === 'LOOKING') {
        if (v.leader <= 0) return { say: (d) => d.zabNotifyObserver(from, to(d), round) };
        return { say: (d) => d.zabNotifyLooking(from, to(d), d.vote(v), round) };
      }
      const role = st.toLowerCase();
      return { say: (d) => d.zabNotifySettled(from, to(d), roleLabel(d, 'zab', role), v.leader) };
    },
    FollowerInfo: (_ctx, _mem, { from, single, fields: f }) => (single !== null ? { say: (d) => d.zabFollowerInfo(from, single, num(f.acceptedEpoch)) } : null),
    ObserverInfo: (_ctx, _mem, { from, single }) => (single !== null ? { say: (d) => d.zabObserverInfo(from, single) } : null),
    LeaderInfo: (_ctx, _mem, { from, to, fields: f }) => ({ say: (d) => d.zabLeaderInfo(from, to(d), num(f.epoch)) }),
    AckEpoch: (_ctx, _mem, { from, single, fields: f }) => {
      if (single === null) return null;
      const ce = num(f.currentEpoch);
      const lz = zxidOf(f.lastZxid);
      return { say: ce < 0 ? (d) => d.zabAckEpochOld(from, single) : (d) => d.zabAckEpoch(from, single, ce, d.zxid(lz)) };
    },
    Sync: (_ctx, _mem, { from, to, fields: f }) => {
      const mode = String(f.mode).toUpperCase();
      const count = Array.isArray(f.entries) ? f.entries.length : 0;
      return { say: (d) => d.zabSync(from, to(d), mode === 'TRUNC' ? d.syncTrunc : mode === 'SNAP' ? d.syncSnap : d.syncDiff, count) };
    },
    NewLeader: (_ctx, _mem, { from, to }) => ({ say: (d) => d.zabNewLeader(from, to(d)) }),
    AckNewLeader: (_ctx, _mem, { from, single }) => (single !== null ? { say: (d) => d.zabAckNewLeader(from, single) } : null),
    UpToDate: (_ctx, _mem, { from, to }) => ({ say: (d) => d.zabUpToDate(from, to(d)) }),
    Request: (_ctx, _mem, { from, single, fields: f }) => {
      const v = valueText(f.value);
      return single !== null ? { say: (d) => d.zabRequest(from, single, d.value(v)) } : null;
    },
    Proposal: (_ctx, _mem, { from, to, fields: f }) => {
      const z = zxidOf(f.zxid);
      const v = valueText(f.value);
      return { say: (d) => d.zabProposal(from, to(d), d.zxid(z), d.value(v)) };
    },
    Ack: (_ctx, _mem, { from, single, fields: f }) => {
      const z = zxidOf(f.zxid);
      return single !== null ? { say: (d) => d.zabAck(from, single, d.zxid(z)) } : null;
    },
    Commit: (_ctx, _mem, { from, to, fields: f }) => {
      const z = zxidOf(f.zxid);
      return { say: (d) => d.zabCommit(from, to(d), d.zxid(z)) };
    },
    Inform: (_ctx, _mem, { from, to, fields: f }) => {
      const z = zxidOf(f.zxid);
      const v = valueText(f.value);
      return { say: (d) => d.zabInform(from, to(d), d.zxid(z), d.value(v)) };
    },
    Ping: (_ctx, _mem, { from, to }) => ({ say: (d) => d.zabPing(from, to(d)) }),
    // The stream transport's own (ZAB over TCP, §0.2): a close, and a killed process's resets.
    Close: (_ctx, _mem, { from, to }) => ({ importance: 1, say: (d) => d.zabClose(from, to(d)), note: 'zabOverTcp' }),
    Reset: (_ctx, _mem, { from, to }) => ({ importance: 1, say: (d) => d.zabReset(from, to(d)), note: 'zabOverTcp' }),
  },
  state,
};
