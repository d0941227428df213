/**
 * Page object of the lab: opens the app with query parameters and reads engine state through the test-only
 * `window.__sim` bridge (`?test=1`), so specs assert on state rather than pixels.
 *
 * Virtual time (issue 13): specs drive the page's clock instead of playing at some speed and waiting for the
 * wall clock, so they pass the same way on a busy machine. Open the page paused, then
 * - `advanceTo(ms)`: play to virtual time ms at once and wait until the worker has delivered that frame
 *   (single pane or compare mode, whichever is on screen; in a lesson it stops at the next pause point first);
 * - `settled(ms?)`: wait until the worker has delivered the displayed frame (after a step, a seek, an action);
 * - `nextPause()`: in a lesson, press "Next step" and arrive at the pause point at once (`__lesson.arrive()`),
 *   then wait for the step and its frame.
 * Which times matter is known from the headless run of the same setup (`e2e/headless.ts`), not guessed.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { TimerArc } from '../../src/view/timers';
import type { Glyph } from '../../src/view/message-glyphs';
import type { Scenario } from '../../src/engine/core/types';
import { firstInstant, scenarioTrace } from '../headless';
import type { Snapshot } from '../../src/lessons/snapshot';

export interface OpenOptions {
  algorithm?: string;
  nodes?: number;
  observers?: number;
  seed?: number;
  speed?: number;
  paused?: boolean;
  extra?: Record<string, string>;
}

export interface NodeState {
  node: number;
  role: string;
  alive: boolean;
  leader: number | null;
  [k: string]: unknown;
}

export interface LessonState {
  id: string | null;
  step: number;
  times: (number | null)[];
  transit: boolean;
  needsCompare: boolean;
}

/** The `?test=1` bridges (src/store/test-bridge.ts, compare-bridge.ts, lesson-session.ts `bridge`), as specs call them. */
export interface SimBridgeView {
  status(): string;
  viewTime(): number;
  engineTime(): number;
  playing(): boolean;
  leader(): number | null;
  pause(): void;
  advanceTo(ms: number): number;
  settled(): boolean;
}
export interface Bridges {
  __sim: SimBridgeView;
  __compare?: { open(): boolean; times(): number[]; playing(): boolean; advanceTo(ms: number): number; settled(): boolean; pane(i: number): SimBridgeView };
  __lesson: { state(): LessonState; next(): void; previous(): void; arrive(): void };
}

/**
 * After a `goto`: the page runs, and a lesson it shows (by link or opened from the list) has loaded and shows
 * its introduction's frame, so the next key press or click acts on the lesson.
 */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const w = window as unknown as Bridges;
    if (w.__sim?.status() !== 'running') return false;
    const lesson = new URLSearchParams(location.search).get('lesson');
    return !lesson || (w.__lesson?.state().id === lesson && (w.__compare?.open() ? w.__compare.settled() : w.__sim.settled()));
  });
}

/** Fast enough that an election takes a second or two of wall time, slow enough to see messages. */
export const TEST_SPEED = 700;

export class Lab {
  constructor(readonly page: Page) {}

  async open(o: OpenOptions = {}): Promise<this> {
    const q = new URLSearchParams({ test: '1' });
    if (o.algorithm) q.set('algorithm', o.algorithm);
    if (o.nodes !== undefined) q.set('nodes', String(o.nodes));
    if (o.observers !== undefined) q.set('observers', String(o.observers));
    if (o.seed !== undefined) q.set('seed', String(o.seed));
    q.set('speed', String(o.speed ?? TEST_SPEED));
    if (o.paused) q.set('paused', '1');
    for (const [k, v] of Object.entries(o.extra ?? {})) q.set(k, v);
    await this.page.goto(`./?${q}`);
    await this.page.waitForFunction(() => (window as unknown as { __sim?: { status(): string } }).__sim?.status() === 'running');
    return this;
  }

  /** Opens a lesson by link (`?lesson=<id>&test=1`, paused at its introduction) and waits until it has loaded. */
  async openLesson(id: string, extra: Record<string, string> = {}): Promise<this> {
    const q = new URLSearchParams({ lesson: id, test: '1', ...extra });
    await this.page.goto(`./?${q}`);
    await this.page.waitForFunction((id) => {
      const w = window as unknown as Bridges;
      return w.__lesson?.state().id === id && (w.__compare?.open() ? w.__compare.settled() : w.__sim?.settled());
    }, id);
    return this;
  }

  /**
   * Plays the clock on screen (the pane, or compare mode's shared clock) to virtual time `ms` at once and waits
   * until every worker has delivered that frame. Returns the time it stopped at (a lesson's pause point may
   * come first).
   */
  async advanceTo(ms: number): Promise<number> {
    const reached = await this.page.evaluate((ms) => {
      const w = window as unknown as Bridges;
      return w.__compare?.open() ? w.__compare.advanceTo(ms) : w.__sim.advanceTo(ms);
    }, ms);
    await this.settled(reached);
    return reached;
  }

