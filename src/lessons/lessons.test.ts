import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/core/types';
import { parseScenario } from '../engine/scenario-file';
import { COVERAGE } from './coverage';
import { LESSON_GROUPS, LESSONS, findPausePoints, lessonById, lessonPanes, runLesson } from './index';
import type { CoverageTag, Lesson, Text } from './types';

const CJK = /[\u3400-\u9fff]/;

function texts(l: Lesson): [string, Text][] {
  const out: [string, Text][] = [
    ['title', l.title],
    ['goal', l.goal],
  ];
  l.steps.forEach((s, i) => {
    out.push([`steps[${i}].text`, s.text]);
    if (s.question) out.push([`steps[${i}].question`, s.question]);
  });
  return out;
}

const traces = new Map<string, TraceEvent[][]>();
const tracesOf = (l: Lesson) => {
  if (!traces.has(l.id)) traces.set(l.id, runLesson(l));
  return traces.get(l.id)!;
};

describe('the lesson library', () => {
  it('has at least 15 lessons with unique, URL-safe ids, each reachable by lessonById and listed in exactly one group', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(15);
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LESSONS) {
      expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(encodeURIComponent(l.id)).toBe(l.id);
      expect(lessonById(l.id)).toBe(l);
      expect(LESSON_GROUPS.filter((g) => g.lessons.includes(l))).toHaveLength(1);
    }
    expect(lessonById('no-such-lesson')).toBeUndefined();
  });

  it('has every text in English and Chinese, short enough for a projector', () => {
    for (const l of LESSONS) {
      for (const [where, t] of texts(l)) {
        const at = `${l.id} ${where}`;
        expect(t.en.trim(), at).not.toBe('');
        expect(t.zh.trim(), at).not.toBe('');
        expect(t.zh, at).toMatch(CJK);
        expect(t.en, at).not.toMatch(CJK);
        expect(t.en.length, at).toBeLessThanOrEqual(320);
        expect(t.zh.length, at).toBeLessThanOrEqual(160);
      }
    }
    for (const g of LESSON_GROUPS) expect(g.title.zh).toMatch(CJK);
  });

  it('gives every lesson a goal, at least two steps, 1–3 distinct algorithms and a valid scenario for each pane', () => {
    for (const l of LESSONS) {
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(2);
      expect(l.algorithms.length, l.id).toBeGreaterThanOrEqual(1);
      expect(l.algorithms.length, l.id).toBeLessThanOrEqual(3);
      expect(new Set(l.algorithms).size, l.id).toBe(l.algorithms.length);
      if (l.algorithms.length === 1) expect(l.scenario.algorithm, l.id).toBe(l.algorithms[0]);
      expect(l.group === 'compare', l.id).toBe(l.algorithms.length > 1);
      expect(() => parseScenario(JSON.parse(JSON.stringify(l.scenario))), l.id).not.toThrow();
      for (const pane of lessonPanes(l)) {
        expect(() => parseScenario(JSON.parse(JSON.stringify(pane.scenario))), `${l.id} ${pane.algorithm}`).not.toThrow();
      }
      const last = l.scenario.events.at(-1);
      if (last) expect(last.at, `${l.id}: the script runs past untilMs`).toBeLessThan(l.untilMs);
      for (const s of l.steps) {
        for (const n of s.highlight?.nodes ?? []) {
          expect(n, l.id).toBeGreaterThanOrEqual(1);
          expect(n, l.id).toBeLessThanOrEqual(l.scenario.nodes + l.scenario.observers);
        }
        if (s.highlight?.pane) expect(l.algorithms).toContain(s.highlight.pane);
        if ('pane' in s.pause && s.pause.pane) expect(l.algorithms, l.id).toContain(s.pause.pane);
      }
    }
  });

  it('is plain data: every lesson survives a JSON round trip', () => {
    for (const l of LESSONS) expect(JSON.parse(JSON.stringify(l))).toEqual(l);
  });

  it('covers every claim of the seed text and every staged scenario of protocols.md §1.8, §2.8 and §3.6', () => {
    const covered = new Set<CoverageTag>(LESSONS.flatMap((l) => l.covers));
    const missing = (Object.keys(COVERAGE) as CoverageTag[]).filter((t) => !covered.has(t));
    expect(missing).toEqual([]);
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('reaches every pause point in the actual run, in order, within untilMs, without a safety violation', () => {
    const tr = tracesOf(lesson);
    for (const t of tr) expect(t.filter((e) => e.type === 'violation')).toEqual([]);
    const times = findPausePoints(lesson, tr);
    times.forEach((t, i) => {
      expect(t, `step ${i + 1} (${JSON.stringify(lesson.steps[i].pause)}) is never reached`).not.toBeNull();
      expect(t!, `step ${i + 1}`).toBeLessThanOrEqual(lesson.untilMs);
      if (i > 0) expect(t!, `step ${i + 1} pauses before step ${i}`).toBeGreaterThanOrEqual(times[i - 1]!);
    });
    // A lesson that pauses twice at the very same instant would look stuck to the class.
    const distinct = new Set(times);
    expect(distinct.size, `pause times ${times.join(', ')}`).toBe(times.length);
  });
});
