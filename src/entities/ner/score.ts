/**
 * Exact-span F1 against PER/ORG/LOC gold. Predictions map PERSON->PER, ORG->ORG,
 * GPE/LOC/FAC->LOC; NORP and EVENT predictions are dropped before scoring because neither
 * UNER nor MEANTIME annotates those types (a NORP prediction on a gold LOC therefore counts
 * as a missed LOC, never as a false positive).
 */
import { coarse, type CoarseSpan, type CoarseType } from './corpora.ts';
import type { NerType } from './labels.ts';

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
}
export type Scores = Record<CoarseType | 'ALL', PRF>;

export function emptyScores(): Scores {
  return {
    PER: { tp: 0, fp: 0, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 0 },
    LOC: { tp: 0, fp: 0, fn: 0 },
    ALL: { tp: 0, fp: 0, fn: 0 },
  };
}

export function scoreSentence(
  s: Scores,
  pred: readonly { start: number; end: number; type: NerType }[],
  gold: readonly CoarseSpan[],
): void {
  const g = new Set(gold.map((x) => `${x.start}:${x.end}:${x.type}`));
  const p = new Set<string>();
  for (const x of pred) {
    const c = coarse(x.type);
    if (c) p.add(`${x.start}:${x.end}:${c}`);
  }
  for (const k of p) {
    const t = k.split(':')[2] as CoarseType;
    if (g.has(k)) {
      s[t].tp++;
      s.ALL.tp++;
    } else {
      s[t].fp++;
      s.ALL.fp++;
    }
  }
  for (const k of g) {
    if (p.has(k)) continue;
    const t = k.split(':')[2] as CoarseType;
    s[t].fn++;
    s.ALL.fn++;
  }
}

export function f1(x: PRF): { p: number; r: number; f: number } {
  const p = x.tp + x.fp ? x.tp / (x.tp + x.fp) : 0;
  const r = x.tp + x.fn ? x.tp / (x.tp + x.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function formatScores(name: string, s: Scores): string {
  const rows = (['PER', 'ORG', 'LOC', 'ALL'] as const).map((t) => {
    const { p, r, f } = f1(s[t]);
    const n = s[t].tp + s[t].fn;
    return `| ${name} | ${t} | ${(p * 100).toFixed(1)} | ${(r * 100).toFixed(1)} | ${(f * 100).toFixed(1)} | ${n} |`;
  });
  return rows.join('\n');
}

/**
 * Logistic regression of "span exactly right" (ys, 0/1) on a span's score margin (xs), by gradient
 * descent on rescaled margins: the calibration `confidence = sigmoid(a * margin + b)` of the model
 * file. Used by train-ner.ts and ner-bias.ts.
 */
export function fitCalibration(xs: readonly number[], ys: readonly number[]): { a: number; b: number } {
  let a = 0.1;
  let b = 0;
  const scale = Math.max(1, ...xs.map((x) => Math.abs(x))) / 10;
  for (let it = 0; it < 3000; it++) {
    let ga = 0;
    let gb = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]! / scale;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      ga += (p - ys[k]!) * x;
      gb += p - ys[k]!;
    }
    a -= (0.5 * ga) / xs.length;
    b -= (0.5 * gb) / xs.length;
  }
  return { a: a / scale, b };
}
