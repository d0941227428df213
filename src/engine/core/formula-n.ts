/** Argument checks shared by the algorithms' message-count formulas (algorithms/<name>/formulas.ts). */

/** Below 2 voters there is no one to talk to: every count is 0. */
export const atLeast2 = (n: number): boolean => Number.isInteger(n) && n >= 2;

export function checkN(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`N must be a whole number ≥ 1 (got ${n})`);
}
