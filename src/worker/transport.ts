/**
 * How the page talks to a SimHost: through a real Web Worker, or in-process where Workers are missing (and
 * in tests). The in-process transport structured-clones every message both ways and delivers it on a later
 * task, so code that works with it works with a Worker too.
 */
import type { FromWorker, ToWorker } from '../protocol';

export interface Transport {
  post(msg: ToWorker): void;
  /** Called for every message from the host. */
  onMessage: ((msg: FromWorker) => void) | null;
  /** Called when the host died or could not start. */
  onFailure: ((reason: string) => void) | null;
  terminate(): void;
  readonly kind: 'worker' | 'in-process';
}

export type TransportFactory = () => Transport;

export class WorkerTransport implements Transport {
  readonly kind = 'worker' as const;
  onMessage: ((msg: FromWorker) => void) | null = null;
  onFailure: ((reason: string) => void) | null = null;
  private worker: Worker;

  constructor() {
    this.worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'election-lab-sim' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.onMessage?.(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.onFailure?.(e.message || 'the simulation worker stopped');
    };
    this.worker.onmessageerror = () => this.onFailure?.('a message from the simulation worker could not be read');
  }

  post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/**
 * The in-process host, loaded on demand so the engine is not in the page's own bundle: messages posted before
 * it has loaded wait in a queue.
 */
export class LazyInProcessTransport implements Transport {
  readonly kind = 'in-process' as const;
  onMessage: ((msg: FromWorker) => void) | null = null;
  onFailure: ((reason: string) => void) | null = null;
  private inner: Transport | null = null;
  private queue: ToWorker[] = [];
  private dead = false;

  constructor() {
    import('./in-process')
      .then(({ InProcessTransport }) => {
        if (this.dead) return;
        const t = new InProcessTransport();
        t.onMessage = (m) => this.onMessage?.(m);
        t.onFailure = (r) => this.onFailure?.(r);
        this.inner = t;
        for (const m of this.queue) t.post(m);
        this.queue = [];
      })
      .catch((e: unknown) => this.onFailure?.(String(e)));
  }

  post(msg: ToWorker): void {
    if (this.inner) this.inner.post(msg);
    else this.queue.push(msg);
  }

  terminate(): void {
    this.dead = true;
    this.inner?.terminate();
  }
}

/** A Worker where the browser has them, else the in-process host (the page then runs the engine itself). */
export const defaultTransport: TransportFactory = () => {
  // Opened from a folder (file://): Chromium refuses workers there, so the page runs the engine itself.
  const fromFolder = typeof location !== 'undefined' && location.protocol === 'file:';
  if (typeof Worker !== 'undefined' && !fromFolder) {
    try {
      return new WorkerTransport();
    } catch {
      // Fall through: some embedded browsers refuse module workers.
    }
  }
  return new LazyInProcessTransport();
};
