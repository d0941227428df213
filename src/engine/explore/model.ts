/**
 * The explorer's transition system: the registered algorithm's own handlers and checker, driven the way the
 * kernel (core/kernel.ts) drives them, except that every choice the kernel makes by time and seed is a branch.
 *
 * The time model (README "Explore"): nodes' clocks are exact and the network is asynchronous.
 * - A timer fires exactly when it is due (`now + afterMs` when set); firing one moves the clock to its due
 *   time. Only timers due at the earliest due time can fire next, in any order among themselves.
 * - A message may arrive any time after it is sent: any message in flight may be delivered next (or dropped,
 *   within the loss budget), at the current time. Deliveries take no time, so independent deliveries in
 *   either order lead to the same state, and the visited set merges them.
 * - Faults (crash, revive, partition into two groups, heal) and client writes happen at the current time,
 *   when no timer is due then, and move the clock on by 1 ms (a scenario's actions run after everything else
 *   of their instant, so nothing else may share it).
 * - A random draw (`env.random`, `env.randomBetween`, i.e. Raft's election timeout) takes each of a few
 *   values spread over its range (`draws`), each a branch.
 * Handlers see the clock of the step (`env.now`). Deliveries happen at the earliest time the schedule allows:
 * a message is never delivered "later" between two timers; that only matters to handlers that store the
 * time (Raft's leader contact under PreVote/CheckQuorum, ZAB's learner read timeouts).
 * So every explored behaviour is a run of the ordinary kernel with some latencies, losses, draws and an order
 * among events of one instant, and `schedule.ts` writes it as a scenario that pins them (scenario `pinned`).
 *
 * States share what a step did not change: a step copies the node array and the message list, and deep-copies
 * only the node that ran (core/clone.ts shares frozen data) and the checker's memory.
 */
import { CLOSE_KIND, RESET_KIND, type AnyAlgorithm, type Ctx, type Envelope, type Fields, type NodeRecord, type StepCause, type StepInfo } from '../core/algorithm';
import { clonePlain } from '../core/clone';
import { quorumLeader, reachableLeaders, splitBrainDetail } from '../core/leader';
import { applyNetworkAction, initialNetwork, isReachable, type NetworkState } from '../core/network';
import type { Action, CrashHow, NodeId, NodeView } from '../core/types';
import { sameNodeView } from '../core/view-equality';
import { begin, InternTable, laneA, laneB, mix, mixNumber, mixString, mixValue } from './hash';

/** Step kinds (the low 4 bits of a step code). */
export const S_BOOT = 0;
export const S_DELIVER = 1;
export const S_DROP = 2;
export const S_TIMER = 3;
export const S_CRASH = 4;
export const S_REVIVE = 5;
export const S_PARTITION = 6;
export const S_HEAL = 7;
export const S_WRITE = 8;
/** Stream transport only: a crash that sends no Reset (CrashHow 'powerOff'); S_CRASH is a kill. */
export const S_POWEROFF = 9;

/**
 * A step code: kind | index << 4 | variant << 14. `index` is the message's place in the state's list (deliver,
 * drop), the node id (crash, revive, write) or the split (partition); `variant` numbers the draw choices of
 * the handler run, in the order `expand` tries them.
 */
/** Whether two plain objects hold the same values by identity, key by key (frozen parts are shared, not copied). */
function sameParts(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] !== y[k] || !(k in y)) return false;
    n++;
  }
  // Same size: every key of x is in y with the same value, so y has no other key.
  return Object.keys(y).length === n;
}

export function stepCode(kind: number, index: number, variant: number): number {
  return kind | (index << 4) | (variant << 14);
}
export const codeKind = (c: number) => c & 15;
export const codeIndex = (c: number) => (c >>> 4) & 1023;
export const codeVariant = (c: number) => c >>> 14;

export interface XTimer {
  readonly name: string;
  readonly due: number;
  /** The run's timer-start number (0-based, kernel order): the replay pins its place among events of its instant. */
  readonly no: number;
}

/** A node; the fields NodeRecord has, so checkers and the leader rules read it as the kernel's. */
export interface XNode {
  id: NodeId;
  alive: boolean;
  state: unknown;
  /** Sorted by name. */
  timers: readonly XTimer[];
  lastView: NodeView;
  /** Fingerprint of alive + state (clock fields left out). */
  ha: number;
  hb: number;
}

export interface XMsg {
  env: Envelope;
  ha: number;
  hb: number;
  sentAt: number;
  /** The run's send number (0-based, in kernel order): the replay pins this send's latency. */
  no: number;
}

export interface Violation {
  invariant: string;
  detail: string;
}

