/**
 * The Explore screen (issue 16): the model checker of src/engine/explore in a Web Worker. The user picks an
 * algorithm, a cluster size, the faults the search may inject and its bounds; a progress bar shows states,
 * states/s, depth and frontier; the result is either "no violation in S states up to depth D" or the shortest
 * counterexample — the invariant it breaks and its schedule — which opens on the ring as a pinned scenario.
 */
import { IntField as Int } from '../IntField';
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { ALGORITHM_NAMES, type AlgorithmName } from '../../engine/core/types';
import { EXPLORE_LIMITS } from '../../engine/explore/config';
import type { ExploreResult } from '../../engine/explore/explore';
import type { ScheduleStep } from '../../engine/explore/schedule';
import { closeCompare, compareStore } from '../../store/compare-session';
import { figure8Form } from '../../engine/explore/presets';
import { ExploreRunner, type ExploreForm } from '../../store/explore-runner';
import { useController } from '../context';
import type { Dict } from '../i18n';
import { useT } from '../useT';
import { exploreStore } from './ExploreButton';
import './explore.css';

let runner: ExploreRunner | null = null;
/** The page's one runner (created on first use), so a result stays when the screen is closed and reopened. */
export function getExploreRunner(): ExploreRunner {
  runner ??= new ExploreRunner();
  return runner;
}

/** The UI's smallest and largest cluster: the engine allows 1..5, but one node elects nobody. */
const NODES: [number, number] = [2, EXPLORE_LIMITS.nodes[1]];

export function stepText(te: Dict['explore'], s: ScheduleStep): string {
  const st = te.stepText;
  switch (s.type) {
    case 'deliver':
      return st.deliver(s.from, s.to, s.kind);
    case 'drop':
      return st.drop(s.from, s.to, s.kind);
    case 'timer':
      return st.timer(s.node, s.name);
    default:
      switch (s.do) {
        case 'crash':
          return st.crash(s.node);
        case 'revive':
          return st.revive(s.node);
        case 'partition':
          return st.partition(s.groups.map((g) => `{${g.join(', ')}}`).join(' | '));
        case 'heal':
          return st.heal;
        case 'write':
          return st.write(s.node, String(s.value));
        default:
          return st.other(s.do);
      }
  }
}

/** Where the ring opens: the last step's predecessor in time, so one Step forward (or a few) shows the violation. */
export function openTime(r: ExploreResult): number {
  const cx = r.counterexample!;
  let t = 0;
  for (const s of cx.steps) if (s.t < cx.at) t = Math.max(t, s.t);
  return t;
}

