/**
 * The query parameters of contracts/ui.md that open the app in a given state. A bad value is never fatal:
 * it is ignored and reported as a problem (the page shows it in an alert naming the parameter and why).
 * Parameters of later features (scenario, compare, lesson, presenter, embed) are read here too, as raw
 * strings, so those features plug in without touching the parser's callers.
 */
import { PROFILES } from '../engine/algorithms/profiles';
import { ALGORITHM_NAMES, type AlgorithmName } from '../engine/core/types';

export type Lang = 'en' | 'zh';
export type Theme = 'light' | 'dark';

export interface StartParams {
  algorithm: AlgorithmName;
  nodes: number;
  observers: number;
  seed: number;
  speed: number;
  paused: boolean;
  lang: Lang;
  theme: Theme;
  /** `test=1`: expose the read-only `window.__sim` bridge for end-to-end tests. */
  test: boolean;
  /** Raw values of parameters owned by later features. */
  later: Partial<Record<'scenario' | 'compare' | 'lesson' | 'presenter' | 'embed', string>>;
}

export type ProblemReason = 'notAvailable' | 'notAlgorithm' | 'notInRange' | 'notLang' | 'notTheme' | 'notFlag' | 'observersNeedZab' | 'notLesson';

export interface ParamProblem {
  param: string;
  value: string;
  reason: ProblemReason;
  min?: number;
  max?: number;
}

export const MAX_NODES = 101;
export const MAX_SEED = 4294967295;
export const DEFAULT_SPEED = 25;
export const MIN_SPEED = 1;
export const MAX_SPEED = 20000;

export const DEFAULTS: StartParams = {
  algorithm: 'bully',
  nodes: 5,
  observers: 0,
  seed: 1,
  speed: DEFAULT_SPEED,
  paused: false,
  lang: 'en',
  theme: 'light',
  test: false,
  later: {},
};

function intIn(v: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(v.trim())) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** `navigatorLang` (the browser's language, e.g. "zh-CN") picks the language when `lang` is not given. */
export function parseParams(search: string, navigatorLang?: string): { params: StartParams; problems: ParamProblem[] } {
  const q = new URLSearchParams(search);
  const p: StartParams = { ...DEFAULTS, later: {} };
  if (navigatorLang && /^zh\b/i.test(navigatorLang)) p.lang = 'zh';
  const problems: ParamProblem[] = [];
  const get = (k: string) => q.get(k);

  const alg = get('algorithm');
  if (alg !== null) {
    if ((ALGORITHM_NAMES as readonly string[]).includes(alg)) p.algorithm = alg as AlgorithmName;
    else problems.push({ param: 'algorithm', value: alg, reason: 'notAlgorithm' });
  }
  const ints: [keyof StartParams & ('nodes' | 'observers' | 'seed'), number, number][] = [
    ['nodes', 1, MAX_NODES],
    ['observers', 0, MAX_NODES],
    ['seed', 0, MAX_SEED],
  ];
  for (const [k, min, max] of ints) {
    const v = get(k);
    if (v === null) continue;
    const n = intIn(v, min, max);
    if (n === null) problems.push({ param: k, value: v, reason: 'notInRange', min, max });
    else p[k] = n;
  }
  const speed = get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (speed.trim() !== '' && Number.isFinite(n) && n >= MIN_SPEED && n <= MAX_SPEED) p.speed = n;
    else problems.push({ param: 'speed', value: speed, reason: 'notInRange', min: MIN_SPEED, max: MAX_SPEED });
  }
  const paused = get('paused');
  if (paused !== null) {
    if (paused === '1' || paused === 'true') p.paused = true;
    else if (paused === '0' || paused === 'false') p.paused = false;
    else problems.push({ param: 'paused', value: paused, reason: 'notFlag' });
  }
  const lang = get('lang');
  if (lang !== null) {
    if (lang === 'en' || lang === 'zh') p.lang = lang;
    else problems.push({ param: 'lang', value: lang, reason: 'notLang' });
  }
  const theme = get('theme');
  if (theme !== null) {
    if (theme === 'light' || theme === 'dark') p.theme = theme;
    else problems.push({ param: 'theme', value: theme, reason: 'notTheme' });
  }
  p.test = get('test') === '1';
  if (p.observers > 0 && !PROFILES[p.algorithm].supportsObservers) {
    problems.push({ param: 'observers', value: String(p.observers), reason: 'observersNeedZab' });
    p.observers = 0;
  }
  if (p.nodes + p.observers > MAX_NODES) {
    problems.push({ param: 'observers', value: String(p.observers), reason: 'notInRange', min: 0, max: MAX_NODES - p.nodes });
    p.observers = 0;
  }
  for (const k of ['scenario', 'compare', 'lesson', 'presenter', 'embed'] as const) {
    const v = get(k);
    if (v !== null) p.later[k] = v;
  }
  return { params: p, problems };
}

/** `presenter` / `embed`: `1` or `true` turns it on, `0` or `false` off; anything else is a problem. */
export function parseFlag(param: string, v: string | undefined, problems: ParamProblem[]): boolean {
  if (v === undefined) return false;
  if (v === '1' || v === 'true') return true;
  if (v !== '0' && v !== 'false') problems.push({ param, value: v, reason: 'notFlag' });
  return false;
}

/** The query string that reopens the current setup (only values that differ from the defaults). */
export function paramsToSearch(p: Partial<StartParams>, keepFrom = ''): string {
  const q = new URLSearchParams(keepFrom);
  const set = (k: string, v: string | number | boolean | undefined, d: string | number | boolean) => {
    if (v === undefined) return;
    if (v === d) q.delete(k);
    else q.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  };
  set('algorithm', p.algorithm, DEFAULTS.algorithm);
  set('nodes', p.nodes, DEFAULTS.nodes);
  set('observers', p.observers, DEFAULTS.observers);
  set('seed', p.seed, DEFAULTS.seed);
  const s = q.toString();
  return s ? `?${s}` : '';
}
