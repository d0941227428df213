/**
 * The Explore screen's runner (issue 16): one exploration at a time in a Web Worker
 * (`src/worker/explore.worker.ts`), with its progress, its result and Cancel (the worker is terminated).
 * The screen shows what this store holds; the engine's explorer does the search.
 */
import { createStore } from 'zustand/vanilla';
import type { ExploreResult } from '../engine/explore/explore';
import { EXPLORE_PROTOCOL_VERSION, type ExploreProgressReport, type ExploreRequest, type FromExploreWorker } from '../worker/explore-protocol';

export type ExploreStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

import { type ExploreForm, formConfig } from '../engine/explore/presets';

/** What the screen asks for (engine/explore/presets.ts): the config fields the form edits, Raft's switch, the start. */
export type { ExploreForm };

export interface ExploreRunState {
  status: ExploreStatus;
  form: ExploreForm;
  progress: ExploreProgressReport | null;
  result: ExploreResult | null;
  elapsedMs: number;
  statesPerSecond: number;
  /** The refused field (a config path, '' for none) and why. */
  error: { path: string; message: string } | null;
}

/** What the runner needs of a Worker (a real one, or an in-process stand-in in tests). */
export interface ExploreWorkerLike {
  postMessage(m: ExploreRequest): void;
  onmessage: ((e: { data: FromExploreWorker }) => void) | null;
  onerror?: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
  terminate(): void;
}

export const DEFAULT_FORM: ExploreForm = {
  algorithm: 'bully',
  nodes: 3,
  crashes: 0,
  revives: 0,
  partitions: 1,
  drops: 0,
  writes: 0,
  maxDepth: 10,
  maxStates: 200_000,
  splitBrain: true,
  preemption: false,
  commitOldTermByCount: false,
  start: 'boot',
};

export const browserExploreWorker = (): ExploreWorkerLike =>
  new Worker(new URL('../worker/explore.worker.ts', import.meta.url), { type: 'module', name: 'election-lab-explore' }) as unknown as ExploreWorkerLike;

export class ExploreRunner {
  readonly store = createStore<ExploreRunState>(() => ({
    status: 'idle',
    form: { ...DEFAULT_FORM },
    progress: null,
    result: null,
    elapsedMs: 0,
    statesPerSecond: 0,
    error: null,
  }));
  private worker: ExploreWorkerLike | null = null;
  private id = 0;

  constructor(private readonly factory: () => ExploreWorkerLike = browserExploreWorker) {}

  setForm(patch: Partial<ExploreForm>): void {
    this.store.setState((s) => ({ form: { ...s.form, ...patch } }));
  }

  /** Starts the form's exploration (cancelling a running one). */
  run(): void {
    this.stop();
    const id = ++this.id;
    const w = this.factory();
    this.worker = w;
    this.store.setState({ status: 'running', progress: null, result: null, error: null, elapsedMs: 0, statesPerSecond: 0 });
    const fail = (path: string, message: string) => {
      if (id !== this.id) return;
      this.stop();
      this.store.setState({ status: 'error', error: { path, message } });
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      fail('', e.message || 'the explore worker stopped');
    };
    w.onmessage = (e) => {
      const m = e.data;
      if (id !== this.id || m.id !== id) return;
      if (m.type === 'progress') {
        const { type: _t, v: _v, id: _i, ...progress } = m;
        this.store.setState({ progress, elapsedMs: m.elapsedMs, statesPerSecond: m.statesPerSecond });
      } else if (m.type === 'error') fail(m.path, m.message);
      else {
        this.stop();
        this.store.setState({ status: 'done', result: m.result, elapsedMs: m.elapsedMs, statesPerSecond: m.statesPerSecond });
      }
    };
    w.postMessage({ type: 'explore', v: EXPLORE_PROTOCOL_VERSION, id, config: formConfig(this.store.getState().form) });
  }

  cancel(): void {
    if (this.store.getState().status !== 'running') return;
    this.id++;
    this.stop();
    this.store.setState({ status: 'cancelled' });
  }

  dispose(): void {
    this.cancel();
    this.stop();
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
