/**
 * Every lesson of the registry (LESSONS, so a new lesson is walked without being named here), walked through
 * the lesson runner as the page runs it: LessonSession on PaneControllers (compare mode's ClockGroup for
 * side-by-side lessons) with the in-process host and a hand-driven frame clock. "Next step" must stop every
 * pane exactly at each pause point the headless run resolves, the worker must have delivered that frame, and
 * each pane must show the state the headless trace has there (cluster leader and every node's view); "Previous
 * step" must go back to the previous pause point with its state. No browser, no wall clock: the frames are
 * ours. What each step's text claims is checked in src/lessons/key-lessons.test.ts; e2e/lessons.spec.ts walks
 * a few lessons in real Chromium.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LESSONS, lessonPauseTimes, snapshotAt, type Lesson } from '../lessons';
import type { TraceEvent } from '../engine/core/types';
import { InProcessTransport } from '../worker/in-process';
import type { Transport } from '../worker/transport';
import { createCompareSession, type CompareSession } from './compare-session';
import { LessonSession } from './lesson-session';
import { PaneController } from './pane-controller';
import { createTeachStore } from './teach-store';

const settle = () => new Promise((r) => setTimeout(r, 0));

function harness() {
  const frames: ((t: number) => void)[] = [];
  let wall = 0;
  const deps = {
    transport: (): Transport => new InProcessTransport(),
    raf: (cb: (t: number) => void) => frames.push(cb),
    wallNow: () => wall,
    watchdogMs: 60_000,
    document: null,
  };
  const controller = new PaneController({ algorithm: 'bully', nodes: 5, observers: 0, seed: 1, latency: { min: 10, max: 30 }, dropRate: 0, options: {} }, { speed: 700, playing: false }, deps);
  const teach = createTeachStore();
  let compare: CompareSession | null = null;
  const closed = new Set<() => void>();
  const session = new LessonSession(controller, teach, {
    compare: {
      open: async (lesson) => {
        compare?.dispose();
        const { paneScenarios } = await import('../engine/compare');
        compare = createCompareSession(lesson.algorithms, lesson.scenario, { playing: false }, deps, paneScenarios);
        return { clock: compare.clock, panes: compare.panes };
      },
      close: () => {
        compare?.dispose();
        compare = null;
        for (const fn of closed) fn();
      },
      onClosed: (fn) => {
        closed.add(fn);
        return () => closed.delete(fn);
      },
    },
  });
  const panes = () => (compare ? compare.panes : [controller]);
  /** One frame: 100 ms of wall time (the most a frame may advance), then the host answers. */
  const frame = async () => {
    wall += 100;
    for (const f of frames.splice(0)) f(wall);
    await settle();
    await settle();
  };
  const until = async (what: string, pred: () => boolean, max = 5000) => {
    for (let i = 0; i < max && !pred(); i++) await frame();
    expect(pred(), what).toBe(true);
  };
  const settled = () => panes().every((c) => c.settled);
  return {
    controller,
    teach,
    session,
    panes,
    until,
    settled,
    dispose: () => {
      session.dispose();
      compare?.dispose();
      controller.dispose();
    },
  };
}

let disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers) d();
  disposers = [];
});

/** A node's view as a pane shows it, from the trace's last `state` event for it. */
function viewsAt(trace: readonly TraceEvent[], t: number) {
  const snap = snapshotAt(trace, t);
  const nodes = Object.fromEntries([...snap.nodes].map(([id, { t: _t, type: _type, ...view }]) => [id, view]));
  return { leader: snap.leader, nodes };
}

function expectPanesAt(h: ReturnType<typeof harness>, lesson: Lesson, traces: TraceEvent[][], t: number, where: string) {
  h.panes().forEach((c, k) => {
    const s = c.store.getState();
    const at = `${where}, ${lesson.algorithms[k]} pane`;
    expect(c.time, `${at}: displayed time`).toBe(t);
    expect(s.engineTime, `${at}: engine time`).toBe(t);
    expect(s.playing, `${at}: playing`).toBe(false);
    const want = viewsAt(traces[k], t);
    expect(s.leader, `${at}: cluster leader`).toBe(want.leader);
    expect(s.nodes, `${at}: node views`).toEqual(want.nodes);
  });
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s through the lesson runner', (id, lesson) => {
  it('"Next step" stops every pane at each pause point with the headless run\'s state there; "Previous step" goes back', async () => {
    const h = harness();
    disposers.push(h.dispose);
    const { traces, times } = lessonPauseTimes(lesson);
    expect(await h.session.open(id)).toBe(true);
    expect(h.panes()).toHaveLength(lesson.algorithms.length);
    await h.until('the lesson opens at its introduction', () => h.settled() && h.panes().every((c) => c.time === 0));
    expect(h.teach.getState()).toMatchObject({ lessonId: id, step: -1, times });
    const n = lesson.steps.length;
    for (let i = 0; i < n; i++) {
      const want = times[i] ?? lesson.untilMs;
      h.session.next();
      await h.until(`step ${i + 1} of ${n} (at ${want} ms)`, () => h.teach.getState().step === i && !h.teach.getState().transit && h.settled());
      expectPanesAt(h, lesson, traces, want, `step ${i + 1} of ${n}`);
    }
    h.session.previous();
    const back = times[n - 2] ?? lesson.untilMs;
    await h.until(`back to step ${n - 1}`, () => h.teach.getState().step === n - 2 && h.settled() && h.panes()[0].time === back);
    expectPanesAt(h, lesson, traces, back, `back to step ${n - 1}`);
  });
});
