/** A pane's compact metrics card: counters, leader timings, elections and a sparkline of messages over time. */
import { useController } from '../context';
import { Sparkline, SPARK_COLORS } from '../charts/Sparkline';
import { usePane } from '../usePane';
import { useT } from '../useT';
import { unavailableNow, usePaneMetrics } from './useThrottled';

const selectTime = (s: { time: number }) => Math.round(s.time / 100) * 100;

export function MetricsCard({ algorithmLabel }: { algorithmLabel: string }) {
  const t = useT();
  const tc = t.compare;
  const c = useController();
  const m = usePaneMetrics(c);
  const time = usePane(selectTime);
  if (!m) return <div className="cmp-card" aria-label={tc.metricsOf(algorithmLabel)} />;
  const alg = m.algorithm ?? 'raft';
  const lastRecovery = m.recoveryTimes.length ? m.recoveryTimes[m.recoveryTimes.length - 1] : null;
  const lastPerElection = m.messagesPerElection.length ? m.messagesPerElection[m.messagesPerElection.length - 1] : null;
  const kinds = Object.entries(m.byKind).sort((a, b) => b[1] - a[1]);
  const rows: [string, string, string?][] = [
    [tc.sent, tc.num(m.sent)],
    [tc.delivered, tc.num(m.delivered)],
    [tc.dropped, tc.num(m.dropped)],
    [tc.firstLeader, tc.ms(m.firstLeaderAt)],
    [tc.leaderChanges, tc.num(m.leaderChanges)],
    [tc.recovery, tc.ms(lastRecovery), tc.recoveryTitle],
    [tc.unavailable, tc.ms(unavailableNow(m, time))],
    [tc.elections, tc.num(m.elections)],
    [tc.rounds[alg] ?? tc.rounds.raft, tc.num(m.maxRound)],
    [tc.perElection, tc.num(lastPerElection)],
  ];
  return (
    <div className="cmp-card" role="group" aria-label={tc.metricsOf(algorithmLabel)}>
      <dl className="cmp-kv">
        {rows.map(([k, v, title]) => (
          <div key={k} title={title} data-metric={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="cmp-kinds">
        <span className="muted">{tc.byKind}:</span>{' '}
        {kinds.map(([k, n]) => (
          <span key={k} className="cmp-kind">
            {k} <b>{n}</b>
          </span>
        ))}
      </p>
      <Sparkline buckets={m.series.buckets} bucketMs={m.series.bucketMs} label={tc.chartLabel(algorithmLabel)} />
      <p className="cmp-spark-legend">
        <span className="swatch" style={{ background: SPARK_COLORS.election }} /> {tc.election}
        <span className="swatch" style={{ background: SPARK_COLORS.steady }} /> {tc.steady}
      </p>
    </div>
  );
}
