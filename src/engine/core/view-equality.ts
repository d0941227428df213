/** Structural equality of two small plain-data values (node views): numbers, strings, arrays, objects. */
export function sameView(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameView(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // for…in rather than Object.keys: this runs after every handler and must not allocate.
  let na = 0;
  for (const k in a) {
    na++;
    if (!sameView((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  let nb = 0;
  for (const _k in b) nb++;
  return na === nb;
}

/** Is the stored view `prev` (which carries `alive`) the same as a fresh `view` of a node that is `alive`? */
export function sameNodeView(prev: Record<string, unknown>, view: Record<string, unknown>, alive: boolean): boolean {
  if (prev.alive !== alive) return false;
  let n = 0;
  for (const k in view) {
    n++;
    const a = prev[k];
    const b = view[k];
    // Most view fields are numbers and strings: settle those without a call.
    if (a !== b && !sameView(a, b)) return false;
  }
  let m = 0;
  for (const _k in prev) m++;
  return m === n + 1;
}
