import { loadedLesson } from '../../lessons/load';
import { runInExplore } from '../explore/ExploreButton';
import { useApp } from '../useApp';
import { useT } from '../useT';
import { useTeach, useTeachApi } from './context';

const selectLang = (s: { lang: 'en' | 'zh' }) => s.lang;

/**
 * The open lesson: title and goal, then the current step's explanation and question for the class, with
 * "Previous step" / "Next step" (Page Up / Page Down). The step text is a polite live region, so a screen
 * reader reads each step as it arrives.
 */
export function LessonPanel() {
  const t = useT();
  const lang = useApp(selectLang);
  const api = useTeachApi();
  const id = useTeach((s) => s.lessonId);
  const step = useTeach((s) => s.step);
  const times = useTeach((s) => s.times);
  const transit = useTeach((s) => s.transit);
  const needsCompare = useTeach((s) => s.needsCompare);
  const lesson = id ? loadedLesson(id) : undefined;
  if (!api || !lesson) return null;
  const n = lesson.steps.length;
  const cur = step >= 0 ? lesson.steps[step] : null;
  const at = step >= 0 ? times[step] : null;
  return (
    <section className="lesson-card" aria-labelledby="lesson-title" data-lesson={lesson.id} data-step={step}>
      <div className="lesson-head">
        <div>
          <span className="lesson-kicker">{t.teach.lesson}</span>
          <h2 id="lesson-title">{lesson.title[lang]}</h2>
        </div>
        <button type="button" className="lesson-close" onClick={() => api.session.close()} aria-label={t.teach.closeLesson} title={t.teach.closeLesson}>
          ✕
        </button>
      </div>
      {needsCompare ? (
        <p className="lesson-text">{t.teach.sideBySideSoon}</p>
      ) : (
        <>
          <div className="lesson-live" aria-live="polite" aria-atomic="true">
            {cur ? (
              <>
                <p className="lesson-step-count">
                  {t.teach.stepOf(step + 1, n)}
                  {at !== null && at !== undefined ? <span className="muted"> · {t.teach.atTime(t.time(at))}</span> : null}
                </p>
                <p className="lesson-text">{cur.text[lang]}</p>
                {cur.explore && (
                  <p className="lesson-explore">
                    <button type="button" onClick={() => runInExplore(cur.explore!)} aria-haspopup="dialog" title={t.explore.runInExploreHint}>
                      {t.explore.runInExplore}
                    </button>
                  </p>
                )}
                {cur.question && (
                  <p className="lesson-question">
                    <strong>{t.teach.question}:</strong> {cur.question[lang]}
                  </p>
                )}
                {step === n - 1 && <p className="muted lesson-done">{t.teach.lessonDone}</p>}
              </>
            ) : (
              <>
                <p className="lesson-text">
                  <strong>{t.teach.goal}:</strong> {lesson.goal[lang]}
                </p>
                <p className="muted">{t.teach.introHint}</p>
              </>
            )}
          </div>
          <nav className="lesson-nav" aria-label={t.teach.stepsNav}>
            <button type="button" onClick={() => api.session.previous()} disabled={step < 0} aria-keyshortcuts="PageUp P">
              <span aria-hidden="true">◀ </span>
              {t.teach.previousStep}
            </button>
            <ol className="lesson-dots" aria-hidden="true">
              {lesson.steps.map((_, i) => (
                <li key={i} className={i === step ? 'on' : i < step ? 'done' : ''} />
              ))}
            </ol>
            <button type="button" className="primary" onClick={() => api.session.next()} disabled={step >= n - 1} aria-keyshortcuts="PageDown N">
              {t.teach.nextStep}
              <span aria-hidden="true"> ▶</span>
            </button>
          </nav>
          {transit && <p className="muted lesson-transit">{t.teach.playingToNext}</p>}
        </>
      )}
    </section>
  );
}
