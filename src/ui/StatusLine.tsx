import { termOf } from '../view/roles';
import { selectAlgorithm, selectAnomalies, selectLeader, selectMessageCount, selectNetwork, selectStats } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';
import type { NetworkView } from '../protocol';
import { cutLinkCount } from '../view/partition';

/** "Leader: Node N · term T" or "No leader", for the cluster leader as the trace contract defines it. */
export function StatusLine() {
  const t = useT();
  const leader = usePane(selectLeader);
  const algorithm = usePane(selectAlgorithm);
  const leaderView = usePane((s) => (s.leader !== null ? s.nodes[s.leader] : undefined));
  const stats = usePane(selectStats);
  const inFlight = usePane(selectMessageCount);
  const network = usePane(selectNetwork) as NetworkView;
  const anomalies = usePane(selectAnomalies);
  const term = leaderView ? termOf(algorithm, leaderView) : null;
  const groups = new Set(network.group.slice(1)).size;
  const partitioned = network.group.some((g) => g !== 0);
  const splitBrain = leader === null && anomalies.length > 0 && anomalies[anomalies.length - 1].kind === 'split-brain' && partitioned;
  return (
    <div className="status-area">
      <div role="status" className={`status ${leader === null ? 'none' : 'has-leader'}`} data-leader={leader ?? ''}>
        {leader === null ? t.noLeader : t.leaderIs(leader)}
        {term && leader !== null ? <span className="term"> · {t.termValue(term.word, term.value)}</span> : null}
      </div>
      <div className="substatus">
        <span>{partitioned ? t.partitioned(groups) : network.cuts.length ? t.cutLinks(cutLinkCount(network)) : t.healthy}</span>
        <span>{t.stats(stats.sent, inFlight)}</span>
        {splitBrain && <span className="warn">{t.splitBrain}</span>}
      </div>
    </div>
  );
}
