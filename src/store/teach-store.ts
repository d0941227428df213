/**
 * The teaching layer's small store (issue 8): how the page is shown (presenter, embed), which overlay is open
 * (lesson list, help, export) and the running lesson. The lesson session (`lesson-session.ts`) writes the
 * lesson fields; components read them with `useTeach`.
 */
import { createStore } from 'zustand/vanilla';

export type Overlay = 'none' | 'lessons' | 'help';

export interface TeachState {
  /** `?presenter=1`: full screen, large type, panels hidden, high contrast, laser pointer. */
  presenter: boolean;
  /** `?embed=1`: only the ring, its status and the play controls (slides, web pages). */
  embed: boolean;
  overlay: Overlay;
  /** The open lesson's id, or null. */
  lessonId: string | null;
  /** -1: the lesson's introduction (time 0); 0..n-1: paused at (or playing towards) that step. */
  step: number;
  /** The virtual time of each step's pause point (null: never reached; treated as the end of the run). */
  times: (number | null)[];
  /** True while the run plays towards the next pause point after "Next step". */
  transit: boolean;
  /** A side-by-side lesson opened where side-by-side mode is not available yet. */
  needsCompare: boolean;
}

/** The teaching state with no lesson open and no special mode: the store's start and the no-provider default. */
export const TEACH_DEFAULTS: TeachState = Object.freeze({
  presenter: false,
  embed: false,
  overlay: 'none',
  lessonId: null,
  step: -1,
  times: [],
  transit: false,
  needsCompare: false,
}) as TeachState;

export function createTeachStore(init: Partial<TeachState> = {}) {
  return createStore<TeachState>(() => ({ ...TEACH_DEFAULTS, ...init }));
}

export type TeachStore = ReturnType<typeof createTeachStore>;
