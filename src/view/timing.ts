/**
 * The live verdict on timing options: can these settings elect a stable leader on this network? Each rule is
 * the textbook condition (Raft §3.9 "broadcastTime ≪ electionTimeout"; a heartbeat plus the slowest message
 * must arrive before a follower gives up). Each algorithm's rules are its profile's `timing` (algorithms/<name>/
 * profile.ts); messages are dictionary keys.
 */
import { PROFILES } from '../engine/algorithms/profiles';
import type { TimingCheck, TimingKey, VerdictLevel } from '../engine/core/profile';
import type { AlgorithmName } from '../engine/core/types';

export type { TimingCheck, TimingKey, VerdictLevel };

export interface Verdict {
  level: VerdictLevel;
  checks: TimingCheck[];
}

type Opts = Record<string, unknown>;

export function timingVerdict(algorithm: AlgorithmName, options: Opts, maxLatency: number): Verdict {
  const checks = PROFILES[algorithm].timing(options, maxLatency);
  const level: VerdictLevel = checks.some((c) => c.level === 'bad') ? 'bad' : checks.some((c) => c.level === 'warn') ? 'warn' : 'ok';
  return { level, checks };
}
