import { describe, expect, it } from 'vitest';
import { defaultScenario, runTrace } from '../../engine/run';
import { ALGORITHMS } from '../../engine/algorithms';
import type { AlgorithmName, Scenario, TimedAction, TraceEvent } from '../../engine/core/types';
import { en } from './en';
import { zh } from './zh';
import { filterNarrations, kindName, narrateTrace, Narrator, roleName, type Narration } from './index';

/** Every key path of a dictionary, with the kind of value (function / string / object). */
function shape(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.keys(o)
    .sort()
    .flatMap((k) => {
      const v = o[k];
      const p = `${prefix}${k}`;
      if (typeof v === 'object' && v !== null) return [`${p}:object`, ...shape(v as Record<string, unknown>, `${p}.`)];
      return [`${p}:${typeof v}`];
    });
}

describe('dictionaries', () => {
  it('en and zh have exactly the same keys, with values of the same kind', () => {
    expect(shape(zh as unknown as Record<string, unknown>)).toEqual(shape(en as unknown as Record<string, unknown>));
  });

  it('exports role and kind words per language', () => {
    expect(roleName('raft', 'candidate', 'zh')).toBe('候选者');
    expect(roleName('bully', 'leader', 'zh')).toBe('主节点');
    expect(roleName('zab', 'observing', 'en')).toBe('observing');
    expect(roleName('raft', 'weird', 'en')).toBe('weird');
    expect(kindName('Election', 'zh')).toBe('Election');
    expect(kindName('Heartbeat', 'zh')).toContain('心跳');
  });
});

// ---- real traces ------------------------------------------------------------------------------------------

const SCENARIOS: Record<AlgorithmName, { patch: Partial<Scenario>; events: TimedAction[]; until: number }[]> = {
  raft: [
    {
      patch: {},
      until: 4000,
      events: [
        { at: 600, do: 'write', node: 1, value: 'a' },
        { at: 700, do: 'crashLeader' },
        { at: 1200, do: 'write', node: 2, value: 7 },
        { at: 1300, do: 'partition', groups: [[1, 2], [3, 4, 5]] },
        { at: 1500, do: 'revive', node: 1 },
        { at: 1500, do: 'revive', node: 2 },
        { at: 1500, do: 'revive', node: 3 },
        { at: 1500, do: 'revive', node: 4 },
        { at: 1500, do: 'revive', node: 5 },
        { at: 2200, do: 'heal' },
        { at: 2300, do: 'cut', from: 1, to: 2, oneWay: true },
        { at: 2400, do: 'setDropRate', rate: 0.2 },
        { at: 2500, do: 'setLatency', min: 5, max: 60 },
        { at: 2600, do: 'crash', node: 3 },
        { at: 3000, do: 'restore', from: 1, to: 2 },
        { at: 3000, do: 'setDropRate', rate: 0 },
      ],
    },
    { patch: { seed: 7, options: { preVote: true, checkQuorum: true } }, until: 3000, events: [{ at: 800, do: 'partition', groups: [[1], [2, 3, 4, 5]] }, { at: 1800, do: 'heal' }, { at: 2000, do: 'crashLeader' }] },
  ],
  bully: [
    {
      patch: {},
      until: 3000,
      events: [
        { at: 500, do: 'crashLeader' },
        { at: 900, do: 'partition', groups: [[1, 2], [3, 4]] },
        { at: 1000, do: 'revive', node: 5 },
        { at: 1200, do: 'heal' },
        { at: 1500, do: 'write', node: 2, value: 'w' },
        { at: 1800, do: 'crash', node: 5 },
        { at: 2300, do: 'revive', node: 5 },
      ],
    },
    { patch: { seed: 3, network: { latency: { min: 10, max: 80 }, dropRate: 0.1 }, options: { priority: 'lastOp' } }, until: 3000, events: [{ at: 400, do: 'write', node: 2, value: 1 }, { at: 800, do: 'crashLeader' }] },
  ],
  paxos: [
    {
      // Writes to every node (only the leader takes one), a leader crash and revive (CatchUp), a partition with a
      // minority leader (Nack on the heal), loss (resent Accepts), and a duel without back-off.
      patch: { seed: 2 },
      until: 4000,
      events: [
        ...[1, 2, 3, 4, 5].map((node) => ({ at: 500, do: 'write' as const, node, value: 'a' })),
        { at: 700, do: 'crashLeader' },
        ...[1, 2, 3, 4].map((node) => ({ at: 1200, do: 'write' as const, node, value: 7 })),
        { at: 1500, do: 'revive', node: 5 },
        { at: 1800, do: 'partition', groups: [[4, 5], [1, 2, 3]] },
        ...[4, 5].map((node) => ({ at: 1900, do: 'write' as const, node, value: 'lost' })),
        { at: 2600, do: 'heal' },
        { at: 2700, do: 'setDropRate', rate: 0.2 },
        ...[1, 2, 3, 4, 5].map((node) => ({ at: 2800, do: 'write' as const, node, value: 'b' })),
        { at: 3200, do: 'setDropRate', rate: 0 },
        { at: 3300, do: 'crash', node: 1 },
      ],
    },
    { patch: { seed: 3, options: { leaderTimeoutMsMin: 150, leaderTimeoutMsMax: 160 } }, until: 1000, events: [] },
  ],
  zab: [
    {
      patch: { nodes: 5, observers: 1 },
      until: 6000,
      events: [
        { at: 1500, do: 'write', node: 2, value: 'x' },
        { at: 1600, do: 'write', node: 6, value: 'y' },
        { at: 2000, do: 'crashLeader' },
        { at: 4000, do: 'partition', groups: [[1, 2], [3, 4, 5, 6]] },
        { at: 5000, do: 'heal' },
        { at: 5200, do: 'revive', node: 5 },
      ],
    },
  ],
};

