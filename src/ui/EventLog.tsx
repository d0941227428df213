/**
 * The event log (issue 6): the run told in plain language, English or Chinese (the worker's Narrator writes
 * both), newest first, up to the moment on screen. Filter by node and by kind; heartbeats and deliveries are
 * hidden unless asked for. Clicking a line shows the run at that moment. Where the textbook simplifies a
 * protocol, the line carries a "what really happens" note.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import type { TraceEvent } from '../engine/core/types';
import type { PaneState } from '../store/pane-model';
// Not from the folder's index: that would bring the narrator and its dictionaries into the page's main chunk.
import { filterNarrations } from '../view/narration/filter';
import { NARRATION_CATEGORIES, type NarrationCategory } from '../view/narration/types';
import type { Narration } from '../protocol';
import type { Dict } from './i18n';
import { useController } from './context';
import { kindStyle } from '../view/kinds';
import { ROLE_STYLES } from '../view/roles';
import { selectObservers, selectPlaying, selectVoters } from './selectors';
import { useApp } from './useApp';
import { usePane } from './usePane';
import { useThrottled } from './useThrottled';
import { useT } from './useT';
import './replay.css';

/** A short one-line description of a raw trace event (kept for other views that list events). */
export function describe(t: Dict, e: TraceEvent, algorithm: string): string {
  switch (e.type) {
    case 'send':
      return t.ev.send(e.from, e.to, kindStyle(e.kind, e.fields).label);
    case 'drop':
      return t.ev.drop(e.from, e.to, e.kind, t.dropReasons[e.reason] ?? e.reason);
    case 'state': {
      const word = (ROLE_STYLES as Partial<Record<string, Record<string, { word: string }>>>)[algorithm]?.[e.role]?.word;
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

const selectLines = (s: PaneState) => s.lines;
/**
 * How many lines are at or before the moment on screen (while a step glides, the next lines wait for it to
 * arrive). The log follows this count, not the time, so it re-renders when a line comes due, not every frame.
 */
const selectDue = (s: PaneState) => {
  let end = s.lines.length;
  while (end > 0 && s.lines[end - 1].t > s.time) end--;
  return end;
};
const selectLang = (s: { lang: 'en' | 'zh' }) => s.lang;
/** Lines shown at once (the log is a window on the recent past, not the archive). */
const SHOWN = 80;

const Line = memo(function Line({ line, lang, current, onPick, label }: { line: Narration; lang: 'en' | 'zh'; current: boolean; onPick: (t: number) => void; label: string }) {
  return (
    <li className={`nl nl-${line.category} imp-${line.importance}${current ? ' current' : ''}`} data-t={line.t} data-category={line.category}>
      <button type="button" className="nl-btn" tabIndex={-1} onClick={() => onPick(line.t)} title={label}>
        <span className="nl-t">{Math.round(line.t)}</span>
        <span className="nl-text">{line.text[lang]}</span>
      </button>
      {line.note && <p className="nl-note">{line.note.text[lang]}</p>}
    </li>
  );
});

/** ↑ / ↓ inside the log move the focus between its lines (the lines themselves are out of the tab order). */
function moveInLog(e: React.KeyboardEvent<HTMLOListElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.nl-btn')];
  if (buttons.length === 0) return;
  e.preventDefault();
  e.stopPropagation();
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = at < 0 ? 0 : Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
  buttons[next].focus();
}

export function EventLog() {
  const t = useT();
  const c = useController();
  const lang = useApp(selectLang);
  const playing = usePane(selectPlaying);
  // While playing, the log catches up at most every 250 ms of wall time (issue 17); paused, at once.
  const liveLines = usePane(selectLines);
  const liveDue = usePane(selectDue);
  const { lines, due } = useThrottled(useMemo(() => ({ lines: liveLines, due: liveDue }), [liveLines, liveDue]), 250, playing);
  const voters = usePane(selectVoters);
  const observers = usePane(selectObservers);
  const [node, setNode] = useState<number | null>(null);
  const [category, setCategory] = useState<NarrationCategory | null>(null);
  const [routine, setRoutine] = useState(false);

  const visible = useMemo(() => {
    const upTo = due === lines.length ? lines : lines.slice(0, due);
    const f = filterNarrations(upTo, { nodes: node === null ? [] : [node], categories: category ? [category] : [], minImportance: routine ? 0 : 1 });
    return f.slice(-SHOWN).reverse();
  }, [lines, due, node, category, routine]);
  const latest = visible.length ? visible[0].t : null;
  // Stable, so the memoized lines do not all re-render each time the log does.
  const pick = useCallback(
    (at: number) => {
      c.pause();
      c.seek(at);
    },
    [c],
  );

  return (
    <section className="panel log-panel" aria-labelledby="log-h">
      <h2 id="log-h">{t.eventLog}</h2>
      <div className="nl-filter" role="group" aria-label={t.replay.filter}>
        <select aria-label={t.replay.allNodes} value={node ?? ''} onChange={(e) => setNode(e.target.value === '' ? null : Number(e.target.value))} onKeyDown={(e) => e.stopPropagation()}>
          <option value="">{t.replay.allNodes}</option>
          {[...voters, ...observers].map((id) => (
            <option key={id} value={id}>
              {t.replay.nodeN(id)}
            </option>
          ))}
        </select>
        <select aria-label={t.replay.allKinds} value={category ?? ''} onChange={(e) => setCategory(e.target.value === '' ? null : (e.target.value as NarrationCategory))} onKeyDown={(e) => e.stopPropagation()}>
          <option value="">{t.replay.allKinds}</option>
          {NARRATION_CATEGORIES.map((k) => (
            <option key={k} value={k}>
              {t.replay.categories[k]}
            </option>
          ))}
        </select>
        <label className="nl-routine">
          <input type="checkbox" checked={routine} onChange={(e) => setRoutine(e.target.checked)} onKeyDown={(e) => e.stopPropagation()} /> {t.replay.routine}
        </label>
      </div>
      {/* A screen reader hears new lines while the run is paused or stepped, not the flood of a playing run. */}
      <div role="log" aria-label={t.eventLog} aria-live={playing ? 'off' : 'polite'}>
        {/* One tab stop for the whole log (a roving focus): ↑ ↓ move between lines, Enter shows that moment.
            Eighty focusable lines would otherwise stand between a keyboard user and everything after the log. */}
        <ol tabIndex={0} className="event-log narration" lang={lang === 'zh' ? 'zh-CN' : 'en'} aria-keyshortcuts="ArrowUp ArrowDown Enter" onKeyDown={moveInLog}>
          {visible.length === 0 && <li className="nl-empty">{t.replay.emptyLog}</li>}
          {visible.map((l) => (
            <Line key={l.index} line={l} lang={lang} current={l.t === latest} onPick={pick} label={t.replay.goTo(t.time(l.t))} />
          ))}
        </ol>
      </div>
    </section>
  );
}