export interface XState {
  /** Index in the explorer's tables (parent, step code), set when the state is first seen. */
  id: number;
  depth: number;
  now: number;
  /** Timers started and messages sent so far (the replay numbers them so). */
  starts: number;
  sends: number;
  nodes: XNode[];
  msgs: XMsg[];
  /** Sums of the messages' fingerprints: the in-flight multiset's fingerprint, kept as messages come and go. */
  ma: number;
  mb: number;
  /** The partition in force: an index into `splits`, or −1. */
  split: number;
  crashes: number;
  revives: number;
  partitions: number;
  drops: number;
  writes: number;
  /** Timers fired. */
  fired: number;
  checker: unknown;
  ca: number;
  cb: number;
  leader: NodeId | null;
  /** The last non-null cluster leader (the preemption property). */
  lastLeader: NodeId | null;
  violation: Violation | null;
  /** The state's fingerprint. */
  fa: number;
  fb: number;
}

export interface Budgets {
  crashes: number;
  revives: number;
  partitions: number;
  drops: number;
  writes: number;
  /** Timer firings (elections, heartbeats, retries): the explorer's analogue of a bound on terms. */
  timeouts: number;
}

export interface ModelConfig extends Budgets {
  nodes: number;
  /** The algorithm's full options (defaults merged). */
  options: Record<string, unknown>;
  /** Values each random draw may take (1 … 4). */
  draws: number;
  /** Kernel split brain (Bully's `split-brain` anomaly) counts as a violation. */
  splitBrain: boolean;
  /** A live cluster leader replaced by another counts as a violation ("preemption": Bully's flapping). */
  preemption: boolean;
  /** Anomaly kinds an algorithm reports (`Plan.anomaly`) that count as violations. */
  anomalies: readonly string[];
  /**
   * A message still in flight when a timer fires is lost (datagrams only): the network's delay stays under
   * the timers' periods, as the kernel's 10–30 ms latency does under Raft's 150 ms timeout. A smaller model,
   * every behaviour of which is still a kernel run (the losses are pinned); README "Explore".
   */
  lossAtTimeout?: boolean;
}

/** What a replay needs to know of each step (schedule.ts); filled only while reconstructing a path. */
export interface Recorder {
  send(no: number, at: number, env: Envelope): void;
  arrive(no: number, at: number, lost: boolean): void;
  /** A message forgotten as inert (Algorithm.explore.inert): a replay delivers it then, to no effect. */
  forget(no: number, at: number): void;
  draw(value: number): void;
  action(at: number, action: Action): void;
  /** Timer start `no` fires. */
  timer(no: number, at: number, node: NodeId, name: string): void;
}

export interface Split {
  groups: NodeId[][];
  net: NetworkState;
}

const NO_SENT: Envelope[] = [];
const NO_FIELDS: Fields = Object.freeze({}) as Fields;

/** A handler's effects, in reused arrays (never nested). */
interface PlanBuffer {
  sends: Envelope[];
  timerNames: string[];
  timerAfter: (number | null)[];
  anomalies: Violation[];
}

export class Model {
  readonly voters: NodeId[];
  readonly observers: NodeId[] = [];
  readonly splits: Split[];
  private readonly healed: NetworkState;
  private readonly skip: ReadonlySet<string> | null;
  private readonly clock: ((state: unknown, now: number, options: unknown) => number) | null;
  private readonly inertHint: ((state: unknown, msg: Envelope, options: unknown) => boolean) | null;
  private readonly votes: Int32Array;
  private readonly plan: PlanBuffer = { sends: [], timerNames: [], timerAfter: [], anomalies: [] };
  private readonly ctx: Ctx<Record<string, unknown>>;
  private readonly anomalyKinds: ReadonlySet<string>;
  /** The algorithm runs on the stream transport (Algorithm.transport): FIFO pairs, no loss, partitions hold. */
  readonly stream: boolean;
  /** The draw choices of the handler runs of this step (see `variants`). */
  private drawPlan: number[] = [];
  private drawAlts: number[] = [];
  private drawN = 0;
  recorder: Recorder | null = null;
  /** Shared copies of equal node states (with their views), checker memories and messages (hash.ts). */
  private readonly nodeIntern = new InternTable<{ state: unknown; view: NodeView }>();
  private readonly checkerIntern = new InternTable<unknown>();
  private readonly msgIntern = new InternTable<Envelope>();
  /** Reused for every checker call: checkers read the step and the cluster during `afterStep` only. */
  private readonly stepInfo: StepInfo = { t: 0, node: 0, cause: { type: 'boot' }, before: { role: '', leader: null }, after: { role: '', leader: null }, sent: NO_SENT };
  private readonly cluster: { now: number; voters: readonly NodeId[]; observers: readonly NodeId[]; options: Record<string, unknown>; nodes: NodeRecord<unknown>[] };

