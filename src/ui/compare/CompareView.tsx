/**
 * Compare mode's page: two or three panes (regions named after their algorithm), one clock, a summary table.
 * `CompareGate` shows it while a compare session is open (src/store/compare-session.ts), else its children.
 */
import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { ALGORITHM_NAMES, type AlgorithmName, type Scenario } from '../../engine/core/types';
import { closeCompare, compareStore, openCompare, scenarioOfConfig, type CompareSession } from '../../store/compare-session';
import type { PaneController } from '../../store/pane-controller';
import { MAX_NODES, MAX_SEED } from '../../store/url-params';
import { ExperimentsButton } from '../batch/ExperimentsButton';
import { ExploreButton } from '../explore/ExploreButton';
import { HelpOverlay } from '../HelpOverlay';
import { useTeach, useTeachApi } from '../lessons/context';
import { LessonList } from '../lessons/LessonList';
import { LessonPanel } from '../lessons/LessonPanel';
import { TeachBar } from '../TeachBar';
import { PaneContext, useController } from '../context';
import { Timeline } from '../Controls';
import { SpeedSelect } from '../SpeedSelect';
import { Notices } from '../Notices';
import { NumberField } from '../NumberField';
import { PlaybackButtons } from '../PlaybackButtons';
import { Ring } from '../Ring';
import { StatusLine } from '../StatusLine';
import { useKeyboard } from '../useKeyboard';
import { useTeachKeys } from '../useTeachKeys';
import { usePane } from '../usePane';
import { useT } from '../useT';
import { MetricsCard } from './MetricsCard';
import { SummaryTable } from './SummaryTable';
import './compare.css';

const selectSession = (s: { session: CompareSession | null }) => s.session;

/** The top bar's switch (single view ⇄ compare) and the Experiments button. */
export function ModeButtons() {
  const t = useT();
  const session = useStore(compareStore, selectSession);
  const c = useController();
  return (
    <div className="mode-buttons">
      {session ? (
        <button type="button" onClick={() => closeCompare()} aria-pressed={true}>
          {t.compare.switchOff}
        </button>
      ) : (
        <button
          type="button"
          title={t.compare.switchOnTitle}
          aria-pressed={false}
          onClick={() => {
            c.pause();
            const s = c.store.getState();
            void openCompare(ALGORITHM_NAMES.slice(), scenarioOfConfig(s.config), { speed: s.speed, playing: true });
          }}
        >
          {t.compare.switchOn}
        </button>
      )}
      <ExperimentsButton />
      <ExploreButton />
    </div>
  );
}

