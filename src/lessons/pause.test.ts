import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/core/types';
import { eventMatches, findPausePoints, resolvePauses } from './pause';
import type { PausePoint, Step } from './types';

const text = { en: 'x', zh: '中' };
const steps = (...pauses: PausePoint[]): Step[] => pauses.map((pause) => ({ pause, text }));
const st = (t: number, node: number, role: string, extra: Record<string, unknown> = {}): TraceEvent =>
  ({ t, type: 'state', node, role, leader: null, alive: true, ...extra }) as TraceEvent;
const ld = (t: number, leader: number | null): TraceEvent => ({ t, type: 'leader', leader });
const send = (t: number, from: number, to: number, kind: string, fields: Record<string, unknown> = {}): TraceEvent => ({
  t,
  type: 'send',
  msg: t * 100 + from * 10 + to,
  from,
  to,
  kind,
  fields,
  deliverAt: t + 10,
});

const A: TraceEvent[] = [
  st(0, 1, 'follower'),
  st(100, 1, 'candidate', { term: 1 }),
  send(100, 1, 2, 'RequestVote', { term: 1 }),
  st(100, 2, 'candidate', { term: 1 }),
  ld(150, 1),
  { t: 300, type: 'fault', do: 'crash', node: 1 },
  ld(300, null),
  st(400, 2, 'candidate', { term: 2 }),
  ld(450, 2),
];

describe('findPausePoints', () => {
  it('pauses at fixed times and at the first matching event after the previous pause', () => {
    const l = { algorithms: ['raft'] as const, steps: steps({ at: 50 }, { on: 'state', role: 'candidate' }, { on: 'leader', leader: 'any' }, { on: 'fault', do: 'crash' }, { on: 'leader', leader: 'any' }) };
    expect(findPausePoints(l, [A])).toEqual([50, 100, 150, 300, 450]);
  });

  it('takes successive events of the same instant on successive steps', () => {
    const l = { algorithms: ['raft'] as const, steps: steps({ on: 'state', role: 'candidate' }, { on: 'state', role: 'candidate' }) };
    const r = resolvePauses(l, [A]);
    expect(r.map((x) => x?.t)).toEqual([100, 100]);
    expect(r.map((x) => x?.index)).toEqual([1, 3]);
  });

  it('supports after, nth, delayMs, where, and null for a step never reached', () => {
    const l = {
      algorithms: ['raft'] as const,
      steps: steps(
        { on: 'state', role: 'candidate', nth: 2 },
        { on: 'send', kind: 'RequestVote', where: { term: 1 } },
        { on: 'state', where: { term: 2 } },
        { on: 'leader', leader: 2, delayMs: 25 },
        { on: 'anomaly', kind: 'split-brain' },
        { on: 'leader', leader: 'none', after: 0 },
      ),
    };
    // The RequestVote (index 2) lies before the second candidate (index 3), so it is never matched after it.
    expect(findPausePoints(l, [A])).toEqual([100, null, 400, 475, null, null]);
    const l2 = { algorithms: ['raft'] as const, steps: steps({ on: 'leader', leader: 'none', after: 200 }, { on: 'leader', leader: 2, after: 50 }) };
    expect(findPausePoints(l2, [A])).toEqual([300, 450]);
  });

  it('picks the earliest match across panes, or only the named pane', () => {
    const B: TraceEvent[] = [ld(80, 5), ld(500, 4)];
    const l = {
      algorithms: ['bully', 'raft'] as const,
      steps: steps({ on: 'leader', leader: 'any' }, { on: 'leader', leader: 'any' }, { on: 'leader', pane: 'bully', leader: 4 }),
    };
    const r = resolvePauses(l, [B, A]);
    expect(r.map((x) => [x?.t, x?.pane])).toEqual([
      [80, 'bully'],
      [150, 'raft'],
      [500, 'bully'],
    ]);
    expect(() => findPausePoints(l, [A])).toThrow(/2 pane/);
  });

  it('matches event kinds by their own fields', () => {
    expect(eventMatches({ on: 'write', accepted: false }, { t: 1, type: 'write', node: 3, value: 'v', accepted: false })).toBe(true);
    expect(eventMatches({ on: 'commit', value: 'v', node: 2 }, { t: 1, type: 'commit', node: 2, index: 4, value: 'v' })).toBe(true);
    expect(eventMatches({ on: 'commit', value: 'v', node: 2 }, { t: 1, type: 'commit', node: 3, index: 4, value: 'v' })).toBe(false);
    expect(eventMatches({ on: 'send', from: 1, to: 2 }, A[2])).toBe(true);
    expect(eventMatches({ on: 'deliver', kind: 'RequestVote' }, A[2])).toBe(false);
    expect(eventMatches({ on: 'leader' }, ld(1, null))).toBe(true);
    expect(eventMatches({ on: 'leader', leader: 'any' }, ld(1, null))).toBe(false);
  });
});
