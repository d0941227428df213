/**
 * The explorer lessons (issue 16): each step stops where its text says, the figures in the texts are the
 * explorer's real results for the searches the steps run, and the scripts are the explorer's own output.
 */
import { describe, expect, it } from 'vitest';
import { parseExploreConfig } from '../engine/explore/config';
import { explore } from '../engine/explore/explore';
import { formConfig } from '../engine/explore/presets';
import { runTrace } from '../engine/run';
import { lessonById, lessonPanes, lessonPauseTimes } from './index';
import { EXPLORE_BULLY_SPLIT, EXPLORE_RAFT_SAFE } from './library/explore-forms';
import exploredSplitBrain from './scenarios/explored-split-brain.json';

const fmt = (n: number) => n.toLocaleString('en-US');

describe('"Raft is safe in all N orderings, Bully is not — here is one"', () => {
  const lesson = lessonById('explore-raft-safe-bully-not')!;

  it('names the number of states the explorer really checked for Raft, and found no violation in', () => {
    const r = explore(parseExploreConfig(formConfig(EXPLORE_RAFT_SAFE)));
    expect(r.counterexample).toBeNull();
    expect(r.hitStateBound).toBe(false);
    expect(r.completeDepth).toBe(EXPLORE_RAFT_SAFE.maxDepth);
    expect(lesson.title.en).toContain(`all ${fmt(r.states)} orderings`);
    expect(lesson.title.zh).toContain(fmt(r.states));
    expect(lesson.steps[0].text.en).toContain(`${fmt(r.states)} states, no violation`);
    expect(lesson.steps[0].explore).toEqual(EXPLORE_RAFT_SAFE);
  }, 120_000);

  it("plays the explorer's own Bully counterexample: split brain where the last step says", () => {
    const r = explore(parseExploreConfig(formConfig(EXPLORE_BULLY_SPLIT)));
    const cx = r.counterexample!;
    expect(cx.invariant).toBe('split-brain');
    expect(cx.scenario).toEqual(exploredSplitBrain);
    expect(lesson.steps[0].text.en).toContain(`needed ${fmt(r.states)} states`);
    const { traces, times } = lessonPauseTimes(lesson);
    expect(times).toEqual([0, cx.at]);
    const anomaly = traces[0].find((e) => e.type === 'anomaly');
    expect(anomaly).toMatchObject({ t: cx.at, kind: 'split-brain' });
  });
});

describe('"Figure 8 found by the explorer rather than scripted"', () => {
  const lesson = lessonById('raft-figure-8-explored')!;

  it('stops at the first election, node 2 in term 2, the commit by count, and the leader that lacks it (R-S4)', () => {
    const { traces, times } = lessonPauseTimes(lesson);
    expect(times).toEqual([150, 300, 450, 600]);
    const trace = traces[0];
    const commit = trace.find((e) => e.type === 'commit' && e.node === 1);
    expect(commit).toMatchObject({ t: 450, index: 1 });
    // With the checker on (as the page runs it): R-S4 at the last step, and nothing broken before it.
    const checked = runTrace(lessonPanes(lesson)[0].scenario, lesson.untilMs, { check: true });
    const violations = checked.filter((e) => e.type === 'violation');
    expect(violations[0]).toMatchObject({ t: 600, invariant: 'R-S4' });
    expect(lesson.scenario.options).toMatchObject({ commitOldTermByCount: true, maxBatch: 1 });
    expect(lesson.steps.at(-1)!.explore).toMatchObject({ algorithm: 'raft', start: 'figure-8', commitOldTermByCount: true });
  });
});
