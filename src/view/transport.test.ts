import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../engine/algorithms';
import type { AlgorithmName } from '../engine/core/types';
import { crashDiffersFromPowerOff } from './transport';

describe('crashDiffersFromPowerOff', () => {
  it('is true exactly for the registered algorithms whose transport is the stream (TCP)', () => {
    const names = Object.keys(ALGORITHMS) as AlgorithmName[];
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const alg = ALGORITHMS[name]!;
      const stream = alg.transport?.(alg.defaultOptions as never).kind === 'stream';
      expect(crashDiffersFromPowerOff(name), name).toBe(stream);
    }
    expect(crashDiffersFromPowerOff('zab')).toBe(true);
  });
});
