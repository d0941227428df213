/** Running a lesson's panes headless (tests, the CLI, or a UI that runs lessons in-process). */
import { paneScenarios } from '../engine/compare';
import type { AlgorithmName, Scenario, TraceEvent } from '../engine/core/types';
import { runTrace } from '../engine/run';
import { findPausePoints } from './pause';
import type { Lesson } from './types';

export interface LessonPane {
  algorithm: AlgorithmName;
  scenario: Scenario;
}

/** One scenario per pane, in the order of `lesson.algorithms` (the same script on each, engine/compare.ts). */
export function lessonPanes(lesson: Lesson): LessonPane[] {
  return paneScenarios(lesson.scenario, lesson.algorithms).map((scenario, k) => ({ algorithm: lesson.algorithms[k], scenario }));
}

/** Every pane's whole trace up to `lesson.untilMs`. */
export function runLesson(lesson: Lesson): TraceEvent[][] {
  return lessonPanes(lesson).map((p) => runTrace(p.scenario, lesson.untilMs, { algorithm: p.algorithm }));
}

/** Runs the lesson and resolves its pause points. */
export function lessonPauseTimes(lesson: Lesson): { traces: TraceEvent[][]; times: (number | null)[] } {
  const traces = runLesson(lesson);
  return { traces, times: findPausePoints(lesson, traces) };
}
