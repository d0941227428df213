/** ZAB (seed: 具有优先级的民主投票：ZAB 算法; protocols.md §2.8). */
import type { Lesson } from '../types';
import { engineScenario, tx } from './util';

export const ZAB_LESSONS: readonly Lesson[] = [
  {
    id: 'zab-cold-start',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'cold-start'),
    covers: ['p2.8.1', 'seed:zab-states', 'seed:zab-triple', 'seed:zab-storm'],
    title: tx('ZAB: everyone broadcasts to everyone', 'ZAB：人人向所有人广播'),
    goal: tx(
      'Watch five LOOKING nodes exchange votes (epoch, zxid, server id) until all agree, and count the notifications.',
      '观察五个处于 Looking 状态的节点交换选票（纪元，事务 ID，服务器 ID）直到意见一致，并数一数通知消息。',
    ),
    steps: [
      {
        pause: { at: 1 },
        text: tx(
          'All five start LOOKING and each sends a Notification voting for itself to the four others: 5 × 4 = 20 messages at once.',
          '五个节点都以 Looking（选举）状态启动，各自向其他四个节点发送投给自己的 Notification：一下子就是 5 × 4 = 20 条消息。',
        ),
        question: tx('With 100 nodes, how many messages would this first burst be?', '如果有 100 个节点，这第一轮广播会有多少条消息？'),
      },
      {
        pause: { on: 'state', node: 4, role: 'looking' },
        text: tx(
          'Node 4 receives node 5\'s vote. Votes compare (epoch, zxid, server id): epochs and zxids are all 0, so the id decides, 5 > 4. Node 4 switches to 5 and broadcasts again.',
          '节点 4 收到节点 5 的选票。选票按（纪元，事务 ID，服务器 ID）比较：纪元和事务 ID 都是 0，于是由 ID 决定，5 > 4。节点 4 改投 5，并再次广播。',
        ),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { at: 100 },
        text: tx(
          'Every vote change is broadcast to all. By now every node votes 5: 52 Notifications in total, between N(N−1) = 20 and (N³−N)/2 = 60 — a broadcast storm in miniature.',
          '每次改票都要再广播给所有节点。现在所有节点都投给 5：共 52 条 Notification，介于 N(N−1) = 20 和 (N³−N)/2 = 60 之间——一场小型的广播风暴。',
        ),
        question: tx('Why does every change of mind cost N − 1 more messages?', '为什么每改一次票就要多发 N − 1 条消息？'),
      },
      {
        pause: { on: 'state', role: 'leading', delayMs: 10 },
        text: tx(
          'Node 5 sees a quorum agree, waits finalizeWait (200 ms) for a better vote, hears none, and switches to LEADING; the others become FOLLOWING.',
          '节点 5 看到多数节点意见一致后，再等待 finalizeWait（200 毫秒）看有没有更好的选票；没有，于是进入 Leading 状态，其他节点进入 Following 状态。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 5 },
        text: tx(
          'Leader and followers agree on epoch 1 and synchronize their data: node 5 is established at 341 ms. The extra wait and handshake make ZAB slower to elect.',
          '主节点与跟随者确认纪元 1 并同步数据：节点 5 在 341 毫秒时正式就位。额外的等待和握手使 ZAB 的选举更慢。',
        ),
        question: tx('ZAB took 341 ms here. Guess how long Raft and Bully take on the same network.', 'ZAB 这里用了 341 毫秒。猜一猜在同样的网络上 Raft 和 Bully 需要多久？'),
      },
    ],
  },
  {
    id: 'zab-zxid-beats-sid',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'zxid-beats-sid'),
    covers: ['p2.8.2', 'seed:zab-freshest', 'seed:zab-triple'],
    title: tx('ZAB: the freshest data beats the highest id', 'ZAB：数据最新者胜过 ID 最大者'),
    goal: tx(
      'See node 2 win over node 4 because it holds newer transactions, so no committed write is lost.',
      '观察节点 2 因为拥有更新的事务而胜过节点 4，从而不丢失任何已提交的写入。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx(
          'Leader 5 committed x1…x5 everywhere. Now nodes 3 and 4 are cut off; x6 and x7 reach only nodes 5, 1, 2 — still a majority, so they commit.',
          '主节点 5 已在所有节点提交了 x1…x5。现在节点 3 和 4 被隔离；x6 和 x7 只到达节点 5、1、2——仍是多数，所以提交成功。',
        ),
        highlight: { nodes: [3, 4] },
      },
      {
        pause: { on: 'fault', do: 'crash', node: 5 },
        text: tx(
          'Node 5 crashes and the network heals. Nodes 1 and 2 hold zxid (1,7); nodes 3 and 4 only (1,5).',
          '节点 5 宕机，网络恢复。节点 1、2 的事务 ID 为 (1,7)；节点 3、4 只有 (1,5)。',
        ),
        question: tx('Bully would elect node 4. Which node must ZAB elect, and why?', 'Bully 会选节点 4。ZAB 必须选哪个节点？为什么？'),
        highlight: { nodes: [1, 2] },
      },
      {
        pause: { on: 'state', node: 4, role: 'looking' },
        text: tx(
          'The killed process\'s connections were reset: nodes 1 and 2 saw it at once and vote for node 2. Nodes 3 and 4 learn it a moment later (the partition had held their packets) and first vote for node 4: (epoch 1, zxid (1,5), id 4) is their own.',
          '被杀死进程的连接被重置：节点 1 和 2 立刻察觉，投给节点 2。节点 3 和 4 稍后才得知（分区期间它们的数据包被滞留），先投给节点 4：（纪元 1，事务 ID (1,5)，ID 4）是它们自己的选票。',
        ),
        highlight: { nodes: [3, 4] },
      },
      {
        pause: { on: 'send', kind: 'Notification', from: 4, where: { leader: 2 } },
        text: tx(
          'Node 2\'s vote arrives with zxid (1,7). A bigger zxid beats a bigger id: node 4 drops its own vote and votes for node 2.',
          '节点 2 的选票带着事务 ID (1,7) 到达。事务 ID 大胜过服务器 ID 大：节点 4 放弃自己，改投节点 2。',
        ),
        highlight: { nodes: [2, 4] },
      },
      {
        pause: { on: 'leader', leader: 2 },
        text: tx(
          'Node 2 leads epoch 2: the highest id among the nodes with the newest data. x6 and x7 survive.',
          '节点 2 成为纪元 2 的主节点：它是数据最新的节点中 ID 最大的。x6 和 x7 得以保留。',
        ),
        question: tx('Why does the leader\'s data have to be the newest?', '为什么主节点的数据必须是最新的？'),
        highlight: { nodes: [2] },
      },
    ],
  },
  {
    id: 'zab-epoch-beats-zxid',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'epoch-beats-zxid'),
    covers: ['p2.8.2', 'seed:zab-triple'],
    title: tx('ZAB: the epoch comes before the zxid', 'ZAB：纪元优先于事务 ID'),
    goal: tx(
      'See a node with a longer log lose to one from a newer epoch, and its uncommitted tail be cut off.',
      '观察日志更长的节点输给来自更新纪元的节点，并且它未提交的尾部被截掉。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx(
          'Leader 5 committed a1…a9 on all. Now {4, 5} is cut off. Node 5 logs b10…b12, which reach only node 4 — never a quorum.',
          '主节点 5 已在所有节点提交了 a1…a9。现在 {4, 5} 被隔离。节点 5 继续记录 b10…b12，但只传到节点 4——始终不到多数。',
        ),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'leader', leader: 3 },
        text: tx(
          'The majority {1, 2, 3} elects node 3 for epoch 2. Their data: epoch 2, zxid (1,9).',
          '多数派 {1, 2, 3} 选出节点 3 作为纪元 2 的主节点。它们的数据：纪元 2，事务 ID (1,9)。',
        ),
        highlight: { nodes: [3] },
      },
      {
        pause: { on: 'fault', do: 'crashLeader' },
        text: tx(
          'Node 3 crashes and the network heals. Nodes 1, 2: epoch 2, zxid (1,9). Nodes 4, 5: epoch 1, zxid (1,12).',
          '节点 3 宕机，网络恢复。节点 1、2：纪元 2，事务 ID (1,9)。节点 4、5：纪元 1，事务 ID (1,12)。',
        ),
        question: tx('Node 5 has the longest log. Should it win?', '节点 5 的日志最长。它应该当选吗？'),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'state', node: 5, after: 5000 },
        text: tx(
          'Node 3\'s connections were reset, so nodes 1 and 2 look at once. Node 5 receives (epoch 2, (1,9), 2) and drops its own (epoch 1, (1,12), 5): the epoch is compared first.',
          '节点 3 的连接被重置，节点 1 和 2 立即开始选举。节点 5 收到（纪元 2，(1,9)，2），放弃自己的（纪元 1，(1,12)，5）：先比较纪元。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 2 },
        text: tx(
          'Node 2 leads epoch 3. Nodes 4 and 5 are truncated back to (1,9): b10…b12 were never committed, so nothing committed is lost.',
          '节点 2 成为纪元 3 的主节点。节点 4、5 被截回 (1,9)：b10…b12 从未提交，所以没有丢失任何已提交的数据。',
        ),
        question: tx('Why is "longest log" not the same as "freshest data"?', '为什么“日志最长”不等于“数据最新”？'),
      },
    ],
  },
  {
    id: 'zab-leader-crash',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'leader-crash'),
    covers: ['p2.8.3', 'seed:zab-states'],
    title: tx('ZAB: checkLeader refuses a dead leader', 'ZAB：checkLeader 拒绝已死的主节点'),
    goal: tx(
      'See a node that is told "we follow 5" refuse to follow node 5 unless node 5 itself says it is leading.',
      '观察一个节点在被告知“我们跟随 5”时，除非节点 5 自己声明正在领导，否则拒绝跟随它。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'cut' },
        text: tx(
          'Leader 5 committed "before". Now node 1 stops hearing node 5 (a one-way cut); at 1.5 s node 5\'s host loses power: no connection is closed, so the others can only wait for their read timeouts.',
          '主节点 5 已提交 “before”。现在节点 1 收不到节点 5 的消息（单向断开）；1.5 秒时节点 5 所在的主机断电：没有任何连接被关闭，其他节点只能等读超时。',
        ),
        highlight: { nodes: [1, 5] },
      },
      {
        pause: { on: 'state', node: 1, role: 'looking' },
        text: tx(
          'After syncLimit × tickTime = 1 s of silence, node 1 goes LOOKING and broadcasts a vote for itself.',
          '沉默了 syncLimit × tickTime = 1 秒之后，节点 1 进入 Looking 状态，并广播投给自己的选票。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'send', kind: 'Notification', where: { state: 'FOLLOWING' } },
        text: tx(
          'Nodes 2, 3 and 4 have not noticed yet. They answer: "I am FOLLOWING, my leader is 5." But node 5 is dead.',
          '节点 2、3、4 还没有察觉。它们回答：“我处于 Following 状态，我的主节点是 5。”但节点 5 已经宕机。',
        ),
        question: tx('Should node 1 simply follow node 5 as well?', '节点 1 是否应该也直接跟随节点 5？'),
      },
      {
        pause: { on: 'state', node: 2, role: 'looking' },
        text: tx(
          'checkLeader: node 1 follows a leader only if that leader itself says LEADING. Node 5 never does, so node 1 keeps looking. Now 2, 3 and 4 notice too.',
          'checkLeader 规则：只有主节点自己声明处于 Leading 状态，节点 1 才会跟随它。节点 5 不会再发声，所以节点 1 继续选举。现在节点 2、3、4 也察觉了。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'Node 4 leads epoch 2, and the later write "after" commits. Nobody ever re-elected the dead node.',
          '节点 4 成为纪元 2 的主节点，之后的写入 “after” 也提交了。没有任何节点重新选出已死的主节点。',
        ),
        highlight: { nodes: [4] },
      },
    ],
  },
  {
    id: 'zab-minority-leader',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'leader-minority'),
    covers: ['p2.8.4'],
    title: tx('ZAB: a leader in the minority steps down', 'ZAB：处于少数派的主节点主动退位'),
    goal: tx(
      'See the minority leader give up after syncLimit ticks while the majority elects a new epoch.',
      '观察少数派一侧的主节点在 syncLimit 个 tick 后放弃领导，而多数派选出新纪元的主节点。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx(
          'Leader 5 and node 1 are cut off from nodes 2, 3, 4. Here tickTime = 1 s and syncLimit = 2 ticks, as in ZooKeeper.',
          '主节点 5 和节点 1 与节点 2、3、4 断开。这里 tickTime = 1 秒，syncLimit = 2 个 tick，与 ZooKeeper 相同。',
        ),
        highlight: { nodes: [5, 1] },
      },
      {
        pause: { on: 'write', node: 5 },
        text: tx(
          'A write "lost" reaches leader 5. Only node 1 can acknowledge it: 2 of 5 is no quorum, so it never commits.',
          '写入 “lost” 到达主节点 5。只有节点 1 能确认：5 个中的 2 个不是多数，所以它永远不会提交。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'Nodes 2, 3, 4 lost the leader and elected node 4 for epoch 2. Node 5 still calls itself LEADING in epoch 1: two LEADING nodes, in different epochs.',
          '节点 2、3、4 失去主节点后，选出节点 4 作为纪元 2 的主节点。节点 5 仍自称处于纪元 1 的 Leading 状态：两个 Leading 节点，处于不同纪元。',
        ),
        question: tx('Which of the two can commit a write?', '两者中哪一个能提交写入？'),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'state', node: 5, role: 'looking' },
        text: tx(
          'Leader 5\'s synced followers are not a quorum: after syncLimit ticks it gives up and goes LOOKING. Only node 4 leads now.',
          '主节点 5 保持同步的跟随者不足多数：超过 syncLimit 个 tick 后，它放弃领导，进入 Looking 状态。现在只有节点 4 是主节点。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 5, role: 'following', where: { phase: 'broadcast' } },
        text: tx(
          'After the heal node 5 follows node 4; the uncommitted "lost" is truncated from its log.',
          '网络恢复后，节点 5 跟随节点 4；未提交的 “lost” 从它的日志中被截掉。',
        ),
      },
    ],
  },
  {
    id: 'zab-restart',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'restart-no-change'),
    covers: ['p2.8.5', 'seed:zab-stability', 'seed:zab-states', 'seed:zab-observer'],
    title: tx('ZAB: a restarted node does not take over', 'ZAB：重启的节点不会夺权'),
    goal: tx(
      'See the highest id and an observer restart and rejoin without any new election.',
      '观察 ID 最大的节点和一个观察者重启后重新加入，而不引发新的选举。',
    ),
    steps: [
      {
        pause: { on: 'state', node: 6, role: 'observing', where: { phase: 'broadcast' } },
        text: tx(
          'Five voters and two observers (6, 7). Node 5 leads; nodes 6 and 7 are OBSERVING: they receive every update but have no vote.',
          '五个投票者和两个观察者（6、7）。节点 5 是主节点；节点 6、7 处于 Observing 状态：接收所有更新，但没有投票权。',
        ),
        highlight: { nodes: [6, 7] },
      },
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'Leader 5\'s process was killed at 1 s; its connections were reset, so the voters noticed one message delay later and elected node 4 for epoch 2.',
          '主节点 5 的进程在 1 秒时被杀死；它的连接被重置，投票者在一个消息延迟后就察觉了，选出节点 4 作为纪元 2 的主节点。',
        ),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'fault', do: 'revive', node: 5 },
        text: tx(
          'Node 5, the highest id, comes back LOOKING and broadcasts a vote for itself.',
          'ID 最大的节点 5 以 Looking 状态回来，并广播投给自己的选票。',
        ),
        question: tx('Will it take the leadership back, as in Bully?', '它会像 Bully 那样夺回主节点之位吗？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 5, role: 'following' },
        text: tx(
          'The others answer "FOLLOWING 4" and node 4 answers "LEADING". Node 5 follows 4: no election, no leader change, only 2(N−1) = 8 notifications.',
          '其他节点回答“Following 4”，节点 4 回答“Leading”。节点 5 跟随 4：没有选举，没有切主，只用了 2(N−1) = 8 条通知。',
        ),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'state', node: 6, role: 'observing', after: 7000 },
        text: tx(
          'Observer 6 restarts the same way and observes node 4 again. A rejoining node switches the leader only if it has the freshest data, the highest id and a majority.',
          '观察者 6 以同样方式重启，重新观察节点 4。重新加入的节点只有在数据最新、ID 最大且获得过半投票时，才会导致切主。',
        ),
        highlight: { nodes: [6] },
      },
    ],
  },
  {
    id: 'zab-observers',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'observers-no-quorum'),
    covers: ['p2.8.6', 'seed:zab-observer', 'seed:zab-states'],
    title: tx('ZAB: observers have no vote', 'ZAB：观察者没有投票权'),
    goal: tx(
      'See that observers neither help nor hurt elections: they can never make up a quorum.',
      '观察到观察者对选举既无帮助也无妨碍：它们永远不能凑成多数。',
    ),
    steps: [
      {
        pause: { on: 'state', node: 4, role: 'observing', where: { phase: 'broadcast' } },
        text: tx(
          'Three voters (1–3) and two observers (4, 5). Node 3 leads; the observers receive updates but do not vote.',
          '三个投票者（1–3）和两个观察者（4、5）。节点 3 是主节点；观察者接收更新但不投票。',
        ),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'state', node: 4, role: 'observing', after: 2000 },
        text: tx(
          'Both observers crashed at 1 s and came back at 2 s. The leader never changed: observers do not count for the quorum.',
          '两个观察者在 1 秒时宕机、2 秒时恢复。主节点始终没变：观察者不计入多数。',
        ),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'fault', do: 'crash', node: 2 },
        text: tx(
          'Now voters 3 and 2 crash. Three of five nodes are alive — but only one of the three voters.',
          '现在投票者 3 和 2 宕机。五个节点中还有三个活着——但三个投票者中只剩一个。',
        ),
        question: tx('Can nodes 1, 4 and 5 elect a leader?', '节点 1、4、5 能选出主节点吗？'),
        highlight: { nodes: [1, 4, 5] },
      },
      {
        pause: { at: 9000 },
        text: tx(
          'Six seconds later node 1 is still LOOKING. The observers answer its notifications but appear in no tally: no voter quorum, no leader.',
          '六秒之后，节点 1 仍处于 Looking 状态。观察者会回复它的通知，但不计入任何票数：没有投票者的多数，就没有主节点。',
        ),
        question: tx('Then why add observers at all?', '那为什么还要添加观察者？'),
      },
    ],
  },
  {
    id: 'zab-late-vote-change',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'late-vote-change'),
    covers: ['p2.8.7'],
    title: tx('ZAB: a vote changed too late, two LEADING nodes', 'ZAB：改票太晚，出现两个 Leading 节点'),
    goal: tx(
      'See two nodes go LEADING in the same round, and why only one of them becomes a real leader.',
      '观察同一轮中两个节点都进入 Leading 状态，以及为什么只有一个能成为真正的主节点。',
    ),
    steps: [
      {
        pause: { at: 50 },
        text: tx(
          'Node 5 is down at first. Nodes 1–4 agree on node 4, the highest id they can see.',
          '节点 5 起初是宕机的。节点 1–4 一致投给它们能看到的最大 ID：节点 4。',
        ),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'fault', do: 'revive', node: 5 },
        text: tx(
          'Node 5 starts late, and from now on node 4 hears nobody (its incoming links are cut).',
          '节点 5 迟迟才启动，而从现在起节点 4 收不到任何消息（它的入向链路被切断）。',
        ),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'state', node: 4, role: 'leading' },
        text: tx(
          'Node 4 waited finalizeWait (200 ms), heard no better vote and went LEADING. Meanwhile 1–3 saw node 5\'s better vote during their wait and switched.',
          '节点 4 等待了 finalizeWait（200 毫秒），没听到更好的选票，于是进入 Leading。与此同时，节点 1–3 在等待期间看到了节点 5 更好的选票，改投了它。',
        ),
        question: tx('Can two nodes be LEADING at once? Is that dangerous?', '两个节点能同时处于 Leading 状态吗？这危险吗？'),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'state', node: 5, role: 'leading' },
        text: tx('Node 5 goes LEADING too: two LEADING nodes in round 1.', '节点 5 也进入了 Leading：第 1 轮出现了两个 Leading 节点。'),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'leader', leader: 5 },
        text: tx(
          'Nodes 1–3 acknowledge node 5\'s epoch: a quorum, so node 5 is established. Node 4 has no followers and can commit nothing.',
          '节点 1–3 确认了节点 5 的纪元：达到多数，节点 5 正式就位。节点 4 没有跟随者，什么也提交不了。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'state', node: 4, role: 'following' },
        text: tx(
          'After initLimit × tickTime = 2 s without a quorum, node 4 gives up and follows node 5. Safety held throughout.',
          '经过 initLimit × tickTime = 2 秒仍没有多数，节点 4 放弃，转而跟随节点 5。整个过程中安全性始终成立。',
        ),
        highlight: { nodes: [4] },
      },
    ],
  },
  {
    id: 'zab-long-partition',
    group: 'zab',
    algorithms: ['zab'],
    ...engineScenario('zab', 'long-partition'),
    covers: ['p2.8.8', 'seed:zab-slower'],
    title: tx('ZAB: slow recovery after a long partition', 'ZAB：长时间分区后恢复缓慢'),
    goal: tx(
      'See a node\'s notification back-off grow to 60 s, so that it rejoins long after the network heals.',
      '观察一个节点的通知退避时间增长到 60 秒，导致它在网络恢复很久之后才重新加入。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx('Node 1 is cut off from everyone, for almost two minutes (until 110 s). Node 5 leads the rest.', '节点 1 与所有节点断开，持续将近两分钟（直到 110 秒）。节点 5 领导其余节点。'),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'state', node: 1, role: 'looking' },
        text: tx('After 1 s without its leader, node 1 goes LOOKING and sends Notifications. Nobody answers.', '收不到主节点消息 1 秒后，节点 1 进入 Looking 状态并发送 Notification。没人回应。'),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'send', kind: 'Notification', from: 1, after: 8000 },
        text: tx(
          'Each time nobody answers, it waits twice as long before trying again: 200, 400, 800 ms … up to 60 s.',
          '每次没有回应，它就把重试间隔加倍：200、400、800 毫秒……最长 60 秒。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'fault', do: 'heal' },
        text: tx(
          'The network heals at 110 s. The others happily follow node 5 and never write to node 1 unprompted.',
          '网络在 110 秒时恢复。其他节点安然跟随节点 5，不会主动联系节点 1。',
        ),
        question: tx('When will node 1 rejoin?', '节点 1 什么时候才能重新加入？'),
      },
      {
        pause: { on: 'send', kind: 'Notification', from: 1 },
        text: tx(
          'Only at its next re-broadcast, about 54 s after the heal. The replies tell it that 5 leads.',
          '直到下一次重新广播，大约在网络恢复 54 秒之后。回复告诉它：主节点是 5。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'state', node: 1, role: 'following' },
        text: tx(
          'Node 1 follows node 5 again: almost a minute lost to back-off, not to the election itself.',
          '节点 1 重新跟随节点 5：将近一分钟被浪费在退避上，而不是选举本身。',
        ),
        question: tx('How would you shorten this without causing a broadcast storm?', '怎样才能缩短这段时间，又不引发广播风暴？'),
      },
    ],
  },
];
