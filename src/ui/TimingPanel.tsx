import { useEffect, useState } from 'react';
import { timingVerdict } from '../view/timing';
import { useController } from './context';
import { selectConfig, selectOptions } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';

/** Words for option keys: the option name itself, split at capitals (electionTimeoutMsMin → election timeout min). */
function optionLabel(key: string): string {
  return key
    .replace(/Ms(?=[A-Z]|$)/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
}

/** The algorithm's timing options with a live verdict; applying restarts the run with them. */
export function TimingPanel() {
  const t = useT();
  const c = useController();
  const config = usePane(selectConfig);
  const options = usePane(selectOptions);
  const [draft, setDraft] = useState<Record<string, unknown>>(options);
  useEffect(() => setDraft(options), [options]);
  const numeric = Object.entries(draft).filter(([, v]) => typeof v === 'number');
  const flags = Object.entries(draft).filter(([, v]) => typeof v === 'boolean');
  const verdict = timingVerdict(config.algorithm, draft, config.latency.max);
  const changed = JSON.stringify(draft) !== JSON.stringify(options);
  return (
    <section className="panel" aria-labelledby="timing-h">
      <h2 id="timing-h">{t.timing}</h2>
      <div className="options-grid">
        {numeric.map(([k, v]) => (
          <label key={k} className="field small">
            <span>{t.teach.optionNames[k] ?? optionLabel(k)}</span>
            <input
              type="number"
              min={1}
              value={v as number}
              onChange={(e) => setDraft({ ...draft, [k]: Number(e.target.value) })}
              onKeyDown={(e) => e.stopPropagation()}
            />
          </label>
        ))}
        {flags.map(([k, v]) => (
          <label key={k} className="check">
            <input type="checkbox" checked={v as boolean} onChange={(e) => setDraft({ ...draft, [k]: e.target.checked })} />
            {t.teach.optionNames[k] ?? optionLabel(k)}
          </label>
        ))}
      </div>
      <div className={`verdict ${verdict.level}`} role="note" data-verdict={verdict.level}>
        <strong>
          {verdict.level === 'ok' ? '✓' : verdict.level === 'warn' ? '!' : '✗'} {t.verdict[verdict.level]}
        </strong>
        <ul>
          {verdict.checks.map((ch) => (
            <li key={ch.key} className={ch.level}>
              {t.timingChecks[ch.key](ch.values)}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" disabled={!changed} onClick={() => c.reset({ ...config, options: draft })}>
        {t.applyTiming}
      </button>
    </section>
  );
}
