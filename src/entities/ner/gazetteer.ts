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

/** Flags beside the kind bits in `Gazetteer.probe` (kind bits use the low 11 bits). */
export const IS_PHRASE = 1 << 29;
export const IS_PREFIX = 1 << 30;
export const KIND_MASK = IS_PHRASE - 1;

export class Gazetteer {
  /**
   * Phrases and every proper prefix of a phrase in one map (the scan stops as soon as no phrase
   * can continue): kind bits | IS_PHRASE for phrases, | IS_PREFIX for prefixes.
   */
  private readonly entries = new Map<string, number>();
  private count = 0;
  private maxLen = 1;
  /**
   * A file written by `toSortedTsv` is searched in place (binary search over its lines) instead of
   * being loaded into the map: loading then costs one scan for line offsets.
   */
  private sorted: SortedLines | undefined;

  add(phrase: string, bits: number): void {
    if (this.sorted) this.unsort();
    const p = phrase.toLowerCase();
    const e = this.entries;
    const old = e.get(p);
    if (old === undefined || !(old & IS_PHRASE)) this.count++;
    e.set(p, (old ?? 0) | (bits & KIND_MASK) | IS_PHRASE);
    // Every text before a space is a proper prefix (the phrase's words joined back).
    let words = 1;
    for (let sp = p.indexOf(' '); sp >= 0; sp = p.indexOf(' ', sp + 1)) {
      const pre = p.slice(0, sp);
      e.set(pre, (e.get(pre) ?? 0) | IS_PREFIX);
      words++;
    }
    if (words > this.maxLen) this.maxLen = words;
  }

  get size(): number {
    return this.sorted ? this.sorted.n : this.count;
  }

  /** The longest phrase, in words. */
  get maxWords(): number {
    return this.maxLen;
  }

  /** Bits of an exact phrase, undefined when absent. */
  bitsOf(phrase: string): number | undefined {
    if (this.sorted) return this.sorted.bitsOf(phrase);
    const v = this.entries.get(phrase);
    return v !== undefined && v & IS_PHRASE ? v & KIND_MASK : undefined;
  }

  /** Whether some longer phrase starts with this one. */
  isPrefix(phrase: string): boolean {
    if (this.sorted) return this.sorted.isPrefix(phrase);
    const v = this.entries.get(phrase);
    return v !== undefined && (v & IS_PREFIX) !== 0;
  }

  /**
   * Both answers for a string at once: kind bits | IS_PHRASE when it is a phrase, | IS_PREFIX when
   * a longer phrase continues it; 0 when neither.
   */
  probe(phrase: string): number {
    if (this.sorted) return this.sorted.probe(phrase);
    return this.entries.get(phrase) ?? 0;
  }

  /** Bits of the exact phrase (already lowercased, single-spaced), 0 when absent. */
  lookup(phrase: string): number {
    return this.bitsOf(phrase) ?? 0;
  }

  /** Every phrase with its bits, in insertion (or file) order. */
  *phrases(): IterableIterator<[string, number]> {
    if (this.sorted) {
      yield* this.sorted.all();
      return;
    }
    for (const [p, v] of this.entries) if (v & IS_PHRASE) yield [p, v & KIND_MASK];
  }

