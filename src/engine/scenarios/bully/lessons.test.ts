import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/types';
import { runTrace } from '../../run';
import { observations } from '../../testing/observations';
import { BULLY_LESSONS } from '.';

const { observe, everyLessonObserved } = observations();

function lessonTrace(id: string): TraceEvent[] {
  const l = BULLY_LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  const trace = runTrace(l.scenario, l.untilMs, { check: true });
  expect(trace.filter((e) => e.type === 'violation')).toEqual([]);
  return trace;
}

const electionKinds = new Set(['Election', 'Alive', 'Victory']);

function leaders(trace: TraceEvent[]): (number | null)[] {
  return trace.filter((e) => e.type === 'leader').map((e) => (e as { leader: number | null }).leader);
}

describe('Bully lessons show what protocols.md §3.6 says', () => {
  everyLessonObserved(BULLY_LESSONS, 'the Bully scenarios');

  it('every lesson has a unique id, a title and an expectation', () => {
    const ids = BULLY_LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of BULLY_LESSONS) expect(l.title.length * l.expectation.length).toBeGreaterThan(0);
  });

  observe('bully-best-case', 'N − 1 = 5 election messages, node 5 leads', (id) => {
    const trace = lessonTrace(id);
    const msgs = trace.filter((e) => e.type === 'send' && e.t >= 1500 && electionKinds.has(e.kind));
    expect(msgs).toHaveLength(5);
    expect(leaders(trace).pop()).toBe(5);
  });

  observe('bully-worst-case', 'N² − N − 1 = 29 election messages', (id) => {
    const trace = lessonTrace(id);
    const msgs = trace.filter((e) => e.type === 'send' && e.t >= 1500 && electionKinds.has(e.kind));
    const count = (k: string) => msgs.filter((m) => m.type === 'send' && m.kind === k).length;
    expect([count('Election'), count('Alive'), count('Victory')]).toEqual([15, 10, 4]);
    expect(leaders(trace).pop()).toBe(5);
  });

  observe('bully-flapping', 'two leader changes per crash/revive cycle', (id) => {
    const trace = lessonTrace(id);
    const named = leaders(trace).filter((l) => l !== null);
    expect(named).toEqual([5, 4, 5, 4, 5, 4, 5, 4, 5]);
  });

  observe('bully-split-brain', 'one leader per side and an anomaly, then the global maximum', (id) => {
    const trace = lessonTrace(id);
    const anomaly = trace.find((e) => e.type === 'anomaly');
    expect(anomaly).toMatchObject({ kind: 'split-brain' });
    const leadersDuring = new Set(
      trace.filter((e) => e.type === 'state' && e.t > 1000 && e.t < 3000 && e.role === 'leader').map((e) => (e as { node: number }).node),
    );
    expect(leadersDuring).toEqual(new Set([3]));
    expect(leaders(trace).pop()).toBe(6);
  });

  observe('bully-void-victory', 'node 1 leads, hears a late Alive, starts over; node 2 wins', (id) => {
    const trace = lessonTrace(id);
    const n1 = trace.filter((e) => e.type === 'state' && e.node === 1 && e.t > 1000) as Extract<TraceEvent, { type: 'state' }>[];
    const k = n1.findIndex((s) => s.role === 'leader');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(n1[k + 1]?.role).toBe('electing');
    expect(leaders(trace).pop()).toBe(2);
  });

  observe('bully-last-op-rank', 'the freshest node wins each election', (id) => {
    const trace = lessonTrace(id);
    expect(leaders(trace).filter((l) => l !== null)).toEqual([5, 2, 4]);
  });
});
