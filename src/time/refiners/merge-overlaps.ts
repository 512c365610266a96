import type { Candidate } from '../types.ts';

/**
 * Settle competing candidates: the longest span wins (`12 February 2020` over `February 2020`,
 * `two years ago` over `two years`); for equal spans, the higher priority. Output in text order.
 */
export function mergeOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
