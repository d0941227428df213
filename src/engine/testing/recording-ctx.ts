/**
 * A handler context that records what a handler asks for (sends, timers, commits, write results) instead of
 * doing it, so a unit test can call one handler and check one rule. Randomness is fixed (0.5, the middle of a
 * range) so a test never depends on a draw.
 */
import type { Ctx, Fields } from '../core/algorithm';
import type { NodeId, WriteValue } from '../core/types';

export interface Recorded {
  sends: { to: NodeId; kind: string; fields: Fields }[];
  timers: Record<string, number | null>;
  commits: { index: number; value: WriteValue | null }[];
  write: { accepted: boolean; reason?: string; leader?: NodeId | null } | null;
}

export function recordingCtx<O>(
  id: NodeId,
  options: O,
  { now = 1000, voters = [1, 2, 3, 4, 5] }: { now?: number; voters?: NodeId[] } = {},
): { ctx: Ctx<O>; rec: Recorded } {
  const rec: Recorded = { sends: [], timers: {}, commits: [], write: null };
  const ctx: Ctx<O> = {
    id,
    now,
    voters,
    observers: [],
    options,
    random: () => 0.5,
    randomBetween: (min, max) => Math.floor((min + max) / 2),
    send: (to, kind, fields) => rec.sends.push({ to, kind, fields }),
    setTimer: (name, ms) => (rec.timers[name] = ms),
    cancelTimer: (name) => (rec.timers[name] = null),
    commit: (index, value) => rec.commits.push({ index, value }),
    writeResult: (accepted, reason, leader) => (rec.write = { accepted, reason, leader }),
    anomaly: () => {},
    close: () => {},
  };
  return { ctx, rec };
}
