/**
 * The measurement layer of a pane: folds trace events (contracts/sim-cli-and-trace.md), one at a time, into
 * the numbers of issue 7. Live panes push events as the worker streams them and read `snapshot(now)`; tools
 * and tests call `foldMetrics(trace)`. Definitions: README.md in this folder.
 *
 * The counters that the kernel also keeps (sent, delivered, dropped, byKind, the cluster leader, leaderChanges,
 * firstLeaderAt, unavailableMs) are recomputed here from the events alone and agree exactly with the `end`
 * event of the same trace (tested over random fault schedules for every algorithm).
 */
import type { AlgorithmName, DropReason, EndStats, NodeId, TraceEvent } from '../../engine/core/types';
import { profileOf } from '../../engine/algorithms/profiles';
import { ALL_ROUND_FIELDS, algorithmOfRole, ANSWERED, ANSWERS, ELECTION_ROLE, KIND_CLASS, PRIMARY_ROUND_FIELD, ROUND_FIELDS, TRAFFIC_OF, type TrafficClass } from './traffic';

/** The cluster leader was lost at `at` (it went from `lost` to none, or straight to another node). */
export interface LeaderLoss {
  at: number;
  lost: NodeId;
  /** When the next cluster leader appeared (null: not yet). Equal to `at` for a direct hand-over. */
  recoveredAt: number | null;
  /** `recoveredAt − at` (null: not yet). */
  recoveryMs: number | null;
  newLeader: NodeId | null;
  /** Messages sent after the loss up to and including the instant the next leader appeared (trace order). */
  messages: number;
}

/** One election as seen by the cluster: from the first node that starts one until a cluster leader appears. */
export interface ElectionEpisode {
  startedAt: number;
  /** Nodes that started an election while this episode was open, in order (a node appears once). */
  starters: NodeId[];
  /** When a cluster leader appeared and resolved it (null: still open). */
  resolvedAt: number | null;
  leader: NodeId | null;
  /** `resolvedAt − startedAt` (null while open). */
  durationMs: number | null;
  /** Messages sent from the instant it started (inclusive) up to and including the leader event; so far while open. */
  messages: number;
}

/**
 * A stretch of time during which two or more live nodes claimed leadership at once (README.md: "Dual-leader
 * window"); in Raft a stale leader of an older term beside the new one (protocols.md §1.6).
 */
export interface DualLeaderWindow {
  from: number;
  /** When at most one claimant was left (null: still open). */
  to: number | null;
  /** `to − from` (so far, as of `now`, while open). */
  durationMs: number;
  /** Every node that claimed leadership during the window, ascending. */
  nodes: NodeId[];
}

export interface SeriesBucket {
  /** Start of the bucket, virtual ms: the bucket holds sends with `t` in [t, t + bucketMs). */
  t: number;
  election: number;
  heartbeat: number;
  data: number;
  /** Drops (any reason) in the bucket, by drop time. */
  dropped: number;
}

export interface PaneMetrics {
  algorithm: AlgorithmName | null;
  /** The time the numbers are as of (the `now` asked for, never before the last event). */
  now: number;
  ended: boolean;
  sent: number;
  delivered: number;
  dropped: number;
  /** Sent but neither delivered nor dropped yet. */
  inFlight: number;
  byKind: Record<string, number>;
  byClass: Record<TrafficClass, number>;
  droppedByReason: Record<DropReason, number>;
  leader: NodeId | null;
  firstLeaderAt: number | null;
  leaderChanges: number;
  unavailableMs: number;
  leaderLosses: LeaderLoss[];
  /** Recovery times (ms) of the losses that recovered, in order. */
  recoveryTimes: number[];
  /** Node-level election starts (README.md: "Elections"). */
  elections: number;
  episodes: ElectionEpisode[];
  /** Messages per resolved episode, in order. */
  messagesPerElection: number[];
  /** Episodes dropped as futile (opened under a leader that stayed; README.md). */
  abandonedEpisodes: number;
  /** Highest value reached of each round field (Raft `term`, Bully `round`, ZAB `acceptedEpoch`, `currentEpoch`, `electionEpoch`). */
  rounds: Record<string, number>;
  /** The algorithm's headline round number: Raft term, Bully round, ZAB currentEpoch (0 when unknown). */
  maxRound: number;
  /** Dual-leader windows, in order, and their total and longest duration (ms, as of `now`). */
  dualLeaderWindows: DualLeaderWindow[];
  dualLeaderMs: number;
  maxDualLeaderMs: number;
  violations: number;
  violationsByInvariant: Record<string, number>;
  anomalies: number;
  anomaliesByKind: Record<string, number>;
  series: { bucketMs: number; buckets: SeriesBucket[] };
}

