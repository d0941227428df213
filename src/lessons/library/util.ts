/** Small helpers for writing lessons as data. */
import type { AlgorithmName, Scenario } from '../../engine/core/types';
import { parseScenario } from '../../engine/scenario-file';
import { BULLY_LESSONS } from '../../engine/scenarios/bully';
import { RAFT_LESSONS } from '../../engine/scenarios/raft';
import { PAXOS_LESSONS } from '../../engine/scenarios/paxos';
import { zabLessons } from '../../engine/scenarios/zab';
import type { Text } from '../types';

/** A bilingual string: English first, Chinese second. */
export const tx = (en: string, zh: string): Text => ({ en, zh });

/** A lesson's own scenario file (src/lessons/scenarios), checked by the same parser as the app and the CLI. */
export const scenarioOf = (json: unknown): Scenario => parseScenario(json);

/**
 * A teaching scenario of the engine (src/engine/scenarios/<algorithm>), reused as is: one source of truth
 * with the engine's own observation tests.
 */
type EngineScenarios = readonly { id: string; scenario: Scenario; untilMs: number }[];

/** Each algorithm's engine scenarios (src/engine/scenarios/<name>), one line per algorithm. */
const ENGINE_SCENARIOS: Record<AlgorithmName, EngineScenarios> = {
  bully: BULLY_LESSONS,
  raft: RAFT_LESSONS,
  zab: zabLessons,
  paxos: PAXOS_LESSONS,
};

export function engineScenario(algorithm: AlgorithmName, id: string): { scenario: Scenario; untilMs: number } {
  const list = ENGINE_SCENARIOS[algorithm];
  const found = list.find((l) => l.id === id);
  if (!found) throw new Error(`no ${algorithm} scenario "${id}" in src/engine/scenarios/${algorithm}`);
  return { scenario: parseScenario(structuredClone(found.scenario)), untilMs: found.untilMs };
}
