/** Bully (seed: 立嫡立长，Bully 算法; protocols.md §3.6). */
import bullyLostAlive from '../scenarios/bully-lost-alive.json';
import bullyRule from '../scenarios/bully-rule.json';
import exploredSplitBrain from '../scenarios/explored-split-brain.json';
import type { Lesson } from '../types';
import { EXPLORE_RAFT_SAFE, EXPLORE_BULLY_SPLIT } from './explore-forms';
import { engineScenario, scenarioOf, tx } from './util';

export const BULLY_LESSONS: readonly Lesson[] = [
  {
    id: 'bully-rule',
    group: 'bully',
    algorithms: ['bully'],
    scenario: scenarioOf(bullyRule),
    untilMs: 2000,
    covers: ['seed:bully-rule', 'seed:bully-messages', 'seed:bully-global-ids', 'seed:bully-fast-simple'],
    title: tx('Bully: the eldest rules', 'Bully 算法：长者为大'),
    goal: tx(
      'Follow the three Bully messages (Election, Alive, Victory) and see why the highest live id always wins.',
      '跟踪 Bully 的三种消息（Election、Alive、Victory），理解为什么总是存活节点中 ID 最大的当选。',
    ),
    steps: [
      {
        pause: { on: 'leader', leader: 'any' },
        text: tx(
          'At start every node checks the ids above its own. Node 5 has none, so it sends Victory at once; 50 ms later all follow node 5.',
          '启动时，每个节点都查看比自己 ID 大的节点。节点 5 上面没有更大的 ID，于是直接发送 Victory；50 毫秒后所有节点都服从节点 5。',
        ),
        question: tx(
          'Node 1 sent Election to 2, 3, 4 and 5. How did it know those ids?',
          '节点 1 向 2、3、4、5 发送了 Election。它是怎么知道这些 ID 的？',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'fault', do: 'crash', node: 5 },
        text: tx(
          'Leader 5 crashes. The others notice when its heartbeats stop for 300 ms (the leader timeout).',
          '主节点 5 宕机。其他节点在 300 毫秒收不到它的心跳（主节点超时）后才会察觉。',
        ),
        question: tx('Which node will win — and why not node 3?', '哪个节点会当选？为什么不是节点 3？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'send', kind: 'Election', after: 1000 },
        text: tx(
          'Node 3 notices first and sends Election to every higher id: 4 and 5. Nodes 1 and 2 do the same a moment later.',
          '节点 3 最先察觉，向所有比它大的 ID（4 和 5）发送 Election。节点 1、2 随后也这样做。',
        ),
        highlight: { nodes: [3] },
      },
      {
        pause: { on: 'send', kind: 'Alive', from: 4 },
        text: tx(
          'Node 4 answers Alive: "I am bigger than you, stand down." Node 3 now only waits for someone\'s Victory.',
          '节点 4 回复 Alive：“我比你大，你退下。”节点 3 从此只等待别人的 Victory。',
        ),
        highlight: { nodes: [4, 3] },
      },
      {
        pause: { on: 'send', kind: 'Victory', from: 4 },
        text: tx(
          'Node 4\'s own Election to node 5 got no Alive within 100 ms (the answer timeout), so 4 declares Victory to 1, 2 and 3.',
          '节点 4 发给节点 5 的 Election 在 100 毫秒（应答超时）内没有收到 Alive，于是 4 向 1、2、3 发送 Victory。',
        ),
        question: tx('How many messages would it take if node 1 had noticed first?', '如果最先察觉的是节点 1，需要多少条消息？'),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'Everyone follows node 4, about 450 ms after the crash. Fast and simple: no votes, no majority, just "the largest live id".',
          '宕机约 450 毫秒后，所有节点都服从节点 4。快速而简单：不投票、不需要多数，只看“活着的最大 ID”。',
        ),
        highlight: { nodes: [4] },
      },
    ],
  },
  {
    id: 'bully-best-case',
    group: 'bully',
    algorithms: ['bully'],
    ...engineScenario('bully', 'bully-best-case'),
    covers: ['p3.6.1', 'seed:bully-fast-simple'],
    title: tx('Bully at its best: N − 1 messages', 'Bully 的最好情况：N − 1 条消息'),
    goal: tx(
      'Count the messages of one Bully election when the second-highest node starts it.',
      '数一数：当第二大的节点发起选举时，一次 Bully 选举需要多少条消息。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'crash', node: 6 },
        text: tx(
          'Six nodes. Leader 6 and node 5 crash together; the others\' failure detectors are set very slow, so only node 5 will start an election.',
          '六个节点。主节点 6 和节点 5 同时宕机；其他节点的故障检测被调得很慢，所以只有节点 5 会发起选举。',
        ),
        highlight: { nodes: [6] },
      },
      {
        pause: { on: 'send', kind: 'Election', from: 5 },
        text: tx(
          'Node 5 comes back and sends Election to the only higher id, node 6 — which is dead.',
          '节点 5 恢复后，向唯一比它大的节点 6 发送 Election——而节点 6 已经宕机。',
        ),
        question: tx('How long will node 5 wait for an Alive?', '节点 5 会等待 Alive 多久？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'send', kind: 'Victory', from: 5 },
        text: tx(
          'No Alive within the 100 ms answer timeout: node 5 sends Victory to nodes 1–4.',
          '100 毫秒应答超时内没有收到 Alive：节点 5 向节点 1–4 发送 Victory。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 5 },
        text: tx(
          'Node 5 leads. Election messages: 1 Election + 4 Victory = 5 = N − 1 (N − 2 if it skipped the known-dead node 6).',
          '节点 5 成为主节点。选举消息共 1 条 Election + 4 条 Victory = 5 = N − 1（若跳过已知宕机的节点 6，则为 N − 2）。',
        ),
        question: tx('Now guess the count when node 1, the lowest, starts instead.', '现在猜一猜：如果由最小的节点 1 发起，会是多少条？'),
      },
    ],
  },
  {
    id: 'bully-worst-case',
    group: 'bully',
    algorithms: ['bully'],
    ...engineScenario('bully', 'bully-worst-case'),
    covers: ['p3.6.1'],
    title: tx('Bully at its worst: N² − N − 1 messages', 'Bully 的最坏情况：N² − N − 1 条消息'),
    goal: tx(
      'Count the messages when the lowest node starts the election: every node in between starts its own.',
      '数一数：当最小的节点发起选举时，中间的每个节点都会再发起自己的选举。',
    ),
    steps: [
      {
        pause: { on: 'send', kind: 'Election', from: 1, after: 1500 },
        text: tx(
          'Leader 6 is dead. Node 1 (the lowest) comes back and sends Election to all higher ids: 2, 3, 4, 5, 6 — 5 messages.',
          '主节点 6 已宕机。最小的节点 1 恢复后，向所有更大的 ID（2、3、4、5、6）发送 Election——5 条消息。',
        ),
        question: tx('What does each of nodes 2–5 do when it gets this Election?', '节点 2–5 收到这条 Election 后会做什么？'),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'send', kind: 'Election', from: 5 },
        text: tx(
          'Each of 2–5 answers Alive and starts its own election upwards: 4 + 3 + 2 + 1 more Election messages.',
          '节点 2–5 各自回复 Alive，并向上发起自己的选举：又多了 4 + 3 + 2 + 1 条 Election。',
        ),
        highlight: { nodes: [2, 3, 4, 5] },
      },
      {
        pause: { on: 'send', kind: 'Victory', from: 5 },
        text: tx(
          'Every node answers every lower asker: 1 + 2 + 3 + 4 = 10 Alive. Only node 5 hears nothing back and sends Victory to 1–4.',
          '每个节点都要回复所有比它小的发起者：1 + 2 + 3 + 4 = 10 条 Alive。只有节点 5 没有收到回复，于是向 1–4 发送 Victory。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 5 },
        text: tx(
          '15 Election + 10 Alive + 4 Victory = 29 = N² − N − 1 messages for N = 6: O(N²), against N − 1 in the best case.',
          '15 条 Election + 10 条 Alive + 4 条 Victory = 29 = N² − N − 1（N = 6）：O(N²)，而最好情况只要 N − 1 条。',
        ),
        question: tx('With 100 nodes, roughly how many messages in the worst case?', '如果有 100 个节点，最坏情况下大约需要多少条消息？'),
      },
    ],
  },
  {
    id: 'bully-void-victory',
    group: 'bully',
    algorithms: ['bully'],
    ...engineScenario('bully', 'bully-void-victory'),
    covers: ['seed:bully-void-victory', 'p3.6.4'],
    title: tx('A late Alive voids a victory', '迟到的 Alive 让胜利无效'),
    goal: tx(
      'See the seed\'s rule: a node that declared Victory and then hears Alive from a bigger node must start over.',
      '观察种子文本中的规则：发出 Victory 之后又收到更大节点的 Alive，则结果无效，重新选举。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'crash', node: 3 },
        text: tx(
          'Three nodes; leader 3 crashes and the network slows down: every message now takes 60 ms, so an Election and its Alive need 120 ms.',
          '三个节点；主节点 3 宕机，同时网络变慢：每条消息要 60 毫秒，一来一回的 Election 和 Alive 需要 120 毫秒。',
        ),
        question: tx('The answer timeout is 100 ms. What will go wrong?', '应答超时是 100 毫秒。会出什么问题？'),
        highlight: { nodes: [3] },
      },
      {
        pause: { on: 'send', kind: 'Election', from: 1 },
        text: tx(
          'Node 2 has already asked node 3. Now node 1 sends Election to 2 and 3 and starts its 100 ms answer timer.',
          '节点 2 已经向节点 3 发出询问。现在节点 1 向 2 和 3 发送 Election，并启动 100 毫秒的应答计时。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'state', node: 1, role: 'leader' },
        text: tx(
          'No Alive within 100 ms: node 1 declares itself leader. Node 2 has also won, so for a moment there are two leaders, 1 and 2.',
          '100 毫秒内没有收到 Alive：节点 1 宣布自己是主节点。而节点 2 也已胜出，于是短时间内出现两个主节点：1 和 2。',
        ),
        question: tx('Which of the two should give up, and what tells it to?', '两者中谁应该让位？什么消息会让它知道？'),
        highlight: { nodes: [1, 2] },
      },
      {
        pause: { on: 'state', node: 1, role: 'electing' },
        text: tx(
          'Node 2\'s Alive finally arrives. By the void-victory rule node 1\'s victory is invalid: it starts a new election.',
          '节点 2 的 Alive 终于到达。按照“结果无效，重新选举”的规则，节点 1 的胜利作废，重新发起选举。',
        ),
        highlight: { nodes: [1] },
      },
      {
        pause: { on: 'leader', leader: 2 },
        text: tx(
          'Node 2\'s Victory reaches node 1, which follows it. Bully assumes messages arrive in bounded time; when they do not, leaders can overlap.',
          '节点 2 的 Victory 到达节点 1，节点 1 服从它。Bully 假设消息在限定时间内到达；一旦不满足，就可能同时出现多个主节点。',
        ),
      },
    ],
  },
  {
    id: 'bully-lost-alive',
    group: 'bully',
    algorithms: ['bully'],
    scenario: scenarioOf(bullyLostAlive),
    untilMs: 3000,
    covers: ['p3.6.5', 'seed:bully-messages'],
    title: tx('A lost Alive: Victory settles it', 'Alive 丢失：由 Victory 收场'),
    goal: tx(
      'See what corrects a wrong leader when the Alive that would void its victory never arrives.',
      '观察当本应让胜利作废的 Alive 根本没有到达时，是什么纠正了错误的主节点。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'crash', node: 3 },
        text: tx(
          'The same start as the void-victory lesson: three nodes, leader 3 crashes, every message now takes 60 ms.',
          '与“迟到的 Alive”一课开头相同：三个节点，主节点 3 宕机，每条消息现在要 60 毫秒。',
        ),
        highlight: { nodes: [3] },
      },
      {
        pause: { on: 'state', node: 1, role: 'leader' },
        text: tx(
          'Node 1 got no Alive within 100 ms and declared itself leader; node 2 has also won. Two leaders again.',
          '节点 1 在 100 毫秒内没有收到 Alive，宣布自己是主节点；节点 2 也已胜出。又出现了两个主节点。',
        ),
        highlight: { nodes: [1, 2] },
      },
      {
        pause: { on: 'drop', kind: 'Alive' },
        text: tx(
          'This time node 2\'s Alive is lost on the way (the link 2 → 1 is cut for a moment). The void-victory rule cannot fire.',
          '这一次，节点 2 的 Alive 在途中丢失（2 → 1 的链路短暂中断）。“结果无效，重新选举”的规则无从触发。',
        ),
        question: tx('What else can tell node 1 that it is not the leader?', '还有什么能告诉节点 1 它不是主节点？'),
        highlight: { nodes: [1, 2] },
      },
      {
        pause: { on: 'state', node: 1, role: 'follower' },
        text: tx(
          'Node 2\'s Victory arrives: a node that hears Victory from a bigger id follows it. Node 1 steps down without a new election.',
          '节点 2 的 Victory 到达：收到更大 ID 发来的 Victory 的节点会服从它。节点 1 不经新选举便退位了。',
        ),
        highlight: { nodes: [1, 2] },
      },
    ],
  },
  {
    id: 'bully-last-op',
    group: 'bully',
    algorithms: ['bully'],
    ...engineScenario('bully', 'bully-last-op-rank'),
    covers: ['seed:bully-mongodb-lastop', 'p3.6.7'],
    title: tx('Freshest data wins: rank by last operation (MongoDB)', '数据最新者为大：按最后操作时间排名（MongoDB）'),
    goal: tx(
      'Use the time of a node\'s last write as its "id": the node with the freshest data wins, whatever its id.',
      '用节点最后一次写入的时间作为它的“ID”：数据最新的节点胜出，与原本的 ID 无关。',
    ),
    steps: [
      {
        pause: { on: 'leader', leader: 'any' },
        text: tx(
          'Rank = (time of last write, id). Nobody has written yet, so all times are 0 and the id breaks the tie: node 5 leads.',
          '排名 =（最后写入时间，ID）。还没有任何写入，时间都是 0，由 ID 决定：节点 5 成为主节点。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'write', node: 2 },
        text: tx(
          'At 0.5 s node 2 takes a write. Its rank becomes (500, 2), higher than every other node\'s.',
          '0.5 秒时节点 2 接受了一次写入，排名变为 (500, 2)，高于其他所有节点。',
        ),
        question: tx('Leader 5 crashes next. Who will win: 4, or 2?', '接下来主节点 5 宕机。谁会胜出：4 还是 2？'),
        highlight: { nodes: [2] },
      },
      {
        pause: { on: 'leader', leader: 2 },
        text: tx(
          'Node 2 wins although 3 and 4 have higher ids: like MongoDB, the node with the newest operation is the "largest".',
          '虽然 3 和 4 的 ID 更大，节点 2 仍然胜出：和 MongoDB 一样，最后操作时间最新的节点就是“最大”的节点。',
        ),
        highlight: { nodes: [2] },
      },
      {
        pause: { on: 'write', node: 4 },
        text: tx('At 2.5 s node 4 takes a write: rank (2500, 4), now the freshest.', '2.5 秒时节点 4 接受写入：排名 (2500, 4)，成为数据最新的节点。'),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'Leader 2 crashes and node 4 wins: the winner changes with the data, not with a fixed id.',
          '主节点 2 宕机，节点 4 胜出：胜者随数据而变，而不是固定的 ID。',
        ),
        question: tx('Why would a database prefer the freshest node as its leader?', '为什么数据库希望由数据最新的节点当主节点？'),
      },
    ],
  },
  {
    id: 'bully-flapping',
    group: 'bully',
    algorithms: ['bully'],
    ...engineScenario('bully', 'bully-flapping'),
    covers: ['seed:bully-flapping', 'p3.6.2'],
    title: tx('The highest node keeps coming back: Bully flaps', '最大节点反复重启：Bully 频繁切主'),
    goal: tx(
      'Watch node 5 crash and revive every second: each revival takes the leadership back at once.',
      '观察节点 5 每秒宕机又恢复：每次恢复都会立刻夺回主节点之位。',
    ),
    steps: [
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'Leader 5 crashed at 1 s. The others noticed after the 300 ms leader timeout and elected node 4.',
          '主节点 5 在 1 秒时宕机。其他节点在 300 毫秒的主节点超时后察觉，选出了节点 4。',
        ),
        question: tx('Node 5 revives at 2 s. What will it do?', '节点 5 将在 2 秒时恢复。它会做什么？'),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'leader', leader: 5 },
        text: tx(
          'Node 5 comes back, sees no higher id and sends Victory right away: it leads again 30 ms later. Second leader change.',
          '节点 5 恢复后，发现没有更大的 ID，立即发送 Victory：30 毫秒后再次成为主节点。这是第二次切主。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 4, after: 2100 },
        text: tx('It crashes again at 3 s, and node 4 takes over again.', '它在 3 秒时再次宕机，节点 4 又一次接任。'),
      },
      {
        pause: { on: 'leader', leader: 5, after: 8000 },
        text: tx(
          'Four cycles, eight leader changes: two per crash and revive. Each crash leaves the cluster without a leader for about 0.45 s.',
          '四个周期，八次切主：每次宕机和恢复各一次。每次宕机都会让集群无主约 0.45 秒。',
        ),
        question: tx(
          'Would it help to give node 5 a smaller id? What would a better rule look like?',
          '把节点 5 的 ID 改小有用吗？更好的规则应该是什么样的？',
        ),
      },
    ],
  },
  {
    id: 'bully-split-brain',
    group: 'bully',
    algorithms: ['bully'],
    ...engineScenario('bully', 'bully-split-brain'),
    covers: ['p3.6.3'],
    title: tx('A partition gives Bully two leaders', '网络分区让 Bully 出现两个主节点'),
    goal: tx(
      'See that Bully, which needs no majority, elects a leader on each side of a partition.',
      '观察不需要多数票的 Bully 如何在网络分区的每一侧各选出一个主节点。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx(
          'Six nodes, leader 6. The network splits into {1, 2, 3} and {4, 5, 6}.',
          '六个节点，主节点为 6。网络被分成 {1, 2, 3} 和 {4, 5, 6} 两部分。',
        ),
        question: tx('What will nodes 1, 2 and 3 do when 6\'s heartbeats stop?', '收不到 6 的心跳后，节点 1、2、3 会怎么做？'),
      },
      {
        pause: { on: 'anomaly', kind: 'split-brain' },
        text: tx(
          'Node 3 is the largest id it can reach, so it wins its side. Now 3 and 6 both lead: a split brain. Each side may accept conflicting writes.',
          '节点 3 是它能联系到的最大 ID，于是在本侧胜出。现在 3 和 6 同时是主节点：脑裂。两侧可能接受相互冲突的写入。',
        ),
        question: tx('Could a rule like "needs more than half of the votes" have prevented this?', '如果规定“必须获得过半数投票”，能避免这种情况吗？'),
        highlight: { nodes: [3, 6] },
      },
      {
        pause: { on: 'fault', do: 'heal' },
        text: tx('The network heals.', '网络恢复。'),
      },
      {
        pause: { on: 'state', node: 3, role: 'follower' },
        text: tx(
          'Node 6\'s heartbeat reaches node 3, which is "bullied" into following 6 again. One leader — but what 3 did while it led is not reconciled.',
          '节点 6 的心跳到达节点 3，3 被“霸凌”而重新服从 6。又只剩一个主节点——但 3 当主期间所做的事不会被协调。',
        ),
        highlight: { nodes: [3, 6] },
      },
    ],
  },
  {
    id: 'explore-raft-safe-bully-not',
    group: 'bully',
    algorithms: ['bully'],
    // The explorer's own counterexample (EXPLORE_BULLY_SPLIT), as it wrote it: explore.test.ts checks that it
    // still writes exactly this scenario, which replays its pinned schedule here.
    scenario: scenarioOf(exploredSplitBrain),
    untilMs: 400,
    covers: ['explore-safe-vs-bully'],
    title: tx('Raft is safe in all 137,263 orderings, Bully is not — here is one', 'Raft 在全部 137,263 种顺序中都安全，Bully 不是——这里就有一种'),
    goal: tx(
      'See what a model checker says that one run cannot: the explorer tried every order of messages, timeouts and one crash for Raft and found no violation; for Bully it found split brain in three steps.',
      '看看模型检查器能说出而单次运行说不出的结论：探索器为 Raft 尝试了消息、超时和一次崩溃的每一种顺序，没有发现违规；而对 Bully，它三步就找到了脑裂。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx(
          'Raft at 3 nodes with one crash: every ordering of up to 7 steps, 137,263 states, no violation. Bully at 3 nodes with one partition: the explorer needed 302 states for this run. Node 3\'s Victory reached node 1, then the network split {1, 3} | {2}.',
          '3 个节点、允许一次崩溃的 Raft：7 步以内的每一种顺序，共 137,263 个状态，没有违规。3 个节点、允许一次分区的 Bully：探索器只检查了 302 个状态就找到这次运行。节点 3 的 Victory 到达了节点 1，随后网络分裂为 {1, 3} | {2}。',
        ),
        question: tx('Node 2 never heard the Victory. What will it do when its timer fires?', '节点 2 从未收到 Victory。它的定时器触发时会怎么做？'),
        highlight: { nodes: [2, 3] },
        explore: EXPLORE_RAFT_SAFE,
      },
      {
        pause: { on: 'anomaly', kind: 'split-brain' },
        text: tx(
          'Node 2\'s answer timer fired: nobody higher answered, so it declared itself leader. Node 3 leads {1, 3}, node 2 leads {2}: split brain, the counterexample the explorer found. Run it yourself: the same search, in this page.',
          '节点 2 的应答定时器触发：没有更大的节点回应，于是它宣布自己是主节点。节点 3 领导 {1, 3}，节点 2 领导 {2}：脑裂，正是探索器找到的反例。自己运行一次：同样的搜索，就在这个页面里。',
        ),
        highlight: { nodes: [2, 3] },
        explore: EXPLORE_BULLY_SPLIT,
      },
    ],
  },
];
