/**
 * `window.__sim`: a read-only window on the engine's state for end-to-end tests, so they read state instead
 * of pixels. Installed only when the page is opened with `?test=1` (any build); absent otherwise.
 *
 * Virtual time, for tests that must not race the wall clock (issue 13). The page runs on virtual time; a test
 * drives it instead of playing at some speed and hoping a moment comes within a timeout:
 * - `advanceTo(t)` plays to virtual time t at once and pauses there (PaneController.fastForward: the same path
 *   as playing across t; in a lesson it stops at the next pause point first, and that step shows). Returns
 *   the displayed time it stopped at. Forward only: to go back, seek as the timeline does.
 * - `settled()`: the worker has delivered the displayed frame (paused, engine time = displayed time, nothing
 *   owed). Wait on `settled() && viewTime() === t`, never on a sleep.
 * Times worth going to are known from the headless run (`e2e/headless.ts` runs the same engine in Node).
 * Page objects: `Lab.advanceTo(ms)`, `Lab.settled(ms)`, `Lab.nextPause()` in e2e/pages/lab.ts.
 */
import type { NodeId } from '../engine/core/types';
import type { NodeSnapshot } from '../protocol';
import type { PaneController } from './pane-controller';

export interface SimBridge {
  viewTime(): number;
  engineTime(): number;
  playing(): boolean;
  status(): string;
  algorithm(): string;
  algorithms(): string[];
  nodes(): NodeSnapshot[];
  leader(): NodeId | null;
  /** Messages on screen now (in flight or fading). */
  messageCount(): number;
  /** Those messages: id, kind, ends, send and delivery times, when dropped (the canvas layer's input). */
  messages(): { msg: number; kind: string; from: number; to: number; t: number; deliverAt: number; lost?: boolean; diedAt?: number }[];
  stats(): { sent: number; delivered: number; dropped: number; steps: number };
  traceHash(): string;
  actions(): unknown[];
  network(): { group: number[]; cuts: [number, number][] };
  violations(): unknown[];
  /** The last anomalies the kernel reported (split brain…), as trace events. */
  anomalies(): unknown[];
  recoveries(): number;
  transport(): string | null;
  /** Replay: timeline markers, narration lines (both languages), the run as a scenario file, its trace. */
  markers(): unknown[];
  narration(): { t: number; en: string; zh: string; category: string }[];
  scenario(): unknown;
  exportTrace(): Promise<{ to: number; jsonl: string; hash: string }>;
  /** Plays to virtual time `t` at once and pauses (or at a lesson's next pause point, if before). */
  advanceTo(t: number): number;
  /** The worker has delivered the displayed frame: paused, engine at the displayed time, nothing owed. */
  settled(): boolean;
  /** Test hooks: freeze the picture at once (screenshots), the worker throws, or disappears without a word. */
  pause(): void;
  crashWorker(): void;
  killWorker(): void;
}

export function installTestBridge(c: PaneController, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): SimBridge {
  const s = () => c.store.getState();
  const bridge: SimBridge = {
    viewTime: () => c.time,
    engineTime: () => s().engineTime,
    playing: () => s().playing,
    status: () => s().status,
    algorithm: () => s().config.algorithm,
    algorithms: () => (c.algorithms ?? []).map((a) => a.name),
    nodes: () => Object.values(s().nodes).map((n) => ({ ...n })),
    leader: () => s().leader,
    messageCount: () => s().messages.size,
    messages: () => s().messages.values().map(({ msg, kind, from, to, t, deliverAt, lost, diedAt }) => ({ msg, kind, from, to, t, deliverAt, lost, diedAt })),
    stats: () => ({ ...s().stats }),
    traceHash: () => s().traceHash,
    actions: () => structuredClone(s().actions),
    network: () => structuredClone({ group: s().network.group, cuts: s().network.cuts }),
    violations: () => structuredClone(s().violations),
    anomalies: () => structuredClone(s().anomalies),
    recoveries: () => s().recoveries,
    transport: () => c.transportKind,
    markers: () => structuredClone(s().markers),
    narration: () => s().lines.map((l) => ({ t: l.t, en: l.text.en, zh: l.text.zh, category: l.category })),
    scenario: () => c.scenarioFile(),
    exportTrace: () => c.exportTrace(),
    advanceTo: (t) => {
      if (!(t >= c.time)) throw new Error(`advanceTo(${t}): the displayed time is already ${c.time}; seek to go back`);
      c.fastForward(t);
      return c.time;
    },
    settled: () => c.settled,
    pause: () => c.pause(),
    crashWorker: () => c.crashWorker(),
    killWorker: () => c.killWorker(),
  };
  target.__sim = bridge;
  return bridge;
}
