/**
 * Narrator: turns a run's trace, event by event, into plain-language lines (types.ts), in English and Chinese.
 * It keeps what a sentence needs from earlier events: the algorithm (init), every node's previous view (state),
 * messages in flight by id (so a deliver/drop can say what it was), and the step in progress (the message a node
 * is handling), so a state change is explained by what changed and why. Rule ids cite /work/shared/protocols.md.
 *
 * Usage (one Narrator per run, fed in trace order):
 *   const n = new Narrator();
 *   for (const ev of events) lines.push(...n.feed(ev));
 *   lines.push(...n.flush());            // at the end of a batch: releases a pending broadcast group
 *
 * A node's consecutive sends of one kind in one step (a broadcast) become one line; that is why `feed` returns
 * a list (0–2 lines) and may return the line of the previous events. When the node's state change follows its
 * sends (e.g. a new candidate and its RequestVotes), the explanation comes first and the sends line is routine.
 */
import type { AlgorithmName, NodeId, TraceEvent } from '../../engine/core/types';
import { crashDiffersFromPowerOff } from '../transport';
import { en, type Dictionary } from './en';
import { zh } from './zh';
import type { Importance, Lang, Narration, NarrationCategory, Texts } from './types';

export const DICTIONARIES: Record<Lang, Dictionary> = { en, zh };

type Say = (d: Dictionary) => string;
type StateEvent = Extract<TraceEvent, { type: 'state' }>;
type SendEvent = Extract<TraceEvent, { type: 'send' }>;
type Fields = Record<string, unknown>;
type NoteKey = Exclude<keyof Dictionary['notes'], 'zabMessageCount'>;

interface Sent {
  from: NodeId;
  to: NodeId;
  kind: string;
  fields: Fields;
  /** Importance of its send line (a drop of it is as important). */
  imp?: Importance;
}

/** The handler run in progress: which node, when, and the message it handles (null: a timer or a boot). */
interface Step {
  node: NodeId;
  t: number;
  msg: Sent | null;
  fault: string | null;
}

interface Group {
  index: number;
  t: number;
  from: NodeId;
  kind: string;
  sends: SendEvent[];
  step: Step | null;
  /** The sender's view before the step. */
  before: StateEvent | undefined;
}

/** A line not yet put into words (`Narrator.feedRaw`); `Narrator.render` writes its text. */
export interface Line {
  /** For send groups: the message kind. */
  kind?: string;
  index: number;
  count: number;
  t: number;
  say: Say;
  node: NodeId | null;
  nodes: NodeId[];
  category: NarrationCategory;
  importance: Importance;
  note?: { key: string; say: Say };
}

const num = (x: unknown, fallback = 0): number => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
const zxidOf = (x: unknown): [number, number] => (Array.isArray(x) && x.length === 2 ? [num(x[0]), num(x[1])] : [0, 0]);
interface VoteV {
  leader: number;
  zxid: [number, number];
  peerEpoch: number;
}
const voteOf = (x: unknown): VoteV => {
  const o = (x ?? {}) as Fields;
  return { leader: num(o.leader), zxid: zxidOf(o.zxid), peerEpoch: num(o.peerEpoch) };
};
const cmpZ = (a: [number, number], b: [number, number]) => (a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]);
const valueText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Broadcasts that a state change of the sender explains (new candidate, new election, victory, new vote). */
const EXPLAINED_BY_STATE = new Set(['RequestVote', 'PreVote', 'Election', 'Victory', 'Notification', 'FollowerInfo', 'ObserverInfo']);

/** Kinds whose traffic is routine (importance 0): keep-alives and acknowledgements. */
const ROUTINE_KINDS = new Set(['Heartbeat', 'Ping', 'Ack', 'AppendEntriesReply']);

export class Narrator {
  private algorithm: AlgorithmName | null = null;
  private voters: NodeId[] = [];
  private observers: NodeId[] = [];
  private options: Fields = {};
  private views = new Map<NodeId, StateEvent>();
  private inFlight = new Map<number, Sent>();
  private step: Step | null = null;
  private pending: Group | null = null;
  private index = -1;
  private seen = new Set<string>();
  /** Raft: who granted a vote to each candidate in its current term (self included). */
  private grants = new Map<NodeId, Set<NodeId>>();
  /** Raft: last time each node received an AppendEntries (for the PV2 "heard from a leader" reason). */
  private leaderContact = new Map<NodeId, number>();
  /** Raft: highest entry index each leader sent each follower in a term ("leader>follower@term"). */
  private aeSent = new Map<string, number>();
  /** ZAB: notifications sent since the last decision (the seed's n(n−1) claim). */
  private notifications = 0;

  /** Feeds the next trace event; returns the lines that are now complete (0–2). */
  feed(ev: TraceEvent): Narration[] {
    return this.feedRaw(ev).map((l) => this.render(l));
  }

