/**
 * Every registered algorithm has a complete view profile (docs/algorithms.md): each role, message kind and
 * timer it can emit has a view role, a traffic class and glyph, narration words in English and Chinese and
 * the UI's words in both languages. What "can emit" means is measured, not trusted: the kinds, roles and timers
 * seen in the traces of all its lessons and of a fault-heavy script (crashes, revives, a partition, loss,
 * client writes, observers where it has them), with a spy on `setTimer`. So the test cannot pass vacuously,
 * it also requires that those traces show most of what the profile declares.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../engine/algorithms';
import { PROFILES } from '../engine/algorithms/profiles';
import type { AnyAlgorithm, Ctx } from '../engine/core/algorithm';
import { Simulation } from '../engine/core/kernel';
import { ALGORITHM_NAMES, type AlgorithmName, type Scenario, type TimedAction } from '../engine/core/types';
import { defaultScenario } from '../engine/run';
import { resolveOptions } from '../engine/scenario-file';
import { LESSONS, lessonPanes } from '../lessons';
import { NARRATIONS } from '../view/narration/algorithms';
import { DICTIONARIES } from '../view/narration/narrator';
import { timerStyle } from '../view/timers';
import { en } from './i18n/en';
import { zh } from './i18n/zh';

interface Seen {
  roles: Set<string>;
  kinds: Set<string>;
  timers: Set<string>;
  /** View fields seen on state events. */
  fields: Set<string>;
  runs: number;
}