  /** Waits until the worker(s) have delivered the displayed frame (at `ms`, if given): paused, nothing owed. */
  async settled(ms?: number): Promise<void> {
    await this.page.waitForFunction((ms) => {
      const w = window as unknown as Bridges;
      if (w.__compare?.open()) return w.__compare.settled() && (ms === null || w.__compare.times().every((t) => t === ms));
      return !!w.__sim?.settled() && (ms === null || w.__sim.viewTime() === ms);
    }, ms ?? null);
  }

  /**
   * Drives virtual time to the first instant (from the displayed one on) at which the run on screen satisfies
   * `pred`, and waits for that frame. Which instant is found by running the page's own scenario (its setup and
   * action log, `__sim.scenario()`) through the same engine in Node: no playing and polling. Pauses first.
   * Returns the headless snapshot there, which the page must now show.
   */
  async advanceUntil(pred: (s: Snapshot) => boolean, what: string, withinMs = 30_000): Promise<Snapshot> {
    await this.page.evaluate(() => (window as unknown as Bridges).__sim.pause());
    await this.settled();
    const [scenario, now] = await Promise.all([this.sim<Scenario>('scenario'), this.sim<number>('viewTime')]);
    const snap = firstInstant(scenarioTrace(scenario, now + withinMs), now, pred);
    if (!snap) throw new Error(`the run never shows ${what} within ${withinMs} ms after ${now} ms`);
    if (snap.t > now) await this.advanceTo(snap.t);
    return snap;
  }

  /**
   * Virtual time to the first instant the cluster has a leader satisfying `pred` (then `afterMs` more), and
   * checks the page shows that leader in its state and its status line. Returns the leader.
   */
  async advanceToLeader(pred: (id: number) => boolean = () => true, afterMs = 0): Promise<number> {
    const snap = await this.advanceUntil((s) => s.leader !== null && pred(s.leader), 'such a leader');
    if (afterMs > 0) await this.advanceTo(snap.t + afterMs);
    const leader = snap.leader!;
    expect(await this.leader()).toBe(leader);
    // The status line names it (data-leader: in any language).
    await expect(this.page.locator('.status[role="status"]')).toHaveAttribute('data-leader', String(leader));
    return leader;
  }

  /** In a lesson, after "Next step" (button or key): arrive at the pause point at once and wait for step `step`. */
  async arrive(step: number): Promise<void> {
    await this.page.evaluate(() => (window as unknown as Bridges).__lesson.arrive());
    await this.page.waitForFunction((want) => {
      const w = window as unknown as Bridges;
      const st = w.__lesson.state();
      return st.step === want && !st.transit && (w.__compare?.open() ? w.__compare.settled() : w.__sim.settled());
    }, step);
  }

  /** The lesson's state (`window.__lesson`): its id, the step shown (-1: introduction), the pause times. */
  async lessonState(): Promise<LessonState> {
    return this.page.evaluate(() => (window as unknown as Bridges).__lesson.state());
  }

  /**
   * In a lesson: presses "Next step" (by its button, or by `key`, e.g. PageDown), arrives at the next pause
   * point at once, and waits until that step shows and its frame is delivered. Returns the new step's index.
   */
  async nextPause(key?: string): Promise<number> {
    const { step } = await this.lessonState();
    if (key) await this.page.keyboard.press(key);
    else await this.page.getByRole('button', { name: /^(Next step|下一步)/ }).click();
    await this.page.evaluate(() => (window as unknown as Bridges).__lesson.arrive());
    await this.page.waitForFunction((want) => {
      const w = window as unknown as Bridges;
      const st = w.__lesson.state();
      return st.step === want && !st.transit && (w.__compare?.open() ? w.__compare.settled() : w.__sim.settled());
    }, step + 1);
    return step + 1;
  }

  node(id: number): Locator {
    return this.page.locator(`[data-node-id="${id}"]`);
  }