  constructor(
    readonly alg: AnyAlgorithm,
    readonly cfg: ModelConfig,
  ) {
    const n = cfg.nodes;
    this.voters = Array.from({ length: n }, (_, i) => i + 1);
    const net = { latency: { min: 1, max: 1 }, dropRate: 0 };
    this.healed = initialNetwork(net, n);
    this.splits = twoGroupSplits(n).map((groups) => {
      const s = initialNetwork(net, n);
      applyNetworkAction(s, { do: 'partition', groups });
      return { groups, net: s };
    });
    const keys = alg.explore?.clockKeys?.(cfg.options) ?? [];
    this.skip = keys.length > 0 ? new Set(keys) : null;
    this.clock = keys.length > 0 && alg.explore?.clock ? (alg.explore.clock as (s: unknown, now: number, o: unknown) => number) : null;
    this.inertHint = (alg.explore?.inert as ((s: unknown, m: Envelope, o: unknown) => boolean) | undefined) ?? null;
    this.votes = new Int32Array(n + 1);
    this.anomalyKinds = new Set(cfg.anomalies);
    this.stream = alg.transport?.(cfg.options)?.kind === 'stream';
    this.ctx = this.makeCtx();
    this.cluster = { now: 0, voters: this.voters, observers: this.observers, options: cfg.options, nodes: [] };
  }

  // ---------------------------------------------------------------------------------------------------
  // Enumeration

  /** The states after booting every node at time 0 (the kernel's start), one per combination of draws. */
  roots(emit: (s: XState, code: number) => void): void {
    this.variants(() => this.boot(), (s, v) => emit(s, stepCode(S_BOOT, 0, v)));
  }

  /** Every successor of `s` (duplicates included; the explorer's visited set removes them). */
  expand(s: XState, emit: (child: XState, code: number) => void): void {
    const due = this.earliestDue(s);
    if (due < Infinity && s.fired < this.cfg.timeouts) {
      const nodes = s.nodes;
      for (let n = 0; n < nodes.length; n++) {
        const ts = nodes[n].timers;
        for (let k = 0; k < ts.length; k++) {
          if (ts[k].due !== due) continue;
          const at = (n << 8) | k;
          this.variants(() => this.fireTimer(s, at), (c, v) => emit(c, stepCode(S_TIMER, at, v)));
        }
      }
    }
    // A timer an action started with no delay is due before now (the action's instant): it comes first.
    if (due < s.now) return;
    const msgs = s.msgs;
    const cfg = this.cfg;
    const stream = this.stream;
    for (let i = 0; i < msgs.length; i++) {
      if (sameAsEarlier(msgs, i)) continue; // delivering an identical copy leads to the same state
      // The stream transport delivers a pair's messages in order, and holds them while the link is down.
      if (stream && (!isHeadOfPair(msgs, i) || isReachable(this.net(s), msgs[i].env.from, msgs[i].env.to) !== true)) continue;
      this.variants(
        () => this.deliver(s, i),
        (c, v) => {
          // Under the stream transport a message left in flight holds back the ones behind it: no pruning.
          if (stream || !this.inert(s, c)) emit(c, stepCode(S_DELIVER, i, v));
        },
      );
    }
    // A stream never loses a message (a loss is a resend, i.e. a delay).
    if (s.drops < cfg.drops && !stream) {
      for (let i = 0; i < msgs.length; i++) if (!sameAsEarlier(msgs, i)) emit(this.drop(s, i), stepCode(S_DROP, i, 0));
    }
    // Actions run after everything else of their instant: none while a timer is due now.
    if (due <= s.now) return;
    for (const rec of s.nodes) {
      if (rec.alive && s.crashes < cfg.crashes) {
        emit(this.crash(s, rec.id, 'kill'), stepCode(S_CRASH, rec.id, 0));
        if (stream) emit(this.crash(s, rec.id, 'powerOff'), stepCode(S_POWEROFF, rec.id, 0));
      }
      if (!rec.alive && s.revives < cfg.revives) this.variants(() => this.revive(s, rec.id), (c, v) => emit(c, stepCode(S_REVIVE, rec.id, v)));
    }
    if (s.split < 0 && s.partitions < cfg.partitions) {
      for (let k = 0; k < this.splits.length; k++) emit(this.network(s, k), stepCode(S_PARTITION, k, 0));
    }
    if (s.split >= 0) emit(this.network(s, -1), stepCode(S_HEAL, 0, 0));
    if (s.writes < cfg.writes) {
      for (const rec of s.nodes) if (rec.alive) this.variants(() => this.write(s, rec.id), (c, v) => emit(c, stepCode(S_WRITE, rec.id, v)));
    }
  }

