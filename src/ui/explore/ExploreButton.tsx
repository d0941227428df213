import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ExploreForm } from '../../engine/explore/presets';
import { useT } from '../useT';

/**
 * Whether the Explore screen is open (one per page), and a form it should run when it opens (a lesson step's
 * "Run the explorer"; the screen takes it and clears it).
 */
export const exploreStore = createStore<{ open: boolean; request: ExploreForm | null }>(() => ({ open: false, request: null }));

/** Opens the Explore screen and runs `form` there. */
export function runInExplore(form: ExploreForm): void {
  exploreStore.setState({ open: true, request: { ...form } });
}

// The screen and the explorer's runner load when first opened (issue 9: a small first script).
const ExploreDialog = lazy(() => import('./ExploreDialog').then((m) => ({ default: m.ExploreDialog })));

export function ExploreButton() {
  const t = useT();
  const open = useStore(exploreStore, (s) => s.open);
  return (
    <>
      <button type="button" title={t.explore.openTitle} onClick={() => exploreStore.setState({ open: true })} aria-haspopup="dialog">
        {t.explore.open}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExploreDialog onClose={() => exploreStore.setState({ open: false })} />
        </Suspense>
      )}
    </>
  );
}
