/**
 * User commands as registered actions (Excalidraw's pattern): a click, a key and a menu item all call these,
 * so they behave the same. Each turns into data (an engine Action) stamped with the displayed time.
 */
import type { NodeId } from '../engine/core/types';
import type { NetworkView } from '../protocol';
import type { PaneController } from '../store/pane-controller';

let writeCounter = 0;

export const commands = {
  crash: (c: PaneController, node: NodeId) => c.act({ do: 'crash', node }),
  /** The host goes dark: nothing is closed or reset, peers notice only by their timeouts (scenario `how`). */
  powerOff: (c: PaneController, node: NodeId) => c.act({ do: 'crash', node, how: 'powerOff' }),
  revive: (c: PaneController, node: NodeId) => c.act({ do: 'revive', node }),
  /** Takes the node out of its group into a group of its own, keeping any other split as it is. */
  isolate: (c: PaneController, node: NodeId) => {
    const s = c.store.getState();
    const ids = [...s.voters, ...s.observers];
    const groups = new Map<number, NodeId[]>();
    for (const id of ids) {
      if (id === node) continue;
      const g = s.network.group[id] ?? 0;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(id);
    }
    c.act({ do: 'partition', groups: [[node], ...groups.values()] });
  },
  write: (c: PaneController, node: NodeId) => c.act({ do: 'write', node, value: `v${++writeCounter}` }),
  heal: (c: PaneController) => c.act({ do: 'heal' }),
  partition: (c: PaneController, groups: NodeId[][]) => {
    const nonEmpty = groups.filter((g) => g.length > 0);
    if (nonEmpty.length >= 2) c.act({ do: 'partition', groups: nonEmpty });
  },
  toggleLink: (c: PaneController, net: NetworkView, a: NodeId, b: NodeId) => {
    const cut = net.cuts.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    c.act(cut ? { do: 'restore', from: a, to: b } : { do: 'cut', from: a, to: b });
  },
  setDropRate: (c: PaneController, rate: number) => c.act({ do: 'setDropRate', rate }),
  setLatency: (c: PaneController, min: number, max: number) => c.act({ do: 'setLatency', min, max }),
};
