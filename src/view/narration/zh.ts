/**
 * 中文解说模板。键必须与 en.ts 完全相同（类型 Dictionary 由 en.ts 推导，TypeScript 强制检查）。
 * 用词沿用种子文本：主节点/领导者 Leader、跟随者 Follower、候选者 Candidate、任期、投票、心跳、选举、
 * 观察者 Observer、纪元 epoch、事务 ID zxid；Bully 的 Election/Alive/Victory 等消息名保留英文。
 */
import type { AlgorithmName } from '../../engine/core/types';
import { displayName, kindWords, onStream, roleWords } from './words';
import type { Dictionary } from './en';

type Id = number;
type Zxid = readonly [number, number];

const N = (id: Id) => `节点 ${id}`;
const zx = (z: Zxid) => `${z[0]}/${z[1]}`;
const q = (v: string | number) => `“${v}”`;

export const zh: Dictionary = {
  // ---- 基本片段 ----
  node: N,
  nodes: (ids: Id[]) => `节点 ${ids.join('、')}`,
  everyone: '所有节点',
  join: (parts: string[]) => parts.join('；并且'),
  zxid: zx,
  vote: (v) => `（纪元 ${v.peerEpoch}，zxid ${zx(v.zxid)}，服务器 ${v.leader}）`,
  value: q,
  algorithm: (a: AlgorithmName) => displayName(a),

  roles: roleWords('zh'),
  unknownRole: (role: string) => `“${role}”状态`,
  phases: { election: '选举', discovery: '发现', synchronization: '同步', broadcast: '广播' },

  kinds: kindWords('zh', 'kinds'),
  kindPurpose: kindWords('zh', 'kindPurpose'),
  unknownKind: (kind: string) => kind,

  // ---- 运行 ----
  init: (alg, voters, observers, min, max, lossPct) =>
    `${displayName(alg)} 运行开始：${voters} 个节点${observers > 0 ? `、${observers} 个观察者` : ''}；消息传输耗时 ${min}–${max} 毫秒，` +
    (lossPct > 0
      ? onStream(alg)
        ? `其中 ${lossPct}% 的数据包会丢失；${displayName(alg)} 运行在 TCP 之上，TCP 会重传它们，所以丢包只是延迟。`
        : `其中 ${lossPct}% 的消息会丢失。`
      : '没有消息丢失。'),
  end: (t, sent, changes, unavailableMs, leader) =>
    `运行在 ${t} 毫秒结束：共发送 ${sent} 条消息，领导者更换 ${changes} 次，无领导者时间 ${unavailableMs} 毫秒；` +
    (leader === null ? '结束时集群没有领导者。' : `结束时由${N(leader)}领导。`),

  // ---- 通用 ----
  send: (from, to, kind) => `${N(from)} → ${to}：${kind}。`,
  delivered: (to, from, kind) => `${N(to)}收到${N(from)}的 ${kind}。`,
  deliveredVote: (to, from, granted) => `${N(to)}收到${N(from)}的投票：${granted ? '同意' : '拒绝'}。`,
  dropLoss: (from, to, kind) => `${N(from)}发给${N(to)}的 ${kind} 在网络中丢失了。`,
  dropPartition: (from, to, kind) => `${N(from)}发给${N(to)}的 ${kind} 被网络分区挡住了。`,
  dropCut: (from, to, kind) => `${N(from)}发给${N(to)}的 ${kind} 被丢弃：${from}→${to} 的链路已断开。`,
  dropCrashed: (from, to, kind) => `${N(from)}发给${N(to)}的 ${kind} 被丢弃：${N(to)}已宕机。`,
  stallLink: (from, to, kind) => `${N(from)}发给${N(to)}的 ${kind} 被滞留：链路不通，TCP 会一直重传直到送达。`,
  stallOrder: (from, to, kind) => `${N(from)}发给${N(to)}的 ${kind} 排在前面被滞留的数据包之后（TCP 按顺序交付）。`,
  stateChange: (n, role) => `${N(n)}现在是${role}。`,
  stateDetails: (n) => `${N(n)}的状态发生了变化。`,
  down: (n) => `${N(n)}已宕机。`,
  restarts: (n, role) => `${N(n)}重启，身份为${role}。`,

  // ---- 故障与客户端 ----
  faultCrash: (n, keeps) => `${N(n)}崩溃：它停止运行，计时器和内存中的状态全部丢失；${keeps}。`,
  keepsBully: 'Bully 不在磁盘上保存任何东西',
  keepsUnknown: '它保存在磁盘上的状态不会丢失',
  keepsRaft: '任期、投票记录和日志保存在磁盘上，不会丢失',
  keepsZab: '纪元和事务日志保存在磁盘上，不会丢失',
  howKill: '它的进程被杀：操作系统重置它的 TCP 连接，其他节点立即察觉。',
  howPowerOff: '它被断电：没有谁关闭它的连接，其他节点要等读超时才察觉。',
  faultRevive: (n) => `${N(n)}重新启动。`,
  faultCrashLeader: (n, keeps) => `领导者${N(n)}崩溃：它停止运行，计时器和内存中的状态全部丢失；${keeps}。`,
  faultCrashLeaderNone: '“让领导者崩溃”：没有节点认为自己是领导者，所以没有节点崩溃。',
  faultPartition: (groups) => `网络被分区为 ${groups.join(' | ')}：不同部分之间的消息都会被丢弃。`,
  group: (ids) => `｛${ids.join('、')}｝`,
  faultHeal: '网络分区恢复：所有节点又能互相通信了。',
  faultCut: (from, to, oneWay) =>
    oneWay ? `${from}→${to} 的链路被切断（单向：${to}→${from} 仍然畅通）。` : `${N(from)}与${N(to)}之间的链路被双向切断。`,
  faultRestore: (from, to) => `${N(from)}与${N(to)}之间的链路恢复了。`,
  faultDropRate: (pct) => `从现在起，${pct}% 的消息会丢失。`,
  faultLatency: (min, max) => `从现在起，消息传输耗时 ${min}–${max} 毫秒。`,
  faultWrite: (n, v) => `客户端向${N(n)}发送写请求 ${v}。`,
  faultOther: (what) => `操作：${what}。`,
  writeDown: (n, v) => `写请求 ${v} 失败：${N(n)}已宕机。`,
  writeAcceptedRaft: (n, v) => `领导者${N(n)}把 ${v} 追加到自己的日志并发送给跟随者；多数节点保存后即被提交。`,
  writeAccepted: (n, v) => `${N(n)}接受了 ${v}。`,
  writeAcceptedBully: (n, v) => `${N(n)}接受了 ${v}。Bully 没有日志：写入只会更新该节点的最后操作时间（按最后操作时间排优先级时用它来比较）。`,
  writeAcceptedZab: (n, v) => `领导者${N(n)}把 ${v} 作为新事务提议出去；法定人数确认后即被提交。`,
  writeForwarded: (n, v, leader) => `${N(n)}把 ${v} 转发给它的领导者${leader === null ? '' : N(leader)}（Request）。`,
  writeRefusedNotLeader: (n, v, leader) =>
    `${N(n)}拒绝了 ${v}：它不是领导者${leader === null ? '，也不知道谁是领导者' : `，客户端应改向${N(leader)}重试`}。`,
  writeRefusedNoLeader: (n, v) => `${N(n)}拒绝了 ${v}：目前没有领导者。`,
  writeRefused: (n, v) => `${N(n)}拒绝了 ${v}。`,
  commit: (n, index, v) => `${N(n)}得知第 ${index} 条日志（${v}）已提交。`,
  commitNoop: (n, index) => `${N(n)}得知第 ${index} 条日志（领导者上任时写入的空条目）已提交。`,

  // ---- 集群 ----
  clusterLeaderQuorum: (n) => `${N(n)}成为集群的领导者：多数节点都认它为领导者。`,
  clusterLeaderReach: (n) => `${N(n)}成为集群的主节点：它能联系到的所有节点都认它为主节点。`,
  noClusterLeader: '集群现在没有领导者。',
  violation: (invariant) => `安全性被破坏：违反了不变式 ${invariant}。`,
  splitBrain: (ids) => `脑裂：${ids.map(N).join('、')}各自在网络的一部分中担任主节点。`,
  zabFollowerAhead: (f, l) => `${N(f)}的数据比预备领导者${N(l)}更新：领导者关闭了这条连接（ZAB 不接受一个会丢数据的领导者）。`,
  anomaly: (kind) => `出现异常情况：${kind}。`,

  // ---- Raft ----
  raftStart: (n, term) => `${N(n)}以跟随者身份启动，任期 ${term}，并随机抽取一个选举超时时间。`,
  raftRestart: (n, term) => `${N(n)}重启为跟随者，仍处于任期 ${term}，重新随机抽取选举超时时间。`,
  raftDown: (n, term) => `${N(n)}已宕机（任期 ${term}、投票记录和日志都保留着）。`,
  raftCandidate: (n, term) => `${N(n)}的选举计时器超时：它成为任期 ${term} 的候选者，先投自己一票，再请求其他节点投票。`,
  raftCandidateAgain: (n, old, term) =>
    `${N(n)}在任期 ${old} 的选举没能及时选出领导者（选票被瓜分或消息丢失）：计时器再次超时，它成为任期 ${term} 的候选者。`,
  raftPreVoteWon: (n, term) => `${N(n)}获得了多数预投票：现在它才真正成为任期 ${term} 的候选者，投自己一票并请求投票。`,
  raftPreCandidate: (n, next, term) => `${N(n)}的选举计时器超时：开启 PreVote 时，它先询问自己能否赢得任期 ${next}，期间仍停留在任期 ${term}。`,
  raftLeader: (n, term, votes, voters) =>
    `${N(n)}得到 ${voters} 票中的 ${votes} 票，超过半数：它成为任期 ${term} 的领导者，并立即发送 AppendEntries，让其他节点不再发起选举。`,
  raftStepDownTerm: (n, term, from) => `${N(n)}不再担任领导者：${from}带有更大的任期 ${term}，说明已经有了更新的选举。`,
  raftStepDownQuorum: (n, term) => `${N(n)}在任期 ${term} 中卸任领导者：它在一个选举超时内没有收到多数节点的回应（CheckQuorum）。`,
  raftFollowerHigherTerm: (n, role, term, from) => `${N(n)}不再是${role}：${from}带有更大的任期 ${term}，它变回跟随者。`,
  raftFollowerLeader: (n, role, leader, term) => `${N(n)}不再是${role}：${N(leader)}已经是任期 ${term} 的领导者，它成为其跟随者。`,
  raftPreVoteLost: (n, term) => `${N(n)}的预投票被多数节点拒绝：它留在任期 ${term} 做跟随者，不打扰任何节点。`,
  raftNewTerm: (n, term, from) => `${N(n)}进入任期 ${term}（从${from}得知），并清空自己的投票记录。`,
  raftNewTermVoted: (n, term, from, cand) => `${N(n)}进入任期 ${term}（从${from}得知），并在这个任期投票给${N(cand)}。`,
  raftLearnsLeader: (n, leader, term) => `${N(n)}从 AppendEntries 得知${N(leader)}是任期 ${term} 的领导者。`,
  raftLosesLeader: (n) => `${N(n)}不再知道谁是领导者。`,
  raftRecordsVote: (n, cand, term) => `${N(n)}记录下：任期 ${term} 的票投给了${N(cand)}。`,
  raftLog: (n, last, lastTerm, commit) => `${N(n)}的日志：共 ${last} 条（最后一条来自任期 ${lastTerm}），已提交 ${commit} 条。`,
  aMessage: (kind, from) => `${N(from)}的 ${kind} `,
  aMessageUnknown: '一条消息',
  rvSend: (from, to, term, li, lt) => `${N(from)} → ${to}：RequestVote，请求在任期 ${term} 投票（它的日志最后一条是任期 ${lt} 的第 ${li} 条）。`,
  pvSend: (from, to, term) => `${N(from)} → ${to}：PreVote，“如果任期 ${term} 选举，你会投给我吗？”`,
  voteGranted: (from, to, term) => `${N(from)}在任期 ${term} 把票投给${N(to)}。`,
  voteRefused: (from, to, term, why) => `${N(from)}拒绝在任期 ${term} 投票给${N(to)}：${why}。`,
  voteRefusedPlain: (from, to, term) => `${N(from)}拒绝在任期 ${term} 投票给${N(to)}。`,
  preVoteGranted: (from, to, term) => `${N(from)}表示愿意在任期 ${term} 投票给${N(to)}（预投票同意；它自己的任期不变）。`,
  preVoteRefused: (from, to, term, why) => `${N(from)}拒绝了${N(to)}对任期 ${term} 的预投票：${why}。`,
  preVoteRefusedPlain: (from, to, term) => `${N(from)}拒绝了${N(to)}对任期 ${term} 的预投票。`,
  whyTermOld: (mine, theirs) => `它自己的任期 ${mine} 比请求中的任期 ${theirs} 更新`,
  whyTermNotAhead: (mine) => `它已经处于任期 ${mine}`,
  whyVoted: (cand, term) => `它在任期 ${term} 已经投票给了${N(cand)}`,
  whyVotedSelf: (term) => `它自己也是候选者，在任期 ${term} 已经投票给了自己`,
  whyLog: (li, lt, cli, clt) => `它自己的日志更新（它的日志最后是任期 ${lt} 的第 ${li} 条，候选者的是任期 ${clt} 的第 ${cli} 条）`,
  whyLeader: (leader) => `它在不到一个选举超时之前还收到过领导者${N(leader)}的消息`,
  whyIsLeader: '它自己就是领导者',
  heartbeat: (from, to, term) => `${N(from)} → ${to}：心跳（任期 ${term}）。`,
  appendEntries: (from, to, term, count, first, commit) =>
    `${N(from)} → ${to}：AppendEntries，${count === 1 ? `携带第 ${first} 条日志` : `携带从第 ${first} 条起的 ${count} 条日志`}（任期 ${term}，已提交到第 ${commit} 条）。`,
  aeOk: (from, to, match) => `${N(from)} → ${N(to)}：日志与领导者一致，直到第 ${match} 条。`,
  aeStale: (from, to, term) => `${N(from)}拒绝了${N(to)}的 AppendEntries：它已处于任期 ${term}，${N(to)}是过时的领导者。`,
  aeMismatch: (from, to, prev) => `${N(from)}拒绝了${N(to)}的 AppendEntries：在第 ${prev} 条日志处不一致，领导者会往前退一条再试。`,

  // ---- Bully ----
  bullyStartFollower: (n) => `${N(n)}以普通节点身份启动。`,
  bullyBoot: (n, round) => `${N(n)}启动后立即发起选举（第 ${round} 轮）：向 ID 比自己大的节点发送 Election。`,
  bullyOnElection: (n, from, round) => `${N(n)}收到 ID 更小的${N(from)}的 Election：回复 Alive，并发起自己的选举（第 ${round} 轮）。`,
  bullyVoidVictory: (n, from, round) =>
    `${N(n)}的胜选无效：迟到的来自更大的${N(from)}的 Alive 说明还有 ID 更大的节点活着，于是它重新选举（第 ${round} 轮）。`,
  bullyBullies: (n, from, kind) => `${N(n)}不服从 ID 更小的${N(from)}（它的 ${kind}）：发起自己的选举来取而代之。`,
  bullyVictoryTimeout: (n, round) => `${N(n)}收到过 Alive，却迟迟没等到 Victory：更大的节点可能已经宕机，于是重新选举（第 ${round} 轮）。`,
  bullyLeaderSilent: (n, leader, round) => `${N(n)}在主节点超时时间内没有收到主节点${N(leader)}的心跳：发起选举（第 ${round} 轮）。`,
  bullyElecting: (n, round) => `${N(n)}发起选举（第 ${round} 轮）。`,
  bullyGotAlive: (n, from) => `${N(n)}收到更大的${N(from)}的 Alive：停止竞选，等待对方的 Victory。`,
  bullyNoAlive: (n) => `${N(n)}在应答超时内没有收到任何 Alive，于是宣布自己成为主节点（向 ID 更小的节点发送 Victory）。`,
  bullyHighest: (n) => `${N(n)}的 ID 最大：不经选举直接宣布自己是主节点（向 ID 更小的节点发送 Victory）。`,
  bullyFollows: (n, leader, kind) => `${N(n)}接受更大的${N(leader)}为主节点（${kind}）。`,
  bullyDeposed: (n, leader) => `${N(n)}不再担任主节点：更大的${N(leader)}宣告了主权，ID 大者总是胜出。`,
  bullyElection: (from, to, round) => `${N(from)} → ${to}：Election（第 ${round} 轮）：“有比我大的节点还活着吗？”`,
  bullyAlive: (from, to) => `${N(from)} → ${N(to)}：Alive：“我比你大，而且活着，由我接手。”`,
  bullyVictory: (from, to) => `${N(from)} → ${to}：Victory：“我是主节点。”`,
  bullyVictoryReassert: (from, to) => `${N(from)} → ${N(to)}：Victory：它本来就是主节点，提醒这个较小的节点。`,
  bullyHeartbeat: (from, to) => `${N(from)} → ${to}：心跳。`,

  // ---- ZAB ----
  zabStart: (n, round, vote) => `${N(n)}开始寻找领导者：第 ${round} 轮，它投票给自己${vote}，并通知所有有投票权的节点。`,
  zabStartObserver: (n, round) => `观察者${N(n)}开始寻找领导者（第 ${round} 轮）；它没有投票权，不推举任何节点。`,
  zabNewRound: (n, round, vote) => `${N(n)}开始第 ${round} 轮选举，投票给自己${vote}。`,
  zabJoinRound: (n, round, vote) => `${N(n)}加入更新的第 ${round} 轮选举，现在投票给${vote}。`,
  zabVoteChange: (n, vote, why) => `${N(n)}改投${vote}：${why}。`,
  whyEpoch: '纪元更大者胜出',
  whyZxid: '事务 ID（zxid）更新者胜过 ID 更大者',
  whySid: '纪元和 zxid 相同，服务器 ID 更大者胜出',
  whyOther: '它采纳了一张更好的选票',
  whyObserver: '观察者没有自己的候选人，采纳有投票权节点的选择',
  zabDecideFollow: (n, leader, wait) =>
    `${N(n)}做出决定：多数节点投给了${N(leader)}，且 ${wait} 毫秒内没有出现更好的选票，于是它跟随${N(leader)}并登记（FollowerInfo）。`,
  zabDecideObserve: (n, leader) => `${N(n)}从有投票权的节点得知${N(leader)}是领导者，作为观察者跟随它（ObserverInfo）。`,
  zabDecideLead: (n, wait) =>
    `${N(n)}认定自己是预备领导者：多数节点投给了它，且 ${wait} 毫秒内没有出现更好的选票。它还需要法定人数接受新的纪元。`,
  zabJoin: (n, leader, observer) => `${N(n)}发现已有确立的领导者${N(leader)}，以${observer ? '观察者' : '跟随者'}身份加入。`,
  zabEstablished: (n, epoch) => `${N(n)}被确立为纪元 ${epoch} 的领导者：法定人数接受了新纪元（AckEpoch），现在开始同步它们。`,
  zabBroadcast: (n, epoch) => `${N(n)}正式领导纪元 ${epoch}：法定人数已完成同步（AckNewLeader），可以接受写请求了。`,
  zabLearnerPhase: (n, phase) => `${N(n)}进入${phase}阶段。`,
  zabLeaderLost: (n, round) => `${N(n)}不再担任领导者，重新寻找领导者（第 ${round} 轮）：它失去了法定人数的跟随者，或某个 ZAB 超时到期。`,
  zabFollowerLost: (n, leader, round) =>
    `${N(n)}失去了领导者${leader === null ? '' : N(leader)}（太久没有消息，或连接断开）：重新寻找领导者（第 ${round} 轮）。`,
  zabEpochs: (n, accepted, current) => `${N(n)}：已接受纪元 ${accepted}，当前纪元 ${current}。`,
  zabZxid: (n, z) => `${N(n)}的最后一个事务现在是 zxid ${z}。`,
  zabDown: (n) => `${N(n)}已宕机（纪元和事务日志都保留着）。`,
  zabNotifyLooking: (from, to, vote, round) => `${N(from)} → ${to}：Notification，投票给${vote}，第 ${round} 轮。`,
  zabNotifyObserver: (from, to, round) => `${N(from)} → ${to}：观察者的 Notification（第 ${round} 轮）：询问谁是领导者，自己不推举任何节点。`,
  zabNotifySettled: (from, to, state, leader) => `${N(from)} → ${to}：Notification，“我是${state}，领导者是${N(leader)}。”`,
  zabFollowerInfo: (from, to, epoch) => `${N(from)} → ${N(to)}：FollowerInfo，登记为跟随者（已接受纪元 ${epoch}）。`,
  zabObserverInfo: (from, to) => `${N(from)} → ${N(to)}：ObserverInfo，登记为观察者。`,
  zabLeaderInfo: (from, to, epoch) => `${N(from)} → ${to}：LeaderInfo，提议新纪元 ${epoch}。`,
  zabAckEpoch: (from, to, current, z) => `${N(from)} → ${N(to)}：AckEpoch，接受新纪元（它的当前纪元 ${current}，最后的 zxid ${z}）。`,
  zabAckEpochOld: (from, to) => `${N(from)} → ${N(to)}：AckEpoch，它之前已接受过这个纪元（不再重复计数）。`,
  zabSync: (from, to, mode, count) => `${N(from)} → ${to}：Sync（${mode}，${count} 个事务）。`,
  syncDiff: '差异同步',
  syncTrunc: '截断',
  syncSnap: '快照',
  zabNewLeader: (from, to) => `${N(from)} → ${to}：NewLeader，“请确认你已持有我的历史”。`,
  zabAckNewLeader: (from, to) => `${N(from)} → ${N(to)}：AckNewLeader，已完成同步。`,
  zabUpToDate: (from, to) => `${N(from)} → ${to}：UpToDate，开始对外服务。`,
  zabRequest: (from, to, v) => `${N(from)} → ${N(to)}：Request，把客户端写请求 ${v} 转发给领导者。`,
  zabProposal: (from, to, z, v) => `${N(from)} → ${to}：Proposal ${z}（${v}）。`,
  zabAck: (from, to, z) => `${N(from)} → ${N(to)}：Ack ${z}，已记录。`,
  zabCommit: (from, to, z) => `${N(from)} → ${to}：Commit ${z}。`,
  zabInform: (from, to, z, v) => `${N(from)} → ${to}：Inform ${z}（${v}）。`,
  zabPing: (from, to) => `${N(from)} → ${to}：Ping。`,
  zabClose: (from, to) => `${N(from)} → ${to}：Close，关闭 TCP 连接；对方在一个消息延迟后就会看到。`,
  zabReset: (from, to) => `${N(from)} 的进程已死：操作系统重置了它的 TCP 连接（→ ${to}），对方立刻就会看到。`,

  // ---- 原文的简化之处（每次运行首次出现时附上） ----
  // ---- Multi-Paxos ----
  keepsPaxos: '它承诺的选票和所有已接受的值都保存在磁盘上，不会丢失；已学到的结果则会丢失',
  writeAcceptedPaxos: (n, v) => `${N(n)}（领导者）把 ${v} 提议到下一个空槽位，并向所有节点发送 Accept；过半数接受后即被选定。`,
  paxosCommit: (n, slot, v) => `${N(n)}得知 ${v} 已在槽位 ${slot} 被选定。`,
  paxosCommitNoop: (n, slot) => `${N(n)}得知槽位 ${slot} 是空操作：新领导者用它填补了空缺。`,
  paxosStart: (n) => `${N(n)}以跟随者身份启动，尚无承诺，并抽取一个随机的领导者超时。`,
  paxosRestart: (n, b) => `${N(n)}以跟随者身份重启；它的承诺（选票 ${b}）和已接受的值保存在磁盘上，没有丢失。`,
  paxosDown: (n, b) => `${N(n)}宕机了（它保留承诺的选票 ${b} 和已接受的值）。`,
  paxosProposer: (n, b) => `${N(n)}的领导者计时器到期：它以选票 ${b} 发起阶段一，先向自己承诺，再请其他节点给出承诺。`,
  paxosProposerAgain: (n, old, b) => `${N(n)}没能及时为选票 ${old} 凑够过半数：它改用选票 ${b} 重试。`,
  paxosRetryAtOnce: (n, b) => `${N(n)}被抢占了；由于退避已关闭，它立即以更高的选票 ${b} 重试。`,
  paxosLeader: (n, b, q, voters) => `${N(n)}得到 ${voters} 个节点中 ${q} 个的承诺，过半数：它成为选票 ${b} 的领导者，重新提议承诺中报告的值，并发出第一轮心跳。`,
  paxosPreempted: (n, role, b, cause) => `${N(n)}（${role}）从${cause}得知更高的选票 ${b}：它退位，并随机退避一段时间。`,
  paxosFollows: (n, leader, b) => `${N(n)}跟随选票 ${b} 的领导者${N(leader)}。`,
  paxosDeposedFollows: (n, leader, b) => `${N(n)}不再担任领导者：${N(leader)}是更高选票 ${b} 的领导者，${N(n)}转而跟随它。`,
  paxosPromises: (n, b) => `${N(n)}承诺选票 ${b}：不再接受任何更低的选票，并放下原来的领导者。`,
  paxosSlots: (n, last, commit) => `${N(n)}已接受到槽位 ${last}，已学到 ${commit} 个。`,
  paxosPrepare: (from, to, b, slot) => `${N(from)} → ${to}：Prepare，选票 ${b}，覆盖从槽位 ${slot} 起的日志。`,
  paxosPromise: (from, to, b, reported) =>
    reported.length === 0
      ? `${N(from)}向${N(to)}承诺选票 ${b}；它在这些槽位上还没有接受过任何值。`
      : `${N(from)}向${N(to)}承诺选票 ${b}，并报告它已接受的值：${reported.join('、')}。`,
  paxosReported: (slot, v, b) => `槽位 ${slot} 的 ${v}（选票 ${b}）`,
  paxosNack: (from, to, refused, promised) => `${N(from)}用 Nack 拒绝${N(to)}的选票 ${refused}：它已承诺选票 ${promised}。`,
  paxosAccept: (from, to, b, slot, v) => `${N(from)} → ${to}：Accept，在选票 ${b} 下为槽位 ${slot} 接受 ${v}。`,
  paxosAcceptSlots: (from, to, b, first, last) => `${N(from)} → ${to}：Accept，在选票 ${b} 下为槽位 ${first}–${last} 各接受一个值。`,
  paxosAccepted: (from, to, b, slot) => `${N(from)}已在选票 ${b} 下接受槽位 ${slot}，并告知${N(to)}。`,
  paxosHeartbeat: (from, to, b, commit) => `${N(from)} → ${to}：选票 ${b} 的心跳，已选定到槽位 ${commit}。`,
  paxosCatchUp: (from, to, slot) => `${N(from)}落后了：它向领导者${N(to)}请求从槽位 ${slot} 起已选定的值（CatchUp）。`,
  noop: '空操作',

  notes: {
    paxosBallots:
      'Paxos 的选票是一个二元组（轮次，节点编号），先比轮次再比编号，所以两个提议者永远不会用同一个选票。它不像 Raft 那样每轮记录一票：接受者只承诺它见过的最高选票，更高的选票总能压过更低的。（P1、P3）',
    paxosReproposal:
      '这条规则保证了 Paxos 的安全：新领导者在 Promise 报告的每个槽位上，重新提议选票最高的那个已接受值，并用空操作填补空缺。被过半数接受的值，必然出现在之后任何过半数的某个 Promise 中，因此永远不会被替换。（P6）',
    raftRandomTimeouts:
      '原文说开始选主时，所有节点都由 Follower 转为 Candidate。在 Raft 中，每个跟随者各自等待一个随机的选举超时（默认 150–300 毫秒），通常只有最先超时的节点成为候选者；正是这种随机化让选票不容易被瓜分。（R1、R2）',
    raftTermDoesNotExpire:
      '原文说“当 Leader 节点的任期到了”就会降级。Raft 的任期不会到期：它只是一个不断增大的编号。只要领导者的心跳能到达跟随者，它就一直保持这个任期；只有当某个节点超时并以更大的任期发起选举，或（开启 CheckQuorum 时）领导者失去多数节点的回应，这个任期才结束。选举并不是周期性的。（R0a、R1、CQ1）',
    raftVoteRules:
      '原文说节点按收到选举请求的先后顺序投票。这只说对了一半：每个节点在一个任期内只投一票、先到先得，但如果候选者的日志不如自己的新，它会拒绝投票，因此新领导者一定拥有所有已提交的日志。（R3）',
    bullyHighestDirect:
      '原文说节点若发现自己是活着的节点中 ID 最大的，就直接发送 Victory。但没有节点能直接“看到”谁还活着：这里只有配置中 ID 最大的节点可以跳过选举，其余节点都要先询问更大的节点，再等待超时。（B1、B5）',
    bullyFailureDetection:
      '原文没有说节点如何发现主节点已经故障。实际实现需要故障检测：主节点定期发送心跳，节点在超时时间内收不到心跳就发起选举。（B9）',
    bullyFlapping:
      'ID 大者总是胜出，即使当前主节点运行良好：ID 最大的节点每次恢复都会重新夺取主节点地位（Victory），如果它反复崩溃又恢复，主节点就会频繁切换。Raft 和 ZAB 不会这样抢占。（B10、N5）',
    bullySplitBrain:
      'Bully 没有“多数派”规则：网络分区后，每个部分都会选出自己 ID 最大的节点，于是同时存在两个主节点。原文默认网络不会被分割。（N2、B-C2）',
    bullyVoidVictory:
      '这是原文中的规则：发出 Victory 之后又收到更大节点的 Alive，则胜选无效，重新选举。在更大节点的 Victory 到达之前，部分节点可能仍把旧节点当作主节点。（B8）',
    zabVoteOrder:
      '原文把每张选票描述为三元组 (server_id, server_zxID, epoch)，并把 epoch 当作选举轮数。实际的快速领导者选举按（纪元，zxid，服务器 ID）比较选票：先比数据的纪元，再比 zxid，服务器 ID 只用于打破平局；选举轮数是另一个独立的逻辑时钟。（Z3）',
    zabMessageCount: (sent, nn) =>
      `原文说一次选举的消息量是 n×(n−1)。那只是第一轮广播（这里是 ${nn} 条）；每个改票的节点都会再广播一次，所以这次选举共发送了 ${sent} 条 Notification。（§2.9）`,
    zabOverTcp:
      'ZooKeeper 的选举和领导者与跟随者之间的通信都运行在 TCP 之上。丢失的数据包由 TCP 重传，所以丢包只会造成延迟；连接被关闭，或被杀死进程的连接被重置，对方都会立刻看到。只有沉默的对端（断电、主机失联、网线被剪断）才要等读超时。Raft 和 Bully 则发送单条消息，由协议自己重试。（§0.2、Z7）',
    zabProspective:
      '原文说处于 Leading 状态的节点就是领导者。快速领导者选举只选出一个预备领导者；只有在法定人数接受它的新纪元并与它完成同步（发现阶段和同步阶段）之后，它才真正成为领导者，在此之前不接受写请求。（Z4–Z6）',
  },
};
