/**
 * Phrase gazetteer for NER features and training-label derivation. Phrases are lowercased
 * token sequences joined by single spaces; each carries a bit set of kinds.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const GAZ_KINDS = [
  'country',
  'capital',
  'city',
  'state',
  'region',
  'demonym',
  'norp',
  'person',
  'first',
  'last',
  'org',
] as const;
export type GazKind = (typeof GAZ_KINDS)[number];

export const GAZ_BIT: Readonly<Record<GazKind, number>> = Object.fromEntries(
  GAZ_KINDS.map((k, i) => [k, 1 << i]),
) as Record<GazKind, number>;

/** A phrase match over tokens `[start, end)` with the bit set of its kinds. */
export interface GazMatch {
  readonly start: number;
  readonly end: number;
  readonly bits: number;
}

export class Gazetteer {
  private readonly phrases = new Map<string, number>();
  /** Every proper prefix of a phrase, so the scan stops as soon as no phrase can continue. */
  private readonly prefixes = new Set<string>();
  private maxLen = 1;

  add(phrase: string, bits: number): void {
    const p = phrase.toLowerCase();
    this.phrases.set(p, (this.phrases.get(p) ?? 0) | bits);
    const words = p.split(' ');
    if (words.length > this.maxLen) this.maxLen = words.length;
    let acc = words[0]!;
    for (let i = 1; i < words.length; i++) {
      this.prefixes.add(acc);
      acc += ' ' + words[i];
    }
  }

  get size(): number {
    return this.phrases.size;
  }

  /** Bits of the exact phrase (already lowercased, single-spaced), 0 when absent. */
  lookup(phrase: string): number {
    return this.phrases.get(phrase) ?? 0;
  }

  /** All phrase matches in a lowercased token sequence. */
  match(lower: readonly string[]): GazMatch[] {
    const out: GazMatch[] = [];
    const n = lower.length;
    for (let i = 0; i < n; i++) {
      let key = lower[i]!;
      for (let j = i + 1; ; j++) {
        const bits = this.phrases.get(key);
        if (bits !== undefined) out.push({ start: i, end: j, bits });
        if (j >= n || j - i >= this.maxLen || !this.prefixes.has(key)) break;
        key += ' ' + lower[j]!;
      }
    }
    return out;
  }

  static parse(tsv: string): Gazetteer {
    const g = new Gazetteer();
    for (const line of tsv.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      let bits = 0;
      for (const k of line.slice(0, tab).split(',')) {
        const b = (GAZ_BIT as Record<string, number>)[k];
        if (b !== undefined) bits |= b;
      }
      if (bits) g.add(line.slice(tab + 1), bits);
    }
    return g;
  }

  static load(file: string): Gazetteer {
    const buf = readFileSync(file);
    const text = file.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
    return Gazetteer.parse(text);
  }
}
