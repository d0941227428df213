/**
 * Compare mode (issue 7): two or three panes, one per algorithm, on one scenario (`engine/compare.ts`
 * `paneScenarios`: same nodes, seed, network and fault script; each algorithm's own options), driven by one
 * ClockGroup.
 *
 * Opening it from code (lessons, the top bar's switch, `?compare=`):
 *
 *   import { openCompare, closeCompare } from '../store/compare-session';
 *   const session = await openCompare(['bully', 'raft', 'zab'], scenario, { playing: false });
 *   session.clock.setStopAt(t, onStop);   // stop the shared clock at a pause point
 *   session.clock.seek(t);                 // every pane to time t
 *   closeCompare();                        // back to the single pane
 *
 * `compareStore` holds the open session (null: single-pane mode); the app renders compare mode while it is set.
 * Opening is asynchronous: the code that splits a scenario into panes (the engine's option schemas) loads on
 * first use, as single-pane users never need it (issue 9).
 * `configureCompare` is called once by main.tsx with the worker transport (tests pass the in-process one).
 */
import { createStore } from 'zustand/vanilla';
import type { paneScenarios as PaneScenarios } from '../engine/compare';
import { ALGORITHM_NAMES, type AlgorithmName, type Scenario } from '../engine/core/types';
import type { TransportFactory } from '../worker/transport';
import { ClockGroup } from './clock-group';
import { PaneController, type ControllerDeps } from './pane-controller';
import type { RunConfig } from './pane-model';

export interface CompareSession {
  /** Distinct per session (a React key). */
  id: number;
  algorithms: AlgorithmName[];
  /** The shared scenario (its `algorithm` and options as given; each pane's own is in `panes[i]`). */
  scenario: Scenario;
  panes: PaneController[];
  clock: ClockGroup;
  dispose(): void;
}

export interface CompareOptions {
  /** Virtual ms per wall second (default: the current session's, else 25). */
  speed?: number;
  /** Start playing (default true). */
  playing?: boolean;
}

export type CompareDeps = Omit<ControllerDeps, 'metrics'>;

/** The panes' run setups: what `paneScenarios` gives, as RunConfigs (the script travels as `events`). */
export function paneConfigs(paneScenarios: typeof PaneScenarios, scenario: Scenario, algorithms: readonly AlgorithmName[]): RunConfig[] {
  return paneScenarios(scenario, algorithms).map((sc) => ({
    algorithm: sc.algorithm!,
    nodes: sc.nodes,
    observers: sc.observers,
    seed: sc.seed,
    latency: { ...sc.network.latency },
    dropRate: sc.network.dropRate,
    options: sc.options,
    events: sc.events.map((e) => ({ ...e })),
  }));
}

let sessionIds = 0;

/**
 * A session (panes started, clock linked), its scenario split by `paneScenarios` (engine/compare.ts, passed in
 * because it loads on first use). Throws ScenarioError when the scenario cannot be shared.
 */
export function createCompareSession(
  algorithms: readonly AlgorithmName[],
  scenario: Scenario,
  opts: CompareOptions,
  deps: CompareDeps,
  paneScenarios: typeof PaneScenarios,
): CompareSession {
  const speed = opts.speed ?? 25;
  const playing = opts.playing ?? true;
  const configs = paneConfigs(paneScenarios, scenario, algorithms);
  const panes = configs.map((cfg) => new PaneController(cfg, { speed, playing }, { ...deps, document: null, metrics: true }));
  const clock = new ClockGroup(panes, { speed, playing }, { document: deps.document });
  return {
    id: ++sessionIds,
    algorithms: [...algorithms],
    scenario: structuredClone(scenario),
    panes,
    clock,
    dispose() {
      clock.dispose();
      for (const p of panes) p.dispose();
    },
  };
}

/** The shared scenario of a single pane's setup (its script kept; options are per algorithm, so none). */
export function scenarioOfConfig(cfg: RunConfig): Scenario {
  return {
    version: 1,
    nodes: cfg.nodes,
    observers: 0,
    seed: cfg.seed,
    network: { latency: { ...cfg.latency }, dropRate: cfg.dropRate },
    options: {},
    events: (cfg.events ?? []).map((e) => ({ ...e })),
  };
}

/** Reads `?compare=bully,raft,zab`: 2 or more distinct algorithm names, each at most once (null: not a valid list). */
export function parseCompare(raw: string): AlgorithmName[] | null {
  const names = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const ok = names.every((n) => (ALGORITHM_NAMES as readonly string[]).includes(n));
  const distinct = [...new Set(names)] as AlgorithmName[];
  if (!ok || distinct.length < 2 || distinct.length > ALGORITHM_NAMES.length || distinct.length !== names.length) return null;
  return distinct;
}

// ---- the app's one open session -----------------------------------------------------------------------

export const compareStore = createStore<{ session: CompareSession | null }>(() => ({ session: null }));

let deps: CompareDeps | null = null;

/** Called once by the page's entry (and by tests) with how to start workers. */
export function configureCompare(d: CompareDeps & { transport: TransportFactory }): void {
  deps = d;
}

/** Opens (or replaces) compare mode. Rejects with a ScenarioError when the scenario cannot be shared by these panes. */
export async function openCompare(algorithms: readonly AlgorithmName[], scenario: Scenario, opts: CompareOptions = {}): Promise<CompareSession> {
  if (!deps) throw new Error('configureCompare was not called');
  const speed = opts.speed ?? compareStore.getState().session?.clock.store.getState().speed;
  const { paneScenarios } = await import('../engine/compare');
  const session = createCompareSession(algorithms, scenario, { ...opts, speed }, deps, paneScenarios);
  const prev = compareStore.getState().session;
  prev?.dispose();
  compareStore.setState({ session });
  return session;
}

/** Back to the single pane. */
export function closeCompare(): void {
  const prev = compareStore.getState().session;
  if (!prev) return;
  prev.dispose();
  compareStore.setState({ session: null });
}