export function CompareGate({ children }: { children: ReactNode }) {
  const session = useStore(compareStore, selectSession);
  // The address bar names the panes, so a reload or a copied link reopens compare mode.
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    const want = session ? session.algorithms.join(',') : null;
    if (q.get('compare') === want) return;
    if (want) q.set('compare', want);
    else q.delete('compare');
    const s = q.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${s ? `?${s}` : ''}${window.location.hash}`);
  }, [session]);
  return session ? <CompareShell key={session.id} session={session} /> : <>{children}</>;
}

function ComparePane({ controller, algorithm }: { controller: PaneController; algorithm: AlgorithmName }) {
  return (
    <PaneContext.Provider value={controller}>
      <PaneBody algorithm={algorithm} />
    </PaneContext.Provider>
  );
}

function PaneBody({ algorithm }: { algorithm: AlgorithmName }) {
  const t = useT();
  const name = t.algorithmNames[algorithm];
  const status = usePane((s) => s.status);
  return (
    <section className="cmp-pane" role="region" aria-label={name} data-algorithm={algorithm}>
      <h2 className="cmp-name">{name}</h2>
      <StatusLine />
      <div className="cmp-ring">
        <Ring />
        {status !== 'running' && <div className="overlay-msg">{status === 'starting' ? t.working : t.recovering}</div>}
      </div>
      <MetricsCard algorithmLabel={name} />
    </section>
  );
}


function CompareControls({ session }: { session: CompareSession }) {
  const t = useT();
  const tc = t.compare;
  const clock = session.clock;
  const playing = useStore(clock.store, (s) => s.playing);
  const speed = useStore(clock.store, (s) => s.speed);
  const sc = session.scenario;
  const reopen = (patch: Partial<Scenario>, algorithms: AlgorithmName[] = session.algorithms) => {
    const next = { ...sc, ...patch };
    // A script that names nodes the new cluster does not have cannot be kept.
    next.events = next.events.filter((e) => !('node' in e) || (e as { node: number }).node <= next.nodes + next.observers);
    void openCompare(algorithms, next, { speed, playing });
  };
  const toggle = (a: AlgorithmName) => {
    const has = session.algorithms.includes(a);
    const next = has ? session.algorithms.filter((x) => x !== a) : ALGORITHM_NAMES.filter((x) => x === a || session.algorithms.includes(x));
    if (next.length >= 2) reopen({}, next);
  };
  return (
    <div className="controls cmp-controls" role="toolbar" aria-label={tc.toolbar}>
      <fieldset className="cmp-algs">
        <legend>{tc.panes}</legend>
        {ALGORITHM_NAMES.map((a) => (
          <label key={a} className="check">
            <input
              type="checkbox"
              checked={session.algorithms.includes(a)}
              disabled={session.algorithms.includes(a) && session.algorithms.length <= 2}
              onChange={() => toggle(a)}
              onKeyDown={(e) => e.stopPropagation()}
            />
            {t.algorithmNames[a]}
          </label>
        ))}
      </fieldset>
      <NumberField id="cmp-nodes" label={t.nodes} value={sc.nodes} min={1} max={MAX_NODES} onCommit={(nodes) => reopen({ nodes })} />
      <NumberField id="cmp-seed" label={t.seed} value={sc.seed} min={0} max={MAX_SEED} onCommit={(seed) => reopen({ seed })} />
      <div className="buttons">
        <PlaybackButtons target={clock} playing={playing} />
        <button type="button" className="cut" onClick={() => clock.act({ do: 'crashLeader' })} title={tc.crashLeaderTitle}>
          {tc.crashLeader}
        </button>
      </div>
      <SpeedSelect speed={speed} onChange={(v) => clock.setSpeed(v)} />
    </div>
  );
}

function CompareShell({ session }: { session: CompareSession }) {
  const t = useT();
  const first = session.panes[0];
  useKeyboard(first);
  // Teaching (issue 8): side-by-side lessons run here, in presenter mode too.
  useTeachKeys(useTeachApi());
  const presenter = useTeach((s) => s.presenter);
  const inLesson = useTeach((s) => s.lessonId !== null);
  const script = session.scenario.events.length;
  return (
    <div className={`app compare-mode${presenter ? ' presenter' : ''}${inLesson ? ' in-lesson' : ''}`}>
      <PaneContext.Provider value={first}>
        <header className="top">
          <h1>{t.appTitle}</h1>
          <CompareControls session={session} />
          <ModeButtons />
          <TeachBar />
        </header>
        <Notices />
      </PaneContext.Provider>
      <main className="cmp-stage">
        <PaneContext.Provider value={first}>
          <LessonPanel />
        </PaneContext.Provider>
        <div className="cmp-panes" style={{ gridTemplateColumns: `repeat(${session.panes.length}, minmax(0, 1fr))` }}>
          {session.panes.map((c, i) => (
            <ComparePane key={session.algorithms[i]} controller={c} algorithm={session.algorithms[i]} />
          ))}
        </div>
        <PaneContext.Provider value={first}>
          <div className="cmp-timeline">
            <Timeline />
            <p className="keys-help">
              {t.keysHelp} · {t.compare.paneOnlyHint}
              {script > 0 ? ` · ${t.compare.sharedScript(script)}` : ''}
            </p>
          </div>
        </PaneContext.Provider>
        <SummaryTable panes={session.panes} />
      </main>
      <PaneContext.Provider value={first}>
        <LessonList />
        <HelpOverlay />
      </PaneContext.Provider>
    </div>
  );
}
