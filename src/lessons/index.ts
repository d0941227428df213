/**
 * The lesson library (issue 8): every lesson, in the order of the lesson list, grouped by topic.
 * Open one by id (`?lesson=<id>`, contracts/ui.md) with `lessonById`.
 */
import { BASICS_LESSONS } from './library/basics';
import { BULLY_LESSONS } from './library/bully';
import { COMPARE_LESSONS } from './library/compare';
import { PAXOS_LESSONS } from './library/paxos';
import { RAFT_LESSONS } from './library/raft';
import { ZAB_LESSONS } from './library/zab';
import { PROFILES } from '../engine/algorithms/profiles';
import { ALGORITHM_NAMES, type AlgorithmName } from '../engine/core/types';
import type { Lesson, LessonGroupId, Text } from './types';

export type { CoverageTag, Lang, Lesson, LessonGroupId, PausePoint, Step, Text, Where } from './types';
export { findPausePoints, resolvePauses, eventMatches, type ResolvedPause } from './pause';
export { lessonPanes, runLesson, lessonPauseTimes, type LessonPane } from './run';
export { snapshotAt, nodesInRole, type Snapshot } from './snapshot';

/**
 * Each algorithm's lessons, one line per algorithm (its group of the lesson list, titled by its profile's
 * `lessonGroup`). `AlgorithmName` makes the type checker ask for a new algorithm's line.
 */
const ALGORITHM_LESSONS: Record<AlgorithmName, readonly Lesson[]> = {
  bully: BULLY_LESSONS,
  raft: RAFT_LESSONS,
  zab: ZAB_LESSONS,
  paxos: PAXOS_LESSONS,
};

export const LESSONS: readonly Lesson[] = [...BASICS_LESSONS, ...ALGORITHM_NAMES.flatMap((a) => ALGORITHM_LESSONS[a]), ...COMPARE_LESSONS];

export interface LessonGroup {
  id: LessonGroupId;
  title: Text;
  lessons: readonly Lesson[];
}

const GROUP_TITLES: Record<LessonGroupId, Text> = {
  basics: { en: 'Why a leader', zh: '为什么要选主' },
  ...(Object.fromEntries(ALGORITHM_NAMES.map((a) => [a, { ...PROFILES[a].lessonGroup }])) as Record<AlgorithmName, Text>),
  compare: { en: 'Side by side', zh: '对比实验' },
};

/** The lesson list, by topic, in teaching order. */
export const LESSON_GROUPS: readonly LessonGroup[] = (Object.keys(GROUP_TITLES) as LessonGroupId[]).map((id) => ({
  id,
  title: GROUP_TITLES[id],
  lessons: LESSONS.filter((l) => l.group === id),
}));

const BY_ID = new Map(LESSONS.map((l) => [l.id, l]));

/** The lesson with this id, or undefined (the UI shows a notice for an unknown `?lesson=`). */
export function lessonById(id: string): Lesson | undefined {
  return BY_ID.get(id);
}
