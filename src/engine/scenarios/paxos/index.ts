/**
 * Multi-Paxos lessons (algorithms/paxos/README.md) as data. Each scenario is a JSON file in ./files (the `sim`
 * command loads it with `--scenario`); this index imports those same files and adds what a lesson page needs.
 * The seed and script are chosen so the random draws tell the story; lessons.test.ts asserts each expectation
 * on the actual run.
 */
import type { Scenario } from '../../core/types';
import { parseScenario } from '../../scenario-file';
import coldStart from './files/cold-start.json';
import duelBackoff from './files/duel-backoff.json';
import duelLivelock from './files/duel-livelock.json';
import leaderCrash from './files/leader-crash.json';
import minorityAccepted from './files/minority-accepted.json';
import partition from './files/partition.json';

export interface Lesson {
  id: string;
  title: string;
  algorithm: 'paxos';
  scenario: Scenario;
  untilMs: number;
  /** What the learner should observe, asserted by lessons.test.ts. */
  expectation: string;
}

function lesson(id: string, title: string, json: unknown, untilMs: number, expectation: string): Lesson {
  return { id, title, algorithm: 'paxos', scenario: parseScenario(json), untilMs, expectation };
}

export const PAXOS_LESSONS: readonly Lesson[] = [
  lesson(
    'cold-start',
    'Cold start: one Phase 1 elects a leader',
    coldStart,
    1500,
    'Node 5\'s leader timer fires first (P9): it picks ballot 1.5 and sends Prepare to the other four (P1, P2). Each ' +
      'promises (P3) with nothing accepted; with 3 of 5 Promises node 5 leads (P5) and its first Heartbeat tells the ' +
      'others: 3(N−1) = 12 messages. The write "x" at 800 ms costs one Accept and one Accepted per follower, ' +
      '2(N−1) = 8 messages (P7, P8), and the next Heartbeat tells the followers it was chosen.',
  ),
  lesson(
    'leader-crash',
    'The leader crashes: a new leader by Phase 1',
    leaderCrash,
    3500,
    'Node 5 leads ballot 1.5 and "a" is chosen in slot 1. At 1000 ms it crashes; the Heartbeats stop, and node 4\'s ' +
      'lease runs out first: it wins ballot 2.4 with Promises from a majority. It had already learned that "a" was ' +
      'chosen, so its one Phase 1 covers the log from slot 2 on (P2) and the Promises report nothing. The write "b" ' +
      'goes to slot 2. Node 5 revives at 2500 ms: its promise and accepted slots survived, what it learned ' +
      'did not, so it asks its new leader with CatchUp and learns "a" and "b" again (P8).',
  ),
  lesson(
    'duel-livelock',
    'Duelling proposers without back-off: a livelock',
    duelLivelock,
    3000,
    'The lease is drawn from [150, 160) ms, so several nodes start Phase 1 within a few milliseconds. With back-off ' +
      'off (P10), a proposer that sees a higher ballot tries again at once with a higher one, which pre-empts the ' +
      'other, which tries again… For 3 s no node is ever named leader by a majority, thousands of Prepares and Nacks ' +
      'fly, and the round climbs past 100.',
  ),
  lesson(
    'duel-backoff',
    'The same duel with randomized back-off',
    duelBackoff,
    3000,
    'Same script with back-off on: a pre-empted proposer waits a random time in [0, 150) ms (P10) before trying ' +
      'again. One of them finishes Phase 1 while the others wait, its Heartbeat makes them followers, and the ' +
      'cluster has a leader within a few hundred milliseconds.',
  ),
  lesson(
    'minority-accepted',
    'A value accepted by a minority is re-proposed by the next leader',
    minorityAccepted,
    2000,
    'Node 5 leads; its links to nodes 1–3 are cut one way just before the write "x", so only node 4 accepts it: ' +
      '"x" is on 2 of 5 acceptors and not chosen. Node 5 and node 3 crash. The live nodes 1, 2, 4 are exactly a ' +
      'majority, so the new leader\'s Phase 1 must hear node 4, whose Promise reports "x" in slot 1; the new leader ' +
      're-proposes it (P6) and "x" is chosen in ballot 2. With the teaching switch ignorePromisedValues, "x" would ' +
      'simply vanish.',
  ),
  lesson(
    'partition',
    'A leader in the minority cannot commit',
    partition,
    3000,
    'At 800 ms nodes 4 and 5 are cut off from 1–3. Node 5 still believes it leads and takes the write "lost", but ' +
      'only node 4 accepts it: no majority, never chosen. The majority elects node 3 (ballot 2.3), which commits ' +
      '"kept" in slot 1. On the heal at 2000 ms node 5\'s Heartbeats are refused with a Nack of ballot 2.3; it ' +
      'steps down, follows node 3, and slot 1 becomes "kept" on every node.',
  ),
];

export function paxosLesson(id: string): Lesson {
  const l = PAXOS_LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no Paxos lesson "${id}"`);
  return l;
}
