/**
 * Page object of the lab: opens the app with query parameters and reads engine state through the test-only
 * `window.__sim` bridge (`?test=1`), so specs assert on state rather than pixels.
 */
import { expect, type Locator, type Page } from '@playwright/test';

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

  /** Waits until the cluster leader (as the trace defines it) satisfies `pred` and the status line says so. */
  async waitForLeader(pred: (id: number) => boolean = () => true, timeout = 20_000): Promise<number> {
    let found: number | null = null;
    await expect
      .poll(
        async () => {
          const [leader, text] = await Promise.all([this.leader(), this.status.textContent()]);
          found = leader;
          return leader !== null && pred(leader) && (text ?? '').includes(`Leader: Node ${leader}`);
        },
        { timeout, intervals: [100, 200, 300] },
      )
      .toBe(true);
    return found!;
  }

  async openMenu(id: number): Promise<Locator> {
    // Click the node's shape (the button's box also spans its label, whose centre may be empty space).
    await this.node(id).locator('.node-shape').click();
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    return menu;
  }

  async menuAction(id: number, item: 'Crash' | 'Revive' | 'Isolate' | 'Client write'): Promise<void> {
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
}
