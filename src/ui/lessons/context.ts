/** The teaching layer's store and lesson session, provided through React context (absent: no teaching UI). */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LessonSession } from '../../store/lesson-session';
import { TEACH_DEFAULTS, type TeachState, type TeachStore } from '../../store/teach-store';

export interface Teach {
  store: TeachStore;
  session: LessonSession;
}

export const TeachContext = createContext<Teach | null>(null);

export function useTeachApi(): Teach | null {
  return useContext(TeachContext);
}

const EMPTY = TEACH_DEFAULTS;
const emptyStore = { getState: () => EMPTY, getInitialState: () => EMPTY, subscribe: () => () => {}, setState: () => {} } as unknown as TeachStore;

/** Reads the teaching store (defaults when there is no provider, e.g. in unit tests of other components). */
export function useTeach<T>(selector: (s: TeachState) => T): T {
  const api = useContext(TeachContext);
  return useStore(api?.store ?? emptyStore, selector);
}

/** Sets one query parameter in the address bar without reloading (null removes it). */
export function setUrlParam(key: string, value: string | null): void {
  if (typeof window === 'undefined') return;
  const q = new URLSearchParams(window.location.search);
  if (value === null) q.delete(key);
  else q.set(key, value);
  const s = q.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${s ? `?${s}` : ''}${window.location.hash}`);
}
