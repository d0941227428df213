/**
 * The timeline (issue 6): the whole run as a scrubber with markers (elections, leader changes, term / epoch
 * rises, faults, invariant alerts), jumps to the previous / next marker, and — while paused — a caption that
 * narrates the instant on screen in large type, for the back of the classroom.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { profileOf } from '../engine/algorithms/profiles';
import type { Marker, Narration } from '../protocol';
import type { PaneState } from '../store/pane-model';
import { useController } from './context';
import { selectHorizon, selectPlaying, selectTime } from './selectors';
import { useApp } from './useApp';
import { usePane } from './usePane';
import { useT } from './useT';
import './replay.css';

const selectMarkers = (s: PaneState) => s.markers;
const selectLines = (s: PaneState) => s.lines;
const selectRun = (s: PaneState) => s.run;
const selectAlgorithmName = (s: PaneState) => s.config.algorithm;
const selectLang = (s: { lang: 'en' | 'zh' }) => s.lang;

const GLYPH: Record<Marker['kind'], string> = {
  election: '▲',
  leader: '♛',
  noLeader: '○',
  term: '',
  fault: '✕',
  alert: '⚠',
};

/** Marks are placed in units of this many virtual ms (percent of a layer whose width follows the run's length). */
const MARK_UNIT_MS = 1000;

/**
 * The marker strip above the slider: positioned spans (crisp at any width), not focusable (the buttons are).
 * The marks sit on a layer `MARK_UNIT_MS / max` of the strip wide, placed at `t / MARK_UNIT_MS`: as the run
 * grows only the layer's width changes, where placing each mark at `t / max` restyled every mark every frame.
 */
function MarkerStrip({ markers, max, algorithm }: { markers: Marker[]; max: number; algorithm: string }) {
  return (
    <div className="tl-strip" aria-hidden="true">
      <div className="tl-marks" style={{ width: `${(MARK_UNIT_MS / max) * 100}%` }}>
        <Marks markers={markers} algorithm={algorithm} />
      </div>
    </div>
  );
}

const Marks = memo(function Marks({ markers, algorithm }: { markers: Marker[]; algorithm: string }) {
  const t = useT();
  const word = profileOf(algorithm)?.round?.letter ?? 'T';
  return (
    <>
      {markers.map((m) => {
        const left = `${(m.t / MARK_UNIT_MS) * 100}%`;
        const extra = m.kind === 'term' ? t.replay.termValue(m.value ?? 0) : (m.label ?? '');
        const title = t.replay.markerText(t.replay.markerKinds[m.kind], t.time(m.t), m.node, extra);
        if (m.kind === 'term') {
          return (
            <span key={`${m.index}-term`} className="tl-term" style={{ left }} title={title}>
              {word}
              {m.value}
            </span>
          );
        }
        return (
          <span key={`${m.index}-${m.kind}`} className={`tl-mark tl-${m.kind}`} style={{ left }} title={title} data-marker={m.kind}>
            {GLYPH[m.kind]}
          </span>
        );
      })}
    </>
  );
});

/** The lines of the latest instant at or before `time` (the step on screen), most telling first. */
export function linesAt(lines: Narration[], time: number): Narration[] {
  let i = lines.length - 1;
  while (i >= 0 && lines[i].t > time) i--;
  if (i < 0) return [];
  const at = lines[i].t;
  const out: Narration[] = [];
  for (; i >= 0 && lines[i].t === at; i--) out.unshift(lines[i]);
  const telling = out.filter((l) => l.importance >= 1);
  return (telling.length ? telling : out).slice(0, 3);
}

/** While paused: what happened at the instant on screen, in words. */
function StepCaption() {
  const t = useT();
  const lang = useApp(selectLang);
  const lines = usePane(selectLines);
  const time = usePane(selectTime);
  const playing = usePane(selectPlaying);
  if (playing) return null;
  const now = linesAt(lines, time);
  if (now.length === 0) return null;
  return (
    <div className="step-caption" data-testid="step-caption">
      <span className="sc-when">
        {t.replay.lastEvent} · {t.time(now[0].t)}
      </span>
      {now.map((l) => (
        <p key={l.index} className={`sc-line imp-${l.importance}`}>
          {l.text[lang]}
          {l.note && (
            <details className="sc-note">
              <summary>{t.replay.really}</summary>
              {l.note.text[lang]}
            </details>
          )}
        </p>
      ))}
    </div>
  );
}

