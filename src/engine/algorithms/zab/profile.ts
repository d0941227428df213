/**
 * ZAB's view profile (core/profile.ts, docs/algorithms.md): how its roles, messages and timers look, its
 * timing rules, formulas and narration words. Data for the viewers; the engine never reads it.
 */
import { numOption as num, type AlgorithmProfile, type TimingCheck } from '../../core/profile';
import { zabFleBest, zabFleWorst } from './formulas';

export const zabProfile: AlgorithmProfile = {
  name: 'zab',
  displayName: 'ZAB',
  chartColor: 'green',
  roles: {
    looking: { color: 'vermillion', shape: 'diamond', word: 'looking' },
    following: { color: 'blue', shape: 'circle', word: 'following', resting: true },
    leading: { color: 'green', shape: 'hexagon', word: 'leading', leads: true },
    observing: { color: 'purple', shape: 'square', word: 'observing' },
  },
  // A ZAB leader is established only in phase broadcast: before that it is drawn tentative.
  tentative: (view) => view.role === 'leading' && view.phase !== 'broadcast',
  round: {
    word: 'epoch',
    letter: 'E',
    marker: 'acceptedEpoch',
    of(view) {
      const e = view.currentEpoch ?? view.acceptedEpoch;
      return typeof e === 'number' ? e : null;
    },
  },
  // protocols.md §2.2: FLE notifications and the discovery/synchronization handshake are election traffic,
  // because the cluster leader appears only when the leader reaches the broadcast phase (contracts' definition).
  messages: {
    Notification: {
      traffic: 'election',
      glyph: 'election',
      label: 'Vote',
      glyphOf: (fields) => (typeof fields.leader === 'number' ? { label: `Vote ${fields.leader}` } : {}),
    },
    FollowerInfo: { traffic: 'election', glyph: 'sync', label: 'FollowerInfo' },
    ObserverInfo: { traffic: 'election', glyph: 'sync', label: 'ObserverInfo' },
    LeaderInfo: { traffic: 'election', glyph: 'victory', label: 'LeaderInfo' },
    AckEpoch: { traffic: 'election', glyph: 'sync', reply: true, label: 'AckEpoch' },
    Sync: { traffic: 'election', glyph: 'sync', label: 'Sync' },
    NewLeader: { traffic: 'election', glyph: 'victory', label: 'NewLeader' },
    AckNewLeader: { traffic: 'election', glyph: 'sync', reply: true, label: 'AckNewLeader' },
    UpToDate: { traffic: 'election', glyph: 'victory', label: 'UpToDate' },
    Request: { traffic: 'data', glyph: 'data', label: 'Request' },
    Proposal: { traffic: 'data', glyph: 'data', label: 'Proposal' },
    Ack: { traffic: 'data', glyph: 'data', reply: true, label: 'Ack' },
    Commit: { traffic: 'data', glyph: 'data', label: 'Commit' },
    Inform: { traffic: 'data', glyph: 'data', label: 'Inform' },
    Ping: { traffic: 'heartbeat', glyph: 'heartbeat', label: 'Ping' },
    // The stream transport's own (ZAB over TCP): a connection closed, a killed process's connections reset.
    Close: { traffic: 'data', glyph: 'other', label: 'Close' },
    Reset: { traffic: 'data', glyph: 'other', label: 'Reset' },
  },
  timers: {
    finalize: 'timerNotification',
    notify: 'timerNotification',
    leaderTimeout: 'timerLeader',
    connect: 'timerOther',
    initLimit: 'timerOther',
    observerDelay: 'timerOther',
    tick: null,
  },
  roundFields: ['acceptedEpoch', 'currentEpoch', 'electionEpoch'],
  primaryRoundField: 'currentEpoch',
  // Z1: a voter that goes LOOKING starts an election (observers do not elect).
  electionRole: { role: 'looking', renewField: null, votersOnly: true },
  claimsLeader: (view) => view.role === 'leading' && view.phase === 'broadcast',
  acceptsWrites: true,
  showsPhase: true,
  supportsObservers: true,
  crashDiffersFromPowerOff: true,
  timing(o, lat): TimingCheck[] {
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
  theory: (n) => ({ best: zabFleBest(n), worst: zabFleWorst(n) }),
  formulas: [
    { id: 'zab-best', label: 'ZAB FLE best: (N − 1)(2N − 1)', cite: 'protocols.md §2.9, §4.2 (Z2, Z3)', bound: 'best', count: zabFleBest },
    { id: 'zab-worst', label: 'ZAB FLE worst: (N³ − N)/2', cite: 'protocols.md §2.9, §4.2 (Z2, Z3; same round, no timeouts)', bound: 'worst', count: zabFleWorst },
  ],
  sweep: [{ shape: 'band', best: zabFleBest, worst: zabFleWorst, legend: 'legendZabBand' }],
  lessonGroup: { en: 'ZAB', zh: 'ZAB 算法' },
  words: {
    en: {
      roles: { looking: 'looking (electing)', following: 'following', leading: 'leading', observing: 'observing' },
      kindPurpose: {
        Notification: 'a Fast Leader Election vote',
        FollowerInfo: 'a follower registering with its leader',
        ObserverInfo: 'an observer registering with its leader',
        LeaderInfo: 'the leader proposing a new epoch',
        AckEpoch: 'a learner accepting the new epoch',
        Sync: 'the transactions a learner is missing',
        NewLeader: 'the leader asking learners to confirm the synced history',
        AckNewLeader: 'a learner confirming it is synced',
        UpToDate: 'the leader telling a learner to start serving',
        Request: 'a client write forwarded to the leader',
        Proposal: 'the leader proposing a transaction',
        Ack: 'a follower having logged a proposal',
        Commit: 'the leader committing a transaction',
        Inform: 'a committed transaction sent to an observer',
        Ping: 'a keep-alive between leader and learner',
        Close: 'a TCP connection closed (FIN): the other side knows one message delay later',
        Reset: 'a killed process\'s connections, reset by its operating system (RST)',
      },
    },
    zh: {
      roles: { looking: '选举状态', following: '跟随者', leading: '领导者', observing: '观察者' },
      kindPurpose: {
        Notification: '快速领导者选举中的一张选票',
        FollowerInfo: '跟随者向领导者登记',
        ObserverInfo: '观察者向领导者登记',
        LeaderInfo: '领导者提议新的纪元',
        AckEpoch: '学习者接受新的纪元',
        Sync: '学习者缺少的事务',
        NewLeader: '领导者请学习者确认已同步的历史',
        AckNewLeader: '学习者确认已同步',
        UpToDate: '领导者通知学习者开始对外服务',
        Request: '转发给领导者的客户端写请求',
        Proposal: '领导者提议一个事务',
        Ack: '跟随者已记录提议',
        Commit: '领导者提交一个事务',
        Inform: '发给观察者的已提交事务',
        Ping: '领导者与学习者之间的保活消息',
        Close: '关闭一条 TCP 连接（FIN）：对方在一个消息延迟后就会知道',
        Reset: '被杀死的进程的连接，由操作系统重置（RST）',
      },
    },
  },
};