  /**
   * As `feed`, but the lines are not put into words yet: a caller that shows only some of them (the worker
   * sends the page a bounded tail) renders those with `render` and saves the rest of the work.
   */
  feedRaw(ev: TraceEvent): Line[] {
    this.index += 1;
    const out: Line[] = [];
    if (ev.type === 'send' && this.pending && this.pending.t === ev.t && this.pending.from === ev.from && this.pending.kind === ev.kind) {
      this.pending.sends.push(ev);
      this.track(ev);
      return [];
    }
    const group = this.pending ? this.groupLine(this.pending) : null;
    if (group) group.kind = this.pending?.kind;
    const groupNode = this.pending?.from;
    this.pending = null;
    let line: Line | null = null;
    if (ev.type === 'send') {
      this.openStep(ev.from, ev.t);
      this.pending = { index: this.index, t: ev.t, from: ev.from, kind: ev.kind, sends: [ev], step: this.step, before: this.views.get(ev.from) };
      this.track(ev);
    } else {
      line = this.eventLine(ev);
    }
    if (group && line && ev.type === 'state' && ev.node === groupNode && line.importance >= 1 && group.kind !== undefined && EXPLAINED_BY_STATE.has(group.kind)) {
      // The state change explains the broadcast that caused it: explanation first, the sends become routine.
      group.importance = 0;
      out.push(line, group);
    } else {
      if (group) out.push(group);
      if (line) out.push(line);
    }
    return out;
  }

  /** Releases a pending broadcast line (call at the end of a batch or of the run). */
  flush(): Narration[] {
    return this.flushRaw().map((l) => this.render(l));
  }