  /**
   * Whether a delivery changed nothing but the message list: the receiver's state, timers and view, the
   * checker's memory and the cluster leader are as they were, and nothing was sent. Such a successor needs
   * no exploring: everything that can happen from it can happen from `s` too, with the message left in
   * flight for good (no check reads the messages in flight), and in no more steps. Deliveries to a crashed or
   * cut-off node (the kernel drops them) are inert too. Interned states and memories (hash.ts) make most of
   * these comparisons identity tests.
   */
  private inert(p: XState, c: XState): boolean {
    if (c.violation !== null || c.sends !== p.sends || c.ca !== p.ca || c.cb !== p.cb || c.leader !== p.leader || c.lastLeader !== p.lastLeader) return false;
    for (let i = 0; i < c.nodes.length; i++) {
      const a = p.nodes[i];
      const b = c.nodes[i];
      if (a === b) continue;
      if (a.state !== b.state || a.lastView !== b.lastView || a.alive !== b.alive || !sameTimers(a.timers, b.timers)) return false;
    }
    return true;
  }

  /** The successor of `s` by one step code (a path's replay: `null` when the code does not apply). */
  apply(s: XState | null, code: number): XState {
    const kind = codeKind(code);
    const i = codeIndex(code);
    const want = codeVariant(code);
    let out: XState | null = null;
    const run = (): XState => {
      switch (kind) {
        case S_BOOT:
          return this.boot();
        case S_TIMER:
          return this.fireTimer(s!, i);
        case S_DELIVER:
          return this.deliver(s!, i);
        case S_DROP:
          return this.drop(s!, i);
        case S_CRASH:
          return this.crash(s!, i, 'kill');
        case S_POWEROFF:
          return this.crash(s!, i, 'powerOff');
        case S_REVIVE:
          return this.revive(s!, i);
        case S_PARTITION:
          return this.network(s!, i);
        case S_HEAL:
          return this.network(s!, -1);
        case S_WRITE:
          return this.write(s!, i);
      }
      throw new Error(`unknown step kind ${kind}`);
    };
    // Variants are tried in order; only the wanted one may record (the others are not part of the path).
    const rec = this.recorder;
    this.variants(
      () => {
        this.recorder = this.variantNo === want ? rec : null;
        return run();
      },
      (c, v) => {
        if (v === want) out = c;
      },
      () => out !== null,
    );
    this.recorder = rec;
    if (!out) throw new Error(`step ${code} has no variant ${want}`);
    return out;
  }

  private variantNo = 0;

  /**
   * Runs `step` once per combination of the draws its handler runs make: the first run takes each draw's
   * first value and counts how many values each draw has; then the last draw that has another value takes
   * it, the draws after it start over, and so on (an odometer whose length may depend on the values drawn).
   */
  private variants(step: () => XState, emit: (s: XState, variant: number) => void, stop?: () => boolean): void {
    const plan = this.drawPlan;
    plan.length = 0;
    let variant = 0;
    for (;;) {
      this.drawN = 0;
      this.variantNo = variant;
      emit(step(), variant);
      if (stop?.()) return;
      let j = this.drawN - 1;
      while (j >= 0 && (plan[j] ?? 0) + 1 >= this.drawAlts[j]) j--;
      if (j < 0) return;
      const next = (plan[j] ?? 0) + 1;
      for (let k = plan.length; k < j; k++) plan[k] = 0;
      plan.length = j;
      plan[j] = next;
      variant++;
    }
  }

  private draw(min: number, max: number, float: boolean): number {
    const i = this.drawN++;
    const k = this.cfg.draws;
    const choice = this.drawPlan[i] ?? 0;
    let value: number;
    if (float) {
      this.drawAlts[i] = k;
      value = choice / k;
    } else {
      // randomBetween's range is [min, max): the values spread over it, its ends included.
      const count = max > min ? max - min : 1;
      const alts = Math.min(k, count);
      this.drawAlts[i] = alts;
      value = alts === 1 ? min : min + Math.round((choice * (count - 1)) / (alts - 1));
    }
    this.recorder?.draw(value);
    return value;
  }

  // ---------------------------------------------------------------------------------------------------
  // Steps

  /** The earliest due time of a pending timer (dead nodes have none), or Infinity. */
  earliestDue(s: XState): number {
    let due = Infinity;
    for (const rec of s.nodes) for (const t of rec.timers) if (t.due < due) due = t.due;
    return due;
  }

  private boot(): XState {
    const n = this.cfg.nodes;
    const s: XState = {
      id: -1,
      depth: 0,
      now: 0,
      starts: 0,
      sends: 0,
      nodes: [],
      msgs: [],
      ma: 0,
      mb: 0,
      split: -1,
      crashes: 0,
      revives: 0,
      partitions: 0,
      drops: 0,
      writes: 0,
      fired: 0,
      checker: null,
      ca: 0,
      cb: 0,
      leader: null,
      lastLeader: null,
      violation: null,
      fa: 0,
      fb: 0,
    };
    const ctx = this.ctx as { id: NodeId; now: number };
    for (let id = 1; id <= n; id++) {
      ctx.id = id;
      ctx.now = 0;
      const state = this.alg.create(id, this.ctx);
      s.nodes.push({ id, alive: true, state, timers: [], lastView: { role: '', leader: null }, ha: 0, hb: 0 });
    }
    if (this.alg.checker) s.checker = this.alg.checker.init(this.clusterInfo(s));
    for (let id = 1; id <= n; id++) this.runHandler(s, id, { type: 'boot' });
    return this.finish(s);
  }

