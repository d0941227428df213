/**
 * The discrete-event kernel: virtual clock, event queue, network, node lifecycle, cluster-leader tracking and
 * the trace. Everything it does follows from the scenario, the seed and the actions it is given; all of its
 * mutable state lives in one plain object (`KernelState`), so `checkpoint()` is a copy (in a compact form,
 * see `Checkpoint`) and `restore` continues with the identical trace.
 */
import { CLOSE_KIND, RESET_KIND, type AnyAlgorithm, type Ctx, type Envelope, type Fields, type NodeEnv, type NodeRecord, type StepCause, type StepInfo } from './algorithm';
import { clonePlain } from './clone';
import { K_ACTION, K_DELIVER, K_RETRY, K_SCRIPT, K_TIMER, loadQueue, newQueue, orderOf, QUEUE_WIDTH, queuePopTop, queuePush, seqOf, type KeyQueue } from './key-queue';
import { quorumLeader, reachableLeaders, splitBrainDetail } from './leader';
import { type NetworkState, isReachable, applyNetworkAction, initialNetwork } from './network';
import { nextFloat, nextIntInclusive, seedRng, type RngState } from './rng';
import type { Action, CrashHow, DropReason, EndStats, NodeId, NodeView, Scenario, StallReason, TimedAction, TraceEvent, TraceSink, WriteValue } from './types';
import { sameNodeView, sameView } from './view-equality';

/**
 * A message: one object from `ctx.send` to its delivery (the plan's envelope, the queue's reference, the
 * envelope the receiving handler gets). Its time and order live in the queue (key-queue.ts). `id` and
 * `lost` are set when it is sent, before it is queued; from then on it is never changed, so checkpoints
 * share it, and its payload, which is immutable once sent (Plan.send and Envelope: the sender does not keep
 * it, handlers do not mutate it). golden.test.ts checks that a run continued past a checkpoint leaves the
 * checkpoint intact.
 */
interface Msg extends Envelope {
  id: number;
  /** The network will lose it. */
  lost: boolean;
}

const NO_FIELDS: Fields = Object.freeze({}) as Fields;

/**
 * Scenario `pinned` (Pinned.sendOrder, timerOrder): an event whose place among those of its instant is pinned
 * runs by its pinned number, offset past every seq a run reaches (seq stays below 2^51), so after the
 * instant's unpinned events; scenario actions (late = 1) still come last.
 */
const PINNED_ORDER = 2 ** 51;

/**
 * Stream transport: the state of one ordered pair of nodes (sender → receiver), the kernel's model of the TCP
 * connections between them (see `sendStream`). Kept only while it matters: a pair whose `held` is empty and
 * whose `tail` has passed changes nothing, and checkpoints leave it out.
 */
interface StreamPair {
  /** The latest `deliverAt` given to a message of the pair: a later message never arrives before it (FIFO). */
  tail: number;
  /** Messages that reached their time but are not handed over yet, oldest first: the first is stalled (its
   * link is down; a K_RETRY entry resends it), the others wait behind it (TCP delivers in order). */
  held: Msg[];
  /** Resends of the first held message so far. */
  tries: number;
}

/**
 * Stream transport: how many times a segment is resent before TCP gives up on it (Linux's tcp_retries2 is 15).
 * Real TCP then breaks the connection (after ~15 min, with its doubling RTO); here ZooKeeper's own read
 * timeouts (1–2 s) have long closed it by then, so the kernel only drops what was still held.
 */
const MAX_RETRANSMITS = 15;

/**
 * The scenario's scripted actions, in the order they run: by time, then by position in the file. They are
 * part of the configuration, not of the state: the queue holds only the next one (with the `seq` it would
 * have had if all were queued at the start: its position in the file), and the state keeps how many have
 * been queued. A long script thus costs nothing per checkpoint, and the run is event for event the same as
 * with the whole script queued at boot.
 */
interface Script {
  /** The actions without their `at`, by position in the file. */
  actions: Action[];
  times: number[];
  /** Positions in the file, in running order. */
  order: number[];
}

const scripts = new WeakMap<readonly TimedAction[], Script>();

