import { z } from '../../zod';

/**
 * Multi-Paxos options (README.md in this folder). The timers match Raft's defaults (heartbeat 50 ms, leader
 * timeout drawn from [150, 300) ms) so that side by side the two differ in their rules, not their clocks.
 */
export interface PaxosOptions {
  /** P9: the leader's Heartbeat interval (also when it resends unacknowledged Accepts, P8). */
  heartbeatMs: number;
  /** P9: a follower's leader timer is drawn uniformly from [min, max) at every restart; P2 retries Phase 1 on it too. */
  leaderTimeoutMsMin: number;
  /** Exclusive upper bound of the leader timer. */
  leaderTimeoutMsMax: number;
  /** P10: a pre-empted proposer waits a random time in [0, backoffMaxMs) before its next Phase 1. */
  backoff: boolean;
  backoffMaxMs: number;
  /**
   * TEACHING SWITCH that breaks Paxos on purpose (like Raft's `commitOldTermByCount`): when true, a new leader
   * ignores the accepted values its Promises report (P6 skipped) and starts proposing at its first slot not
   * known chosen, so a value already chosen there can be replaced: the checker reports P-S1 (two values chosen
   * in one slot). No entry in `defaultPaxosOptions`: absent means false, and only a trace that sets it shows it.
   */
  ignorePromisedValues?: boolean;
}

export const defaultPaxosOptions: PaxosOptions = {
  heartbeatMs: 50,
  leaderTimeoutMsMin: 150,
  leaderTimeoutMsMax: 300,
  backoff: true,
  backoffMaxMs: 150,
};

const ms = z.number().int('must be a whole number').min(1, 'must be at least 1').max(600_000, 'must be at most 600000');

export const paxosOptionsSchema = z
  .strictObject({
    heartbeatMs: ms.optional(),
    leaderTimeoutMsMin: ms.optional(),
    leaderTimeoutMsMax: ms.optional(),
    backoff: z.boolean().optional(),
    backoffMaxMs: ms.optional(),
    ignorePromisedValues: z.boolean().optional(),
  })
  .refine(
    (o) =>
      (o.leaderTimeoutMsMin ?? defaultPaxosOptions.leaderTimeoutMsMin) <
      (o.leaderTimeoutMsMax ?? defaultPaxosOptions.leaderTimeoutMsMax),
    { message: 'leaderTimeoutMsMin must be below leaderTimeoutMsMax (the range is [min, max))', path: ['leaderTimeoutMsMax'] },
  );