  /** As `flush`, without putting the line into words (see `feedRaw`). */
  flushRaw(): Line[] {
    if (!this.pending) return [];
    const g = this.groupLine(this.pending);
    this.pending = null;
    return [g];
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Puts a line into words, in both languages. */
  render(l: Line): Narration {
    const text = both(l.say);
    const n: Narration = { t: l.t, index: l.index, count: l.count, text, node: l.node, nodes: l.nodes, category: l.category, importance: l.importance };
    if (l.note) n.note = { key: l.note.key, text: both(l.note.say) };
    return n;
  }

  private track(ev: SendEvent): void {
    this.inFlight.set(ev.msg, { from: ev.from, to: ev.to, kind: ev.kind, fields: ev.fields });
    if (ev.kind === 'Notification') this.notifications += 1;
  }

  /** A send, state, write or commit of `node` at `t` outside the current step starts a step with no message (timer, boot). */
  private openStep(node: NodeId, t: number): void {
    if (this.step && this.step.node === node && this.step.t === t) return;
    this.step = { node, t, msg: null, fault: null };
  }

  /** The first occurrence of a clarification in this run, else nothing. */
  private note(key: NoteKey): { key: string; say: Say } | undefined {
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    return { key, say: (d) => d.notes[key] };
  }

  private line(ev: { t: number }, category: NarrationCategory, importance: Importance, node: NodeId | null, nodes: NodeId[], say: Say): Line {
    return { index: this.index, count: 1, t: ev.t, say, node, nodes, category, importance };
  }

  private targets(from: NodeId, to: NodeId[]): Say {
    const others = [...this.voters, ...this.observers].filter((x) => x !== from);
    const sorted = [...to].sort((a, b) => a - b);
    const isAll = others.length > 1 && sorted.length === others.length && sorted.every((x, i) => x === [...others].sort((a, b) => a - b)[i]);
    return (d) => (isAll ? d.everyone : d.nodes(sorted));
  }

  // ---- events -------------------------------------------------------------------------------------------

  private eventLine(ev: Exclude<TraceEvent, SendEvent>): Line | null {
    switch (ev.type) {
      case 'init': {
        this.algorithm = ev.algorithm;
        this.voters = [...ev.nodes];
        this.observers = [...ev.observers];
        this.options = { ...ev.options };
        const alg = ev.algorithm;
        const { min, max } = ev.network.latency;
        const pct = Math.round(ev.network.dropRate * 1000) / 10;
        return this.line(ev, 'state', 1, null, [], (d) => d.init(alg, ev.nodes.length, ev.observers.length, min, max, pct));
      }
      case 'deliver': {
        const m = this.inFlight.get(ev.msg) ?? { from: ev.from, to: ev.to, kind: ev.kind, fields: {} };
        this.inFlight.delete(ev.msg);
        this.step = { node: ev.to, t: ev.t, msg: m, fault: null };
        if (ev.kind === 'AppendEntries') this.leaderContact.set(ev.to, ev.t);
        this.countVote(m);
        // Deliveries are routine: what matters is the receiver's reaction, narrated by its reply or state line.
        if ((m.kind === 'RequestVoteReply' || m.kind === 'PreVoteReply') && typeof m.fields.voteGranted === 'boolean') {
          const g = m.fields.voteGranted;
          return this.line(ev, 'delivery', 0, ev.to, [ev.to, ev.from], (d) => d.deliveredVote(ev.to, ev.from, g));
        }
        return this.line(ev, 'delivery', 0, ev.to, [ev.to, ev.from], (d) => d.delivered(ev.to, ev.from, kindLabel(d, ev.kind)));
      }
      case 'drop': {
        const m = this.inFlight.get(ev.msg) ?? { from: ev.from, to: ev.to, kind: ev.kind, fields: {} };
        this.inFlight.delete(ev.msg);
        const imp: Importance = this.isRoutine(m) ? 0 : (m.imp ?? 1);
        const { from, to, kind } = ev;
        const say: Say = (d) => {
          const k = kindLabel(d, kind);
          switch (ev.reason) {
            case 'loss':
              return d.dropLoss(from, to, k);
            case 'partition':
              return d.dropPartition(from, to, k);
            case 'cut':
              return d.dropCut(from, to, k);
            default:
              return d.dropCrashed(from, to, k);
          }
        };
        return this.line(ev, 'drop', imp, from, [from, to], say);
      }
      case 'state':
        return this.stateLine(ev);
      case 'fault':
        return this.faultLine(ev);
      case 'write': {
        this.openStep(ev.node, ev.t);
        const v = valueText(ev.value);
        const n = ev.node;
        const leader = ev.leader ?? null;
        const alg = this.algorithm;
        const say: Say = (d) => {
          const vv = d.value(v);
          if (ev.accepted) {
            if (ev.reason === 'forwarded') return d.writeForwarded(n, vv, leader);
            if (alg === 'raft') return d.writeAcceptedRaft(n, vv);
            if (alg === 'zab') return d.writeAcceptedZab(n, vv);
            return d.writeAcceptedBully(n, vv);
          }
          if (ev.reason === 'crashed') return d.writeDown(n, vv);
          if (ev.reason === 'not leader') return d.writeRefusedNotLeader(n, vv, leader);
          if (ev.reason === 'no leader') return d.writeRefusedNoLeader(n, vv);
          return d.writeRefused(n, vv);
        };
        return this.line(ev, 'client', 1, n, leader === null ? [n] : [n, leader], say);
      }
      case 'commit': {
        this.openStep(ev.node, ev.t);
        const { node, index } = ev;
        if (ev.value === null) return this.line(ev, 'client', 0, node, [node], (d) => d.commitNoop(node, index));
        const v = valueText(ev.value);
        return this.line(ev, 'client', 1, node, [node], (d) => d.commit(node, index, d.value(v)));
      }
      case 'violation': {
        const { invariant, detail } = ev;
        return this.line(ev, 'alert', 2, null, numbersIn(detail), (d) => d.violation(invariant, detail));
      }
      case 'anomaly': {
        const ids = numbersIn(ev.detail);
        if (ev.kind === 'split-brain') {
          const l = this.line(ev, 'alert', 2, null, ids, (d) => d.splitBrain(ids));
          l.note = this.note('bullySplitBrain');
          return l;
        }
        if (ev.kind === 'zab-follower-ahead' && ids.length >= 2) return this.line(ev, 'alert', 2, ids[1], ids, (d) => d.zabFollowerAhead(ids[0], ids[1]));
        const { kind, detail } = ev;
        return this.line(ev, 'alert', 2, null, ids, (d) => d.anomaly(kind, detail));
      }
      case 'leader': {
        this.notifications = 0; // the next election's notifications are counted from here
        const l = ev.leader;
        if (l === null) return this.line(ev, 'leader', 2, null, [], (d) => d.noClusterLeader);
        const reach = this.algorithm === 'bully';
        return this.line(ev, 'leader', 2, l, [l], (d) => (reach ? d.clusterLeaderReach(l) : d.clusterLeaderQuorum(l)));
      }
      case 'end': {
        const s = ev.stats;
        return this.line(ev, 'state', 1, null, [], (d) => d.end(ev.t, s.sent, s.leaderChanges, s.unavailableMs, s.leader));
      }
      case 'stall': {
        // Stream transport (ZAB over TCP): held, not lost; it ends later with a deliver or a drop.
        const { from, to, kind, reason } = ev;
        return this.line(ev, 'drop', 0, from, [from, to], (d) => (reason === 'order' ? d.stallOrder(from, to, kindLabel(d, kind)) : d.stallLink(from, to, kindLabel(d, kind))));
      }
    }
  }

  private isRoutine(m: Sent): boolean {
    if (ROUTINE_KINDS.has(m.kind)) return true;
    if (m.kind === 'AppendEntries') return Array.isArray(m.fields.entries) && m.fields.entries.length === 0;
    return false;
  }

  /** Raft: a granted RequestVoteReply delivered to its candidate counts for the leader line. */
  private countVote(m: Sent): void {
    if (m.kind !== 'RequestVoteReply' || m.fields.voteGranted !== true) return;
    const cand = this.views.get(m.to);
    if (!cand || num(cand.term) !== num(m.fields.term)) return;
    this.grants.get(m.to)?.add(m.from);
  }

  private faultLine(ev: Extract<TraceEvent, { type: 'fault' }>): Line {
    const what = String(ev.do);
    const node = typeof ev.node === 'number' ? ev.node : null;
    this.step = node === null ? null : { node, t: ev.t, msg: null, fault: what };
    const alg = this.algorithm;
    const line = (cat: NarrationCategory, imp: Importance, nodes: NodeId[], say: Say) => this.line(ev, cat, imp, nodes[0] ?? null, nodes, say);
    switch (what) {
      case 'crash':
      case 'crashLeader': {
        if (node === null) return line('fault', 2, [], (d) => d.faultCrashLeaderNone);
        const keeps: Say = (d) => (alg === 'raft' ? d.keepsRaft : alg === 'zab' ? d.keepsZab : d.keepsBully);
        // Over TCP (the stream transport) the peers learn of a kill from the reset at once, of a power-off only by timeout.
        const how: Say = (d) => (!alg || !crashDiffersFromPowerOff(alg) ? '' : ev.how === 'powerOff' ? d.howPowerOff : d.howKill);
        if (what === 'crashLeader') return line('fault', 2, [node], (d) => d.faultCrashLeader(node, keeps(d)) + how(d));
        return line('fault', 2, [node], (d) => d.faultCrash(node, keeps(d)) + how(d));
      }
      case 'revive':
        return line('fault', 2, node === null ? [] : [node], (d) => d.faultRevive(node ?? 0));
      case 'partition': {
        const groups = Array.isArray(ev.groups) ? (ev.groups as unknown[]).map((g) => (Array.isArray(g) ? g.map((x) => num(x)) : [])) : [];
        return this.line(ev, 'fault', 2, null, groups.flat(), (d) => d.faultPartition(groups.map((g) => d.group(g))));
      }
      case 'heal':
        return this.line(ev, 'fault', 2, null, [], (d) => d.faultHeal);
      case 'cut':
      case 'restore': {
        const from = num(ev.from);
        const to = num(ev.to);
        const oneWay = ev.oneWay === true;
        return this.line(ev, 'fault', 2, null, [from, to], (d) => (what === 'cut' ? d.faultCut(from, to, oneWay) : d.faultRestore(from, to)));
      }
      case 'setDropRate': {
        const pct = Math.round(num(ev.rate) * 1000) / 10;
        return this.line(ev, 'fault', 2, null, [], (d) => d.faultDropRate(pct));
      }
      case 'setLatency': {
        const min = num(ev.min);
        const max = num(ev.max);
        return this.line(ev, 'fault', 2, null, [], (d) => d.faultLatency(min, max));
      }
      case 'write': {
        const v = valueText(ev.value);
        return line('client', 1, node === null ? [] : [node], (d) => d.faultWrite(node ?? 0, d.value(v)));
      }
      default:
        return this.line(ev, 'fault', 2, null, [], (d) => d.faultOther(what));
    }
  }

  // ---- sends --------------------------------------------------------------------------------------------

  private groupLine(g: Group): Line {
    const first = g.sends[0];
    const from = g.from;
    const tos = g.sends.map((s) => s.to);
    const to = this.targets(from, tos);
    const f = first.fields;
    const msg = g.step?.msg ?? null;
    let say: Say = (d) => d.send(from, to(d), kindLabel(d, g.kind));
    let imp: Importance = ROUTINE_KINDS.has(g.kind) ? 0 : 1;
    const single = tos.length === 1 ? tos[0] : null;
    switch (g.kind) {
      // Raft (§1.2)
      case 'RequestVote': {
        const term = num(f.term);
        say = (d) => d.rvSend(from, to(d), term, num(f.lastLogIndex), num(f.lastLogTerm));
        break;
      }
      case 'PreVote': {
        const term = num(f.term);
        say = (d) => d.pvSend(from, to(d), term);
        break;
      }
      case 'RequestVoteReply':
      case 'PreVoteReply':
        if (single !== null) say = this.voteReply(g, single, msg);
        break;
      case 'AppendEntries': {
        const term = num(f.term);
        const entries = g.sends.map((s) => (Array.isArray(s.fields.entries) ? s.fields.entries.length : 0));
        const most = Math.max(...entries);
        if (most === 0) {
          imp = 0;
          say = (d) => d.heartbeat(from, to(d), term);
        } else {
          // A resend of entries a target was already sent (it lags or is down) is routine (R7 resends every heartbeat).
          let fresh = false;
          for (const s of g.sends) {
            const es = Array.isArray(s.fields.entries) ? s.fields.entries.length : 0;
            const last = num(s.fields.prevLogIndex) + es;
            const key = `${from}>${s.to}@${term}`;
            if (es > 0 && last > (this.aeSent.get(key) ?? 0)) fresh = true;
            this.aeSent.set(key, Math.max(last, this.aeSent.get(key) ?? 0));
          }
          if (!fresh) imp = 0;
          const withMost = g.sends[entries.indexOf(most)].fields;
          const firstIdx = num(withMost.prevLogIndex) + 1;
          say = (d) => d.appendEntries(from, to(d), term, most, firstIdx, num(withMost.leaderCommit));
        }
        break;
      }
      case 'AppendEntriesReply': {
        if (single === null) break;
        if (f.success === true) {
          say = (d) => d.aeOk(from, single, num(f.matchIndex));
        } else {
          imp = 1;
          const reqTerm = msg && msg.kind === 'AppendEntries' ? num(msg.fields.term) : null;
          const prev = msg && msg.kind === 'AppendEntries' ? num(msg.fields.prevLogIndex) : 0;
          const term = num(f.term);
          say = reqTerm !== null && term > reqTerm ? (d) => d.aeStale(from, single, term) : (d) => d.aeMismatch(from, single, prev);
        }
        break;
      }
      // Bully (§3.3)
      case 'Election': {
        const round = num(f.round);
        say = (d) => d.bullyElection(from, to(d), round);
        break;
      }
      case 'Alive':
        if (single !== null) say = (d) => d.bullyAlive(from, single);
        break;
      case 'Victory':
        if (single !== null && msg && (msg.kind === 'Election' || msg.kind === 'Heartbeat') && g.before?.role === 'leader') say = (d) => d.bullyVictoryReassert(from, single);
        else say = (d) => d.bullyVictory(from, to(d));
        break;
      case 'Heartbeat':
        say = (d) => d.bullyHeartbeat(from, to(d));
        break;
      // ZAB (§2.2)
      case 'Notification': {
        const state = String(f.state);
        const round = num(f.electionEpoch);
        const v = voteOf(f);
        if (state === 'LOOKING') {
          if (v.leader <= 0) say = (d) => d.zabNotifyObserver(from, to(d), round);
          else say = (d) => d.zabNotifyLooking(from, to(d), d.vote(v), round);
        } else {
          const role = state.toLowerCase();
          say = (d) => d.zabNotifySettled(from, to(d), roleLabel(d, 'zab', role), v.leader);
        }
        break;
      }
      case 'FollowerInfo':
        if (single !== null) say = (d) => d.zabFollowerInfo(from, single, num(f.acceptedEpoch));
        break;
      case 'ObserverInfo':
        if (single !== null) say = (d) => d.zabObserverInfo(from, single);
        break;
      case 'LeaderInfo':
        say = (d) => d.zabLeaderInfo(from, to(d), num(f.epoch));
        break;
      case 'AckEpoch':
        if (single !== null) {
          const ce = num(f.currentEpoch);
          const lz = zxidOf(f.lastZxid);
          say = ce < 0 ? (d) => d.zabAckEpochOld(from, single) : (d) => d.zabAckEpoch(from, single, ce, d.zxid(lz));
        }
        break;
      case 'Sync': {
        const mode = String(f.mode).toUpperCase();
        const count = Array.isArray(f.entries) ? f.entries.length : 0;
        say = (d) => d.zabSync(from, to(d), mode === 'TRUNC' ? d.syncTrunc : mode === 'SNAP' ? d.syncSnap : d.syncDiff, count);
        break;
      }
      case 'NewLeader':
        say = (d) => d.zabNewLeader(from, to(d));
        break;
      case 'AckNewLeader':
        if (single !== null) say = (d) => d.zabAckNewLeader(from, single);
        break;
      case 'UpToDate':
        say = (d) => d.zabUpToDate(from, to(d));
        break;
      case 'Request': {
        const v = valueText(f.value);
        if (single !== null) say = (d) => d.zabRequest(from, single, d.value(v));
        break;
      }
      case 'Proposal': {
        const z = zxidOf(f.zxid);
        const v = valueText(f.value);
        say = (d) => d.zabProposal(from, to(d), d.zxid(z), d.value(v));
        break;
      }
      case 'Ack': {
        const z = zxidOf(f.zxid);
        if (single !== null) say = (d) => d.zabAck(from, single, d.zxid(z));
        break;
      }
      case 'Commit': {
        const z = zxidOf(f.zxid);
        say = (d) => d.zabCommit(from, to(d), d.zxid(z));
        break;
      }
      case 'Inform': {
        const z = zxidOf(f.zxid);
        const v = valueText(f.value);
        say = (d) => d.zabInform(from, to(d), d.zxid(z), d.value(v));
        break;
      }
      case 'Ping':
        say = (d) => d.zabPing(from, to(d));
        break;
      // The stream transport's own (ZAB over TCP, §0.2): a close, and a killed process's resets.
      case 'Close':
        imp = 1;
        say = (d) => d.zabClose(from, to(d));
        break;
      case 'Reset':
        imp = 1;
        say = (d) => d.zabReset(from, to(d));
        break;
    }
    for (const s of g.sends) {
      const m = this.inFlight.get(s.msg);
      if (m) m.imp = imp;
    }
    const line: Line = { index: g.index, count: g.sends.length, t: g.t, say, node: from, nodes: [from, ...tos], category: 'message', importance: imp };
    if (g.kind === 'RequestVoteReply') line.note = this.note('raftVoteRules');
    if (g.kind === 'Close' || g.kind === 'Reset') line.note = this.note('zabOverTcp');
    return line;
  }

  /**
   * A Raft vote or pre-vote reply, with the refusal's reasons derived from the request and the voter's view
   * before this step (R3, PV2). Only reasons the fields show are given; none shown, none invented.
   */
  private voteReply(g: Group, cand: NodeId, req: Sent | null): Say {
    const voter = g.from;
    const reply = g.sends[0].fields;
    const pre = g.kind === 'PreVoteReply';
    const granted = reply.voteGranted === true;
    const reqF = req && req.kind === (pre ? 'PreVote' : 'RequestVote') ? req.fields : null;
    const term = reqF ? num(reqF.term) : num(reply.term);
    if (granted) {
      const l: Say = pre ? (d) => d.preVoteGranted(voter, cand, term) : (d) => d.voteGranted(voter, cand, term);
      return l;
    }
    const before = g.before;
    const reasons: Say[] = [];
    if (reqF && before) {
      const myTerm = num(before.term);
      const cli = num(reqF.lastLogIndex);
      const clt = num(reqF.lastLogTerm);
      const li = num(before.lastLogIndex);
      const lt = num(before.lastLogTerm);
      const logOk = clt > lt || (clt === lt && cli >= li); // §5.4.1 isUpToDate
      if (pre) {
        if (term <= myTerm) reasons.push((d) => d.whyTermNotAhead(myTerm));
        if (!logOk) reasons.push((d) => d.whyLog(li, lt, cli, clt));
        if (before.role === 'leader') reasons.push((d) => d.whyIsLeader);
        else {
          const tmin = num(this.options.electionTimeoutMsMin, 150);
          const contact = this.leaderContact.get(voter);
          const leader = before.leader;
          if (typeof leader === 'number' && contact !== undefined && g.t - contact < tmin) reasons.push((d) => d.whyLeader(leader));
        }
      } else {
        if (term < myTerm) reasons.push((d) => d.whyTermOld(myTerm, term));
        const voted = before.votedFor;
        if (term === myTerm && typeof voted === 'number' && voted !== cand)
          reasons.push(voted === voter ? (d) => d.whyVotedSelf(myTerm) : (d) => d.whyVoted(voted, myTerm));
        if (!logOk) reasons.push((d) => d.whyLog(li, lt, cli, clt));
      }
    }
    if (reasons.length === 0) return pre ? (d) => d.preVoteRefusedPlain(voter, cand, term) : (d) => d.voteRefusedPlain(voter, cand, term);
    const why: Say = (d) => d.join(reasons.map((r) => r(d)));
    return pre ? (d) => d.preVoteRefused(voter, cand, term, why(d)) : (d) => d.voteRefused(voter, cand, term, why(d));
  }

  // ---- state changes ------------------------------------------------------------------------------------

  private stateLine(ev: StateEvent): Line {
    this.openStep(ev.node, ev.t);
    const prev = this.views.get(ev.node);
    this.views.set(ev.node, ev);
    const step = this.step && this.step.node === ev.node && this.step.t === ev.t ? this.step : null;
    const n = ev.node;
    const alg = this.algorithm;
    if (prev && prev.alive && !ev.alive) {
      const say: Say = alg === 'raft' ? (d) => d.raftDown(n, num(ev.term)) : alg === 'zab' ? (d) => d.zabDown(n) : (d) => d.down(n);
      return this.line(ev, 'state', 1, n, [n], say);
    }
    const l = alg === 'raft' ? this.raftState(ev, prev, step) : alg === 'bully' ? this.bullyState(ev, prev, step) : alg === 'zab' ? this.zabState(ev, prev, step) : null;
    if (l) return l;
    const role = ev.role;
    const a = alg;
    if (prev && !prev.alive && ev.alive) return this.line(ev, 'state', 1, n, [n], (d) => d.restarts(n, roleLabel(d, a, role)));
    if (!prev || prev.role !== ev.role) return this.line(ev, 'state', 1, n, [n], (d) => d.stateChange(n, roleLabel(d, a, role)));
    return this.line(ev, 'state', 0, n, [n], (d) => d.stateDetails(n));
  }

  /** What "seen on" names: the message being handled, when there is one. */
  private cause(step: Step | null): Say {
    const m = step?.msg;
    return (d) => (m ? d.aMessage(kindLabel(d, m.kind), m.from) : d.aMessageUnknown);
  }

  private raftState(c: StateEvent, p: StateEvent | undefined, step: Step | null): Line | null {
    const n = c.node;
    const term = num(c.term);
    const S = (imp: Importance, say: Say, nodes: NodeId[] = [n]) => this.line(c, 'state', imp, n, nodes, say);
    if (!p) return S(0, (d) => d.raftStart(n, term));
    const pTerm = num(p.term);
    const revived = !p.alive && c.alive;
    if (c.role === 'candidate' && (p.role !== 'candidate' || term > pTerm)) {
      this.grants.set(n, new Set([n]));
      let l: Line;
      if (p.role === 'precandidate') l = S(1, (d) => d.raftPreVoteWon(n, term));
      else if (p.role === 'candidate') l = S(1, (d) => d.raftCandidateAgain(n, pTerm, term));
      else l = S(1, (d) => d.raftCandidate(n, term));
      l.note = this.note('raftRandomTimeouts');
      return l;
    }
    if (c.role === 'precandidate' && p.role !== 'precandidate') return S(1, (d) => d.raftPreCandidate(n, term + 1, term));
    if (c.role === 'leader' && p.role !== 'leader') {
      const votes = this.grants.get(n)?.size ?? 0;
      const voters = this.voters.length;
      const l = S(2, votes > voters / 2 ? (d) => d.raftLeader(n, term, votes, voters) : (d) => d.raftLeader(n, term, Math.floor(voters / 2) + 1, voters));
      l.note = this.note('raftTermDoesNotExpire');
      return l;
    }
    if (revived) return S(1, (d) => d.raftRestart(n, term));
    const from = this.cause(step);
    const nodesWithSender = step?.msg ? [n, step.msg.from] : [n];
    if (p.role === 'leader' && c.role !== 'leader') {
      if (term > pTerm) return S(2, (d) => d.raftStepDownTerm(n, term, from(d)), nodesWithSender);
      return S(2, (d) => d.raftStepDownQuorum(n, term));
    }
    if ((p.role === 'candidate' || p.role === 'precandidate') && c.role === 'follower') {
      const prole = p.role;
      if (term > pTerm) return S(1, (d) => d.raftFollowerHigherTerm(n, roleLabel(d, 'raft', prole), term, from(d)), nodesWithSender);
      const leader = c.leader;
      if (typeof leader === 'number') return S(1, (d) => d.raftFollowerLeader(n, roleLabel(d, 'raft', prole), leader, term), [n, leader]);
      if (prole === 'precandidate') return S(1, (d) => d.raftPreVoteLost(n, term));
    }
    if (term > pTerm && typeof c.leader === 'number') {
      const leader = c.leader;
      return S(1, (d) => d.raftLearnsLeader(n, leader, term), [n, leader]);
    }
    if (term > pTerm) {
      // A follower that adopts a higher term; when the cause is a RequestVote, the reply line says the rest.
      const imp: Importance = step?.msg?.kind === 'RequestVote' ? 0 : 1;
      const voted = c.votedFor;
      if (typeof voted === 'number') return S(imp, (d) => d.raftNewTermVoted(n, term, from(d), voted), [...nodesWithSender, voted]);
      return S(imp, (d) => d.raftNewTerm(n, term, from(d)), nodesWithSender);
    }
    const leader = c.leader;
    if (leader !== p.leader) {
      if (typeof leader === 'number') return S(1, (d) => d.raftLearnsLeader(n, leader, term), [n, leader]);
      return S(1, (d) => d.raftLosesLeader(n));
    }
    const voted = c.votedFor;
    if (voted !== p.votedFor && typeof voted === 'number') return S(0, (d) => d.raftRecordsVote(n, voted, term), [n, voted]);
    if (c.role === p.role) return S(0, (d) => d.raftLog(n, num(c.lastLogIndex), num(c.lastLogTerm), num(c.commitIndex)));
    return null;
  }

  private bullyState(c: StateEvent, p: StateEvent | undefined, step: Step | null): Line | null {
    const n = c.node;
    const round = num(c.round);
    const S = (imp: Importance, say: Say, nodes: NodeId[] = [n]) => this.line(c, 'state', imp, n, nodes, say);
    const m = step?.msg ?? null;
    const fresh = !p || (!p.alive && c.alive);
    if (c.role === 'leader' && (!p || p.role !== 'leader' || fresh)) {
      if (p && p.role === 'electing' && !m && !fresh) {
        const l = S(2, (d) => d.bullyNoAlive(n));
        l.note = this.note('bullyHighestDirect');
        return l;
      }
      const l = S(2, (d) => d.bullyHighest(n));
      l.note = this.note('bullyHighestDirect');
      return l;
    }
    if (c.role === 'electing' && (!p || p.role !== 'electing' || round !== num(p.round))) {
      if (fresh) return S(1, (d) => d.bullyBoot(n, round));
      if (m && m.kind === 'Alive' && p && p.role === 'leader') {
        const l = S(2, (d) => d.bullyVoidVictory(n, m.from, round), [n, m.from]);
        l.note = this.note('bullyVoidVictory');
        return l;
      }
      if (m && m.kind === 'Election' && m.from < n) return S(1, (d) => d.bullyOnElection(n, m.from, round), [n, m.from]);
      if (m && (m.kind === 'Victory' || m.kind === 'Heartbeat')) return S(1, (d) => d.bullyBullies(n, m.from, kindLabel(d, m.kind)), [n, m.from]);
      if (!m && p && p.role === 'awaitingVictory') return S(1, (d) => d.bullyVictoryTimeout(n, round));
      const oldLeader = p?.leader;
      if (!m && p && p.role === 'follower' && typeof oldLeader === 'number') {
        const l = S(1, (d) => d.bullyLeaderSilent(n, oldLeader, round), [n, oldLeader]);
        l.note = this.note('bullyFailureDetection');
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
        l.note = this.note('bullyFlapping');
        return l;
      }
      const kind = m ? m.kind : 'Victory';
      return S(1, (d) => d.bullyFollows(n, leader, kindLabel(d, kind)), [n, leader]);
    }
    if (!p && c.role === 'follower') return S(0, (d) => d.bullyStartFollower(n));
    return null;
  }

  private zabState(c: StateEvent, p: StateEvent | undefined, step: Step | null): Line | null {
    const n = c.node;
    const round = num(c.electionEpoch);
    const v = voteOf(c.vote);
    const S = (imp: Importance, say: Say, nodes: NodeId[] = [n]) => this.line(c, 'state', imp, n, nodes, say);
    const isObserver = this.observers.includes(n);
    const fresh = !p || (!p.alive && c.alive);
    const wait = num(this.options.finalizeWaitMs, 200);
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
        l.note = this.note('zabVoteOrder');
        return l;
      }
      return null;
    }
    const leader = typeof c.leader === 'number' ? c.leader : null;
    if (p && p.role === 'looking' && leader !== null) {
      // Decided (Z3c.6), or joined an established ensemble (Z3e).
      const sent = this.notifications;
      const nv = this.voters.length;
      const countNote = this.seen.has('zabMessageCount') ? undefined : { key: 'zabMessageCount', say: (d: Dictionary) => d.notes.zabMessageCount(sent, nv * (nv - 1)) };
      if (countNote) this.seen.add('zabMessageCount');
      let l: Line;
      const byJoin = step?.msg?.kind === 'Notification' && step.msg.fields.state !== 'LOOKING';
      if (byJoin) {
        const obs = c.role === 'observing';
        l = S(1, (d) => d.zabJoin(n, leader, obs), [n, leader]);
      } else if (c.role === 'leading') {
        l = S(1, (d) => d.zabDecideLead(n, wait));
        l.note = this.note('zabProspective');
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
}

// ---- helpers shared with the UI ---------------------------------------------------------------------------

/** Chinese typography: a space between a digit and a following Chinese character ("节点 3 收到"). */
function tidyZh(s: string): string {
  return s.replace(/(\d)(?=[\u4e00-\u9fff])/g, '$1 ').replace(/([\u4e00-\u9fff])(?=\d)/g, '$1 ');
}

function both(say: Say): Texts {
  return { en: say(en), zh: tidyZh(say(zh)) };
}

function kindLabel(d: Dictionary, kind: string): string {
  return d.kinds[kind] ?? d.unknownKind(kind);
}

function roleLabel(d: Dictionary, alg: AlgorithmName | null, role: string): string {
  return (alg ? d.roles[alg]?.[role] : undefined) ?? d.unknownRole(role);
}

function numbersIn(text: string): NodeId[] {
  return (text.match(/\d+/g) ?? []).map(Number);
}

/** The word for a role of an algorithm (the trace's `role`), in a language. */
export function roleName(algorithm: AlgorithmName, role: string, lang: Lang): string {
  return roleLabel(DICTIONARIES[lang], algorithm, role);
}

/** The label of a message kind, in a language (protocol names are kept in both). */
export function kindName(kind: string, lang: Lang): string {
  return kindLabel(DICTIONARIES[lang], kind);
}

/** What a message kind is for, one short phrase, in a language; null for an unknown kind. */
export function kindPurpose(kind: string, lang: Lang): string | null {
  return DICTIONARIES[lang].kindPurpose[kind] ?? null;
}

/** Narrates a whole trace (tests, tools, a replay loaded at once). */
export function narrateTrace(events: readonly TraceEvent[]): Narration[] {
  const n = new Narrator();
  const out: Narration[] = [];
  for (const ev of events) out.push(...n.feed(ev));
  out.push(...n.flush());
  return out;
}
