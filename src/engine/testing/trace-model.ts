/**
 * An independent re-reading of a trace: replays its `fault` events on a model of the network and of node
 * liveness, and recomputes the end statistics from the events alone. The kernel's property tests compare
 * the kernel against this model. Test-only.
 */
import { applyNetworkAction, initialNetwork, isReachable, type NetworkState } from '../core/network';
import type { Action, EndStats, TraceEvent } from '../core/types';

export interface TraceProblems {
  problems: string[];
  recomputed: Omit<EndStats, 'leader'> & { leader: number | null };
}

export interface AuditOptions {
  /**
   * The algorithm uses the stream transport (core/algorithm.ts Transport): a message may stall at its
   * `deliverAt` and end later, each ordered pair's deliveries keep their send order, and a resend whose sender
   * is down is dropped as `crashed`.
   */
  stream?: boolean;
}

export function auditTrace(trace: readonly TraceEvent[], opts: AuditOptions = {}): TraceProblems {
  const problems: string[] = [];
  const init = trace[0];
  if (!init || init.type !== 'init') return { problems: ['first event is not init'], recomputed: emptyStats() };
  const total = init.nodes.length + init.observers.length;
  const net: NetworkState = initialNetwork(init.network, total);
  const alive = new Array<boolean>(total + 1).fill(true);
  const sends = new Map<number, { from: number; to: number; kind: string; deliverAt: number }>();
  const settled = new Set<number>();
  const stalled = new Set<number>();
  /** Stream: per ordered pair "from>to", the last message id delivered. */
  const lastDelivered = new Map<string, number>();
  const byKind: Record<string, number> = {};
  let sent = 0;
  let delivered = 0;
  let dropped = 0;
  let lastT = 0;
  let leader: number | null = null;
  let lastNonNull: number | null = null;
  let changes = 0;
  let firstAt: number | null = null;
  let unavailable = 0;
  let leaderlessSince: number | null = 0;
  let endT = 0;

  for (const e of trace) {
    if (e.t < lastT) problems.push(`time went back from ${lastT} to ${e.t} (${e.type})`);
    lastT = e.t;
    switch (e.type) {
      case 'send':
        if (sends.has(e.msg)) problems.push(`message ${e.msg} sent twice`);
        sends.set(e.msg, { from: e.from, to: e.to, kind: e.kind, deliverAt: e.deliverAt });
        sent++;
        byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
        if (e.deliverAt < e.t) problems.push(`message ${e.msg} arrives before it was sent`);
        break;
      case 'stall': {
        const s = sends.get(e.msg);
        if (!opts.stream) problems.push(`message ${e.msg} stalled on a datagram transport`);
        if (!s) problems.push(`message ${e.msg} stalled without a send`);
        else if (s.deliverAt !== e.t) problems.push(`message ${e.msg} stalled at ${e.t}, announced for ${s.deliverAt}`);
        if (stalled.has(e.msg) || settled.has(e.msg)) problems.push(`message ${e.msg} stalled twice or after it ended`);
        stalled.add(e.msg);
        if (e.reason !== 'order' && isReachable(net, e.from, e.to) !== e.reason) problems.push(`message ${e.msg} stalled for ${e.reason} but the link is not`);
        break;
      }
      case 'deliver':
      case 'drop': {
        const s = sends.get(e.msg);
        if (!s) problems.push(`message ${e.msg} ${e.type} without a send`);
        else if (stalled.has(e.msg) ? e.t < s.deliverAt : s.deliverAt !== e.t) problems.push(`message ${e.msg} ${e.type} at ${e.t}, announced for ${s.deliverAt}`);
        if (settled.has(e.msg)) problems.push(`message ${e.msg} delivered or dropped twice`);
        settled.add(e.msg);
        if (e.type === 'deliver') {
          delivered++;
          if (opts.stream) {
            const pair = `${e.from}>${e.to}`;
            const last = lastDelivered.get(pair) ?? 0;
            if (e.msg < last) problems.push(`message ${e.msg} ${pair} delivered after the later message ${last}`);
            lastDelivered.set(pair, e.msg);
          }
          if (!alive[e.to]) problems.push(`message ${e.msg} delivered to crashed node ${e.to}`);
          const r = isReachable(net, e.from, e.to);
          if (r !== true) problems.push(`message ${e.msg} delivered ${e.from}→${e.to} across a ${r}`);
        } else {
          dropped++;
          const r = isReachable(net, e.from, e.to);
          if (e.reason === 'partition' || e.reason === 'cut') {
            if (r !== e.reason) problems.push(`message ${e.msg} dropped for ${e.reason} but the link is ${r === true ? 'open' : r}`);
          } else if (e.reason === 'crashed' && alive[e.to] && r === true && !(opts.stream && !alive[e.from])) {
            problems.push(`message ${e.msg} dropped as crashed but node ${e.to} is alive`);
          }
        }
        break;
      }
      case 'state':
        alive[e.node] = e.alive;
        break;
      case 'fault': {
        const { t: _t, type: _type, ...action } = e;
        if (action.do !== 'crash' && action.do !== 'revive' && action.do !== 'crashLeader' && action.do !== 'write') {
          applyNetworkAction(net, action as unknown as Action);
        }
        break;
      }
      case 'leader':
        if (e.leader === leader) problems.push(`leader event without a change (${e.leader})`);
        if (e.leader === null) leaderlessSince = e.t;
        else {
          if (leaderlessSince !== null) unavailable += e.t - leaderlessSince;
          leaderlessSince = null;
          if (firstAt === null) firstAt = e.t;
          if (lastNonNull !== null && lastNonNull !== e.leader) changes++;
          lastNonNull = e.leader;
          if (!alive[e.leader]) problems.push(`crashed node ${e.leader} named cluster leader`);
        }
        leader = e.leader;
        break;
      case 'end':
        endT = e.t;
        break;
      default:
        break;
    }
  }
  if (leaderlessSince !== null) unavailable += endT - leaderlessSince;
  return {
    problems,
    recomputed: { sent, delivered, dropped, byKind, leaderChanges: changes, firstLeaderAt: firstAt, unavailableMs: unavailable, leader },
  };
}

function emptyStats(): TraceProblems['recomputed'] {
  return { sent: 0, delivered: 0, dropped: 0, byKind: {}, leaderChanges: 0, firstLeaderAt: null, unavailableMs: 0, leader: null };
}

/** The trace as JSONL text, as `sim --format jsonl` prints it. */
export function toJsonl(trace: readonly TraceEvent[]): string {
  return trace.map((e) => JSON.stringify(e)).join('\n') + '\n';
}
