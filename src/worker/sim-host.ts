/**
 * The simulation host: owns one running engine and answers the page's protocol messages. It knows no
 * transport: `sim.worker.ts` connects it to postMessage, tests and the no-Worker fallback call it directly
 * (through a transport that structured-clones, so they see what a real Worker would).
 *
 * Replay: the host applies the page's action log lazily, each action when the run reaches its time, exactly
 * as a live click does (the engine has run to the displayed time, then the action is scheduled at it). So a
 * run rebuilt from the log (after a seek or a crashed worker) emits the identical trace.
 */
import { ALGORITHMS, getAlgorithm } from '../engine/algorithms';
import { profileOf } from '../engine/algorithms/profiles';
import type { Checkpoint, SimulationConfig } from '../engine/core/kernel';
import { Simulation } from '../engine/core/kernel';
import type { AlgorithmName, NodeId, Scenario, TimedAction, TraceEvent } from '../engine/core/types';
import { resolveOptions, ScenarioError, validateAction } from '../engine/scenario-file';
import {
  PROTOCOL_VERSION,
  type AlgorithmInfo,
  type FromWorker,
  type InspectedNode,
  type NetworkView,
  type NodeSnapshot,
  type RunStats,
  type SendEvent,
  type TimerView,
  type ToWorker,
} from '../protocol';
import { MetricsFolder } from '../view/metrics/folder';
import { Narrator, type Narration, type RawNarration } from '../view/narration';
import { createSimulation } from '../engine/run';
import { parseScenarioText } from '../engine/scenario-file';
import type { Marker } from '../protocol';
import { cloneFolder, liveMetrics } from '../view/metrics/live';

/** Virtual ms between checkpoints (seek cost is at most this much re-simulation). */
const CHECKPOINT_EVERY_MS = 1000;
const MAX_CHECKPOINTS = 300;
const RECENT_EVENTS = 120;
const MAX_EVENT_TIMES = 50_000;
/** Replay: narration lines kept for the current timeline, sent to the page per batch, and timeline markers. */
const MAX_LINES = 20_000;
const LINES_TO_PAGE = 400;
/**
 * A long advance goes to the page in pieces of this many trace events (see runTo). 500, not 2000: at ZAB's
 * 101-node cold start a piece of 2000 sends was 350 KB to copy and apply in one task, which with a frame beside
 * it made tasks over 50 ms (issue 17, row e); smaller pieces let frames run between them.
 */
export const BATCH_EVENTS = 500;
const MAX_MARKERS = 5_000;

/**
 * The newest lines worth sending the page: up to LINES_TO_PAGE telling ones and half as many routine ones
 * (heartbeats, deliveries), in order. Counted apart because a jump at 101 nodes brings thousands of deliveries at
 * once, which would otherwise push every telling line out of the batch and leave the event log empty.
 */
export function pageTail<L extends { importance: number }>(lines: readonly L[]): L[] {
  const out: L[] = [];
  let routine = 0;
  let telling = 0;
  for (let i = lines.length - 1; i >= 0 && (routine < LINES_TO_PAGE / 2 || telling < LINES_TO_PAGE); i--) {
    const l = lines[i];
    if (l.importance === 0) {
      if (routine++ < LINES_TO_PAGE / 2) out.push(l);
    } else if (telling++ < LINES_TO_PAGE) out.push(l);
  }
  return out.reverse();
}

/** What the marker finder remembers between events (restored with checkpoints). */
interface MarkState {
  roles: Record<number, string>;
  maxTerm: number;
}


/** A narrator's copy for a checkpoint (its state is plain data: maps, sets, objects). */
function cloneNarrator(n: Narrator): Narrator {
  return Object.assign(Object.create(Narrator.prototype) as Narrator, structuredClone({ ...n }));
}

interface HostCheckpoint {
  t: number;
  kernel: Checkpoint;
  logApplied: number;
  inflight: SendEvent[];
  timerSeen: [string, { due: number; since: number }][];
  hash: number;
  /** Replay: trace events emitted before this point, the narrator and the marker finder as they were. */
  events: number;
  narrator: Narrator;
  mark: MarkState;
  /** Compare mode's live metrics (only when the page asked for them). */
  metrics?: MetricsFolder;
}