export interface MetricsOptions {
  /** Width of a chart bucket, virtual ms (default 100). */
  bucketMs?: number;
}

interface NodeTrack {
  role: string;
  alive: boolean;
  renew: unknown;
}

interface OpenEpisode {
  ep: ElectionEpisode;
  sentBase: number;
  /**
   * node → the value of its renew field when it started (its election is live while unchanged), and whether a
   * message of it has been delivered since (an isolated candidate's never are).
   */
  starters: Map<NodeId, { renew: unknown; heard: boolean; at: number }>;
  leaderAtOpen: NodeId | null;
  /** The cluster leader of `leaderAtOpen` has been replaced or lost since the episode opened. */
  leaderMoved: boolean;
}

export class MetricsFolder {
  readonly bucketMs: number;
  private algorithm: AlgorithmName | null = null;
  private voters: Set<NodeId> | null = null;
  private lastT = 0;
  private ended = false;
  private sent = 0;
  private delivered = 0;
  private dropped = 0;
  private byKind: Record<string, number> = {};
  private byClass: Record<TrafficClass, number> = { election: 0, heartbeat: 0, data: 0 };
  private droppedByReason: Record<DropReason, number> = { partition: 0, cut: 0, loss: 0, crashed: 0 };
  /** Requests that a reply answers (profile `answers`; Raft's AppendEntries) in flight → their class. */
  private requestClass = new Map<number, TrafficClass>();
  /** The answered request just delivered, so the reply sent by the same handler takes its class. */
  private lastRequest: { kind: string; to: NodeId; t: number; cls: TrafficClass } | null = null;
  // Cluster leader, mirrored from `leader` events exactly as the kernel keeps it.
  private leader: NodeId | null = null;
  private lastNonNull: NodeId | null = null;
  private changes = 0;
  private firstAt: number | null = null;
  private unavailable = 0;
  private leaderlessSince: number | null = 0;
  private losses: LeaderLoss[] = [];
  private openLoss: { loss: LeaderLoss; sentBase: number } | null = null;
  // Elections.
  private nodes = new Map<NodeId, NodeTrack>();
  private elections = 0;
  private episodes: ElectionEpisode[] = [];
  private open: OpenEpisode | null = null;
  private abandoned = 0;
  private instantT = -1;
  private sentBeforeInstant = 0;
  private rounds: Record<string, number> = {};
  // Dual-leader windows: the live nodes whose last state claims leadership, and the window open now.
  private claimants = new Set<NodeId>();
  private dualWindows: DualLeaderWindow[] = [];
  private openDual: DualLeaderWindow | null = null;
  // Safety.
  private violations = 0;
  private violationsByInvariant: Record<string, number> = {};
  private anomalies = 0;
  private anomaliesByKind: Record<string, number> = {};
  // Chart.
  private bElection: number[] = [];
  private bHeartbeat: number[] = [];
  private bData: number[] = [];
  private bDropped: number[] = [];

  constructor(opts: MetricsOptions = {}) {
    const w = opts.bucketMs ?? 100;
    if (!(w > 0) || !Number.isFinite(w)) throw new Error(`bucketMs must be a positive number (got ${w})`);
    this.bucketMs = w;
  }

