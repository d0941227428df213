/** Why elect a leader at all (the seed's opening section). */
import whyLeader from '../scenarios/why-leader.json';
import type { Lesson } from '../types';
import { scenarioOf, tx } from './util';

export const BASICS_LESSONS: readonly Lesson[] = [
  {
    id: 'why-leader',
    group: 'basics',
    algorithms: ['raft'],
    scenario: scenarioOf(whyLeader),
    untilMs: 3000,
    covers: ['seed:why-leader'],
    title: tx('Why elect a leader at all?', '为什么要选主？'),
    goal: tx(
      'See one leader put every write in the same order on all nodes, and see the cluster stall while it has no leader.',
      '观察主节点如何让每个节点以相同顺序写入数据，以及“无主”期间集群为何停摆。',
    ),
    steps: [
      {
        pause: { on: 'leader', leader: 'any' },
        text: tx(
          'Five nodes, no leader at first. After one short election node 5 is the leader: from now on every write goes through it.',
          '五个节点，起初没有主节点。经过一次短暂的选举，节点 5 成为主节点：此后所有写入都要经过它。',
        ),
        question: tx(
          'Why not let every node accept writes on its own?',
          '为什么不让每个节点各自接受写入？',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'commit', value: 'x=1', node: 4 },
        text: tx(
          'A client writes x=1 to leader 5. The leader copies it to the others; now all five nodes hold x=1 at the same position of their logs.',
          '客户端向主节点 5 写入 x=1。主节点把它复制给其他节点；现在五个节点日志的同一位置上都是 x=1。',
        ),
        question: tx('This is what "consistent" means here. Who decided the order?', '这就是“一致”的含义。是谁决定了写入的顺序？'),
      },
      {
        pause: { on: 'fault', do: 'crash', node: 5 },
        text: tx(
          'Leader 5 crashes. "A cluster cannot be without a leader for a moment" — nobody orders writes any more.',
          '主节点 5 宕机。“集群不可一刻无主”——现在没有节点来安排写入的顺序了。',
        ),
        highlight: { nodes: [5] },
      },
      {
        pause: { on: 'write', accepted: false },
        text: tx(
          'A client sends x=2 to node 3. Node 3 refuses: it is not the leader, and the leader it knows, node 5, is dead. The write is lost.',
          '客户端把 x=2 发给节点 3。节点 3 拒绝：它不是主节点，而它所知道的主节点 5 已经宕机。这次写入失败了。',
        ),
        question: tx(
          'What could go wrong if nodes 3 and 4 each accepted different writes now?',
          '如果此时节点 3 和节点 4 各自接受了不同的写入，会出现什么问题？',
        ),
        highlight: { nodes: [3] },
      },
      {
        pause: { on: 'leader', leader: 'any' },
        text: tx(
          'About 440 ms after the crash the survivors elect node 3 (the first try, in term 2, split the votes). The cluster has a leader again.',
          '宕机约 440 毫秒后，存活的节点选出了节点 3（第一次尝试，即任期 2，票数被瓜分了）。集群又有了主节点。',
        ),
        highlight: { nodes: [3] },
      },
      {
        pause: { on: 'commit', value: 'x=3', node: 4 },
        text: tx(
          'x=3, sent to the new leader 3, is committed after x=1 on nodes 1–4. Electing a leader is how the cluster keeps order and consistency.',
          '发给新主节点 3 的 x=3 在节点 1–4 上提交，排在 x=1 之后。选主，正是集群保持有序与数据一致的手段。',
        ),
        question: tx(
          'From the crash to the new leader no write could succeed. What decides how long that gap is?',
          '从宕机到新主节点产生，任何写入都无法成功。这段空窗期的长短由什么决定？',
        ),
      },
    ],
  },
];
