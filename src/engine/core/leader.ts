/**
 * The cluster-leader rules of contracts/sim-cli-and-trace.md, as pure functions of the nodes' stored views and
 * the network: the kernel applies them after every step that can change the answer, and the explorer
 * (engine/explore) after every step it takes, so both see the same leaders and the same split brain.
 */
import type { AnyAlgorithm, NodeRecord } from './algorithm';
import { isReachable, type NetworkState } from './network';
import type { NodeId } from './types';

/**
 * Raft and ZAB: a live leader named by a majority of voters, itself included (the lowest id if several).
 * `votes` is scratch of length ≥ the number of nodes + 1 (votes[id] = live voters naming node id).
 */
export function quorumLeader(alg: AnyAlgorithm, nodes: readonly NodeRecord<unknown>[], voters: readonly NodeId[], votes: Int32Array): NodeId | null {
  // One pass to count who each live voter names, then one over the claimants: O(n), not O(n²).
  votes.fill(0);
  for (const v of voters) {
    const r = nodes[v - 1];
    const named = r.lastView.leader;
    if (r.alive && typeof named === 'number' && named >= 1 && named < votes.length) votes[named]++;
  }
  const half = voters.length / 2;
  for (const c of nodes) {
    if (c.alive && votes[c.id] > half && alg.claimsLeadership(c.lastView)) return c.id;
  }
  return null;
}

/**
 * Bully: the live nodes that claim to lead and that every live node they can reach names as leader. One is
 * the cluster leader; two or more is split brain.
 */
export function reachableLeaders(alg: AnyAlgorithm, nodes: readonly NodeRecord<unknown>[], network: NetworkState): NodeId[] {
  const found: NodeId[] = [];
  for (const c of nodes) {
    if (!c.alive || !alg.claimsLeadership(c.lastView)) continue;
    let ok = true;
    for (const r of nodes) {
      if (r === c || !r.alive || isReachable(network, c.id, r.id) !== true) continue;
      if (r.lastView.leader !== c.id) {
        ok = false;
        break;
      }
    }
    if (ok) found.push(c.id);
  }
  return found;
}

/** The anomaly detail the kernel writes for split brain. */
export function splitBrainDetail(leaders: readonly NodeId[]): string {
  return `nodes ${leaders.join(', ')} each lead their own part of the network`;
}