  /** Folds one event. Events must come in trace order. */
  push(e: TraceEvent): void {
    if (e.t !== this.instantT) {
      this.instantT = e.t;
      this.sentBeforeInstant = this.sent;
    }
    if (e.t > this.lastT) this.lastT = e.t;
    switch (e.type) {
      case 'init':
        this.algorithm = e.algorithm;
        this.voters = new Set(e.nodes);
        break;
      case 'send':
        this.onSend(e);
        break;
      case 'deliver':
        this.delivered++;
        if (this.open) {
          const st = this.open.starters.get(e.from);
          if (st) st.heard = true;
        }
        this.lastRequest = null;
        if (ANSWERED.has(e.kind)) {
          const cls = this.requestClass.get(e.msg) ?? 'data';
          this.requestClass.delete(e.msg);
          this.lastRequest = { kind: e.kind, to: e.to, t: e.t, cls };
        }
        break;
      case 'drop':
        this.dropped++;
        this.droppedByReason[e.reason] = (this.droppedByReason[e.reason] ?? 0) + 1;
        this.requestClass.delete(e.msg);
        this.bump(this.bDropped, e.t);
        break;
      case 'state':
        this.onState(e);
        break;
      case 'leader':
        this.onLeader(e.t, e.leader);
        break;
      case 'violation':
        this.violations++;
        this.violationsByInvariant[e.invariant] = (this.violationsByInvariant[e.invariant] ?? 0) + 1;
        break;
      case 'anomaly':
        this.anomalies++;
        this.anomaliesByKind[e.kind] = (this.anomaliesByKind[e.kind] ?? 0) + 1;
        break;
      case 'end':
        this.ended = true;
        break;
      default:
        break;
    }
  }

  pushAll(events: Iterable<TraceEvent>): this {
    for (const e of events) this.push(e);
    return this;
  }

  /** The kernel's closing statistics, recomputed from the events, as of `now` (default: the last event). */
  endStats(now?: number): EndStats {
    const t = this.asOf(now);
    return {
      sent: this.sent,
      delivered: this.delivered,
      dropped: this.dropped,
      byKind: { ...this.byKind },
      leaderChanges: this.changes,
      firstLeaderAt: this.firstAt,
      unavailableMs: this.unavailableAt(t),
      leader: this.leader,
    };
  }

  /** Everything, as of `now` (default: the last event's time; a `now` before it counts as the last event's). */
  snapshot(now?: number): PaneMetrics {
    const t = this.asOf(now);
    const losses = this.losses.map((l) => ({ ...l }));
    if (this.openLoss) {
      const i = this.losses.indexOf(this.openLoss.loss);
      losses[i].messages = this.sent - this.openLoss.sentBase;
    }
    const episodes = this.episodes.map((ep) => ({ ...ep, starters: [...ep.starters] }));
    if (this.open) {
      const i = this.episodes.indexOf(this.open.ep);
      episodes[i].messages = this.sent - this.open.sentBase;
    }
    const resolved = episodes.filter((ep) => ep.resolvedAt !== null);
    const nBuckets = Math.floor(t / this.bucketMs) + 1;
    const buckets: SeriesBucket[] = [];
    for (let i = 0; i < nBuckets; i++) {
      buckets.push({
        t: i * this.bucketMs,
        election: this.bElection[i] ?? 0,
        heartbeat: this.bHeartbeat[i] ?? 0,
        data: this.bData[i] ?? 0,
        dropped: this.bDropped[i] ?? 0,
      });
    }
    const primary = this.algorithm ? PRIMARY_ROUND_FIELD[this.algorithm] : null;
    const dual = this.dualWindows.map((w) => ({ ...w, nodes: [...w.nodes], durationMs: w.to === null ? t - w.from : w.durationMs }));
    return {
      algorithm: this.algorithm,
      now: t,
      ended: this.ended,
      sent: this.sent,
      delivered: this.delivered,
      dropped: this.dropped,
      inFlight: this.sent - this.delivered - this.dropped,
      byKind: { ...this.byKind },
      byClass: { ...this.byClass },
      droppedByReason: { ...this.droppedByReason },
      leader: this.leader,
      firstLeaderAt: this.firstAt,
      leaderChanges: this.changes,
      unavailableMs: this.unavailableAt(t),
      leaderLosses: losses,
      recoveryTimes: losses.filter((l) => l.recoveryMs !== null).map((l) => l.recoveryMs as number),
      elections: this.elections,
      episodes,
      messagesPerElection: resolved.map((ep) => ep.messages),
      abandonedEpisodes: this.abandoned,
      rounds: { ...this.rounds },
      maxRound: primary !== null ? (this.rounds[primary] ?? 0) : 0,
      dualLeaderWindows: dual,
      dualLeaderMs: dual.reduce((a, w) => a + w.durationMs, 0),
      maxDualLeaderMs: dual.reduce((a, w) => Math.max(a, w.durationMs), 0),
      violations: this.violations,
      violationsByInvariant: { ...this.violationsByInvariant },
      anomalies: this.anomalies,
      anomaliesByKind: { ...this.anomaliesByKind },
      series: { bucketMs: this.bucketMs, buckets },
    };
  }

