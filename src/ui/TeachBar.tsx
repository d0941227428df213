import type { AppState } from '../store/app-store';
import { useAppStoreApi, useController } from './context';
import { selectPlaying } from './selectors';
import { usePane } from './usePane';
import { ExportMenu } from './ExportMenu';
import { setUrlParam, useTeach, useTeachApi } from './lessons/context';
import { toggleFullScreen } from './useTeachKeys';
import { useApp } from './useApp';
import { useT } from './useT';

const selectLang = (s: AppState) => s.lang;
const selectTheme = (s: AppState) => s.theme;

/** The header's teaching tools: lessons, presenter mode, full screen, theme, language, export, help. */
export function TeachBar() {
  const t = useT();
  const app = useAppStoreApi();
  const api = useTeachApi();
  const lang = useApp(selectLang);
  const theme = useApp(selectTheme);
  const presenter = useTeach((s) => s.presenter);
  if (!api) return null;
  const setLang = (l: 'en' | 'zh') => {
    app.setState({ lang: l });
    setUrlParam('lang', l === 'en' ? null : l);
  };
  const setTheme = (th: 'light' | 'dark') => {
    app.setState({ theme: th });
    setUrlParam('theme', th === 'light' ? null : th);
  };
  const setPresenter = (on: boolean) => {
    api.store.setState({ presenter: on });
    setUrlParam('presenter', on ? '1' : null);
  };
  return (
    <div className="teach-bar">
      <button type="button" className="lessons-button" onClick={() => api.store.setState({ overlay: 'lessons' })} aria-haspopup="dialog" aria-keyshortcuts="L">
        {t.teach.lessons}
      </button>
      <button type="button" className="presenter-toggle" aria-pressed={presenter} onClick={() => setPresenter(!presenter)}>
        {t.teach.presenter}
      </button>
      <button type="button" className="fullscreen-button" onClick={toggleFullScreen} aria-keyshortcuts="F">
        {t.teach.fullScreen}
      </button>
      <ExportMenu />
      <button type="button" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
        {t.teach.darkTheme}
      </button>
      <label className="field lang-field">
        <span>{t.language}</span>
        <select aria-label={t.language} value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'zh')} onKeyDown={(e) => e.stopPropagation()}>
          <option value="en" lang="en">
            {t.teach.languageNames.en}
          </option>
          <option value="zh" lang="zh-CN">
            {t.teach.languageNames.zh}
          </option>
        </select>
      </label>
      <button type="button" onClick={() => api.store.setState({ overlay: 'help' })} aria-haspopup="dialog" aria-keyshortcuts="?">
        <span aria-hidden="true">? </span>
        {t.teach.help}
      </button>
    </div>
  );
}

/** Embed mode's only chrome: play / pause, one event forward, and a link to the full lab. */
export function EmbedBar() {
  const t = useT();
  const c = useController();
  const playing = usePane(selectPlaying);
  const q = new URLSearchParams(typeof location !== 'undefined' ? location.search : '');
  q.delete('embed');
  const s = q.toString();
  return (
    <div className="embed-bar" role="toolbar" aria-label={t.teach.controls}>
      <button type="button" className="primary play" onClick={() => c.togglePlay()} aria-keyshortcuts="Space" aria-label={playing ? t.pause : t.play}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t.pause : t.play}
      </button>
      <button type="button" onClick={() => c.stepBack()} aria-label={t.stepBack} title={t.stepBack}>
        <span aria-hidden="true">◀</span>
      </button>
      <button type="button" onClick={() => c.stepForward()} aria-label={t.stepForward} title={t.stepForward}>
        <span aria-hidden="true">▶</span>
      </button>
      <a href={`${typeof location !== 'undefined' ? location.pathname : './'}${s ? `?${s}` : ''}`} target="_blank" rel="noopener">
        {t.teach.openInLab} ↗
      </a>
    </div>
  );
}
