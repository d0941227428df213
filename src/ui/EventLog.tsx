import type { TraceEvent } from '../engine/core/types';
import type { Dict } from './i18n';
import { kindStyle } from '../view/kinds';
import { ROLE_STYLES } from '../view/roles';
import { selectAlgorithm, selectLog } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';

export function describe(t: Dict, e: TraceEvent, algorithm: string): string {
  switch (e.type) {
    case 'send':
      return t.ev.send(e.from, e.to, kindStyle(e.kind, e.fields).label);
    case 'drop':
      return t.ev.drop(e.from, e.to, e.kind, t.dropReasons[e.reason] ?? e.reason);
    case 'state': {
      const word = ROLE_STYLES[algorithm as 'bully']?.[e.role]?.word;
      return t.ev.state(e.node, (word && t.roles[word]) ?? e.role, e.alive);
    }
    case 'fault':
      return t.ev.fault(t.faultWords(e));
    case 'leader':
      return t.ev.leader(e.leader);
    case 'write':
      return t.ev.write(e.node, String(e.value), e.accepted);
    case 'commit':
      return t.ev.commit(e.node, e.index);
    case 'violation':
      return t.ev.violation(e.invariant, e.detail);
    case 'anomaly':
      return t.ev.anomaly(e.kind, e.detail);
    default:
      return e.type;
  }
}

/** Narration: the recent events worth reading (heartbeats and arrivals left out), newest first. */
export function EventLog() {
  const t = useT();
  const log = usePane(selectLog);
  const algorithm = usePane(selectAlgorithm);
  const rows = log.slice(-40).reverse();
  return (
    <section className="panel log-panel" aria-labelledby="log-h">
      <h2 id="log-h">{t.eventLog}</h2>
      <ol role="log" aria-label={t.eventLog} aria-live="off" className="event-log">
        {rows.map(({ id, event }) => (
          <li key={id} className={`ev ev-${event.type}`}>
            <span className="t">{Math.round(event.t)}</span> {describe(t, event, algorithm)}
          </li>
        ))}
      </ol>
    </section>
  );
}
