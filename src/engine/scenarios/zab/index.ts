/**
 * ZAB lesson scenarios (protocols.md §2.8) as plain data. Each scenario is the JSON file under files/, which
 * the `sim` command loads with `--scenario`; importing the JSON here keeps the two from drifting apart.
 */
import type { AlgorithmName, Scenario } from '../../core/types';
import coldStart from './files/cold-start.json';
import epochBeatsZxid from './files/epoch-beats-zxid.json';
import killVsPowerOff from './files/kill-vs-power-off.json';
import lateVoteChange from './files/late-vote-change.json';
import leaderCrash from './files/leader-crash.json';
import leaderMinority from './files/leader-minority.json';
import longPartition from './files/long-partition.json';
import observersNoQuorum from './files/observers-no-quorum.json';
import restartNoChange from './files/restart-no-change.json';
import zxidBeatsSid from './files/zxid-beats-sid.json';

export interface Lesson {
  id: string;
  title: string;
  algorithm: AlgorithmName;
  scenario: Scenario;
  untilMs: number;
  expectation: string;
}

const sc = (json: unknown) => json as Scenario;

export const zabLessons: Lesson[] = [
  {
    id: 'cold-start',
    title: 'Cold start: the all-to-all notification storm',
    algorithm: 'zab',
    scenario: sc(coldStart),
    untilMs: 2000,
    expectation:
      'Five empty voters start LOOKING in round 1 and notify each other: at least N(N−1) = 20 notifications, plus N−1 more for every vote change, at most (N³−N)/2 = 60. With equal epochs and zxids the highest sid, node 5, wins, about finalizeWait (200 ms) after the votes settle; discovery and sync follow.',
  },
  {
    id: 'zxid-beats-sid',
    title: 'The highest zxid beats the highest sid',
    algorithm: 'zab',
    scenario: sc(zxidBeatsSid),
    untilMs: 5000,
    expectation:
      'Leader 5 commits x1…x5 everywhere, then, with {3, 4} cut off, x6 and x7 on {5, 1, 2} only. 5 is killed and the network heals. Its connections reset: 1 and 2 see it one message delay later and vote 2, (1, (1,7), 2); 3 and 4 a moment later (the partition held their packets) and vote 4 first, (1, (1,5), 4); then (1, (1,7), 2) beats it and 4 overrides its own vote (Z3c.4): node 2 leads epoch 2, not node 4.',
  },
  {
    id: 'epoch-beats-zxid',
    title: 'The epoch beats the zxid',
    algorithm: 'zab',
    scenario: sc(epochBeatsZxid),
    untilMs: 9000,
    expectation:
      'Leader 5 commits a1…a9, then is partitioned with node 4 and logs b10…b12 that never reach a quorum. The majority elects node 3 for epoch 2 (currentEpoch 2, zxid (1,9)). When 3 crashes and the network heals, the vote (2, (1,9), 2) beats (1, (1,12), 5): epoch first. Nodes 4 and 5 are truncated back to (1,9) by Sync TRUNC; b10…b12 were never committed.',
  },
  {
    id: 'leader-crash',
    title: 'Leader crash: checkLeader refuses a dead leader',
    algorithm: 'zab',
    scenario: sc(leaderCrash),
    untilMs: 6000,
    expectation:
      'Node 1 stops hearing the leader at 1200 ms; at 1500 ms the leader\'s host loses power (how: powerOff), so no connection is closed or reset. Followers notice only after syncLimit·tickTime (1 s) without packets, at slightly different times, and start round 2. Early lookers get FOLLOWING replies that still name the dead leader, but checkLeader needs a LEADING notification from the leader itself, so nobody follows it again; the survivors elect a new leader for epoch 2 and the next write commits.',
  },
  {
    id: 'leader-minority',
    title: 'Leader in a minority partition steps down',
    algorithm: 'zab',
    scenario: sc(leaderMinority),
    untilMs: 11000,
    expectation:
      'With ZooKeeper-like timer ratios (tickTime 1 s, syncLimit 2 ticks): partition {5, 1} | {2, 3, 4}. Leader 5 keeps LEADING while its learners still count as synced (its deadline is counted in whole ticks), then its synced-quorum check fails and it goes LOOKING (Z7). The majority elects node 4 for epoch 2 first, so for a while two nodes are LEADING in different epochs, and the checker stays green. The write "lost" made in the minority is never committed and is truncated after the heal.',
  },
  {
    id: 'restart-no-change',
    title: 'A restarted follower or observer does not change the leader',
    algorithm: 'zab',
    scenario: sc(restartNoChange),
    untilMs: 9000,
    expectation:
      'Leader 5 is killed; its connections reset, so the others look at once and node 4 takes over. When 5, the highest sid, comes back, it joins through FOLLOWING/LEADING replies (Z2c, Z3e) with 2(N−1) = 8 notifications and follows 4: no new election, no leader change (contrast with Bully). Observer 6 restarts the same way with 2N = 10 notifications.',
  },
  {
    id: 'observers-no-quorum',
    title: 'Observers cannot make a quorum',
    algorithm: 'zab',
    scenario: sc(observersNoQuorum),
    untilMs: 9000,
    expectation:
      '3 voters and 2 observers. Crashing both observers changes nothing. Crashing two voters leaves voter 1 LOOKING for ever: the observers answer its notifications, but they are no voters and appear in no tally, so there is no leader.',
  },
  {
    id: 'late-vote-change',
    title: 'A late vote change: two LEADING nodes, one established',
    algorithm: 'zab',
    scenario: sc(lateVoteChange),
    untilMs: 4000,
    expectation:
      'Node 5 starts late and node 4 hears nobody after 100 ms. Nodes 1–4 agree on 4; 4 enters finalizeWait, hears nothing better and goes LEADING. Nodes 1–3 see 5 during their finalizeWait, switch, and 5 goes LEADING too: two LEADING nodes in round 1. Only 5 gets its epoch acknowledged by a quorum; 4 gives up after initLimit·tickTime (2 s), goes LOOKING and joins 5. Z-S1 holds throughout.',
  },
  {
    id: 'kill-vs-power-off',
    title: 'ZAB over TCP: a killed leader is seen at once, a powered-off one only by timeout',
    algorithm: 'zab',
    scenario: sc(killVsPowerOff),
    untilMs: 6000,
    expectation:
      'ZAB runs over TCP (protocols.md §0.2). At 1000 ms leader 5\'s process is killed: its operating system resets its connections, every follower sees the Reset one message delay later (≤ 30 ms) and goes LOOKING, and node 4 leads epoch 2 within about 400 ms. At 3000 ms leader 4\'s host loses power: nothing is closed, so its followers hear nothing until their read timeout, syncLimit·tickTime = 1 s after the last ping, and only then look; node 3 leads about 1.4 s after the power-off.',
  },
  {
    id: 'long-partition',
    title: 'Slow recovery after a long partition',
    algorithm: 'zab',
    scenario: sc(longPartition),
    untilMs: 170000,
    expectation:
      'Node 1 is isolated for 109 s. Its notification timeout doubles 200, 400, … up to 60 s and is never reset. After the heal nobody talks to it (established peers only answer), so it rejoins only at its next re-broadcast, about 54 s after the heal.',
  },
];
