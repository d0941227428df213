import { describe, expect, it } from 'vitest';
import { paramsToSearch, parseParams } from './url-params';

describe('query parameters', () => {
  it('reads good values', () => {
    const { params, problems } = parseParams('?algorithm=zab&nodes=7&observers=2&seed=9&speed=100&paused=1&lang=zh&theme=dark&test=1');
    expect(problems).toEqual([]);
    expect(params).toMatchObject({ algorithm: 'zab', nodes: 7, observers: 2, seed: 9, speed: 100, paused: true, lang: 'zh', theme: 'dark', test: true });
  });
  it('ignores bad values and names each one', () => {
    const { params, problems } = parseParams('?algorithm=pbft&nodes=0&seed=-1&speed=fast&lang=fr&theme=pink&paused=maybe');
    expect(params.algorithm).toBe('bully');
    expect(params.nodes).toBe(5);
    expect(problems.map((p) => p.param)).toEqual(['algorithm', 'nodes', 'seed', 'speed', 'paused', 'lang', 'theme']);
  });
  it('refuses observers outside ZAB', () => {
    const { params, problems } = parseParams('?algorithm=raft&observers=2');
    expect(params.observers).toBe(0);
    expect(problems[0]).toMatchObject({ param: 'observers', reason: 'observersNeedZab' });
  });
  it('writes back only what differs from the defaults, keeping other parameters', () => {
    expect(paramsToSearch({ algorithm: 'raft', nodes: 5, seed: 1 }, '?speed=50')).toBe('?speed=50&algorithm=raft');
  });
});
