/**
 * Running a lesson (issue 8) on a pane controller. Opening a lesson computes its pause points once (the
 * engine runs the lesson headless in a few milliseconds: `lessonPauseTimes`), then starts the pane on the
 * lesson's scenario, paused at time 0 (the introduction). "Next step" plays the run until the displayed time
 * reaches the next pause point (the controller's `setStopAt`), at a speed that gets there within a few
 * seconds; "Previous step" seeks back to the previous pause point. Pressing Play in a lesson also stops at the
 * next pause point and shows that step. Seeking with the timeline moves to the step whose time was reached.
 */
import { lessonById, lessonPanes, lessonPauseTimes, type Lesson } from '../lessons';
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
export function lessonConfig(lesson: Lesson): RunConfig {
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
  };
}

export interface LessonSessionOptions {
  /** Whether side-by-side panes can be shown (compare mode); without it such lessons show a notice. */
  canCompare?: () => boolean;
  /** Called with the query string the address bar should show (null: leave it). */
  onUrl?: (search: string) => void;
}

export class LessonSession {
  private config: RunConfig | null = null;
  private userSpeed: number | null = null;
  private unsubscribe: () => void;

  constructor(
    readonly controller: PaneController,
    readonly teach: TeachStore,
    private readonly opts: LessonSessionOptions = {},
  ) {
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
    return id ? (lessonById(id) ?? null) : null;
  }

  /** Opens a lesson by id; false if there is none with that id. */
  open(id: string): boolean {
    const lesson = lessonById(id);
    if (!lesson) return false;
    this.restoreSpeed();
    this.controller.setStopAt(null);
    if (lesson.algorithms.length > 1 && !(this.opts.canCompare?.() ?? false)) {
      this.config = null;
      this.teach.setState({ lessonId: id, step: -1, times: [], transit: false, needsCompare: true, overlay: 'none' });
      this.opts.onUrl?.(lessonHref(id, typeof location !== 'undefined' ? location.search : ''));
      return true;
    }
    const { times } = lessonPauseTimes(lesson);
    const config = lessonConfig(lesson);
    this.controller.pause();
    this.config = config;
    this.teach.setState({ lessonId: id, step: -1, times, transit: false, needsCompare: false, overlay: 'none' });
    this.controller.reset(config);
    this.arm();
    this.opts.onUrl?.(lessonHref(id, typeof location !== 'undefined' ? location.search : ''));
    return true;
  }

  /** Leaves the lesson; the run goes back to a plain cluster of the same algorithm unless `keepRun`. */
  close({ keepRun = false } = {}): void {
    const cfg = this.controller.store.getState().config;
    this.config = null;
    this.controller.setStopAt(null);
    this.restoreSpeed();
    this.teach.setState({ lessonId: null, step: -1, times: [], transit: false, needsCompare: false });
    if (typeof location !== 'undefined') {
      const q = new URLSearchParams(location.search);
      q.delete('lesson');
      const s = q.toString();
      this.opts.onUrl?.(s ? `?${s}` : '');
    }
    if (cfg.events && cfg.events.length > 0) {
      const { events: _events, ...plain } = cfg;
      this.controller.reset(keepRun ? { ...plain } : { ...plain, options: {} });
    }
  }

  /** Plays to the next pause point (or jumps there if the run is already on its way). */
  next(): void {
    const { step, times, transit } = this.teach.getState();
    if (!this.config || step >= times.length - 1) return;
    const target = this.timeOf(step + 1);
    const now = this.controller.time;
    if (target <= now) {
      // The next step is at this very instant (two events at one time): no need to run.
      this.controller.pause();
      this.restoreSpeed();
      this.setStep(step + 1);
      return;
    }
    if (transit) {
      // A second press while on the way: hurry there.
      if (this.userSpeed === null) this.userSpeed = this.controller.store.getState().speed;
      this.controller.setSpeed(MAX_TRANSIT_SPEED);
      this.controller.play();
      return;
    }
    const speed = this.controller.store.getState().speed;
    const need = (target - now) / MAX_TRANSIT_S;
    if (need > speed) {
      this.userSpeed = speed;
      this.controller.setSpeed(Math.min(MAX_TRANSIT_SPEED, niceSpeed(need)));
    }
    this.teach.setState({ transit: true });
    this.controller.play();
  }

  /** Back to the previous step's pause point (or the introduction at time 0). */
  previous(): void {
    const { step } = this.teach.getState();
    if (!this.config || step < 0) return;
    this.controller.pause();
    this.restoreSpeed();
    const to = step - 1 >= 0 ? this.timeOf(step - 1) : 0;
    this.setStep(step - 1);
    this.controller.seek(to);
  }

  /** Jumps back to step `i` (-1: the introduction); a step beyond the furthest time reached is refused. */
  goTo(i: number): void {
    const { times } = this.teach.getState();
    if (!this.config || i < -1 || i >= times.length) return;
    if (i >= 0 && this.timeOf(i) > this.controller.store.getState().horizon) return;
    this.controller.pause();
    this.restoreSpeed();
    this.setStep(i);
    this.controller.seek(i >= 0 ? this.timeOf(i) : 0);
  }

  /** The test bridge's view (`window.__lesson` with `?test=1`): read state, and the same commands as the buttons. */
  bridge() {
    return {
      state: () => {
        const { lessonId, step, times, transit, needsCompare } = this.teach.getState();
        return { id: lessonId, step, times: [...times], transit, needsCompare };
      },
      open: (id: string) => this.open(id),
      next: () => this.next(),
      previous: () => this.previous(),
    };
  }

  dispose(): void {
    this.unsubscribe();
    this.controller.setStopAt(null);
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

  /** Makes the run stop at the next step's pause point. */
  private arm(): void {
    const { step, times } = this.teach.getState();
    if (!this.config || step + 1 >= times.length) {
      this.controller.setStopAt(null);
      return;
    }
    this.controller.setStopAt(this.timeOf(step + 1), () => {
      this.restoreSpeed();
      this.setStep(this.teach.getState().step + 1);
    });
  }

  private restoreSpeed(): void {
    if (this.userSpeed !== null) {
      this.controller.setSpeed(this.userSpeed);
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
