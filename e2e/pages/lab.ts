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
export const TEST_SPEED = 400;

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

  async available(): Promise<string[]> {
    await this.page.waitForFunction(() => (window as unknown as { __sim: { algorithms(): string[] } }).__sim.algorithms().length > 0);
    return this.sim<string[]>('algorithms');
  }

  async nodes(): Promise<NodeState[]> {
    return this.sim<NodeState[]>('nodes');
  }

  async leader(): Promise<number | null> {
    return this.sim<number | null>('leader');
  }

  /** Waits until the cluster leader (as the trace defines it) satisfies `pred`; returns it. */
  async waitForLeader(pred: (id: number) => boolean = () => true, timeout = 20_000): Promise<number> {
    let found: number | null = null;
    await expect
      .poll(
        async () => {
          found = await this.leader();
          return found !== null && pred(found);
        },
        { timeout, intervals: [100, 200, 300] },
      )
      .toBe(true);
    await expect(this.status).toContainText(`Leader: Node ${found}`);
    return found!;
  }

  async openMenu(id: number): Promise<Locator> {
    await this.nodeButton(id).click();
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

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
