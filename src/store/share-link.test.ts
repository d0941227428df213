/**
 * Share links: every field of a scenario survives encode → URL → decode → parse; damaged links are refused;
 * the page's action log is cut by an action in the past (a fork); the browser's language is the default.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/core/types';
import { parseScenarioText } from '../engine/scenario-file';
import { decodeScenarioParam, encodeScenario, parseAt, scenarioText, shareUrl } from './share-link';
import { parseParams } from './url-params';

const full: Scenario = {
  version: 1,
  algorithm: 'zab',
  nodes: 7,
  observers: 2,
  seed: 4294967295,
  network: { latency: { min: 3, max: 77 }, dropRate: 0.125 },
  options: { finalizeWaitMs: 150, maxNotificationIntervalMs: 4000, tickTimeMs: 100, syncLimitTicks: 4, initLimitTicks: 9 },
  events: [
    { at: 0, do: 'setLatency', min: 5, max: 50 },
    { at: 10.5, do: 'crash', node: 7 },
    { at: 20, do: 'revive', node: 7 },
    { at: 30, do: 'crashLeader' },
    { at: 40, do: 'partition', groups: [[1, 2], [3, 8]] },
    { at: 50, do: 'heal' },
    { at: 60, do: 'cut', from: 1, to: 9, oneWay: true },
    { at: 70, do: 'restore', from: 1, to: 9 },
    { at: 80, do: 'setDropRate', rate: 0.5 },
    { at: 90, do: 'write', node: 3, value: 'naïve ✓ 值 "quoted" & =?' },
    { at: 95, do: 'write', node: 4, value: 42 },
  ],
};

describe('share links', () => {
  it('round-trip every scenario field through the URL', () => {
    const url = new URL(shareUrl({ origin: 'https://lab.example', pathname: '/app/' }, full));
    const raw = url.searchParams.get('scenario')!;
    const text = decodeScenarioParam(raw);
    expect(text).not.toBeNull();
    expect(parseScenarioText(text!)).toEqual(full);
    expect(JSON.parse(text!)).toEqual(full);
  });

  it('round-trip the other algorithms and per-algorithm options', () => {
    for (const sc of [
      { ...full, algorithm: 'raft' as const, observers: 0, events: full.events.slice(0, 4), options: { preVote: true, checkQuorum: true, electionTimeoutMsMin: 100, electionTimeoutMsMax: 200, heartbeatMs: 20 } },
      { ...full, algorithm: 'bully' as const, observers: 0, events: [], options: { priority: 'lastOp', answerTimeoutMs: 90, victoryTimeoutMs: 210, heartbeatMs: 80, leaderTimeoutMs: 250 } },
      { ...full, algorithm: undefined, observers: 0, events: [], options: { raft: { preVote: true }, zab: { tickTimeMs: 150 } } },
    ]) {
      const back = parseScenarioText(decodeScenarioParam(encodeScenario(sc as Scenario))!);
      const expected = { ...sc } as Partial<Scenario>;
      if (!expected.algorithm) delete expected.algorithm;
      expect(back).toEqual(expected);
    }
  });

  it("keep an explored counterexample's pinned choices (the explorer lesson's Bully split brain)", async () => {
    const explored = (await import('../lessons/scenarios/explored-split-brain.json')).default;
    const sc = parseScenarioText(JSON.stringify(explored));
    expect(sc.pinned).toBeDefined();
    expect(parseScenarioText(decodeScenarioParam(encodeScenario(sc))!)).toEqual(sc);
  });

  it('adds at and paused only when asked, and speed only when not the default', () => {
    const plain = new URL(shareUrl({ origin: 'http://x', pathname: '/' }, full, { speed: 25, defaultSpeed: 25 }));
    expect([...plain.searchParams.keys()]).toEqual(['scenario']);
    const at = new URL(shareUrl({ origin: 'http://x', pathname: '/' }, full, { at: 1234.9, speed: 60, defaultSpeed: 25 }));
    expect(at.searchParams.get('at')).toBe('1234');
    expect(at.searchParams.get('paused')).toBe('1');
    expect(at.searchParams.get('speed')).toBe('60');
    expect(parseAt('1234')).toBe(1234);
    expect(parseAt('-5')).toBeNull();
    expect(parseAt('abc')).toBeNull();
  });

  it('refuses damaged links (no text), and a truncated one decodes to text the parser refuses', () => {
    expect(decodeScenarioParam('')).toBeNull();
    expect(decodeScenarioParam('%%%not-lz%%%')).toBeNull();
    const raw = encodeScenario(full);
    const cut = decodeScenarioParam(raw.slice(0, Math.floor(raw.length / 2)));
    if (cut !== null) expect(() => parseScenarioText(cut)).toThrow();
  });

  it('saves files in the contract\'s field order, readable by people', () => {
    const text = scenarioText(full, true);
    expect(Object.keys(JSON.parse(text))).toEqual(['version', 'algorithm', 'nodes', 'observers', 'seed', 'network', 'options', 'events']);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('language default', () => {
  it('follows the browser unless lang is given', () => {
    expect(parseParams('', 'zh-CN').params.lang).toBe('zh');
    expect(parseParams('', 'zh-TW').params.lang).toBe('zh');
    expect(parseParams('', 'en-US').params.lang).toBe('en');
    expect(parseParams('', 'fr').params.lang).toBe('en');
    expect(parseParams('?lang=en', 'zh-CN').params.lang).toBe('en');
    expect(parseParams('?lang=zh', 'en-GB').params.lang).toBe('zh');
  });
});