  /** A copy of `p` one step on, at time `now`, sharing its nodes and messages until changed. */
  private child(p: XState, now: number): XState {
    const s: XState = {
      id: -1,
      depth: p.depth + 1,
      now,
      starts: p.starts,
      sends: p.sends,
      nodes: p.nodes,
      msgs: p.msgs,
      ma: p.ma,
      mb: p.mb,
      split: p.split,
      crashes: p.crashes,
      revives: p.revives,
      partitions: p.partitions,
      drops: p.drops,
      writes: p.writes,
      fired: p.fired,
      checker: p.checker,
      ca: p.ca,
      cb: p.cb,
      leader: p.leader,
      lastLeader: p.lastLeader,
      violation: null,
      fa: 0,
      fb: 0,
    };
    return s;
  }

  /** The node array and message list of the state being built's parent: copied once, when first changed. */
  private sharedNodes: XNode[] | null = null;
  private sharedMsgs: XMsg[] | null = null;

  /** Starts the successor of `p` at time `now`. */
  private begin(p: XState, now: number): XState {
    this.sharedNodes = p.nodes;
    this.sharedMsgs = p.msgs;
    return this.child(p, now);
  }

  /** Makes node `id` of `s` its own copy (state deep-copied, frozen parts shared), ready for a handler run. */
  private own(s: XState, id: NodeId): XNode {
    if (s.nodes === this.sharedNodes) s.nodes = s.nodes.slice();
    const old = s.nodes[id - 1];
    const rec: XNode = { id, alive: old.alive, state: clonePlain(old.state), timers: old.timers, lastView: old.lastView, ha: old.ha, hb: old.hb };
    s.nodes[id - 1] = rec;
    return rec;
  }

  private ownMsgs(s: XState): XMsg[] {
    if (s.msgs === this.sharedMsgs) s.msgs = s.msgs.slice();
    return s.msgs;
  }

  private fireTimer(p: XState, at: number): XState {
    const node = p.nodes[at >> 8];
    const tm = node.timers[at & 255];
    const s = this.begin(p, tm.due);
    s.fired++;
    if (this.cfg.lossAtTimeout && !this.stream && s.msgs.length > 0) {
      // Lost on the way before the timer's handler runs (its own sends are new): a replay pins them as lost.
      if (this.recorder) for (const m of s.msgs) this.recorder.arrive(m.no, s.now, true);
      s.msgs = [];
      s.ma = 0;
      s.mb = 0;
    }
    const rec = this.own(s, node.id);
    rec.timers = rec.timers.filter((t) => t !== tm);
    this.recorder?.timer(tm.no, s.now, node.id, tm.name);
    this.runHandler(s, node.id, { type: 'timer', name: tm.name });
    if (s.now < p.now) s.now = p.now; // it ran at its due time, in the instant of the action before
    return this.finish(s);
  }

  private removeMsg(s: XState, i: number): XMsg {
    const msgs = this.ownMsgs(s);
    const m = msgs[i];
    msgs.splice(i, 1);
    s.ma = (s.ma - m.ha) | 0;
    s.mb = (s.mb - m.hb) | 0;
    return m;
  }

  private deliver(p: XState, i: number): XState {
    const s = this.begin(p, p.now);
    const m = this.removeMsg(s, i);
    const env = m.env;
    // Reachability and the receiver's life are checked on arrival (protocols.md §0.2), as the kernel does.
    const ok = isReachable(this.net(s), env.from, env.to) === true && s.nodes[env.to - 1].alive;
    this.recorder?.arrive(m.no, s.now, false);
    if (ok) {
      this.own(s, env.to);
      this.runHandler(s, env.to, { type: 'message', msg: env });
    }
    return this.finish(s);
  }

  private drop(p: XState, i: number): XState {
    const s = this.begin(p, p.now);
    const m = this.removeMsg(s, i);
    s.drops++;
    this.recorder?.arrive(m.no, s.now, true);
    return this.finish(s);
  }

