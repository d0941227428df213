/**
 * Multi-Paxos' view profile (core/profile.ts, docs/algorithms.md): how its roles, messages and timers look, its
 * timing rules, formulas and narration words. Data for the viewers; the engine never reads it.
 */
import { numOption as num, type AlgorithmProfile, type TimingCheck } from '../../core/profile';
import { paxosElection } from './formulas';

const slotLabel = (fields: Readonly<Record<string, unknown>>, label: string) =>
  ({ label: typeof fields.slot === 'number' ? `${label} #${fields.slot}` : label });

export const paxosProfile: AlgorithmProfile = {
  name: 'paxos',
  displayName: 'Multi-Paxos',
  chartColor: 'purple',
  supportsObservers: false,
  roles: {
    follower: { color: 'blue', shape: 'circle', word: 'follower', resting: true },
    proposer: { color: 'vermillion', shape: 'diamond', word: 'proposer' },
    leader: { color: 'green', shape: 'hexagon', word: 'leader', leads: true },
  },
  // The round of the promised ballot (P1): it orders leaders as Raft's term does.
  round: { word: 'round', letter: 'R', marker: 'round', of: (view) => (typeof view.round === 'number' ? view.round : null) },
  // README.md: Phase 1 (and its refusals) elects the leader; Phase 2 and catch-up carry the writes; the
  // Heartbeat is the leader's lease, the same kind and class as Bully's.
  messages: {
    Prepare: { traffic: 'election', glyph: 'election', label: 'Prepare' },
    Promise: { traffic: 'election', glyph: 'answer', reply: true, label: 'Promise' },
    Nack: { traffic: 'election', glyph: 'answer', reply: true, label: 'Nack', glyphOf: () => ({ label: 'Nack ✗', color: 'vermillion' }) },
    Accept: { traffic: 'data', glyph: 'data', label: 'Accept', glyphOf: slotLabel },
    Accepted: { traffic: 'data', glyph: 'data', reply: true, label: 'Accepted', glyphOf: slotLabel },
    Heartbeat: { traffic: 'heartbeat', glyph: 'heartbeat', label: 'Heartbeat' },
    CatchUp: { traffic: 'data', glyph: 'data', label: 'CatchUp' },
  },
  // P9's lease (also P2's retry and P10's back-off) is drawn; the heartbeat tick is not.
  timers: { leader: 'timerLeader', heartbeat: null },
  roundFields: ['round'],
  primaryRoundField: 'round',
  // P2: becoming a proposer starts an election; a new round while still proposing is another.
  electionRole: { role: 'proposer', renewField: 'round', votersOnly: false },
  claimsLeader: (view) => view.role === 'leader',
  acceptsWrites: true,
  showsPhase: false,
  crashDiffersFromPowerOff: false,
  timing(o, lat): TimingCheck[] {
    const min = num(o, 'leaderTimeoutMsMin', 150);
    const max = num(o, 'leaderTimeoutMsMax', 300);
    const hb = num(o, 'heartbeatMs', 50);
    // P9: a Heartbeat and its flight fit in the shortest lease; P2: so does Phase 1's round trip; the lease's
    // spread keeps two proposers' timers apart, as Raft's election timeout does.
    return [
      { level: hb + lat < min ? 'ok' : 'bad', key: 'heartbeatVsTimeout', values: { hb, lat, timeout: min } },
      { level: 2 * lat < min ? 'ok' : 'bad', key: 'roundTripVsTimeout', values: { rtt: 2 * lat, timeout: min } },
      { level: max - min >= 2 * lat ? 'ok' : 'warn', key: 'spread', values: { spread: max - min, rtt: 2 * lat } },
    ];
  },
  theory: (n) => ({ best: paxosElection(n, true), worst: paxosElection(n, true) }),
  formulas: [
    {
      id: 'paxos',
      label: 'Multi-Paxos: 3(N − 1)',
      cite: 'src/engine/algorithms/paxos/README.md "Message counts" (P2, P3, P5)',
      bound: 'exact',
      count: (n) => paxosElection(n, true),
    },
  ],
  sweep: [
    { shape: 'line', count: (n) => paxosElection(n, true), legend: 'legendPaxos', strokeWidth: 2, dash: '6 4', legendKind: 'line' },
  ],
  lessonGroup: { en: 'Multi-Paxos', zh: 'Multi-Paxos 算法' },
  words: {
    en: {
      roles: { follower: 'follower', proposer: 'proposer (Phase 1)', leader: 'leader' },
      kindPurpose: {
        Prepare: 'Phase 1: "promise me this ballot, and tell me what you accepted"',
        Promise: 'a promise to accept nothing below the ballot, with the values accepted so far',
        Nack: 'a refusal naming the higher ballot already promised',
        Accept: 'Phase 2: "accept this value for this slot in my ballot"',
        Accepted: 'the acceptor accepted the slot in that ballot',
        // The same words as Bully's Heartbeat: a kind two algorithms share means one thing (profiles.test.ts).
        Heartbeat: 'the leader saying it is still alive',
        CatchUp: 'a follower behind asks for the chosen values',
      },
    },
    zh: {
      roles: { follower: '跟随者', proposer: '提议者（阶段一）', leader: '领导者' },
      kinds: { Heartbeat: 'Heartbeat 心跳' },
      kindPurpose: {
        Prepare: '阶段一：“请承诺这个选票，并告诉我你已接受的值”',
        Promise: '承诺不再接受更低的选票，并附上已接受的值',
        Nack: '拒绝，并告知已承诺的更高选票',
        Accept: '阶段二：“请在我的选票下为这个槽位接受这个值”',
        Accepted: '接受者已在该选票下接受了这个槽位',
        Heartbeat: '主节点表明自己仍然活着',
        CatchUp: '落后的跟随者请求已选定的值',
      },
    },
  },
};
