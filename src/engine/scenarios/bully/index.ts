/**
 * Bully lessons (protocols.md §3.6) as data. Each scenario is a JSON file in ./files (the `sim` command loads
 * it with `--scenario`); this index imports those same files and adds what a lesson page needs. The tests in
 * lessons.test.ts assert each expectation on the actual run.
 */
import type { Scenario } from '../../core/types';
import { parseScenario } from '../../scenario-file';
import bestCase from './files/best-case.json';
import flapping from './files/flapping.json';
import lastOpRank from './files/last-op-rank.json';
import splitBrain from './files/split-brain.json';
import voidVictory from './files/void-victory.json';
import worstCase from './files/worst-case.json';

export interface BullyLesson {
  id: string;
  title: string;
  algorithm: 'bully';
  scenario: Scenario;
  untilMs: number;
  /** What the learner should observe, asserted by lessons.test.ts. */
  expectation: string;
}

function lesson(id: string, title: string, json: unknown, untilMs: number, expectation: string): BullyLesson {
  return { id, title, algorithm: 'bully', scenario: parseScenario(json), untilMs, expectation };
}

export const BULLY_LESSONS: readonly BullyLesson[] = [
  lesson(
    'bully-best-case',
    'Bully at its best: N − 1 messages',
    bestCase,
    3000,
    'Six nodes; the coordinator 6 is down and, so that only one node notices, the others\' failure detectors are ' +
      'slowed down. Node 5 comes back and is the one to start the election: its Election to 6 goes unanswered, ' +
      'so after the answer timeout it declares victory to nodes 1–4. One Election plus four Victory messages: ' +
      'N − 1 = 5 (§3.7, M(N−1)).',
  ),
  lesson(
    'bully-worst-case',
    'Bully at its worst: O(N²) messages',
    worstCase,
    3000,
    'The same six nodes, but node 1, the lowest, starts the election. It asks 2–6; each of 2–5 answers Alive and ' +
      'starts its own election upwards, and each answers every lower asker. 15 Election + 10 Alive + 4 Victory ' +
      '= 29 = N² − N − 1 messages before node 5 leads (§3.7, M(1)).',
  ),
  lesson(
    'bully-flapping',
    'The highest node comes back: Bully flaps',
    flapping,
    9000,
    'Node 5 crashes and comes back every two seconds. Each crash: the followers detect it after the leader ' +
      'timeout and elect node 4. Each revive: node 5 runs an election, finds nobody higher and takes over at once ' +
      '(B10). Two leader changes per cycle — the instability the seed text warns about. Raft and ZAB keep their ' +
      'leader in the same experiment.',
  ),
  lesson(
    'bully-split-brain',
    'A partition gives Bully two leaders',
    splitBrain,
    4500,
    'The network splits into {1, 2, 3} and {4, 5, 6}. Bully needs no majority, so each side elects its own ' +
      'highest node: 3 and 6 both lead — a split brain (N2). When the network heals, 6\'s heartbeats bully 3 and ' +
      'everyone follows 6 again (B11), but nothing reconciles what 3 did while it led.',
  ),
  lesson(
    'bully-void-victory',
    'A late Alive voids a victory (the seed\'s rule)',
    voidVictory,
    3000,
    'After leader 3 crashes, messages take 60 ms, so an Election and its Alive need 120 ms — longer than the ' +
      '100 ms answer timeout. Node 1 hears nothing in time and declares victory; then node 2\'s Alive arrives. ' +
      'By the seed\'s rule the victory is void (B8): node 1 starts over, and node 2 wins.',
  ),
  lesson(
    'bully-last-op-rank',
    'Freshest data wins: rank by last operation (MongoDB style)',
    lastOpRank,
    4500,
    'With priority "lastOp", a node\'s rank is (time of its last write, id) (B12). At first no node has written, ' +
      'so 5 leads. Node 2 takes a write; when the leader crashes, 2 is the freshest and wins although 3 and 4 have ' +
      'higher ids. Later node 4 takes a write, and the next election goes to 4: the winner changes with the data.',
  ),
];