function Result({ result, onOpen }: { result: ExploreResult; onOpen: () => void }) {
  const t = useT();
  const te = t.explore;
  const cx = result.counterexample;
  if (!cx) {
    return (
      <div className="explore-result" data-testid="explore-result">
        <p className="explore-verdict safe">{te.safe(result.states, result.completeDepth)}</p>
        <p className="muted">{result.hitStateBound ? te.safeStateBound(result.config.maxStates) : result.exhausted ? te.safeExhausted : ''}</p>
      </div>
    );
  }
  const name = te.invariants[cx.invariant] ?? cx.invariant;
  return (
    <div className="explore-result" data-testid="explore-result">
      <p className="explore-verdict">{te.found(cx.length, result.states)}</p>
      <p className="explore-violation" data-invariant={cx.invariant}>
        {te.violated(name, cx.detail)}
      </p>
      <h3 id="explore-schedule">{te.schedule}</h3>
      <ol className="explore-steps" aria-labelledby="explore-schedule">
        <li className="muted">
          <span className="explore-t">{te.at(0)}</span> {te.boot}
        </li>
        {cx.steps.map((s, i) => (
          <li key={i} data-step={s.type === 'action' ? s.do : s.type} className={i === cx.steps.length - 1 ? 'last' : undefined}>
            <span className="explore-t">{te.at(s.t)}</span> {stepText(te, s)}
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" className="primary" onClick={onOpen}>
          {te.openOnRing}
        </button>
        <span className="muted">{te.openOnRingHint}</span>
      </div>
    </div>
  );
}

export function ExploreDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const te = t.explore;
  const c = useController();
  const r = useMemo(() => getExploreRunner(), []);
  const state = useStore(r.store);
  const form = state.form;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, []);
  // A lesson step's "Run the explorer" opens the screen with a form to run (exploreStore.request).
  const request = useStore(exploreStore, (s) => s.request);
  useEffect(() => {
    if (!request) return;
    exploreStore.setState({ request: null });
    r.setForm(request);
    r.run();
  }, [request, r]);
  const running = state.status === 'running';
  const set = (patch: Partial<ExploreForm>) => r.setForm(patch);
  const p = state.progress;
  const result = state.status === 'done' ? state.result : null;
  const outcome = result ? (result.counterexample ? 'counterexample' : 'safe') : undefined;
  const open = () => {
    const cx = result?.counterexample;
    if (!cx) return;
    if (compareStore.getState().session) closeCompare();
    c.loadText(JSON.stringify(cx.scenario), te.source, { time: openTime(result), playing: false });
    onClose();
  };
  const budget = (key: 'crashes' | 'revives' | 'partitions' | 'drops' | 'writes') => (
    <Int key={key} id={`explore-${key}`} label={te[key]} value={form[key]} min={EXPLORE_LIMITS[key][0]} max={EXPLORE_LIMITS[key][1]} disabled={running} onChange={(n) => set({ [key]: n })} />
  );
  return (
    <div className="explore-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div ref={ref} className="explore" role="dialog" aria-modal="true" aria-labelledby="explore-title" data-explore-status={state.status} data-explore-outcome={outcome} data-explore-states={result?.states} data-explore-ms={result ? Math.round(state.elapsedMs) : undefined}>
        <div className="explore-head">
          <h2 id="explore-title">{te.title}</h2>
          <button type="button" onClick={onClose}>
            {te.close}
          </button>
        </div>
        <p className="muted explore-intro">{te.intro}</p>
        <div className="explore-form controls">
          <label className="field">
            <span>{te.algorithm}</span>
            <select value={form.algorithm} disabled={running} onChange={(e) => set({ algorithm: e.target.value as AlgorithmName, start: 'boot' })}>
              {ALGORITHM_NAMES.map((a) => (
                <option key={a} value={a}>
                  {t.algorithmNames[a]}
                </option>
              ))}
            </select>
          </label>
          <Int id="explore-nodes" label={te.nodes} value={form.nodes} min={NODES[0]} max={NODES[1]} disabled={running} onChange={(nodes) => set({ nodes })} />
          <fieldset disabled={running}>
            <legend>{te.budgets}</legend>
            {(['crashes', 'revives', 'partitions', 'drops', 'writes'] as const).map(budget)}
          </fieldset>
          <fieldset disabled={running}>
            <legend>{te.bounds}</legend>
            <Int id="explore-depth" label={te.maxDepth} value={form.maxDepth} min={EXPLORE_LIMITS.maxDepth[0]} max={EXPLORE_LIMITS.maxDepth[1]} disabled={running} onChange={(maxDepth) => set({ maxDepth })} />
            <Int id="explore-states" label={te.maxStates} value={form.maxStates} min={EXPLORE_LIMITS.maxStates[0]} max={EXPLORE_LIMITS.maxStates[1]} disabled={running} onChange={(maxStates) => set({ maxStates })} />
          </fieldset>
          {form.algorithm === 'raft' && (
            <fieldset disabled={running}>
              <legend>{te.raft}</legend>
              <label className="check">
                <input type="checkbox" checked={form.commitOldTermByCount} onChange={(e) => set({ commitOldTermByCount: e.target.checked })} />
                {te.commitOldTermByCount}
              </label>
              <label className="field">
                <span>{te.start}</span>
                <select value={form.start} onChange={(e) => set(e.target.value === 'figure-8' ? figure8Form(form.commitOldTermByCount) : { start: 'boot' })}>
                  <option value="boot">{te.startBoot}</option>
                  <option value="figure-8">{te.startFigure8}</option>
                </select>
              </label>
              {form.start === 'figure-8' && <p className="muted explore-note">{te.figure8Note}</p>}
            </fieldset>
          )}
          <fieldset disabled={running}>
            <legend>{te.properties}</legend>
            <label className="check">
              <input type="checkbox" checked={form.splitBrain} onChange={(e) => set({ splitBrain: e.target.checked })} />
              {te.splitBrain}
            </label>
            <label className="check">
              <input type="checkbox" checked={form.preemption} onChange={(e) => set({ preemption: e.target.checked })} />
              {te.preemption}
            </label>
          </fieldset>
          <div className="buttons">
            <button type="button" className="primary" onClick={() => r.run()} disabled={running}>
              {te.run}
            </button>
            <button type="button" onClick={() => r.cancel()} disabled={!running}>
              {te.cancel}
            </button>
          </div>
        </div>
        <div className="progress-row">
          <progress aria-label={te.progress} max={form.maxStates} value={running ? (p?.states ?? 0) : result ? result.states : 0} />
          <span className="muted" aria-live="polite">
            {running && p && te.progressText(p.states, state.statesPerSecond, p.depth, p.frontier)}
            {state.status === 'idle' && te.idle}
            {state.status === 'cancelled' && te.cancelled}
            {state.status === 'error' && state.error && te.failed(state.error.path, state.error.message)}
            {result && `${te.progressText(result.states, state.statesPerSecond, result.depth, result.frontier)} · ${te.took(state.elapsedMs / 1000)}`}
          </span>
        </div>
        {result && <Result result={result} onOpen={open} />}
      </div>
    </div>
  );
}
