/**
 * One pane's driver: owns the transport to its SimHost, the displayed virtual time and the one
 * requestAnimationFrame loop. React components read the pane store and call these methods; the hot path
 * (message positions, countdown arcs) subscribes to `onFrame` and writes through refs.
 *
 * The clock: while playing, each frame advances the displayed time by wall time × speed and asks the worker
 * to run to it (at most one request in flight). A user action is stamped with the displayed time, which the
 * engine has not passed, so the action log replays the run exactly. When the worker dies, a new one is
 * started and the log is replayed to the displayed time.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Action, NodeId, Scenario, TimedAction } from '../engine/core/types';
import { PROTOCOL_VERSION, type AlgorithmInfo, type FromWorker, type ToWorker } from '../protocol';
import type { Transport, TransportFactory } from '../worker/transport';
import type { ClockLink } from './clock-group';
import { applyBatch, applySnapshot, initialPane, pruneMessages, scenarioOf, type PaneState, type RunConfig } from './pane-model';

export interface ControllerDeps {
  transport: TransportFactory;
  /** Frame scheduler (requestAnimationFrame in a browser). */
  raf?: (cb: (wallMs: number) => void) => unknown;
  /** Wall clock in ms (performance.now in a browser). */
  wallNow?: () => number;
  /** How long the worker may stay silent while owing an answer before it is taken for dead. */
  watchdogMs?: number;
  /** Listen to page visibility (auto-pause when hidden). */
  document?: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'> | null;
  /** Ask the worker for live metrics (compare mode's metric cards). */
  metrics?: boolean;
}

export type PaneStore = StoreApi<PaneState>;
type FrameListener = (time: number) => void;
type Pending = 'init' | 'advance' | 'act' | 'step' | 'seek' | 'inspect' | 'crash' | 'parse' | 'export';
type Batch = Extract<FromWorker, { type: 'batch' }>;

/** Replay: the exported trace (`sim --format jsonl --until to`) and the FNV-1a hash of its lines before `end`. */
export interface ExportedTrace {
  to: number;
  jsonl: string;
  hash: string;
}

/** Is a message on its way (after the held-back step `pending`, if any)? Only then is a step worth a glide. */
function hasFlight(pending: Batch | null, s: PaneState): boolean {
  if (pending && pending.events.some((e) => e.type === 'send')) return true;
  return s.messages.some((m) => m.diedAt === undefined);
}

/** Replay: a scenario file's setup as the pane's run config (its `events` become the action log). */
export function configOfScenario(sc: Scenario, fallback: RunConfig): RunConfig {
  return {
    algorithm: sc.algorithm ?? fallback.algorithm,
    nodes: sc.nodes,
    observers: sc.observers,
    seed: sc.seed,
    latency: { ...sc.network.latency },
    dropRate: sc.network.dropRate,
    options: { ...sc.options },
    ...(sc.pinned ? { pinned: structuredClone(sc.pinned) } : {}),
  };
}

/** While the engine has nothing to do before the displayed time, it is still asked this often (wall ms). */
const QUIET_REFRESH_MS = 100;

const defaultRaf = (cb: (t: number) => void): unknown =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : setTimeout(() => cb(Date.now()), 16);

/** Virtual ms a dropped message keeps fading where it died: about 0.8 s of wall time at any speed. */
export function fadeMsFor(speed: number): number {
  return Math.min(3000, Math.max(4, speed * 0.8));
}

export class PaneController {
  readonly store: PaneStore;
  /** Algorithms the worker can run (from its hello); null until it said hello. */
  algorithms: AlgorithmInfo[] | null = null;
  onAlgorithms: ((a: AlgorithmInfo[]) => void) | null = null;