  /** A crash; under the stream transport a kill makes the dead process's system reset its connections. */
  private crash(p: XState, id: NodeId, how: CrashHow): XState {
    const s = this.begin(p, p.now);
    s.crashes++;
    this.recorder?.action(s.now, this.stream ? { do: 'crash', node: id, how } : { do: 'crash', node: id });
    const rec = this.own(s, id);
    const before = rec.lastView;
    rec.alive = false;
    rec.timers = [];
    const ctx = this.ctx as { id: NodeId; now: number };
    ctx.id = id;
    ctx.now = s.now;
    rec.state = this.alg.crash(rec.state, this.ctx);
    this.afterHandler(s, rec, { type: 'crash' }, before, NO_SENT);
    if (this.stream && how === 'kill') {
      // As the kernel does (resetConnections): a Reset to every other live node, in id order, after the crash.
      const resets: Envelope[] = [];
      for (const o of s.nodes) if (o.id !== id && o.alive) resets.push({ from: id, to: o.id, kind: RESET_KIND, fields: NO_FIELDS });
      this.queueSends(s, resets);
    }
    return this.finishAction(s);
  }

  private revive(p: XState, id: NodeId): XState {
    const s = this.begin(p, p.now);
    s.revives++;
    this.recorder?.action(s.now, { do: 'revive', node: id });
    const rec = this.own(s, id);
    rec.alive = true;
    this.runHandler(s, id, { type: 'boot' });
    return this.finishAction(s);
  }

  private write(p: XState, id: NodeId): XState {
    const s = this.begin(p, p.now);
    s.writes++;
    const value = `w${s.writes}`;
    this.recorder?.action(s.now, { do: 'write', node: id, value });
    this.own(s, id);
    this.runHandler(s, id, { type: 'write', value });
    return this.finishAction(s);
  }

  /** Partition into split k, or heal (k = −1). */
  private network(p: XState, k: number): XState {
    const s = this.begin(p, p.now);
    if (k >= 0) s.partitions++;
    s.split = k;
    this.recorder?.action(s.now, k >= 0 ? { do: 'partition', groups: this.splits[k].groups } : { do: 'heal' });
    // Reachability decides the Bully cluster leader, so a network change can change it (as in the kernel).
    this.updateLeader(s);
    return this.finishAction(s);
  }

  /** An action's step: it ran at `now`, which nothing else may share (see the time model), so the clock moves on. */
  private finishAction(s: XState): XState {
    s.now++;
    return this.finish(s);
  }

  net(s: XState): NetworkState {
    return s.split < 0 ? this.healed : this.splits[s.split].net;
  }

  // ---------------------------------------------------------------------------------------------------
  // Handler runs (kernel.ts `run` and `afterHandler`)

  private runHandler(s: XState, id: NodeId, cause: Exclude<StepCause, { type: 'crash' }>): void {
    const rec = s.nodes[id - 1];
    const before = rec.lastView;
    const plan = this.plan;
    plan.sends.length = 0;
    plan.timerNames.length = 0;
    plan.timerAfter.length = 0;
    plan.anomalies.length = 0;
    const ctx = this.ctx as { id: NodeId; now: number };
    ctx.id = id;
    ctx.now = s.now;
    const alg = this.alg;
    switch (cause.type) {
      case 'boot':
        alg.boot(rec.state, this.ctx);
        break;
      case 'message':
        alg.onMessage(rec.state, cause.msg, this.ctx);
        break;
      case 'timer':
        alg.onTimer(rec.state, cause.name, this.ctx);
        break;
      case 'write':
        alg.onWrite(rec.state, cause.value, this.ctx);
        break;
    }
    // Sends first, then timers, in call order (the kernel's order).
    const sent = plan.sends.length > 0 ? plan.sends.slice() : NO_SENT;
    this.queueSends(s, sent);
    if (plan.timerNames.length > 0) {
      const timers = rec.timers.slice();
      for (let k = 0; k < plan.timerNames.length; k++) {
        const name = plan.timerNames[k];
        const after = plan.timerAfter[k];
        // Sorted by name: find its place; a (re)start replaces it, a cancel removes it.
        let at = 0;
        while (at < timers.length && timers[at].name < name) at++;
        const has = at < timers.length && timers[at].name === name;
        if (after === null) {
          if (has) timers.splice(at, 1);
        } else {
          const t: XTimer = { name, due: s.now + Math.max(0, after), no: s.starts++ };
          if (has) timers[at] = t;
          else timers.splice(at, 0, t);
        }
      }
      rec.timers = timers;
    }
    for (const a of plan.anomalies) {
      if (this.anomalyKinds.has(a.invariant)) this.violate(s, a.invariant, a.detail);
    }
    this.afterHandler(s, rec, cause, before, sent);
  }

