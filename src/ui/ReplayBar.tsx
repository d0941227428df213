/**
 * Scenario files and links (issue 6): Share (a dialog with the link that holds the whole run), Save (the run
 * as a scenario file, the format `sim --scenario` reads), Load (a file, or one dropped anywhere on the page)
 * and Trace (the JSONL trace up to the moment shown, as `sim --format jsonl` prints it). A bad file or link is
 * refused with the field and why (a notice); the run on screen stays.
 */
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_SPEED } from '../store/url-params';
import { scenarioText, shareUrl } from '../store/share-link';
import { useController } from './context';
import { download } from './download';
import { selectTime } from './selectors';
import { usePane } from './usePane';
import { useT } from './useT';
import './replay.css';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const c = useController();
  const time = usePane(selectTime);
  const [atMoment, setAtMoment] = useState(false);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const s = c.store.getState();
  const url = shareUrl(window.location, c.scenarioFile(), { at: atMoment ? time : undefined, speed: s.speed, defaultSpeed: DEFAULT_SPEED });

  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, []);
  const copy = async () => {
    box.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="share-dialog panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-h"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="share-h">{t.replay.shareTitle}</h2>
        <p className="muted">{t.replay.shareIntro}</p>
        <textarea ref={box} className="share-link" aria-label={t.replay.link} readOnly value={url} rows={4} spellCheck={false} onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()} />
        <p className="muted small">{t.replay.linkLength(url.length)}</p>
        <label className="share-at">
          <input type="checkbox" checked={atMoment} onChange={(e) => setAtMoment(e.target.checked)} /> {t.replay.atMoment(t.time(time))}
        </label>
        <div className="row">
          <button type="button" className="primary" onClick={copy}>
            {t.replay.copyLink}
          </button>
          <button type="button" onClick={onClose}>
            {t.replay.close}
          </button>
          {copied && (
            <span className="copied" aria-live="polite">
              {copied === 'ok' ? t.replay.copied : t.replay.copyFailed}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}

export function ReplayBar() {
  const t = useT();
  const c = useController();
  const [sharing, setSharing] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const shareBtn = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    c.onLoadResult = (r) => {
      if (r.ok) {
        setToast(tRef.current.replay.loaded(r.source, r.actions));
        setTimeout(() => setToast(null), 4000);
      }
    };
    return () => {
      c.onLoadResult = null;
    };
  }, [c]);

  const readFile = (file: File) => {
    const source = `“${file.name}”`;
    if (file.size > MAX_FILE_BYTES) {
      c.refuseLoad(source, tRef.current.replay.fileTooBig);
      return;
    }
    file.text().then(
      (text) => c.loadText(text, source, { playing: false }),
      (e: unknown) => c.refuseLoad(source, e instanceof Error ? e.message : String(e)),
    );
  };

  // Drop a scenario file anywhere on the page.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) readFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
    // readFile only uses refs and the controller
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [c]);

  const save = () => {
    const sc = c.scenarioFile();
    download(`election-lab-${sc.algorithm}-seed${sc.seed}.json`, scenarioText(sc, true), 'application/json');
  };
  const exportTrace = async () => {
    const { jsonl, to } = await c.exportTrace();
    download(`election-lab-${c.store.getState().config.algorithm}-${to}ms.jsonl`, jsonl, 'application/x-ndjson');
  };

  return (
    <div className="replay-bar" role="group" aria-label={t.replay.files}>
      <button type="button" ref={shareBtn} onClick={() => setSharing(true)} aria-haspopup="dialog">
        <span aria-hidden="true">⇪</span> {t.replay.share}
      </button>
      <button type="button" onClick={save} title={t.replay.saveTitle}>
        <span aria-hidden="true">⤓</span> {t.replay.save}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()} title={t.replay.loadTitle}>
        <span aria-hidden="true">⤒</span> {t.replay.load}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scenario-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) readFile(f);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={exportTrace} title={t.replay.exportTitle}>
        <span aria-hidden="true">⤓</span> {t.replay.exportTrace}
      </button>
      {toast && (
        <span className="replay-toast" aria-live="polite">
          {toast}
        </span>
      )}
      {sharing && (
        <ShareDialog
          onClose={() => {
            setSharing(false);
            shareBtn.current?.focus();
          }}
        />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t.replay.dropHere}
        </div>
      )}
    </div>
  );
}
