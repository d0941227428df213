/**
 * How message kinds look: a colour by purpose (election traffic loud, heartbeats quiet), a short label, and
 * whether it is a reply (drawn hollow). Replies that grant or refuse say so with ✓ / ✗. The kinds are the
 * algorithms' view profiles' `messages` (algorithms/<name>/profile.ts).
 */
import { PROFILE_LIST } from '../engine/algorithms/profiles';
import type { GlyphCategory, MessageProfile } from '../engine/core/profile';
import { OKABE_ITO } from './palette';

export type KindCategory = GlyphCategory;

export interface KindStyle {
  color: string;
  category: KindCategory;
  /** Drawn small and faint, without a label: the eye should go elsewhere. */
  quiet: boolean;
  reply: boolean;
  /** Short label; may carry ✓ / ✗. */
  label: string;
}

const CATEGORY_COLOR: Record<KindCategory, string> = {
  election: OKABE_ITO.vermillion,
  answer: OKABE_ITO.orange,
  victory: OKABE_ITO.green,
  heartbeat: OKABE_ITO.grey,
  data: OKABE_ITO.blue,
  sync: OKABE_ITO.purple,
  other: OKABE_ITO.grey,
};

/** Every kind of every algorithm's profile (`messages`); an unknown kind is drawn as `other` with its own name. */
const KINDS: ReadonlyMap<string, MessageProfile> = new Map(PROFILE_LIST.flatMap((p) => Object.entries(p.messages)));

/**
 * A message's style, remembered with its fields object (a message keeps its fields, and the canvas asks for
 * thousands of styles a frame at 101 nodes). Trace fields are never changed after the send.
 */
const styles = new WeakMap<object, { kind: string; style: KindStyle }>();

/** The style of one message, from its kind and fields (the profile's `glyphOf` reads the fields: a vote's ✓ / ✗, a Raft heartbeat). */
export function kindStyle(kind: string, fields?: Record<string, unknown>): KindStyle {
  if (!fields) return styleOf(kind, {});
  const hit = styles.get(fields);
  if (hit && hit.kind === kind) return hit.style;
  const style = styleOf(kind, fields);
  styles.set(fields, { kind, style });
  return style;
}

function styleOf(kind: string, fields: Record<string, unknown>): KindStyle {
  const def = KINDS.get(kind);
  if (!def) return { color: CATEGORY_COLOR.other, category: 'other', quiet: false, reply: false, label: kind };
  const by = def.glyphOf?.(fields, def.label) ?? {};
  const category = by.category ?? def.glyph;
  const color = by.color ? OKABE_ITO[by.color] : CATEGORY_COLOR[category];
  return { color, category, quiet: category === 'heartbeat', reply: def.reply ?? false, label: by.label ?? def.label };
}

/**
 * Is this message drawn quiet (a heartbeat)? The same answer as `kindStyle(kind, fields).quiet`, without
 * remembering a style per fields object: the page asks it of every send in every batch (the event log's filter),
 * thousands per batch during ZAB's 101-node cold start, where a WeakMap entry per message was a cost of its own.
 */
export function isQuietKind(kind: string, fields: Record<string, unknown> = {}): boolean {
  const def = KINDS.get(kind);
  if (!def) return false;
  const category = (def.glyphOf?.(fields, def.label) ?? {}).category ?? def.glyph;
  return category === 'heartbeat';
}