/** The script of a list of scenario events; cached, since batch runs share one list over many seeds. */
function scriptOf(events: readonly TimedAction[]): Script {
  let sc = scripts.get(events);
  if (!sc) {
    const actions: Action[] = [];
    const times: number[] = [];
    for (const ev of events) {
      const { at, ...action } = ev;
      actions.push(action as Action);
      times.push(Math.max(at, 0));
    }
    const order = actions.map((_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
    sc = { actions, times, order };
    scripts.set(events, sc);
  }
  return sc;
}

interface LeaderTracking {
  current: NodeId | null;
  lastNonNull: NodeId | null;
  changes: number;
  firstAt: number | null;
  unavailableMs: number;
  /** When the current leaderless stretch began (null while there is a leader). */
  leaderlessSince: number | null;
  splitBrain: boolean;
}

export interface KernelState {
  now: number;
  seq: number;
  nextMsgId: number;
  timerGen: number;
  rng: RngState;
  queue: KeyQueue;
  nodes: NodeRecord<unknown>[];
  network: NetworkState;
  stats: { sent: number; delivered: number; dropped: number; byKind: Record<string, number> };
  leader: LeaderTracking;
  checker: unknown;
  /** Violations already reported, as "invariant|detail" (each distinct fact is reported once). */
  reported: Record<string, true>;
  /** Number of queue items processed: the kernel's event count, for seeking and benchmarks. */
  steps: number;
  /** How many of the script's actions have been queued (see `Script`). */
  scriptQueued: number;
  /** Stream transport: the ordered pairs, keyed `from · pairBase + to` (see `StreamPair`); empty under datagram. */
  streams: Record<number, StreamPair>;
  /** How many pinned draws the handlers have taken and timers they started (scenario `pinned`; 0 without it). */
  drawsTaken: number;
  timersStarted: number;
}

export interface SimulationConfig {
  algorithm: AnyAlgorithm;
  /** A validated scenario; its options must already be this algorithm's own (see `resolveOptions`). */
  scenario: Scenario;
  /** The algorithm's full options (defaults merged). */
  options: Record<string, unknown>;
  /** Run the algorithm's safety checker after every step and report `violation` events. */
  check?: boolean;
  sink?: TraceSink;
}

/**
 * A checkpoint: the kernel's state in a compact form, made every simulated second and kept (the browser's
 * host keeps hundreds for seeking). Every object a kept checkpoint holds is copied by each young-generation
 * collection it survives, so a checkpoint is a few flat arrays rather than the state's tree of small
 * objects; and what did not change since the previous checkpoint (the network, the reported violations) or
 * is immutable (stored views, sent messages) is shared. Opaque to callers: `Simulation.restore` reads it.
 */
export interface Checkpoint {
  /**
   * now, seq, nextMsgId, timerGen, the four PRNG words, steps, scriptQueued, sent, delivered, dropped, the
   * leader tracking's seven fields (null as NaN, booleans as 0 and 1), then the queue's numbers (key-queue.ts).
   */
  numbers: number[];
  /** The queue's references. */
  queueRefs: unknown[];
  /** Node after node: alive, the saved state, the stored view, the number of timers, then each timer's name, due, gen, seq and at. */
  nodes: unknown[];
  network: NetworkState;
  byKind: Record<string, number>;
  checker: unknown;
  reported: Record<string, true>;
  /** Stream transport: pair after pair that still matters: key, tail, tries, the number of held messages, then them. */
  streams: unknown[];
  drawsTaken: number;
  timersStarted: number;
}

/** Where the queue's numbers begin in `Checkpoint.numbers`. */
const QUEUE_AT = 20;
const orNaN = (x: number | null): number => (x === null ? NaN : x);
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * A handler's effects, in reused arrays with counts (reset before each handler run, never nested): a run
 * allocates nothing for its plan but the messages themselves.
 */
interface PlanBuffer {
  /** Messages to send (id and loss are set when they are sent). */
  sends: Msg[];
  nSends: number;
  /** Timer operations in call order: a name and a delay, null for a cancel. */
  timerNames: string[];
  timerAfter: (number | null)[];
  nTimers: number;
  commitIndex: number[];
  commitValue: (WriteValue | null)[];
  nCommits: number;
  write: { accepted: boolean; reason?: string; leader?: NodeId | null } | null;
  anomalies: { kind: string; detail: string }[];
}

export class Simulation {
  readonly algorithm: AnyAlgorithm;
  readonly scenario: Scenario;
  readonly options: Record<string, unknown>;
  readonly voters: NodeId[];
  readonly observers: NodeId[];
  readonly check: boolean;
  private sink: TraceSink;
  private s: KernelState;
  private readonly script: Script;
  private plan: PlanBuffer = emptyPlan();
  /** The last checkpoint's copies of the network and of the reported violations; null once they change. */
  private savedNetwork: NetworkState | null = null;
  private savedReported: Record<string, true> | null = null;
  /**
   * Per node, the keys and values of its stored view (`lastView`) in order, for `viewChanged`; null until the
   * node's view is next written (e.g. after a restore) or when a view has its own `alive` field. Derived
   * data, not state: a checkpoint does not need it.
   */
  private shown: ({ keys: string[]; values: unknown[] } | null)[] = [];
  /**
   * The causes of the two commonest handler runs, reused: checkers read `StepInfo.cause` during `afterStep`
   * only (the memory they keep must be plain data of their own), and a run is never nested in another.
   */
  private readonly messageCause: { type: 'message'; msg: Envelope } = { type: 'message', msg: { from: 0, to: 0, kind: '', fields: NO_FIELDS, id: 0, lost: false } as Msg };
  private readonly timerCause: { type: 'timer'; name: string } = { type: 'timer', name: '' };
  /** Scratch for `quorumLeader`: votes[id] = live voters naming node id as leader. */
  private readonly votes: Int32Array;
  private ctx: Ctx<Record<string, unknown>>;
  /** The scenario's pinned choices (`Scenario.pinned`), or null: the ordinary path draws everything. */
  private readonly pins: {
    latencies: readonly number[];
    lost: ReadonlySet<number>;
    draws: readonly number[];
    sendOrder: readonly number[];
    timerOrder: readonly number[];
  } | null;
  /** Stream transport: the retransmission timeout; 0 under datagram transport (`Algorithm.transport`). */
  private readonly rtoMs: number;
  /** Stream transport: pair keys are `from · pairBase + to`. */
  private readonly pairBase: number;

  private constructor(config: SimulationConfig, state: KernelState | null) {
    this.algorithm = config.algorithm;
    this.scenario = config.scenario;
    this.options = config.options;
    this.check = config.check ?? false;
    this.sink = config.sink ?? (() => {});
    const pinned = config.scenario.pinned;
    this.pins = pinned
      ? { latencies: pinned.latencies, lost: new Set(pinned.lost ?? []), draws: pinned.draws ?? [], sendOrder: pinned.sendOrder ?? [], timerOrder: pinned.timerOrder ?? [] }
      : null;
    this.voters = range(1, config.scenario.nodes);
    this.observers = range(config.scenario.nodes + 1, config.scenario.nodes + config.scenario.observers);
    this.ctx = this.makeCtx();
    this.script = scriptOf(config.scenario.events);
    this.votes = new Int32Array(config.scenario.nodes + config.scenario.observers + 1);
    const transport = config.algorithm.transport?.(config.options);
    this.rtoMs = transport?.kind === 'stream' ? Math.max(1, transport.rtoMs) : 0;
    this.pairBase = config.scenario.nodes + config.scenario.observers + 1;
    if (state) {
      this.s = state;
      return;
    }
    this.s = {
      now: 0,
      seq: 0,
      nextMsgId: 1,
      timerGen: 0,
      rng: seedRng(config.scenario.seed),
      queue: newQueue(),
      nodes: [],
      network: initialNetwork(config.scenario.network, config.scenario.nodes + config.scenario.observers),
      stats: { sent: 0, delivered: 0, dropped: 0, byKind: {} },
      leader: {
        current: null,
        lastNonNull: null,
        changes: 0,
        firstAt: null,
        unavailableMs: 0,
        leaderlessSince: 0,
        splitBrain: false,
      },
      checker: null,
      reported: {},
      steps: 0,
      scriptQueued: 0,
      streams: {},
      drawsTaken: 0,
      timersStarted: 0,
    };
  }

  /** A new run at time 0: the `init` event, every node's first start, and the scenario's script queued. */
  static start(config: SimulationConfig): Simulation {
    const sim = new Simulation(config, null);
    sim.boot();
    return sim;
  }

  /** Continues from a checkpoint; the sink receives exactly what the original run emitted after it. */
  static restore(config: SimulationConfig, checkpoint: Checkpoint): Simulation {
    const sim = new Simulation(config, loadKernel(checkpoint, config.algorithm));
    // The checkpoint's copies are never changed: the next checkpoint may share them until the run changes them.
    sim.savedNetwork = checkpoint.network;
    sim.savedReported = checkpoint.reported;
    return sim;
  }

  /** A copy of the kernel's state; `restore` with the same config continues from it. */
  checkpoint(): Checkpoint {
    const s = this.s;
    this.savedNetwork ??= clonePlain(s.network);
    this.savedReported ??= Object.freeze({ ...s.reported });
    return saveKernel(s, this.algorithm, this.savedNetwork, this.savedReported);
  }

  setSink(sink: TraceSink): void {
    this.sink = sink;
  }

  get now(): number {
    return this.s.now;
  }

  get steps(): number {
    return this.s.steps;
  }

  get clusterLeader(): NodeId | null {
    return this.s.leader.current;
  }

  /** Read-only access to the nodes, for hosts, tests and checkers. */
  get nodes(): readonly NodeRecord<unknown>[] {
    return this.s.nodes;
  }

  get network(): Readonly<NetworkState> {
    return this.s.network;
  }

  node(id: NodeId): NodeRecord<unknown> {
    const rec = this.s.nodes[id - 1];
    if (!rec) throw new Error(`node ${id} does not exist`);
    return rec;
  }

  /** Time of the next queued event, or null when nothing is pending. */
  peekTime(): number | null {
    const q = this.s.queue;
    return q.n > 0 ? q.d[0] : null;
  }

  /** Schedules an action (a user's click or a script line) at virtual time `at` (never in the past). */
  schedule(action: Action, at: number = this.s.now): void {
    const t = Math.max(at, this.s.now);
    queuePush(this.s.queue, t, orderOf(1, this.s.seq++), K_ACTION, 0, 0, action);
  }

  /** Processes one queued event. Returns false when the queue is empty. */
  step(): boolean {
    const q = this.s.queue;
    if (q.n === 0) return false;
    const d = q.d;
    const t = d[0];
    const order = d[1];
    const kind = d[2];
    const a = d[3];
    const b = d[4];
    const ref = q.r[0];
    queuePopTop(q);
    this.s.now = t;
    this.s.steps++;
    switch (kind) {
      case K_DELIVER:
        this.deliver(ref as Msg);
        break;
      case K_TIMER: {
        // a: the node; b: the generation of the timer this entry carries (see `startTimer`): the entry of a
        // cancelled timer, or of one restarted earlier than it, is stale and skipped.
        const rec = this.s.nodes[a - 1];
        const name = ref as string;
        const tm = rec.timers[name];
        if (!rec.alive || !tm || tm.gen !== b) break;
        if (tm.due !== t || tm.seq !== seqOf(order)) {
          // Restarted later since this entry was queued: it moves to where the restart would have queued it.
          tm.at = tm.due;
          queuePush(q, tm.due, orderOf(0, tm.seq), K_TIMER, a, b, name);
          break;
        }
        delete rec.timers[name];
        const cause = this.timerCause;
        cause.name = name;
        this.run(rec, cause);
        break;
      }
      case K_ACTION:
        this.applyAction(ref as Action);
        break;
      case K_SCRIPT:
        // The entry's seq is the script line (see `Script`).
        this.queueNextScripted();
        this.applyAction(this.script.actions[seqOf(order)]);
        break;
      case K_RETRY: {
        // A stalled message's resend is due; stale when that message is no longer the pair's first held one.
        const pair = this.s.streams[a * this.pairBase + b];
        if (pair && pair.held[0] === ref) {
          pair.tries++;
          this.pump(pair, true);
        }
        break;
      }
    }
    return true;
  }

  /** Processes every event due at or before `t`, then moves the clock to `t`. */
  runUntil(t: number): void {
    const q = this.s.queue;
    while (q.n > 0 && q.d[0] <= t) this.step();
    if (t > this.s.now) this.s.now = t;
  }

  /** The closing statistics as of now (what the `end` event carries). */
  stats(): EndStats {
    const l = this.s.leader;
    const open = l.leaderlessSince === null ? 0 : this.s.now - l.leaderlessSince;
    return {
      sent: this.s.stats.sent,
      delivered: this.s.stats.delivered,
      dropped: this.s.stats.dropped,
      byKind: { ...this.s.stats.byKind },
      leaderChanges: l.changes,
      firstLeaderAt: l.firstAt,
      unavailableMs: l.unavailableMs + open,
      leader: l.current,
    };
  }

  /** Runs to `until` and emits the closing `end` event. */
  finish(until: number): EndStats {
    this.runUntil(until);
    const stats = this.stats();
    this.emit({ t: this.s.now, type: 'end', stats });
    return stats;
  }

  /** Pending timers of a node (name → due time), for viewers drawing countdowns. */
  timersOf(id: NodeId): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, tm] of Object.entries(this.node(id).timers)) out[name] = tm.due;
    return out;
  }

  // ---------------------------------------------------------------------------------------------------

  private boot(): void {
    const sc = this.scenario;
    this.emit({
      t: 0,
      type: 'init',
      algorithm: this.algorithm.name,
      nodes: [...this.voters],
      observers: [...this.observers],
      seed: sc.seed,
      network: { latency: { ...sc.network.latency }, dropRate: sc.network.dropRate },
      options: { ...this.options },
    });
    // The script's actions own seq numbers 0 … k−1, as if all were queued now (see `Script`).
    this.s.seq = this.script.order.length;
    this.queueNextScripted();
    const all = [...this.voters, ...this.observers];
    for (const id of all) {
      this.ctx = this.ctxFor(id);
      const state = this.algorithm.create(id, this.ctx);
      this.s.nodes.push({ id, alive: true, state, timers: {}, lastView: { role: '', leader: null } });
    }
    if (this.check && this.algorithm.checker) this.s.checker = this.algorithm.checker.init(this.clusterInfo());
    for (const id of all) {
      const rec = this.s.nodes[id - 1];
      this.run(rec, { type: 'boot' });
    }
  }

  private queueNextScripted(): void {
    const sc = this.script;
    if (this.s.scriptQueued >= sc.order.length) return;
    const line = sc.order[this.s.scriptQueued++];
    queuePush(this.s.queue, sc.times[line], orderOf(1, line), K_SCRIPT, 0, 0, null);
  }

  /** A message's `deliverAt` came: it is handed over to its receiver's handler, or dropped. */
  private deliver(m: Msg): void {
    if (this.rtoMs > 0) {
      this.arriveStream(m);
      return;
    }
    const rec = this.s.nodes[m.to - 1];
    let reason: DropReason | null = null;
    if (m.lost) reason = 'loss';
    else {
      const net = isReachable(this.s.network, m.from, m.to);
      if (net !== true) reason = net;
      else if (!rec.alive) reason = 'crashed';
    }
    if (reason) this.dropMsg(m, reason);
    else this.handOver(m);
  }

  private dropMsg(m: Msg, reason: DropReason): void {
    this.s.stats.dropped++;
    this.emit({ t: this.s.now, type: 'drop', msg: m.id, from: m.from, to: m.to, kind: m.kind, reason });
  }

  /** Runs the receiver's handler for a message that got through (its receiver is alive). */
  private handOver(m: Msg): void {
    this.s.stats.delivered++;
    this.emit({ t: this.s.now, type: 'deliver', msg: m.id, from: m.from, to: m.to, kind: m.kind });
    const cause = this.messageCause;
    cause.msg = m;
    this.run(this.s.nodes[m.to - 1], cause);
  }

  // ---- stream transport (Algorithm.transport: TCP between every ordered pair) ---------------------------
  //
  // Why in the kernel: the transport is the network's business, and ZooKeeper's correctness and timing rest
  // on TCP (a lost segment is resent, so loss is delay; bytes arrive in order; a close or a killed process is
  // seen by the peer at once). The kernel offers it to any algorithm that asks; it knows no algorithm.
  //
  // One stream per ordered pair, not per socket: ZooKeeper has two sockets between two servers (election,
  // and learner–leader), and a held packet of one holds the other here. It matters only while a link is down,
  // when both would stall anyway.
  //
  // The RTO stays fixed, where TCP doubles it after each loss of the same segment: the simulator scales
  // ZooKeeper's timers down (tickTime 200 ms, a read timeout of 1 s instead of 10 s) but cannot scale the RTO
  // (it must exceed a round trip), so doubling would make a scaled read timeout fire after three losses in a
  // row where a real one survives five.

  private pairOf(from: NodeId, to: NodeId): StreamPair {
    const key = from * this.pairBase + to;
    return (this.s.streams[key] ??= { tail: 0, held: [], tries: 0 });
  }

  /**
   * Sends a message on the stream transport. All draws happen now, as for a datagram (latency, then loss),
   * then again for each resend a loss makes: the message arrives `rtoMs` later per loss, and never before an
   * earlier message of its pair. After MAX_RETRANSMITS losses in a row it is lost for good (`lost`).
   */
  private sendStream(msg: Msg): void {
    const net = this.s.network;
    const rng = this.s.rng;
    const t = this.s.now;
    const no = this.s.nextMsgId - 1;
    const pins = this.pins;
    const pinned = pins !== null && no < pins.latencies.length;
    let depart = t;
    let retransmits = 0;
    // A pinned send draws nothing: its latency is given, and a pinned loss is a loss for good.
    let latency = pinned ? pins.latencies[no] : nextIntInclusive(rng, net.latency.min, net.latency.max);
    let lost = pinned ? pins.lost.has(no) : net.dropRate > 0 && nextFloat(rng) < net.dropRate;
    while (lost && !pinned && retransmits < MAX_RETRANSMITS) {
      depart += this.rtoMs;
      retransmits++;
      latency = nextIntInclusive(rng, net.latency.min, net.latency.max);
      lost = net.dropRate > 0 && nextFloat(rng) < net.dropRate;
    }
    const pair = this.pairOf(msg.from, msg.to);
    const deliverAt = Math.max(depart + (lost ? Math.floor(latency / 2) : latency), pair.tail);
    pair.tail = deliverAt;
    msg.lost = lost;
    msg.id = this.s.nextMsgId++;
    this.s.stats.sent++;
    this.s.stats.byKind[msg.kind] = (this.s.stats.byKind[msg.kind] ?? 0) + 1;
    const ev: TraceEvent = { t, type: 'send', msg: msg.id, from: msg.from, to: msg.to, kind: msg.kind, fields: msg.fields, deliverAt };
    if (lost) ev.lost = true;
    if (retransmits > 0) ev.retransmits = retransmits;
    this.emit(ev);
    queuePush(this.s.queue, deliverAt, orderOf(0, this.deliverySeq(no)), K_DELIVER, 0, 0, msg);
  }

  /** A stream message reached its time: it waits behind a held one of its pair, or is tried now. */
  private arriveStream(m: Msg): void {
    const pair = this.pairOf(m.from, m.to);
    pair.held.push(m);
    if (pair.held.length > 1) {
      this.emitStall(m, 'order');
      return;
    }
    pair.tries = 0;
    this.pump(pair, false);
  }

  private emitStall(m: Msg, reason: StallReason): void {
    this.emit({ t: this.s.now, type: 'stall', msg: m.id, from: m.from, to: m.to, kind: m.kind, reason });
  }

  /**
   * Hands over a pair's held messages in order while the first can get through. The first one meets the
   * network: a message the sender's TCP gave up on is dropped (`loss`); a resend (`resend`) needs a live
   * sender (but a killed process's Reset is sent by its operating system) and is subject to loss again; a
   * partition or cut holds it, resent every `rtoMs` up to MAX_RETRANSMITS times, after which the pair's
   * held messages are dropped; a crashed receiver drops them. Messages behind it follow it at once.
   */
  private pump(pair: StreamPair, resend: boolean): void {
    const held = pair.held;
    const net = this.s.network;
    // Only a message that just arrived is announced as stalled (one behind it already was, as `order`).
    let announce = !resend;
    while (held.length > 0) {
      const m = held[0];
      if (m.lost || (resend && !this.s.nodes[m.from - 1].alive && m.kind !== RESET_KIND)) {
        held.shift();
        pair.tries = 0;
        this.dropMsg(m, m.lost ? 'loss' : 'crashed');
        continue;
      }
      const reach = isReachable(net, m.from, m.to);
      const blocked: DropReason | null = reach !== true ? reach : resend && net.dropRate > 0 && nextFloat(this.s.rng) < net.dropRate ? 'loss' : null;
      if (blocked !== null) {
        if (pair.tries >= MAX_RETRANSMITS) {
          this.dropHeld(pair, blocked);
          return;
        }
        if (announce && blocked !== 'loss') this.emitStall(m, blocked);
        queuePush(this.s.queue, this.s.now + this.rtoMs, orderOf(0, this.s.seq++), K_RETRY, m.from, m.to, m);
        return;
      }
      if (!this.s.nodes[m.to - 1].alive) {
        this.dropHeld(pair, 'crashed');
        return;
      }
      held.shift();
      pair.tries = 0;
      // The ones behind were resent with it or sit in the receiver's buffer: no draws for them.
      resend = false;
      announce = false;
      this.handOver(m);
    }
  }

  private dropHeld(pair: StreamPair, reason: DropReason): void {
    const held = pair.held;
    pair.held = [];
    pair.tries = 0;
    for (const m of held) this.dropMsg(m, reason);
  }

  /** Stream transport: a killed process's operating system resets its connections to every other live node. */
  private resetConnections(id: NodeId): void {
    for (const rec of this.s.nodes) {
      if (rec.id !== id && rec.alive) this.sendStream({ from: id, to: rec.id, kind: RESET_KIND, fields: NO_FIELDS, id: 0, lost: false });
    }
  }

  private applyAction(action: Action): void {
    const t = this.s.now;
    switch (action.do) {
      case 'crash':
        this.emit({ t, type: 'fault', ...action });
        this.crash(action.node, action.how);
        break;
      case 'crashLeader': {
        const target = this.pickLeaderToCrash();
        // `how` only when the action has it, so traces of plain crashes are what they always were.
        this.emit(action.how === undefined ? { t, type: 'fault', do: 'crashLeader', node: target } : { t, type: 'fault', do: 'crashLeader', how: action.how, node: target });
        if (target !== null) this.crash(target, action.how);
        break;
      }
      case 'revive': {
        this.emit({ t, type: 'fault', ...action });
        const rec = this.node(action.node);
        if (!rec.alive) {
          rec.alive = true;
          this.run(rec, { type: 'boot' });
        }
        break;
      }
      case 'write': {
        this.emit({ t, type: 'fault', ...action });
        const rec = this.node(action.node);
        if (!rec.alive) {
          this.emit({ t, type: 'write', node: rec.id, value: action.value, accepted: false, reason: 'crashed' });
        } else {
          this.run(rec, { type: 'write', value: action.value });
        }
        break;
      }
      default:
        this.emit({ t, type: 'fault', ...action });
        applyNetworkAction(this.s.network, action);
        this.savedNetwork = null;
        // Reachability decides the Bully cluster leader, so a network change can change it.
        this.updateClusterLeader();
    }
  }

  /** A node stops (`how`: see CrashHow; only the stream transport tells the two apart). */
  private crash(id: NodeId, how: CrashHow = 'kill'): void {
    const rec = this.node(id);
    if (!rec.alive) return;
    rec.alive = false;
    rec.timers = {};
    const before = rec.lastView;
    this.ctx = this.ctxFor(id);
    rec.state = this.algorithm.crash(rec.state, this.ctx);
    this.afterHandler(rec, { type: 'crash' }, before, NO_SENDS);
    if (this.rtoMs > 0 && how === 'kill') this.resetConnections(id);
  }

  /** The cluster leader if there is one, else the lowest-id live node that believes itself leader. */
  private pickLeaderToCrash(): NodeId | null {
    const cur = this.s.leader.current;
    if (cur !== null && this.s.nodes[cur - 1].alive) return cur;
    for (const rec of this.s.nodes) {
      if (rec.alive && this.algorithm.claimsLeadership(rec.lastView)) return rec.id;
    }
    return null;
  }

  /** Runs the handler for `cause` on a node and applies its plan. */
  private run(rec: NodeRecord<unknown>, cause: Exclude<StepCause, { type: 'crash' }>): void {
    const before = rec.lastView;
    const plan = this.plan;
    // The arrays are reused, their counts reset (see `PlanBuffer`); anomalies are rare and get a fresh one.
    plan.nSends = 0;
    plan.nTimers = 0;
    plan.nCommits = 0;
    plan.anomalies = NO_ANOMALIES;
    plan.write = null;
    const ctx = this.ctxFor(rec.id);
    const alg = this.algorithm;
    switch (cause.type) {
      case 'boot':
        alg.boot(rec.state, ctx);
        break;
      case 'message':
        alg.onMessage(rec.state, cause.msg, ctx);
        break;
      case 'timer':
        alg.onTimer(rec.state, cause.name, ctx);
        break;
      case 'write':
        alg.onWrite(rec.state, cause.value, ctx);
        break;
    }
    const t = this.s.now;
    const nSends = plan.nSends;
    if (this.rtoMs > 0) for (let i = 0; i < nSends; i++) this.sendStream(plan.sends[i]);
    else for (let i = 0; i < nSends; i++) this.send(plan.sends[i]);
    for (let i = 0; i < plan.nTimers; i++) {
      const name = plan.timerNames[i];
      const afterMs = plan.timerAfter[i];
      if (afterMs === null) delete rec.timers[name];
      else this.startTimer(rec, name, t + Math.max(0, afterMs));
    }
    if (cause.type === 'write') {
      const w: NonNullable<PlanBuffer['write']> = plan.write ?? { accepted: true };
      const ev: TraceEvent = { t, type: 'write', node: rec.id, value: cause.value, accepted: w.accepted };
      if (w.reason !== undefined) ev.reason = w.reason;
      if (w.leader !== undefined) ev.leader = w.leader;
      this.emit(ev);
    }
    for (let i = 0; i < plan.nCommits; i++) this.emit({ t, type: 'commit', node: rec.id, index: plan.commitIndex[i], value: plan.commitValue[i] });
    for (const a of plan.anomalies) this.emit({ t, type: 'anomaly', kind: a.kind, detail: a.detail });
    // The plan's array is reused: the checker gets a copy of this run's sends.
    this.afterHandler(rec, cause, before, this.check && nSends > 0 ? plan.sends.slice(0, nSends) : NO_SENDS);
  }

  /**
   * (Re)starts a node's timer. Its place in the order of events is (due, 0, seq), seq taken now, exactly as if
   * an entry were queued now. But most restarts move a timer later (Raft's election timer, restarted by every
   * heartbeat): then the entry already queued for it stays, and when it comes up, `step` re-queues it at the
   * timer's current place, which is still ahead (the queue pops in order, so the timer runs exactly where it
   * would have). This saves a queue entry per restart, and stale entries in the queue. A restart to an earlier
   * time queues a new entry (a new generation); the old one is then stale.
   */
  private startTimer(rec: NodeRecord<unknown>, name: string, due: number): void {
    const pins = this.pins;
    const k = pins === null ? 0 : this.s.timersStarted++;
    const seq = pins !== null && k < pins.timerOrder.length ? PINNED_ORDER + pins.timerOrder[k] : this.s.seq++;
    const tm = rec.timers[name];
    if (tm && tm.at <= due) {
      // `at` ≤ due and the queued entry's seq is older: the entry comes up first.
      tm.due = due;
      tm.seq = seq;
      return;
    }
    const gen = ++this.s.timerGen;
    if (tm) {
      tm.due = due;
      tm.seq = seq;
      tm.gen = gen;
      tm.at = due;
    } else rec.timers[name] = { due, gen, seq, at: due };
    queuePush(this.s.queue, due, orderOf(0, seq), K_TIMER, rec.id, gen, name);
  }

  /** Emits the node's `state` event if its view changed, runs the checker, updates the cluster leader. */
  private afterHandler(rec: NodeRecord<unknown>, cause: StepCause, before: NodeView, sent: Envelope[]): void {
    const alg = this.algorithm;
    // Most handler runs change nothing shown: an algorithm that can tell so from its state saves building
    // the view to compare it (the stored view is never the placeholder here, and its `alive` is compared apart).
    const unchanged = alg.viewUnchanged !== undefined && before.role !== '' && before.alive === rec.alive && alg.viewUnchanged(rec.state, before);
    const view = unchanged ? before : alg.view(rec.state);
    const changed = !unchanged && this.viewChanged(rec, view);
    let after = before;
    if (changed) {
      // { t, type, node, role, leader, alive, ...the other view fields }, without a rest object in between.
      const ev: Record<string, unknown> = { t: this.s.now, type: 'state', node: rec.id, role: view.role, leader: view.leader, alive: rec.alive };
      const keys: string[] = [];
      const values: unknown[] = [];
      for (const k in view) {
        keys.push(k);
        values.push(view[k]);
        if (k !== 'role' && k !== 'leader') ev[k] = view[k];
      }
      this.shown[rec.id - 1] = keys.includes('alive') ? null : { keys, values };
      // The view is fresh data (Algorithm.view's contract), so it becomes the stored view itself:
      // the same keys in the same order as { ...view, alive }. It is frozen: a stored view is replaced,
      // never changed, so checkpoints share it until the node's next state change (core/clone.ts).
      view.alive = rec.alive;
      after = Object.freeze(view);
      rec.lastView = after;
      this.emit(ev as TraceEvent);
    }
    if (this.check && this.algorithm.checker) {
      const step: StepInfo = { t: this.s.now, node: rec.id, cause, before, after, sent };
      this.algorithm.checker.afterStep(this.s.checker, step, this.clusterInfo(), (invariant, detail) => {
        // A broken state stays broken for many steps (e.g. a leader lacking a committed entry); the trace says
        // each distinct fact once, so the event log stays readable and the count means distinct breaks.
        const key = `${invariant}|${detail}`;
        if (this.s.reported[key]) return;
        this.s.reported[key] = true;
        this.savedReported = null;
        this.emit({ t: this.s.now, type: 'violation', invariant, detail });
      });
    }
    // The cluster leader depends on each node's alive flag, named leader and leadership claim (and on the
    // network, which `applyAction` handles); when none of these changed, recomputing it would find the same.
    if (changed && (before.alive !== after.alive || before.leader !== after.leader || this.claims(before) !== this.claims(after))) {
      this.updateClusterLeader();
    }
  }

  /**
   * Whether a node's fresh view differs from its stored one (`sameNodeView`), usually decided from `shown`:
   * the stored view's keys and values as lists, read in step with a for…in over the fresh view. Reading
   * `lastView[k]` for each key instead is a keyed lookup on another object, the slowest part of this test,
   * which runs after every handler. When the keys are not the same list, the general rule decides.
   */
  private viewChanged(rec: NodeRecord<unknown>, view: NodeView): boolean {
    const prev = rec.lastView;
    if (prev.role === '') return true; // the placeholder before the first handler
    const shown = this.shown[rec.id - 1];
    if (!shown) return !sameNodeView(prev, view, rec.alive);
    if (prev.alive !== rec.alive) return true;
    const { keys, values } = shown;
    let i = 0;
    for (const k in view) {
      if (k !== keys[i]) return !sameNodeView(prev, view, rec.alive);
      const a = values[i++];
      const b = view[k];
      if (a !== b && !sameView(a, b)) return true;
    }
    return i === keys.length ? false : !sameNodeView(prev, view, rec.alive);
  }

  private claims(view: NodeView): boolean {
    return view.role !== '' && this.algorithm.claimsLeadership(view);
  }

  private send(msg: Msg): void {
    const net = this.s.network;
    const t = this.s.now;
    const no = this.s.nextMsgId - 1; // the send number: ids count sends from 1
    const pins = this.pins;
    let latency: number;
    let lost: boolean;
    if (pins !== null && no < pins.latencies.length) {
      // A pinned send (a replayed exploration): no random number is drawn for it.
      latency = pins.latencies[no];
      lost = pins.lost.has(no);
    } else {
      latency = nextIntInclusive(this.s.rng, net.latency.min, net.latency.max);
      lost = net.dropRate > 0 && nextFloat(this.s.rng) < net.dropRate;
    }
    // A lost message dies half-way, so a viewer can show it vanish in flight.
    const deliverAt = lost ? t + Math.floor(latency / 2) : t + latency;
    msg.lost = lost;
    msg.id = this.s.nextMsgId++;
    const m = msg;
    this.s.stats.sent++;
    this.s.stats.byKind[m.kind] = (this.s.stats.byKind[m.kind] ?? 0) + 1;
    const ev: TraceEvent = { t, type: 'send', msg: msg.id, from: m.from, to: m.to, kind: m.kind, fields: m.fields, deliverAt };
    // Only lost messages carry the flag, so traces without loss are unchanged; a viewer needs it at send time
    // to place a lost message at the right fraction of its path before it dies.
    if (lost) ev.lost = true;
    this.emit(ev);
    queuePush(this.s.queue, deliverAt, orderOf(0, this.deliverySeq(no)), K_DELIVER, 0, 0, msg);
  }

  /** The order key of send `no`'s delivery among the events of its instant: pinned, or the next seq. */
  private deliverySeq(no: number): number {
    const pins = this.pins;
    return pins !== null && no < pins.sendOrder.length ? PINNED_ORDER + pins.sendOrder[no] : this.s.seq++;
  }

  private updateClusterLeader(): void {
    const next = this.algorithm.leaderRule === 'quorum' ? quorumLeader(this.algorithm, this.s.nodes, this.voters, this.votes) : this.reachableLeader();
    const l = this.s.leader;
    if (next === l.current) return;
    const t = this.s.now;
    if (next === null) {
      l.leaderlessSince = t;
    } else {
      if (l.leaderlessSince !== null) l.unavailableMs += t - l.leaderlessSince;
      l.leaderlessSince = null;
      if (l.firstAt === null) l.firstAt = t;
      if (l.lastNonNull !== null && l.lastNonNull !== next) l.changes++;
      l.lastNonNull = next;
    }
    l.current = next;
    this.emit({ t, type: 'leader', leader: next });
  }

  /** Bully: a live leader that every live node it can reach names as leader; two or more is split brain. */
  private reachableLeader(): NodeId | null {
    const found = reachableLeaders(this.algorithm, this.s.nodes, this.s.network);
    const l = this.s.leader;
    if (found.length >= 2) {
      if (!l.splitBrain) {
        l.splitBrain = true;
        this.emit({ t: this.s.now, type: 'anomaly', kind: 'split-brain', detail: splitBrainDetail(found) });
      }
      return null;
    }
    l.splitBrain = false;
    return found.length === 1 ? found[0] : null;
  }

  private clusterInfo() {
    return {
      now: this.s.now,
      voters: this.voters,
      observers: this.observers,
      options: this.options,
      nodes: this.s.nodes,
    };
  }

  /**
   * The next pinned draw's value, or null when there is none left (or no pins): then the seed draws. The ctx
   * clamps it: `random()` into [0, 1), `randomBetween(min, max)` rounded into [min, max).
   */
  private pinnedDraw(): number | null {
    const pins = this.pins;
    if (pins === null || this.s.drawsTaken >= pins.draws.length) return null;
    return pins.draws[this.s.drawsTaken++];
  }

  private emit(ev: TraceEvent): void {
    this.sink(ev);
  }

  private ctxFor(id: NodeId): Ctx<Record<string, unknown>> {
    const c = this.ctx as { id: NodeId; now: number };
    c.id = id;
    c.now = this.s.now;
    return this.ctx;
  }

  /** One context object, re-pointed at each handler run: handlers must not keep it. */
  private makeCtx(): Ctx<Record<string, unknown>> {
    const sim = () => this;
    const ctx: NodeEnv<Record<string, unknown>> & Ctx<Record<string, unknown>> = {
      id: 0,
      now: 0,
      voters: this.voters,
      observers: this.observers,
      options: this.options,
      random: () => {
        const s = sim();
        const v = s.pinnedDraw();
        return v === null ? nextFloat(s.s.rng) : Math.min(Math.max(v, 0), 1 - 2 ** -32);
      },
      randomBetween: (min: number, max: number) => {
        if (max <= min) return min;
        const s = sim();
        const v = s.pinnedDraw();
        return v === null ? min + Math.floor(nextFloat(s.s.rng) * (max - min)) : Math.min(max - 1, Math.max(min, Math.round(v)));
      },
      send: (to, kind, fields) => {
        const plan = sim().plan;
        const m: Msg = { from: ctx.id, to, kind, fields, id: 0, lost: false };
        plan.sends[plan.nSends++] = m;
      },
      setTimer: (name, afterMs) => {
        const plan = sim().plan;
        plan.timerNames[plan.nTimers] = name;
        plan.timerAfter[plan.nTimers++] = afterMs;
      },
      cancelTimer: (name) => {
        const plan = sim().plan;
        plan.timerNames[plan.nTimers] = name;
        plan.timerAfter[plan.nTimers++] = null;
      },
      commit: (index, value) => {
        const plan = sim().plan;
        plan.commitIndex[plan.nCommits] = index;
        plan.commitValue[plan.nCommits++] = value;
      },
      writeResult: (accepted, reason, leader) => {
        const w: PlanBuffer['write'] = { accepted };
        if (reason !== undefined) w.reason = reason;
        if (leader !== undefined) w.leader = leader;
        sim().plan.write = w;
      },
      anomaly: (kind, detail) => {
        const plan = sim().plan;
        if (plan.anomalies === NO_ANOMALIES) plan.anomalies = [];
        plan.anomalies.push({ kind, detail });
      },
      // A close is a message of the stream (in order with the sends around it); datagrams have no connections.
      close: (to, conn) => {
        if (sim().rtoMs === 0) return;
        const plan = sim().plan;
        plan.sends[plan.nSends++] = { from: ctx.id, to, kind: CLOSE_KIND, fields: { conn }, id: 0, lost: false };
      },
    };
    return ctx;
  }
}

