/**
 * The stream transport (core/algorithm.ts Transport, kernel.ts "stream transport") on a toy algorithm: every
 * node sends a numbered `Seq` to every other node every 10 ms, and records what it receives. The toy knows
 * nothing of TCP, so whatever order and completeness it sees is the kernel's doing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from '../zod';
import { defaultScenario } from '../run';
import { auditTrace, toJsonl } from '../testing/trace-model';
import { CLOSE_KIND, RESET_KIND, type Algorithm } from './algorithm';
import { Simulation } from './kernel';
import type { Scenario, TimedAction, TraceEvent } from './types';

interface ToyState {
  next: number;
  /** "from:n" in arrival order, "from:Close:conn" and "from:Reset" for the transport's own kinds. */
  got: string[];
}
interface ToyOptions {
  rtoMs: number;
  /** How many rounds of Seq each node sends. */
  rounds: number;
  /** After its last round, node 1 closes its connection 7 to node 2. */
  closeAtEnd: boolean;
  transport: 'stream' | 'datagram';
}

const toy: Algorithm<ToyState, ToyOptions> = {
  name: 'raft', // any registered name: it only labels the init event
  messageKinds: ['Seq', CLOSE_KIND, RESET_KIND],
  defaultOptions: { rtoMs: 200, rounds: 20, closeAtEnd: false, transport: 'stream' },
  optionsSchema: z.strictObject({}),
  supportsObservers: false,
  leaderRule: 'quorum',
  transport: (o) => (o.transport === 'stream' ? { kind: 'stream', rtoMs: o.rtoMs } : { kind: 'datagram' }),
  create: () => ({ next: 0, got: [] }),
  boot: (_s, ctx) => ctx.setTimer('tick', 10),
  crash: (s) => ({ next: s.next, got: s.got }),
  onTimer(s, _name, ctx) {
    s.next++;
    for (const to of ctx.voters) if (to !== ctx.id) ctx.send(to, 'Seq', { n: s.next });
    if (s.next < ctx.options.rounds) ctx.setTimer('tick', 10);
    else if (ctx.options.closeAtEnd && ctx.id === 1) ctx.close(2, 7);
  },
  onMessage(s, msg) {
    if (msg.kind === 'Seq') s.got.push(`${msg.from}:${String(msg.fields.n)}`);
    else if (msg.kind === CLOSE_KIND) s.got.push(`${msg.from}:Close:${String(msg.fields.conn)}`);
    else s.got.push(`${msg.from}:Reset`);
  },
  onWrite: () => {},
  view: (s) => ({ role: 'follower', leader: null, got: s.got.length }),
  claimsLeadership: () => false,
};

function start(sc: Partial<Scenario>, options: Partial<ToyOptions> = {}, sink?: (e: TraceEvent) => void) {
  const scenario = defaultScenario({ nodes: 3, ...sc });
  return Simulation.start({ algorithm: toy, scenario, options: { ...toy.defaultOptions, ...options }, sink });
}

function run(sc: Partial<Scenario>, until: number, options: Partial<ToyOptions> = {}) {
  const trace: TraceEvent[] = [];
  const sim = start(sc, options, (e) => trace.push(e));
  sim.finish(until);
  const got = (id: number) => (sim.node(id).state as ToyState).got;
  return { trace, got, sim };
}

