/**
 * Near-duplicate detection for syndicated copies: word 5-shingles, a 128-value MinHash signature
 * and LSH with 16 bands of 8 rows (candidates from Jaccard ≈ 0.7 upwards), then a check of the
 * estimated similarity. Seeds are fixed so the same corpus always gives the same links.
 */

export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 128;
export const BANDS = 16;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;
/** Estimated Jaccard similarity from which a copy counts as the same story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.75;
/** Texts with fewer words are too short to compare reliably; only exact duplicates apply to them. */
export const MIN_WORDS = 30;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finalizer: a cheap, well-mixing 32-bit permutation. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: readonly number[] = (() => {
  const seeds: number[] = [];
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    seeds.push(fmix(x));
  }
  return seeds;
})();

export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Distinct hashed word shingles of a text. */
export function shingles(text: string, size = SHINGLE_WORDS): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length < size) {
    if (w.length > 0) out.add(fnv1a(w.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= w.length; i++) out.add(fnv1a(w.slice(i, i + size).join(' ')));
  return out;
}

/** The MinHash signature of a text, or undefined when it is too short to compare. */
export function minhash(text: string): number[] | undefined {
  if (words(text).length < MIN_WORDS) return undefined;
  const sh = shingles(text);
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of sh) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = fmix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Fraction of agreeing signature positions: an unbiased estimate of the shingle Jaccard similarity. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** One bucket per band, as integers below 2^53 so every SQL engine stores them exactly. */
export function bandBuckets(sig: readonly number[]): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h1 = 0x811c9dc5 ^ b;
    let h2 = 0x1b873593 ^ b;
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      const v = sig[b * ROWS_PER_BAND + r]!;
      h1 = fmix(Math.imul(h1 ^ v, 0x01000193));
      h2 = fmix(Math.imul(h2 + v, 0xcc9e2d51));
    }
    out.push((h1 & 0x1fffff) * 0x100000000 + h2);
  }
  return out;
}

export function encodeSignature(sig: readonly number[]): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  sig.forEach((v, i) => buf.writeUInt32LE(v, i * 4));
  return buf;
}

export function decodeSignature(buf: Uint8Array): number[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i += 4) out.push(b.readUInt32LE(i));
  return out;
}
