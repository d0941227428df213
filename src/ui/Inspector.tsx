import type { NetworkView } from '../protocol';
import { timerStyle } from '../view/timers';
import { commands } from './actions';
import { useController } from './context';
import { selectInspected, selectNetwork, selectSelectedNode, selectTime } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = JSON.stringify(v);
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
}

/** The selected node's full state (the algorithm's own fields: log, votedFor, zxid, votes…), timers and links. */
export function Inspector() {
  const t = useT();
  const c = useController();
  const node = usePane(selectSelectedNode);
  const inspected = usePane(selectInspected);
  const time = usePane(selectTime);
  const network = usePane(selectNetwork) as NetworkView;
  const peers = usePane((s) => [...s.voters, ...s.observers].length);
  if (node === null) {
    return (
      <section className="panel inspector" aria-labelledby="insp-h">
        <h2 id="insp-h">{t.inspector}</h2>
        <p className="muted">{t.inspectorEmpty}</p>
      </section>
    );
  }
  const state = (inspected?.node === node ? inspected.state : null) as Record<string, unknown> | null;
  const timers = inspected?.node === node ? Object.entries(inspected.timers) : [];
  const others = Array.from({ length: peers }, (_, i) => i + 1).filter((id) => id !== node);
  return (
    <section className="panel inspector" aria-labelledby="insp-h" data-inspected-node={node}>
      <h2 id="insp-h">
        {t.inspector}: {t.teach.nodeN(node)}
        <button type="button" className="link" onClick={() => c.inspect(null)} aria-label={t.close}>
          ✕
        </button>
      </h2>
      {state && (
        <dl className="kv">
          {Object.entries(state).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{show(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t.timers}</h3>
      <ul className="timer-list">
        {timers.length === 0 && <li className="muted">{t.noTimers}</li>}
        {timers.map(([name, due]) => {
          const st = timerStyle(name);
          return <li key={name}>{t.dueIn(st ? `${t.timerWords[st.word]} (${name})` : name, due - time)}</li>;
        })}
      </ul>
      {others.length <= 40 && (
        <details className="links">
          <summary>{t.links}</summary>
          <div className="row wrap">
            {others.map((id) => {
              const cut = network.cuts.some(([a, b]) => (a === node && b === id) || (a === id && b === node));
              return (
                <button key={id} type="button" className={cut ? 'cut' : ''} onClick={() => commands.toggleLink(c, network, node, id)}>
                  {cut ? t.restoreLink(node, id) : t.cutLink(node, id)}
                </button>
              );
            })}
          </div>
        </details>
      )}
    </section>
  );
}
