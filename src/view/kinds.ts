/**
 * How message kinds look: a colour by purpose (election traffic loud, heartbeats quiet), a short label, and
 * whether it is a reply (drawn hollow). Replies that grant or refuse say so with ✓ / ✗.
 */
import { OKABE_ITO } from './palette';

export type KindCategory = 'election' | 'answer' | 'victory' | 'heartbeat' | 'data' | 'sync' | 'other';

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

interface KindDef {
  category: KindCategory;
  reply?: boolean;
  label: string;
}

/** Every kind of contracts/sim-cli-and-trace.md; an unknown kind is drawn as `other` with its own name. */
const KINDS: Record<string, KindDef> = {
  // Bully
  Election: { category: 'election', label: 'Election' },
  Alive: { category: 'answer', reply: true, label: 'Alive' },
  Victory: { category: 'victory', label: 'Victory' },
  Heartbeat: { category: 'heartbeat', label: 'Heartbeat' },
  // Raft
  RequestVote: { category: 'election', label: 'Vote?' },
  RequestVoteReply: { category: 'answer', reply: true, label: 'Vote' },
  PreVote: { category: 'election', label: 'PreVote?' },
  PreVoteReply: { category: 'answer', reply: true, label: 'PreVote' },
  AppendEntries: { category: 'data', label: 'Append' },
  AppendEntriesReply: { category: 'data', reply: true, label: 'Appended' },
  // ZAB
  Notification: { category: 'election', label: 'Vote' },
  FollowerInfo: { category: 'sync', label: 'FollowerInfo' },
  ObserverInfo: { category: 'sync', label: 'ObserverInfo' },
  LeaderInfo: { category: 'victory', label: 'LeaderInfo' },
  AckEpoch: { category: 'sync', reply: true, label: 'AckEpoch' },
  Sync: { category: 'sync', label: 'Sync' },
  NewLeader: { category: 'victory', label: 'NewLeader' },
  AckNewLeader: { category: 'sync', reply: true, label: 'AckNewLeader' },
  UpToDate: { category: 'victory', label: 'UpToDate' },
  Request: { category: 'data', label: 'Request' },
  Proposal: { category: 'data', label: 'Proposal' },
  Ack: { category: 'data', reply: true, label: 'Ack' },
  Commit: { category: 'data', label: 'Commit' },
  Inform: { category: 'data', label: 'Inform' },
  Ping: { category: 'heartbeat', label: 'Ping' },
  // The stream transport's own (ZAB over TCP): a connection closed, a killed process's connections reset.
  Close: { category: 'other', label: 'Close' },
  Reset: { category: 'other', label: 'Reset' },
};

function yesNo(v: unknown): string {
  return v === true ? ' ✓' : v === false ? ' ✗' : '';
}

/**
 * A message's style, remembered with its fields object (a message keeps its fields, and the canvas asks for
 * thousands of styles a frame at 101 nodes). Trace fields are never changed after the send.
 */
const styles = new WeakMap<object, { kind: string; style: KindStyle }>();

/** The style of one message, from its kind and fields (a Raft AppendEntries without entries is a heartbeat). */
export function kindStyle(kind: string, fields?: Record<string, unknown>): KindStyle {
  if (!fields) return styleOf(kind, {});
  const hit = styles.get(fields);
  if (hit && hit.kind === kind) return hit.style;
  const style = styleOf(kind, fields);
  styles.set(fields, { kind, style });
  return style;
}

function styleOf(kind: string, fields: Record<string, unknown>): KindStyle {
  const def = KINDS[kind] ?? { category: 'other' as const, label: kind };
  let category = def.category;
  let label = def.label;
  switch (kind) {
    case 'RequestVoteReply':
    case 'PreVoteReply':
      label += yesNo(fields.voteGranted ?? fields.granted);
      break;
    case 'AppendEntries': {
      const entries = Array.isArray(fields.entries) ? fields.entries.length : 0;
      if (entries === 0) category = 'heartbeat';
      else label = `Append +${entries}`;
      break;
    }
    case 'AppendEntriesReply':
      // Replies to heartbeats are heartbeats too; a refusal is worth seeing.
      if (fields.success === false) label = 'Append ✗';
      else category = 'heartbeat';
      break;
    case 'Notification':
      if (typeof fields.leader === 'number') label = `Vote ${fields.leader}`;
      break;
    default:
      break;
  }
  const color = kind === 'RequestVoteReply' || kind === 'PreVoteReply' ? (fields.voteGranted === false || fields.granted === false ? OKABE_ITO.vermillion : OKABE_ITO.green) : CATEGORY_COLOR[category];
  return { color, category, quiet: category === 'heartbeat', reply: def.reply ?? false, label };
}

export function isQuietKind(kind: string, fields: Record<string, unknown> = {}): boolean {
  return kindStyle(kind, fields).quiet;
}