// Shared empty arrays, never written to (the ctx swaps in a fresh anomalies array on first use).
const NO_SENDS: Msg[] = [];
const NO_ANOMALIES: PlanBuffer['anomalies'] = [];

/** The checkpoint of a state (see `Checkpoint`): node states through the algorithm's saveState, else deep copies. */
function saveKernel(s: KernelState, alg: AnyAlgorithm, network: NetworkState, reported: Record<string, true>): Checkpoint {
  const saveState: (state: unknown) => unknown = alg.saveState ? (state) => alg.saveState!(state) : clonePlain;
  // Arrays made at their final length: grown by push, they would keep spare room.
  let length = 0;
  for (const r of s.nodes) {
    length += 4;
    for (const _name in r.timers) length += 5;
  }
  const nodes = new Array<unknown>(length);
  let k = 0;
  for (const r of s.nodes) {
    nodes[k++] = r.alive;
    nodes[k++] = saveState(r.state);
    nodes[k++] = r.lastView;
    const count = k++;
    let timers = 0;
    for (const name in r.timers) {
      const tm = r.timers[name];
      nodes[k++] = name;
      nodes[k++] = tm.due;
      nodes[k++] = tm.gen;
      nodes[k++] = tm.seq;
      nodes[k++] = tm.at;
      timers++;
    }
    nodes[count] = timers;
  }
  const st = s.stats;
  const l = s.leader;
  const q = s.queue;
  const numbers = new Array<number>(QUEUE_AT + q.n * QUEUE_WIDTH);
  numbers[0] = s.now;
  numbers[1] = s.seq;
  numbers[2] = s.nextMsgId;
  numbers[3] = s.timerGen;
  numbers[4] = s.rng[0];
  numbers[5] = s.rng[1];
  numbers[6] = s.rng[2];
  numbers[7] = s.rng[3];
  numbers[8] = s.steps;
  numbers[9] = s.scriptQueued;
  numbers[10] = st.sent;
  numbers[11] = st.delivered;
  numbers[12] = st.dropped;
  numbers[13] = orNaN(l.current);
  numbers[14] = orNaN(l.lastNonNull);
  numbers[15] = l.changes;
  numbers[16] = orNaN(l.firstAt);
  numbers[17] = l.unavailableMs;
  numbers[18] = orNaN(l.leaderlessSince);
  numbers[19] = l.splitBrain ? 1 : 0;
  for (let i = 0, end = q.n * QUEUE_WIDTH; i < end; i++) numbers[QUEUE_AT + i] = q.d[i];
  return {
    numbers,
    queueRefs: q.r.slice(0, q.n),
    nodes,
    network,
    byKind: { ...st.byKind },
    checker: clonePlain(s.checker),
    reported,
    streams: saveStreams(s.streams, s.now),
    drawsTaken: s.drawsTaken,
    timersStarted: s.timersStarted,
  };
}

