/**
 * Running a lesson (issue 8) on a pane controller. Opening a lesson computes its pause points once (the
 * engine runs the lesson headless in a few milliseconds: `lessonPauseTimes`), then starts the pane on the
 * lesson's scenario, paused at time 0 (the introduction). "Next step" plays the run until the displayed time
 * reaches the next pause point (the controller's `setStopAt`), at a speed that gets there within a few
 * seconds; "Previous step" seeks back to the previous pause point. Pressing Play in a lesson also stops at the
 * next pause point and shows that step. Seeking with the timeline moves to the step whose time was reached.
 */
import type { Lesson } from '../lessons';
import { loadedLesson, loadLessons, type LessonLibrary } from '../lessons/load';
import type { ClockGroup } from './clock-group';
import type { PaneController } from './pane-controller';
import type { RunConfig } from './pane-model';
import type { TeachStore } from './teach-store';

/** The longest a "Next step" may take in wall-clock seconds: faster runs are sped up for the way there. */
export const MAX_TRANSIT_S = 4;
const MAX_TRANSIT_SPEED = 20000;

/** A round speed at least `v` (1, 2 or 5 times a power of ten), so the speed control reads well. */
export function niceSpeed(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Query parameters a lesson link carries over from the current page (how it is shown, not what runs). */
const KEPT = ['lang', 'theme', 'presenter', 'embed', 'test', 'speed'];

/** The link of a lesson: `?lesson=<id>` plus the current page's display parameters. */
export function lessonHref(id: string, currentSearch = ''): string {
  const from = new URLSearchParams(currentSearch);
  const q = new URLSearchParams();
  q.set('lesson', id);
  for (const k of KEPT) {
    const v = from.get(k);
    if (v !== null) q.set(k, v);
  }
  return `?${q}`;
}

/** The pane setup of a single-pane lesson. */
export function lessonConfig(lesson: Lesson, { lessonPanes }: Pick<LessonLibrary, 'lessonPanes'>): RunConfig {
  const { algorithm, scenario } = lessonPanes(lesson)[0];
  return {
    algorithm,
    nodes: scenario.nodes,
    observers: scenario.observers,
    seed: scenario.seed,
    latency: { ...scenario.network.latency },
    dropRate: scenario.network.dropRate,
    options: structuredClone(scenario.options),
    events: scenario.events.map((e) => ({ ...e })),
    // A lesson whose script is an explored counterexample replays its exact schedule (scenario `pinned`).
    ...(scenario.pinned ? { pinned: structuredClone(scenario.pinned) } : {}),
  };
}

/** The time commands a lesson needs: one pane's controller, or compare mode's shared clock. */
interface LessonClock {
  readonly time: number;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  seek(t: number): void;
  setStopAt(t: number | null, onStop?: () => void): void;
  fastForward(t?: number): void;
  speed(): number;
  horizon(): number;
}

function paneClock(c: PaneController): LessonClock {
  return {
    get time() {
      return c.time;
    },
    play: () => c.play(),
    pause: () => c.pause(),
    setSpeed: (v) => c.setSpeed(v),
    seek: (t) => c.seek(t),
    setStopAt: (t, f) => c.setStopAt(t, f),
    fastForward: (t) => c.fastForward(t),
    speed: () => c.store.getState().speed,
    horizon: () => c.store.getState().horizon,
  };
}

function groupClock(g: ClockGroup, panes: PaneController[]): LessonClock {
  return {
    get time() {
      return g.now;
    },
    play: () => g.play(),
    pause: () => g.pause(),
    setSpeed: (v) => g.setSpeed(v),
    seek: (t) => g.seek(t),
    setStopAt: (t, f) => g.setStopAt(t, f),
    fastForward: (t) => g.fastForward(t),
    speed: () => g.store.getState().speed,
    horizon: () => Math.min(...panes.map((p) => p.store.getState().horizon)),
  };
}

/** Compare mode as the lesson session sees it (src/store/compare-session.ts). */
export interface CompareHooks {
  open(lesson: Lesson): Promise<{ clock: ClockGroup; panes: PaneController[] }>;
  close(): void;
  /** Calls `fn` when compare mode closes by itself (the user switched back to one pane). */
  onClosed(fn: () => void): () => void;
}

export interface LessonSessionOptions {
  /** Side-by-side panes (compare mode); without them such lessons show a notice. */
  compare?: CompareHooks;
  /** Called with the query string the address bar should show (null: leave it). */
  onUrl?: (search: string) => void;
}

export class LessonSession {
  private config: RunConfig | null = null;
  private userSpeed: number | null = null;
  private unsubscribe: () => void;
  private clock: LessonClock;
  /** Set while a side-by-side lesson runs in compare mode. */
  private group: { clock: ClockGroup; off: () => void; offClosed: () => void } | null = null;
  /** Counts `open` calls: one that finishes loading after a later one started gives way to it. */
  private opening = 0;

  constructor(
    readonly controller: PaneController,
    readonly teach: TeachStore,
    private readonly opts: LessonSessionOptions = {},
  ) {
    this.clock = paneClock(controller);
    this.unsubscribe = controller.store.subscribe((s, prev) => {
      if (!this.config) return;
      if (s.config !== this.config) {
        // The user chose another setup (algorithm, nodes…): the lesson is over.
        this.close({ keepRun: true });
        return;
      }
      if (s.run !== prev.run) {
        // Reset: back to the introduction.
        this.setStep(-1);
        return;
      }
      if (prev.playing && !s.playing && this.teach.getState().transit) {
        // Paused on the way (Space, or the arrival itself): the speed goes back to the user's.
        this.restoreSpeed();
        this.teach.setState({ transit: false });
      }
      if (!s.playing && s.time !== prev.time) this.resync(s.time);
    });
  }

  get lesson(): Lesson | null {
    const id = this.teach.getState().lessonId;
    return id ? (loadedLesson(id) ?? null) : null;
  }

  private get active(): boolean {
    return this.config !== null || this.group !== null;
  }

  /**
   * Opens a lesson by id, once the lesson library has loaded; false if there is none with that id, or if
   * another lesson was asked for meanwhile.
   */
  async open(id: string): Promise<boolean> {
    const ticket = ++this.opening;
    const library = await loadLessons();
    const lesson = library.lessonById(id);
    if (!lesson) return false;
    if (ticket !== this.opening) return false;
    this.restoreSpeed();
    this.clock.setStopAt(null);
    const search = typeof location !== 'undefined' ? location.search : '';
    const { times } = library.lessonPauseTimes(lesson);
    if (lesson.algorithms.length > 1) {
      this.leaveCompare();
      this.config = null;
      this.clock = paneClock(this.controller);
      const compare = this.opts.compare;
      if (!compare) {
        this.teach.setState({ lessonId: id, step: -1, times: [], transit: false, needsCompare: true, overlay: 'none' });
        this.opts.onUrl?.(lessonHref(id, search));
        return true;
      }
      this.controller.pause();
      const { clock, panes } = await compare.open(lesson);
      if (ticket !== this.opening) return false;
      this.clock = groupClock(clock, panes);
      const off = clock.store.subscribe((st, prev) => {
        if (prev.playing && !st.playing && this.teach.getState().transit) {
          this.restoreSpeed();
          this.teach.setState({ transit: false });
        }
      });
      const offClosed = compare.onClosed(() => {
        if (this.group?.clock === clock) {
          this.group.off();
          this.group.offClosed();
          this.group = null;
          this.clock = paneClock(this.controller);
          this.userSpeed = null;
          this.teach.setState({ lessonId: null, step: -1, times: [], transit: false, needsCompare: false });
          this.dropLessonParam();
        }
      });
      this.group = { clock, off, offClosed };
      this.teach.setState({ lessonId: id, step: -1, times, transit: false, needsCompare: false, overlay: 'none' });
      this.arm();
      this.opts.onUrl?.(lessonHref(id, search));
      return true;
    }
    this.leaveCompare();
    this.clock = paneClock(this.controller);
    const config = lessonConfig(lesson, library);
    this.controller.pause();
    this.config = config;
    this.teach.setState({ lessonId: id, step: -1, times, transit: false, needsCompare: false, overlay: 'none' });
    this.controller.reset(config);
    this.arm();
    this.opts.onUrl?.(lessonHref(id, search));
    return true;
  }

  /** Leaves the lesson; the run goes back to a plain cluster of the same algorithm unless `keepRun`. */
  close({ keepRun = false } = {}): void {
    const cfg = this.controller.store.getState().config;
    const wasPane = this.config !== null;
    this.config = null;
    this.clock.setStopAt(null);
    this.restoreSpeed();
    this.leaveCompare();
    this.clock = paneClock(this.controller);
    this.teach.setState({ lessonId: null, step: -1, times: [], transit: false, needsCompare: false });
    this.dropLessonParam();
    if (wasPane && cfg.events && cfg.events.length > 0) {
      const { events: _events, ...plain } = cfg;
      this.controller.reset(keepRun ? { ...plain } : { ...plain, options: {} });
    }
  }

  /** Plays to the next pause point (or hurries there if the run is already on its way). */
  next(): void {
    const { step, times, transit } = this.teach.getState();
    if (!this.active || step >= times.length - 1) return;
    const target = this.timeOf(step + 1);
    const now = this.clock.time;
    if (target <= now) {
      // The next step is at this very instant (two events at one time): no need to run.
      this.clock.pause();
      this.restoreSpeed();
      this.setStep(step + 1);
      return;
    }
    if (transit) {
      // A second press while on the way: hurry there.
      if (this.userSpeed === null) this.userSpeed = this.clock.speed();
      this.clock.setSpeed(MAX_TRANSIT_SPEED);
      this.clock.play();
      return;
    }
    const speed = this.clock.speed();
    const need = (target - now) / MAX_TRANSIT_S;
    if (need > speed) {
      this.userSpeed = speed;
      this.clock.setSpeed(Math.min(MAX_TRANSIT_SPEED, niceSpeed(need)));
    }
    this.teach.setState({ transit: true });
    this.clock.play();
  }

  /** Back to the previous step's pause point (or the introduction at time 0). */
  previous(): void {
    const { step } = this.teach.getState();
    if (!this.active || step < 0) return;
    this.clock.pause();
    this.restoreSpeed();
    const to = step - 1 >= 0 ? this.timeOf(step - 1) : 0;
    this.setStep(step - 1);
    this.clock.seek(to);
  }

  /** Jumps back to step `i` (-1: the introduction); a step beyond the furthest time reached is refused. */
  goTo(i: number): void {
    const { times } = this.teach.getState();
    if (!this.active || i < -1 || i >= times.length) return;
    if (i >= 0 && this.timeOf(i) > this.clock.horizon()) return;
    this.clock.pause();
    this.restoreSpeed();
    this.setStep(i);
    this.clock.seek(i >= 0 ? this.timeOf(i) : 0);
  }

  /**
   * The test bridge's view (`window.__lesson` with `?test=1`): read state, the same commands as the buttons,
   * and `arrive()`: a run on its way to the next pause point (after Next step or Play) gets there at once,
   * through the clock's own stop (PaneController / ClockGroup `fastForward`), so the step shows as when
   * played there. A walk-through is then "press Next step, arrive, check", never a wait for the wall clock.
   */
  bridge() {
    return {
      state: () => {
        const { lessonId, step, times, transit, needsCompare } = this.teach.getState();
        return { id: lessonId, step, times: [...times], transit, needsCompare };
      },
      open: (id: string) => this.open(id),
      next: () => this.next(),
      previous: () => this.previous(),
      arrive: () => this.arrive(),
    };
  }

  /** On the way to the next pause point: be there now (test hook, see `bridge`). */
  arrive(): void {
    if (this.active && this.teach.getState().transit) this.clock.fastForward();
  }

  dispose(): void {
    this.unsubscribe();
    this.clock.setStopAt(null);
    this.leaveCompare();
  }

  // ---- internals ----------------------------------------------------------------------------------

  private timeOf(i: number): number {
    const t = this.teach.getState().times[i];
    return t ?? this.lesson?.untilMs ?? 0;
  }

  private setStep(step: number): void {
    this.teach.setState({ step, transit: false });
    this.arm();
  }

  private leaveCompare(): void {
    const g = this.group;
    if (!g) return;
    this.group = null;
    g.off();
    g.offClosed();
    g.clock.setStopAt(null);
    this.opts.compare?.close();
  }

  private dropLessonParam(): void {
    if (typeof location === 'undefined') return;
    const q = new URLSearchParams(location.search);
    q.delete('lesson');
    const s = q.toString();
    this.opts.onUrl?.(s ? `?${s}` : '');
  }

  /** Makes the run stop at the next step's pause point. */
  private arm(): void {
    const { step, times } = this.teach.getState();
    if (!this.active || step + 1 >= times.length) {
      this.clock.setStopAt(null);
      return;
    }
    this.clock.setStopAt(this.timeOf(step + 1), () => {
      this.restoreSpeed();
      this.setStep(this.teach.getState().step + 1);
    });
  }

  private restoreSpeed(): void {
    if (this.userSpeed !== null) {
      this.clock.setSpeed(this.userSpeed);
      this.userSpeed = null;
    }
  }

  /** After a seek: show the last step whose pause point is at or before `t`. */
  private resync(t: number): void {
    const { step, times, transit } = this.teach.getState();
    if (transit) return;
    const lo = step >= 0 ? this.timeOf(step) : 0;
    const hi = step + 1 < times.length ? this.timeOf(step + 1) : Infinity;
    if (t >= lo && t <= hi) return;
    let k = -1;
    for (let i = 0; i < times.length; i++) if (this.timeOf(i) <= t) k = i;
    this.setStep(k);
  }
}
