import type { Candidate } from '../types.ts';

/**
 * Widen candidates over the modifiers TimeML keeps inside the span, and record the TIMEX3 `mod`:
 * `early June` (START), `mid-2019` (MID), `the end of last year` (END), `almost two years` (LESS_THAN).
 */

const POINT_MODS =
  /(?:\b(?<the>[Tt]he\s+)?(?:very\s+)?(?<m>[Ee]arly|[Ll]ate|[Mm]id|(?:end|close|turn)\s+of|(?:beginning|start|dawn)\s+of|middle\s+of|first\s+half\s+of|second\s+half\s+of)(?:\s+|-)|\b(?<mid>[Mm]id-?))$/;

const POINT_MOD_VALUE: Readonly<Record<string, string>> = {
  early: 'START', beginning: 'START', start: 'START', dawn: 'START',
  late: 'END', end: 'END', close: 'END', turn: 'END',
  mid: 'MID', middle: 'MID',
};

const AMOUNT_MODS =
  /\b(?<m>[Aa]bout|[Aa]round|[Aa]pproximately|[Rr]oughly|[Aa]lmost|[Nn]early|[Mm]ore than|[Ll]ess than|[Aa]t least|[Aa]t most|[Uu]p to|[Jj]ust over|[Jj]ust under|[Nn]o more than)\s+$/;

const AMOUNT_MOD_VALUE: Readonly<Record<string, string>> = {
  about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX',
  almost: 'LESS_THAN', nearly: 'LESS_THAN', 'less than': 'LESS_THAN', 'just under': 'LESS_THAN',
  'more than': 'MORE_THAN', 'just over': 'MORE_THAN',
  'at least': 'EQUAL_OR_MORE', 'at most': 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS',
};

const POINT_KINDS = new Set(['date', 'relative', 'decade', 'century', 'part', 'fiscal']);

export function attachModifiers(candidates: readonly Candidate[], text: string): Candidate[] {
  return candidates.map((c) => {
    if (c.mod) return c;
    const before = text.slice(Math.max(0, c.start - 40), c.start);
    if (POINT_KINDS.has(c.spec.kind)) {
      const m = POINT_MODS.exec(before);
      if (!m) return c;
      const key = (m.groups!.m ?? m.groups!.mid ?? '').toLowerCase().split(/\s+/)[0]!.replace(/-$/, '');
      const mod = POINT_MOD_VALUE[key];
      if (!mod) return c;
      // `the first half of 2019` is a part of the year, not a modifier: H1.
      if (/half/.test(m[0]) && c.spec.kind === 'date' && c.spec.month === undefined && c.spec.year !== undefined) {
        return { ...c, start: c.start - m[0].length, spec: { kind: 'part', part: /first/.test(m[0]) ? 'H1' : 'H2', year: c.spec.year } };
      }
      return { ...c, start: c.start - m[0].length, mod };
    }
    if (c.spec.kind === 'duration' && c.spec.amount !== 'X') {
      const m = AMOUNT_MODS.exec(before);
      if (!m) return c;
      const mod = AMOUNT_MOD_VALUE[m.groups!.m!.toLowerCase()];
      if (!mod) return c;
      return { ...c, start: c.start - m[0].length, mod };
    }
    return c;
  });
}