  /** Puts messages in flight, numbered in send order (the kernel's). */
  private queueSends(s: XState, sent: readonly Envelope[]): void {
    if (sent.length === 0) return;
    const msgs = this.ownMsgs(s);
    for (let k = 0; k < sent.length; k++) {
      begin(0x4d5);
      mix(sent[k].from);
      mix(sent[k].to);
      mixString(sent[k].kind);
      mixValue(sent[k].fields);
      const ha = laneA();
      const hb = laneB();
      const env = this.msgIntern.get(ha, hb, sent[k]);
      const m: XMsg = { env, ha, hb, sentAt: s.now, no: s.sends++ };
      msgs.push(m);
      s.ma = (s.ma + m.ha) | 0;
      s.mb = (s.mb + m.hb) | 0;
      this.recorder?.send(m.no, s.now, env);
    }
  }

  private afterHandler(s: XState, rec: XNode, cause: StepCause, before: NodeView, sent: Envelope[]): void {
    const alg = this.alg;
    if (this.inertHint !== null) this.forgetDead(s, rec, sent.length);
    const unchanged = alg.viewUnchanged !== undefined && before.role !== '' && before.alive === rec.alive && alg.viewUnchanged(rec.state, before);
    let after = before;
    if (!unchanged) {
      const view = alg.view(rec.state);
      if (before.role === '' || !sameNodeView(before, view, rec.alive)) {
        view.alive = rec.alive;
        after = Object.freeze(view);
        rec.lastView = after;
      }
    }
    if (alg.checker) {
      const mem = clonePlain(s.checker);
      const step = this.stepInfo;
      step.t = s.now;
      step.node = rec.id;
      step.cause = cause;
      step.before = before;
      step.after = after;
      step.sent = sent;
      this.violating = s;
      alg.checker.afterStep(mem, step, this.clusterInfo(s), this.report);
      // Checkers replace a frozen part when they change it (core/clone.ts): when every part is the one it
      // was, the memory is the parent's, and so is its fingerprint. Most steps change none of it.
      if (!sameParts(mem, s.checker)) {
        begin(0xc4e);
        mixValue(mem);
        s.ca = laneA();
        s.cb = laneB();
        s.checker = this.checkerIntern.get(s.ca, s.cb, mem);
      }
    }
    begin(0x9d1);
    mix(rec.alive ? 1 : 0);
    mixValue(rec.state, this.skip);
    rec.ha = laneA();
    rec.hb = laneB();
    let ia = rec.ha;
    let ib = rec.hb;
    if (this.skip !== null) {
      // The node's fingerprint leaves its clock fields out; sharing needs them equal too: the fingerprint
      // and the clock fields' values (top-level fields, ExploreHints.clockKeys), not a second whole pass.
      begin(0x9d2);
      mix(ia);
      mix(ib);
      const st = rec.state as Record<string, unknown>;
      for (const k of this.skip) mixValue(st[k]);
      ia = laneA();
      ib = laneB();
    }
    const core = this.nodeIntern.get(ia, ib, { state: rec.state, view: rec.lastView });
    rec.state = core.state;
    rec.lastView = core.view;
    const claims = (v: NodeView) => v.role !== '' && alg.claimsLeadership(v);
    if (after !== before && (before.alive !== after.alive || before.leader !== after.leader || claims(before) !== claims(after))) this.updateLeader(s);
  }

  /**
   * Forgets the messages the algorithm says can no longer matter (Algorithm.explore.inert): those to the node
   * that just ran, and the ones it just sent. A forgotten message is one that is never delivered: a replay
   * holds it past the end.
   */
  private forgetDead(s: XState, rec: XNode, nSent: number): void {
    const hint = this.inertHint!;
    const net = this.net(s);
    const msgs = s.msgs;
    const firstNew = msgs.length - nSent;
    // Only across a live link: a replay delivers the message then (a stream would hold it, and everything behind it).
    const dead = (m: XMsg, k: number) => (m.env.to === rec.id || k >= firstNew) && isReachable(net, m.env.from, m.env.to) === true && hint(s.nodes[m.env.to - 1].state, m.env, this.cfg.options);
    let any = false;
    for (let k = 0; k < msgs.length && !any; k++) any = dead(msgs[k], k);
    if (!any) return;
    s.msgs = this.ownMsgs(s).filter((m, k) => {
      if (!dead(m, k)) return true;
      s.ma = (s.ma - m.ha) | 0;
      s.mb = (s.mb - m.hb) | 0;
      this.recorder?.forget(m.no, s.now);
      return false;
    });
  }

  /** The kernel's cluster-leader rule (core/leader.ts); split brain and preemption are violations when asked for. */
  private updateLeader(s: XState): void {
    const nodes = s.nodes as unknown as NodeRecord<unknown>[];
    let leader: NodeId | null;
    if (this.alg.leaderRule === 'quorum') leader = quorumLeader(this.alg, nodes, this.voters, this.votes);
    else {
      const found = reachableLeaders(this.alg, nodes, this.net(s));
      if (found.length >= 2 && this.cfg.splitBrain) this.violate(s, 'split-brain', splitBrainDetail(found));
      leader = found.length === 1 ? found[0] : null;
    }
    s.leader = leader;
    if (leader === null) return;
    const last = s.lastLeader;
    if (this.cfg.preemption && last !== null && last !== leader && s.nodes[last - 1].alive) {
      this.violate(s, 'preemption', `node ${leader} took over from node ${last}, which is still running`);
    }
    s.lastLeader = leader;
  }

