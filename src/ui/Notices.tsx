import type { AppState } from '../store/app-store';
import { useAppStoreApi, useController } from './context';
import { selectActions, selectNotice, selectTime, selectViolations } from './selectors';
import { useApp } from './useApp';
import { usePane } from './usePane';
import { useT } from './useT';

const selectProblems = (s: AppState) => s.problems;

/** Alerts: bad query parameters, a restarted worker, a refused action, a safety violation. Never silent. */
export function Notices() {
  const t = useT();
  const app = useAppStoreApi();
  const c = useController();
  const problems = useApp(selectProblems);
  const notice = usePane(selectNotice);
  const violations = usePane(selectViolations);
  const actions = usePane(selectActions);
  const time = usePane(selectTime);
  return (
    <div className="notices">
      {problems.map((p, i) => (
        <div key={`${p.param}-${i}`} role="alert" className="notice warn" data-param={p.param}>
          {t.problem(p)}
          <button type="button" className="link" onClick={() => app.setState({ problems: problems.filter((_, k) => k !== i) })}>
            {t.dismiss}
          </button>
        </div>
      ))}
      {notice && (
        <div role="alert" className={`notice ${notice.key === 'workerRestarted' ? 'info' : 'warn'}`} data-notice={notice.key}>
          {notice.key === 'workerRestarted'
            ? t.notices.workerRestarted(notice.detail, actions.length, time)
            : t.notices[notice.key](notice.detail)}
          <button type="button" className="link" onClick={() => c.dismissNotice()}>
            {t.dismiss}
          </button>
        </div>
      )}
      {violations.length > 0 && (
        <div role="alert" className="notice bad" data-violations={violations.length}>
          {t.violationBanner(violations.length)} {violations[violations.length - 1].invariant}: {violations[violations.length - 1].detail}
        </div>
      )}
    </div>
  );
}
