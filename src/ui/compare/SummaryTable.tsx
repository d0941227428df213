/** The panes side by side: one column per pane, one row per metric (issue 7's summary table). */
import { useEffect, useState } from 'react';
import type { PaneController } from '../../store/pane-controller';
import type { PaneMetrics } from '../../view/metrics/folder';
import { useT } from '../useT';
import { unavailableNow } from './useThrottled';

function useAllMetrics(panes: readonly PaneController[], ms = 300): { metrics: (PaneMetrics | null)[]; time: number } {
  const read = () => ({ metrics: panes.map((c) => c.store.getState().metrics), time: panes[0]?.time ?? 0 });
  const [v, setV] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      setV({ metrics: panes.map((c) => c.store.getState().metrics), time: panes[0]?.time ?? 0 });
    };
    flush();
    const unsubs = panes.map((c) =>
      c.store.subscribe((s, prev) => {
        if (s.metrics !== prev.metrics && timer === null) timer = setTimeout(flush, ms);
      }),
    );
    return () => {
      unsubs.forEach((u) => u());
      if (timer !== null) clearTimeout(timer);
    };
  }, [panes, ms]);
  return v;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const last = (xs: readonly number[]) => (xs.length ? xs[xs.length - 1] : null);

export function SummaryTable({ panes }: { panes: readonly PaneController[] }) {
  const t = useT();
  const tc = t.compare;
  const { metrics, time } = useAllMetrics(panes);
  const names = panes.map((c) => t.algorithmNames[c.store.getState().config.algorithm]);
  const rows: [string, (m: PaneMetrics) => string][] = [
    [tc.sent, (m) => tc.num(m.sent)],
    [tc.delivered, (m) => tc.num(m.delivered)],
    [tc.dropped, (m) => tc.num(m.dropped)],
    [tc.firstLeader, (m) => tc.ms(m.firstLeaderAt)],
    [tc.leaderChanges, (m) => tc.num(m.leaderChanges)],
    [tc.losses, (m) => tc.num(m.leaderLosses.length)],
    [tc.recovery, (m) => tc.ms(last(m.recoveryTimes))],
    [tc.meanRecovery, (m) => tc.ms(mean(m.recoveryTimes))],
    [tc.unavailable, (m) => tc.ms(unavailableNow(m, time))],
    [tc.elections, (m) => tc.num(m.elections)],
    [`${tc.rounds.raft} / ${tc.rounds.zab} / ${tc.rounds.bully}`, (m) => tc.num(m.maxRound)],
    [tc.perElection, (m) => (m.messagesPerElection.length ? m.messagesPerElection.join(', ') : '—')],
  ];
  return (
    <table className="cmp-summary">
      <caption>{tc.summary}</caption>
      <thead>
        <tr>
          <th scope="col">{tc.metric}</th>
          {names.map((n) => (
            <th key={n} scope="col">
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, f]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {metrics.map((m, i) => (
              <td key={names[i]}>{m ? f(m) : '—'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
