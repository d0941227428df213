import { describe, expect, it } from 'vitest';
import { runExplore } from '../worker/explore-host';
import type { ExploreRequest, FromExploreWorker } from '../worker/explore-protocol';
import { ExploreRunner, type ExploreWorkerLike } from './explore-runner';

/** A worker on the test's thread: the request runs on a later task, the messages structured-cloned, as a Worker would. */
function inProcess(clock: () => number): { factory: () => ExploreWorkerLike; terminated: number } {
  const out = { terminated: 0, factory: (): ExploreWorkerLike => null as never };
  out.factory = () => {
    let dead = false;
    const w: ExploreWorkerLike = {
      onmessage: null,
      postMessage(m: ExploreRequest) {
        setTimeout(() => runExplore(structuredClone(m), (x: FromExploreWorker) => !dead && w.onmessage?.({ data: structuredClone(x) }), clock, 0), 0);
      },
      terminate() {
        dead = true;
        out.terminated++;
      },
    };
    return w;
  };
  return out;
}

const until = (r: ExploreRunner, ok: (s: string) => boolean) =>
  new Promise<void>((resolve) => {
    if (ok(r.store.getState().status)) return resolve();
    const off = r.store.subscribe((s) => {
      if (ok(s.status)) {
        off();
        resolve();
      }
    });
  });

describe('ExploreRunner', () => {
  it("finds Bully's split brain at n = 3 with one partition, with progress on the way", async () => {
    let t = 0;
    const w = inProcess(() => (t += 5));
    const r = new ExploreRunner(w.factory);
    const seen: number[] = [];
    r.store.subscribe((s) => s.progress && seen.push(s.progress.states));
    r.setForm({ algorithm: 'bully', nodes: 3, partitions: 1, maxDepth: 10 });
    r.run();
    expect(r.store.getState().status).toBe('running');
    await until(r, (s) => s !== 'running');
    const s = r.store.getState();
    expect(s.status).toBe('done');
    expect(s.result!.counterexample!.invariant).toBe('split-brain');
    expect(s.result!.counterexample!.scenario.pinned).toBeDefined();
    expect(seen.length).toBeGreaterThan(0);
    expect(s.statesPerSecond).toBeGreaterThan(0);
    expect(w.terminated).toBe(1);
  });

  it('Raft n = 3 in small bounds: no violation', async () => {
    const r = new ExploreRunner(inProcess(() => 0).factory);
    r.setForm({ algorithm: 'raft', nodes: 3, partitions: 0, maxDepth: 5, maxStates: 5_000 });
    r.run();
    await until(r, (s) => s !== 'running');
    const res = r.store.getState().result!;
    expect(res.counterexample).toBeNull();
    expect(res.states).toBeGreaterThan(1);
  });

  it('refuses a bad field by name, and cancel terminates the worker', async () => {
    const w = inProcess(() => 0);
    const r = new ExploreRunner(w.factory);
    r.setForm({ nodes: 9 });
    r.run();
    await until(r, (s) => s !== 'running');
    expect(r.store.getState()).toMatchObject({ status: 'error', error: { path: 'nodes', message: 'must be between 1 and 5' } });
    r.setForm({ nodes: 3 });
    r.run();
    r.cancel();
    expect(r.store.getState().status).toBe('cancelled');
    expect(w.terminated).toBe(2);
  });
});
