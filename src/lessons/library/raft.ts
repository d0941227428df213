/** Raft (seed: Raft 算法; protocols.md §1.8). */
import exploredFigure8 from '../scenarios/explored-figure-8.json';
import raftBasics from '../scenarios/raft-basics.json';
import type { Lesson } from '../types';
import { EXPLORE_FIGURE_8 } from './explore-forms';
import { engineScenario, scenarioOf, tx } from './util';

export const RAFT_LESSONS: readonly Lesson[] = [
  {
    id: 'raft-basics',
    group: 'raft',
    algorithms: ['raft'],
    scenario: scenarioOf(raftBasics),
    untilMs: 3000,
    covers: ['seed:raft-roles', 'seed:raft-one-vote', 'seed:raft-majority', 'seed:raft-heartbeat', 'seed:raft-term-expiry'],
    title: tx('Raft: roles, terms, one vote, a majority', 'Raft：角色、任期、一票、过半数'),
    goal: tx(
      'Watch Followers become Candidates, spend their one vote per term, and one Candidate win a majority.',
      '观察跟随者如何变成候选者、每个任期只投一票，以及候选者如何赢得过半数票。',
    ),
    steps: [
      {
        pause: { on: 'state', role: 'candidate' },
        text: tx(
          'All five start as Followers in term 0. Node 5\'s random election timer fires first (220 ms): it becomes Candidate for term 1, votes for itself and sends RequestVote.',
          '五个节点起初都是跟随者（Follower），任期为 0。节点 5 的随机选举计时器最先到期（220 毫秒）：它成为任期 1 的候选者，先投自己一票，再发送 RequestVote。',
        ),
        question: tx('Why does each node draw a random timeout instead of a fixed one?', '为什么每个节点的超时时间是随机的，而不是固定值？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 1, role: 'candidate' },
        text: tx(
          'Nodes 4 and 1 time out too (223 and 235 ms) and vote for themselves; 2 and 3 never stand, a request reached them first. One vote per node per term.',
          '节点 4 和 1 也相继超时（223 和 235 毫秒），各投自己一票；节点 2、3 先收到了投票请求，并没有参选（并非所有节点都会成为候选者）。每个节点每个任期只有一票。',
        ),
        question: tx('Node 4 asks node 5 for its vote. What will node 5 answer?', '节点 4 向节点 5 请求投票。节点 5 会怎么回答？'),
        highlight: { nodes: [1, 4, 5] },
      },
      {
        pause: { on: 'state', role: 'leader', delayMs: 20 },
        text: tx(
          'Nodes 2 and 3 voted for node 5, the first request they got. With 3 of 5 votes — more than half — node 5 becomes Leader of term 1; 4 and 1 step back to Follower.',
          '节点 2 和 3 把票投给了最先收到的请求者节点 5。节点 5 获得 5 票中的 3 票——超过半数——成为任期 1 的 Leader；节点 4 和 1 退回跟随者。',
        ),
        question: tx('Could two candidates both win term 1? Why not?', '任期 1 会不会有两个候选者同时当选？为什么不会？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'send', kind: 'AppendEntries', delayMs: 30 },
        text: tx(
          'The leader sends AppendEntries to everyone every 50 ms: the heartbeat. Each one resets the followers\' election timers, so nobody else stands.',
          '主节点每 50 毫秒向所有节点发送 AppendEntries，这就是心跳。每次心跳都会重置跟随者的选举计时器，因此没有别的节点参选。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { at: 3000 },
        text: tx(
          'Three seconds later: still term 1, still node 5. A Raft term does not expire with time, whatever the seed text says: it ends only when a node stops hearing heartbeats and starts a higher term.',
          '三秒之后：仍是任期 1，主节点仍是节点 5。Raft 的任期不会因时间而“到期”（与种子文本的说法不同）：只有当某个节点收不到心跳、发起更高的任期时，当前任期才结束。',
        ),
        question: tx('What would make term 2 begin?', '什么情况会让任期 2 开始？'),
      },
    ],
  },
  {
    id: 'raft-split-vote',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'split-vote'),
    covers: ['p1.8.1', 'seed:raft-one-vote', 'seed:raft-majority'],
    title: tx('Raft: a split vote', 'Raft：票数被瓜分'),
    goal: tx(
      'See an election round in which nobody wins, and how a fresh random timeout resolves it.',
      '观察一轮无人胜出的选举，以及新的随机超时如何化解僵局。',
    ),
    steps: [
      {
        pause: { on: 'state', role: 'candidate' },
        text: tx(
          'The network is slow at first: each message takes 150 ms. Node 5 times out at 220 ms and becomes Candidate for term 1.',
          '一开始网络很慢：每条消息需要 150 毫秒。节点 5 在 220 毫秒时超时，成为任期 1 的候选者。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 3, role: 'candidate' },
        text: tx(
          'Before any RequestVote arrives, nodes 4, 1, 2 and 3 time out too. Five candidates in term 1, each with its own vote.',
          '在任何 RequestVote 到达之前，节点 4、1、2、3 也相继超时。任期 1 有五个候选者，每个都投了自己一票。',
        ),
        question: tx('Who can collect 3 votes now?', '现在谁能凑够 3 票？'),
      },
      {
        pause: { on: 'send', kind: 'RequestVoteReply' },
        text: tx(
          'The requests arrive and every answer is "no": each node already spent its one vote of term 1. The failed round costs 2·k·(N−1) = 2·5·4 = 40 messages.',
          '请求陆续到达，所有回复都是“不同意”：每个节点在任期 1 的唯一一票已经投出。这一轮失败的选举花费 2·k·(N−1) = 2·5·4 = 40 条消息。',
        ),
      },
      {
        pause: { on: 'state', role: 'candidate', where: { term: 2 } },
        text: tx(
          'Each candidate had drawn a fresh random timeout. Node 4\'s fires first: it starts term 2, now on a fast network.',
          '每个候选者都重新抽取了随机超时。节点 4 的最先到期：它发起任期 2，此时网络已经变快。',
        ),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'leader', leader: 'any' },
        text: tx(
          'The others have not voted in term 2 yet, so all grant: node 4 leads term 2.',
          '其他节点在任期 2 还没有投过票，于是全部同意：节点 4 成为任期 2 的主节点。',
        ),
        question: tx('What would happen if every node had exactly the same timeout?', '如果每个节点的超时时间完全相同，会发生什么？'),
        highlight: { nodes: [4] },
      },
    ],
  },
  {
    id: 'raft-livelock',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'split-vote-livelock'),
    covers: ['p1.8.1'],
    title: tx('Raft without randomness: split votes forever', '去掉随机性的 Raft：永远瓜分选票'),
    goal: tx('See why Raft\'s election timeouts must be random.', '理解为什么 Raft 的选举超时必须是随机的。'),
    steps: [
      {
        pause: { on: 'state', role: 'candidate' },
        text: tx(
          'The timeout is fixed at 150 ms for every node. At 150 ms all five become candidates for term 1 at the same instant and vote for themselves.',
          '所有节点的超时都固定为 150 毫秒。150 毫秒时，五个节点同时成为任期 1 的候选者，并都投给自己。',
        ),
      },
      {
        pause: { on: 'state', role: 'candidate', where: { term: 2 } },
        text: tx('Nobody can win. At 300 ms all five time out together again: term 2, the same split.', '没人能赢。300 毫秒时五个节点又同时超时：任期 2，同样瓜分选票。'),
        question: tx('Will this ever end?', '这种情况会结束吗？'),
      },
      {
        pause: { at: 3000 },
        text: tx(
          'At 3 s: term 20 and still no leader — a livelock. Randomized timeouts break the symmetry; that is why Raft uses them.',
          '到 3 秒时：已是任期 20，仍然没有主节点——这是活锁。随机超时打破了这种对称，这正是 Raft 使用它的原因。',
        ),
        question: tx('Name another system where random back-off breaks a tie.', '请举出另一个用随机退避来打破僵局的系统。'),
      },
    ],
  },
  {
    id: 'raft-up-to-date-log',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'up-to-date-log'),
    covers: ['p1.8.2'],
    title: tx('Raft: only an up-to-date log can win', 'Raft：只有日志足够新才能当选'),
    goal: tx(
      'See voters refuse a candidate whose log is behind theirs, so committed data survives a leader change.',
      '观察投票者如何拒绝日志落后的候选者，从而在更换主节点时保住已提交的数据。',
    ),
    steps: [
      {
        pause: { on: 'commit', value: 'z', node: 1 },
        text: tx(
          'Node 1 leads term 1. Nodes 4 and 5 are down; node 1 commits x, y, z on nodes 1, 2, 3 — 3 of 5 is a majority.',
          '节点 1 是任期 1 的主节点。节点 4 和 5 宕机；节点 1 在节点 1、2、3 上提交了 x、y、z——5 个中的 3 个就是多数。',
        ),
        highlight: { nodes: [1, 2, 3] },
      },
      {
        pause: { on: 'fault', do: 'crash', node: 1 },
        text: tx(
          'Node 1 crashes; nodes 4 and 5 come back with short logs: they missed x, y, z.',
          '节点 1 宕机；节点 4 和 5 恢复，但日志很短：它们错过了 x、y、z。',
        ),
        question: tx('Which nodes may safely become leader now?', '现在哪些节点可以安全地成为主节点？'),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'state', node: 4, role: 'candidate' },
        text: tx('Node 4 times out first and asks for votes in term 2, with a log of 1 entry.', '节点 4 最先超时，以只有 1 条记录的日志请求任期 2 的投票。'),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'send', kind: 'RequestVoteReply', from: 2 },
        text: tx(
          'Nodes 2 and 3 refuse: their logs (4 entries) are more up-to-date than node 4\'s. Node 5 grants. 2 of 5 votes: node 4 fails.',
          '节点 2 和 3 拒绝：它们的日志（4 条）比节点 4 的更新。节点 5 同意。5 票中只有 2 票：节点 4 落选。',
        ),
        highlight: { nodes: [2, 3] },
      },
      {
        pause: { on: 'leader', leader: 'any', after: 1000 },
        text: tx(
          'Node 2 wins term 3 with votes from 3, 4 and 5. Its log holds x, y, z, so nothing committed is lost.',
          '节点 2 获得 3、4、5 的投票，赢得任期 3。它的日志中有 x、y、z，所以已提交的数据没有丢失。',
        ),
        question: tx('What would have happened to x, y, z if node 4 had won?', '如果节点 4 当选了，x、y、z 会怎样？'),
        highlight: { nodes: [2] },
      },
      {
        pause: { on: 'commit', node: 5, value: 'z' },
        text: tx('The new leader copies x, y, z to nodes 4 and 5: all five logs agree again.', '新主节点把 x、y、z 复制给节点 4 和 5：五个节点的日志重新一致。'),
      },
    ],
  },
  {
    id: 'raft-disruptive-rejoin',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'disruptive-node'),
    covers: ['p1.8.3', 'seed:raft-term-expiry'],
    title: tx('Raft: a rejoining node disrupts the leader', 'Raft：重新加入的节点干扰主节点'),
    goal: tx(
      'See an isolated node raise its term again and again, and depose a healthy leader when it returns.',
      '观察一个被隔离的节点如何不断增大任期，并在回来时把健康的主节点拉下台。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx('Node 1 leads term 1. Node 5 is cut off from everyone else.', '节点 1 是任期 1 的主节点。节点 5 与其他所有节点断开。'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 5, role: 'candidate' },
        text: tx(
          'Node 5 hears no heartbeat, so it becomes Candidate in term 2 — alone, it can never get 3 votes.',
          '节点 5 收不到心跳，于是成为任期 2 的候选者——它孤身一人，永远拿不到 3 票。',
        ),
        question: tx('What happens to its term over the next three seconds?', '接下来三秒里，它的任期会怎样变化？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 5, where: { term: 14 } },
        text: tx(
          'Each timeout it tries again: term 14 now. Meanwhile node 1 commits a and b with nodes 2–4, still in term 1.',
          '每次超时它都再试一次：现在已是任期 14。与此同时，节点 1 仍在任期 1，与节点 2–4 一起提交了 a 和 b。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 1, role: 'follower' },
        text: tx(
          'The network heals. Node 5\'s reply carries term 14; node 1 sees a higher term and steps down although nothing was wrong. This — not a timer — is how a Raft term ends.',
          '网络恢复。节点 5 的回复带着任期 14；节点 1 看到更高的任期，便退位为跟随者，尽管一切正常。任期就是这样结束的——而不是计时到期。',
        ),
        question: tx('Can node 5 win the next election? Look at its log.', '节点 5 能赢得下一次选举吗？看看它的日志。'),
        highlight: { nodes: [1, 5] },
      },
      {
        pause: { on: 'leader', leader: 'any', after: 4000 },
        text: tx(
          'Node 1 wins again, in term 15: node 5\'s log lacks a and b, so it could not win. The cluster had no leader for about 0.23 s, for nothing.',
          '节点 1 在任期 15 再次当选：节点 5 的日志缺少 a 和 b，赢不了。集群白白经历了约 0.23 秒的无主时间。',
        ),
        question: tx('How could node 5 check its chances before raising its term?', '节点 5 怎样才能在增大任期之前先探探自己的胜算？'),
      },
    ],
  },
  {
    id: 'raft-prevote',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'disruptive-node-prevote'),
    covers: ['p1.8.3', 'seed:raft-stability'],
    title: tx('Raft with PreVote: the rejoining node stays quiet', '带 PreVote 的 Raft：重新加入的节点不再捣乱'),
    goal: tx('Run the same isolation with PreVote on and see the leader left undisturbed.', '开启 PreVote 后重复同样的隔离实验，观察主节点不受干扰。'),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx('The same script as before, with PreVote on. Node 5 is cut off; node 1 leads term 1.', '与上一课相同的脚本，但开启了 PreVote。节点 5 被隔离；节点 1 是任期 1 的主节点。'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 5, role: 'precandidate' },
        text: tx(
          'Node 5 times out, but first asks "would you vote for me?" (PreVote) without raising its term. It becomes a pre-candidate, still in term 1.',
          '节点 5 超时了，但它先问一句“你会投票给我吗？”（PreVote），并不增大任期。它成为预候选者，仍处于任期 1。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { at: 3900 },
        text: tx(
          'Three seconds of PreVote without a majority of yes answers: node 5\'s term is still 1.',
          '三秒钟的 PreVote 都没有得到过半数的同意：节点 5 的任期仍然是 1。',
        ),
        question: tx('A node that hears from a live leader refuses a PreVote. Why is that rule important?', '能收到主节点消息的节点会拒绝 PreVote。这条规则为什么重要？'),
      },
      {
        pause: { on: 'state', node: 5, role: 'follower' },
        text: tx(
          'The network heals. Node 5 receives node 1\'s heartbeat and becomes a Follower of term 1. No election, no leader change.',
          '网络恢复。节点 5 收到节点 1 的心跳，成为任期 1 的跟随者。没有选举，也没有切主。',
        ),
        highlight: { nodes: [1, 5] },
      },
    ],
  },
  {
    id: 'raft-minority-leader',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'leader-minority'),
    covers: ['p1.8.4', 'seed:raft-majority'],
    title: tx('Raft: a leader cut off in the minority', 'Raft：被分到少数派一侧的主节点'),
    goal: tx(
      'See two nodes that both believe they lead, in different terms, and why only one of them can commit.',
      '观察两个都自认为是主节点的节点（处于不同任期），以及为什么只有其中一个能提交数据。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx('Node 1 leads term 1. The network splits into {1, 2} and {3, 4, 5}.', '节点 1 是任期 1 的主节点。网络分成了 {1, 2} 和 {3, 4, 5}。'),
        question: tx('Node 1 still thinks it leads. Can it still do its job?', '节点 1 仍然认为自己是主节点。它还能正常工作吗？'),
        highlight: { nodes: [1, 2] },
      },
      {
        pause: { on: 'write', node: 1 },
        text: tx(
          'A client writes lost-1 to node 1. It appends it, but only node 2 can copy it: 2 of 5 is no majority, so it can never commit.',
          '客户端向节点 1 写入 lost-1。节点 1 把它追加到日志，但只有节点 2 能复制：5 个中的 2 个不是多数，所以永远无法提交。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'leader', leader: 3 },
        text: tx(
          'The majority side elects node 3 in term 2. Now nodes 1 (term 1) and 3 (term 2) both act as leader — but never two in the same term.',
          '多数派一侧选出了任期 2 的主节点 3。现在节点 1（任期 1）和节点 3（任期 2）都以主节点自居——但同一任期内绝不会有两个主节点。',
        ),
        question: tx('Is this a split brain?', '这算脑裂吗？'),
        highlight: { nodes: [1, 3] },
      },
      {
        pause: { on: 'commit', node: 3, value: 'kept-3' },
        text: tx('kept-3, written to node 3, is stored by 3 of 5 nodes and committed.', '写给节点 3 的 kept-3 被 5 个中的 3 个节点保存，于是提交成功。'),
        highlight: { nodes: [3, 4, 5] },
      },
      {
        pause: { on: 'commit', node: 2, value: 'kept-3' },
        text: tx(
          'The network heals. Node 1 sees term 2 and steps down; lost-1 and lost-2 are overwritten by kept-3 on nodes 1 and 2.',
          '网络恢复。节点 1 看到任期 2，退位为跟随者；节点 1 和 2 上的 lost-1、lost-2 被 kept-3 覆盖。',
        ),
        question: tx('The client saw lost-1 "accepted". What should it have waited for?', '客户端看到 lost-1 已被“接受”。它本应等待什么？'),
      },
    ],
  },
  {
    id: 'raft-checkquorum',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'leader-minority-checkquorum'),
    covers: ['p1.8.4'],
    title: tx('Raft with CheckQuorum: the cut-off leader steps down', '带 CheckQuorum 的 Raft：失联的主节点主动退位'),
    goal: tx(
      'See a leader that stops hearing from a majority give up on its own, long before the network heals.',
      '观察一个收不到多数节点回应的主节点如何在网络恢复之前主动退位。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx(
          'The same split, {1, 2} | {3, 4, 5}, with CheckQuorum on: a leader must hear from a majority within every election timeout.',
          '同样的分区 {1, 2} | {3, 4, 5}，但开启了 CheckQuorum：主节点必须在每个选举超时内收到多数节点的回应。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'leader', leader: 3 },
        text: tx('The majority elects node 3 in term 2, as before.', '和之前一样，多数派选出了任期 2 的主节点 3。'),
        highlight: { nodes: [3] },
      },
      {
        pause: { on: 'state', node: 1, role: 'follower' },
        text: tx(
          'Node 1 heard only from node 2 — 2 of 5 — and steps down 241 ms after the split. No stale leader remains; lost-1 and lost-2 never commit.',
          '节点 1 只收到节点 2 的回应（5 个中的 2 个），于是在分区 241 毫秒后退位。不再有过时的主节点；lost-1 和 lost-2 永远不会提交。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'state', node: 2, where: { term: 9 } },
        text: tx(
          'Without PreVote, nodes 1 and 2 keep starting elections in their minority: their term has climbed to 9.',
          '由于没有开启 PreVote，节点 1 和 2 在少数派里不断发起选举：任期已经涨到 9。',
        ),
        question: tx('What will term 9 do to node 3 when the network heals?', '网络恢复后，任期 9 会对节点 3 造成什么影响？'),
        highlight: { nodes: [1, 2] },
      },
      {
        pause: { on: 'leader', leader: 3, after: 3000 },
        text: tx(
          'On heal the high term deposes node 3, which wins again only in term 12. That is why real systems turn on CheckQuorum and PreVote together.',
          '网络恢复后，更高的任期把节点 3 拉下台，它直到任期 12 才重新当选。这就是实际系统同时开启 CheckQuorum 和 PreVote 的原因。',
        ),
      },
    ],
  },
  {
    id: 'raft-figure-8',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'figure-8'),
    covers: ['p1.8.6'],
    title: tx('Raft: "Figure 8", a majority is not a commit', 'Raft：“图 8”，存到多数派并不等于已提交'),
    goal: tx(
      'Follow the five-step sequence of the Raft paper\'s Figure 8 and see why a leader must not commit an entry of an older term just because a majority stores it.',
      '跟随 Raft 论文图 8 的五个步骤，理解为什么主节点不能仅因多数节点存有某个旧任期的条目就提交它。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'crash', node: 1 },
        text: tx(
          '(a) Node 1 leads term 1. With nodes 3–5 down it takes x1…x32 (indexes 2–33); only node 2 copies them. 2 of 5 is no majority: nothing new is committed. Now nodes 1 and 2 crash.',
          '(a) 节点 1 是任期 1 的主节点。节点 3–5 宕机时它接收了 x1…x32（索引 2–33），只有节点 2 复制了它们。5 个中的 2 个不是多数，不能提交。随后节点 1 和 2 崩溃。',
        ),
        highlight: { nodes: [1, 2] },
      },
      {
        pause: { on: 'fault', do: 'crash', node: 5 },
        text: tx(
          '(b) Node 5, revived first, timed out first and won term 2 with nodes 3 and 4. It appended its own entry at index 2 (term 2), but a partition dropped its AppendEntries and it crashed: only node 5 has that entry.',
          '(b) 节点 5 最先恢复、最先超时，凭节点 3、4 的选票赢得任期 2。它在索引 2 追加了自己的条目（任期 2），但分区丢掉了它的 AppendEntries，随后它崩溃：只有节点 5 有这个条目。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 1, role: 'leader', after: 900 },
        text: tx(
          '(c) Node 3 tried term 3, but nodes 1 and 2 refused its shorter log. Node 1 won term 4 with nodes 2 and 3 and appended a term-4 no-op at index 34. Node 2 gets it at once; node 3 lacks x1…x32.',
          '(c) 节点 3 尝试任期 3，但节点 1、2 因其日志较短而拒绝。节点 1 凭节点 2、3 的选票赢得任期 4，并在索引 34 追加了任期 4 的空条目。节点 2 立即收到；节点 3 还缺 x1…x32。',
        ),
        highlight: { nodes: [1, 2, 3] },
      },
      {
        pause: { on: 'state', node: 3, where: { lastLogIndex: 33 } },
        text: tx(
          'nextIndex walked back one entry at a time; node 3 now holds x1…x32. They are on nodes 1, 2 and 3, a majority, yet node 1 does not commit them: they are of term 1, and R8 commits by counting only entries of the leader\'s own term.',
          'nextIndex 逐条回退后，节点 3 现在有了 x1…x32。它们已存在节点 1、2、3 这个多数派上，但节点 1 并不提交：它们属于任期 1，而 R8 只按副本数提交主节点自己任期的条目。',
        ),
        question: tx('x1…x32 are stored on a majority. Why is that not enough?', 'x1…x32 已存于多数节点。为什么这还不够？'),
        highlight: { nodes: [1, 3] },
      },
      {
        pause: { on: 'state', node: 5, role: 'leader', after: 1400 },
        text: tx(
          '(d1) Nodes 1 and 2 crashed before the no-op reached node 3. Node 5\'s log ends in term 2, newer than node 3\'s term 1, so nodes 3 and 4 vote for it: node 5 leads term 6.',
          '(d1) 节点 1、2 在空条目到达节点 3 之前崩溃。节点 5 的日志以任期 2 结尾，比节点 3 的任期 1 更新，所以节点 3、4 投票给它：节点 5 成为任期 6 的主节点。',
        ),
        highlight: { nodes: [3, 4, 5] },
      },
      {
        pause: { on: 'state', node: 3, where: { lastLogIndex: 3 }, after: 1460 },
        text: tx(
          'Node 5 overwrites indexes 2–33 on nodes 3 and 4 with its own entries. That is legal: x1…x32 were never committed. Had node 1 committed them by counting (switch commitOldTermByCount), the checker would report R-S4 and R-S5 here.',
          '节点 5 用自己的条目覆盖了节点 3、4 上的索引 2–33。这是合法的：x1…x32 从未提交。若节点 1 按副本数提交了它们（开关 commitOldTermByCount），检查器会在此报告 R-S4 和 R-S5。',
        ),
        question: tx('In (d2) node 1 lives until its term-4 no-op reaches node 3. What changes?', '在 (d2) 中，节点 1 存活到任期 4 的空条目到达节点 3。结果有何不同？'),
        highlight: { nodes: [5] },
      },
    ],
  },
  {
    id: 'raft-failover',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'leader-crash-failover'),
    covers: ['p1.8.5', 'seed:raft-term-expiry'],
    title: tx('Raft: leader crash and failover', 'Raft：主节点宕机与故障转移'),
    goal: tx('Measure how long a Raft cluster is without a leader after its leader crashes.', '测量 Raft 集群在主节点宕机后有多长时间处于无主状态。'),
    steps: [
      {
        pause: { on: 'commit', node: 1, value: 'before' },
        text: tx('Node 1 leads term 1 and commits the write "before".', '节点 1 是任期 1 的主节点，并提交了写入 “before”。'),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'fault', do: 'crashLeader' },
        text: tx(
          'Leader 1 crashes. Term 1 did not expire — its leader died. Each follower\'s timer fires 150–300 ms after the last heartbeat it got.',
          '主节点 1 宕机。任期 1 并不是“到期”了，而是它的主节点死了。每个跟随者的计时器会在收到最后一次心跳后 150–300 毫秒到期。',
        ),
        question: tx('How long will the cluster be without a leader?', '集群会有多长时间没有主节点？'),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'state', role: 'candidate', after: 2000 },
        text: tx('Node 4\'s timer fires first, 194 ms after the crash: it asks for votes in term 2.', '节点 4 的计时器最先到期（宕机后 194 毫秒）：它请求任期 2 的投票。'),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'One round trip later node 4 leads term 2: 265 ms without a leader, about Tmin to Tmax. "before" is in its log.',
          '一个往返之后，节点 4 成为任期 2 的主节点：无主 265 毫秒，大约在 Tmin 到 Tmax 之间。“before” 就在它的日志里。',
        ),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'state', node: 1, leader: 4 },
        text: tx(
          'Node 1 comes back as a Follower of term 2 and learns the commits from node 4. It does not get its old job back.',
          '节点 1 以任期 2 跟随者的身份回来，并从节点 4 那里得知已提交的数据。它不会夺回原来的位置。',
        ),
        question: tx('What would Bully have done when node 1 came back, if node 1 had the highest id?', '如果节点 1 的 ID 最大，Bully 在它回来时会怎么做？'),
        highlight: { nodes: [1] },
      },
    ],
  },
  {
    id: 'raft-no-preemption',
    group: 'raft',
    algorithms: ['raft'],
    ...engineScenario('raft', 'no-preemption'),
    covers: ['p1.8.7', 'seed:raft-stability'],
    title: tx('Raft: the highest id comes back, nothing changes', 'Raft：最大 ID 的节点回来了，什么也没变'),
    goal: tx('Crash and revive node 5 four times and count Raft\'s leader changes.', '让节点 5 四次宕机又恢复，数一数 Raft 切主了几次。'),
    steps: [
      {
        pause: { on: 'leader', leader: 1 },
        text: tx('Node 1 won term 1. Node 5, the highest id, is an ordinary follower.', '节点 1 赢得了任期 1。ID 最大的节点 5 只是一个普通的跟随者。'),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'state', node: 5, leader: 1, after: 1500 },
        text: tx(
          'Node 5 crashed and comes back. A few ms later it hears node 1\'s heartbeat and follows it: in Raft an id gives no right to lead.',
          '节点 5 宕机后又回来了。几毫秒后它收到节点 1 的心跳，便跟随节点 1：在 Raft 中，ID 大并不意味着有权当主。',
        ),
        question: tx('What would Bully do at this moment?', '此刻 Bully 会怎么做？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 5, leader: 1, after: 4500 },
        text: tx(
          'Four crashes and revivals: still term 1, no election, no leader change. A revived node takes over only if it wins a majority.',
          '四次宕机又恢复：仍是任期 1，没有选举，没有切主。恢复的节点只有获得过半投票才会成为主节点。',
        ),
      },
    ],
  },
  {
    id: 'raft-figure-8-explored',
    group: 'raft',
    algorithms: ['raft'],
    // The explorer's counterexample for the figure-8 preset with the switch on, as it wrote it (explore.test.ts
    // checks that the search still writes exactly this); nothing after the first election is scripted.
    scenario: scenarioOf(exploredFigure8),
    untilMs: 700,
    covers: ['explore-figure-8', 'p1.8.6'],
    title: tx('Raft: "Figure 8" found by the explorer, not scripted', 'Raft：“图 8”由探索器找到，而非人为编排'),
    goal: tx(
      'Turn on the teaching switch that commits old-term entries by count and let the explorer search every ordering after the first election: it finds Figure 8 by itself, in 15 steps.',
      '打开“按副本数提交旧任期条目”的教学开关，让探索器搜索第一次选举之后的每一种顺序：它自己找到了图 8，只用 15 步。',
    ),
    steps: [
      {
        pause: { on: 'state', node: 1, role: 'leader' },
        text: tx(
          'Only this part is scripted: node 1 wins term 1. Its term-1 no-op is in its own log only (the AppendEntries carrying it will be lost). Everything from here on is what the explorer chose.',
          '只有这一段是编排的：节点 1 赢得任期 1。它任期 1 的空条目只在自己的日志里（携带它的 AppendEntries 将会丢失）。从这里开始的一切都是探索器的选择。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'state', node: 2, role: 'leader' },
        text: tx(
          'Node 2 times out and wins term 2 with node 3\'s vote. Its term-2 no-op also stays in its own log: three nodes, two different entries at index 1.',
          '节点 2 超时，凭节点 3 的选票赢得任期 2。它任期 2 的空条目同样只在自己的日志里：三个节点，索引 1 上有两个不同的条目。',
        ),
        highlight: { nodes: [2] },
      },
      {
        pause: { on: 'commit', node: 1 },
        text: tx(
          'Node 1 wins term 3 with node 3, sends it the term-1 entry (one entry per AppendEntries) and, with the switch on, commits it: it is on 2 of 3 nodes, but of an older term.',
          '节点 1 凭节点 3 赢得任期 3，把任期 1 的条目发给它（每个 AppendEntries 只带一个条目），并在开关打开时提交了它：它在 3 个节点中的 2 个上，但属于更早的任期。',
        ),
        question: tx('A majority stores it. Can a later leader lack it?', '多数节点已存有它。之后的主节点会不会没有它？'),
        highlight: { nodes: [1, 3] },
      },
      {
        pause: { on: 'state', node: 2, role: 'leader', after: 500 },
        text: tx(
          'Node 2\'s last entry is of term 2, newer than node 3\'s term 1, so node 3 votes for it: node 2 leads term 4 without the committed entry. The checker reports R-S4 (leader completeness). Run the search yourself; untick the switch and the same bounds hold no violation.',
          '节点 2 最后一个条目属于任期 2，比节点 3 的任期 1 新，于是节点 3 投票给它：节点 2 成为任期 4 的主节点，却没有那个已提交的条目。检查器报告 R-S4（领导者完整性）。自己运行这次搜索；取消勾选开关，同样的界限内没有违规。',
        ),
        highlight: { nodes: [2, 3] },
        explore: EXPLORE_FIGURE_8,
      },
    ],
  },
];
