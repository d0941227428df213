/**
 * Share links (issue 6): the whole run — setup, seed and action log, as a scenario file (contracts/scenario.md)
 * — compressed with lz-string into the `scenario` query parameter. `at` (ours) opens the run paused at that
 * virtual time, as the sharer saw it. Validation is the engine's (`parseScenario`, in the worker): here only
 * the encoding, so the page bundle stays free of the engine.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Scenario } from '../engine/core/types';

/** The text of a scenario file: what Save writes, what the link carries (compressed), what `sim --scenario` reads. */
export function scenarioText(sc: Scenario, pretty = false): string {
  // Field order as in the contract, so saved files read the same as hand-written ones.
  const ordered = {
    version: sc.version,
    ...(sc.algorithm ? { algorithm: sc.algorithm } : {}),
    nodes: sc.nodes,
    observers: sc.observers,
    seed: sc.seed,
    network: { latency: { min: sc.network.latency.min, max: sc.network.latency.max }, dropRate: sc.network.dropRate },
    options: sc.options,
    events: sc.events,
    // An opened counterexample's pinned choices (scenario `pinned`): without them the link would run free.
    ...(sc.pinned ? { pinned: sc.pinned } : {}),
  };
  return pretty ? `${JSON.stringify(ordered, null, 2)}\n` : JSON.stringify(ordered);
}

export function encodeScenario(sc: Scenario): string {
  return compressToEncodedURIComponent(scenarioText(sc));
}

/** The scenario text inside a `scenario` parameter, or null when it does not decompress (a damaged link). */
export function decodeScenarioParam(raw: string): string | null {
  if (raw.trim() === '') return null;
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(raw.trim());
  } catch {
    return null;
  }
  // lz-string returns '' or null for most damage; a truncated link may decompress to a prefix, which the
  // worker's JSON parse then refuses with its own message.
  return text ? text : null;
}

/** The URL of the whole run: this page's address with only `scenario` (and `at`/`paused` when asked). */
export function shareUrl(base: { origin: string; pathname: string }, sc: Scenario, opts: { at?: number; speed?: number; defaultSpeed?: number } = {}): string {
  const q = new URLSearchParams();
  q.set('scenario', encodeScenario(sc));
  if (opts.at !== undefined) {
    q.set('at', String(Math.max(0, Math.floor(opts.at))));
    q.set('paused', '1');
  }
  if (opts.speed !== undefined && opts.speed !== opts.defaultSpeed) q.set('speed', String(opts.speed));
  return `${base.origin}${base.pathname}?${q.toString()}`;
}

/** `at=<ms>`: a whole number of virtual ms, else null. */
export function parseAt(raw: string | null): number | null {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}
