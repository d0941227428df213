import { useEffect } from 'react';
import type { AppStore } from '../store/app-store';
import type { PaneController } from '../store/pane-controller';
import { AppStoreContext, PaneContext } from './context';
import { CompareGate, ModeButtons } from './compare/CompareView';
import { Controls, Timeline } from './Controls';
import { EventLog } from './EventLog';
import { HelpOverlay } from './HelpOverlay';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { TeachContext, useTeach, useTeachApi, type Teach } from './lessons/context';
import { LessonList } from './lessons/LessonList';
import { LessonPanel } from './lessons/LessonPanel';
import { MessageDetails } from './MessageDetails';
import { NetworkPanel } from './NetworkPanel';
import { Notices } from './Notices';
import { ReplayBar } from './ReplayBar';
import { Ring } from './Ring';
import { StatusLine } from './StatusLine';
import { EmbedBar, TeachBar } from './TeachBar';
import { RingAlert } from './Timeline';
import { TimingPanel } from './TimingPanel';
import { useApp } from './useApp';
import { useKeyboard } from './useKeyboard';
import { useTeachKeys } from './useTeachKeys';
import { usePane } from './usePane';
import { useT } from './useT';

const selectTheme = (s: { theme: 'light' | 'dark' }) => s.theme;
const selectLang = (s: { lang: 'en' | 'zh' }) => s.lang;

function Shell({ controller }: { controller: PaneController }) {
  const t = useT();
  const theme = useApp(selectTheme);
  const lang = useApp(selectLang);
  const status = usePane((s) => s.status);
  useKeyboard(controller);
  useTeachKeys(useTeachApi());
  const presenter = useTeach((s) => s.presenter);
  const embed = useTeach((s) => s.embed);
  const inLesson = useTeach((s) => s.lessonId !== null);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t.appTitle;
  }, [theme, lang, t]);
  return (
    <div className={`app${presenter ? ' presenter' : ''}${embed ? ' embed' : ''}${inLesson ? ' in-lesson' : ''}`}>
      {embed ? (
        <EmbedBar />
      ) : (
        <header className="top">
          <h1>
            {t.appTitle} <span className="tagline">{t.tagline}</span>
          </h1>
          <Controls />
          <ModeButtons />
          <ReplayBar />
          <TeachBar />
        </header>
      )}
      <Notices />
      <main className="stage">
        <div className="ring-col">
          <StatusLine />
          <Ring />
          <RingAlert />
          {status !== 'running' && <div className="overlay-msg">{status === 'starting' ? t.working : t.recovering}</div>}
          <Timeline />
          <p className="keys-help">{t.keysHelp}</p>
        </div>
        <aside className="side">
          <LessonPanel />
          <Inspector />
          <NetworkPanel />
          <EventLog />
          <TimingPanel />
          <Legend />
        </aside>
      </main>
      <MessageDetails />
      <LessonList />
      <HelpOverlay />
    </div>
  );
}

export function App({ app, controller, teach = null }: { app: AppStore; controller: PaneController; teach?: Teach | null }) {
  return (
    <AppStoreContext.Provider value={app}>
      <PaneContext.Provider value={controller}>
        <TeachContext.Provider value={teach}>
          <CompareGate>
            <Shell controller={controller} />
          </CompareGate>
        </TeachContext.Provider>
      </PaneContext.Provider>
    </AppStoreContext.Provider>
  );
}
