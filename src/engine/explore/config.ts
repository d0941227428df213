/**
 * What an exploration is asked to do, validated like a scenario: a bad field is refused with its name and why.
 * Shared by the `sim --explore` command, the Explore screen and the tests.
 */
import { getAlgorithm } from '../algorithms';
import { ALGORITHM_NAMES, type AlgorithmName } from '../core/types';
import { defaultScenario } from '../run';
import { formatPath, resolveOptions, ScenarioError } from '../scenario-file';
import { z } from '../zod';
import type { ModelConfig } from './model';

export const EXPLORE_LIMITS = {
  nodes: [1, 5],
  crashes: [0, 3],
  revives: [0, 3],
  partitions: [0, 2],
  drops: [0, 8],
  writes: [0, 3],
  timeouts: [0, 1000],
  maxDepth: [1, 200],
  maxStates: [1, 50_000_000],
  draws: [1, 4],
} as const;

export interface ExploreConfig {
  algorithm: AlgorithmName;
  nodes: number;
  /** The algorithm's options as a scenario gives them (defaults filled in by the algorithm). */
  options: Record<string, unknown>;
  crashes: number;
  revives: number;
  partitions: number;
  drops: number;
  writes: number;
  /** Timer firings at most (every timer counts: elections, heartbeats, retries). */
  timeouts: number;
  /** Steps after boot. */
  maxDepth: number;
  /** Distinct states; the search stops when it has seen this many. */
  maxStates: number;
  /** Values each random draw may take. */
  draws: number;
  /** Split brain (the kernel's `split-brain` anomaly) is a violation. */
  splitBrain: boolean;
  /** A running cluster leader replaced by another is a violation (Bully's flapping). */
  preemption: boolean;
  /** Further anomaly kinds (`Plan.anomaly`) that count as violations. */
  anomalies: string[];
  /**
   * Scripted first steps (README "Explore", start states): the search starts from the state they reach, and
   * `maxDepth` counts the steps after them. Each must be one the search itself could take there (the prefix
   * is a path of the same transition system, budgets included), so a counterexample found from it is one of
   * the whole system, and its schedule replays from the cluster's start.
   */
  prefix?: PrefixStep[];
  /** A message still in flight when a timer fires is lost (model.ts ModelConfig; datagrams only). */
  lossAtTimeout: boolean;
}

/** One scripted step; the message or timer is found by its description (the first that matches). */
export type PrefixStep =
  | { type: 'timer'; node: number; name?: string; variant?: number }
  | { type: 'deliver' | 'drop'; from: number; to: number; kind: string; variant?: number }
  | { type: 'crash' | 'revive' | 'write'; node: number; variant?: number }
  | { type: 'partition'; groups: number[][] }
  | { type: 'heal' };

const count = (name: keyof typeof EXPLORE_LIMITS, dflt: number) => {
  const [min, max] = EXPLORE_LIMITS[name];
  return z.number().int('must be a whole number').min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`).default(dflt);
};

const id = z.number().int('must be a whole number').min(1, 'must be a node id (1..5)').max(5, 'must be a node id (1..5)');
const variant = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(1000, 'must be at most 1000').optional();
const prefixStepSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('timer'), node: id, name: z.string().optional(), variant }),
  z.strictObject({ type: z.enum(['deliver', 'drop']), from: id, to: id, kind: z.string(), variant }),
  z.strictObject({ type: z.enum(['crash', 'revive', 'write']), node: id, variant }),
  z.strictObject({ type: z.literal('partition'), groups: z.array(z.array(id)).length(2, 'must be two groups') }),
  z.strictObject({ type: z.literal('heal') }),
], { error: (iss) => (iss.code === 'invalid_union' ? '"type" must be one of timer, deliver, drop, crash, revive, write, partition, heal' : undefined) });

export const exploreConfigSchema = z.strictObject({
  algorithm: z.enum(ALGORITHM_NAMES, `must be one of ${ALGORITHM_NAMES.join(', ')}`),
  nodes: count('nodes', 3),
  options: z.record(z.string(), z.unknown()).default({}),
  crashes: count('crashes', 0),
  revives: count('revives', 0),
  partitions: count('partitions', 0),
  drops: count('drops', 0),
  writes: count('writes', 0),
  timeouts: count('timeouts', 1000),
  maxDepth: count('maxDepth', 20),
  maxStates: count('maxStates', 1_000_000),
  draws: count('draws', 2),
  splitBrain: z.boolean().default(true),
  preemption: z.boolean().default(false),
  anomalies: z.array(z.string()).default([]),
  lossAtTimeout: z.boolean().default(false),
  prefix: z.array(prefixStepSchema).max(200, 'must have at most 200 steps').optional(),
});

/** A validated configuration (defaults filled in). Throws ScenarioError naming the bad field. */
export function parseExploreConfig(input: unknown): ExploreConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ScenarioError('', 'an exploration must be a JSON object');
  const res = exploreConfigSchema.safeParse(input);
  if (!res.success) {
    const issue = res.error.issues[0];
    throw new ScenarioError(formatPath(issue.path), issue.message);
  }
  const cfg = res.data as ExploreConfig;
  fullOptions(cfg); // refuses bad options, naming them
  return cfg;
}

/** The algorithm's full options for this exploration (validated, merged over its defaults). */
export function fullOptions(cfg: ExploreConfig): Record<string, unknown> {
  return resolveOptions(defaultScenario({ nodes: cfg.nodes, options: cfg.options }), cfg.algorithm);
}

export function modelConfig(cfg: ExploreConfig): ModelConfig {
  getAlgorithm(cfg.algorithm);
  return {
    nodes: cfg.nodes,
    options: fullOptions(cfg),
    crashes: cfg.crashes,
    revives: cfg.revives,
    partitions: cfg.partitions,
    drops: cfg.drops,
    writes: cfg.writes,
    timeouts: cfg.timeouts,
    draws: cfg.draws,
    splitBrain: cfg.splitBrain,
    preemption: cfg.preemption,
    anomalies: cfg.anomalies,
    lossAtTimeout: cfg.lossAtTimeout,
  };
}