  private deps: Required<Omit<ControllerDeps, 'document' | 'metrics'>> & { document: ControllerDeps['document'] };
  /**
   * Compare mode: the clock group that owns the displayed time of every pane (src/store/clock-group.ts). The
   * time commands below hand over to it unless it is the one calling (`driving`).
   */
  private clock: ClockLink | null = null;
  private readonly wantMetrics: boolean;
  private transport: Transport | null = null;
  private ready = false;
  private viewTime = 0;
  private pending: Pending[] = [];
  private pendingSince = 0;
  private frameScheduled = false;
  private lastWall: number | null = null;
  /** Wall time of the last `advance` posted from the frame loop. */
  private lastAdvanceWall = -Infinity;
  private listeners = new Set<FrameListener>();
  private autoPaused = false;
  private failuresInARow = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private disposed = false;
  private lastPrune = 0;
  /** A lesson's next pause point: playing stops when the displayed time reaches it (then `onStop` runs). */
  private stopAt: { t: number; onStop: () => void } | null = null;
  /**
   * Replay: a step's answer held back while the picture glides to its time (then it is applied). The time
   * itself (`viewTime`, the slider, the test bridge) is the step's at once; only the frame listeners (message
   * positions, countdowns) see the glide.
   */
  private stepAnim: { from: number; to: number; start: number | null; dur: number; batch: Batch } | null = null;
  /** Replay: a scenario text waiting for the worker to validate it, and what to do with it. */
  private loadRequest: { text: string; source: string; time?: number; playing?: boolean } | null = null;
  private exports: ((t: ExportedTrace) => void)[] = [];
  /** Replay: called with (source, detail) when a loaded scenario is refused (the run on screen stays). */
  onLoadResult: ((r: { ok: true; source: string; actions: number } | { ok: false; source: string; detail: string }) => void) | null = null;