/** Latin words allowed in Chinese text: names, message kinds, and the seed's own words quoted by notes. */
const ALLOWED_LATIN = new Set([
  'Raft',
  'ZAB',
  'Bully',
  'ZooKeeper',
  'Multi-Paxos',
  'Paxos',
  'TCP', // ZAB's transport, and its packets' names
  'FIN',
  'RST',
  'zxid',
  'PreVote',
  'CheckQuorum',
  'ID', // the seed's own word: "ID 最大的节点", "事务 ID"
  ...Object.keys(en.kinds),
]);
const SEED_WORDS = new Set(['Leader', 'Follower', 'Candidate', 'Leading', 'server_id', 'server_zxID', 'epoch', 'n']);
const RULE_ID = /^(?:[A-Z]{1,2}\d+[a-z]?|[A-Z]-[A-Z]\d+|[A-Z]-[A-Z]{1,2}\d*)$/;

function checkText(s: string, where: string, zhText: boolean, note: boolean): void {
  expect(s.length, where).toBeGreaterThan(0);
  for (const bad of ['undefined', 'NaN', '[object Object]', '{', 'null']) expect(s.includes(bad), `${where}: ${bad} in "${s}"`).toBe(false);
  if (!zhText) return;
  expect(/[\u4e00-\u9fff]/.test(s), `${where}: no CJK in "${s}"`).toBe(true);
  // Client values are user data, shown between “ ”.
  for (const w of s.replace(/“[^”]*”/g, '').match(/[A-Za-z_][A-Za-z0-9_-]*/g) ?? []) {
    const ok = ALLOWED_LATIN.has(w) || RULE_ID.test(w) || (note && SEED_WORDS.has(w));
    expect(ok, `${where}: Latin word "${w}" in "${s}"`).toBe(true);
  }
}

function checkAll(lines: Narration[], events: TraceEvent[]): void {
  const covered = new Array<number>(events.length).fill(0);
  for (const n of lines) {
    for (let i = n.index; i < n.index + n.count; i++) covered[i]++;
    checkText(n.text.en, `en@${n.t}`, false, false);
    checkText(n.text.zh, `zh@${n.t}`, true, false);
    if (n.note) {
      checkText(n.note.text.en, `note en ${n.note.key}`, false, true);
      checkText(n.note.text.zh, `note zh ${n.note.key}`, true, true);
    }
    expect([0, 1, 2]).toContain(n.importance);
  }
  // Every event is explained by exactly one line.
  expect(covered.every((c) => c === 1)).toBe(true);
}

