/**
 * Raft lessons (protocols.md §1.8) as data. Each scenario is a JSON file in ./files (the `sim` command loads
 * it with `--scenario`); this index imports those same files, so there is one source of truth, and adds what
 * a lesson page needs: a title, how long to run and what the learner should see.
 *
 * The kernel has no per-node timer hooks, so precise situations are staged with the script alone (latency,
 * crashes, partitions, options) and a seed chosen so that the random draws tell the story; the tests in
 * lessons.test.ts assert each expectation on the actual run.
 */
import type { Scenario } from '../../core/types';
import { parseScenario } from '../../scenario-file';
import disruptiveNode from './files/disruptive-node.json';
import disruptiveNodePreVote from './files/disruptive-node-prevote.json';
import figure8 from './files/figure-8.json';
import figure8D2 from './files/figure-8-d2.json';
import leaderCrashFailover from './files/leader-crash-failover.json';
import leaderMinority from './files/leader-minority.json';
import leaderMinorityCheckQuorum from './files/leader-minority-checkquorum.json';
import noPreemption from './files/no-preemption.json';
import splitVote from './files/split-vote.json';
import splitVoteLivelock from './files/split-vote-livelock.json';
import upToDateLog from './files/up-to-date-log.json';

export interface Lesson {
  id: string;
  title: string;
  algorithm: 'raft';
  scenario: Scenario;
  untilMs: number;
  /** What the learner should observe (protocols.md §1.8), asserted by lessons.test.ts. */
  expectation: string;
}

function lesson(id: string, title: string, json: unknown, untilMs: number, expectation: string): Lesson {
  return { id, title, algorithm: 'raft', scenario: parseScenario(json), untilMs, expectation };
}