/** The stream pairs that still matter (something held, or a tail still ahead), flat; held messages are shared. */
function saveStreams(streams: Record<number, StreamPair>, now: number): unknown[] {
  const out: unknown[] = [];
  for (const key in streams) {
    const p = streams[key];
    if (p.held.length === 0 && p.tail <= now) continue;
    out.push(Number(key), p.tail, p.tries, p.held.length, ...p.held);
  }
  return out;
}

function loadStreams(flat: readonly unknown[]): Record<number, StreamPair> {
  const out: Record<number, StreamPair> = {};
  for (let k = 0; k < flat.length; ) {
    const key = flat[k++] as number;
    const tail = flat[k++] as number;
    const tries = flat[k++] as number;
    const count = flat[k++] as number;
    out[key] = { tail, tries, held: flat.slice(k, k + count) as Msg[] };
    k += count;
  }
  return out;
}

/** A fresh, mutable state from a checkpoint (which stays as it is: it may be restored again). */
function loadKernel(cp: Checkpoint, alg: AnyAlgorithm): KernelState {
  const loadState: (saved: unknown) => unknown = alg.loadState ? (saved) => alg.loadState!(saved) : clonePlain;
  const nodes: NodeRecord<unknown>[] = [];
  const flat = cp.nodes;
  for (let k = 0; k < flat.length; ) {
    const alive = flat[k++] as boolean;
    const state = loadState(flat[k++]);
    const lastView = flat[k++] as NodeView;
    const count = flat[k++] as number;
    const timers: NodeRecord<unknown>['timers'] = {};
    for (let i = 0; i < count; i++, k += 5) {
      timers[flat[k] as string] = { due: flat[k + 1] as number, gen: flat[k + 2] as number, seq: flat[k + 3] as number, at: flat[k + 4] as number };
    }
    nodes.push({ id: nodes.length + 1, alive, state, timers, lastView });
  }
  const n = cp.numbers;
  return {
    now: n[0],
    seq: n[1],
    nextMsgId: n[2],
    timerGen: n[3],
    rng: [n[4], n[5], n[6], n[7]],
    queue: loadQueue(n, QUEUE_AT, cp.queueRefs),
    nodes,
    network: clonePlain(cp.network),
    stats: { sent: n[10], delivered: n[11], dropped: n[12], byKind: { ...cp.byKind } },
    leader: {
      current: orNull(n[13]),
      lastNonNull: orNull(n[14]),
      changes: n[15],
      firstAt: orNull(n[16]),
      unavailableMs: n[17],
      leaderlessSince: orNull(n[18]),
      splitBrain: n[19] === 1,
    },
    checker: clonePlain(cp.checker),
    reported: { ...cp.reported },
    steps: n[8],
    scriptQueued: n[9],
    streams: loadStreams(cp.streams),
    drawsTaken: cp.drawsTaken,
    timersStarted: cp.timersStarted,
  };
}

function emptyPlan(): PlanBuffer {
  return { sends: [], nSends: 0, timerNames: [], timerAfter: [], nTimers: 0, commitIndex: [], commitValue: [], nCommits: 0, write: null, anomalies: NO_ANOMALIES };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
