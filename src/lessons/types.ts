/**
 * The lesson model (issue 8): a lesson is plain, serializable data — a scenario, how long to run it, and
 * steps that each pause the run at a point described declaratively (a virtual time, or the first trace event
 * matching a small predicate). The UI opens a lesson by id (`?lesson=<id>`, contracts/ui.md), runs its panes,
 * calls `findPausePoints` once on the traces and seeks to each step's time.
 *
 * Every visible string is a `Text` with both languages, so TypeScript refuses a lesson missing one.
 */
import type { ActionName, AlgorithmName, NodeId, Scenario } from '../engine/core/types';
import type { ExploreForm } from '../engine/explore/presets';

/** A string shown to the class, in both languages of the UI. */
export interface Text {
  en: string;
  zh: string;
}

export type Lang = keyof Text;

/** Top-level fields of the trace event (for `send`: of its `fields` payload) that must be equal. */
export type Where = Record<string, string | number | boolean | null>;

interface MatchCommon {
  /** Compare lessons: only this pane's trace. Omitted: the earliest match in any pane. */
  pane?: AlgorithmName;
  /** Do not match before this virtual time (ms), even if the previous pause is earlier. */
  after?: number;
  /** Take the n-th match (1-based) instead of the first. */
  nth?: number;
  /** Pause this many ms after the matched event (e.g. to let a message land). */
  delayMs?: number;
}

/**
 * Where the run stops for a step. Either a fixed virtual time, or the first trace event (after the previous
 * pause) that matches. Event kinds follow contracts/sim-cli-and-trace.md.
 */
export type PausePoint =
  | { at: number }
  | (MatchCommon & { on: 'leader'; leader?: NodeId | 'any' | 'none' })
  | (MatchCommon & { on: 'state'; node?: NodeId; role?: string; leader?: NodeId | null; alive?: boolean; where?: Where })
  | (MatchCommon & { on: 'fault'; do?: ActionName; node?: NodeId })
  | (MatchCommon & { on: 'anomaly'; kind?: string })
  | (MatchCommon & { on: 'send' | 'deliver' | 'drop'; kind?: string; from?: NodeId; to?: NodeId; where?: Where })
  | (MatchCommon & { on: 'write'; node?: NodeId; accepted?: boolean })
  | (MatchCommon & { on: 'commit'; node?: NodeId; value?: string | number });

export interface Step {
  pause: PausePoint;
  /** What happened and what to look at: about three projector lines. */
  text: Text;
  /** A question to ask the class before moving on. */
  question?: Text;
  /** Nodes to draw attention to (ids as in the run). */
  highlight?: { nodes?: NodeId[]; pane?: AlgorithmName };
  /**
   * A search to run in the Explore screen (issue 16): the step shows "Run the explorer", which opens the
   * screen with this form and runs it in the page's worker, so the class sees the real figures.
   */
  explore?: ExploreForm;
}

/** The lesson list's groups: basics, one per algorithm (in ALGORITHM_NAMES order), side by side. */
export type LessonGroupId = 'basics' | AlgorithmName | 'compare';

/**
 * What a lesson demonstrates: a claim of the seed text (`seed:…`) or a teaching scenario of protocols.md
 * (`p1.8.3` = §1.8 item 3). `index.test.ts` checks that every tag of COVERAGE is covered by some lesson.
 */
export type CoverageTag =
  | 'seed:why-leader'
  | 'seed:bully-rule'
  | 'seed:bully-messages'
  | 'seed:bully-void-victory'
  | 'seed:bully-global-ids'
  | 'seed:bully-mongodb-lastop'
  | 'seed:bully-fast-simple'
  | 'seed:bully-flapping'
  | 'seed:raft-roles'
  | 'seed:raft-one-vote'
  | 'seed:raft-majority'
  | 'seed:raft-heartbeat'
  | 'seed:raft-term-expiry'
  | 'seed:raft-stability'
  | 'seed:raft-message-cost'
  | 'seed:zab-states'
  | 'seed:zab-triple'
  | 'seed:zab-observer'
  | 'seed:zab-storm'
  | 'seed:zab-freshest'
  | 'seed:zab-slower'
  | 'seed:zab-stability'
  | 'p1.8.1'
  | 'p1.8.2'
  | 'p1.8.3'
  | 'p1.8.4'
  | 'p1.8.5'
  | 'p1.8.6'
  | 'p1.8.7'
  | 'p2.8.1'
  | 'p2.8.2'
  | 'p2.8.3'
  | 'p2.8.4'
  | 'p2.8.5'
  | 'p2.8.6'
  | 'p2.8.7'
  | 'p2.8.8'
  | 'p3.6.1'
  | 'p3.6.2'
  | 'p3.6.3'
  | 'p3.6.4'
  | 'p3.6.5'
  | 'p3.6.7'
  | 'split-brain-compare'
  | 'explore-safe-vs-bully'
  | 'explore-figure-8'
  | 'paxos:cold-start'
  | 'paxos:leader-crash'
  | 'paxos:duel-livelock'
  | 'paxos:duel-backoff'
  | 'paxos:minority-accepted'
  | 'paxos:partition'
  | 'paxos:vs-raft';

export interface Lesson {
  /** URL-safe, unique: `?lesson=<id>`. */
  id: string;
  group: LessonGroupId;
  /** One algorithm: a single pane. Two or three: side-by-side panes on the same script (engine/compare.ts). */
  algorithms: readonly AlgorithmName[];
  /** The script. For one algorithm its `algorithm` is set; for compare lessons `paneScenarios` splits it. */
  scenario: Scenario;
  /** Run (and show the timeline) up to this virtual time. */
  untilMs: number;
  title: Text;
  goal: Text;
  steps: readonly Step[];
  covers: readonly CoverageTag[];
}
