/** The replicated log (protocols.md §1.1): 1-based indexes in the protocol, a 0-based array in memory. */
import type { WriteValue } from '../../core/types';

/**
 * The log and its entries are immutable (frozen): an append or a truncation makes a new log array, which
 * replaces the old one in the node's state. Frozen data is shared between checkpoints instead of copied
 * (core/clone.ts), and the log is the one part of a node's state that grows as a run goes on: this keeps a
 * checkpoint of a long run as cheap as one of a short run. Appends are rare (one per election or client
 * write); checkpoints are taken every simulated second.
 */
export type Log = readonly LogEntry[];

export interface LogEntry {
  term: number;
  /** The client's value; null for the no-op a new leader appends (R4L). */
  value: WriteValue | null;
  /**
   * Unique id `${term}.${index}`, set by the leader that created the entry. Election Safety (R-S1) makes it
   * unique, so the checker's "identical entries" (R-S3, R-S5) is an exact comparison.
   */
  id: string;
}

export function entryId(term: number, index: number): string {
  return `${term}.${index}`;
}

export const EMPTY_LOG: Log = Object.freeze([]);

/**
 * Checkpoints keep a log as its length and a *lineage*: an append-only array whose first `length` entries
 * are the log (`logLineage`, `loadLog`). Successive versions of a node's log (each append makes a new frozen
 * array) extend one lineage, so the checkpoints of a long run share one array per node instead of each keeping a copy of the
 * log of its time (which made a run's history grow with the square of its length). Entries below a saved
 * length are never changed: a lineage is only ever appended to, and only by the version as long as it.
 * Derived data: a log without a known lineage gets a fresh one.
 */
const lineages = new WeakMap<Log, LogEntry[]>();

function lineageOf(log: Log): LogEntry[] {
  let lineage = lineages.get(log);
  if (!lineage) {
    lineage = log.slice();
    // Only a frozen log is known never to change under its lineage (tests may hand in plain arrays).
    if (Object.isFrozen(log)) lineages.set(log, lineage);
  }
  return lineage;
}

/**
 * A log as a checkpoint keeps it: its lineage, whose first log.length entries are the log (with the length,
 * `loadLog` gives it back). An empty log has no lineage (EMPTY_LOG is shared by every node of every run,
 * and a frozen lineage could not grow).
 */
export function logLineage(log: Log): readonly LogEntry[] {
  return log.length === 0 ? EMPTY_LOG : lineageOf(log);
}

/** A fresh frozen log: the first `length` entries of a lineage (see `logLineage`). */
export function loadLog(lineage: readonly LogEntry[], length: number): Log {
  if (length === 0) return EMPTY_LOG;
  const log: Log = Object.freeze(lineage.slice(0, length));
  lineages.set(log, lineage as LogEntry[]);
  return log;
}

/** The log with `e` appended. */
export function appended(log: Log, e: LogEntry): Log {
  const lineage = lineages.get(log);
  // The lineage goes on with `out` if nothing was appended to it past `log` yet (another branch may have).
  if (lineage && lineage.length === log.length) {
    lineage.push(e);
    // Copying the (unfrozen) lineage is a plain memory copy; spreading a frozen array is not.
    const out: Log = Object.freeze(lineage.slice());
    lineages.set(out, lineage);
    return out;
  }
  return Object.freeze([...log, e]);
}

/** The log's first `length` entries (R5d: a conflicting entry and all that follow are deleted). */
export function truncated(log: Log, length: number): Log {
  const out: Log = Object.freeze(log.slice(0, length));
  const lineage = lineages.get(log);
  if (lineage) lineages.set(out, lineage); // a prefix of `log`, hence of its lineage
  return out;
}

/**
 * At most `max` entries from (1-based) index `from` on, for an AppendEntries (R7). Entries are immutable, so
 * a message carries them as they are. A loop rather than `slice`: V8's slice has no fast path for frozen arrays.
 */
export function entriesFrom(log: Log, from: number, max: number): LogEntry[] {
  const out: LogEntry[] = [];
  const end = Math.min(log.length, from - 1 + max);
  for (let i = Math.max(0, from - 1); i < end; i++) out.push(log[i]);
  return out;
}

/** LastIndex(log). */
export function lastIndex(log: readonly LogEntry[]): number {
  return log.length;
}

/** LastTerm(log): the last entry's term, or 0 for an empty log. */
export function lastTerm(log: readonly LogEntry[]): number {
  return log.length === 0 ? 0 : log[log.length - 1].term;
}

/** The term of the entry at `index` (1-based); 0 for index 0; undefined past the end. */
export function termAt(log: readonly LogEntry[], index: number): number | undefined {
  if (index === 0) return 0;
  return log[index - 1]?.term;
}

/**
 * R3 `logOk`, the §5.4.1 "up-to-date" rule (etcd log.go isUpToDate): the candidate's log is at least as
 * up-to-date as ours when its last term is higher, or equal with an index at least ours.
 */
export function isUpToDate(candLastTerm: number, candLastIndex: number, log: readonly LogEntry[]): boolean {
  const myTerm = lastTerm(log);
  return candLastTerm > myTerm || (candLastTerm === myTerm && candLastIndex >= lastIndex(log));
}

/** A new entry, created by the leader of `term` at `index` (R4L, R9). */
export function newEntry(term: number, value: WriteValue | null, index: number): LogEntry {
  return Object.freeze({ term, value, id: entryId(term, index) });
}

export function copyEntry(e: LogEntry): LogEntry {
  return Object.freeze({ term: e.term, value: e.value, id: e.id });
}
