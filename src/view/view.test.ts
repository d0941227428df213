import { describe, expect, it } from 'vitest';
import { chordBetween, crossParam, pointOnChord } from './chord';
import { kindStyle } from './kinds';
import { fadeAfter, flightFraction, messagePosition } from './message-position';
import { cutLinkCount, partitionView, splitByLine, stopParam } from './partition';
import { ringLayout } from './ring';
import { roleStyle, termOf } from './roles';
import { timerArcs, timerRemaining, timerStyle } from './timers';
import { timingVerdict } from './timing';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('ring layout', () => {
  it('puts node 1 at the top and goes clockwise, all on one circle', () => {
    const l = ringLayout(ids(4));
    const [a, b, c, d] = l.places;
    expect(a.x).toBeCloseTo(l.center.x);
    expect(a.y).toBeCloseTo(l.center.y - l.radius);
    expect(b.x).toBeCloseTo(l.center.x + l.radius); // right
    expect(c.y).toBeCloseTo(l.center.y + l.radius); // bottom
    expect(d.x).toBeCloseTo(l.center.x - l.radius); // left
    for (const p of l.places) expect(Math.hypot(p.x - l.center.x, p.y - l.center.y)).toBeCloseTo(l.radius);
  });

  it('never lets neighbouring nodes overlap, from 1 to 101 nodes', () => {
    for (const n of [1, 2, 3, 9, 25, 50, 101]) {
      const l = ringLayout(ids(n));
      if (n > 1) expect(l.spacing).toBeGreaterThan(2 * l.nodeRadius);
      expect(l.places).toHaveLength(n);
    }
  });

  it('shrinks labels and then hides them as the ring fills', () => {
    expect(ringLayout(ids(3)).labelMode).toBe('full');
    expect(ringLayout(ids(9)).labelMode).toBe('full');
    expect(ringLayout(ids(25)).labelMode).toBe('role');
    expect(ringLayout(ids(50)).labelMode).toBe('id');
    const big = ringLayout(ids(101));
    expect(big.labelMode).toBe('sparse');
    expect(big.idEvery).toBeGreaterThan(1);
  });
});

describe('message position', () => {
  it('is 0 at send, 0.5 half-way, 1 at delivery, clamped outside', () => {
    expect(messagePosition(100, 100, 120)).toBe(0);
    expect(messagePosition(110, 100, 120)).toBe(0.5);
    expect(messagePosition(120, 100, 120)).toBe(1);
    expect(messagePosition(90, 100, 120)).toBe(0);
    expect(messagePosition(200, 100, 120)).toBe(1);
    expect(messagePosition(100, 100, 100)).toBe(1);
  });

  it('takes a lost message half-way along its path by the time it dies', () => {
    expect(flightFraction({ t: 0, deliverAt: 10, lost: true }, 10)).toBe(0.5);
    expect(flightFraction({ t: 0, deliverAt: 10, lost: true }, 5)).toBe(0.25);
  });

  it('stops a blocked message at the partition line', () => {
    expect(flightFraction({ t: 0, deliverAt: 20 }, 18, 0.4)).toBe(0.4);
    expect(flightFraction({ t: 0, deliverAt: 20 }, 4, 0.4)).toBeCloseTo(0.2);
  });

  it('fades a dead message out', () => {
    expect(fadeAfter(10, 10, 20)).toBe(1);
    expect(fadeAfter(20, 10, 20)).toBe(0.5);
    expect(fadeAfter(40, 10, 20)).toBe(0);
  });
});

describe('chords', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 100, y: 0 };
  const center = { x: 50, y: 50 };
  it('start at the sender and end at the receiver', () => {
    const ch = chordBetween(a, b, center, 0.3, 5);
    expect(pointOnChord(ch, 0)).toEqual(a);
    expect(pointOnChord(ch, 1)).toEqual(b);
  });
  it('separate the two directions of a link', () => {
    const ab = pointOnChord(chordBetween(a, b, center, 0, 8), 0.5);
    const ba = pointOnChord(chordBetween(b, a, center, 0, 8), 0.5);
    expect(ab.y).not.toBeCloseTo(ba.y);
  });
  it('find where they cross a line', () => {
    const ch = chordBetween(a, b, center, 0);
    expect(crossParam(ch, { x: 25, y: -10 }, { x: 25, y: 10 })).toBeCloseTo(0.25);
    expect(crossParam(ch, { x: 200, y: -10 }, { x: 200, y: 10 })).toBeNull();
  });
});

