/**
 * The host running in the page's own thread: the fallback where Workers are missing, and the transport of
 * unit tests. Every message is structured-cloned both ways and delivered on a later task, as postMessage does.
 */
import type { FromWorker, ToWorker } from '../protocol';
import { SimHost } from './sim-host';
import type { Transport } from './transport';

/** Delivers on a macrotask like postMessage does (a microtask would run before the page's own code ends). */
const later: (fn: () => void) => void =
  typeof setTimeout === 'function' ? (fn) => setTimeout(fn, 0) : (fn) => queueMicrotask(fn);

export class InProcessTransport implements Transport {
  readonly kind = 'in-process' as const;
  onMessage: ((msg: FromWorker) => void) | null = null;
  onFailure: ((reason: string) => void) | null = null;
  private host: SimHost;
  private dead = false;

  constructor() {
    this.host = new SimHost((msg) => {
      const copy = structuredClone(msg);
      later(() => {
        if (!this.dead) this.onMessage?.(copy);
      });
    });
  }

  post(msg: ToWorker): void {
    if (this.dead) return;
    const copy = structuredClone(msg);
    later(() => {
      if (!this.dead) this.host.handle(copy);
    });
  }

  /** Test hook: the host stops answering, as a killed worker does. */
  kill(): void {
    this.dead = true;
  }

  terminate(): void {
    this.dead = true;
  }
}

