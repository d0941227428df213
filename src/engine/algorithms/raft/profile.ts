/**
 * Raft's view profile (core/profile.ts, docs/algorithms.md): how its roles, messages and timers look, its
 * timing rules, formulas and narration words. Data for the viewers; the engine never reads it.
 */
import { numOption as num, type AlgorithmProfile, type TimingCheck } from '../../core/profile';
import { raftElection, raftElectionWithFirstHeartbeat, raftPreVoteElection } from './formulas';

/** A vote reply's ✓ / ✗, and green or vermillion (granted or refused). */
function voteGlyph(fields: Readonly<Record<string, unknown>>, label: string) {
  const granted = fields.voteGranted ?? fields.granted;
  const mark = granted === true ? ' ✓' : granted === false ? ' ✗' : '';
  const refused = fields.voteGranted === false || fields.granted === false;
  return { label: label + mark, color: refused ? ('vermillion' as const) : ('green' as const) };
}

const isEmptyAppend = (fields: Readonly<Record<string, unknown>>) => !Array.isArray(fields.entries) || fields.entries.length === 0;

export const raftProfile: AlgorithmProfile = {
  name: 'raft',
  displayName: 'Raft',
  chartColor: 'blue',
  roles: {
    follower: { color: 'blue', shape: 'circle', word: 'follower', resting: true },
    precandidate: { color: 'orange', shape: 'diamond', word: 'precandidate', dashed: true },
    candidate: { color: 'vermillion', shape: 'diamond', word: 'candidate' },
    leader: { color: 'green', shape: 'hexagon', word: 'leader', leads: true },
  },
  round: { word: 'term', letter: 'T', marker: 'term', of: (view) => (typeof view.term === 'number' ? view.term : null) },
  // protocols.md §1.2: votes and pre-votes are election traffic. An AppendEntries with no entries is a
  // heartbeat (§1.4 R7), one with entries is data; its reply takes the class of the AppendEntries it answers.
  messages: {
    RequestVote: { traffic: 'election', glyph: 'election', label: 'Vote?' },
    RequestVoteReply: { traffic: 'election', glyph: 'answer', reply: true, label: 'Vote', glyphOf: voteGlyph },
    PreVote: { traffic: 'election', glyph: 'election', label: 'PreVote?' },
    PreVoteReply: { traffic: 'election', glyph: 'answer', reply: true, label: 'PreVote', glyphOf: voteGlyph },
    AppendEntries: {
      traffic: 'data',
      glyph: 'data',
      label: 'Append',
      trafficOf: (fields) => (isEmptyAppend(fields) ? 'heartbeat' : 'data'),
      glyphOf: (fields) => {
        const entries = Array.isArray(fields.entries) ? fields.entries.length : 0;
        return entries === 0 ? { category: 'heartbeat' } : { label: `Append +${entries}` };
      },
    },
    AppendEntriesReply: {
      traffic: 'data',
      glyph: 'data',
      reply: true,
      label: 'Appended',
      answers: 'AppendEntries',
      // Replies to heartbeats are heartbeats too; a refusal is worth seeing.
      glyphOf: (fields) => (fields.success === false ? { label: 'Append ✗' } : { category: 'heartbeat' }),
    },
  },
  timers: { election: 'timerElection', heartbeat: null, checkQuorum: null },
  roundFields: ['term'],
  primaryRoundField: 'term',
  // R3: becoming candidate starts an election (a pre-vote round is not one); a new term while candidate is another.
  electionRole: { role: 'candidate', renewField: 'term', votersOnly: false },
  claimsLeader: (view) => view.role === 'leader',
  acceptsWrites: true,
  showsPhase: false,
  supportsObservers: false,
  crashDiffersFromPowerOff: false,
  timing(o, lat): TimingCheck[] {
    const min = num(o, 'electionTimeoutMsMin', 150);
    const max = num(o, 'electionTimeoutMsMax', 300);
    const hb = num(o, 'heartbeatMs', 50);
    return [
      { level: hb + lat < min ? 'ok' : 'bad', key: 'heartbeatVsTimeout', values: { hb, lat, timeout: min } },
      { level: 2 * lat < min ? 'ok' : 'bad', key: 'roundTripVsTimeout', values: { rtt: 2 * lat, timeout: min } },
      { level: max - min >= 2 * lat ? 'ok' : 'warn', key: 'spread', values: { spread: max - min, rtt: 2 * lat } },
    ];
  },
  theory(n, opts) {
    const c = opts.preVote ? raftPreVoteElection(n) : raftElection(n);
    return { best: c, worst: c };
  },
  formulas: [
    { id: 'raft', label: 'Raft: 2(N − 1)', cite: 'protocols.md §1.9, §4.2 (R3, R4)', bound: 'exact', count: raftElection },
    { id: 'raft-prevote', label: 'Raft with PreVote: 4(N − 1)', cite: 'protocols.md §1.9, §4.2 (PV1–PV4)', bound: 'exact', count: raftPreVoteElection },
  ],
  sweep: [
    { shape: 'line', count: raftElection, legend: 'legendRaft', strokeWidth: 2, dash: '6 4', legendKind: 'line' },
    // Until every follower knows the leader: the votes, the first heartbeat round and its replies (§1.9).
    { shape: 'line', count: (n) => raftElectionWithFirstHeartbeat(n, true), legend: 'legendRaftKnown', strokeWidth: 1.5, dash: '2 3', legendKind: 'dots' },
  ],
  lessonGroup: { en: 'Raft', zh: 'Raft 算法' },
  words: {
    en: {
      roles: { follower: 'follower', precandidate: 'pre-candidate', candidate: 'candidate', leader: 'leader' },
      kindPurpose: {
        RequestVote: 'a candidate asking for a vote',
        RequestVoteReply: 'a vote, granted or refused',
        PreVote: 'asks "would you vote for me?" without starting a term',
        PreVoteReply: 'a pre-vote, granted or refused',
        AppendEntries: 'log entries from the leader; empty, it is a heartbeat',
        AppendEntriesReply: 'whether the follower\'s log matched',
      },
    },
    zh: {
      roles: { follower: '跟随者', precandidate: '预候选者', candidate: '候选者', leader: '领导者' },
      kindPurpose: {
        RequestVote: '候选者请求投票',
        RequestVoteReply: '投票结果：同意或拒绝',
        PreVote: '预投票：询问“你会投给我吗？”，但不开启新任期',
        PreVoteReply: '预投票结果：同意或拒绝',
        AppendEntries: '领导者发来的日志条目；不带条目时就是心跳',
        AppendEntriesReply: '跟随者的日志是否匹配',
      },
    },
  },
};
