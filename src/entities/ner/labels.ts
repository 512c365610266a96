/**
 * BILOU label encoding (Ratinov & Roth 2009): label 0 is O; entity type t has
 * B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
 */

export const NER_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT'] as const;
export type NerType = (typeof NER_TYPES)[number];

export const NUM_LABELS = 1 + 4 * NER_TYPES.length;

export const enum Part {
  B = 0,
  I = 1,
  L = 2,
  U = 3,
}

export interface NerSpan {
  /** First token index (inclusive). */
  readonly start: number;
  /** Token index one past the last token. */
  readonly end: number;
  readonly type: NerType;
}

export function labelOf(type: number, part: Part): number {
  return 1 + 4 * type + part;
}
export function typeOf(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}
export function partOf(label: number): Part {
  return ((label - 1) & 3) as Part;
}

export function labelName(label: number): string {
  if (label === 0) return 'O';
  return 'BILU'[partOf(label)]! + '-' + NER_TYPES[typeOf(label)]!;
}

const TYPE_INDEX = new Map<string, number>(NER_TYPES.map((t, i) => [t, i]));
export function typeIndex(t: NerType): number {
  return TYPE_INDEX.get(t)!;
}

/** Spans (non-overlapping) to a BILOU label sequence of length n. */
export function encodeBilou(n: number, spans: readonly NerSpan[]): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) {
    const t = typeIndex(s.type);
    if (s.end - s.start === 1) {
      out[s.start] = labelOf(t, Part.U);
      continue;
    }
    out[s.start] = labelOf(t, Part.B);
    for (let i = s.start + 1; i < s.end - 1; i++) out[i] = labelOf(t, Part.I);
    out[s.end - 1] = labelOf(t, Part.L);
  }
  return out;
}

/**
 * Label sequence to spans. Tolerant of invalid sequences (a dangling B or I is closed where
 * the type or run ends) so it never throws on model output that skipped the constraints.
 */
export function decodeBilou(labels: ArrayLike<number>): NerSpan[] {
  // (No inner helper function: this runs per sentence, and a closure per call is measurable.)
  const spans: NerSpan[] = [];
  let open = -1;
  let openType = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 0) {
      if (open >= 0) spans.push({ start: open, end: i, type: NER_TYPES[openType]! });
      open = -1;
      openType = -1;
      continue;
    }
    const t = typeOf(l);
    const p = partOf(l);
    if (p === Part.B || p === Part.U || (open >= 0 && t !== openType)) {
      if (open >= 0) spans.push({ start: open, end: i, type: NER_TYPES[openType]! });
      open = -1;
      openType = -1;
    }
    if (open < 0) {
      open = i;
      openType = t;
    }
    if (p === Part.L || p === Part.U) {
      spans.push({ start: open, end: i + 1, type: NER_TYPES[openType]! });
      open = -1;
      openType = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: labels.length, type: NER_TYPES[openType]! });
  return spans;
}

/** Whether label `b` may follow label `a` in a well-formed BILOU sequence (a = -1: start). */
export function allowed(a: number, b: number): boolean {
  const aOpen = a > 0 && (partOf(a) === Part.B || partOf(a) === Part.I);
  if (aOpen) {
    return b > 0 && typeOf(b) === typeOf(a) && (partOf(b) === Part.I || partOf(b) === Part.L);
  }
  return b === 0 || partOf(b) === Part.B || partOf(b) === Part.U;
}

/** Whether a sequence may end on label `a`. */
export function allowedEnd(a: number): boolean {
  return a === 0 || partOf(a) === Part.L || partOf(a) === Part.U;
}
