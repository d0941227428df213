/**
 * The standard experiments of the batch view (issue 7), for "time to elect" histograms and "messages per
 * election vs n" against protocols.md's formulas:
 *
 * - **cold start**: every node boots at t = 0 with no leader; measured: `firstLeaderAt` and `messagesToElect`
 *   (messages sent from t = 0 up to and including the instant the first cluster leader appeared).
 * - **leader crash**: the same, plus `crashLeader` at `crashAt` (after every algorithm has a leader at every
 *   n up to 25 with default options); measured: the first loss of the cluster leader at or after `crashAt`
 *   (the crash itself), the time to the next cluster leader and the messages sent in between
 *   (`RunSummary.recovery`, runs made with `lossAfter = crashAt`). This is the setup of protocols.md §3.7 for
 *   Bully (coordinator N crashed, everyone else alive, no loss).
 *
 * Both count every message sent in the window, including heartbeats and (ZAB) the discovery/synchronization
 * handshake, because the cluster leader of the contracts appears only once the leader is established.
 */
import type { RunOpts, RunSummary } from '../batch';
import type { AlgorithmName, Scenario } from '../core/types';
import { defaultScenario } from '../run';

export type ExperimentId = 'cold-start' | 'leader-crash';

export interface ExperimentConfig {
  /** Virtual time of the `crashLeader` (leader-crash only). Default 1000 ms. */
  crashAt?: number;
  /** How long each run lasts. Default: 4000 ms after the start (cold start) or after the crash. */
  untilMs?: number;
  /** Anything else of the scenario (seed, network, options); `nodes`, `algorithm` and `events` are set here. */
  base?: Partial<Scenario>;
}

export const DEFAULT_CRASH_AT = 1000;
export const DEFAULT_WINDOW_MS = 4000;

export interface Experiment {
  id: ExperimentId;
  label: string;
  /** The scenario of one run (seed S; a batch runs S, S+1, …). */
  scenario(algorithm: AlgorithmName, nodes: number): Scenario;
  untilMs: number;
  /** Pass to runSummary / runBatch / runSweep (leader crash: `lossAfter`). */
  runOpts: RunOpts;
  /** The run's "messages per election" (null: no leader / no recovery in the run). */
  messages(run: RunSummary): number | null;
  /** The run's "election time" (ms; null as above). */
  electionMs(run: RunSummary): number | null;
}

export function coldStartScenario(algorithm: AlgorithmName, nodes: number, base: Partial<Scenario> = {}): Scenario {
  return defaultScenario({ ...base, algorithm, nodes, events: [] });
}

export function leaderCrashScenario(algorithm: AlgorithmName, nodes: number, crashAt = DEFAULT_CRASH_AT, base: Partial<Scenario> = {}): Scenario {
  return defaultScenario({ ...base, algorithm, nodes, events: [{ at: crashAt, do: 'crashLeader' }] });
}

export function coldStartExperiment(cfg: ExperimentConfig = {}): Experiment {
  return {
    id: 'cold-start',
    label: 'Cold start: from t = 0 to the first cluster leader',
    scenario: (a, n) => coldStartScenario(a, n, cfg.base),
    untilMs: cfg.untilMs ?? DEFAULT_WINDOW_MS,
    runOpts: {},
    messages: (r) => r.messagesToElect,
    electionMs: (r) => r.stats.firstLeaderAt,
  };
}

export function leaderCrashExperiment(cfg: ExperimentConfig = {}): Experiment {
  const crashAt = cfg.crashAt ?? DEFAULT_CRASH_AT;
  return {
    id: 'leader-crash',
    label: `Leader crash at ${crashAt} ms: from the crash to the next cluster leader`,
    scenario: (a, n) => leaderCrashScenario(a, n, crashAt, cfg.base),
    untilMs: cfg.untilMs ?? crashAt + DEFAULT_WINDOW_MS,
    runOpts: { lossAfter: crashAt },
    messages: (r) => r.recovery?.messages ?? null,
    electionMs: (r) => r.recovery?.recoveryMs ?? null,
  };
}

export function experiment(id: ExperimentId, cfg: ExperimentConfig = {}): Experiment {
  return id === 'cold-start' ? coldStartExperiment(cfg) : leaderCrashExperiment(cfg);
}