  // ---------------------------------------------------------------------------------------------------

  private asOf(now: number | undefined): number {
    return now === undefined ? this.lastT : Math.max(now, this.lastT);
  }

  private unavailableAt(t: number): number {
    return this.unavailable + (this.leaderlessSince === null ? 0 : t - this.leaderlessSince);
  }

  private bump(arr: number[], t: number): void {
    const i = Math.floor(t / this.bucketMs);
    while (arr.length <= i) arr.push(0);
    arr[i]++;
  }

  private onSend(e: Extract<TraceEvent, { type: 'send' }>): void {
    this.sent++;
    this.byKind[e.kind] = (this.byKind[e.kind] ?? 0) + 1;
    let cls: TrafficClass = TRAFFIC_OF.get(e.kind)?.(e.fields) ?? KIND_CLASS[e.kind] ?? 'data';
    if (ANSWERED.has(e.kind)) this.requestClass.set(e.msg, cls);
    const answers = ANSWERS.get(e.kind);
    if (answers !== undefined) {
      const last = this.lastRequest;
      if (last && last.kind === answers && last.to === e.from && last.t === e.t) cls = last.cls;
    }
    this.byClass[cls]++;
    this.bump(cls === 'election' ? this.bElection : cls === 'heartbeat' ? this.bHeartbeat : this.bData, e.t);
  }

  private onState(e: Extract<TraceEvent, { type: 'state' }>): void {
    const alg = this.algorithm ?? algorithmOfRole(e.role);
    if (this.algorithm === null && alg !== null) this.algorithm = alg;
    for (const f of alg ? ROUND_FIELDS[alg] : ALL_ROUND_FIELDS) {
      const v = (e as Record<string, unknown>)[f];
      if (typeof v === 'number' && v > (this.rounds[f] ?? -Infinity)) this.rounds[f] = v;
    }
    this.trackClaim(e, alg);
    const prev = this.nodes.get(e.node);
    const rule = alg ? ELECTION_ROLE[alg] : null;
    const renew = rule?.renewField ? (e as Record<string, unknown>)[rule.renewField] : null;
    this.nodes.set(e.node, { role: e.role, alive: e.alive, renew });
    if (!rule || !e.alive || e.role !== rule.role) return;
    if (rule.votersOnly && this.voters && !this.voters.has(e.node)) return;
    const starts =
      !prev || !prev.alive || prev.role !== rule.role || (rule.renewField !== null && renew !== prev.renew);
    if (starts) this.electionStarted(e.t, e.node, renew);
  }

  /**
   * Dual-leader window: a node claims leadership as the kernel's `claimsLeadership` says (Raft and Bully role
   * `leader`, ZAB `leading` in phase `broadcast`) while alive; a window is open while two or more do.
   */
  private trackClaim(e: Extract<TraceEvent, { type: 'state' }>, alg: AlgorithmName | null): void {
    const profile = profileOf(alg);
    const claims = e.alive && (profile ? profile.claimsLeader(e) : e.role === 'leader');
    if (claims) this.claimants.add(e.node);
    else this.claimants.delete(e.node);
    const w = this.openDual;
    if (this.claimants.size >= 2) {
      if (!w) {
        const nw: DualLeaderWindow = { from: e.t, to: null, durationMs: 0, nodes: [...this.claimants].sort((a, b) => a - b) };
        this.dualWindows.push(nw);
        this.openDual = nw;
      } else {
        for (const n of this.claimants) if (!w.nodes.includes(n)) w.nodes.push(n);
        w.nodes.sort((a, b) => a - b);
      }
    } else if (w) {
      w.to = e.t;
      w.durationMs = e.t - w.from;
      this.openDual = null;
    }
  }

