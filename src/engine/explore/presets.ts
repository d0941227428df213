/**
 * Named explorations (README "Explore", Figure 8): the CLI's `--preset`, the Explore dialog's presets and the
 * lessons run these configurations. A preset is only a configuration: the search it runs is the ordinary one.
 */
import type { ExploreConfig, PrefixStep } from './config';

/**
 * Raft's first election, scripted: node 1 times out first (every draw at its first value, so all three
 * timers are due at 150 ms), both peers grant, and node 2's vote makes it leader of term 1; its term-1 no-op
 * is only in its own log (the AppendEntries carrying it are still in flight). Everything after is searched.
 */
export const RAFT_FIRST_ELECTION: readonly PrefixStep[] = Object.freeze([
  { type: 'timer', node: 1, name: 'election' },
  { type: 'deliver', from: 1, to: 2, kind: 'RequestVote' },
  { type: 'deliver', from: 1, to: 3, kind: 'RequestVote' },
  { type: 'deliver', from: 2, to: 1, kind: 'RequestVoteReply' },
]);

/**
 * The Figure 8 search ([TH] Fig 3.7; protocols.md §1.8 item 6, R8): Raft at n = 3 from its first election,
 * with the teaching switch `commitOldTermByCount` on or off. The bounds, and why each is safe to take:
 * - `maxBatch: 1`: an AppendEntries carries one entry, so an old-term entry can reach a follower without
 *   the new leader's no-op above it (no client write needed; options.ts).
 * - `heartbeatMs: 1000`, `draws: 1` (election timeouts exactly 150 ms), `timeouts: 4` (four timer firings in
 *   all, the prefix's one included), `lossAtTimeout` (a message not delivered before the next timeout is
 *   lost): timing never decides Raft's safety (R-S* hold for any delays), so a counterexample under these
 *   timings is one of Raft with any, and its replay runs in the ordinary kernel with these options.
 * - `maxDepth: 15` steps after the prefix: Figure 8 needs 15; with the switch off the same bounds are
 *   searched to the end without a violation (explore.test.ts).
 */
export function figure8Config(commitOldTermByCount: boolean): Partial<ExploreConfig> & Pick<ExploreConfig, 'algorithm'> {
  return {
    algorithm: 'raft',
    nodes: 3,
    options: { heartbeatMs: 1000, maxBatch: 1, ...(commitOldTermByCount ? { commitOldTermByCount: true } : {}) },
    draws: 1,
    timeouts: 4,
    lossAtTimeout: true,
    maxDepth: 15,
    maxStates: 2_000_000,
    prefix: RAFT_FIRST_ELECTION.map((s) => ({ ...s })),
  };
}

export const EXPLORE_PRESETS = ['figure-8'] as const;
export type ExplorePreset = (typeof EXPLORE_PRESETS)[number];

/** Where a search starts: the cluster's boot, or a preset's scripted prefix (the Explore dialog's "Start"). */
export type ExploreStart = 'boot' | 'figure-8';

/**
 * What the Explore dialog edits and a lesson step asks it to run (plain data): the fields of ExploreConfig the
 * form shows, Raft's teaching switch, and the start. `formConfig` turns it into a config.
 */
export interface ExploreForm extends Pick<ExploreConfig, 'algorithm' | 'nodes' | 'crashes' | 'revives' | 'partitions' | 'drops' | 'writes' | 'maxDepth' | 'maxStates' | 'splitBrain' | 'preemption'> {
  /** Raft only: the teaching switch (options.ts), which breaks R8 on purpose. */
  commitOldTermByCount: boolean;
  /** Raft only: 'figure-8' starts after the scripted first election with the preset's model (figure8Config). */
  start: ExploreStart;
}

/** The exploration a form asks for, as `parseExploreConfig` reads it (the form's fields over the preset's). */
export function formConfig(form: ExploreForm): Record<string, unknown> {
  const { commitOldTermByCount, start, ...fields } = form;
  const raft = form.algorithm === 'raft';
  const base: Partial<ExploreConfig> = raft && start === 'figure-8' ? figure8Config(false) : {};
  const options = { ...(base.options ?? {}), ...(raft && commitOldTermByCount ? { commitOldTermByCount: true } : {}) };
  return { ...base, ...fields, options };
}

/** The form of the Figure 8 search (the dialog's preset, the Figure 8 lesson's button). */
export function figure8Form(commitOldTermByCount: boolean): ExploreForm {
  const c = figure8Config(commitOldTermByCount);
  return { algorithm: 'raft', nodes: 3, crashes: 0, revives: 0, partitions: 0, drops: 0, writes: 0, maxDepth: c.maxDepth!, maxStates: c.maxStates!, splitBrain: true, preemption: false, commitOldTermByCount, start: 'figure-8' };
}
