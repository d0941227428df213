/**
 * Where a message is, as a pure function of simulation time (RaftScope's rule): the fraction
 * (now − send) / (deliver − send) of its path. Pause, step, scrub and rewind need no animation state.
 */

/** Fraction of the way from sender to receiver at `now`, clamped to [0, 1]. */
export function messagePosition(now: number, sendAt: number, deliverAt: number): number {
  if (deliverAt <= sendAt) return now >= sendAt ? 1 : 0;
  const p = (now - sendAt) / (deliverAt - sendAt);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

export interface FlightInput {
  t: number;
  deliverAt: number;
  /** The network loses it: it dies at `deliverAt`, half-way along its path. */
  lost?: boolean;
}

/**
 * Fraction of the drawn path covered at `now`. A lost message covers half its path by the time it dies; a
 * message whose link is cut by a partition stops at the partition line (`stopAt`) and waits there to die.
 */
export function flightFraction(m: FlightInput, now: number, stopAt: number | null = null): number {
  const p = messagePosition(now, m.t, m.deliverAt);
  const along = m.lost ? p / 2 : p;
  return stopAt !== null && along > stopAt ? stopAt : along;
}

/**
 * How visible a message is that has ended (0 = gone): dropped messages fade out over `fadeMs` of virtual
 * time from the moment they die.
 */
export function fadeAfter(now: number, endAt: number, fadeMs: number): number {
  if (now <= endAt) return 1;
  if (fadeMs <= 0) return 0;
  const f = 1 - (now - endAt) / fadeMs;
  return f < 0 ? 0 : f;
}
