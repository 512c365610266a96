/**
 * Cities by name without parsing the 47k-line cities.tsv at load. A build step
 * (`buildCityKeys`, run by scripts/entities-build-city-index.ts) writes `cities.keys.tsv`: every
 * name key ("NEW YORK CITY") in code-unit order with the character offsets of its rows in
 * cities.tsv, in file order. At run time a key is found by binary search and its City objects are
 * parsed on first use (one object per row, shared by all its keys). The header carries the SHA-1 of
 * the cities.tsv it was built from; a stale index is not used.
 */
import { createHash } from 'node:crypto';
import { phraseWords } from './tabari.ts';

export interface City {
  readonly geonameid: number;
  readonly name: string;
  /** ISO alpha-3. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  readonly feature: string;
  readonly admin1: string;
}

const HEADER = '#dateline-city-keys';

/** One cities.tsv line as `parseCitiesTsv` reads it (undefined for comments, blanks, short rows). */
export function parseCityLine(line: string): City | undefined {
  if (line.startsWith('#') || line.trim() === '') return undefined;
  const r = line.split('\t');
  if (r.length < 7) return undefined;
  return {
    geonameid: Number(r[0]!.trim()),
    name: r[1]!.trim(),
    country: r[2]!.trim(),
    lat: Number(r[3]!.trim()),
    lon: Number(r[4]!.trim()),
    population: Number(r[5]!.trim()),
    feature: r[6]!.trim(),
    admin1: r[7]?.trim() ?? '',
  };
}

/** Lines of a TSV as `split(/\r?\n/)` gives them, each with its character offset. */
function* linesWithOffsets(tsv: string): IterableIterator<[string, number]> {
  let pos = 0;
  const n = tsv.length;
  while (pos < n) {
    let eol = tsv.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let end = eol;
    if (eol < n && end > pos && tsv.charCodeAt(end - 1) === 13) end--;
    yield [tsv.slice(pos, end), pos];
    pos = eol + 1;
  }
}

/** The name keys of a city: its name, and for "Washington, D.C." also the part before the comma. */
export function cityKeys(name: string): string[] {
  const variants = [name];
  // "Washington, D.C." is written "Washington" in news.
  if (name.includes(',')) variants.push(name.split(',')[0]!);
  return variants.map((v) => phraseWords(v).join(' '));
}

export function citiesHash(tsv: string): string {
  return createHash('sha1').update(tsv).digest('hex');
}

/** The index file for a cities.tsv text. */
export function buildCityKeys(tsv: string): string {
  const byKey = new Map<string, number[]>();
  for (const [line, offset] of linesWithOffsets(tsv)) {
    const city = parseCityLine(line);
    if (!city) continue;
    for (const key of cityKeys(city.name)) {
      const list = byKey.get(key);
      if (list) list.push(offset);
      else byKey.set(key, [offset]);
    }
  }
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = keys.map((k) => `${k}\t${byKey.get(k)!.join(',')}`);
  return `${HEADER} sha1=${citiesHash(tsv)} keys=${keys.length}\n${lines.join('\n')}\n`;
}

/** Whether an index file belongs to this cities.tsv text. */
export function cityKeysMatch(index: string, tsv: string): boolean {
  if (!index.startsWith(HEADER + ' ')) return false;
  const m = /sha1=([0-9a-f]+)/.exec(index.slice(0, index.indexOf('\n')));
  return m !== null && m[1] === citiesHash(tsv);
}

/** Cities looked up by key in the index; lists in cities.tsv order (not yet sorted). */
export class CityIndex {
  private readonly keyStart: Int32Array;
  private readonly keyEnd: Int32Array;
  private readonly lineEnd: Int32Array;
  readonly size: number;
  private readonly byOffset = new Map<number, City>();

  constructor(
    private readonly tsv: string,
    private readonly index: string,
  ) {
    let count = 0;
    const from = index.indexOf('\n') + 1;
    for (let p = index.indexOf('\n', from); p >= 0; p = index.indexOf('\n', p + 1)) count++;
    this.keyStart = new Int32Array(count + 1);
    this.keyEnd = new Int32Array(count + 1);
    this.lineEnd = new Int32Array(count + 1);
    let n = 0;
    let pos = from;
    while (pos < index.length) {
      let eol = index.indexOf('\n', pos);
      if (eol < 0) eol = index.length;
      const tab = index.indexOf('\t', pos);
      if (tab >= pos && tab < eol) {
        this.keyStart[n] = pos;
        this.keyEnd[n] = tab;
        this.lineEnd[n] = eol;
        n++;
      }
      pos = eol + 1;
    }
    this.size = n;
  }

  private cmp(i: number, q: string): number {
    const s = this.keyStart[i]!;
    const len = this.keyEnd[i]! - s;
    const m = Math.min(len, q.length);
    for (let k = 0; k < m; k++) {
      const d = this.index.charCodeAt(s + k) - q.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - q.length;
  }

  private lowerBound(q: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmp(mid, q) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  key(i: number): string {
    return this.index.slice(this.keyStart[i]!, this.keyEnd[i]!);
  }

  /** The cities of entry i, in file order (each row parsed once). */
  citiesAt(i: number): City[] {
    const out: City[] = [];
    for (const o of this.index.slice(this.keyEnd[i]! + 1, this.lineEnd[i]!).split(',')) {
      const offset = Number(o);
      let city = this.byOffset.get(offset);
      if (!city) {
        let eol = this.tsv.indexOf('\n', offset);
        if (eol < 0) eol = this.tsv.length;
        let end = eol;
        if (eol < this.tsv.length && this.tsv.charCodeAt(end - 1) === 13) end--;
        city = parseCityLine(this.tsv.slice(offset, end))!;
        this.byOffset.set(offset, city);
      }
      out.push(city);
    }
    return out;
  }

  /** Entry index of a key, -1 when absent. */
  find(key: string): number {
    const i = this.lowerBound(key);
    return i < this.size && this.cmp(i, key) === 0 ? i : -1;
  }

  /** Entries whose key is `first` or starts with `first` and a space (contiguous in code-unit order). */
  *startingWith(first: string): IterableIterator<number> {
    // After `first` itself come all "first …" keys: a space sorts below every other key character.
    const prefix = first + ' ';
    for (let i = this.lowerBound(first); i < this.size; i++) {
      const k = this.key(i);
      if (k !== first && !k.startsWith(prefix)) break;
      yield i;
    }
  }
}
