import { z } from '../../zod';

/**
 * Raft options (contracts/scenario.md); defaults are contracts/sim-cli-and-trace.md's (protocols.md §1.3's
 * suggested simulator defaults).
 */
export interface RaftOptions {
  /** PV1–PV4: a pre-vote round (term+1, no state change) before a real election. */
  preVote: boolean;
  /**
   * CQ1–CQ2: a leader steps down after Tmin without hearing from a majority. Paired with the lease rule LQ1
   * (as etcd pairs them): a node that heard from a leader within Tmin ignores higher-term vote requests.
   */
  checkQuorum: boolean;
  /** Tmin: the election timeout is drawn uniformly from [Tmin, Tmax) at every reset (R2). */
  electionTimeoutMsMin: number;
  /** Tmax (exclusive). */
  electionTimeoutMsMax: number;
  /** H: the leader's heartbeat (empty AppendEntries) interval (R7). */
  heartbeatMs: number;
  /**
   * TEACHING SWITCH that breaks Raft on purpose (protocols.md §1.8 item 6, [TH] Fig 3.7 "Figure 8"): when true,
   * R8 commits the largest index stored on a majority *whatever its term*, i.e. a leader commits entries of
   * older terms by counting replicas. That is unsafe: the figure-8 lesson shows an entry committed this way
   * being overwritten by a later leader, and the checker reports R-S4/R-S5 (and R-S9). Off (absent) is Raft.
   *
   * It has no entry in `defaultRaftOptions`, on purpose: the resolved options (the `init` event of every trace,
   * `sim --format jsonl`) carry it only when a scenario or `--option` sets it. Existing traces and their golden
   * hashes therefore stay byte-identical, and a trace that has it shows at its first line that the run used a
   * deliberately broken rule. Absent means false.
   */
  commitOldTermByCount?: boolean;
  /**
   * Entries one AppendEntries carries at most (R7; absent: 32). Like `commitOldTermByCount` it has no entry in
   * `defaultRaftOptions`, so traces that do not set it are unchanged. It matters to the Figure 8 lesson: a new
   * leader appends its no-op at once, so an entry of an older term reaches a follower without that no-op only
   * when the batch ends before it (figure-8.json writes 32 entries for that; with 1, no write is needed).
   */
  maxBatch?: number;
}

export const defaultRaftOptions: RaftOptions = {
  preVote: false,
  checkQuorum: false,
  electionTimeoutMsMin: 150,
  electionTimeoutMsMax: 300,
  heartbeatMs: 50,
};

const ms = z.number().int('must be a whole number').min(1, 'must be at least 1').max(600_000, 'must be at most 600000');

export const raftOptionsSchema = z
  .strictObject({
    preVote: z.boolean().optional(),
    checkQuorum: z.boolean().optional(),
    electionTimeoutMsMin: ms.optional(),
    electionTimeoutMsMax: ms.optional(),
    heartbeatMs: ms.optional(),
    commitOldTermByCount: z.boolean().optional(),
    maxBatch: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
  })
  .refine(
    (o) =>
      (o.electionTimeoutMsMin ?? defaultRaftOptions.electionTimeoutMsMin) <
      (o.electionTimeoutMsMax ?? defaultRaftOptions.electionTimeoutMsMax),
    { message: 'electionTimeoutMsMin must be below electionTimeoutMsMax (the range is [min, max))', path: ['electionTimeoutMsMax'] },
  );