  constructor(config: RunConfig, opts: { speed: number; playing: boolean }, deps: ControllerDeps) {
    this.deps = {
      transport: deps.transport,
      raf: deps.raf ?? defaultRaf,
      wallNow: deps.wallNow ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now())),
      watchdogMs: deps.watchdogMs ?? 4000,
      document: deps.document === undefined ? (typeof document !== 'undefined' ? document : null) : deps.document,
    };
    this.wantMetrics = deps.metrics === true;
    this.store = createStore<PaneState>(() => initialPane(config, opts.speed, opts.playing));
    this.deps.document?.addEventListener('visibilitychange', this.onVisibility);
    this.watchdog = setInterval(() => this.checkWatchdog(), 500);
    this.connect();
  }

  // ---- public commands (a click, a key and a menu item all end here) --------------------------------

  get time(): number {
    return this.viewTime;
  }

  get transportKind(): Transport['kind'] | null {
    return this.transport?.kind ?? null;
  }

  /** Compare mode: follow a clock group (null: back to this pane's own clock). */
  linkClock(link: ClockLink | null): void {
    this.clock = link;
  }

  /** The clock group this pane follows (compare mode), or null. */
  get clockLink(): ClockLink | null {
    return this.clock;
  }

  private get led(): ClockLink | null {
    return this.clock && !this.clock.driving ? this.clock : null;
  }

  /**
   * Compare mode: show time `t` while paused, as the clock group decides (a step to the panes' earliest next
   * event). Forward, the engine runs to it; backward it is a seek.
   */
  goTo(t: number): void {
    const s = this.store.getState();
    this.viewTime = t;
    this.store.setState({ time: t, horizon: Math.max(s.horizon, t) });
    // A snapshot still on its way would put the display back to its own time: a seek comes after it instead.
    if (t < s.engineTime || this.pending.some((k) => k === 'seek' || k === 'init')) {
      this.post({ type: 'seek', v: PROTOCOL_VERSION, run: this.runId, to: t, log: s.actions }, 'seek');
    } else if (t > s.engineTime) this.post({ type: 'advance', v: PROTOCOL_VERSION, run: this.runId, to: t }, 'advance');
    this.requestFrame();
  }

  play(): void {
    if (this.led) return this.led.play();
    this.finishStep();
    if (this.store.getState().playing) return;
    this.autoPaused = false;
    this.lastWall = null;
    this.store.setState({ playing: true });
    this.requestFrame();
  }

  pause(): void {
    if (this.led) return this.led.pause();
    if (!this.store.getState().playing) return;
    this.store.setState({ playing: false, time: this.viewTime });
    // Let the engine catch up with the frozen displayed time, so what is shown is what is there.
    this.post({ type: 'advance', v: PROTOCOL_VERSION, run: this.runId, to: this.viewTime }, 'advance');
  }

  togglePlay(): void {
    if (this.led) return this.led.togglePlay();
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) return;
    if (this.led) return this.led.setSpeed(speed);
    this.store.setState({ speed });
  }

  /**
   * One event forward: the engine runs to the next instant at which the trace says something (a delivery, a
   * timer firing, a fault, with their consequences); the picture glides there and then shows what happened.
   */
  stepForward(): void {
    if (this.led) return this.led.stepForward();
    this.finishStep();
    this.pause();
    this.post({ type: 'step', v: PROTOCOL_VERSION, run: this.runId }, 'step');
  }

  /** Back to the previous instant at which something happened: the exact inverse of the step on screen. */
  stepBack(): void {
    if (this.led) return this.led.stepBack();
    this.finishStep();
    this.pause();
    this.post({ type: 'stepBack', v: PROTOCOL_VERSION, run: this.runId, log: this.store.getState().actions, from: this.viewTime }, 'seek');
  }

  /** Pauses at the previous (-1) or next (+1) timeline marker (election, leader change, fault, alert…). */
  seekMarker(dir: 1 | -1): void {
    this.finishStep();
    const s = this.store.getState();
    const now = this.viewTime;
    const m = dir > 0 ? s.markers.find((k) => k.t > now + 0.5) : [...s.markers].reverse().find((k) => k.t < now - 0.5);
    if (!m) return;
    this.pause();
    this.seek(m.t);
  }

  /** Shows the run at virtual time `t` (between 0 and the furthest time reached). */
  seek(t: number): void {
    if (this.led) return this.led.seek(t);
    this.finishStep();
    const s = this.store.getState();
    const to = Math.max(0, Math.min(t, s.horizon));
    this.viewTime = to;
    this.store.setState({ time: to });
    this.post({ type: 'seek', v: PROTOCOL_VERSION, run: this.runId, to, log: s.actions }, 'seek');
  }

  /** Applies a user action at the displayed time and records it in the action log. */
  act(action: Action): void {
    if (this.led) return this.led.act(action);
    this.finishStep();
    const s = this.store.getState();
    const at = this.viewTime;
    // Acting in the past (after a seek back) starts a new future: the old one's actions no longer apply.
    const kept = s.actions.filter((a) => a.at <= at);
    const timed = { at, ...action } as TimedAction;
    this.store.setState({ actions: [...kept, timed], horizon: kept.length < s.actions.length || at < s.horizon ? at : s.horizon });
    this.post({ type: 'act', v: PROTOCOL_VERSION, run: this.runId, action: timed }, 'act');
  }

  inspect(node: NodeId | null): void {
    this.store.setState({ selectedNode: node, inspected: null });
    this.post({ type: 'inspect', v: PROTOCOL_VERSION, run: this.runId, node }, 'inspect');
  }

  selectMessage(msg: number | null): void {
    if (msg !== null) this.pause();
    this.store.setState({ selectedMessage: msg });
  }

  dismissNotice(): void {
    this.store.setState({ notice: null });
  }

  /** Starts the run over, optionally with a new setup; the action log starts empty. */
  reset(config?: RunConfig): void {
    this.stepAnim = null;
    const s = this.store.getState();
    let cfg = config ?? s.config;
    // A pinned schedule belongs to the setup it was explored on: a new algorithm, size or seed runs free. Only
    // the run's own pins carried over are dropped; a setup that brings its own (a lesson's script) keeps them.
    if (cfg.pinned && cfg.pinned === s.config.pinned && (cfg.algorithm !== s.config.algorithm || cfg.nodes !== s.config.nodes || cfg.observers !== s.config.observers || cfg.seed !== s.config.seed)) {
      const { pinned: _pinned, ...free } = cfg;
      cfg = free;
    }
    const next = initialPane(cfg, s.speed, s.playing);
    next.run = s.run + 1;
    next.recoveries = s.recoveries;
    this.viewTime = 0;
    this.lastWall = null;
    this.store.setState(next, true);
    this.sendInit();
  }

  /**
   * Replay: starts a saved run — a setup and its action log — optionally at time `time` (paused there, as a
   * shared link opened "at the moment shown" does).
   */
  load(config: RunConfig, actions: TimedAction[], opts: { time?: number; playing?: boolean } = {}): void {
    this.stepAnim = null;
    const s = this.store.getState();
    const next = initialPane(config, s.speed, opts.playing ?? s.playing);
    next.run = s.run + 1;
    next.recoveries = s.recoveries;
    next.actions = actions.map((a) => ({ ...a }));
    this.viewTime = Math.max(0, opts.time ?? 0);
    this.lastWall = null;
    this.store.setState(next, true);
    this.sendInit();
  }

  /**
   * Replay: loads a scenario file's text (a file, a dropped file or a link). The worker validates it; a bad
   * one is refused with the field and why (`onLoadResult`, and a notice), and the run on screen stays.
   */
  loadText(text: string, source: string, opts: { time?: number; playing?: boolean } = {}): void {
    this.loadRequest = { text, source, ...opts };
    if (this.ready) this.post({ type: 'parse', v: PROTOCOL_VERSION, run: this.runId, text }, 'parse');
  }

  /** Replay: refuses a load the page itself could not read (a damaged link), as a worker refusal would be. */
  refuseLoad(source: string, detail: string): void {
    this.store.setState({ notice: { key: 'loadRefused', detail: `${source}: ${detail}` } });
    this.onLoadResult?.({ ok: false, source, detail });
  }

  /** Replay: the run as a scenario file (contracts/scenario.md): the setup, with the action log as `events`. */
  scenarioFile(): Scenario {
    const s = this.store.getState();
    const base = scenarioOf(s.config);
    const events = [...base.events, ...s.actions.map((a) => ({ ...a }))].sort((a, b) => a.at - b.at);
    return { ...base, algorithm: s.config.algorithm, events };
  }

  /** Replay: the trace from 0 to the displayed time, as `sim --format jsonl --until <time>` prints it. */
  exportTrace(): Promise<ExportedTrace> {
    return new Promise((resolve) => {
      this.exports.push(resolve);
      this.post({ type: 'exportTrace', v: PROTOCOL_VERSION, run: this.runId, to: this.viewTime }, 'export');
    });
  }

  /** Test hook: the engine throws inside the worker. */
  crashWorker(): void {
    this.post({ type: 'crash', v: PROTOCOL_VERSION, run: this.runId }, 'crash');
  }

  /** Test hook: the worker disappears without a word (as when the browser kills it). */
  killWorker(): void {
    this.transport?.terminate();
  }

  /**
   * Plays to virtual time `t` at once (default: the armed stop point), as if frames at infinite speed had got
   * there: the run pauses at `t`, or at a stop point on the way, which fires as when playing across it (a
   * lesson then shows its next step). Nothing happens if `t` is not ahead of the displayed time. The test
   * bridge's `advanceTo` (`?test=1`): tests drive virtual time instead of waiting for the wall clock.
   */
  fastForward(t?: number): void {
    if (this.led) return this.led.fastForward(t);
    this.finishStep();
    const stop = this.stopAt;
    const target = t ?? stop?.t;
    if (target === undefined || !(target > this.viewTime)) return;
    const hit = stop && stop.t <= target ? stop : null;
    if (hit) this.stopAt = null;
    const to = hit ? hit.t : target;
    if (this.store.getState().playing) {
      this.viewTime = to;
      this.pause();
      this.requestFrame();
    } else this.goTo(to);
    hit?.onStop();
  }

  /**
   * True when what is shown is what the engine has: paused, the engine at the displayed time, no request to the
   * worker unanswered and no step still gliding. Tests wait for it ("the worker has delivered frame t").
   */
  get settled(): boolean {
    const s = this.store.getState();
    return s.status === 'running' && !s.playing && this.pending.length === 0 && this.stepAnim === null && s.engineTime === this.viewTime;
  }

  /**
   * Stops the run when the displayed time reaches `t` while playing (a lesson's next pause point), then calls
   * `onStop`. Null clears it. Seeking past `t` does not trigger it: only playing across it does.
   */
  setStopAt(t: number | null, onStop: () => void = () => {}): void {
    this.stopAt = t === null ? null : { t, onStop };
  }

  /** Subscribe to every displayed frame (message positions, countdowns). Returns the unsubscribe. */
  onFrame(fn: FrameListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Draws one frame soon (after a batch while paused, or when new elements mount). */
  requestFrame(): void {
    if (this.frameScheduled || this.disposed) return;
    this.frameScheduled = true;
    this.deps.raf(this.frame);
  }

  dispose(): void {
    this.disposed = true;
    this.transport?.terminate();
    this.transport = null;
    if (this.watchdog) clearInterval(this.watchdog);
    this.deps.document?.removeEventListener('visibilitychange', this.onVisibility);
  }

  // ---- the worker -------------------------------------------------------------------------------------

  private get runId(): number {
    return this.store.getState().run;
  }

  private connect(): void {
    this.ready = false;
    this.pending = [];
    const t = this.deps.transport();
    this.transport = t;
    t.onMessage = (m) => {
      if (this.transport === t) this.receive(m);
    };
    t.onFailure = (reason) => {
      if (this.transport === t) this.recover(reason);
    };
  }

  private post(msg: ToWorker, kind: Pending): void {
    if (!this.transport || !this.ready) return; // the snapshot after (re)start brings everything
    if (this.pending.length === 0) this.pendingSince = this.deps.wallNow();
    this.pending.push(kind);
    this.transport.post(msg);
  }

  private sendInit(): void {
    if (!this.ready) return;
    const s = this.store.getState();
    this.pending = [];
    this.post(
      { type: 'init', v: PROTOCOL_VERSION, run: s.run, algorithm: s.config.algorithm, scenario: scenarioOf(s.config), log: s.actions, to: this.viewTime, ...(this.wantMetrics ? { metrics: true } : {}) },
      'init',
    );
  }

  private receive(m: FromWorker): void {
    if (m.v !== PROTOCOL_VERSION) {
      this.recover(`the worker speaks protocol ${m.v}, the page ${PROTOCOL_VERSION}`);
      return;
    }
    if (m.type === 'hello') {
      this.ready = true;
      this.algorithms = m.algorithms;
      this.onAlgorithms?.(m.algorithms);
      if (this.loadRequest) this.post({ type: 'parse', v: PROTOCOL_VERSION, run: this.runId, text: this.loadRequest.text }, 'parse');
      else this.sendInit();
      return;
    }
    // A partial batch is a piece of the answer to the oldest request, which stays pending until its last piece.
    const partial = m.type === 'batch' && m.partial === true;
    const kind = partial ? this.pending[0] : this.pending.shift();
    if (partial || this.pending.length > 0) this.pendingSince = this.deps.wallNow();
    if (m.type === 'failed') {
      this.recover(m.message);
      return;
    }
    if (m.type === 'parsed') {
      this.onParsed(m);
      return;
    }
    if (m.run !== this.runId) return;
    if (m.type === 'trace') {
      this.exports.shift()?.({ to: m.to, jsonl: m.jsonl, hash: m.hash });
      return;
    }
    const s = this.store.getState();
    switch (m.type) {
      case 'snapshot': {
        this.stepAnim = null;
        this.viewTime = m.now;
        this.store.setState(applySnapshot(s, m));
        break;
      }
      case 'batch': {
        this.failuresInARow = 0;
        if (kind === 'step' && m.now > this.viewTime && hasFlight(this.stepAnim ? this.stepAnim.batch : null, s)) {
          // Step mode: glide the picture to the event's time (the message travels and arrives), then show it.
          // With nothing in flight there is nothing to glide: the event shows at once.
          this.finishStep();
          const from = this.viewTime;
          const dur = Math.min(320, Math.max(120, ((m.now - from) * 1000) / Math.max(1, s.speed)));
          this.stepAnim = { from, to: m.now, start: null, dur, batch: m };
          this.viewTime = m.now;
          this.store.setState({ time: m.now });
          break;
        }
        if (kind === 'step') this.viewTime = m.now;
        let next = applyBatch(s, m);
        if (kind === 'step') next = { ...next, time: m.now };
        this.store.setState(next);
        break;
      }
      case 'rejected': {
        if (kind === 'init') {
          this.store.setState({ notice: { key: 'scenarioRefused', detail: `${m.path}: ${m.reason}` } });
          // Fall back to the algorithm's defaults rather than leave a blank ring.
          if (Object.keys(s.config.options).length > 0) this.reset({ ...s.config, options: {} });
          return;
        }
        // The refused action is the last one logged.
        this.store.setState({ actions: s.actions.slice(0, -1), notice: { key: 'actionRefused', detail: `${m.path}: ${m.reason}` } });
        break;
      }
    }
    this.requestFrame();
  }

  /** The worker died or threw: start a new one and replay the action log to where the user was. */
  private recover(reason: string): void {
    if (this.disposed) return;
    this.failuresInARow++;
    const s = this.store.getState();
    this.stepAnim = null;
    this.transport?.terminate();
    this.transport = null;
    this.store.setState({
      status: 'recovering',
      recoveries: s.recoveries + 1,
      notice: { key: 'workerRestarted', detail: reason },
    });
    if (this.failuresInARow > 3) {
      // The same failure keeps coming back (an engine bug replays too): stop and say so.
      this.store.setState({ playing: false });
      return;
    }
    this.connect();
  }

  /** Ends a step's glide at once: its answer is applied and the picture stands at the event's time. */
  private finishStep(): void {
    const a = this.stepAnim;
    if (!a) return;
    this.stepAnim = null;
    this.viewTime = a.to;
    this.store.setState({ ...applyBatch(this.store.getState(), a.batch), time: a.to });
    this.requestFrame();
  }

  private onParsed(m: Extract<FromWorker, { type: 'parsed' }>): void {
    const req = this.loadRequest;
    this.loadRequest = null;
    if (!req) return;
    if (m.ok) {
      const s = this.store.getState();
      const config = configOfScenario(m.scenario, s.config);
      // A pinned schedule (an explored counterexample) replays exactly only as the scenario's own script: its
      // events run where the kernel puts scenario events, not as clicks applied when the run reaches them.
      if (m.scenario.pinned) config.events = m.scenario.events.map((e) => ({ ...e }));
      this.load(config, m.scenario.pinned ? [] : m.scenario.events, { time: req.time, playing: req.playing });
      this.onLoadResult?.({ ok: true, source: req.source, actions: m.scenario.events.length });
      return;
    }
    const detail = m.path ? `${m.path}: ${m.reason}` : m.reason;
    this.refuseLoad(req.source, detail);
    // Nothing was on screen yet (a bad link at start): show the run the other parameters describe.
    if (this.store.getState().status === 'starting') this.sendInit();
  }

  private checkWatchdog(): void {
    if (this.pending.length === 0 || !this.transport) return;
    if (this.deps.wallNow() - this.pendingSince > this.deps.watchdogMs) this.recover('the simulation worker stopped answering');
  }

  // ---- the frame loop ---------------------------------------------------------------------------------

  private frame = (wall: number): void => {
    this.frameScheduled = false;
    if (this.disposed) return;
    const s = this.store.getState();
    if (s.playing && s.status === 'running') {
      const dt = this.lastWall === null ? 0 : Math.min(100, Math.max(0, wall - this.lastWall));
      this.lastWall = wall;
      // Never run the display far ahead of the engine: if the worker lags, the picture slows down instead.
      const lead = Math.max(40, s.speed * 0.25);
      const before = this.viewTime;
      if (this.clock) this.viewTime = this.clock.timeAt(wall);
      else if (this.viewTime - s.engineTime < lead) this.viewTime += (dt * s.speed) / 1000;
      const stop = this.stopAt;
      if (stop && before < stop.t && this.viewTime >= stop.t) {
        this.viewTime = stop.t;
        this.stopAt = null;
        this.pause();
        stop.onStop();
        this.frame(wall);
        return;
      }
      // Nothing changes in the engine before its next event (`nextAt`), so while the display is short of it there
      // is no need to ask every frame: each post wakes the worker's thread, which cost the page up to a few ms
      // per post on a busy 2-core machine (3 panes × 60 a second in compare mode). The figures that grow with
      // time alone (how long the cluster has been without a leader) still refresh every QUIET_REFRESH_MS.
      const quiet = s.nextAt !== null && this.viewTime < s.nextAt && wall - this.lastAdvanceWall < QUIET_REFRESH_MS;
      if (!quiet && !this.pending.includes('advance') && this.viewTime > s.engineTime) {
        this.lastAdvanceWall = wall;
        this.post({ type: 'advance', v: PROTOCOL_VERSION, run: s.run, to: this.viewTime }, 'advance');
      }
    } else {
      this.lastWall = null;
      const a = this.stepAnim;
      if (a) {
        if (a.start === null) a.start = wall;
        const p = Math.min(1, (wall - a.start) / a.dur);
        const eased = p < 0.5 ? 2 * p * p : 1 - (-2 * p + 2) ** 2 / 2;
        if (p >= 1) {
          this.finishStep();
          return;
        }
        for (const fn of this.listeners) fn(a.from + (a.to - a.from) * eased);
        this.requestFrame();
        return;
      }
    }
    let next = s;
    if (next.time !== this.viewTime) next = { ...next, time: this.viewTime };
    if (wall - this.lastPrune > 200) {
      this.lastPrune = wall;
      next = pruneMessages(next, this.viewTime, fadeMsFor(s.speed));
    }
    if (next !== s) this.store.setState(next, true);
    for (const fn of this.listeners) fn(this.viewTime);
    if (s.playing || this.stepAnim) this.requestFrame();
  };

  private onVisibility = (): void => {
    const d = this.deps.document;
    if (!d) return;
    if (d.hidden && this.store.getState().playing) {
      this.pause();
      this.autoPaused = true;
    } else if (!d.hidden && this.autoPaused) {
      this.autoPaused = false;
      this.play();
    }
  };
}
