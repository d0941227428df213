import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol';
import type { Narration } from '../protocol';
import { applyBatch, initialPane, isLogWorthy, LINES_LIMIT, pruneMessages, type RunConfig } from './pane-model';

const config: RunConfig = { algorithm: 'bully', nodes: 3, observers: 0, seed: 1, latency: { min: 10, max: 30 }, dropRate: 0, options: {} };
const batch = (now: number, events: Extract<FromWorker, { type: 'batch' }>['events'], extra: Partial<Extract<FromWorker, { type: 'batch' }>> = {}) =>
  ({
    type: 'batch',
    v: 1,
    run: 0,
    now,
    events,
    timers: [],
    leader: null,
    nextAt: null,
    stats: { sent: 0, delivered: 0, dropped: 0, steps: 0 },
    traceHash: 'x',
    inspected: null,
    ...extra,
  }) as Extract<FromWorker, { type: 'batch' }>;

const send = (msg: number, t = 0, deliverAt = 20) => ({ t, type: 'send' as const, msg, from: 1, to: 2, kind: 'Election', fields: {}, deliverAt });

describe('pane model', () => {
  it('puts sent messages in flight and removes them on delivery', () => {
    let s = initialPane(config, 25, true);
    s = applyBatch(s, batch(5, [send(1), send(2)]));
    expect(s.messages.ids()).toEqual([1, 2]);
    s = applyBatch(s, batch(20, [{ t: 20, type: 'deliver', msg: 1, from: 1, to: 2, kind: 'Election' }]));
    expect(s.messages.ids()).toEqual([2]);
    expect(s.engineTime).toBe(20);
    expect(s.horizon).toBe(20);
  });

  it('keeps a dropped message where it died until it has faded', () => {
    let s = initialPane(config, 25, true);
    s = applyBatch(s, batch(5, [send(1)]));
    s = applyBatch(s, batch(20, [{ t: 20, type: 'drop', msg: 1, from: 1, to: 2, kind: 'Election', reason: 'partition' }]));
    expect(s.messages.get(1)!.diedAt).toBe(20);
    expect(s.messages.get(1)!.dropReason).toBe('partition');
    expect(pruneMessages(s, 25, 10).messages.get(1)).toBeDefined();
    expect(pruneMessages(s, 31, 10).messages.get(1)).toBeUndefined();
  });

  it('updates only the nodes whose state changed, and the leader', () => {
    let s = initialPane(config, 25, true);
    s = applyBatch(s, batch(0, [
      { t: 0, type: 'state', node: 1, role: 'follower', leader: null, alive: true, round: 0 },
      { t: 0, type: 'state', node: 2, role: 'follower', leader: null, alive: true, round: 0 },
    ]));
    const node2 = s.nodes[2];
    s = applyBatch(s, batch(30, [{ t: 30, type: 'state', node: 1, role: 'leader', leader: 1, alive: true, round: 1 }], { leader: 1 }));
    expect(s.nodes[1].role).toBe('leader');
    expect(s.nodes[2]).toBe(node2);
    expect(s.leader).toBe(1);
  });

  it('keeps violations and never drops them from view', () => {
    let s = initialPane(config, 25, true);
    s = applyBatch(s, batch(3, [{ t: 3, type: 'violation', invariant: 'B-S1', detail: 'two leaders' }]));
    expect(s.violations).toHaveLength(1);
    expect(s.log.at(-1)?.event.type).toBe('violation');
  });

  it('keeps the telling narration lines when one batch alone brings more routine lines than the limit', () => {
    const line = (index: number, importance: 0 | 1): Narration =>
      ({ t: index, index, count: 1, text: { en: `line ${index}`, zh: `line ${index}` }, node: 1, nodes: [1], category: importance ? 'election' : 'message', importance }) as Narration;
    // A jump at 101 nodes: a few telling lines among thousands of deliveries, all in one batch.
    const lines = Array.from({ length: 3 * LINES_LIMIT }, (_, i) => line(i, i % 500 === 0 ? 1 : 0));
    const s = applyBatch(initialPane(config, 25, true), batch(3 * LINES_LIMIT, [], { lines }));
    expect(s.lines).toHaveLength(LINES_LIMIT);
    expect(s.lines.filter((l) => l.importance === 1).map((l) => l.index)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
    // What is dropped is the oldest routine traffic; the newest stays for the "Heartbeats and deliveries" view.
    expect(s.lines.at(-1)!.index).toBe(3 * LINES_LIMIT - 1);
  });

  it('leaves heartbeats and arrivals out of the event log', () => {
    expect(isLogWorthy({ t: 0, type: 'send', msg: 1, from: 1, to: 2, kind: 'Heartbeat', fields: {}, deliverAt: 5 })).toBe(false);
    expect(isLogWorthy({ t: 0, type: 'deliver', msg: 1, from: 1, to: 2, kind: 'Election' })).toBe(false);
    expect(isLogWorthy(send(1))).toBe(true);
    expect(isLogWorthy({ t: 0, type: 'leader', leader: 3 })).toBe(true);
  });
});
