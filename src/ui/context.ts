/** The stores a component reads, provided through React context (one pane controller per pane). */
import { createContext, useContext } from 'react';
import type { AppStore } from '../store/app-store';
import type { PaneController } from '../store/pane-controller';

export const AppStoreContext = createContext<AppStore | null>(null);
export const PaneContext = createContext<PaneController | null>(null);

export function useController(): PaneController {
  const c = useContext(PaneContext);
  if (!c) throw new Error('usePane outside a PaneContext');
  return c;
}

export function useAppStoreApi(): AppStore {
  const s = useContext(AppStoreContext);
  if (!s) throw new Error('useApp outside an AppStoreContext');
  return s;
}
