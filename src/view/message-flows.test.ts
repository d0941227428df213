import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chordBetween } from './chord';
import { kindStyle } from './kinds';
import { flowGroups, flowsAt, flowWidth, type Flow, type FlowInput, type Grouping } from './message-flows';
import { ringLayout } from './ring';

/** flowsAt as it was before its counts were kept per list (issue 17 row e): one pass over every message. */
function flowsAtReference(list: readonly FlowInput[], grouping: Grouping, now: number): Flow[] {
  const cells = new Map<number, { count: number; kinds: Map<string, number> }>();
  const k = grouping.groups.length;
  for (const m of list) {
    if (m.t > now || m.diedAt !== undefined) continue;
    const a = grouping.of.get(m.from);
    const b = grouping.of.get(m.to);
    if (a === undefined || b === undefined) continue;
    const key = a * k + b;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { count: 0, kinds: new Map() }));
    c.count++;
    c.kinds.set(m.kind, (c.kinds.get(m.kind) ?? 0) + 1);
  }
  const out: Flow[] = [];
  for (const [key, c] of [...cells].sort((x, y) => x[0] - y[0])) {
    const from = Math.floor(key / k);
    const to = key % k;
    let kind = '';
    let most = -1;
    for (const [kd, n] of c.kinds) if (n > most || (n === most && kd < kind)) [kind, most] = [kd, n];
    const a = grouping.groups[from].at;
    const b = grouping.groups[to].at;
    const chord = from === to ? null : chordBetween(a, b, grouping.center, 0.22, 14);
    out.push({ from, to, count: c.count, kind, color: kindStyle(kind).color, a, b, chord });
  }
  return out;
}

describe('aggregated flows', () => {
  const layout = ringLayout(Array.from({ length: 101 }, (_, i) => i + 1));
  const grouping = flowGroups(layout);

  it('cuts the ring into 8 contiguous groups covering every node once', () => {
    expect(grouping.groups).toHaveLength(8);
    expect(grouping.groups.flatMap((g) => g.nodes)).toEqual(layout.places.map((p) => p.id));
    const sizes = grouping.groups.map((g) => g.nodes.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('counts messages sent by now and not dropped, by (sender group, receiver group)', () => {
    const m = (from: number, to: number, t = 0, diedAt?: number) => ({ kind: 'Notification', from, to, t, diedAt });
    const flows = flowsAt([m(1, 2), m(1, 3), m(1, 101), m(1, 2, 50), m(1, 2, 0, 10)], grouping, 20);
    expect(flows.map((f) => [f.from, f.to, f.count])).toEqual([
      [0, 0, 2],
      [0, 7, 1],
    ]);
    expect(flows[0].chord).toBeNull();
    expect(flows[1].chord).not.toBeNull();
  });

  it('widens bands by the square root of their share', () => {
    expect(flowWidth(100, 100)).toBeCloseTo(18);
    expect(flowWidth(25, 100)).toBeCloseTo(10);
  });

  it('counts as one pass over every message did, for any list and any sequence of times (forward and back)', () => {
    const small = flowGroups(ringLayout([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 4);
    const input = fc.record({
      kind: fc.constantFrom('Notification', 'Vote', 'Ack', 'Heartbeat'),
      from: fc.integer({ min: 1, max: 12 }),
      to: fc.integer({ min: 1, max: 12 }),
      t: fc.integer({ min: 0, max: 50 }),
      diedAt: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(input, { maxLength: 60 }), fc.array(fc.integer({ min: -5, max: 60 }), { maxLength: 8 })), { maxLength: 6 }), (lists) => {
        for (const [list, times] of lists) {
          // As the pane's table gives them (by id, so by send time) and in any order (the sorting path).
          const bySend = [...list].sort((x, y) => x.t - y.t);
          for (const now of times) {
            expect(flowsAt(list, small, now)).toEqual(flowsAtReference(list, small, now));
            expect(flowsAt(bySend, small, now)).toEqual(flowsAtReference(bySend, small, now));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
