/**
 * The live verdict on timing options: can these settings elect a stable leader on this network? Each rule is
 * the textbook condition (Raft §3.9 "broadcastTime ≪ electionTimeout"; a heartbeat plus the slowest message
 * must arrive before a follower gives up). Rules are data keyed by algorithm; messages are dictionary keys.
 */
import type { AlgorithmName } from '../engine/core/types';

export type VerdictLevel = 'ok' | 'warn' | 'bad';

export interface TimingCheck {
  level: VerdictLevel;
  /** Dictionary key of the explanation (src/ui/i18n `timing.*`). */
  key: TimingKey;
  /** Numbers the explanation quotes. */
  values: Record<string, number>;
}

export type TimingKey =
  | 'heartbeatVsTimeout'
  | 'roundTripVsTimeout'
  | 'spread'
  | 'answerVsRoundTrip'
  | 'victoryVsAnswer'
  | 'finalizeVsRoundTrip'
  | 'pingVsSync'
  | 'initVsRoundTrip';

export interface Verdict {
  level: VerdictLevel;
  checks: TimingCheck[];
}

type Opts = Record<string, unknown>;
const num = (o: Opts, k: string, d: number) => (typeof o[k] === 'number' ? (o[k] as number) : d);

const RULES: Record<AlgorithmName, (o: Opts, maxLatency: number) => TimingCheck[]> = {
  raft(o, lat): TimingCheck[] {
    const min = num(o, 'electionTimeoutMsMin', 150);
    const max = num(o, 'electionTimeoutMsMax', 300);
    const hb = num(o, 'heartbeatMs', 50);
    return [
      { level: hb + lat < min ? 'ok' : 'bad', key: 'heartbeatVsTimeout', values: { hb, lat, timeout: min } },
      { level: 2 * lat < min ? 'ok' : 'bad', key: 'roundTripVsTimeout', values: { rtt: 2 * lat, timeout: min } },
      { level: max - min >= 2 * lat ? 'ok' : 'warn', key: 'spread', values: { spread: max - min, rtt: 2 * lat } },
    ];
  },
  bully(o, lat): TimingCheck[] {
    const hb = num(o, 'heartbeatMs', 100);
    const leader = num(o, 'leaderTimeoutMs', 300);
    const answer = num(o, 'answerTimeoutMs', 100);
    const victory = num(o, 'victoryTimeoutMs', 200);
    return [
      { level: hb + lat < leader ? 'ok' : 'bad', key: 'heartbeatVsTimeout', values: { hb, lat, timeout: leader } },
      { level: answer > 2 * lat ? 'ok' : 'bad', key: 'answerVsRoundTrip', values: { answer, rtt: 2 * lat } },
      { level: victory > answer + lat ? 'ok' : 'warn', key: 'victoryVsAnswer', values: { victory, answer, lat } },
    ];
  },
  zab(o, lat): TimingCheck[] {
    const fin = num(o, 'finalizeWaitMs', 200);
    const tick = num(o, 'tickTimeMs', 200);
    const sync = num(o, 'syncLimitTicks', 5);
    const init = num(o, 'initLimitTicks', 10);
    return [
      { level: fin > 2 * lat ? 'ok' : 'warn', key: 'finalizeVsRoundTrip', values: { finalize: fin, rtt: 2 * lat } },
      { level: tick / 2 + lat < sync * tick ? 'ok' : 'bad', key: 'pingVsSync', values: { ping: tick / 2, lat, sync: sync * tick } },
      { level: init * tick > 6 * lat ? 'ok' : 'bad', key: 'initVsRoundTrip', values: { init: init * tick, rtt: 6 * lat } },
    ];
  },
};

export function timingVerdict(algorithm: AlgorithmName, options: Opts, maxLatency: number): Verdict {
  const checks = RULES[algorithm](options, maxLatency);
  const level: VerdictLevel = checks.some((c) => c.level === 'bad') ? 'bad' : checks.some((c) => c.level === 'warn') ? 'warn' : 'ok';
  return { level, checks };
}
