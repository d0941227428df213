import { describe, expect, it } from 'vitest';
import { PROFILE_LIST } from '../engine/algorithms/profiles';
import { isQuietKind, kindStyle } from './kinds';

describe('message kinds', () => {
  it('isQuietKind answers as kindStyle(...).quiet for every kind of every algorithm, whatever the fields', () => {
    const fieldsSamples: Record<string, unknown>[] = [
      {},
      { entries: [] },
      { entries: [{ term: 1 }] },
      { success: false },
      { success: true },
      { granted: true, voteGranted: true },
      { granted: false, voteGranted: false },
      { leader: 3 },
      { slot: 2 },
    ];
    const kinds = [...PROFILE_LIST.flatMap((p) => Object.keys(p.messages)), 'NoSuchKind'];
    let quiet = 0;
    for (const kind of kinds) {
      for (const f of fieldsSamples) {
        expect(isQuietKind(kind, f), `${kind} ${JSON.stringify(f)}`).toBe(kindStyle(kind, { ...f }).quiet);
        if (isQuietKind(kind, f)) quiet++;
      }
      expect(isQuietKind(kind)).toBe(kindStyle(kind).quiet);
    }
    // Some kinds are quiet (heartbeats), so the comparison saw both answers.
    expect(quiet).toBeGreaterThan(0);
  });
});