  private electionStarted(t: number, node: NodeId, renew: unknown): void {
    this.elections++;
    const o = this.open;
    if (o && o.leaderAtOpen !== null && !o.leaderMoved && !this.anyStarterLive(o)) {
      // Opened under a cluster leader that is still in place, and every election of it has ended: futile.
      this.episodes.splice(this.episodes.indexOf(o.ep), 1);
      this.abandoned++;
      this.open = null;
    }
    if (!this.open) {
      const ep: ElectionEpisode = { startedAt: t, starters: [], resolvedAt: null, leader: null, durationMs: null, messages: 0 };
      this.episodes.push(ep);
      this.open = { ep, sentBase: this.sentBeforeInstant, starters: new Map(), leaderAtOpen: this.leader, leaderMoved: false };
    }
    const cur = this.open;
    cur.starters.set(node, { renew, heard: false, at: t });
    if (!cur.ep.starters.includes(node)) cur.ep.starters.push(node);
  }

  private anyStarterLive(o: OpenEpisode): boolean {
    const alg = this.algorithm;
    if (!alg) return false;
    const rule = ELECTION_ROLE[alg];
    for (const [node, st] of o.starters) if (this.isLive(rule, node, st.renew)) return true;
    return false;
  }

  private isLive(rule: (typeof ELECTION_ROLE)[AlgorithmName], node: NodeId, renew: unknown): boolean {
    const n = this.nodes.get(node);
    return !!n && n.alive && n.role === rule.role && (rule.renewField === null || n.renew === renew);
  }

  /**
   * The leader in place when the open episode started is lost now. If no live election of the episode has
   * reached anyone (isolated candidates) or started at this very instant, the episode is unrelated to this
   * loss: it restarts at the loss.
   */
  private rebaseOnLoss(t: number, lost: NodeId): void {
    const o = this.open;
    if (!o || o.leaderAtOpen !== lost || o.leaderMoved || !this.algorithm) return;
    const rule = ELECTION_ROLE[this.algorithm];
    for (const [node, st] of o.starters) if ((st.heard || st.at === t) && this.isLive(rule, node, st.renew)) return;
    o.ep.startedAt = t;
    o.ep.starters = [];
    o.starters.clear();
    o.sentBase = this.sent;
  }

  private onLeader(t: number, next: NodeId | null): void {
    const prev = this.leader;
    if (next === prev) return;
    if (prev !== null) {
      // A loss: to nobody, or straight to another node (recovered at once).
      const loss: LeaderLoss = { at: t, lost: prev, recoveredAt: null, recoveryMs: null, newLeader: null, messages: 0 };
      this.losses.push(loss);
      this.openLoss = { loss, sentBase: this.sent };
      this.rebaseOnLoss(t, prev);
      if (this.open) this.open.leaderMoved = true;
    }
    if (next === null) {
      this.leaderlessSince = t;
    } else {
      if (this.leaderlessSince !== null) this.unavailable += t - this.leaderlessSince;
      this.leaderlessSince = null;
      if (this.firstAt === null) this.firstAt = t;
      if (this.lastNonNull !== null && this.lastNonNull !== next) this.changes++;
      this.lastNonNull = next;
      if (this.openLoss) {
        const l = this.openLoss.loss;
        l.recoveredAt = t;
        l.recoveryMs = t - l.at;
        l.newLeader = next;
        l.messages = this.sent - this.openLoss.sentBase;
        this.openLoss = null;
      }
      if (this.open) {
        const ep = this.open.ep;
        ep.resolvedAt = t;
        ep.leader = next;
        ep.durationMs = t - ep.startedAt;
        ep.messages = this.sent - this.open.sentBase;
        this.open = null;
      }
    }
    this.leader = next;
  }
}

/** Folds a whole trace (or a prefix of one) into a pane's metrics. */
export function foldMetrics(events: Iterable<TraceEvent>, opts: MetricsOptions & { now?: number } = {}): PaneMetrics {
  return new MetricsFolder(opts).pushAll(events).snapshot(opts.now);
}
