import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageTable } from './message-table';
import type { MessageView } from './pane-model';

const msg = (id: number, t = 0, extra: Partial<MessageView> = {}): MessageView => ({
  t,
  type: 'send',
  msg: id,
  from: 1,
  to: 2,
  kind: 'Notification',
  fields: {},
  deliverAt: t + 20,
  ...extra,
});

type Op = { op: 'send'; id: number; t: number } | { op: 'deliver'; id: number } | { op: 'drop'; id: number; t: number } | { op: 'prune'; now: number };

/**
 * The pane model's messages as they were before the table (a `Record` copied on the first change of a batch,
 * `pane-model.ts` up to issue 17's row e): the reference the table must agree with.
 */
function recordBatch(prev: Record<number, MessageView>, ops: Op[], fadeMs: number): Record<number, MessageView> {
  let messages = prev;
  const touch = () => {
    if (messages === prev) messages = { ...messages };
  };
  for (const o of ops) {
    if (o.op === 'send') {
      touch();
      messages[o.id] = msg(o.id, o.t);
    } else if (o.op === 'deliver') {
      if (messages[o.id]) {
        touch();
        delete messages[o.id];
      }
    } else if (o.op === 'drop') {
      const old = messages[o.id];
      if (old) {
        touch();
        messages[o.id] = { ...old, diedAt: o.t, dropReason: 'loss' };
      }
    } else {
      for (const m of Object.values(messages)) {
        if (m.diedAt !== undefined && o.now > m.diedAt + fadeMs) {
          touch();
          delete messages[m.msg];
        }
      }
    }
  }
  return messages;
}

function tableBatch(prev: MessageTable, ops: Op[], fadeMs: number): MessageTable {
  let table = prev;
  let d = table.edit();
  for (const o of ops) {
    if (o.op === 'send') d.set(msg(o.id, o.t));
    else if (o.op === 'deliver') d.delete(o.id);
    else if (o.op === 'drop') {
      const old = d.get(o.id);
      if (old) d.set({ ...old, diedAt: o.t, dropReason: 'loss' });
    } else {
      // A prune reads the table as of the ops before it (pruneMessages runs on the table the batch made).
      table = d.done();
      d = table.edit();
      for (const m of table) if (m.diedAt !== undefined && o.now > m.diedAt + fadeMs) d.delete(m.msg);
    }
  }
  return d.done();
}

describe('message table', () => {
  it('puts, replaces and removes messages; counts them; iterates by ascending id', () => {
    let t = MessageTable.from([msg(70), msg(3), msg(200), msg(64)]);
    expect(t.ids()).toEqual([3, 64, 70, 200]);
    expect(t.size).toBe(4);
    expect([...t].map((m) => m.msg)).toEqual([3, 64, 70, 200]);
    const d = t.edit();
    d.delete(64);
    d.delete(64);
    d.delete(9999);
    d.set(msg(3, 5));
    d.set(msg(1000));
    t = d.done();
    expect(t.ids()).toEqual([3, 70, 200, 1000]);
    expect(t.size).toBe(4);
    expect(t.get(3)?.t).toBe(5);
    expect(t.has(64)).toBe(false);
    expect(t.get(64)).toBeUndefined();
  });

  it('gives a new table when and only when something changed, and never changes an old one', () => {
    const a = MessageTable.from([msg(1), msg(2)]);
    const same = a.edit();
    same.delete(7);
    expect(same.done()).toBe(a);
    const d = a.edit();
    d.delete(1);
    const b = d.done();
    expect(b).not.toBe(a);
    expect(a.ids()).toEqual([1, 2]);
    expect(b.ids()).toEqual([2]);
    // A drop replaces the message with a dying copy: the old table still holds the live one.
    const d2 = b.edit();
    d2.set({ ...b.get(2)!, diedAt: 9, dropReason: 'partition' });
    const c = d2.done();
    expect(c.get(2)?.diedAt).toBe(9);
    expect(b.get(2)?.diedAt).toBeUndefined();
    expect(() => d2.set(msg(3))).toThrow(/after done/);
  });

  it('keeps one values() array per table', () => {
    const a = MessageTable.from([msg(1), msg(2)]);
    expect(a.values()).toBe(a.values());
    expect(MessageTable.from([]).size).toBe(0);
    const d = a.edit();
    d.delete(1);
    d.delete(2);
    expect(d.done()).toBe(MessageTable.empty);
  });

  it('agrees with the old Record, batch by batch: contents, order, count, and identity', () => {
    const id = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 4999 }));
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('send' as const), id, t: fc.integer({ min: 0, max: 100 }) }) },
      { weight: 4, arbitrary: fc.record({ op: fc.constant('deliver' as const), id }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), id, t: fc.integer({ min: 0, max: 100 }) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('prune' as const), now: fc.integer({ min: 0, max: 200 }) }) },
    );
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 40 }), { maxLength: 30 }), (batches) => {
        let rec: Record<number, MessageView> = {};
        let tab = MessageTable.empty;
        const history: [Record<number, MessageView>, MessageTable, MessageView[]][] = [];
        for (const ops of batches) {
          const nextRec = recordBatch(rec, ops, 10);
          const nextTab = tableBatch(tab, ops, 10);
          expect(nextTab === tab).toBe(nextRec === rec);
          expect(nextTab.values()).toEqual(Object.values(nextRec));
          expect(nextTab.size).toBe(Object.keys(nextRec).length);
          expect(nextTab.dead).toBe(Object.values(nextRec).filter((m) => m.diedAt !== undefined).length);
          for (const k of Object.keys(nextRec)) expect(nextTab.get(Number(k))).toEqual(nextRec[Number(k)]);
          history.push([nextRec, nextTab, [...nextTab]]);
          rec = nextRec;
          tab = nextTab;
        }
        // Persistence: every earlier table still reads as it did when it was made.
        for (const [r, t, seen] of history) {
          expect([...t]).toEqual(seen);
          expect(t.values()).toEqual(Object.values(r));
        }
      }),
      { numRuns: 300 },
    );
  });
});
