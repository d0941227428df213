import { describe, expect, it } from 'vitest';
import { flowGroups, flowsAt, flowWidth } from './message-flows';
import { ringLayout } from './ring';

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
});
