/**
 * The Bully algorithm, textbook variant (the seed text's): Election / Alive / Victory, plus leader heartbeats
 * for failure detection. Rule ids B1–B12 refer to ../shared/protocols.md §3.3.
 *
 * "Higher" means a higher rank. With `priority: "id"` a node's rank is its id, so every node knows who is
 * higher without asking. With `priority: "lastOp"` (B12, MongoDB-style freshness) the rank is
 * (lastOpTs, id): nobody can know another node's rank in advance, so Election goes to every other node with
 * the sender's rank and only higher-ranked receivers answer.
 */
import type { Algorithm, Ctx, Envelope, NodeEnv } from '../../core/algorithm';
import type { NodeId, NodeView, WriteValue } from '../../core/types';
import { bullyChecker } from '../../invariants/bully';
import { bullyOptionsSchema, defaultBullyOptions, type BullyOptions } from './options';
import { compareRank, rankOf, type Rank } from './rank';

export type BullyRole = 'follower' | 'electing' | 'awaitingVictory' | 'leader';

export interface BullyState {
  id: NodeId;
  role: BullyRole;
  leaderId: NodeId | null;
  /** The leader's rank as carried by its Victory or Heartbeat (B12 compares against carried ranks). */
  leaderRank: Rank | null;
  /** Local election counter: stale Alive answers (from an older round) are ignored (B8). */
  round: number;
  gotAlive: boolean;
  /** The rank this node's current election announced (snapshotted at B1, B12). */
  electionRank: Rank;
  /** Virtual time of the last client write this node took; survives a crash (B12). */
  lastOpTs: number;
  /** How nodes are ranked (options.priority), kept here so the view needs no options. */
  priority: BullyOptions['priority'];
}

type BullyCtx = Ctx<BullyOptions>;

export const BULLY_KINDS = ['Election', 'Alive', 'Victory', 'Heartbeat'] as const;

function carriedRank(msg: Envelope, options: BullyOptions): Rank {
  return options.priority === 'lastOp' ? (msg.fields.rank as Rank) : [msg.from];
}

/** The nodes an election must ask: higher ids, or everybody when ranks are not known in advance (B12). */
function electionTargets(s: BullyState, ctx: BullyCtx): NodeId[] {
  if (ctx.options.priority === 'lastOp') return ctx.voters.filter((j) => j !== s.id);
  return ctx.voters.filter((j) => j > s.id);
}

/** The nodes a Victory goes to: all lower ids ([CDK]), or every other node under B12. */
function victoryTargets(s: BullyState, ctx: BullyCtx): NodeId[] {
  if (ctx.options.priority === 'lastOp') return ctx.voters.filter((j) => j !== s.id);
  return ctx.voters.filter((j) => j < s.id);
}

function rankFields(s: BullyState, ctx: BullyCtx, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return ctx.options.priority === 'lastOp' ? { ...extra, rank: rankOf(s) } : { ...extra };
}

function stopElectionTimers(ctx: BullyCtx): void {
  ctx.cancelTimer('answer');
  ctx.cancelTimer('victory');
}

/** B1 StartElection(i). */
function startElection(s: BullyState, ctx: BullyCtx): void {
  s.round += 1;
  s.electionRank = rankOf(s);
  ctx.cancelTimer('leader');
  ctx.cancelTimer('heartbeat');
  // B1: the configured maximum needs to ask nobody.
  if (ctx.options.priority === 'id' && s.id === Math.max(...ctx.voters)) {
    becomeLeader(s, ctx);
    return;
  }
  s.role = 'electing';
  s.gotAlive = false;
  s.leaderId = null;
  s.leaderRank = null;
  ctx.cancelTimer('victory');
  for (const j of electionTargets(s, ctx)) ctx.send(j, 'Election', rankFields(s, ctx, { round: s.round }));
  ctx.setTimer('answer', ctx.options.answerTimeoutMs);
}

/** B5 body: declare victory to the lower nodes and start heartbeats (B9). */
function becomeLeader(s: BullyState, ctx: BullyCtx): void {
  s.role = 'leader';
  s.leaderId = s.id;
  s.leaderRank = rankOf(s);
  stopElectionTimers(ctx);
  ctx.cancelTimer('leader');
  for (const j of victoryTargets(s, ctx)) ctx.send(j, 'Victory', rankFields(s, ctx, { round: s.round }));
  ctx.setTimer('heartbeat', ctx.options.heartbeatMs);
}

/** B6 (accept) and B9 (adopt): follow a higher node. */
function follow(s: BullyState, leader: NodeId, rank: Rank, ctx: BullyCtx): void {
  s.role = 'follower';
  s.leaderId = leader;
  s.leaderRank = rank;
  stopElectionTimers(ctx);
  ctx.cancelTimer('heartbeat');
  ctx.setTimer('leader', ctx.options.leaderTimeoutMs);
}

function onElection(s: BullyState, msg: Envelope, ctx: BullyCtx): void {
  const theirs = carriedRank(msg, ctx.options);
  const mine = rankOf(s);
  // B3: an Election from a higher node cannot happen with id ranks; with B12 it is the normal case of a
  // lower-ranked receiver, which stays silent and lets the higher node win.
  if (compareRank(theirs, mine) >= 0) return;
  // B2: answer, then make sure an election of our own is running.
  ctx.send(msg.from, 'Alive', rankFields(s, ctx, { round: msg.fields.round }));
  if (s.role === 'leader') {
    // B2's allowed optimisation: a leader re-asserts itself to the asker alone.
    ctx.send(msg.from, 'Victory', rankFields(s, ctx, { round: s.round }));
    return;
  }
  if (s.role !== 'electing' && s.role !== 'awaitingVictory') startElection(s, ctx);
}