/** The timeline: the displayed virtual time, draggable to any point of the run reached so far. */
export function Timeline() {
  const t = useT();
  const c = useController();
  const time = usePane(selectTime);
  const horizon = usePane(selectHorizon);
  const markers = usePane(selectMarkers);
  const run = usePane(selectRun);
  const algorithm = usePane(selectAlgorithmName);
  const max = Math.max(horizon, time, 1);
  const prev = [...markers].reverse().find((m) => m.t < time - 0.5);
  const next = markers.find((m) => m.t > time + 0.5);
  const describe = (m: Marker | undefined) =>
    m ? t.replay.markerText(t.replay.markerKinds[m.kind], t.time(m.t), m.node, m.kind === 'term' ? t.replay.termValue(m.value ?? 0) : (m.label ?? '')) : '';

  // A fork (acting in the past) cuts the timeline: say so for a few seconds.
  const [forked, setForked] = useState(false);
  const last = useRef({ run, horizon });
  useEffect(() => {
    const was = last.current;
    last.current = { run, horizon };
    if (was.run === run && horizon < was.horizon - 0.5) {
      setForked(true);
      const id = setTimeout(() => setForked(false), 5000);
      return () => clearTimeout(id);
    }
    return undefined;
  }, [run, horizon]);

  return (
    <div className="timeline-block">
      <StepCaption />
      {forked && (
        <p className="tl-forked" aria-live="polite">
          {t.replay.forked}
        </p>
      )}
      <div className="timeline">
        <button type="button" className="tl-jump" onClick={() => c.seekMarker(-1)} disabled={!prev} aria-label={t.replay.previousMarker} title={`${t.replay.previousMarker} ([)${prev ? ` — ${describe(prev)}` : ''}`} aria-keyshortcuts="[">
          <span aria-hidden="true">⇤</span>
        </button>
        <div className="tl-track">
          <MarkerStrip markers={markers} max={max} algorithm={algorithm} />
          <input
            type="range"
            aria-label={t.timeline}
            min={0}
            max={Math.ceil(max)}
            step={1}
            value={Math.round(time)}
            aria-valuenow={Math.round(time)}
            aria-valuetext={t.time(time)}
            onChange={(e) => c.seek(Number(e.target.value))}
            onKeyDown={(e) => e.stopPropagation()}
          />
        </div>
        <button type="button" className="tl-jump" onClick={() => c.seekMarker(1)} disabled={!next} aria-label={t.replay.nextMarker} title={`${t.replay.nextMarker} (])${next ? ` — ${describe(next)}` : ''}`} aria-keyshortcuts="]">
          <span aria-hidden="true">⇥</span>
        </button>
        <span className="clock">{t.time(time)}</span>
      </div>
    </div>
  );
}

/**
 * An invariant alert on the ring: from the engine's `violation` or `anomaly` (split brain, two leaders in a
 * term / epoch) until the cluster has one leader again (a violation stays: it should never happen).
 */
export function RingAlert() {
  const t = useT();
  const markers = usePane(selectMarkers);
  const time = usePane(selectTime);
  let alert: Marker | null = null;
  for (const m of markers) {
    if (m.t > time) break;
    if (m.kind === 'alert') alert = m;
    else if (m.kind === 'leader' && alert && alert.value !== 1) alert = null; // a violation stays
  }
  if (!alert) return null;
  const text = alert.label === 'split-brain' ? t.splitBrain : `${t.replay.markerKinds.alert}: ${alert.label ?? ''}`;
  return (
    <div className="ring-alert" data-testid="ring-alert" data-alert={alert.label}>
      <span aria-hidden="true">⚠ </span>
      {text}
    </div>
  );
}
