/**
 * The lesson library loads on first use (issue 9): its texts, scenarios and the headless engine that finds the
 * pause points would otherwise be a third of the page's first script. Components that show an open lesson read
 * it with `loadedLessons()` (a lesson is only opened once the library is here); the lesson list waits for it.
 */
import type * as Library from './index';

export type LessonLibrary = typeof Library;

let library: LessonLibrary | null = null;
let pending: Promise<LessonLibrary> | null = null;

/** The library if it has loaded, else null. */
export function loadedLessons(): LessonLibrary | null {
  return library;
}

/** Loads the library once; later calls get the same promise. */
export function loadLessons(): Promise<LessonLibrary> {
  pending ??= import('./index').then((m) => (library = m));
  return pending;
}

/** The lesson with this id once the library has loaded (an open lesson's id always finds it). */
export function loadedLesson(id: string): Library.Lesson | undefined {
  return library?.lessonById(id);
}
