/**
 * Fingerprints of plain data and the explorer's visited set. A fingerprint is 64 bits in two 32-bit lanes
 * (murmur3's mixing step, each lane with its own constants), as TLC's are: two different states share one
 * with probability about S² / 2^65 over S states (10^-5 at ten million), and the explorer says so.
 *
 * The hasher walks plain data (what node states, payloads and checker memories are). It does not memoize the
 * fingerprints of frozen (shared) parts: in the explorer's short runs they are small, and a WeakMap lookup
 * cost more than hashing them (measured: a third of the throughput).
 */

let A = 0;
let B = 0;

const T_NULL = 0x3c1;
const T_UNDEF = 0x3c2;
const T_TRUE = 0x3c3;
const T_FALSE = 0x3c4;
const T_STR = 0x3c5;
const T_NUM = 0x3c6;
const T_ARR = 0x3c7;
const T_OBJ = 0x3c8;
const T_FLOAT = 0x3c9;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Mixes one 32-bit integer into both lanes. */
export function mix(x: number): void {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let a = A ^ k;
  a = (a << 13) | (a >>> 19);
  A = (Math.imul(a, 5) + 0xe6546b64) | 0;
  let j = Math.imul(x ^ 0x5bd1e995, 0x85ebca6b);
  j = (j << 17) | (j >>> 15);
  j = Math.imul(j, 0xc2b2ae35);
  let b = B ^ j;
  b = (b << 11) | (b >>> 21);
  B = (Math.imul(b, 9) + 0x7feb352d) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Starts a fingerprint. Hashing is not reentrant across `begin`s: finish one before beginning another. */
export function begin(seed = 0): void {
  A = 0x9747b28c ^ seed;
  B = 0x2d358dcc ^ Math.imul(seed, 0x9e3779b1);
}

/** The current fingerprint's lanes (finished: well mixed, unsigned). */
export function laneA(): number {
  return fmix(A ^ 0x68e31da4);
}
export function laneB(): number {
  return fmix(B ^ 0x1b56c4e9);
}

export function mixNumber(x: number): void {
  if ((x | 0) === x) {
    mix(T_NUM);
    mix(x);
  } else {
    f64[0] = x;
    mix(T_FLOAT);
    mix(u32[0]);
    mix(u32[1]);
  }
}

export function mixString(s: string): void {
  mix(T_STR ^ (s.length << 4));
  let i = 0;
  for (; i + 1 < s.length; i += 2) mix(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  if (i < s.length) mix(s.charCodeAt(i));
}

/**
 * Object keys, hashed once each: the same few names (a state's fields, node ids as map keys) recur in every
 * state. The key's own fingerprint is exact (its two lanes); the cache is bounded and emptied when full.
 */
const keyHashes = new Map<string, readonly [number, number]>();
function mixKey(k: string): void {
  let h = keyHashes.get(k);
  if (h === undefined) {
    const sa = A;
    const sb = B;
    begin(0x6b);
    mixString(k);
    h = [laneA(), laneB()] as const;
    A = sa;
    B = sb;
    if (keyHashes.size > 4096) keyHashes.clear();
    keyHashes.set(k, h);
  }
  mix(h[0]);
  mix(h[1]);
}

/**
 * Mixes a plain value. Keys in `skip` (top-level fields of an object `v`) are left out: the explorer's clock
 * fields (Algorithm.explore.clockKeys). Object keys are hashed in for…in order, so two equal objects built in a
 * different key order hash differently: that costs the visited set a duplicate, never a missed state.
 */
export function mixValue(v: unknown, skip: ReadonlySet<string> | null = null): void {
  switch (typeof v) {
    case 'number':
      mixNumber(v);
      return;
    case 'string':
      mixString(v);
      return;
    case 'boolean':
      mix(v ? T_TRUE : T_FALSE);
      return;
    case 'undefined':
      mix(T_UNDEF);
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`cannot fingerprint a ${typeof v}`);
  }
  if (v === null) {
    mix(T_NULL);
    return;
  }
  mixComposite(v, skip);
}

function mixComposite(v: object, skip: ReadonlySet<string> | null): void {
  if (Array.isArray(v)) {
    mix(T_ARR ^ (v.length << 4));
    for (let i = 0; i < v.length; i++) mixValue(v[i]);
    return;
  }
  mix(T_OBJ);
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (skip !== null && skip.has(k)) continue;
    mixKey(k);
    mixValue(o[k]);
  }
}

/** The fingerprint of one value, as [laneA, laneB]. */
export function fingerprint(v: unknown, seed = 0): [number, number] {
  begin(seed);
  mixValue(v);
  return [laneA(), laneB()];
}

/**
 * A set of 64-bit fingerprints: open addressing with linear probing in one Uint32Array (two words a slot),
 * grown by doubling at 70 % load. (0, 0) marks an empty slot, so a fingerprint (0, 0) is stored as (0, 1).
 */
export class FingerprintSet {
  private table: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialSlots = 1 << 16) {
    let cap = 1;
    while (cap < initialSlots) cap <<= 1;
    this.table = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Bytes the table takes. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /** Adds a fingerprint; true when it was not there yet. */
  add(a: number, b: number): boolean {
    a >>>= 0;
    b >>>= 0;
    if (a === 0 && b === 0) b = 1;
    if ((this.size + 1) * 10 > (this.mask + 1) * 7) this.grow();
    const t = this.table;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      const ta = t[2 * i];
      const tb = t[2 * i + 1];
      if (ta === 0 && tb === 0) {
        t[2 * i] = a;
        t[2 * i + 1] = b;
        this.size++;
        return true;
      }
      if (ta === a && tb === b) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    this.table = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== 0 || old[i + 1] !== 0) this.add(old[i], old[i + 1]);
    }
  }
}

/**
 * Hash-consing by fingerprint: one shared object for all equal values (node states, checker memories,
 * messages) met in different states of the search, so that the frontier keeps each once. Values must never
 * be changed once interned (the model copies before a handler runs). Keyed by lane A, checked on lane B (a
 * clash just leaves the value unshared). A cache, not a store: it is emptied when it grows past `max`.
 */
export class InternTable<T> {
  private map = new Map<number, { b: number; v: T }>();

  constructor(private readonly max = 1 << 19) {}

  /** The interned value with fingerprint (a, b), `v` itself if it is the first. */
  get(a: number, b: number, v: T): T {
    const e = this.map.get(a);
    if (e !== undefined) return e.b === b ? e.v : v;
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(a, { b, v });
    return v;
  }
}
