/**
 * The network model of contracts/scenario.md: a latency range, a loss rate, partitions into groups and
 * one-way link cuts, all changeable at run time. Reachability is checked when a message arrives
 * (protocols.md §0.2), so a partition also stops messages that were already in flight.
 */
import type { Action, LatencyRange, NetworkConfig, NodeId } from './types';

export interface NetworkState {
  latency: LatencyRange;
  dropRate: number;
  /** group[id] is the partition group of node id (index 0 unused); all zeros when healed. */
  group: number[];
  /** Cut links, keyed "from>to". */
  cut: Record<string, true>;
  /** Whether `cut` has any entry: the common no-cut case skips building keys on every delivery. */
  hasCuts: boolean;
}

export function initialNetwork(config: NetworkConfig, nodeCount: number): NetworkState {
  return {
    latency: { min: config.latency.min, max: config.latency.max },
    dropRate: config.dropRate,
    group: new Array<number>(nodeCount + 1).fill(0),
    cut: {},
    hasCuts: false,
  };
}

export function linkKey(from: NodeId, to: NodeId): string {
  return `${from}>${to}`;
}

/** True when a message from → to gets through the network, else the reason it does not. */
export function isReachable(net: NetworkState, from: NodeId, to: NodeId): true | 'partition' | 'cut' {
  if (net.group[from] !== net.group[to]) return 'partition';
  if (net.hasCuts && net.cut[linkKey(from, to)]) return 'cut';
  return true;
}

export function isPartitioned(net: NetworkState): boolean {
  return net.group.some((g) => g !== 0);
}

/** Applies a network action in place; other actions are ignored. */
export function applyNetworkAction(net: NetworkState, action: Action): void {
  switch (action.do) {
    case 'partition': {
      // Nodes not named in any group form one more group together.
      const rest = action.groups.length + 1;
      net.group.fill(rest);
      net.group[0] = 0;
      action.groups.forEach((ids, gi) => {
        for (const id of ids) net.group[id] = gi + 1;
      });
      break;
    }
    case 'heal':
      net.group.fill(0);
      net.cut = {};
      break;
    case 'cut':
      net.cut[linkKey(action.from, action.to)] = true;
      if (!action.oneWay) net.cut[linkKey(action.to, action.from)] = true;
      break;
    case 'restore':
      delete net.cut[linkKey(action.from, action.to)];
      delete net.cut[linkKey(action.to, action.from)];
      break;
    case 'setDropRate':
      net.dropRate = action.rate;
      break;
    case 'setLatency':
      net.latency = { min: action.min, max: action.max };
      break;
    default:
      break;
  }
  net.hasCuts = Object.keys(net.cut).length > 0;
}
