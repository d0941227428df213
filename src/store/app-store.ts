/** The small app-wide store: language, theme, notices about bad input, and which algorithms exist. */
import { createStore } from 'zustand/vanilla';
import type { AlgorithmInfo } from '../protocol';
import type { Lang, ParamProblem, Theme } from './url-params';

export interface AppState {
  lang: Lang;
  theme: Theme;
  /** Problems with the query parameters, shown as alerts until dismissed. */
  problems: ParamProblem[];
  /** What the worker can run; null until it said hello. */
  algorithms: AlgorithmInfo[] | null;
  /** The partition tool: drawing a split line across the ring. */
  tool: 'none' | 'split';
}

export function createAppStore(init: Partial<AppState> = {}) {
  return createStore<AppState>(() => ({
    lang: 'en',
    theme: 'light',
    problems: [],
    algorithms: null,
    tool: 'none',
    ...init,
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
