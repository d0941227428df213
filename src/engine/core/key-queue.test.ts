import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newQueue, orderOf, queuePopTop, queuePush, seqOf } from './key-queue';

/** Pops everything: [t, late, seq, ref] in queue order. */
function drain(q: ReturnType<typeof newQueue>): [number, number, number, unknown][] {
  const out: [number, number, number, unknown][] = [];
  while (q.n > 0) {
    out.push([q.d[0], q.d[1] >= orderOf(1, 0) ? 1 : 0, seqOf(q.d[1]), q.r[0]]);
    queuePopTop(q);
  }
  return out;
}

describe('event queue', () => {
  it('pops by time, then ordinary events before actions, then insertion order', () => {
    const q = newQueue();
    const items: [number, 0 | 1, number, string][] = [
      [5, 1, 0, 'action@5'],
      [5, 0, 3, 'b@5'],
      [1, 0, 4, 'a@1'],
      [5, 0, 1, 'a@5'],
      [9, 0, 2, 'x@9'],
    ];
    for (const [t, late, seq, name] of items) queuePush(q, t, orderOf(late, seq), 0, 0, 0, name);
    expect(drain(q).map((e) => e[3])).toEqual(['a@1', 'a@5', 'b@5', 'action@5', 'x@9']);
  });

  it('any pushes, interleaved with pops, come out sorted by (t, late, seq)', () => {
    const op = fc.oneof(fc.record({ t: fc.integer({ min: 0, max: 50 }), late: fc.constantFrom(0 as const, 1 as const) }), fc.constant('pop' as const));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = newQueue();
        const model: [number, number, number][] = [];
        let seq = 0;
        const cmp = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
        for (const o of ops) {
          if (o === 'pop') {
            if (q.n === 0) continue;
            model.sort(cmp);
            const want = model.shift()!;
            expect([q.d[0], q.d[1] >= orderOf(1, 0) ? 1 : 0, seqOf(q.d[1])]).toEqual(want);
            queuePopTop(q);
          } else {
            queuePush(q, o.t, orderOf(o.late, seq), 1, seq, 0, null);
            model.push([o.t, o.late, seq++]);
          }
        }
        expect(drain(q).map(([t, late, s]) => [t, late, s])).toEqual(model.sort(cmp));
      }),
    );
  });
});
