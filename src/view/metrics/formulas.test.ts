import { describe, expect, it } from 'vitest';
import {
  bullyBest,
  bullyMessages,
  bullyWorst,
  curve,
  FORMULAS,
  raftElection,
  raftElectionWithFirstHeartbeat,
  raftPreVoteElection,
  raftSplitRound,
  theoreticalRange,
  zabEstablishment,
  zabFleBest,
  zabFleWorst,
} from './formulas';

describe('protocols.md message counts', () => {
  it('Bully §3.6/§3.7: N = 6 gives best 5 and worst 29; M(i) = (N−i)² + N − 2', () => {
    expect(bullyBest(6)).toBe(5);
    expect(bullyWorst(6)).toBe(29);
    expect(bullyMessages(6, 5)).toBe(5);
    expect(bullyMessages(6, 1)).toBe(29);
    expect(bullyMessages(6, 3)).toBe(13);
    // The §3.7 parts add up: Elections (N−i)(N−i+1)/2 + Alives (N−i−1)(N−i)/2 + Victories N−2.
    for (let n = 2; n <= 30; n++) {
      for (let i = 1; i <= n - 1; i++) {
        expect(bullyMessages(n, i)).toBe(((n - i) * (n - i + 1)) / 2 + ((n - i - 1) * (n - i)) / 2 + n - 2);
      }
      expect(bullyMessages(n, n - 1)).toBe(bullyBest(n));
      expect(bullyMessages(n, 1)).toBe(bullyWorst(n));
    }
    expect(() => bullyMessages(6, 6)).toThrow(RangeError);
    expect(bullyWorst(1)).toBe(0);
  });

  it('Raft §1.9: 2(N−1), PreVote 4(N−1), first heartbeat 3(N−1) / 4(N−1), split round 2k(N−1)', () => {
    expect(raftElection(5)).toBe(8);
    expect(raftPreVoteElection(5)).toBe(16);
    expect(raftElectionWithFirstHeartbeat(5)).toBe(12);
    expect(raftElectionWithFirstHeartbeat(5, true)).toBe(16);
    expect(raftSplitRound(5, 5)).toBe(2 * 5 * 4);
  });

  it('ZAB §2.9: N = 3 gives 10 ≤ count ≤ 12; establishment 6(N−1+O)', () => {
    expect(zabFleBest(3)).toBe(10);
    expect(zabFleWorst(3)).toBe(12);
    expect(zabFleWorst(3)).toBe(6 + 4 + 2);
    for (let n = 2; n <= 30; n++) {
      expect(zabFleWorst(n)).toBe((n * (n - 1) * (n + 1)) / 2);
      expect(zabFleBest(n)).toBeLessThanOrEqual(zabFleWorst(n));
    }
    expect(zabEstablishment(5, 2)).toBe(36);
  });

  it('curves and ranges for plotting', () => {
    expect(FORMULAS.map((f) => f.id)).toEqual(['bully-best', 'bully-worst', 'raft', 'raft-prevote', 'zab-best', 'zab-worst', 'paxos']);
    for (const f of FORMULAS) expect(f.cite).toMatch(/protocols\.md §\d|algorithms\/paxos\/README\.md/);
    const bw = FORMULAS.find((f) => f.id === 'bully-worst');
    expect(curve(bw!, [3, 6])).toEqual([
      { n: 3, count: 5 },
      { n: 6, count: 29 },
    ]);
    expect(theoreticalRange('bully', 6)).toEqual({ best: 5, worst: 29 });
    expect(theoreticalRange('raft', 5, { preVote: true })).toEqual({ best: 16, worst: 16 });
    expect(theoreticalRange('zab', 3)).toEqual({ best: 10, worst: 12 });
    expect(theoreticalRange('paxos', 5)).toEqual({ best: 12, worst: 12 });
  });
});
