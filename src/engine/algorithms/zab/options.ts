import { z } from '../../zod';

/**
 * ZAB options (contracts/scenario.md). Defaults are protocols.md §2.3's simulator defaults: FLE's real
 * finalizeWait and back-off, and the Zab timers scaled down (tickTime 200 ms instead of 2000 ms).
 */
export interface ZabOptions {
  /** FLE finalizeWait, also minNotificationInterval: the first poll timeout (Z3a) and the wait before deciding (Z3c.6). */
  finalizeWaitMs: number;
  /** FLE maxNotificationInterval: the cap of the doubling poll timeout (Z3a). */
  maxNotificationIntervalMs: number;
  /** Zab tickTime; the leader pings every tickTime/2 (Z7). */
  tickTimeMs: number;
  /** Ticks a learner may stay silent (and a follower may hear nothing from the leader) once synced (Z7). */
  syncLimitTicks: number;
  /** Ticks allowed for discovery and synchronization (Z4c, Z5, Z6). */
  initLimitTicks: number;
  /**
   * Extension beyond the contract's keys (ZooKeeper's `zookeeper.observer.election.DelayMs`): an observer
   * that lost its leader waits a random [0, this) before it goes LOOKING again (Z7).
   */
  observerElectionDelayMs: number;
  /**
   * Extension: the retransmission timeout of the TCP connections ZAB runs over (the kernel's stream transport,
   * protocols.md §0.2): a lost segment arrives this much later instead of never. Fixed, not doubled (engine
   * README, "Transports").
   */
  rtoMs: number;
}

export const defaultZabOptions: ZabOptions = {
  finalizeWaitMs: 200,
  maxNotificationIntervalMs: 60_000,
  tickTimeMs: 200,
  syncLimitTicks: 5,
  initLimitTicks: 10,
  observerElectionDelayMs: 200,
  rtoMs: 200,
};

const ms = z.number().int().min(1).max(600_000);
const ticks = z.number().int().min(1).max(1000);

export const zabOptionsSchema = z.strictObject({
  finalizeWaitMs: ms.optional(),
  maxNotificationIntervalMs: ms.optional(),
  tickTimeMs: z.number().int().min(2).max(600_000).optional(),
  syncLimitTicks: ticks.optional(),
  initLimitTicks: ticks.optional(),
  observerElectionDelayMs: z.number().int().min(0).max(600_000).optional(),
  rtoMs: z.number().int().min(1).max(60_000).optional(),
});
