/**
 * The narration's output: one plain-language line per trace event (or per group of sends that a node made in
 * one step, e.g. a broadcast), in English and Chinese at once so the UI can switch language without re-running.
 */
import type { NodeId } from '../../engine/core/types';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** What a line is about; the event log filters on it. */
export type NarrationCategory = 'message' | 'delivery' | 'drop' | 'state' | 'fault' | 'leader' | 'client' | 'alert';
export const NARRATION_CATEGORIES: readonly NarrationCategory[] = ['message', 'delivery', 'drop', 'state', 'fault', 'leader', 'client', 'alert'];

/** 0: routine (heartbeats, their deliveries and acks); 1: normal; 2: key moment (new leader, fault, violation, split brain). */
export type Importance = 0 | 1 | 2;

export type Texts = Record<Lang, string>;

export interface Narration {
  /** Virtual time of the event. */
  t: number;
  /** Position (0-based, in feed order) of the first trace event this line explains. */
  index: number;
  /** How many consecutive trace events it covers (a broadcast of n sends is one line with count n). */
  count: number;
  /** The sentence, in both languages. */
  text: Texts;
  /** The acting node: sender, receiver of a delivery, node whose state changed; null for cluster-wide lines. */
  node: NodeId | null;
  /** Every node the line involves (the node filter matches any of them). */
  nodes: NodeId[];
  category: NarrationCategory;
  importance: Importance;
  /** Where the seed text simplifies the protocol: what really happens. Attached to the first occurrence in a run. */
  note?: { key: string; text: Texts };
}
