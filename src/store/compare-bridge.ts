/**
 * `window.__compare` (with `?test=1`): the compare session for end-to-end tests — one read-only SimBridge per
 * pane (the same methods as `window.__sim`), the shared clock, and `open` / `close` for tests that start
 * compare mode from code as lessons do. `advanceTo(t)` / `settled()` drive and wait on the shared clock as
 * `window.__sim`'s do on one pane (ClockGroup.fastForward: every pane to t at once).
 */
import type { AlgorithmName, Scenario } from '../engine/core/types';
import { closeCompare, compareStore, openCompare, type CompareOptions } from './compare-session';
import { installTestBridge, type SimBridge } from './test-bridge';

export interface CompareBridge {
  open(): boolean;
  algorithms(): string[];
  pane(i: number): SimBridge;
  /** A pane's live metrics (null until the worker sent them). */
  metrics(i: number): unknown;
  /** Each pane's displayed time. */
  times(): number[];
  playing(): boolean;
  /** Every pane to virtual time `t` at once, paused (or at a lesson's next pause point first); the time reached. */
  advanceTo(t: number): number;
  /** Every pane's worker has delivered the shared displayed time. */
  settled(): boolean;
  /** Shared user actions (applied to every pane). */
  shared(): unknown[];
  /** The scenario each pane's engine runs, script included. */
  scripts(): unknown[];
  start(algorithms: AlgorithmName[], scenario: Scenario, opts?: CompareOptions): void;
  stop(): void;
}

export function installCompareBridge(target: Record<string, unknown>): CompareBridge {
  const session = () => {
    const s = compareStore.getState().session;
    if (!s) throw new Error('compare mode is not open');
    return s;
  };
  const bridge: CompareBridge = {
    open: () => compareStore.getState().session !== null,
    algorithms: () => session().algorithms.slice(),
    pane: (i) => installTestBridge(session().panes[i], {}),
    metrics: (i) => structuredClone(session().panes[i].store.getState().metrics),
    times: () => session().panes.map((c) => c.time),
    playing: () => session().clock.store.getState().playing,
    advanceTo: (t) => {
      const { clock } = session();
      if (!(t >= clock.now)) throw new Error(`advanceTo(${t}): the shared time is already ${clock.now}; seek to go back`);
      clock.fastForward(t);
      return clock.now;
    },
    settled: () => {
      const s = session();
      return !s.clock.store.getState().playing && s.panes.every((c) => c.settled && c.time === s.clock.now);
    },
    shared: () => structuredClone(session().clock.store.getState().shared),
    scripts: () => session().panes.map((c) => structuredClone(c.store.getState().config.events ?? [])),
    start: (algorithms, scenario, opts) => void openCompare(algorithms, scenario, opts),
    stop: () => closeCompare(),
  };
  target.__compare = bridge;
  return bridge;
}
