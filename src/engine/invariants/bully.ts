/**
 * Bully safety checks B-S1…B-S4 (protocols.md §3.5), run after every step when checking is on.
 * Bully keeps no history that these checks need, so the checker's memory is empty.
 */
import type { BullyOptions } from '../algorithms/bully/options';
import type { BullyState } from '../algorithms/bully/bully';
import { compareRank, rankOf, type Rank } from '../algorithms/bully/rank';
import type { Checker } from '../core/algorithm';

export const bullyChecker: Checker<BullyState, BullyOptions, null> = {
  init: () => null,
  afterStep(_memory, step, cluster, report) {
    const s = cluster.nodes[step.node - 1].state;
    const idMode = s.priority === 'id';
    const cause = step.cause;

    // B-S1: leadership only through B1 (the configured maximum) or B5 (the answer timer, no Alive).
    if (step.before.role !== 'leader' && step.after.role === 'leader') {
      const viaB5 = cause.type === 'timer' && cause.name === 'answer';
      const viaB1 = idMode && step.node === Math.max(...cluster.voters);
      if (!viaB5 && !viaB1) report('B-S1', `node ${step.node} became leader without B1 or B5 (cause: ${cause.type})`);
    }

    // B-S2: never accept a lower node as leader.
    const leader = step.after.leader as number | null;
    if (leader !== null && leader !== step.node && leader !== step.before.leader) {
      const ok = idMode ? leader > step.node : s.leaderRank !== null && compareRank(s.leaderRank, rankOf(s)) > 0;
      if (!ok) report('B-S2', `node ${step.node} accepted node ${leader} as leader, which ranks below it`);
    }

    // B-S3 (seed rule B8): an Alive from a higher node answering this round leaves no leader behind.
    if (cause.type === 'message' && cause.msg.kind === 'Alive' && step.before.role === 'leader') {
      const theirs = idMode ? [cause.msg.from] : (cause.msg.fields.rank as Rank);
      const sameRound = cause.msg.fields.round === step.before.round;
      if (sameRound && compareRank(theirs, rankOf(s)) > 0 && step.after.role === 'leader' && step.after.round === step.before.round) {
        report('B-S3', `node ${step.node} kept its victory after a late Alive from node ${cause.msg.from}`);
      }
    }

    // B-S4: every Alive answers an Election from a lower node; every Election goes to a higher one.
    for (const m of step.sent) {
      if (m.kind === 'Alive') {
        const answers = cause.type === 'message' && cause.msg.kind === 'Election' && cause.msg.from === m.to;
        if (!answers) report('B-S4', `node ${step.node} sent Alive to node ${m.to} without an Election from it`);
      } else if (m.kind === 'Election' && idMode && m.to <= step.node) {
        report('B-S4', `node ${step.node} sent Election to lower node ${m.to}`);
      }
    }
  },
};
