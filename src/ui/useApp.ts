import { useStore } from 'zustand';
import type { AppState } from '../store/app-store';
import { useAppStoreApi } from './context';

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