  private violate(s: XState, invariant: string, detail: string): void {
    s.violation ??= { invariant, detail };
  }

  private clusterInfo(s: XState) {
    const c = this.cluster;
    c.now = s.now;
    c.nodes = s.nodes as unknown as NodeRecord<unknown>[];
    return c;
  }

  /** The state a checker's report goes to (reports come during `afterStep` only). */
  private violating: XState | null = null;
  private readonly report = (invariant: string, detail: string) => this.violate(this.violating!, invariant, detail);

  /** Completes a state: its fingerprint. */
  private finish(s: XState): XState {
    this.sharedNodes = null;
    this.sharedMsgs = null;
    const now = s.now;
    const nodes = s.nodes;
    begin(0x5a7e);
    for (let n = 0; n < nodes.length; n++) {
      const rec = nodes[n];
      mix(rec.ha);
      mix(rec.hb);
      const ts = rec.timers;
      mix(ts.length);
      for (let k = 0; k < ts.length; k++) {
        mixString(ts[k].name);
        mixNumber(ts[k].due - now);
      }
      if (this.clock !== null && rec.alive) mixNumber(this.clock(rec.state, now, this.cfg.options));
    }
    mix(s.msgs.length);
    mix(s.ma);
    mix(s.mb);
    mix(s.split);
    mix(s.crashes | (s.revives << 4) | (s.partitions << 8) | (s.drops << 12) | (s.writes << 16));
    mix(s.fired);
    mix(s.ca);
    mix(s.cb);
    if (this.cfg.preemption) mix(((s.leader ?? 0) << 8) | (s.lastLeader ?? 0));
    s.fa = laneA();
    s.fb = laneB();
    return s;
  }

  private makeCtx(): Ctx<Record<string, unknown>> {
    const plan = this.plan;
    const ctx: Ctx<Record<string, unknown>> = {
      id: 0,
      now: 0,
      voters: this.voters,
      observers: this.observers,
      options: this.cfg.options,
      random: () => this.draw(0, 0, true),
      randomBetween: (min: number, max: number) => this.draw(min, max, false),
      send: (to: NodeId, kind: string, fields: Fields) => {
        plan.sends.push({ from: ctx.id, to, kind, fields });
      },
      setTimer: (name: string, afterMs: number) => {
        plan.timerNames.push(name);
        plan.timerAfter.push(afterMs);
      },
      cancelTimer: (name: string) => {
        plan.timerNames.push(name);
        plan.timerAfter.push(null);
      },
      commit: () => {},
      writeResult: () => {},
      anomaly: (kind: string, detail: string) => {
        plan.anomalies.push({ invariant: kind, detail });
      },
      // A close is a message of the stream, in order with the sends around it; datagrams have no connections.
      close: (to: NodeId, conn: number) => {
        if (this.stream) plan.sends.push({ from: ctx.id, to, kind: CLOSE_KIND, fields: { conn } });
      },
    };
    return ctx;
  }
}

/** Same names and due times (a timer restarted to the time it had is the same timer). */
function sameTimers(a: readonly XTimer[], b: readonly XTimer[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k].name !== b[k].name || a[k].due !== b[k].due) return false;
  return true;
}

/** Whether message i is the oldest in flight from its sender to its receiver (the list is in send order). */
function isHeadOfPair(msgs: readonly XMsg[], i: number): boolean {
  const m = msgs[i].env;
  for (let j = 0; j < i; j++) if (msgs[j].env.from === m.from && msgs[j].env.to === m.to) return false;
  return true;
}

/** Whether message i equals an earlier one in the list (same fingerprint): delivering either is one successor. */
function sameAsEarlier(msgs: readonly XMsg[], i: number): boolean {
  const m = msgs[i];
  for (let j = 0; j < i; j++) if (msgs[j].ha === m.ha && msgs[j].hb === m.hb) return true;
  return false;
}

/** Every split of nodes 1..n into two non-empty groups, the group holding node 1 first. */
export function twoGroupSplits(n: number): NodeId[][][] {
  const out: NodeId[][][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    if ((mask & 1) === 0 || mask === (1 << n) - 1) continue;
    const a: NodeId[] = [];
    const b: NodeId[] = [];
    for (let id = 1; id <= n; id++) (mask & (1 << (id - 1)) ? a : b).push(id);
    out.push([a, b]);
  }
  return out;
}
