/**
 * Which phrases of a dictionary record name the same body. Phoenix records are sometimes bags of
 * related bodies under one code (the US Department of Transportation with the FAA and the NTSB);
 * phrases are variants of each other when one is the other's acronym or they share two content
 * words (or all of the shorter one's). Small records and the curated supplement are one body.
 */
import type { ActorRecord } from '../gazetteer/tabari.ts';

const NOISE = new Set(['THE', 'OF', 'AND', 'FOR', 'IN', 'ON', 'US', 'U.S.', 'UNITED', 'STATES', 'AL', 'DE', 'LA', 'NATIONAL']);

function content(words: readonly string[]): string[] {
  return words.filter((w) => !NOISE.has(w));
}

function initials(words: readonly string[]): string {
  return words
    .filter((w) => !['THE', 'OF', 'AND', 'FOR', 'IN', 'ON'].includes(w))
    .map((w) => w[0])
    .join('');
}

function variants(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 1 && /^[A-Z]{2,7}$/.test(a[0]!.replace(/\./g, '')) && initials(b) === a[0]!.replace(/\./g, '')) return true;
  if (b.length === 1 && /^[A-Z]{2,7}$/.test(b[0]!.replace(/\./g, '')) && initials(a) === b[0]!.replace(/\./g, '')) return true;
  const ca = content(a);
  const cb = new Set(content(b));
  const shared = ca.filter((w) => cb.has(w)).length;
  return shared >= 2 || (shared >= 1 && shared === Math.min(ca.length, cb.size));
}

const groupsCache = new WeakMap<ActorRecord, Map<string, number>>();

function groups(record: ActorRecord): Map<string, number> {
  let g = groupsCache.get(record);
  if (g) return g;
  const n = record.phrases.length;
  const parent = record.phrases.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (variants(record.phrases[i]!, record.phrases[j]!)) parent[find(i)] = find(j);
    }
  }
  g = new Map();
  record.phrases.forEach((p, i) => g!.set(p.join(' '), find(i)));
  groupsCache.set(record, g);
  return g;
}

/** A key for the body a matched phrase names within its record. */
export function variantKey(record: ActorRecord, matched: readonly string[]): string {
  if (record.phrases.length <= 3 || record.file.includes('supplement')) return record.primary;
  const key = matched.join(' ');
  const g = groups(record).get(key) ?? groups(record).get(matched.filter((w) => w !== 'THE').join(' '));
  return g === undefined ? `${record.primary}:${key}` : `${record.primary}#${g}`;
}
