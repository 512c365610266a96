/**
 * 32-bit integer hashing for feature ids. Features are never built as strings at tag time:
 * word-level values are hashed once per token and combined with template ids by integer mixing.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h | 0;
}

/** One FNV step: extend hash `h` by one char code (used for incremental prefix/suffix hashes). */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) | 0;
}

export const HASH_SEED = FNV_OFFSET;

/** Murmur3-style combination of a running hash with one 32-bit value. */
export function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Murmur3 finalizer; never returns 0 (0 marks an empty slot in lookup tables). */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h | 0;
}

export function feat1(t: number, a: number): number {
  return fmix(mix(mix(HASH_SEED, t), a));
}

export function feat2(t: number, a: number, b: number): number {
  return fmix(mix(mix(mix(HASH_SEED, t), a), b));
}

export function feat3(t: number, a: number, b: number, c: number): number {
  return fmix(mix(mix(mix(mix(HASH_SEED, t), a), b), c));
}
