import { useTeach, useTeachApi } from './lessons/context';
import { Dialog } from './lessons/Dialog';
import { Legend } from './Legend';
import { useT } from './useT';

/** `?`: the keyboard shortcuts and a short "how to read the ring", with the legend of this algorithm. */
export function HelpOverlay() {
  const t = useT();
  const api = useTeachApi();
  const open = useTeach((s) => s.overlay === 'help');
  if (!open || !api) return null;
  return (
    <Dialog label={t.teach.helpTitle} onClose={() => api.store.setState({ overlay: 'none' })} className="help-dialog">
      <div className="help-cols">
        <section aria-labelledby="help-keys">
          <h3 id="help-keys">{t.teach.keysTitle}</h3>
          <dl className="shortcuts">
            {t.teach.shortcuts.map(([k, what]) => (
              <div key={k}>
                <dt>
                  {k.split('  ').map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="help-ring">
          <h3 id="help-ring">{t.teach.ringTitle}</h3>
          <ul className="ring-help">
            {t.teach.ringHelp.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Legend />
        </section>
      </div>
    </Dialog>
  );
}