  /**
   * The phrases as TSV lines (kinds, phrase) sorted by UTF-16 code units, with a header that lets
   * `parse` search the text in place.
   */
  toSortedTsv(): string {
    const list = [...this.phrases()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const lines = list.map(([p, bits]) => `${GAZ_KINDS.filter((_, k) => bits & (1 << k)).sort().join(',')}\t${p}`);
    return `${SORTED_HEADER} maxwords=${this.maxLen}\n${lines.join('\n')}\n`;
  }

  /** Back to the map (only when phrases are added to a gazetteer read from a sorted file). */
  private unsort(): void {
    const sorted = this.sorted!;
    this.sorted = undefined;
    for (const [p, bits] of sorted.all()) this.add(p, bits);
  }

  /** All phrase matches in a lowercased token sequence. */
  match(lower: readonly string[]): GazMatch[] {
    const out: GazMatch[] = [];
    const n = lower.length;
    for (let i = 0; i < n; i++) {
      let key = lower[i]!;
      for (let j = i + 1; ; j++) {
        const bits = this.bitsOf(key);
        if (bits !== undefined) out.push({ start: i, end: j, bits });
        if (j >= n || j - i >= this.maxLen || !this.isPrefix(key)) break;
        key += ' ' + lower[j]!;
      }
    }
    return out;
  }

  static parse(tsv: string): Gazetteer {
    const g = new Gazetteer();
    if (tsv.startsWith(SORTED_HEADER + ' ')) {
      const eol = tsv.indexOf('\n');
      const m = /maxwords=(\d+)/.exec(tsv.slice(0, eol));
      g.sorted = new SortedLines(tsv, eol + 1);
      g.maxLen = m ? Number(m[1]) : 1;
      return g;
    }
    // The kinds column repeats a handful of values: decode each once.
    const kindBits = new Map<string, number>();
    for (const line of tsv.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      const kinds = line.slice(0, tab);
      let bits = kindBits.get(kinds);
      if (bits === undefined) {
        bits = 0;
        for (const k of kinds.split(',')) {
          const b = (GAZ_BIT as Record<string, number>)[k];
          if (b !== undefined) bits |= b;
        }
        kindBits.set(kinds, bits);
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

const SORTED_HEADER = '#dateline-ner-gazetteer sorted';

/**
 * The lines of a sorted gazetteer file ("kinds<TAB>phrase", phrases lower-case, unique, in
 * code-unit order), searched by binary search without building per-phrase objects.
 */
class SortedLines {
  /** Per line: where the kinds start, where the phrase starts (after the tab), where it ends. */
  private readonly lineStart: Int32Array;
  private readonly phraseStart: Int32Array;
  private readonly lineEnd: Int32Array;
  readonly n: number;
  private readonly kindBits = new Map<string, number>();

  constructor(
    private readonly text: string,
    from: number,
  ) {
    let count = 0;
    for (let p = text.indexOf('\n', from); p >= 0; p = text.indexOf('\n', p + 1)) count++;
    this.lineStart = new Int32Array(count + 1);
    this.phraseStart = new Int32Array(count + 1);
    this.lineEnd = new Int32Array(count + 1);
    let n = 0;
    let pos = from;
    while (pos < text.length) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = text.length;
      const tab = text.indexOf('\t', pos);
      if (tab > pos && tab < eol) {
        this.lineStart[n] = pos;
        this.phraseStart[n] = tab + 1;
        this.lineEnd[n] = eol;
        n++;
      }
      pos = eol + 1;
    }
    this.n = n;
  }

  /** Compares phrase i with q by code units (negative: the phrase sorts first). */
  private cmp(i: number, q: string): number {
    const text = this.text;
    const s = this.phraseStart[i]!;
    const len = this.lineEnd[i]! - s;
    const m = Math.min(len, q.length);
    for (let k = 0; k < m; k++) {
      const d = text.charCodeAt(s + k) - q.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - q.length;
  }

  /** The first line whose phrase is not below q. */
  private lowerBound(q: string): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmp(mid, q) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private bitsAt(i: number): number {
    const kinds = this.text.slice(this.lineStart[i]!, this.phraseStart[i]! - 1);
    let bits = this.kindBits.get(kinds);
    if (bits === undefined) {
      bits = 0;
      for (const k of kinds.split(',')) {
        const b = (GAZ_BIT as Record<string, number>)[k];
        if (b !== undefined) bits |= b;
      }
      this.kindBits.set(kinds, bits);
    }
    return bits;
  }

  /** Probed strings (the scan asks about the same few phrase starts again and again). */
  private readonly probes = new Map<string, number>();

  probe(q: string): number {
    let v = this.probes.get(q);
    if (v === undefined) {
      const bits = this.bitsOf(q);
      v = (bits !== undefined ? bits | IS_PHRASE : 0) | (this.isPrefix(q) ? IS_PREFIX : 0);
      if (this.probes.size >= 100_000) this.probes.clear();
      this.probes.set(q, v);
    }
    return v;
  }

  bitsOf(q: string): number | undefined {
    const i = this.lowerBound(q);
    return i < this.n && this.cmp(i, q) === 0 ? this.bitsAt(i) : undefined;
  }

  /** Some phrase continues q with a space (q is one of its proper word prefixes). */
  isPrefix(q: string): boolean {
    const qs = q + ' ';
    const i = this.lowerBound(qs);
    if (i >= this.n) return false;
    const s = this.phraseStart[i]!;
    return this.lineEnd[i]! - s >= qs.length && this.text.startsWith(qs, s);
  }

  *all(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.n; i++) yield [this.text.slice(this.phraseStart[i]!, this.lineEnd[i]!), this.bitsAt(i)];
  }
}
