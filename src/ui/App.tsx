import { useEffect } from 'react';
import type { AppStore } from '../store/app-store';
import type { PaneController } from '../store/pane-controller';
import { AppStoreContext, PaneContext } from './context';
import { Controls, Timeline } from './Controls';
import { EventLog } from './EventLog';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { MessageDetails } from './MessageDetails';
import { NetworkPanel } from './NetworkPanel';
import { Notices } from './Notices';
import { Ring } from './Ring';
import { StatusLine } from './StatusLine';
import { TimingPanel } from './TimingPanel';
import { useApp } from './useApp';
import { useKeyboard } from './useKeyboard';
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
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t.appTitle;
  }, [theme, lang, t]);
  return (
    <div className="app">
      <header className="top">
        <h1>
          {t.appTitle} <span className="tagline">{t.tagline}</span>
        </h1>
        <Controls />
      </header>
      <Notices />
      <main className="stage">
        <div className="ring-col">
          <StatusLine />
          <Ring />
          {status !== 'running' && <div className="overlay-msg">{status === 'starting' ? t.working : t.recovering}</div>}
          <Timeline />
          <p className="keys-help">{t.keysHelp}</p>
        </div>
        <aside className="side">
          <Inspector />
          <NetworkPanel />
          <EventLog />
          <TimingPanel />
          <Legend />
        </aside>
      </main>
      <MessageDetails />
    </div>
  );
}

export function App({ app, controller }: { app: AppStore; controller: PaneController }) {
  return (
    <AppStoreContext.Provider value={app}>
      <PaneContext.Provider value={controller}>
        <Shell controller={controller} />
      </PaneContext.Provider>
    </AppStoreContext.Provider>
  );
}
