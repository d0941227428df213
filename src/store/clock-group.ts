/**
 * One clock for side-by-side panes (compare mode, issue 7). The group owns the displayed virtual time of every
 * pane; each PaneController keeps its worker, its store and its frame loop, and takes the time from here:
 *
 * - playing: every pane's frame asks `timeAt(wall)`; all frames of one animation frame get the same wall time,
 *   hence the same virtual time. The group never runs more than a short lead ahead of the slowest engine
 *   (a lagging worker slows every pane, never splits them apart).
 * - pause / play / speed / seek act on all panes.
 * - step forward: to the earliest next event time among the panes (so timelines move together);
 *   step back, symmetric: to the latest instant before the last change shown in any pane.
 * - user actions: by default the same action, at the same time, in every pane; `only(fn)` runs `fn` with the
 *   panes acting alone (the node menu's "This pane only", Shift+click). So each pane's action log is the
 *   shared actions plus its own; the scenario's fault script (`RunConfig.events`) is identical in all panes.
 *
 * A controller's time commands hand over to the group while it is linked (`PaneController.linkClock`), so the
 * keyboard, the timeline and a message click behave the same whichever pane they come from.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Action, TimedAction } from '../engine/core/types';
import type { PaneController } from './pane-controller';

/** What a linked PaneController calls. */
export interface ClockLink {
  /** True while the group itself calls into the panes (the panes then obey instead of handing over). */
  readonly driving: boolean;
  timeAt(wall: number): number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  stepForward(): void;
  stepBack(): void;
  seek(t: number): void;
  /** Plays to `t` (default: the armed stop point) at once; see PaneController.fastForward. */
  fastForward(t?: number): void;
  act(action: Action): void;
  /** Runs `fn` with each pane acting on its own (a node menu's "This pane only"). */
  only(fn: () => void): void;
}

export interface ClockState {
  playing: boolean;
  speed: number;
  /** Shared user actions, stamped (they are in every pane's log too). */
  shared: TimedAction[];
}

export interface ClockDeps {
  document?: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'> | null;
}

/** The step-forward target: the earliest next event time after `time` among the panes (null: none queued). */
export function nextStepTime(time: number, nextAts: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const n of nextAts) if (n !== null && n > time && (best === null || n < best)) best = n;
  return best;
}

/**
 * The step-back target: with L the latest instant any pane changed at or before `time` (each pane's `lastAt`),
 * the latest instant before L at which any pane had an event — a pane whose own last change is L offers its
 * `prevAt`, the others their `lastAt`. Every change at L is undone; nothing older is.
 */
export function prevStepTime(panes: readonly { lastAt: number | null; prevAt: number | null }[]): number {
  const lasts = panes.map((p) => p.lastAt ?? 0);
  const L = Math.max(0, ...lasts);
  let best = 0;
  panes.forEach((p, i) => {
    const cand = lasts[i] === L ? (p.prevAt ?? 0) : lasts[i];
    if (cand < L && cand > best) best = cand;
  });
  return best;
}

export class ClockGroup implements ClockLink {
  readonly store: StoreApi<ClockState>;
  driving = false;
  private time = 0;
  private lastWall: number | null = null;
  private seenWall = Number.NaN;
  private stopAt: { t: number; onStop: () => void } | null = null;
  private autoPaused = false;
  private doc: ClockDeps['document'];

  constructor(
    readonly panes: readonly PaneController[],
    opts: { speed: number; playing: boolean },
    deps: ClockDeps = {},
  ) {
    this.store = createStore<ClockState>(() => ({ playing: opts.playing, speed: opts.speed, shared: [] }));
    for (const c of panes) c.linkClock(this);
    this.drive((c) => {
      c.setSpeed(opts.speed);
      if (opts.playing) c.play();
      else c.pause();
    });
    this.doc = deps.document === undefined ? (typeof document !== 'undefined' ? document : null) : deps.document;
    this.doc?.addEventListener('visibilitychange', this.onVisibility);
  }

  /** The displayed virtual time shared by every pane. */
  get now(): number {
    return this.time;
  }

  // ---- the frame loop's question ---------------------------------------------------------------------

