/** The replicated log (protocols.md §1.1): 1-based indexes in the protocol, a 0-based array in memory. */
import type { WriteValue } from '../../core/types';

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

export function copyEntry(e: LogEntry): LogEntry {
  return { term: e.term, value: e.value, id: e.id };
}
