/**
 * The run's one random generator: xoshiro128** (Blackman & Vigna, 2018), seeded by expanding the 32-bit
 * scenario seed with splitmix32. Its whole state is four uint32 words kept in plain data, so a checkpoint is
 * a copy of that array and a restored run draws the very same numbers.
 */
export type RngState = [number, number, number, number];

function splitmix32(x: number): [number, number] {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [x, z >>> 0];
}

export function seedRng(seed: number): RngState {
  let x = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, z] = splitmix32(x);
    x = next;
    out.push(z);
  }
  // xoshiro must not start from the all-zero state.
  if (!out.some((w) => w !== 0)) out[0] = 1;
  return out as RngState;
}

/** Next uint32, advancing `s` in place. */
export function nextUint32(s: RngState): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  s[0] >>>= 0;
  s[1] >>>= 0;
  s[2] >>>= 0;
  s[3] >>>= 0;
  return result;
}

/** A float in [0, 1) with 32 bits of randomness. */
export function nextFloat(s: RngState): number {
  return nextUint32(s) / 4294967296;
}

/** An integer drawn uniformly from [min, max] (both inclusive). */
export function nextIntInclusive(s: RngState, min: number, max: number): number {
  if (max <= min) return min;
  return min + Math.floor(nextFloat(s) * (max - min + 1));
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
