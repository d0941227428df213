import { useEffect, useRef, useState } from 'react';
import { loadedLesson } from '../lessons/load';
import { download } from './download';
import { ringPng, ringSvgString, stepPng } from './export';
import { useController } from './context';
import { useTeachApi } from './lessons/context';
import { useApp } from './useApp';
import { useT } from './useT';

const selectLang = (s: { lang: 'en' | 'zh' }) => s.lang;

function ringSvg(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('svg.ring');
}

/** Export: the ring as SVG or PNG, and the current lesson step as a slide picture. */
export function ExportMenu() {
  const t = useT();
  const lang = useApp(selectLang);
  const c = useController();
  const api = useTeachApi();
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const base = () => {
    const s = c.store.getState();
    const id = api?.store.getState().lessonId;
    return `election-lab-${id ?? s.config.algorithm}-${Math.round(c.time)}ms`;
  };
  const done = (name: string) => {
    setSaid(t.teach.exported(name));
    setOpen(false);
  };
  const asSvg = () => {
    const svg = ringSvg();
    if (!svg) return;
    const name = `${base()}.svg`;
    download(name, ringSvgString(svg), 'image/svg+xml');
    done(name);
  };
  const asPng = async () => {
    const svg = ringSvg();
    if (!svg) return;
    const name = `${base()}.png`;
    download(name, await ringPng(svg));
    done(name);
  };
  const st = api?.store.getState();
  const lesson = st?.lessonId ? loadedLesson(st.lessonId) : undefined;
  const asStep = async () => {
    const svgs = [...document.querySelectorAll<SVGSVGElement>('svg.ring')];
    const s = api?.store.getState();
    if (svgs.length === 0 || !lesson || !s) return;
    // Side by side: each pane's ring under its algorithm's name.
    const rings = svgs.map((svg) => {
      const pane = svg.closest<HTMLElement>('[data-algorithm]');
      const alg = pane?.dataset.algorithm;
      const status = pane?.querySelector('[role="status"]')?.textContent ?? '';
      return { svg, name: svgs.length > 1 && alg ? `${t.algorithmNames[alg]} · ${status}` : undefined };
    });
    const step = s.step >= 0 ? lesson.steps[s.step] : null;
    const leader = c.store.getState().leader;
    const name = `${base()}-step${s.step + 1}.png`;
    const blob = await stepPng(rings, {
      kicker: `${t.teach.lesson} · ${lesson.algorithms.map((a) => t.algorithmNames[a]).join(' · ')}`,
      title: lesson.title[lang],
      stepLabel: step ? `${t.teach.stepOf(s.step + 1, lesson.steps.length)} · ${t.teach.atTime(t.time(c.time))}` : t.teach.goal,
      text: step ? step.text[lang] : lesson.goal[lang],
      question: step?.question ? { label: t.teach.question, text: step.question[lang] } : undefined,
      status: rings.length > 1 ? undefined : leader === null ? t.noLeader : t.leaderIs(leader),
    });
    download(name, blob);
    done(name);
  };

  return (
    <div className="export-menu" ref={ref} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-expanded={open} aria-controls="export-list" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">⤓ </span>
        {t.teach.export}
      </button>
      {open && (
        <ul id="export-list" className="export-list">
          <li>
            <button type="button" onClick={asSvg}>
              {t.teach.exportSvg}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void asPng()}>
              {t.teach.exportPng}
            </button>
          </li>
          {lesson && !st?.needsCompare && (
            <li>
              <button type="button" onClick={() => void asStep()}>
                {t.teach.exportStep}
              </button>
            </li>
          )}
        </ul>
      )}
      <span className="sr-only" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