describe('partitions', () => {
  it('counts cut links as node pairs, one-way or both ways', () => {
    expect(cutLinkCount({ group: [], cuts: [] })).toBe(0);
    expect(cutLinkCount({ group: [], cuts: [[1, 2], [2, 1]] })).toBe(1);
    expect(cutLinkCount({ group: [], cuts: [[1, 2], [3, 1], [2, 3]] })).toBe(3);
    expect(cutLinkCount({ group: [], cuts: [[1, 2], [2, 1], [1, 3]] })).toBe(2);
  });

  const l = ringLayout(ids(6));
  it('draw a dividing line for a split into two arcs and stop crossing messages on it', () => {
    const net = { group: [0, 1, 1, 1, 2, 2, 2], cuts: [] as [number, number][] };
    const pv = partitionView(net, l);
    expect(pv.partitioned).toBe(true);
    expect(pv.groupCount).toBe(2);
    expect(pv.divider).not.toBeNull();
    const ch = chordBetween(l.byId.get(1)!, l.byId.get(5)!, l.center, 0.22);
    const stop = stopParam(net, pv, ch, 1, 5)!;
    expect(stop).toBeGreaterThan(0.05);
    expect(stop).toBeLessThan(0.95);
    expect(stopParam(net, pv, chordBetween(l.byId.get(1)!, l.byId.get(2)!, l.center), 1, 2)).toBeNull();
  });
  it('split nodes by the side of a drawn line', () => {
    const [left, right] = splitByLine(l, { x: l.center.x, y: 0 }, { x: l.center.x, y: 1000 });
    expect(new Set([...left, ...right])).toEqual(new Set(ids(6)));
    expect(left.length).toBeGreaterThan(0);
    expect(right.length).toBeGreaterThan(0);
  });
});

describe('styles', () => {
  it('tell every role by shape as well as colour', () => {
    for (const [alg, roles] of [
      ['bully', ['follower', 'electing', 'awaitingVictory', 'leader']],
      ['raft', ['follower', 'precandidate', 'candidate', 'leader']],
      ['zab', ['looking', 'following', 'leading', 'observing']],
    ] as const) {
      const styles = roles.map((role) => roleStyle(alg, { role, alive: true, phase: 'broadcast' }));
      const keys = new Set(styles.map((s) => `${s.shape}/${s.dashed ?? false}`));
      expect(keys.size).toBe(roles.length);
      expect(styles.every((s) => s.word !== 'unknown')).toBe(true);
    }
  });
  it('reads terms and epochs', () => {
    expect(termOf('raft', { term: 3 })).toEqual({ word: 'term', value: 3 });
    expect(termOf('zab', { currentEpoch: 2 })).toEqual({ word: 'epoch', value: 2 });
    expect(termOf('bully', { round: 2 })).toBeNull();
  });
  it('makes heartbeats quiet and marks vote replies', () => {
    expect(kindStyle('Heartbeat').quiet).toBe(true);
    expect(kindStyle('Ping').quiet).toBe(true);
    expect(kindStyle('AppendEntries', { entries: [] }).quiet).toBe(true);
    expect(kindStyle('AppendEntries', { entries: [{}] }).quiet).toBe(false);
    expect(kindStyle('Election').quiet).toBe(false);
    expect(kindStyle('RequestVoteReply', { voteGranted: true }).label).toContain('✓');
    expect(kindStyle('RequestVoteReply', { voteGranted: false }).label).toContain('✗');
    expect(kindStyle('Alive').reply).toBe(true);
  });
  it('draws election timers and hides heartbeat timers', () => {
    expect(timerStyle('election')?.word).toBe('timerElection');
    expect(timerStyle('answer')?.word).toBe('timerAnswer');
    expect(timerStyle('notify')?.word).toBe('timerNotification');
    expect(timerStyle('heartbeat')).toBeNull();
    expect(timerRemaining(50, 0, 100)).toBe(0.5);
  });
  it('puts a countdown arc around its node, nested outward per timer, shrinking with sim time', () => {
    const layout = { nodeRadius: 30, byId: new Map([[1, { x: 100, y: 200 }], [2, { x: 300, y: 200 }]]) };
    const timers = {
      1: [{ node: 1, name: 'election', since: 0, due: 200 }, { node: 1, name: 'heartbeat', since: 0, due: 50 }, { node: 1, name: 'answer', since: 100, due: 300 }],
      2: [{ node: 2, name: 'election', since: 0, due: 100 }],
      3: [{ node: 3, name: 'election', since: 0, due: 100 }], // not on the ring: no arc
    };
    const at50 = timerArcs(timers, layout, 50);
    expect(at50.map((a) => [a.node, a.name])).toEqual([[1, 'election'], [1, 'answer'], [2, 'election']]);
    expect(at50[0]).toMatchObject({ x: 100, y: 200, left: 0.75 });
    expect(at50[1].left).toBe(1); // set later than now: full
    expect(at50[1].r).toBeGreaterThan(at50[0].r + at50[0].width); // the second ring lies outside the first
    expect(at50[2]).toMatchObject({ x: 300, left: 0.5, r: at50[0].r });
    expect(timerArcs(timers, layout, 150).map((a) => a.left)).toEqual([0.25, 0.75, 0]);
  });
});

describe('timing verdict', () => {
  it('accepts the defaults and refuses a heartbeat slower than the election timeout', () => {
    expect(timingVerdict('raft', { electionTimeoutMsMin: 150, electionTimeoutMsMax: 300, heartbeatMs: 50 }, 30).level).toBe('ok');
    expect(timingVerdict('raft', { electionTimeoutMsMin: 150, electionTimeoutMsMax: 300, heartbeatMs: 140 }, 30).level).toBe('bad');
    expect(timingVerdict('bully', { heartbeatMs: 100, leaderTimeoutMs: 300, answerTimeoutMs: 100, victoryTimeoutMs: 200 }, 30).level).toBe('ok');
    expect(timingVerdict('bully', { heartbeatMs: 100, leaderTimeoutMs: 300, answerTimeoutMs: 40, victoryTimeoutMs: 200 }, 30).level).toBe('bad');
    expect(timingVerdict('zab', {}, 30).level).toBe('ok');
  });
});