  timeAt(wall: number): number {
    if (wall === this.seenWall) return this.time;
    this.seenWall = wall;
    const { playing, speed } = this.store.getState();
    if (!playing) {
      this.lastWall = null;
      return this.time;
    }
    const dt = this.lastWall === null ? 0 : Math.min(100, Math.max(0, wall - this.lastWall));
    this.lastWall = wall;
    const slowest = Math.min(...this.panes.map((c) => c.store.getState().engineTime));
    const lead = Math.max(40, speed * 0.25);
    const before = this.time;
    if (this.time - slowest < lead) this.time += (dt * speed) / 1000;
    const stop = this.stopAt;
    if (stop && before < stop.t && this.time >= stop.t) {
      this.time = stop.t;
      this.stopAt = null;
      queueMicrotask(() => {
        this.pause();
        stop.onStop();
      });
    }
    return this.time;
  }

  // ---- commands ---------------------------------------------------------------------------------------

  play(): void {
    if (this.store.getState().playing) return;
    this.autoPaused = false;
    this.lastWall = null;
    this.store.setState({ playing: true });
    this.drive((c) => c.play());
  }

  pause(): void {
    if (!this.store.getState().playing) return;
    this.store.setState({ playing: false });
    this.drive((c) => {
      c.pause();
      if (c.time !== this.time) c.goTo(this.time);
    });
  }

  togglePlay(): void {
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) return;
    this.store.setState({ speed });
    this.drive((c) => c.setSpeed(speed));
  }

  stepForward(): void {
    this.pause();
    const target = nextStepTime(
      this.time,
      this.panes.map((c) => c.store.getState().nextAt),
    );
    if (target === null) return;
    this.time = target;
    this.drive((c) => c.goTo(target));
  }

  stepBack(): void {
    this.pause();
    const target = Math.min(this.time, prevStepTime(this.panes.map((c) => c.store.getState())));
    this.seekAll(target);
  }

  /** Every pane to time `t` (clamped to what every pane has reached). */
  seek(t: number): void {
    const reach = Math.min(...this.panes.map((c) => Math.max(c.store.getState().horizon, c.time)));
    this.seekAll(Math.max(0, Math.min(t, reach)));
  }

  /**
   * Every pane to `t` at once (default: the armed stop point), as if played there at infinite speed: pauses at
   * `t`, or at a stop point on the way, which fires (a lesson shows its next step). Tests (`?test=1`) use it.
   */
  fastForward(t?: number): void {
    const stop = this.stopAt;
    const target = t ?? stop?.t;
    if (target === undefined || !(target > this.time)) return;
    const hit = stop && stop.t <= target ? stop : null;
    if (hit) this.stopAt = null;
    this.time = hit ? hit.t : target;
    this.lastWall = null;
    if (this.store.getState().playing) this.pause();
    else this.drive((c) => c.goTo(this.time));
    hit?.onStop();
  }

  act(action: Action): void {
    this.store.setState((s) => ({ shared: [...s.shared.filter((a) => a.at <= this.time), { at: this.time, ...action } as TimedAction] }));
    this.drive((c) => c.act(action));
  }

  only(fn: () => void): void {
    const was = this.driving;
    this.driving = true;
    try {
      fn();
    } finally {
      this.driving = was;
    }
  }

  /** Starts every pane over (same setups, empty action logs), at time 0. */
  reset(): void {
    this.time = 0;
    this.lastWall = null;
    this.stopAt = null;
    this.store.setState({ shared: [] });
    this.drive((c) => c.reset());
  }

  /** Stops playing when the shared time reaches `t` (a lesson's next pause point), then calls `onStop`. */
  setStopAt(t: number | null, onStop: () => void = () => {}): void {
    this.stopAt = t === null ? null : { t, onStop };
  }

  /** Unlinks the panes (they keep running on their own clocks until disposed). */
  dispose(): void {
    this.doc?.removeEventListener('visibilitychange', this.onVisibility);
    for (const c of this.panes) c.linkClock(null);
  }

  // ---------------------------------------------------------------------------------------------------

  private seekAll(t: number): void {
    this.time = t;
    this.lastWall = null;
    this.drive((c) => c.seek(t));
  }

  private drive(fn: (c: PaneController) => void): void {
    const was = this.driving;
    this.driving = true;
    try {
      for (const c of this.panes) fn(c);
    } finally {
      this.driving = was;
    }
  }

  private onVisibility = (): void => {
    const d = this.doc;
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