  nodeButton(id: number): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Node ${id}\\b`) });
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  async sim<T>(fn: string): Promise<T> {
    return this.page.evaluate((f) => {
      const bridge = (window as unknown as { __sim: Record<string, () => unknown> }).__sim;
      return bridge[f]() as T;
    }, fn);
  }

  async nodes(): Promise<NodeState[]> {
    return this.sim<NodeState[]>('nodes');
  }

  async leader(): Promise<number | null> {
    return this.sim<number | null>('leader');
  }

  async openMenu(id: number): Promise<Locator> {
    // Click the node's shape (the button's box also spans its label, whose centre may be empty space).
    await this.node(id).locator('.node-shape').click();
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    return menu;
  }

  async menuAction(id: number, item: 'Crash' | 'Power off' | 'Revive' | 'Isolate' | 'Client write'): Promise<void> {
    const menu = await this.openMenu(id);
    await menu.getByRole('menuitem', { name: item }).click();
    await expect(menu).toBeHidden();
  }

  async pause(): Promise<void> {
    const pause = this.page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.isVisible()) await pause.click();
    await expect(this.page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  }

  /** Drags the partition tool's line across the ring so that nodes `side` end up in one group. */
  async drawSplit(angleA: number, angleB: number): Promise<void> {
    await this.page.getByRole('button', { name: /Split network/ }).click();
    const surface = this.page.getByTestId('split-surface');
    await expect(surface).toBeVisible();
    const circle = await this.page.locator('.ring-circle').boundingBox();
    if (!circle) throw new Error('no ring');
    const cx = circle.x + circle.width / 2;
    const cy = circle.y + circle.height / 2;
    const r = (circle.width / 2) * 1.25;
    // Angles in degrees, 0 at the top, clockwise, as the ring lays nodes out.
    const at = (deg: number) => ({ x: cx + r * Math.sin((deg * Math.PI) / 180), y: cy - r * Math.cos((deg * Math.PI) / 180) });
    const a = at(angleA);
    const b = at(angleB);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    for (let i = 1; i <= 8; i++) await this.page.mouse.move(a.x + ((b.x - a.x) * i) / 8, a.y + ((b.y - a.y) * i) / 8);
    await this.page.mouse.up();
  }

  async network(): Promise<{ group: number[]; cuts: [number, number][] }> {
    return this.sim('network');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }

  /** After a `goto` of this page: it runs, and a lesson it shows has loaded (see `ready`). */
  async ready(): Promise<void> {
    await ready(this.page);
  }

  /**
   * What pane `pane`'s canvas drew for the displayed time: waits (frame by frame, in the page) until the canvas
   * has drawn the picture of `__sim.viewTime()`, then returns it. Use after `settled()`.
   */
  async drawnNow(pane = 0): Promise<Drawn> {
    const canvas = this.page.locator('[data-testid="msg-canvas"]').nth(pane);
    await canvas.evaluate(
      (c) =>
        new Promise<void>((resolve) => {
          const sim = (window as unknown as { __sim?: { viewTime(): number } }).__sim;
          const check = () => (!sim || (c as unknown as { __drawn?: Drawn }).__drawn?.time === sim.viewTime() ? resolve() : requestAnimationFrame(check));
          check();
        }),
    );
    return this.drawn(pane);
  }

  /** What pane `pane`'s message canvas drew last (the `?test=1` hook of the canvas layer, issue 17). */
  async drawn(pane = 0): Promise<Drawn> {
    return this.page.locator('[data-testid="msg-canvas"]').nth(pane).evaluate((c) => (c as unknown as { __drawn: Drawn }).__drawn);
  }

  /**
   * Where to click the first drawn message of `kind` (or that `which` picks) for the displayed time, among those
   * not covered by a node (a click there opens the node), clear of other glyphs if it can; null if none is.
   */
  async findMessage(which?: string | ((g: DrawnGlyph) => boolean), pane = 0): Promise<{ g: DrawnGlyph; x: number; y: number } | null> {
    const pick = typeof which === 'function' ? which : (x: DrawnGlyph) => !which || x.kind === which;
    const canvas = this.page.locator('[data-testid="msg-canvas"]').nth(pane);
    // The canvas draws on the next frame: what it drew for the displayed time.
    const d = await this.drawnNow(pane);
    const box = (await canvas.boundingBox())!;
    const points = d.glyphs.filter(pick).map((g) => ({ g, x: box.x + d.ox + d.scale * g.x, y: box.y + d.oy + d.scale * g.y }));
    const free = await this.page.evaluate((ps) => ps.map((p) => !document.elementFromPoint(p.x, p.y)?.closest('.nodes')), points.map(({ x, y }) => ({ x, y })));
    // Prefer one clear of the other glyphs too: where two overlap, the click opens the one on top.
    const alone = (g: DrawnGlyph) => d.glyphs.every((o) => o === g || Math.hypot(o.x - g.x, o.y - g.y) > 60);
    return points.find((p, i) => free[i] && alone(p.g)) ?? points.find((_, i) => free[i]) ?? null;
  }

  /** Clicks the message `findMessage` picks, where the canvas drew it. Throws if there is none. */
  async clickMessage(which?: string | ((g: DrawnGlyph) => boolean), pane = 0): Promise<DrawnGlyph> {
    const at = await this.findMessage(which, pane);
    if (!at) throw new Error(`no such message drawn off the nodes (drew ${(await this.drawn(pane)).glyphs.map((x) => x.kind).join(', ') || 'none'})`);
    await this.page.mouse.click(at.x, at.y);
    return at.g;
  }
}

/** One message as the canvas drew it (src/view/message-glyphs.ts), as `canvas.__drawn` keeps it. */
export type DrawnGlyph = Pick<Glyph, 'msg' | 'kind' | 'from' | 'to' | 'x' | 'y' | 'shape' | 'dead' | 'opacity' | 'label'>;

export interface Drawn {
  time: number;
  dpr: number;
  width: number;
  height: number;
  scale: number;
  ox: number;
  oy: number;
  density: string;
  /** The colours the glyphs were drawn in: the root's --bg and --fg. */
  theme: { bg: string; fg: string };
  glyphs: DrawnGlyph[];
  /** Aggregated flows, drawn instead of glyphs when more than 600 messages are in flight. */
  flows: { from: number; to: number; count: number; kind: string }[];
  /** The countdown arcs drawn under the messages (src/view/timers.ts). */
  arcs: TimerArc[];
}
