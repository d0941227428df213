/**
 * Test-only (imported by *.test.ts files, never by the app): every lesson of a registry has a tested expected
 * observation (issue 13). A test file declares each observation with `observe(id, …)` instead of a bare `it`,
 * and `everyLessonObserved` adds one test that fails when a lesson of the registry has no observation, or an
 * observation names no lesson: a new lesson cannot slip in untested, and the coverage cannot pass vacuously,
 * since every observation must also make at least one assertion.
 */
import { expect, it } from 'vitest';

export interface Observations {
  /** One test of lesson `id`'s expected observation; `check` gets the id to run the lesson by. */
  observe(id: string, what: string, check: (id: string) => void): void;
  /** The test that every lesson of `registry` (and only those) has at least one observation. */
  everyLessonObserved(registry: readonly { id: string }[], name: string): void;
}

export function observations(): Observations {
  const observed = new Set<string>();
  return {
    observe(id, what, check) {
      // Recorded when the file is collected, so the coverage test below sees every observation of the file.
      observed.add(id);
      it(`${id}: ${what}`, () => {
        expect.hasAssertions();
        check(id);
      });
    },
    everyLessonObserved(registry, name) {
      it(`every lesson of ${name} (${registry.length}) has a tested observation`, () => {
        const ids = registry.map((l) => l.id);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids.filter((id) => !observed.has(id)), `lessons of ${name} without an observation`).toEqual([]);
        expect([...observed].filter((id) => !ids.includes(id)), `observations of no lesson of ${name}`).toEqual([]);
      });
    },
  };
}
