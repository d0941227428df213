/**
 * `window.__compare` (with `?test=1`): the compare session for end-to-end tests — one read-only SimBridge per
 * pane (the same methods as `window.__sim`), the shared clock, and `open` / `close` for tests that start
 * compare mode from code as lessons do.
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
    shared: () => structuredClone(session().clock.store.getState().shared),
    scripts: () => session().panes.map((c) => structuredClone(c.store.getState().config.events ?? [])),
    start: (algorithms, scenario, opts) => void openCompare(algorithms, scenario, opts),
    stop: () => closeCompare(),
  };
  target.__compare = bridge;
  return bridge;
}
