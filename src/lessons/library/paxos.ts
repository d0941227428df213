/** Multi-Paxos (src/engine/algorithms/paxos/README.md, rules P1–P11): six lessons on the engine's own scenarios. */
import type { Lesson } from '../types';
import { engineScenario, tx } from './util';

export const PAXOS_LESSONS: readonly Lesson[] = [
  {
    id: 'paxos-cold-start',
    group: 'paxos',
    algorithms: ['paxos'],
    ...engineScenario('paxos', 'cold-start'),
    covers: ['paxos:cold-start'],
    title: tx('Multi-Paxos: one Phase 1 elects a leader', 'Multi-Paxos：一次阶段一选出领导者'),
    goal: tx(
      'Watch a proposer win Phase 1 with a ballot, become the leader, and then commit a write with Phase 2 alone.',
      '观察一个提议者用一个选票编号赢得阶段一、成为领导者，然后只用阶段二提交一次写入。',
    ),
    steps: [
      {
        pause: { on: 'state', role: 'proposer' },
        text: tx(
          'Everyone starts as a follower. Node 5\'s random leader timer fires first: it picks ballot 1.5 (round 1, node 5), promises it to itself and sends Prepare to the other four.',
          '所有节点起初都是跟随者。节点 5 的随机领导者计时器最先到期：它选取选票 1.5（第 1 轮、节点 5），先向自己承诺，再向其他四个节点发送 Prepare。',
        ),
        question: tx('Why does a ballot carry the node id as well as the round?', '为什么选票除了轮次还要带上节点编号？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'send', kind: 'Promise' },
        text: tx(
          'An acceptor answers with a Promise: it will never accept anything below ballot 1.5. The Promise lists every value it already accepted; the log is empty, so the list is too.',
          '接受者回复 Promise：它保证不再接受低于 1.5 的任何选票。Promise 里列出它已接受的所有值；日志是空的，所以列表也是空的。',
        ),
      },
      {
        pause: { on: 'state', role: 'leader' },
        text: tx(
          'Three Promises of five, its own included: a majority. Node 5 leads ballot 1.5 and at once sends its first Heartbeat. The election cost 4 Prepare + 4 Promise + 4 Heartbeat = 3(N−1) = 12 messages.',
          '五个节点中有三个承诺（包括它自己）：过半数。节点 5 成为选票 1.5 的领导者，立即发出第一轮心跳。这次选举共 4 条 Prepare + 4 条 Promise + 4 条心跳 = 3(N−1) = 12 条消息。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'commit', node: 5, value: 'x' },
        text: tx(
          'A client writes "x". The leader sends Accept for slot 1 in ballot 1.5; a majority answers Accepted, so "x" is chosen. 2(N−1) = 8 messages, and no new Phase 1: one Phase 1 covers the whole log.',
          '客户端写入“x”。领导者以选票 1.5 为槽位 1 发送 Accept；过半数回复 Accepted，于是“x”被选定。只需 2(N−1) = 8 条消息，无需再做阶段一：一次阶段一覆盖整个日志。',
        ),
        question: tx('Why can the leader skip Phase 1 for this write?', '为什么这次写入领导者可以跳过阶段一？'),
      },
      {
        pause: { on: 'commit', node: 4, value: 'x' },
        text: tx(
          'The followers learn that "x" was chosen from the commit point in the next Heartbeat. Steady state costs only N−1 = 4 Heartbeats per 50 ms: followers do not answer them.',
          '跟随者从下一次心跳携带的提交位置得知“x”已被选定。稳定状态下每 50 毫秒只需 N−1 = 4 条心跳：跟随者不回复心跳。',
        ),
      },
    ],
  },
  {
    id: 'paxos-leader-crash',
    group: 'paxos',
    algorithms: ['paxos'],
    ...engineScenario('paxos', 'leader-crash'),
    covers: ['paxos:leader-crash'],
    title: tx('Multi-Paxos: the leader crashes', 'Multi-Paxos：领导者崩溃'),
    goal: tx(
      'See the lease run out, a new leader win Phase 1 with a higher ballot, and a revived node catch up.',
      '观察租约到期、新领导者以更高的选票赢得阶段一，以及恢复的节点如何追上进度。',
    ),
    steps: [
      {
        pause: { on: 'commit', node: 5, value: 'a' },
        text: tx('Node 5 leads ballot 1.5 and "a" is chosen in slot 1.', '节点 5 是选票 1.5 的领导者，“a”在槽位 1 被选定。'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'fault', do: 'crashLeader' },
        text: tx(
          'The leader crashes. Its Heartbeats stop; each follower\'s random lease timer (150–300 ms) is now running out.',
          '领导者崩溃了。它的心跳停止；每个跟随者的随机租约计时器（150–300 毫秒）开始走向到期。',
        ),
        question: tx('Who will start Phase 1?', '谁会发起阶段一？'),
      },
      {
        pause: { on: 'state', role: 'proposer', after: 1000 },
        text: tx(
          'Node 4\'s lease ran out first. It picks ballot 2.4, above every round it has seen. It already knows slot 1 is chosen, so its Prepare covers the log from slot 2 on.',
          '节点 4 的租约最先到期。它选取选票 2.4，高于它见过的所有轮次。它已经知道槽位 1 被选定，所以它的 Prepare 只覆盖从槽位 2 开始的日志。',
        ),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'A majority promised ballot 2.4: node 4 leads. Nobody voted in a "term": a higher ballot simply outranks every older one. The write "b" will go to slot 2.',
          '过半数节点承诺了选票 2.4：节点 4 成为领导者。这里没有“任期投票”：更高的选票自然压过所有旧选票。写入“b”将进入槽位 2。',
        ),
        highlight: { nodes: [4] },
      },
      {
        pause: { on: 'send', kind: 'CatchUp' },
        text: tx(
          'Node 5 is back. Its promise and accepted values were on disk; what it had learned was not. A Heartbeat says "chosen up to slot 2", so it asks its new leader with CatchUp.',
          '节点 5 恢复了。它的承诺和已接受的值保存在磁盘上，已学到的结果则丢失了。心跳告诉它“已选定到槽位 2”，于是它向新领导者发送 CatchUp。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'commit', node: 5, value: 'b' },
        text: tx(
          'The leader resends the chosen values as Accepts of ballot 2.4; node 5 learns "a" and "b" again. Every node has the same log.',
          '领导者把已选定的值以选票 2.4 的 Accept 重新发送；节点 5 重新学到“a”和“b”。所有节点的日志一致。',
        ),
      },
    ],
  },
  {
    id: 'paxos-duel-livelock',
    group: 'paxos',
    algorithms: ['paxos'],
    ...engineScenario('paxos', 'duel-livelock'),
    covers: ['paxos:duel-livelock'],
    title: tx('Multi-Paxos: duelling proposers, no back-off', 'Multi-Paxos：提议者决斗，没有退避'),
    goal: tx(
      'See two or more proposers pre-empt each other forever when nobody backs off: a livelock.',
      '观察当没有人退避时，多个提议者如何无休止地互相抢占：活锁。',
    ),
    steps: [
      {
        pause: { on: 'state', role: 'proposer' },
        text: tx(
          'The lease here is drawn from 150–160 ms only, so several nodes start Phase 1 within a few milliseconds of each other. Back-off is switched off.',
          '这里的租约只在 150–160 毫秒之间抽取，所以几个节点几乎同时发起阶段一。退避被关闭了。',
        ),
      },
      {
        pause: { on: 'send', kind: 'Nack' },
        text: tx(
          'An acceptor that promised a higher ballot refuses a lower one with a Nack naming the higher ballot. Without back-off the loser retries at once, one round higher, and pre-empts the winner.',
          '已承诺更高选票的接受者用 Nack 拒绝较低的选票，并告知那个更高的选票。没有退避时，失败者立即以高一轮的选票重试，反过来抢占了胜者。',
        ),
        question: tx('What happens when the pre-empted proposer does the same?', '被抢占的提议者也这样做，会发生什么？'),
      },
      {
        pause: { at: 1000 },
        text: tx(
          'One second in: still no leader that a majority follows. Each Prepare pre-empts the other proposer just before it can finish.',
          '一秒过去了：仍然没有被过半数跟随的领导者。每条 Prepare 都恰好在对方完成之前抢占了它。',
        ),
      },
      {
        pause: { at: 3000 },
        text: tx(
          'Three seconds: the round passed 200 and thousands of Prepares and Nacks flew, yet nothing was ever chosen. Safety held; liveness did not. The FLP result says no protocol can guarantee both.',
          '三秒后：轮次超过 200，发出了数千条 Prepare 和 Nack，却什么都没有被选定。安全性始终成立，活性却没有。FLP 定理表明，没有协议能同时保证二者。',
        ),
        question: tx('What would break this symmetry?', '怎样才能打破这种对称？'),
      },
    ],
  },
  {
    id: 'paxos-duel-backoff',
    group: 'paxos',
    algorithms: ['paxos'],
    ...engineScenario('paxos', 'duel-backoff'),
    covers: ['paxos:duel-backoff'],
    title: tx('Multi-Paxos: the same duel with random back-off', 'Multi-Paxos：同样的决斗，随机退避'),
    goal: tx(
      'Same script, back-off on: a pre-empted proposer waits a random time, and the duel ends within a few hundred milliseconds.',
      '同一脚本，开启退避：被抢占的提议者等待一段随机时间，决斗在几百毫秒内结束。',
    ),
    steps: [
      {
        pause: { on: 'state', node: 4, role: 'proposer' },
        text: tx(
          'All five nodes became proposers within 6 ms, with ballots 1.1 to 1.5. Ballot 1.5 outranks the others, so acceptors Nack the rest.',
          '五个节点在 6 毫秒内都成了提议者，选票从 1.1 到 1.5。选票 1.5 最高，接受者用 Nack 拒绝其余的。',
        ),
      },
      {
        pause: { on: 'state', role: 'leader' },
        text: tx(
          'Node 5 wins Phase 1. The pre-empted ones now wait a random 0–150 ms before trying again; most hear node 5\'s Heartbeat first and simply follow.',
          '节点 5 赢得阶段一。被抢占的节点现在先随机等待 0–150 毫秒再重试；大多数会先收到节点 5 的心跳，于是直接跟随。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 4 },
        text: tx(
          'Node 4 drew a short wait and tried again with ballot 2.4 before the Heartbeat reached it: it takes over. The others are still waiting, so it finishes undisturbed.',
          '节点 4 抽到的等待很短，在心跳到达前就以选票 2.4 重试：它接管了领导权。其他节点仍在等待，所以它顺利完成。',
        ),
        highlight: { nodes: [4] },
      },
      {
        pause: { at: 3000 },
        text: tx(
          'Node 4 still leads three seconds later. Randomness does not make the duel impossible, only ever less likely to go on: Raft\'s random election timeouts play the same role.',
          '三秒后节点 4 仍是领导者。随机性并不能杜绝决斗，只是让它越来越不可能持续下去：Raft 的随机选举超时起着同样的作用。',
        ),
        question: tx('Why is the back-off drawn at random rather than fixed?', '为什么退避时间要随机抽取，而不是固定值？'),
      },
    ],
  },
  {
    id: 'paxos-minority-accepted',
    group: 'paxos',
    algorithms: ['paxos'],
    ...engineScenario('paxos', 'minority-accepted'),
    covers: ['paxos:minority-accepted'],
    title: tx('Multi-Paxos: re-proposing what a minority accepted', 'Multi-Paxos：重新提议少数派接受的值'),
    goal: tx(
      'See why a new leader must re-propose the values its Promises report: the rule that makes Paxos safe.',
      '理解为什么新领导者必须重新提议 Promise 中报告的值：这正是 Paxos 安全性的关键规则。',
    ),
    steps: [
      {
        pause: { on: 'send', kind: 'Accepted', after: 1000 },
        text: tx(
          'Node 5 leads, but its links to nodes 1–3 were just cut one way. Its Accept of "x" for slot 1 reaches node 4 only: two acceptors of five, not chosen.',
          '节点 5 是领导者，但它到节点 1–3 的链路刚被单向切断。它为槽位 1 发送的“x”只有节点 4 收到：五个接受者中只有两个，未被选定。',
        ),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'fault', do: 'crash', node: 3 },
        text: tx(
          'Nodes 5 and 3 crash. Nodes 1, 2 and 4 are alive: exactly a majority, so any new leader must hear from node 4.',
          '节点 5 和 3 崩溃。存活的是节点 1、2、4：恰好过半数，所以任何新领导者都必须收到节点 4 的回复。',
        ),
        question: tx('Is "x" lost?', '“x”丢失了吗？'),
      },
      {
        pause: { on: 'state', role: 'leader', after: 1040 },
        text: tx(
          'Node 1 wins ballot 2.1. Node 4\'s Promise reported "x" accepted in slot 1 in ballot 1.5, the highest there, so node 1 proposes "x" again in slot 1.',
          '节点 1 赢得选票 2.1。节点 4 的 Promise 报告它在槽位 1 以选票 1.5 接受了“x”（该槽位最高的选票），所以节点 1 在槽位 1 重新提议“x”。',
        ),
        highlight: { nodes: [1, 4] },
      },
      {
        pause: { on: 'commit', node: 1, value: 'x' },
        text: tx(
          '"x" is chosen, in ballot 2.1. Had it been chosen in ballot 1.5, the same rule would have kept it. A leader that ignored its Promises (the ignorePromisedValues switch) could overwrite a chosen value.',
          '“x”以选票 2.1 被选定。若它早在选票 1.5 就被选定，同一条规则也会保住它。忽略 Promise 的领导者（ignorePromisedValues 开关）可能覆盖已选定的值。',
        ),
      },
    ],
  },
  {
    id: 'paxos-partition',
    group: 'paxos',
    algorithms: ['paxos'],
    ...engineScenario('paxos', 'partition'),
    covers: ['paxos:partition'],
    title: tx('Multi-Paxos: a leader in the minority cannot commit', 'Multi-Paxos：少数派中的领导者无法提交'),
    goal: tx(
      'Cut the leader off with one follower and see that its writes are never chosen, while the majority goes on.',
      '把领导者和一个跟随者隔离出去，观察它的写入永远不会被选定，而多数派照常运行。',
    ),
    steps: [
      {
        pause: { on: 'fault', do: 'partition' },
        text: tx('The network splits: leader 5 and node 4 on one side, nodes 1–3 on the other.', '网络分裂：领导者 5 和节点 4 在一边，节点 1–3 在另一边。'),
        highlight: { nodes: [4, 5] },
      },
      {
        pause: { on: 'write', node: 5 },
        text: tx(
          'Node 5 still believes it leads and takes the write "lost". Only node 4 can accept it: 2 of 5, never a majority, never chosen.',
          '节点 5 仍以为自己是领导者，接受了写入“lost”。只有节点 4 能接受它：五个中的两个，永远达不到过半数，永远不会被选定。',
        ),
        question: tx('What should the client be told?', '应该怎样答复客户端？'),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'leader', leader: 3 },
        text: tx(
          'The majority side stops hearing Heartbeats and elects node 3 with ballot 2.3. Two nodes now claim to lead, but only one can get a majority of Accepted.',
          '多数派一侧收不到心跳，以选票 2.3 选出节点 3。此时有两个节点自称领导者，但只有一个能得到过半数的 Accepted。',
        ),
        highlight: { nodes: [3] },
      },
      {
        pause: { on: 'commit', node: 3, value: 'kept' },
        text: tx('Node 3 commits "kept" in slot 1 with nodes 1 and 2.', '节点 3 与节点 1、2 一起在槽位 1 提交了“kept”。'),
      },
      {
        pause: { on: 'send', kind: 'Nack', to: 5, after: 2000 },
        text: tx(
          'The network heals. Node 5\'s next Heartbeat is refused with a Nack naming ballot 2.3: it learns it was deposed and steps down.',
          '网络恢复。节点 5 的下一次心跳被 Nack 拒绝，Nack 中写明选票 2.3：它得知自己已被取代，随即退位。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'commit', node: 5, value: 'kept' },
        text: tx(
          'Nodes 4 and 5 follow node 3 and learn "kept" in slot 1; "lost" was never chosen, so nothing chosen was undone.',
          '节点 4 和 5 跟随节点 3，并在槽位 1 学到“kept”；“lost”从未被选定，所以没有任何已选定的值被撤销。',
        ),
      },
    ],
  },
];
