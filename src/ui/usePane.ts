import { useStore } from 'zustand';
import type { PaneState } from '../store/pane-model';
import { useController } from './context';

/** Selects from this pane's store; the component re-renders only when the selected value changes. */
export function usePane<T>(selector: (s: PaneState) => T): T {
  return useStore(useController().store, selector);
}