export type Post = (msg: FromWorker) => void;

export function algorithmInfos(): AlgorithmInfo[] {
  return Object.values(ALGORITHMS).map((a) => ({
    name: a.name,
    messageKinds: [...a.messageKinds],
    defaultOptions: { ...(a.defaultOptions as Record<string, unknown>) },
    supportsObservers: a.supportsObservers,
  }));
}

/** FNV-1a over a string, continued from `h`. */
export function fnv1a(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class SimHost {
  private run = 0;
  private sim: Simulation | null = null;
  private config: SimulationConfig | null = null;
  private algorithm: AlgorithmName = 'bully';
  private log: TimedAction[] = [];
  private logApplied = 0;
  private checkpoints: HostCheckpoint[] = [];
  private inflight = new Map<number, SendEvent>();
  private timerSeen = new Map<string, { due: number; since: number }>();
  private pending: TraceEvent[] = [];
  private recent: TraceEvent[] = [];
  private eventTimes: number[] = [];
  private lastTouched = new Map<NodeId, number>();
  private hash = 0x811c9dc5;
  private batchStart = 0;
  private networkDirty = false;
  private inspectNode: NodeId | null = null;
  // Replay (issue 6): events are numbered in the current timeline; `known` is how far markers were collected
  // (beyond `now` after a seek back). A fork (an action while behind `known`) cuts markers from there.
  private eventIndex = 0;
  private known = 0;
  private markers: Marker[] = [];
  private newMarkers: Marker[] = [];
  private markersFrom: number | null = null;
  private mark: MarkState = { roles: {}, maxTerm: 0 };
  private narrator = new Narrator();
  private narratorStep = 0;
  // Lines are kept unwritten (a closure each): only the tail sent to the page is put into words.
  private lines: RawNarration[] = [];
  private newLines: RawNarration[] = [];
  /** Live metrics of the whole trace (compare mode, `init.metrics`); null when not asked for. */
  private metrics: MetricsFolder | null = null;
  private wantMetrics = false;
  /** Events were folded since the metrics were last sent (messages sent and delivered within a batch too). */
  private metricsStale = true;

  constructor(private readonly post: Post) {
    post({ type: 'hello', v: PROTOCOL_VERSION, algorithms: algorithmInfos() });
  }

  /** Handles one message; an engine exception becomes a `failed` message (the page then starts over). */
  handle(msg: ToWorker): void {
    if (msg.v !== PROTOCOL_VERSION) {
      this.post({ type: 'failed', v: PROTOCOL_VERSION, run: msg.run, message: `protocol version ${msg.v} is not ${PROTOCOL_VERSION}` });
      return;
    }
    try {
      this.dispatch(msg);
    } catch (e) {
      this.post({ type: 'failed', v: PROTOCOL_VERSION, run: msg.run, message: e instanceof Error ? e.message : String(e) });
    }
  }

  private dispatch(msg: ToWorker): void {
    if (msg.type === 'init') {
      this.wantMetrics = msg.metrics === true;
      this.init(msg.run, msg.algorithm, msg.scenario, msg.log, msg.to);
      return;
    }
    if (msg.type === 'parse') {
      this.parse(msg.run, msg.text);
      return;
    }
    if (msg.run !== this.run || !this.sim) return; // a message for a run that was replaced
    switch (msg.type) {
      case 'advance':
        // In pieces: ZAB's cold start at 101 nodes makes ~30,000 events in one displayed frame's advance (10,100
        // notifications at t = 0 alone); as one message it took the page over 100 ms to copy and apply
        // (issue 17: no task over 50 ms).
        if (msg.to > this.sim.now) this.runTo(msg.to, () => this.sendBatch(true));
        this.sendBatch();
        return;
      case 'act':
        this.act(msg.action);
        return;
      case 'step': {
        // To the next instant at which the trace says something (a stale timer alone shows nothing).
        const before = this.eventIndex;
        for (let guard = 0; guard < 100_000 && this.eventIndex === before; guard++) {
          const next = this.nextInterestingTime();
          if (next === null) break;
          this.runTo(next);
        }
        this.sendBatch();
        return;
      }
      case 'stepBack': {
        const target = this.previousEventTime(msg.from);
        this.seek(target, msg.log);
        return;
      }
      case 'exportTrace':
        this.exportTrace(msg.to);
        return;
      case 'seek':
        this.seek(msg.to, msg.log);
        return;
      case 'inspect':
        this.inspectNode = msg.node;
        this.sendBatch();
        return;
      case 'crash':
        throw new Error('the engine crashed (a test asked it to)');
    }
  }

  // ---- runs ------------------------------------------------------------------------------------------

  private init(run: number, algorithm: AlgorithmName, scenario: Scenario, log: TimedAction[], to: number): void {
    this.run = run;
    let options: Record<string, unknown>;
    try {
      options = resolveOptions(scenario, algorithm);
      getAlgorithm(algorithm);
    } catch (e) {
      const path = e instanceof ScenarioError ? e.path : 'algorithm';
      const reason = e instanceof ScenarioError ? e.reason : e instanceof Error ? e.message : String(e);
      this.sim = null;
      this.post({ type: 'rejected', v: PROTOCOL_VERSION, run, path, reason });
      return;
    }
    this.algorithm = algorithm;
    this.config = {
      algorithm: getAlgorithm(algorithm),
      scenario,
      options,
      check: true,
      sink: (e) => this.onEvent(e),
    };
    this.log = log.filter((a) => this.isValid(a, scenario));
    this.reset();
    this.sim = null; // the new run's boot events must not be taken for the old run's steps
    this.sim = Simulation.start(this.config);
    this.takeCheckpoint();
    this.runTo(to);
    this.sendSnapshot();
  }

  private reset(): void {
    this.logApplied = 0;
    this.checkpoints = [];
    this.inflight.clear();
    this.timerSeen.clear();
    this.pending = [];
    this.recent = [];
    this.eventTimes = [];
    this.lastTouched.clear();
    this.hash = 0x811c9dc5;
    this.batchStart = 0;
    this.eventIndex = 0;
    this.known = 0;
    this.markers = [];
    this.newMarkers = [];
    this.markersFrom = null;
    this.mark = { roles: {}, maxTerm: 0 };
    this.narrator = new Narrator();
    this.narratorStep = 0;
    this.lines = [];
    this.newLines = [];
    this.metrics = this.wantMetrics ? new MetricsFolder() : null;
  }

  private isValid(a: TimedAction, sc: Scenario): boolean {
    try {
      const { at: _at, ...action } = a;
      validateAction(action as never, sc.nodes, sc.observers);
      return Number.isFinite(a.at) && a.at >= 0;
    } catch {
      return false;
    }
  }

  private act(action: TimedAction): void {
    const sim = this.sim!;
    const sc = this.config!.scenario;
    try {
      const { at: _at, ...bare } = action;
      validateAction(bare as never, sc.nodes, sc.observers);
    } catch (e) {
      const err = e as ScenarioError;
      this.post({ type: 'rejected', v: PROTOCOL_VERSION, run: this.run, path: err.path ?? 'action', reason: err.reason ?? String(e) });
      return;
    }
    // The page stamps an action with its displayed time, which the engine never passed; a late message (the
    // page's clock ran on) is applied at the engine's time and the page takes the corrected stamp from the log.
    const at = Math.max(action.at, sim.now);
    // Actions after this one in the host's log belong to an abandoned future: the page cut them too.
    this.log = this.log.filter((a, i) => i < this.logApplied || a.at <= at);
    this.runTo(at);
    this.fork();
    this.log.push({ ...action, at });
    this.runTo(at);
    this.sendBatch();
  }

  /** Runs to `to`, applying log actions when their time comes and taking checkpoints on the way. */
  /**
   * Runs the engine to `to`, applying the action log and taking checkpoints on the way. With `piece`, it is
   * called whenever BATCH_EVENTS trace events wait, even within an instant (checkpoints still fall between
   * instants); the trace is the same however the run is cut.
   */
  private runTo(to: number, piece?: () => void): void {
    const sim = this.sim!;
    for (;;) {
      const next = this.log[this.logApplied];
      const nextCp = this.lastCheckpointTime() + CHECKPOINT_EVERY_MS;
      let target = to;
      if (next && next.at <= target) target = next.at;
      const cpDue = nextCp <= target;
      if (cpDue) target = nextCp;
      if (piece) {
        for (let t = sim.peekTime(); t !== null && t <= target; t = sim.peekTime()) {
          sim.step();
          if (this.pending.length >= BATCH_EVENTS) piece();
        }
      }
      sim.runUntil(target);
      if (cpDue) {
        this.takeCheckpoint();
        continue;
      }
      if (next && next.at <= to && next.at === target) {
        const { at, ...action } = next;
        sim.schedule(action as never, at);
        this.logApplied++;
        continue;
      }
      return;
    }
  }

  private lastCheckpointTime(): number {
    return this.checkpoints.length ? this.checkpoints[this.checkpoints.length - 1].t : 0;
  }

  private takeCheckpoint(): void {
    const sim = this.sim!;
    this.flushNarration();
    this.checkpoints.push({
      events: this.eventIndex,
      narrator: cloneNarrator(this.narrator),
      mark: structuredClone(this.mark),
      t: sim.now,
      kernel: sim.checkpoint(),
      logApplied: this.logApplied,
      inflight: [...this.inflight.values()],
      timerSeen: [...this.timerSeen.entries()].map(([k, v]) => [k, { ...v }]),
      hash: this.hash,
      metrics: this.metrics ? cloneFolder(this.metrics) : undefined,
    });
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      // Thin out the older half, keeping time 0: seeks far back cost more, memory stays bounded.
      const keep = this.checkpoints.filter((_, i) => i === 0 || i >= MAX_CHECKPOINTS / 2 || i % 2 === 0);
      this.checkpoints = keep;
    }
  }

  /** The next time at which something is queued (a step forward), or null when nothing is. */
  private nextInterestingTime(): number | null {
    const sim = this.sim!;
    const q = sim.peekTime();
    const next = this.log[this.logApplied];
    if (next && (q === null || next.at < q)) return next.at;
    return q;
  }

  /** The instant before the latest one at which an event happened at or before `from` (default: now). */
  private previousEventTime(from?: number): number {
    const now = from === undefined ? this.sim!.now : Math.min(from, this.sim!.now);
    const times = this.eventTimes;
    let i = times.length - 1;
    while (i >= 0 && times[i] > now) i--;
    // times[i] is the latest event instant ≤ now: go to the one before it.
    const cur = i >= 0 ? times[i] : 0;
    while (i >= 0 && times[i] >= cur) i--;
    return i >= 0 ? times[i] : 0;
  }

  /** The latest instant at which an event happened at or before now (0 when none). */
  private latestEventTime(): number {
    const now = this.sim!.now;
    const times = this.eventTimes;
    let i = times.length - 1;
    while (i >= 0 && times[i] > now) i--;
    return i >= 0 ? times[i] : 0;
  }

  private seek(to: number, log: TimedAction[]): void {
    const sim = this.sim!;
    const target = Math.max(0, to);
    // Where the page's log stops matching ours, checkpoints after that point are of another run.
    let same = 0;
    while (same < log.length && same < this.log.length && JSON.stringify(log[same]) === JSON.stringify(this.log[same])) same++;
    this.log = log.filter((a) => this.isValid(a, this.config!.scenario));
    const canContinue = target >= sim.now && same >= this.logApplied;
    if (!canContinue) {
      let k = this.checkpoints.length - 1;
      while (k > 0 && (this.checkpoints[k].t > target || this.checkpoints[k].logApplied > same)) k--;
      const cp = this.checkpoints[k];
      this.checkpoints.length = k + 1;
      this.sim = Simulation.restore(this.config!, cp.kernel);
      this.logApplied = cp.logApplied;
      this.inflight = new Map(cp.inflight.map((e) => [e.msg, e]));
      this.timerSeen = new Map(cp.timerSeen.map(([key, v]) => [key, { ...v }]));
      this.hash = cp.hash;
      this.metrics = cp.metrics ? cloneFolder(cp.metrics) : this.metrics && new MetricsFolder();
      this.eventTimes = this.eventTimes.filter((t) => t <= cp.t);
      this.recent = [];
      this.eventIndex = cp.events;
      this.narrator = cloneNarrator(cp.narrator);
      this.narratorStep = this.sim.steps;
      this.mark = structuredClone(cp.mark);
      this.lines = this.lines.filter((l) => l.index < cp.events);
      this.newLines = [];
    }
    this.runTo(target);
    this.sendSnapshot();
  }

  // ---- replay: narration, markers, forks, files ------------------------------------------------------

  /** Numbers the event, narrates it, and (the first time this point of the run is reached) finds markers. */
  private replayEvent(e: TraceEvent): void {
    const index = this.eventIndex++;
    // Broadcast groups never span two kernel steps: lines are the same however the run is cut into batches.
    const steps = this.sim ? this.sim.steps : 0;
    if (steps !== this.narratorStep) {
      this.flushNarration();
      this.narratorStep = steps;
    }
    for (const l of this.narrator.feedRaw(e)) this.addLine(l);
    const found = this.markersOf(e, index);
    if (index >= this.known) {
      this.known = index + 1;
      for (const m of found) {
        this.markers.push(m);
        this.newMarkers.push(m);
      }
      if (this.markers.length > MAX_MARKERS) this.markers.splice(0, this.markers.length - MAX_MARKERS);
    }
  }

  /** The lines a snapshot carries: the last ones, and further back the last telling ones (routine left out). */
  private linesTail(): Narration[] {
    return pageTail(this.lines).map((l) => this.narrator.render(l));
  }

  private flushNarration(): void {
    for (const l of this.narrator.flushRaw()) this.addLine(l);
  }

  private addLine(l: RawNarration): void {
    this.lines.push(l);
    this.newLines.push(l);
    if (this.lines.length > MAX_LINES) this.lines.splice(0, MAX_LINES / 4);
    if (this.newLines.length > LINES_TO_PAGE * 4) this.newLines = pageTail(this.newLines);
  }

  /** The markers an event makes (0–2); also keeps the marker finder's memory (roles, highest term). */
  private markersOf(e: TraceEvent, index: number): Marker[] {
    switch (e.type) {
      case 'leader':
        return [{ t: e.t, index, kind: e.leader === null ? 'noLeader' : 'leader', node: e.leader }];
      case 'fault':
        return [{ t: e.t, index, kind: 'fault', node: typeof e.node === 'number' ? e.node : null, label: String(e.do) }];
      case 'violation':
        return [{ t: e.t, index, kind: 'alert', node: null, label: e.invariant, value: 1 }];
      case 'anomaly':
        return [{ t: e.t, index, kind: 'alert', node: null, label: e.kind }];
      case 'state': {
        const out: Marker[] = [];
        const st = this.mark;
        const prev = st.roles[e.node];
        st.roles[e.node] = e.alive ? e.role : 'down';
        // The profile's election role means "an election is under way at this node" (Raft candidate, Bully electing, ZAB looking).
        const profile = profileOf(this.algorithm);
        if (e.alive && profile?.electionRole.role === e.role && prev !== e.role && prev !== undefined) out.push({ t: e.t, index, kind: 'election', node: e.node });
        const marked = profile?.round ? (e as Record<string, unknown>)[profile.round.marker] : undefined;
        const term = typeof marked === 'number' ? marked : null;
        if (term !== null && term > st.maxTerm) {
          st.maxTerm = term;
          out.push({ t: e.t, index, kind: 'term', node: e.node, value: term });
        }
        return out;
      }
      default:
        return [];
    }
  }

  /** An action while behind the furthest point reached: the old future's markers go (the page cuts its own). */
  private fork(): void {
    if (this.eventIndex >= this.known) return;
    this.known = this.eventIndex;
    const cut = this.eventIndex;
    this.markers = this.markers.filter((m) => m.index < cut);
    this.newMarkers = [];
    this.markersFrom = cut;
  }

  private parse(run: number, text: string): void {
    try {
      const scenario = parseScenarioText(text);
      if (scenario.algorithm) resolveOptions(scenario, scenario.algorithm);
      this.post({ type: 'parsed', v: PROTOCOL_VERSION, run, ok: true, scenario });
    } catch (e) {
      const path = e instanceof ScenarioError ? e.path : '';
      const reason = e instanceof ScenarioError ? e.reason : e instanceof Error ? e.message : String(e);
      this.post({ type: 'parsed', v: PROTOCOL_VERSION, run, ok: false, path, reason });
    }
  }

  /**
   * The trace from 0 to `to`, exactly as `sim --scenario F --format jsonl --until to` prints it for the saved
   * scenario F (the script and the user's actions as its `events`), run afresh from the file's form.
   */
  private exportTrace(to: number): void {
    const cfg = this.config!;
    const until = Math.max(0, Math.floor(to));
    const events = [...cfg.scenario.events, ...this.log].filter((a) => a.at <= until).sort((a, b) => a.at - b.at);
    const scenario: Scenario = { ...cfg.scenario, algorithm: this.algorithm, events };
    const out: string[] = [];
    let hash = 0x811c9dc5;
    const sim = createSimulation(scenario, {
      check: true,
      sink: (e) => {
        const line = JSON.stringify(e);
        if (e.type !== 'end') hash = fnv1a(hash, line);
        out.push(`${line}\n`);
      },
    });
    sim.finish(until);
    this.post({ type: 'trace', v: PROTOCOL_VERSION, run: this.run, to: until, jsonl: out.join(''), hash: hash.toString(16) });
  }

  // ---- the trace -------------------------------------------------------------------------------------

  private onEvent(e: TraceEvent): void {
    this.hash = fnv1a(this.hash, JSON.stringify(e));
    this.replayEvent(e);
    this.pending.push(e);
    if (this.metrics) {
      this.metrics.push(e);
      this.metricsStale = true;
    }
    this.recent.push(e);
    if (this.recent.length > RECENT_EVENTS * 2) this.recent = this.recent.slice(-RECENT_EVENTS);
    const times = this.eventTimes;
    if (times.length === 0 || times[times.length - 1] !== e.t) {
      times.push(e.t);
      if (times.length > MAX_EVENT_TIMES) times.splice(0, times.length - MAX_EVENT_TIMES);
    }
    switch (e.type) {
      case 'send':
        this.inflight.set(e.msg, e);
        this.lastTouched.set(e.from, e.t);
        break;
      case 'deliver':
        this.inflight.delete(e.msg);
        this.lastTouched.set(e.to, e.t);
        break;
      case 'drop':
        this.inflight.delete(e.msg);
        break;
      case 'state':
        this.lastTouched.set(e.node, e.t);
        break;
      case 'fault':
        this.networkDirty = true;
        if (typeof e.node === 'number') this.lastTouched.set(e.node, e.t);
        break;
      default:
        break;
    }
  }

  private timers(): TimerView[] {
    const sim = this.sim!;
    const out: TimerView[] = [];
    const seen = new Map<string, { due: number; since: number }>();
    for (const rec of sim.nodes) {
      for (const [name, t] of Object.entries(rec.timers)) {
        const key = `${rec.id}:${name}`;
        const prev = this.timerSeen.get(key);
        let since: number;
        if (prev && prev.due === t.due) since = prev.since;
        else {
          // The timer was set in a handler run of this node since the last batch: the node's last event is
          // the best estimate of when.
          const touched = this.lastTouched.get(rec.id);
          since = touched !== undefined && touched >= this.batchStart && touched <= t.due ? touched : Math.min(this.batchStart, t.due);
        }
        seen.set(key, { due: t.due, since });
        out.push({ node: rec.id, name, since, due: t.due });
      }
    }
    this.timerSeen = seen;
    return out;
  }

  private network(): NetworkView {
    const n = this.sim!.network;
    return {
      group: [...n.group],
      cuts: Object.keys(n.cut).map((k) => k.split('>').map(Number) as [NodeId, NodeId]),
      latency: { ...n.latency },
      dropRate: n.dropRate,
    };
  }

  private stats(): RunStats {
    const s = this.sim!.stats();
    return { sent: s.sent, delivered: s.delivered, dropped: s.dropped, steps: this.sim!.steps };
  }

  private inspected(): InspectedNode | null {
    const id = this.inspectNode;
    const sim = this.sim!;
    if (id === null || id < 1 || id > sim.nodes.length) return null;
    const rec = sim.node(id);
    return { node: id, alive: rec.alive, state: structuredClone(rec.state), timers: sim.timersOf(id) };
  }

  /** Leaves out messages sent and ended within this batch: they never were on screen. */
  private takePending(): TraceEvent[] {
    const events = this.pending;
    this.pending = [];
    const sent = new Set<number>();
    for (const e of events) if (e.type === 'send') sent.add(e.msg);
    if (sent.size === 0) return events;
    const gone = new Set<number>();
    for (const e of events) if ((e.type === 'deliver' || e.type === 'drop') && sent.has(e.msg)) gone.add(e.msg);
    if (gone.size === 0) return events;
    return events.filter((e) => !((e.type === 'send' || e.type === 'deliver' || e.type === 'drop') && gone.has(e.msg)));
  }

  private sendBatch(partial = false): void {
    const sim = this.sim!;
    const events = this.takePending();
    const msg: Extract<FromWorker, { type: 'batch' }> = {
      type: 'batch',
      v: PROTOCOL_VERSION,
      run: this.run,
      now: sim.now,
      events,
      timers: this.timers(),
      leader: sim.clusterLeader,
      nextAt: this.nextInterestingTime(),
      stats: this.stats(),
      traceHash: this.hash.toString(16),
      inspected: this.inspected(),
      prevAt: this.previousEventTime(),
      lastAt: this.latestEventTime(),
    };
    if (partial) msg.partial = true;
    if (this.metrics && this.metricsStale) msg.metrics = liveMetrics(this.metrics, sim.now);
    this.metricsStale = false;
    if (this.networkDirty) msg.network = this.network();
    // A piece cut within an instant leaves the narration alone: the narrator groups an instant's sends into one
    // line ("… tells every voter"), and the lines come with the last piece.
    if (!partial) {
      this.flushNarration();
      if (this.newLines.length) msg.lines = pageTail(this.newLines).map((l) => this.narrator.render(l));
      this.newLines = [];
    }
    if (this.newMarkers.length || this.markersFrom !== null) msg.markers = this.newMarkers;
    if (this.markersFrom !== null) msg.markersFrom = this.markersFrom;
    this.newMarkers = [];
    this.markersFrom = null;
    this.networkDirty = false;
    this.batchStart = sim.now;
    this.post(msg);
  }

  private sendSnapshot(): void {
    const sim = this.sim!;
    this.pending = [];
    this.flushNarration();
    this.newLines = [];
    this.newMarkers = [];
    this.markersFrom = null;
    const nodes: NodeSnapshot[] = sim.nodes.map((r) => {
      const { role, leader, alive: _alive, ...rest } = r.lastView;
      return { ...rest, node: r.id, role, leader, alive: r.alive };
    });
    const cfg = this.config!;
    this.post({
      type: 'snapshot',
      v: PROTOCOL_VERSION,
      run: this.run,
      now: sim.now,
      algorithm: this.algorithm,
      options: { ...cfg.options },
      voters: [...sim.voters],
      observers: [...sim.observers],
      nodes,
      inFlight: [...this.inflight.values()],
      timers: this.timers(),
      leader: sim.clusterLeader,
      network: this.network(),
      recent: this.recent.filter((e) => e.t <= sim.now).slice(-RECENT_EVENTS),
      nextAt: this.nextInterestingTime(),
      stats: this.stats(),
      traceHash: this.hash.toString(16),
      inspected: this.inspected(),
      prevAt: this.previousEventTime(),
      lastAt: this.latestEventTime(),
      metrics: this.metrics ? liveMetrics(this.metrics, sim.now) : undefined,
      lines: this.linesTail(),
      markers: [...this.markers],
    });
    this.networkDirty = false;
    this.batchStart = sim.now;
  }
}