function onAlive(s: BullyState, msg: Envelope, ctx: BullyCtx): void {
  if (msg.fields.round !== s.round) return; // B8: an Alive from an old round is ignored.
  if (compareRank(carriedRank(msg, ctx.options), s.electionRank) <= 0) return;
  if (s.role === 'electing') {
    // B4: somebody higher is alive: wait for its Victory.
    s.gotAlive = true;
    s.role = 'awaitingVictory';
    ctx.cancelTimer('answer');
    ctx.setTimer('victory', ctx.options.victoryTimeoutMs);
  } else if (s.role === 'leader') {
    // B8, the seed's rule: a late Alive voids the victory; elect again.
    startElection(s, ctx);
  }
}

function onVictory(s: BullyState, msg: Envelope, ctx: BullyCtx): void {
  const theirs = carriedRank(msg, ctx.options);
  if (compareRank(theirs, rankOf(s)) > 0) follow(s, msg.from, theirs, ctx); // B6 accept
  else if (s.role !== 'electing' && s.role !== 'awaitingVictory') startElection(s, ctx); // B6: bully the lower node
}

function onHeartbeat(s: BullyState, msg: Envelope, ctx: BullyCtx): void {
  const theirs = carriedRank(msg, ctx.options);
  if (msg.from === s.leaderId && s.role === 'follower') {
    s.leaderRank = theirs;
    ctx.setTimer('leader', ctx.options.leaderTimeoutMs); // B9: the leader is alive.
    return;
  }
  const mine = rankOf(s);
  if (compareRank(theirs, mine) < 0) {
    // B9: a lower node claims to lead: bully it. A leader answers with a Victory to that node alone (as in
    // B2's optimisation); anyone else starts an election, unless one is already running.
    if (s.role === 'leader') ctx.send(msg.from, 'Victory', rankFields(s, ctx, { round: s.round }));
    else if (s.role === 'follower') startElection(s, ctx);
    return;
  }
  // B9: a heartbeat from a node higher than our leader (or than us, with no leader): adopt it.
  if (s.leaderRank === null || s.leaderId === s.id || compareRank(theirs, s.leaderRank) > 0) follow(s, msg.from, theirs, ctx);
}

export const bully: Algorithm<BullyState, BullyOptions, ReturnType<typeof bullyChecker.init>> = {
  name: 'bully',
  messageKinds: BULLY_KINDS,
  defaultOptions: defaultBullyOptions,
  optionsSchema: bullyOptionsSchema,
  supportsObservers: false,
  leaderRule: 'reachable',

  create(id: NodeId, env: NodeEnv<BullyOptions>): BullyState {
    const s: BullyState = {
      id,
      role: 'follower',
      leaderId: null,
      leaderRank: null,
      round: 0,
      gotAlive: false,
      electionRank: [id],
      lastOpTs: 0,
      priority: env.options.priority,
    };
    s.electionRank = rankOf(s);
    return s;
  },

  // B10: a (re)starting node begins an election; the highest id therefore retakes leadership at once.
  boot(s, ctx) {
    startElection(s, ctx);
  },

  // B10: a crashed node loses everything but its id and (B12) its last-operation time. The round counter
  // is kept too, as an incarnation number, so an Alive sent before the crash is never taken for a new one.
  crash(s) {
    return { ...s, role: 'follower', leaderId: null, leaderRank: null, gotAlive: false };
  },

  onMessage(s, msg, ctx) {
    switch (msg.kind) {
      case 'Election':
        return onElection(s, msg, ctx);
      case 'Alive':
        return onAlive(s, msg, ctx);
      case 'Victory':
        return onVictory(s, msg, ctx);
      case 'Heartbeat':
        return onHeartbeat(s, msg, ctx);
    }
  },

  onTimer(s, name, ctx) {
    switch (name) {
      case 'answer': // B5: nobody higher answered.
        if (s.role === 'electing' && !s.gotAlive) becomeLeader(s, ctx);
        return;
      case 'victory': // B7: the higher node never announced itself.
        if (s.role === 'awaitingVictory') startElection(s, ctx);
        return;
      case 'leader': // B9: the leader went silent.
        if (s.role === 'follower') startElection(s, ctx);
        return;
      case 'heartbeat': // B9
        if (s.role !== 'leader') return;
        for (const j of ctx.voters) if (j !== s.id) ctx.send(j, 'Heartbeat', rankFields(s, ctx));
        ctx.setTimer('heartbeat', ctx.options.heartbeatMs);
        return;
    }
  },

  // Bully has no log: a write only records the node's last-operation time, which ranks it under B12.
  onWrite(s, _value: WriteValue, ctx) {
    s.lastOpTs = ctx.now;
    ctx.writeResult(true);
  },

  view(s): NodeView {
    const v: NodeView = { role: s.role, leader: s.leaderId, round: s.round };
    if (s.priority === 'lastOp') v.rank = rankOf(s);
    return v;
  },

  claimsLeadership(view) {
    return view.role === 'leader';
  },

  checker: bullyChecker,
};
