import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useT } from '../useT';

/** Whether the Experiments screen is open (one per page). */
export const experimentsStore = createStore<{ open: boolean }>(() => ({ open: false }));

// The screen, its charts and the batch runner load when first opened (issue 9: a small first script).
const ExperimentsDialog = lazy(() => import('./ExperimentsDialog').then((m) => ({ default: m.ExperimentsDialog })));

export function ExperimentsButton() {
  const t = useT();
  const open = useStore(experimentsStore, (s) => s.open);
  return (
    <>
      <button type="button" title={t.batch.openTitle} onClick={() => experimentsStore.setState({ open: true })} aria-haspopup="dialog">
        {t.batch.open}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExperimentsDialog onClose={() => experimentsStore.setState({ open: false })} />
        </Suspense>
      )}
    </>
  );
}