describe('real traces', () => {
  for (const alg of Object.keys(ALGORITHMS) as AlgorithmName[]) {
    for (const [i, sc] of (SCENARIOS[alg] ?? []).entries()) {
      it(`${alg} #${i}: every event has a clean sentence in both languages`, () => {
        const events = runTrace(defaultScenario({ algorithm: alg, ...sc.patch, events: sc.events }), sc.until);
        const lines = narrateTrace(events);
        checkAll(lines, events);
        expect(lines.some((l) => l.importance === 2 && l.category === 'leader')).toBe(true);
      });
    }
  }

  it('feeding event by event with a flush after every event gives the same coverage', () => {
    const events = runTrace(defaultScenario({ algorithm: 'raft', events: [{ at: 500, do: 'crashLeader' }] }), 1500);
    const n = new Narrator();
    const lines: Narration[] = [];
    for (const ev of events) lines.push(...n.feed(ev), ...n.flush());
    checkAll(lines, events);
  });
});

// ---- key situations ---------------------------------------------------------------------------------------

const texts = (lines: Narration[]) => lines.map((l) => l.text);

describe('Raft sentences', () => {
  const events = runTrace(defaultScenario({ algorithm: 'raft', events: [{ at: 500, do: 'crashLeader' }] }), 1200);
  const lines = narrateTrace(events);

  it('a candidate starting an election, with the randomized-timeout clarification', () => {
    const l = lines.find((x) => x.text.en.includes('becomes a candidate for term 1'));
    expect(l?.text.en).toBe("Node 5's election timer fired: it becomes a candidate for term 1, votes for itself and asks the others for votes.");
    expect(l?.text.zh).toContain('节点 5 的选举计时器超时');
    expect(l?.text.zh).toContain('任期 1 的候选者');
    expect(l?.note?.key).toBe('raftRandomTimeouts');
    // The explanation comes before its RequestVote broadcast, which becomes routine.
    const i = lines.indexOf(l as Narration);
    expect(lines[i + 1].text.en).toBe('Node 5 → all: RequestVote for term 1 (its log ends at entry 0 of term 0).');
    expect(lines[i + 1].count).toBe(4);
    expect(lines[i + 1].importance).toBe(0);
  });

  it('votes granted and refused, with the reason taken from the fields', () => {
    const t = texts(lines);
    expect(t.some((x) => x.en === 'Node 3 grants its vote to Node 5 for term 1.' && x.zh.includes('节点 3 在任期 1 把票投给节点 5'))).toBe(true);
    expect(t.some((x) => x.en === 'Node 1 refuses its vote to Node 5 for term 1: it is a candidate itself and voted for itself in term 1.')).toBe(true);
    expect(t.some((x) => x.en === 'Node 3 refuses its vote to Node 4 for term 1: it already voted for Node 5 in term 1.')).toBe(true);
    expect(lines.find((l) => l.note?.key === 'raftVoteRules')?.text.en).toMatch(/^Node 1 refuses its vote to Node 5/);
  });

  it('a new leader, its vote count and the term clarification; the cluster leader', () => {
    const l = lines.find((x) => x.category === 'state' && x.importance === 2);
    expect(l?.text.en).toContain('Node 5 has 3 of 5 votes, a majority: it becomes leader for term 1');
    expect(l?.text.zh).toContain('节点 5 得到 5 票中的 3 票');
    expect(l?.note?.key).toBe('raftTermDoesNotExpire');
    expect(texts(lines).some((x) => x.en.startsWith('Node 5 is now the cluster leader'))).toBe(true);
  });

  it('a crash fault', () => {
    const l = lines.find((x) => x.category === 'fault');
    expect(l?.importance).toBe(2);
    expect(l?.text.en).toBe('The leader, Node 5, crashes: it stops and loses its timers and memory; its term, its vote and its log are on disk and survive.');
    expect(l?.text.zh).toContain('领导者节点 5 崩溃');
  });

  const send = (msg: number, from: number, to: number, kind: string, fields: Record<string, unknown>, t: number): TraceEvent => ({ t, type: 'send', msg, from, to, kind, fields, deliverAt: t + 10 });
  const state = (t: number, node: number, role: string, term: number, votedFor: number | null, lastLogIndex: number, lastLogTerm: number, leader: number | null = null): TraceEvent => ({
    t,
    type: 'state',
    node,
    role,
    leader,
    alive: true,
    term,
    votedFor,
    lastLogIndex,
    lastLogTerm,
    commitIndex: 0,
  });
  const init: TraceEvent = { t: 0, type: 'init', algorithm: 'raft', nodes: [1, 2, 3], observers: [], seed: 1, network: { latency: { min: 10, max: 30 }, dropRate: 0 }, options: { electionTimeoutMsMin: 150 } };

  it('a refusal because the voter\'s log is more up to date', () => {
    const lines2 = narrateTrace([
      init,
      state(0, 2, 'follower', 3, null, 5, 3),
      state(0, 3, 'follower', 3, null, 2, 2),
      send(1, 3, 2, 'RequestVote', { term: 4, candidateId: 3, lastLogIndex: 2, lastLogTerm: 2 }, 100),
      state(100, 3, 'candidate', 4, 3, 2, 2),
      { t: 110, type: 'deliver', msg: 1, from: 3, to: 2, kind: 'RequestVote' },
      send(2, 2, 3, 'RequestVoteReply', { term: 4, voteGranted: false }, 110),
      state(110, 2, 'follower', 4, null, 5, 3),
    ]);
    const refusal = lines2.find((l) => l.text.en.startsWith('Node 2 refuses'));
    expect(refusal?.text.en).toBe(
      "Node 2 refuses its vote to Node 3 for term 4: its own log is more up to date (it ends at entry 5 of term 3; the candidate's at entry 2 of term 2).",
    );
    expect(refusal?.text.zh).toContain('它自己的日志更新');
    expect(lines2.some((l) => l.text.en === 'Node 2 moves to term 4 (seen on Node 3\'s RequestVote) and clears its vote.')).toBe(true);
  });

  it('a refusal because the request\'s term is old; no reason invented when the fields say none', () => {
    const lines2 = narrateTrace([
      init,
      state(0, 2, 'follower', 6, 1, 0, 0),
      send(1, 3, 2, 'RequestVote', { term: 4, candidateId: 3, lastLogIndex: 0, lastLogTerm: 0 }, 100),
      { t: 110, type: 'deliver', msg: 1, from: 3, to: 2, kind: 'RequestVote' },
      send(2, 2, 3, 'RequestVoteReply', { term: 6, voteGranted: false }, 110),
      send(3, 1, 3, 'RequestVoteReply', { term: 6, voteGranted: false }, 120),
    ]);
    expect(texts(lines2).map((x) => x.en)).toContain('Node 2 refuses its vote to Node 3 for term 4: its own term 6 is newer than 4.');
    expect(texts(lines2).map((x) => x.en)).toContain('Node 1 refuses its vote to Node 3 for term 6.');
  });
});

