/**
 * The page's entry: read the query parameters (bad ones become alerts, never a blank page), create the
 * app store and one pane controller (which starts the simulation worker), and render.
 */
import { registerServiceWorker } from './pwa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './store/app-store';
import { installCompareBridge } from './store/compare-bridge';
import { closeCompare, compareStore, configureCompare, openCompare, parseCompare, scenarioOfConfig } from './store/compare-session';
import { PaneController } from './store/pane-controller';
import { LessonSession } from './store/lesson-session';
import { createTeachStore } from './store/teach-store';
import { decodeScenarioParam, parseAt } from './store/share-link';
import { installTestBridge } from './store/test-bridge';
import { parseFlag, paramsToSearch, parseParams } from './store/url-params';
import { App } from './ui/App';
import { DICTS } from './ui/i18n';
import { defaultTransport } from './worker/transport';
import './ui/styles.css';
import './ui/teach.css';

const { params, problems } = parseParams(window.location.search, typeof navigator !== 'undefined' ? navigator.language : undefined);
const app = createAppStore({ lang: params.lang, theme: params.theme, problems });
const controller = new PaneController(
  {
    algorithm: params.algorithm,
    nodes: params.nodes,
    observers: params.observers,
    seed: params.seed,
    latency: { min: 10, max: 30 },
    dropRate: 0,
    options: {},
  },
  { speed: params.speed, playing: !params.paused },
  { transport: defaultTransport },
);

controller.onAlgorithms = (algorithms) => {
  app.setState({ algorithms });
  // An algorithm named in the URL that this build cannot run yet: say so and show one that it can.
  const cfg = controller.store.getState().config;
  if (!algorithms.some((a) => a.name === cfg.algorithm) && algorithms.length > 0) {
    app.setState({ problems: [...app.getState().problems, { param: 'algorithm', value: cfg.algorithm, reason: 'notAvailable' as const }] });
    controller.reset({ ...cfg, algorithm: algorithms[0].name, observers: 0 });
  }
};

// Keep the address bar in step with the setup, so a reload or a copied link opens the same cluster.
controller.store.subscribe((s, prev) => {
  if (s.config === prev.config || s.config.events?.length) return; // a lesson's link is its ?lesson=
  const search = paramsToSearch(s.config, window.location.search);
  if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
});

if (params.test) installTestBridge(controller, window as unknown as Record<string, unknown>);

// Replay (issue 6): `scenario` holds a whole run (setup + action log, lz-string); `at` opens it paused there.
if (params.later.scenario !== undefined) {
  const text = decodeScenarioParam(params.later.scenario);
  const at = parseAt(new URLSearchParams(window.location.search).get('at'));
  const words = DICTS[app.getState().lang].replay;
  if (text === null) controller.refuseLoad(words.linkSource, words.badLink);
  else controller.loadText(text, words.linkSource, { time: at ?? 0, playing: at === null && !params.paused });
}

// Compare mode (issue 7): `compare=bully,raft,zab` opens side-by-side panes on this setup, one clock.
configureCompare({ transport: defaultTransport });
if (params.later.compare !== undefined) {
  const algorithms = parseCompare(params.later.compare);
  if (algorithms) {
    controller.pause();
    void openCompare(algorithms, scenarioOfConfig(controller.store.getState().config), { speed: params.speed, playing: !params.paused });
  } else app.setState({ problems: [...app.getState().problems, { param: 'compare', value: params.later.compare, reason: 'notAlgorithm' }] });
}
if (params.test) installCompareBridge(window as unknown as Record<string, unknown>);

// Teaching (issue 8): presenter and embed modes, lessons by link.
const teachProblems = [...app.getState().problems];
const teachStore = createTeachStore({
  presenter: parseFlag('presenter', params.later.presenter, teachProblems),
  embed: parseFlag('embed', params.later.embed, teachProblems),
});
const session = new LessonSession(controller, teachStore, {
  // Side-by-side lessons run in compare mode (issue 7), stopped at their pause points by its shared clock.
  compare: {
    open: async (lesson) => {
      const s = await openCompare(lesson.algorithms, lesson.scenario, { playing: false });
      return { clock: s.clock, panes: s.panes };
    },
    close: () => closeCompare(),
    onClosed: (fn) =>
      compareStore.subscribe((st, prev) => {
        if (prev.session && st.session !== prev.session) fn();
      }),
  },
  onUrl: (search) => window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`),
});
if (teachProblems.length !== app.getState().problems.length) app.setState({ problems: teachProblems });
const lessonParam = params.later.lesson;
if (lessonParam !== undefined) {
  void session.open(lessonParam).then((found) => {
    if (!found && session.lesson === null) {
      app.setState({ problems: [...app.getState().problems, { param: 'lesson', value: lessonParam, reason: 'notLesson' }] });
    }
  });
}
if (params.test) (window as unknown as Record<string, unknown>).__lesson = session.bridge();

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App app={app} controller={controller} teach={{ store: teachStore, session }} />
  </StrictMode>,
);