const of = <T extends TraceEvent['type']>(trace: TraceEvent[], type: T) => trace.filter((e) => e.type === type) as Extract<TraceEvent, { type: T }>[];
/** What node `to` received from `from`, as Seq numbers. */
const seqs = (got: string[], from: number) => got.filter((g) => g.startsWith(`${from}:`) && !g.includes('C') && !g.includes('R')).map((g) => Number(g.split(':')[1]));
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('stream transport', () => {
  it('turns loss into delay: every message arrives, in order, the lost ones an RTO late per loss', () => {
    const { trace, got } = run({ network: { latency: { min: 10, max: 30 }, dropRate: 0.2 } }, 10_000);
    for (const [to, from] of [[1, 2], [2, 1], [3, 1], [1, 3]]) expect(seqs(got(to), from)).toEqual(oneTo(20));
    expect(of(trace, 'drop')).toEqual([]);
    const resent = of(trace, 'send').filter((e) => e.retransmits !== undefined);
    expect(resent.length).toBeGreaterThan(5);
    for (const e of resent) expect(e.deliverAt - e.t).toBeGreaterThanOrEqual(200 * (e.retransmits as number) + 10);
    expect(auditTrace(trace, { stream: true }).problems).toEqual([]);
  });

  it('keeps each pair in order behind a delayed message (head-of-line), where a datagram would overtake', () => {
    const { trace } = run({ network: { latency: { min: 10, max: 30 }, dropRate: 0.2 } }, 10_000);
    const sends = of(trace, 'send');
    for (const from of [1, 2, 3])
      for (const to of [1, 2, 3]) {
        const times = sends.filter((e) => e.from === from && e.to === to).map((e) => e.deliverAt);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    // The same draws on a datagram transport lose messages instead.
    const datagram = run({ network: { latency: { min: 10, max: 30 }, dropRate: 0.2 } }, 10_000, { transport: 'datagram' });
    expect(of(datagram.trace, 'drop').length).toBeGreaterThan(5);
  });

  it('holds messages at a partition and hands them over, in order, at the first resend after the heal', () => {
    const events: TimedAction[] = [
      { at: 55, do: 'partition', groups: [[1], [2, 3]] },
      { at: 700, do: 'heal' },
    ];
    const { trace, got } = run({ events }, 3000);
    expect(seqs(got(2), 1)).toEqual(oneTo(20));
    expect(seqs(got(1), 3)).toEqual(oneTo(20));
    const stalls = of(trace, 'stall');
    expect(stalls.some((e) => e.reason === 'partition')).toBe(true);
    expect(stalls.some((e) => e.reason === 'order')).toBe(true);
    expect(of(trace, 'drop')).toEqual([]);
    // Everything held 1 → 2 arrives after the heal, within one RTO of it.
    const late = of(trace, 'deliver').filter((e) => e.from === 1 && e.to === 2 && stalls.some((s) => s.msg === e.msg));
    expect(late.length).toBeGreaterThan(10);
    for (const e of late) expect(e.t).toBeGreaterThanOrEqual(700);
    for (const e of late) expect(e.t).toBeLessThanOrEqual(700 + 200);
    expect(auditTrace(trace, { stream: true }).problems).toEqual([]);
  });

  it('gives up on what a partition held after 15 resends, and drops it with the partition as the reason', () => {
    const { trace, got } = run({ events: [{ at: 55, do: 'partition', groups: [[1], [2, 3]] }] }, 6000);
    expect(seqs(got(2), 1).length).toBeLessThan(5);
    const dropped = of(trace, 'drop').filter((e) => e.from === 1 && e.to === 2);
    expect(dropped.length).toBeGreaterThan(15);
    for (const e of dropped) expect(e.reason).toBe('partition');
    const firstStall = of(trace, 'stall').find((e) => e.from === 1 && e.to === 2 && e.reason === 'partition')!;
    expect(dropped[0].t).toBe(firstStall.t + 15 * 200);
  });

  it('delivers a close after everything sent before it, with the connection id the algorithm chose', () => {
    const { got } = run({}, 2000, { closeAtEnd: true, rounds: 5 });
    expect(got(2).filter((g) => g.startsWith('1:'))).toEqual(['1:1', '1:2', '1:3', '1:4', '1:5', '1:Close:7']);
    // A datagram algorithm has no connections: close is nothing.
    expect(run({}, 2000, { closeAtEnd: true, rounds: 5, transport: 'datagram' }).got(2)).not.toContain('1:Close:7');
  });

  it('resets a killed process\'s connections to every live node one message delay later; a power-off resets none', () => {
    const killed = run({ events: [{ at: 100, do: 'crash', node: 3 }] }, 1000);
    const resets = of(killed.trace, 'send').filter((e) => e.kind === RESET_KIND);
    expect(resets.map((e) => [e.t, e.from, e.to])).toEqual([[100, 3, 1], [100, 3, 2]]);
    for (const id of [1, 2]) expect(killed.got(id).filter((g) => g.startsWith('3:')).at(-1)).toBe('3:Reset');
    expect(of(killed.trace, 'fault')[0]).toEqual({ t: 100, type: 'fault', do: 'crash', node: 3 });

    const off = run({ events: [{ at: 100, do: 'crash', node: 3, how: 'powerOff' }] }, 1000);
    expect(of(off.trace, 'send').filter((e) => e.kind === RESET_KIND)).toEqual([]);
    expect(of(off.trace, 'fault')[0]).toEqual({ t: 100, type: 'fault', do: 'crash', node: 3, how: 'powerOff' });
    // A datagram algorithm makes no difference between the two.
    const strip = (tr: TraceEvent[]) => toJsonl(tr.filter((e) => e.type !== 'fault'));
    const dgKill = run({ events: [{ at: 100, do: 'crash', node: 3 }] }, 1000, { transport: 'datagram' });
    const dgOff = run({ events: [{ at: 100, do: 'crash', node: 3, how: 'powerOff' }] }, 1000, { transport: 'datagram' });
    expect(strip(dgOff.trace)).toBe(strip(dgKill.trace));
  });

  it('drops a held resend whose sender lost power, but still resends a killed process\'s Reset after the heal', () => {
    const base: TimedAction[] = [{ at: 55, do: 'partition', groups: [[3], [1, 2]] }];
    const off = run({ events: [...base, { at: 100, do: 'crash', node: 3, how: 'powerOff' }, { at: 700, do: 'heal' }] }, 2000);
    expect(of(off.trace, 'deliver').filter((e) => e.from === 3 && e.t > 100)).toEqual([]);
    const dropped = of(off.trace, 'drop').filter((e) => e.from === 3);
    expect(dropped.length).toBeGreaterThan(0);
    // At the first resend after the power went (a resend needs a live sender).
    for (const e of dropped) {
      expect(e.reason).toBe('crashed');
      expect(e.t).toBeGreaterThan(100);
      expect(e.t).toBeLessThanOrEqual(100 + 200 + 40);
    }
    const killed = run({ events: [...base, { at: 100, do: 'crash', node: 3 }, { at: 700, do: 'heal' }] }, 2000);
    expect(killed.got(1).filter((g) => g.startsWith('3:')).at(-1)).toBe('3:Reset');
    expect(auditTrace(killed.trace, { stream: true }).problems).toEqual([]);
  });

  it('continues identically from a checkpoint taken while messages are held and resent', () => {
    const sc: Partial<Scenario> = {
      network: { latency: { min: 5, max: 40 }, dropRate: 0.15 },
      events: [
        { at: 40, do: 'cut', from: 1, to: 2 },
        { at: 90, do: 'partition', groups: [[3]] },
        { at: 150, do: 'crash', node: 2 },
        { at: 300, do: 'restore', from: 1, to: 2 },
        { at: 400, do: 'revive', node: 2 },
        { at: 450, do: 'heal' },
      ],
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), (cutAt) => {
        const full: TraceEvent[] = [];
        const original = start(sc, {}, (e) => full.push(e));
        original.runUntil(cutAt);
        const prefix = full.length;
        const cp = original.checkpoint();
        original.finish(1500);
        const rest: TraceEvent[] = [];
        Simulation.restore({ algorithm: toy, scenario: original.scenario, options: original.options, sink: (e) => rest.push(e) }, cp).finish(1500);
        expect(toJsonl(rest)).toBe(toJsonl(full.slice(prefix)));
      }),
      { numRuns: 20 },
    );
  });
});