describe('Bully sentences', () => {
  const events = runTrace(
    defaultScenario({
      algorithm: 'bully',
      events: [
        { at: 500, do: 'crashLeader' },
        { at: 900, do: 'partition', groups: [[1, 2], [3, 4]] },
        { at: 1000, do: 'revive', node: 5 },
      ],
    }),
    1500,
  );
  const lines = narrateTrace(events);

  it('the highest id declares itself at once; a timeout without Alive makes a leader', () => {
    expect(lines.find((l) => l.text.en.startsWith('Node 5 has the highest id'))?.note?.key).toBe('bullyHighestDirect');
    const l = lines.find((x) => x.text.en.startsWith('Node 4 hears no Alive'));
    expect(l?.text.en).toBe('Node 4 hears no Alive within the answer timeout and declares itself leader (Victory to the lower nodes).');
    expect(l?.text.zh).toBe('节点 4 在应答超时内没有收到任何 Alive，于是宣布自己成为主节点（向 ID 更小的节点发送 Victory）。');
    expect(l?.importance).toBe(2);
  });

  it('partition drops and split brain', () => {
    const drop = lines.find((l) => l.category === 'drop' && l.text.en.includes('partition'));
    expect(drop?.text.en).toMatch(/^Node \d's \w+ to Node \d is stopped by the partition\.$/);
    expect(drop?.text.zh).toContain('被网络分区挡住了');
    const sb = lines.find((l) => l.category === 'alert');
    expect(sb?.text.en).toBe('Split brain: Node 4 and Node 5 each lead their own part of the network.');
    expect(sb?.nodes).toEqual([4, 5]);
    expect(sb?.note?.key).toBe('bullySplitBrain');
  });

  it('the leader\'s silence starts an election (failure detection clarification)', () => {
    const l = lines.find((x) => x.text.en.includes('heard no heartbeat from its leader Node 5'));
    expect(l?.note?.key).toBe('bullyFailureDetection');
  });

  it('a void victory (the seed\'s rule B8)', () => {
    const init: TraceEvent = { t: 0, type: 'init', algorithm: 'bully', nodes: [1, 2, 3, 4, 5], observers: [], seed: 1, network: { latency: { min: 10, max: 30 }, dropRate: 0 }, options: {} };
    const lines2 = narrateTrace([
      init,
      { t: 0, type: 'state', node: 4, role: 'electing', leader: null, alive: true, round: 2 },
      { t: 100, type: 'state', node: 4, role: 'leader', leader: 4, alive: true, round: 2 },
      { t: 90, type: 'send', msg: 9, from: 5, to: 4, kind: 'Alive', fields: { round: 2 }, deliverAt: 130 },
      { t: 130, type: 'deliver', msg: 9, from: 5, to: 4, kind: 'Alive' },
      { t: 130, type: 'send', msg: 10, from: 4, to: 5, kind: 'Election', fields: { round: 3 }, deliverAt: 150 },
      { t: 130, type: 'state', node: 4, role: 'electing', leader: null, alive: true, round: 3 },
    ]);
    const l = lines2.find((x) => x.text.en.includes('victory is void'));
    expect(l?.text.en).toBe("Node 4's victory is void: a late Alive from the higher Node 5 shows a higher node is alive, so it starts a new election (round 3).");
    expect(l?.text.zh).toContain('节点 4 的胜选无效');
    expect(l?.importance).toBe(2);
    expect(l?.note?.key).toBe('bullyVoidVictory');
    expect(lines2.find((x) => x.text.en.startsWith('Node 4 hears no Alive'))).toBeDefined();
  });
});

describe('ZAB sentences', () => {
  it('votes change by (epoch, zxid, server id), with the vote-order clarification', () => {
    const events = runTrace(defaultScenario({ algorithm: 'zab', nodes: 3 }), 1000);
    const lines = narrateTrace(events);
    const l = lines.find((x) => x.text.en.startsWith('Node 1 votes for'));
    expect(l?.text.en).toBe('Node 1 votes for (epoch 0, zxid 0/0, server 3): same epoch and zxid, so the higher server id wins.');
    expect(l?.text.zh).toBe('节点 1 改投（纪元 0，zxid 0/0，服务器 3）：纪元和 zxid 相同，服务器 ID 更大者胜出。');
    expect(l?.note?.key).toBe('zabVoteOrder');
    expect(lines.some((x) => x.note?.key === 'zabMessageCount')).toBe(true);
    expect(lines.some((x) => x.note?.key === 'zabProspective')).toBe(true);
  });

  it('a newer zxid beats a higher id', () => {
    const init: TraceEvent = { t: 0, type: 'init', algorithm: 'zab', nodes: [1, 2, 3, 4, 5], observers: [], seed: 1, network: { latency: { min: 10, max: 30 }, dropRate: 0 }, options: {} };
    const st = (t: number, leader: number, zxid: [number, number]): TraceEvent => ({
      t,
      type: 'state',
      node: 5,
      role: 'looking',
      leader: null,
      alive: true,
      phase: 'election',
      acceptedEpoch: 1,
      currentEpoch: 1,
      electionEpoch: 2,
      zxid: [1, 5],
      vote: { leader, zxid, peerEpoch: 1 },
    });
    const lines = narrateTrace([init, st(0, 5, [1, 5]), st(50, 2, [1, 7])]);
    expect(lines[lines.length - 1].text.en).toBe('Node 5 votes for (epoch 1, zxid 1/7, server 2): a newer zxid beats a higher id.');
  });
});

describe('filter', () => {
  const lines = narrateTrace(runTrace(defaultScenario({ algorithm: 'raft', events: [{ at: 500, do: 'crashLeader' }] }), 1000));
  it('by node, category and importance', () => {
    const n2 = filterNarrations(lines, { nodes: [2] });
    expect(n2.length).toBeGreaterThan(0);
    expect(n2.every((l) => l.nodes.includes(2))).toBe(true);
    const faults = filterNarrations(lines, { categories: ['fault', 'leader'] });
    expect(faults.every((l) => l.category === 'fault' || l.category === 'leader')).toBe(true);
    expect(faults.length).toBeGreaterThanOrEqual(2);
    expect(filterNarrations(lines, { minImportance: 2 }).every((l) => l.importance === 2)).toBe(true);
    expect(filterNarrations(lines, {})).toHaveLength(lines.length);
  });
});
