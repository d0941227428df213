/**
 * Side-by-side comparison (issue 7): one scenario, several algorithms, one pane each. Every pane gets the
 * same nodes, seed, network and fault script (`events`, deep-equal), and its own algorithm's options.
 *
 * Options: a side-by-side options object `{bully: {…}, raft: {…}, zab: {…}}` gives each pane its own entry
 * (a missing entry means the defaults). A plain options object belongs to the scenario's `algorithm`; the other
 * panes run with their defaults. A plain, non-empty options object without an `algorithm` is refused, because
 * it is not clear whose options they are.
 *
 * Observers exist only in ZAB (protocols.md §2). A compare run with observers gives them to the ZAB pane
 * only; the Bully and Raft panes have the same voters and `observers: 0`, since an observer neither votes nor
 * counts for the cluster leader, the voters' race is the same. A script that names an observer (crash,
 * revive, write, cut, restore, or a partition group) cannot be the same script in a pane without observers,
 * so it is refused (ScenarioError naming the event) when a non-ZAB pane is asked for.
 */
import { ALGORITHM_NAMES, type AlgorithmName, type NodeId, type Scenario, type TimedAction } from './core/types';
import { resolveOptions, ScenarioError } from './scenario-file';
import { getAlgorithm, observerAlgorithmNames } from './algorithms';

function isPerAlgorithm(options: Record<string, unknown>): boolean {
  const keys = Object.keys(options);
  return keys.length > 0 && keys.every((k) => (ALGORITHM_NAMES as readonly string[]).includes(k));
}

/** Node ids that an action names. */
export function actionNodes(a: TimedAction): NodeId[] {
  switch (a.do) {
    case 'crash':
    case 'revive':
    case 'write':
      return [a.node];
    case 'cut':
    case 'restore':
      return [a.from, a.to];
    case 'partition':
      return a.groups.flat();
    default:
      return [];
  }
}

/** The options object of `algorithm`'s pane (its own, plain form), before defaults. */
export function paneOptions(sc: Scenario, algorithm: AlgorithmName): Record<string, unknown> {
  if (isPerAlgorithm(sc.options)) {
    const own = sc.options[algorithm];
    if (own === undefined) return {};
    if (typeof own !== 'object' || own === null || Array.isArray(own)) {
      throw new ScenarioError(`options.${algorithm}`, 'must be an object of options');
    }
    return structuredClone(own as Record<string, unknown>);
  }
  if (Object.keys(sc.options).length === 0) return {};
  if (!sc.algorithm) {
    const form = ALGORITHM_NAMES.map((n) => `"${n}": {…}`).join(', ');
    throw new ScenarioError('options', `a side-by-side run needs options per algorithm ({${form}}) or an "algorithm" they belong to`);
  }
  return sc.algorithm === algorithm ? structuredClone(sc.options) : {};
}

/** The scenario of one pane. Throws ScenarioError (see the module comment). */
export function paneScenario(sc: Scenario, algorithm: AlgorithmName): Scenario {
  const observers = getAlgorithm(algorithm).supportsObservers ? sc.observers : 0;
  if (observers < sc.observers) {
    sc.events.forEach((ev, i) => {
      const id = actionNodes(ev).find((n) => n > sc.nodes);
      if (id !== undefined) {
        throw new ScenarioError(
          `events[${i}]`,
          `names observer ${id}, which only the ${observerAlgorithmNames()} pane has (${algorithm} has no observers), so the panes cannot share this script`,
        );
      }
    });
  }
  const pane: Scenario = {
    version: 1,
    algorithm,
    nodes: sc.nodes,
    observers,
    seed: sc.seed,
    network: structuredClone(sc.network),
    options: paneOptions(sc, algorithm),
    events: structuredClone(sc.events),
    // Pinned choices (README "Pinned choices") describe one algorithm's run: only its own pane keeps them.
    ...(sc.pinned && sc.algorithm === algorithm ? { pinned: structuredClone(sc.pinned) } : {}),
  };
  resolveOptions(pane, algorithm); // refuse bad options now, not when the pane starts
  return pane;
}

/** One scenario per algorithm, in the order given: same nodes, seed, network and events. */
export function paneScenarios(sc: Scenario, algorithms: readonly AlgorithmName[]): Scenario[] {
  return algorithms.map((a) => paneScenario(sc, a));
}
