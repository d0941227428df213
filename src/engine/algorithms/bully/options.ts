import { z } from '../../zod';

/** Bully options (contracts/scenario.md); defaults are protocols.md §3.3's simulator defaults. */
export interface BullyOptions {
  /** "id": the highest live id wins; "lastOp": the freshest node wins, ties by id (B12). */
  priority: 'id' | 'lastOp';
  /** T_ans: how long an initiator waits for an Alive. */
  answerTimeoutMs: number;
  /** T_vic: how long a node that got an Alive waits for the Victory. */
  victoryTimeoutMs: number;
  /** H: the leader's heartbeat interval. */
  heartbeatMs: number;
  /** T_coord: a follower's leader-failure timeout. */
  leaderTimeoutMs: number;
}

export const defaultBullyOptions: BullyOptions = {
  priority: 'id',
  answerTimeoutMs: 100,
  victoryTimeoutMs: 200,
  heartbeatMs: 100,
  leaderTimeoutMs: 300,
};

const ms = z.number().int().min(1).max(600_000);

export const bullyOptionsSchema = z.strictObject({
  priority: z.enum(['id', 'lastOp']).optional(),
  answerTimeoutMs: ms.optional(),
  victoryTimeoutMs: ms.optional(),
  heartbeatMs: ms.optional(),
  leaderTimeoutMs: ms.optional(),
});