/** The algorithm with its handlers' contexts wrapped so that every `setTimer` name is recorded. */
function spied(alg: AnyAlgorithm, timers: Set<string>): AnyAlgorithm {
  const wrap = (ctx: Ctx<unknown>): Ctx<unknown> =>
    new Proxy(ctx, {
      get(target, prop) {
        if (prop === 'setTimer') {
          return (name: string, afterMs: number) => {
            timers.add(name);
            target.setTimer(name, afterMs);
          };
        }
        const v: unknown = Reflect.get(target, prop, target);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return {
    ...alg,
    boot: (s, ctx) => alg.boot(s, wrap(ctx)),
    onMessage: (s, m, ctx) => alg.onMessage(s, m, wrap(ctx)),
    onTimer: (s, name, ctx) => alg.onTimer(s, name, wrap(ctx)),
    onWrite: (s, v, ctx) => alg.onWrite(s, v, wrap(ctx)),
  };
}

function run(name: AlgorithmName, sc: Scenario, untilMs: number, seen: Seen): void {
  const sim = Simulation.start({
    algorithm: spied(ALGORITHMS[name], seen.timers),
    scenario: sc,
    options: resolveOptions(sc, name),
    sink: (e) => {
      if (e.type === 'send') seen.kinds.add(e.kind);
      if (e.type === 'state') {
        seen.roles.add(e.role);
        for (const k of Object.keys(e)) seen.fields.add(k);
      }
    },
  });
  sim.finish(untilMs);
  seen.runs++;
}

/** Faults of every kind on 5 voters (and 2 observers where the algorithm has them), with writes. */
function faultScript(name: AlgorithmName, seed: number): Scenario {
  const observers = ALGORITHMS[name].supportsObservers ? 2 : 0;
  const events: TimedAction[] = [
    { at: 300, do: 'write', node: 1, value: 'a' },
    { at: 600, do: 'crashLeader' },
    { at: 900, do: 'write', node: 2, value: 'b' },
    { at: 1200, do: 'partition', groups: [[1, 2], [3, 4, 5]] },
    { at: 1500, do: 'write', node: 3, value: 'c' },
    { at: 1800, do: 'heal' },
    { at: 2000, do: 'setDropRate', rate: 0.2 },
    { at: 2400, do: 'crash', node: 5, how: 'powerOff' },
    { at: 2600, do: 'setDropRate', rate: 0 },
    { at: 2800, do: 'revive', node: 5 },
    { at: 3000, do: 'crash', node: 4 },
    { at: 3200, do: 'revive', node: 4 },
    { at: 3400, do: 'write', node: 4, value: 'd' },
    { at: 3600, do: 'crashLeader' },
  ];
  for (let k = 1; k <= 5; k++) events.push({ at: 3700 + k * 10, do: 'revive', node: k });
  events.push({ at: 4200, do: 'write', node: 2, value: 'e' });
  return defaultScenario({ algorithm: name, observers, seed, events });
}

const SEEN = new Map<AlgorithmName, Seen>();
function seenOf(name: AlgorithmName): Seen {
  let s = SEEN.get(name);
  if (s) return s;
  s = { roles: new Set(), kinds: new Set(), timers: new Set(), fields: new Set(), runs: 0 };
  for (const lesson of LESSONS) for (const pane of lessonPanes(lesson)) if (pane.algorithm === name) run(name, pane.scenario, lesson.untilMs, s);
  for (let seed = 1; seed <= 4; seed++) run(name, faultScript(name, seed), 6000, s);
  SEEN.set(name, s);
  return s;
}

const has = (o: object, k: string) => Object.hasOwn(o, k);

describe('the algorithm registry', () => {
  it('names the same algorithms in ALGORITHM_NAMES, the engine registry and the profile registry', () => {
    expect(Object.keys(ALGORITHMS).sort()).toEqual([...ALGORITHM_NAMES].sort());
    expect(Object.keys(PROFILES).sort()).toEqual([...ALGORITHM_NAMES].sort());
    expect(Object.keys(NARRATIONS).sort()).toEqual([...ALGORITHM_NAMES].sort());
    for (const name of ALGORITHM_NAMES) {
      expect(ALGORITHMS[name].name).toBe(name);
      expect(PROFILES[name].name).toBe(name);
      expect(PROFILES[name].supportsObservers, `${name} observers`).toBe(ALGORITHMS[name].supportsObservers);
    }
  });

  it('gives one meaning to a message kind that two algorithms share (the viewers merge the kind tables)', () => {
    const byKind = new Map<string, { alg: AlgorithmName; def: string }>();
    for (const name of ALGORITHM_NAMES) {
      const p = PROFILES[name];
      for (const [kind, m] of Object.entries(p.messages)) {
        const def = JSON.stringify({ m, en: [p.words.en.kinds?.[kind], p.words.en.kindPurpose[kind]], zh: [p.words.zh.kinds?.[kind], p.words.zh.kindPurpose[kind]] });
        const other = byKind.get(kind);
        if (other) expect(def, `${kind} in ${other.alg} and ${name}`).toBe(other.def);
        else byKind.set(kind, { alg: name, def });
      }
    }
  });
});

describe.each(ALGORITHM_NAMES)('the view profile of %s', (name) => {
  const p = PROFILES[name];
  const alg = ALGORITHMS[name];

  it('describes exactly the message kinds the algorithm declares, each with traffic class, glyph and words in en and zh', () => {
    expect(Object.keys(p.messages).sort()).toEqual([...alg.messageKinds].sort());
    for (const kind of alg.messageKinds) {
      for (const lang of ['en', 'zh'] as const) {
        expect(p.words[lang].kindPurpose[kind], `${lang} kindPurpose.${kind}`).toBeTruthy();
        expect(DICTIONARIES[lang].kinds[kind], `narration ${lang} kinds.${kind}`).toBe(p.words[lang].kinds?.[kind] ?? kind);
        expect(DICTIONARIES[lang].kindPurpose[kind], `narration ${lang} kindPurpose.${kind}`).toBe(p.words[lang].kindPurpose[kind]);
      }
      if (p.messages[kind].answers) expect(p.messages, `${kind} answers a kind of ${name}`).toHaveProperty([p.messages[kind].answers!]);
    }
  });

  it('has a narration module whose send lines, routine and explained kinds are its own kinds', () => {
    const m = NARRATIONS[name];
    for (const kind of [...Object.keys(m.sends ?? {}), ...m.routineKinds, ...m.explainedByState]) expect(p.messages, `narration of ${kind}`).toHaveProperty([kind]);
    expect(m.leaderRule).toBe(alg.leaderRule);
    expect(() => structuredClone(m.init())).not.toThrow();
  });

  it('has words in en and zh for every role, timer, timing check and chart legend it names', () => {
    for (const [role, r] of Object.entries(p.roles)) {
      for (const lang of ['en', 'zh'] as const) expect(p.words[lang].roles[role], `${lang} narration role ${role}`).toBeTruthy();
      expect(en.roles[r.word], `ui en roles.${r.word}`).toBeTruthy();
      expect(zh.roles[r.word], `ui zh roles.${r.word}`).toBeTruthy();
    }
    expect(Object.keys(p.words.en.roles).sort()).toEqual(Object.keys(p.roles).sort());
    expect(Object.keys(p.words.zh.roles).sort()).toEqual(Object.keys(p.roles).sort());
    expect(p.roles, 'the election role is one of its roles').toHaveProperty([p.electionRole.role]);
    for (const word of Object.values(p.timers)) {
      if (word === null) continue;
      expect(en.timerWords[word], `ui en timerWords.${word}`).toBeTruthy();
      expect(zh.timerWords[word], `ui zh timerWords.${word}`).toBeTruthy();
    }
    for (const c of p.timing(alg.defaultOptions as Record<string, unknown>, 30)) {
      expect(en.timingChecks[c.key], `ui en timingChecks.${c.key}`).toBeTypeOf('function');
      expect(zh.timingChecks[c.key], `ui zh timingChecks.${c.key}`).toBeTypeOf('function');
    }
    for (const c of p.sweep) {
      expect((en.batch as Record<string, unknown>)[c.legend], `ui en batch.${c.legend}`).toBeTypeOf('string');
      expect((zh.batch as Record<string, unknown>)[c.legend], `ui zh batch.${c.legend}`).toBeTypeOf('string');
    }
    expect(p.formulas.length).toBeGreaterThan(0);
    // The compare card's "terms / epochs" row names the algorithm's rounds.
    expect((en.compare.rounds as Record<string, string>)[name], `ui en compare.rounds.${name}`).toBeTruthy();
    expect((zh.compare.rounds as Record<string, string>)[name], `ui zh compare.rounds.${name}`).toBeTruthy();
  });

  it('covers every role, message kind and timer seen in its lessons and a fault-heavy script', () => {
    const seen = seenOf(name);
    expect(seen.runs).toBeGreaterThan(4);
    for (const role of seen.roles) expect(p.roles, `role "${role}" seen in a ${name} trace`).toHaveProperty([role]);
    for (const kind of seen.kinds) expect(p.messages, `kind "${kind}" seen in a ${name} trace`).toHaveProperty([kind]);
    for (const timer of seen.timers) {
      expect(has(p.timers, timer), `timer "${timer}" set by ${name}`).toBe(true);
      // The ring draws countdowns by timer name (view/timers.ts): the profile must say what it draws.
      expect(timerStyle(timer)?.word ?? null, `timer "${timer}" as drawn`).toBe(p.timers[timer]);
    }
    for (const f of p.roundFields) expect(seen.fields, `round field ${f} on ${name} views`).toContain(f);
    if (p.round) expect(seen.fields).toContain(p.round.marker);
  });

  it('is exercised: the traces show every role and timer it declares and nearly every message kind', () => {
    const seen = seenOf(name);
    for (const role of Object.keys(p.roles)) expect(seen.roles, `declared role ${role}`).toContain(role);
    for (const timer of Object.keys(p.timers)) expect(seen.timers, `declared timer ${timer}`).toContain(timer);
    const unseen = Object.keys(p.messages).filter((k) => !seen.kinds.has(k));
    expect(unseen.length, `kinds never seen: ${unseen.join(', ')}`).toBeLessThanOrEqual(Math.floor(Object.keys(p.messages).length / 4));
  });
});
