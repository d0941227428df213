import { describe, expect, it } from 'vitest';
import { nextFloat, nextIntInclusive, nextUint32, seedRng } from './rng';

describe('rng (xoshiro128** seeded by splitmix32)', () => {
  it('is a pure function of the seed', () => {
    const a = seedRng(42);
    const b = seedRng(42);
    const xs = Array.from({ length: 100 }, () => nextUint32(a));
    const ys = Array.from({ length: 100 }, () => nextUint32(b));
    expect(xs).toEqual(ys);
    expect(new Set(xs).size).toBe(100);
  });

  it('keeps these exact first values, so traces stay stable across versions', () => {
    const s = seedRng(1);
    expect([nextUint32(s), nextUint32(s), nextUint32(s)]).toMatchSnapshot();
  });

  it('differs between neighbouring seeds and spreads floats over [0, 1)', () => {
    expect(nextUint32(seedRng(1))).not.toBe(nextUint32(seedRng(2)));
    const s = seedRng(9);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) {
      const f = nextFloat(s);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      buckets[Math.floor(f * 10)]++;
    }
    for (const b of buckets) expect(b).toBeGreaterThan(1800);
  });

  it('draws integers from an inclusive range', () => {
    const s = seedRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(nextIntInclusive(s, 10, 12));
    expect([...seen].sort()).toEqual([10, 11, 12]);
    expect(nextIntInclusive(s, 5, 5)).toBe(5);
  });

  it('can be copied as plain data and continue identically', () => {
    const s = seedRng(5);
    nextUint32(s);
    const copy = structuredClone(s);
    expect(nextUint32(copy)).toBe(nextUint32(s));
  });
});
