import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { loadedLessons, loadLessons, type LessonLibrary } from '../../lessons/load';
import { lessonHref } from '../../store/lesson-session';
import { useApp } from '../useApp';
import { useT } from '../useT';
import { useTeach, useTeachApi } from './context';
import { Dialog } from './Dialog';

const selectLang = (s: { lang: 'en' | 'zh' }) => s.lang;

/** The lesson list: every lesson a link (`?lesson=<id>`), by topic; a plain click opens it in place. */
export function LessonList() {
  const t = useT();
  const lang = useApp(selectLang);
  const api = useTeachApi();
  const open = useTeach((s) => s.overlay === 'lessons');
  const current = useTeach((s) => s.lessonId);
  const first = useRef<HTMLAnchorElement>(null);
  const [library, setLibrary] = useState<LessonLibrary | null>(loadedLessons);
  useEffect(() => {
    if (open && !library) void loadLessons().then(setLibrary);
  }, [open, library]);
  useEffect(() => {
    if (open && library) first.current?.focus();
  }, [open, library]);
  if (!open || !api) return null;
  const close = () => api.store.setState({ overlay: 'none' });
  const onClick = (id: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void api.session.open(id);
  };
  const search = typeof location !== 'undefined' ? location.search : '';
  let k = 0;
  return (
    <Dialog label={t.teach.lessons} onClose={close} className="lesson-list">
      <p className="muted">{t.teach.lessonListIntro}</p>
      {!library && <p aria-live="polite">{t.teach.loadingLessons}</p>}
      <div className="lesson-groups">
        {library?.LESSON_GROUPS.map((g) => (
          <section key={g.id} aria-labelledby={`lg-${g.id}`}>
            <h3 id={`lg-${g.id}`}>{g.title[lang]}</h3>
            <ol>
              {g.lessons.map((l) => {
                const i = k++;
                return (
                  <li key={l.id} data-lesson-id={l.id}>
                    <a
                      ref={i === 0 ? first : undefined}
                      href={lessonHref(l.id, search)}
                      onClick={onClick(l.id)}
                      aria-current={current === l.id ? 'page' : undefined}
                    >
                      {l.title[lang]}
                    </a>
                    {l.algorithms.length > 1 && <span className="muted side-note"> — {t.teach.opensSideBySide}</span>}
                    <span className="lesson-goal">{l.goal[lang]}</span>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
