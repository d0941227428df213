import { useEffect, useRef } from 'react';
import { useController } from './context';
import { selectSelectedMessage } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';

/** A clicked message's details (the run pauses so it stays where it is). */
export function MessageDetails() {
  const t = useT();
  const c = useController();
  const id = usePane(selectSelectedMessage);
  const m = usePane((s) => (s.selectedMessage !== null ? s.messages.get(s.selectedMessage) : undefined));
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (id !== null) ref.current?.focus();
  }, [id]);
  if (id === null || !m) return null;
  return (
    <div className="msg-details" role="dialog" aria-label={t.message} data-msg-details={m.kind}>
      <h2>{t.messageTitle(m.kind, m.from, m.to)}</h2>
      <dl className="kv">
        <div>
          <dt>{t.sentAt}</dt>
          <dd>{t.ms(m.t)}</dd>
        </div>
        <div>
          <dt>{m.lost ? t.diesAt : t.arrivesAt}</dt>
          <dd>{t.ms(m.deliverAt)}</dd>
        </div>
        {m.dropReason && (
          <div>
            <dt>—</dt>
            <dd>{t.droppedBecause(t.dropReasons[m.dropReason] ?? m.dropReason)}</dd>
          </div>
        )}
        {Object.entries(m.fields).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{JSON.stringify(v)}</dd>
          </div>
        ))}
      </dl>
      <button
        ref={ref}
        type="button"
        onClick={() => c.selectMessage(null)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') c.selectMessage(null);
        }}
      >
        {t.close}
      </button>
    </div>
  );
}
