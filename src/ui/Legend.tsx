import { ROLE_STYLES } from '../view/roles';
import { inkOn } from '../view/palette';
import { shapePath } from '../view/shapes';
import { FLOW_GROUPS, FLOWS_AT } from '../view/message-flows';
import { selectAlgorithm, selectMessageCount } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';

/** What the shapes and colours mean, for this algorithm. */
export function Legend() {
  const t = useT();
  const algorithm = usePane(selectAlgorithm);
  const roles = Object.entries(ROLE_STYLES[algorithm] ?? {});
  // A boolean, so the legend re-renders when the ring switches to or from flows, not per message.
  const flows = usePane((s) => selectMessageCount(s) > FLOWS_AT);
  return (
    <section className="panel legend" aria-labelledby="legend-h">
      <h2 id="legend-h">{t.legend}</h2>
      <ul>
        {roles.map(([role, st]) => (
          <li key={role}>
            <svg width="28" height="28" viewBox="-16 -16 32 32" aria-hidden="true">
              <path d={shapePath(st.shape, 11)} fill={st.fill} stroke={inkOn(st.fill) === '#FFFFFF' ? 'none' : '#333'} />
            </svg>
            {t.roles[st.word]}
          </li>
        ))}
        <li>
          <svg width="28" height="28" viewBox="-16 -16 32 32" aria-hidden="true">
            <path d={shapePath('circle', 11)} fill="var(--dead-fill)" />
            <path d="M-7,-7L7,7M-7,7L7,-7" stroke="var(--dead-ink)" strokeWidth="3" />
          </svg>
          {t.crashed}
        </li>
        <li>
          <span className="crown-inline" aria-hidden="true">♛</span> {t.clusterLeader}
        </li>
        <li className="muted">● {t.heartbeat}</li>
        <li className="muted">◯ {t.reply}</li>
        <li className="muted">✕ {t.lostMsg}</li>
        {flows && (
          <li className="flows-note" data-testid="flows-note">
            {t.flowsNote(FLOW_GROUPS, FLOWS_AT)}
          </li>
        )}
      </ul>
    </section>
  );
}
