/** Side-by-side lessons: the same script on Bully, Raft and ZAB (engine/compare.ts). */
import coldStartCompare from '../scenarios/cold-start-compare.json';
import flappingCompare from '../scenarios/flapping-compare.json';
import paxosRaftCompare from '../scenarios/paxos-raft-compare.json';
import splitBrainCompare from '../scenarios/split-brain-compare.json';
import type { Lesson } from '../types';
import { scenarioOf, tx } from './util';

export const COMPARE_LESSONS: readonly Lesson[] = [
  {
    id: 'compare-flapping',
    group: 'compare',
    algorithms: ['bully', 'raft', 'zab'],
    scenario: scenarioOf(flappingCompare),
    untilMs: 7000,
    covers: ['seed:bully-flapping', 'seed:raft-stability', 'seed:zab-stability', 'p3.6.2', 'p1.8.7', 'p2.8.5'],
    title: tx('Bully flaps, Raft does not', 'Bully 频繁切主，Raft 不会'),
    goal: tx(
      'Crash and revive the highest node, node 5, twice on Bully, Raft and ZAB, and count the leader changes.',
      '在 Bully、Raft、ZAB 上让最大节点 5 两次宕机又恢复，数一数各自切主几次。',
    ),
    steps: [
      {
        pause: { on: 'leader', leader: 5, pane: 'zab' },
        text: tx(
          'All three clusters have elected node 5: Bully and ZAB because it has the highest id, Raft because its timer fired first.',
          '三个集群都选出了节点 5：Bully 和 ZAB 是因为它的 ID 最大，Raft 则是因为它的选举计时器最先到期。',
        ),
        question: tx(
          'Node 5 will crash at 1 s and come back at 3 s. Predict who leads each cluster after it returns.',
          '节点 5 将在 1 秒时宕机、3 秒时恢复。请预测：它回来之后，三个集群的主节点分别是谁？',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'fault', do: 'crash', node: 5 },
        text: tx(
          'Node 5\'s process is killed. Each algorithm notices in its own way: Bully after 300 ms without heartbeats, Raft after a random 150–300 ms timeout; ZAB runs over TCP, so the dead process\'s connections are reset and its followers know one message delay later.',
          '节点 5 的进程被杀死。各算法察觉的方式不同：Bully 在 300 毫秒收不到心跳后，Raft 在 150–300 毫秒的随机超时后；ZAB 运行在 TCP 之上，死进程的连接被重置，跟随者在一个消息延迟后就知道了。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 4, pane: 'bully' },
        text: tx(
          'All three now follow node 4: Raft first (1.2 s), then ZAB (1.4 s: it saw the reset at once, then spent finalizeWait and its handshake), then Bully (1.45 s). One leader change each — unavoidable, the leader died.',
          '三个集群现在都服从节点 4：Raft 最快（1.2 秒），其次是 ZAB（1.4 秒：它立刻看到了连接重置，之后花在 finalizeWait 和握手上），最后是 Bully（1.45 秒）。各切主一次——这是必然的，因为主节点死了。',
        ),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'state', node: 5, role: 'following', pane: 'zab' },
        text: tx(
          'Node 5 is back. Bully: it sees no higher id, sends Victory and leads again within 20 ms. Raft: it is a Follower of term 2 and hears node 4\'s heartbeats. ZAB: it learns that 4 leads and follows it.',
          '节点 5 恢复了。Bully：它发现没有更大的 ID，发送 Victory，20 毫秒内重新成为主节点。Raft：它以跟随者身份进入任期 2，收到节点 4 的心跳。ZAB：它得知 4 是主节点，便跟随 4。',
        ),
        question: tx('Why does a revived node in Raft not start an election at once?', '为什么 Raft 中恢复的节点不会立即发起选举？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'fault', do: 'crash', node: 5, after: 3500 },
        text: tx(
          'Node 5 crashes again. Only Bully loses its leader; in Raft and ZAB node 5 is just a follower.',
          '节点 5 再次宕机。只有 Bully 失去了主节点；在 Raft 和 ZAB 中，节点 5 只是个跟随者。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 5, pane: 'bully', after: 6000 },
        text: tx(
          'Two cycles: Bully changed leader 4 times, Raft and ZAB once. A rejoining node triggers no switch unless it wins a majority (Raft) or has the freshest data and a majority (ZAB).',
          '两个周期下来：Bully 切主 4 次，Raft 和 ZAB 各 1 次。重新加入的节点不会导致切主，除非它获得过半投票（Raft），或数据最新且获得过半投票（ZAB）。',
        ),
        question: tx(
          'A server that reboots every night has the highest id. Which algorithm would you choose?',
          '有一台服务器每晚都会重启，而它的 ID 最大。你会选择哪种算法？',
        ),
      },
    ],
  },
  {
    id: 'compare-split-brain',
    group: 'compare',
    algorithms: ['bully', 'raft', 'zab'],
    scenario: scenarioOf(splitBrainCompare),
    untilMs: 7000,
    covers: ['split-brain-compare', 'p3.6.3', 'p1.8.4', 'p2.8.4', 'seed:raft-majority'],
    title: tx('Split brain: Bully vs Raft vs ZAB under a partition', '脑裂：网络分区下的 Bully、Raft 与 ZAB'),
    goal: tx(
      'Cut the leader off with a minority and see which algorithms end up with two leaders.',
      '把主节点和少数节点一起隔离出去，看看哪种算法会出现两个主节点。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx(
          'All three clusters are led by node 5. The network splits into {1, 2, 3} and {4, 5}: the leader is on the small side.',
          '三个集群的主节点都是节点 5。网络被分成 {1, 2, 3} 和 {4, 5}：主节点落在了少数派一侧。',
        ),
        question: tx('How many leaders will each cluster have one second from now?', '一秒之后，每个集群各会有几个主节点？'),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'leader', leader: 3, pane: 'raft' },
        text: tx(
          'Raft: the majority {1, 2, 3} elects node 3 in term 2. Node 5 still believes it leads term 1, but it cannot reach a majority, so it can commit nothing.',
          'Raft：多数派 {1, 2, 3} 选出任期 2 的主节点 3。节点 5 仍以为自己是任期 1 的主节点，但联系不到多数节点，什么也提交不了。',
        ),
        highlight: { nodes: [3, 5], pane: 'raft' },
      },
      {
        pause: { on: 'anomaly', kind: 'split-brain', pane: 'bully' },
        text: tx(
          'Bully: node 3 is the largest id on its side and declares Victory. Nodes 3 and 5 both lead, each obeyed by its side: a split brain.',
          'Bully：节点 3 是本侧最大的 ID，发出 Victory。节点 3 和节点 5 同时是主节点，各自被一侧服从：这就是脑裂。',
        ),
        question: tx('Both sides accept writes now. What happens to them later?', '现在两侧都在接受写入。之后这些写入会怎样？'),
        highlight: { nodes: [3, 5], pane: 'bully' },
      },
      {
        pause: { on: 'state', node: 5, role: 'looking', pane: 'zab' },
        text: tx(
          'ZAB: leader 5 has lost its quorum of followers; after syncLimit ticks it steps down and goes LOOKING.',
          'ZAB：主节点 5 失去了多数跟随者；超过 syncLimit 个 tick 后，它主动退位，进入 Looking 状态。',
        ),
        highlight: { nodes: [5], pane: 'zab' },
      },
      {
        pause: { on: 'leader', leader: 3, pane: 'zab' },
        text: tx(
          'ZAB: the majority elects node 3 for epoch 2. In Raft and ZAB only the side with a majority has a leader that can commit; Bully has two.',
          'ZAB：多数派选出节点 3 作为纪元 2 的主节点。在 Raft 和 ZAB 中，只有多数派一侧的主节点能提交数据；而 Bully 有两个主节点。',
        ),
        question: tx('Why can two majorities of the same 5 nodes never be disjoint?', '为什么同一组 5 个节点中的两个“多数派”不可能互不相交？'),
        highlight: { nodes: [3], pane: 'zab' },
      },
      {
        pause: { on: 'fault', do: 'heal' },
        text: tx('The network heals.', '网络恢复。'),
        question: tx('Who will lead each cluster after the heal?', '网络恢复后，各集群的主节点会是谁？'),
      },
      {
        pause: { on: 'leader', leader: 5, pane: 'bully', delayMs: 100 },
        text: tx(
          'Bully: node 5\'s heartbeats bully node 3 — the leader switches back to 5, and what 3 did alone is not reconciled. Raft: node 5 sees the newer term and follows node 3.',
          'Bully：节点 5 的心跳“霸凌”了节点 3——主节点又切回 5，而 3 单独期间做的事无从协调。Raft：节点 5 看到更新的任期，转而跟随节点 3。',
        ),
      },
      {
        pause: { on: 'state', node: 5, role: 'following', pane: 'zab' },
        text: tx(
          'ZAB: node 5 was LOOKING. TCP gave up on what it sent during the long partition, so it is heard at its next re-broadcast; the replies say that 3 leads epoch 2, and it follows node 3.',
          'ZAB：节点 5 一直处于 Looking 状态。它在长时间分区期间发出的数据被 TCP 放弃了，所以要等到它下一次重新广播才被听到；回复告诉它 3 是纪元 2 的主节点，于是它跟随节点 3。',
        ),
        highlight: { nodes: [5], pane: 'zab' },
      },
    ],
  },
  {
    id: 'compare-messages',
    group: 'compare',
    algorithms: ['bully', 'raft', 'zab'],
    scenario: scenarioOf(coldStartCompare),
    untilMs: 2000,
    covers: ['seed:raft-message-cost', 'seed:zab-storm', 'seed:zab-slower', 'seed:bully-fast-simple', 'p2.8.1'],
    title: tx('Message counts: Bully vs Raft vs ZAB cold start', '消息数量：Bully、Raft 与 ZAB 的冷启动'),
    goal: tx(
      'Start five empty nodes on each algorithm and compare how long and how many messages it takes to get a leader.',
      '在每种算法上启动五个空节点，比较选出主节点所需的时间和消息数。',
    ),
    steps: [
      {
        pause: { on: 'leader', leader: 'any', pane: 'bully' },
        text: tx(
          'Bully: node 5 leads after 54 ms. Every node started an election at once (Bully\'s worst case): 13 Election + 12 Alive + 9 Victory = 34 messages.',
          'Bully：54 毫秒后节点 5 成为主节点。所有节点同时发起选举（Bully 的最坏情况）：13 条 Election + 12 条 Alive + 9 条 Victory = 34 条消息。',
        ),
        question: tx('Raft waits for a random timeout first. Guess its time and message count.', 'Raft 要先等一个随机超时。猜一猜它的时间和消息数。'),
      },
      {
        pause: { on: 'leader', leader: 'any', pane: 'raft' },
        text: tx(
          'Raft: nodes 5, 4 and 1 stood in term 1; node 5 won. 12 RequestVote + 12 replies + the first heartbeats = 30 messages, leader at 281 ms.',
          'Raft：节点 5、4、1 参加了任期 1 的竞选，节点 5 胜出。12 条 RequestVote + 12 条回复 + 首轮心跳 = 30 条消息，281 毫秒时选出主节点。',
        ),
      },
      {
        pause: { on: 'leader', leader: 'any', pane: 'zab' },
        text: tx(
          'ZAB: 52 Notifications (every vote change is broadcast to all), a 200 ms finalize wait, then 25 handshake messages: 77 messages, leader at 341 ms — the slowest and most talkative.',
          'ZAB：52 条 Notification（每次改票都广播给所有节点），200 毫秒的 finalizeWait，再加 25 条握手消息：共 77 条，341 毫秒时选出主节点——最慢，消息也最多。',
        ),
        question: tx('Which of these numbers grows fastest when N grows?', '节点数 N 增大时，哪个数字增长最快？'),
      },
      {
        pause: { at: 2000 },
        text: tx(
          'By 2 s: Bully 116 messages, ZAB 208, Raft 304. Heartbeats now dominate: Raft sends AppendEntries and replies every 50 ms, Bully one Heartbeat per node every 100 ms.',
          '到 2 秒时：Bully 共 116 条消息，ZAB 208 条，Raft 304 条。此时心跳成了大头：Raft 每 50 毫秒发送 AppendEntries 并收到回复，Bully 每 100 毫秒向每个节点发一次 Heartbeat。',
        ),
        question: tx('Over a day, which costs more: elections or heartbeats?', '以一天计，选举和心跳哪个开销更大？'),
      },
    ],
  },
  {
    id: 'compare-paxos-raft',
    group: 'compare',
    algorithms: ['raft', 'paxos'],
    scenario: scenarioOf(paxosRaftCompare),
    untilMs: 1500,
    covers: ['paxos:vs-raft'],
    title: tx('Multi-Paxos vs Raft: what an election, a write and a heartbeat cost', 'Multi-Paxos 对比 Raft：一次选举、一次写入、一次心跳的代价'),
    goal: tx(
      'Run one script on Raft and Multi-Paxos (same seed, same timers) and count the messages of each phase.',
      '在 Raft 和 Multi-Paxos 上运行同一脚本（同一种子、同样的计时器），数一数每个阶段的消息数。',
    ),
    steps: [
      {
        pause: { on: 'leader', leader: 5, pane: 'raft' },
        text: tx(
          'Both elect node 5 at the same moment. Raft: 4 RequestVote, 4 replies and a first AppendEntries round (with its no-op entry), 14 messages by then. Paxos: 4 Prepare, 4 Promise, 4 Heartbeat = 3(N−1) = 12.',
          '两边在同一时刻选出节点 5。Raft：4 条 RequestVote、4 条回复，再加第一轮 AppendEntries（带空操作条目），此时共 14 条。Paxos：4 条 Prepare、4 条 Promise、4 条心跳 = 3(N−1) = 12 条。',
        ),
        question: tx('Which message of Raft has no counterpart in Paxos\' election?', 'Raft 选举中的哪种消息在 Paxos 选举里没有对应？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'commit', node: 5, value: 'x', pane: 'raft' },
        text: tx(
          'A write "x": Raft sends AppendEntries and gets replies, Paxos sends Accept and gets Accepted: 2(N−1) = 8 messages each. Once elected, a Multi-Paxos leader replicates exactly as a Raft leader does.',
          '写入“x”：Raft 发送 AppendEntries 并收到回复，Paxos 发送 Accept 并收到 Accepted：各 2(N−1) = 8 条消息。选出之后，Multi-Paxos 领导者的复制方式与 Raft 领导者完全相同。',
        ),
      },
      {
        pause: { at: 1500 },
        text: tx(
          'From 1.0 s to 1.5 s: Raft sent 80 messages, Paxos 40. Raft followers answer every heartbeat; Paxos followers do not. The price: like Raft without CheckQuorum, a Paxos leader cannot tell it lost its majority.',
          '从 1.0 秒到 1.5 秒：Raft 发了 80 条消息，Paxos 只有 40 条。Raft 的跟随者回复每次心跳，Paxos 的跟随者不回复。代价是：就像没有 CheckQuorum 的 Raft，Paxos 领导者无法察觉自己失去了多数派。',
        ),
        question: tx('When would a leader need to know that it lost its majority?', '什么时候领导者需要知道自己失去了多数派？'),
      },
    ],
  },
];
