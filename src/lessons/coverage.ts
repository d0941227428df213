/**
 * What the library must cover (issue 8): every claim of the seed text (/work/shared/seed, Chinese) and every
 * teaching scenario of protocols.md §1.8, §2.8 and §3.6 that the engine stages. A Record over the CoverageTag
 * union, so a new tag cannot be forgotten here; index.test.ts checks that each one is covered by a lesson.
 */
import type { CoverageTag } from './types';

export const COVERAGE: Record<CoverageTag, string> = {
  'seed:why-leader': 'Why a cluster needs a leader: order and consistency; 集群不可一刻无主',
  'seed:bully-rule': 'Bully: the largest live id wins (长者为大)',
  'seed:bully-messages': 'Bully message types: Election, Alive, Victory',
  'seed:bully-void-victory': 'A Victory followed by an Alive from a bigger node is void; re-elect',
  'seed:bully-global-ids': 'Bully assumes every node knows every other id',
  'seed:bully-mongodb-lastop': 'MongoDB uses the last-operation timestamp as the id',
  'seed:bully-fast-simple': 'Bully is fast and simple',
  'seed:bully-flapping': 'A higher node rejoining retakes leadership; a flapping node makes the leader flap',
  'seed:raft-roles': 'Raft roles: Leader, Candidate, Follower; all start as Followers',
  'seed:raft-one-vote': 'One vote per node per term (round)',
  'seed:raft-majority': 'A candidate needs more than half of the votes',
  'seed:raft-heartbeat': 'The leader sends periodic heartbeats',
  'seed:raft-term-expiry': 'The seed says terms expire; in fact a term ends only when someone starts a higher one',
  'seed:raft-stability': 'A rejoining node triggers an election but does not necessarily take over',
  'seed:raft-message-cost': 'Raft needs all-to-all communication and a majority: more messages',
  'seed:zab-states': 'ZAB states: Looking, Leading, Following, Observing',
  'seed:zab-triple': 'Votes ordered by (epoch, zxid, server id)',
  'seed:zab-observer': 'Observers have no vote',
  'seed:zab-storm': 'All-to-all broadcast: n(n−1) notifications, a broadcast storm',
  'seed:zab-freshest': 'ZAB favours the node with the freshest data',
  'seed:zab-slower': 'ZAB elections take longer',
  'seed:zab-stability': 'A rejoining ZAB node does not take over unless it has the freshest data, the largest id and a majority',
  'p1.8.1': 'Raft: split vote (and livelock without randomization)',
  'p1.8.2': 'Raft: up-to-date-log vote restriction',
  'p1.8.3': 'Raft: disruptive rejoining node, and PreVote',
  'p1.8.4': 'Raft: leader in a minority partition, and CheckQuorum',
  'p1.8.5': 'Raft: leader crash and failover time',
  'p1.8.6': 'Raft: "Figure 8", an old-term entry on a majority is not committed by counting',
  'p1.8.7': 'Raft: no preemption by a revived highest id',
  'p2.8.1': 'ZAB: cold start notification burst; highest sid wins',
  'p2.8.2': 'ZAB: highest zxid beats highest sid; epoch beats zxid',
  'p2.8.3': 'ZAB: leader crash; checkLeader refuses a dead leader',
  'p2.8.4': 'ZAB: leader in a minority partition steps down',
  'p2.8.5': 'ZAB: a restarted follower or observer does not change the leader',
  'p2.8.6': 'ZAB: observers do not vote and cannot make a quorum',
  'p2.8.7': 'ZAB: vote changed too late, two LEADING nodes',
  'p2.8.8': 'ZAB: long partition, slow recovery',
  'p3.6.1': 'Bully: best and worst message counts',
  'p3.6.2': 'Bully: leader flapping',
  'p3.6.3': 'Bully: partition gives two leaders',
  'p3.6.4': 'Bully: late Alive voids a victory',
  'p3.6.5': 'Bully: lost Alive; the Victory corrects the wrong leader',
  'p3.6.7': 'Bully: rank by last-op timestamp',
  'split-brain-compare': 'Split brain under a partition: Bully yes, Raft and ZAB no',
  'explore-safe-vs-bully': 'The explorer (issue 16): Raft safe in every ordering it checked, Bully split brain found',
  'explore-figure-8': 'The explorer (issue 16): Figure 8 found by the search, not scripted',
  'paxos:cold-start': 'Multi-Paxos: one Phase 1 (Prepare / Promise) elects a leader for the whole log; writes need Phase 2 only',
  'paxos:leader-crash': 'Multi-Paxos: the lease runs out, a higher ballot wins Phase 1, a revived node catches up',
  'paxos:duel-livelock': 'Multi-Paxos: duelling proposers without back-off pre-empt each other forever (livelock)',
  'paxos:duel-backoff': 'Multi-Paxos: randomized back-off resolves the duel',
  'paxos:minority-accepted': 'Multi-Paxos: a new leader re-proposes a value accepted by a minority (P6, the safety rule)',
  'paxos:partition': 'Multi-Paxos: a leader in a minority partition cannot get anything chosen',
  'paxos:vs-raft': 'Paxos vs Raft: messages per election, per write and per heartbeat interval',
};

/** protocols.md scenarios not staged by the engine yet, so no lesson shows them (see the report / README). */
export const NOT_COVERED: readonly string[] = [
  'p3.6.6 Bully stale Victory (delay one Victory of an old election): the scenario format cannot delay a single message',
];