export const RAFT_LESSONS: readonly Lesson[] = [
  lesson(
    'split-vote',
    'Split vote',
    splitVote,
    2000,
    'The network starts slow (150 ms a message), so every node\'s randomized timer fires before any RequestVote ' +
      'arrives: all five stand in term 1 and each votes for itself. Nobody can reach 3 votes; that failed round ' +
      'costs 2·k·(N−1) = 40 messages. At 300 ms the network speeds up (10–30 ms); each candidate has drawn a fresh ' +
      'random timeout, the first to fire wins term 2 (R1, R2c, R4).',
  ),
  lesson(
    'split-vote-livelock',
    'Split votes without randomization',
    splitVoteLivelock,
    3000,
    'With the election timeout fixed at 150 ms (range [150, 151)), all five nodes time out at the same instant, ' +
      'every round: each votes for itself, nobody wins, and the term climbs by one every 150 ms forever. ' +
      'Randomized timeouts (R2) are what break this symmetry.',
  ),
  lesson(
    'up-to-date-log',
    'The up-to-date-log vote restriction',
    upToDateLog,
    3000,
    'S1 leads term 1 and commits x, y, z on {S1, S2, S3} while S4 and S5 are down. S1 crashes and S4, S5 come back ' +
      'with short logs. S4 times out first and asks for votes in term 2: S2 and S3 refuse, because its log is less ' +
      'up-to-date than theirs (R3 logOk); S5 grants, so S4 has 2 of 5 and fails. S2 wins term 3, and its log holds ' +
      'every committed entry (R-S4). With the log check disabled, S4 would win and erase committed entries.',
  ),
  lesson(
    'disruptive-node',
    'A rejoining node disrupts the leader (no PreVote)',
    disruptiveNode,
    6000,
    'S5 is cut off for 3 s. Each election timeout it starts a new election alone (R1), so its term climbs from 1 to ' +
      'about 14. When the partition heals, its reply to S1\'s heartbeat carries that higher term, and S1 steps down ' +
      '(R0a) although nothing was wrong. A new election at a term above S5\'s follows; S5 cannot win it (its log ' +
      'lacks the writes committed while it was away), but the cluster was leaderless for a while anyway.',
  ),
  lesson(
    'disruptive-node-prevote',
    'The same rejoining node with PreVote',
    disruptiveNodePreVote,
    6000,
    'Same script with PreVote on. Cut off, S5 becomes a pre-candidate but never gets a quorum of pre-votes, so its ' +
      'term stays at 1 (PV1: a pre-vote does not change the term). When the partition heals, S1\'s next heartbeat ' +
      'makes it a follower again (PV4). No node\'s term changes and S1 leads throughout.',
  ),
  lesson(
    'leader-minority',
    'A leader in a minority partition',
    leaderMinority,
    4000,
    'S1 leads term 1 when the network splits into {S1, S2} and {S3, S4, S5}. The majority elects S3 in term 2 and ' +
      'commits kept-3. S1 still believes it leads term 1 and accepts lost-1 and lost-2, but can never commit them ' +
      '(R8 needs 3 of 5). Two leaders coexist in different terms; Election Safety (R-S1) still holds. On heal S1 ' +
      'sees term 2, steps down, and its uncommitted entries are overwritten on S1 and S2 (R5d).',
  ),
  lesson(
    'leader-minority-checkquorum',
    'A leader in a minority partition, with CheckQuorum',
    leaderMinorityCheckQuorum,
    4000,
    'Same split with CheckQuorum on: S1 stops hearing from a majority and steps down on its next check, within ' +
      'about one to two Tmin of the split (CQ1), long before the heal. Its writes are still never committed. ' +
      'Without PreVote, S1 and S2 then run elections in their minority and their terms climb.',
  ),
  lesson(
    'leader-crash-failover',
    'Leader crash and failover',
    leaderCrashFailover,
    5000,
    'The leader S1 crashes at 2 s. The first follower to time out (a random [150, 300) ms after its last ' +
      'heartbeat) wins the next term in about one round trip; the cluster is without a leader for roughly Tmin to ' +
      'Tmax. The committed write survives in the new leader\'s log. When S1 comes back it is a follower of the new ' +
      'term and learns the commits again.',
  ),
  lesson(
    'no-preemption',
    'No preemption when the highest id comes back',
    noPreemption,
    5000,
    'S5, the highest id, crashes and revives four times. In Raft it comes back as a follower, hears S1\'s ' +
      'heartbeat before its election timer fires, and S1 stays leader in term 1: no election, no leader change. ' +
      'Run the same script with --algorithm bully to compare: there every revival of S5 takes leadership back.',
  ),
  lesson(
    'figure-8',
    '"Figure 8": why a leader never commits an old-term entry by counting',
    figure8,
    3000,
    'The election timeout is fixed at 200 ms and latency at 10 ms, so crashes and revives alone decide who times ' +
      'out first. (a) S1 leads term 1; with S3–S5 down it takes x1…x32 (indexes 2–33), which reach S2 only; S1 and ' +
      'S2 crash. (b) S5, revived first, wins term 2 with S3 and S4; its term-2 no-op at index 2 never leaves S5 (a ' +
      'partition drops it, then S5 crashes). (c) S3 tries term 3 but S1 and S2 refuse its shorter log; S1 wins term ' +
      '4 with S2 and S3 and appends its term-4 no-op at index 34. S3 lacks the x entries, so nextIndex walks back one ' +
      'by one, and at 1220 ms S3 acknowledges x1…x32: they are on a majority (S1, S2, S3) but of term 1, so R8 does ' +
      'not commit them. (d1) S1 and S2 crash at 1230 ms, before the no-op reaches S3. S5 (last term 2) refuses S3 in ' +
      'term 5, then wins term 6 with S3 and S4 and overwrites indexes 2–33 with its own entries. Nothing committed ' +
      'is lost. With commitOldTermByCount on, S1 commits x1…x32 at 1220 ms by counting, and the checker reports R-S4 ' +
      'when S5 becomes leader of term 6, then R-S5.',
  ),
  lesson(
    'figure-8-d2',
    '"Figure 8" (d2): the current-term entry reaches a majority first',
    figure8D2,
    3000,
    'The same script, but S1 and S2 crash at 1300 ms instead of 1230. By then S1\'s term-4 no-op (index 34) has ' +
      'reached S3 (1270 ms), so it is on a majority and S1 commits it, and every entry under it, at 1280 ms (R8). ' +
      'S5 can no longer win: S3 holds a term-4 entry and refuses it. S3 wins term 5 and x1…x32 survive on every node.',
  ),
];

export function raftLesson(id: string): Lesson {
  const l = RAFT_LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no Raft lesson "${id}"`);
  return l;
}
