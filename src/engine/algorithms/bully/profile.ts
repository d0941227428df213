/**
 * Bully's view profile (core/profile.ts, docs/algorithms.md): how its roles, messages and timers look, its
 * timing rules, formulas and narration words. Data for the viewers; the engine never reads it.
 */
import { numOption as num, type AlgorithmProfile, type TimingCheck } from '../../core/profile';
import { bullyBest, bullyWorst } from './formulas';

export const bullyProfile: AlgorithmProfile = {
  name: 'bully',
  displayName: 'Bully',
  chartColor: 'orange',
  roles: {
    follower: { color: 'blue', shape: 'circle', word: 'follower', resting: true },
    electing: { color: 'vermillion', shape: 'diamond', word: 'electing' },
    awaitingVictory: { color: 'orange', shape: 'triangle', word: 'awaitingVictory' },
    leader: { color: 'green', shape: 'hexagon', word: 'leader', leads: true },
  },
  round: null,
  // protocols.md §3.3: B1–B8 are election traffic, B9 is the leader's heartbeat.
  messages: {
    Election: { traffic: 'election', glyph: 'election', label: 'Election' },
    Alive: { traffic: 'election', glyph: 'answer', reply: true, label: 'Alive' },
    Victory: { traffic: 'election', glyph: 'victory', label: 'Victory' },
    Heartbeat: { traffic: 'heartbeat', glyph: 'heartbeat', label: 'Heartbeat' },
  },
  timers: { answer: 'timerAnswer', victory: 'timerVictory', leader: 'timerLeader', heartbeat: null },
  roundFields: ['round'],
  primaryRoundField: 'round',
  // B1: a node that starts an election is `electing`; a new round while electing is another election.
  electionRole: { role: 'electing', renewField: 'round', votersOnly: false },
  claimsLeader: (view) => view.role === 'leader',
  acceptsWrites: false,
  showsPhase: false,
  supportsObservers: false,
  crashDiffersFromPowerOff: false,
  timing(o, lat): TimingCheck[] {
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
  theory: (n) => ({ best: bullyBest(n), worst: bullyWorst(n) }),
  formulas: [
    { id: 'bully-best', label: 'Bully best: N − 1', cite: 'protocols.md §3.7, §4.2 (B1, B5; i = N−1)', bound: 'best', count: bullyBest },
    { id: 'bully-worst', label: 'Bully worst: N² − N − 1', cite: 'protocols.md §3.7, §4.2 (B1, B2, B5; i = 1 or all detect)', bound: 'worst', count: bullyWorst },
  ],
  sweep: [{ shape: 'band', best: bullyBest, worst: bullyWorst, legend: 'legendBullyBand' }],
  lessonGroup: { en: 'Bully', zh: 'Bully 算法' },
  words: {
    en: {
      roles: { follower: 'follower', electing: 'electing', awaitingVictory: 'awaiting Victory', leader: 'leader' },
      kindPurpose: {
        Election: 'asks the higher nodes whether any of them is alive',
        Alive: 'answers an Election: "I am higher and alive, I take over"',
        Victory: 'announces "I am the leader"',
        Heartbeat: 'the leader saying it is still alive',
      },
    },
    zh: {
      roles: { follower: '普通节点', electing: '选举中', awaitingVictory: '等待 Victory', leader: '主节点' },
      kinds: { Heartbeat: 'Heartbeat 心跳' },
      kindPurpose: {
        Election: '询问 ID 更大的节点是否还活着',
        Alive: '对 Election 的应答：“我比你大，而且活着，由我接手”',
        Victory: '宣告“我是主节点”',
        Heartbeat: '主节点表明自己仍然活着',
      },
    },
  },
};
