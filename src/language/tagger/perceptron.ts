/**
 * Averaged perceptron trainer over hashed features (training only; not loaded at run time).
 * Rows are sparse and allocated on first update, so memory grows with the features that
 * actually took part in a mistake. Averaging uses the Daumé trick: avg = w - u / c, where
 * `u` accumulates update * timestamp.
 */

import type { LinearModelData } from './linear.ts';

interface Row {
  cls: number[];
  w: number[];
  u: number[];
}

export class PerceptronTrainer {
  readonly nClasses: number;
  private readonly rows = new Map<number, Row>();
  private c = 1;

  constructor(nClasses: number) {
    if (nClasses > 256) throw new Error('at most 256 classes (classes are stored as bytes)');
    this.nClasses = nClasses;
  }

  /** Current (non-averaged) scores, for training-time decoding. */
  addScores(feats: Int32Array, n: number, scores: Float32Array): void {
    for (let i = 0; i < n; i++) {
      const row = this.rows.get(feats[i]!);
      if (!row) continue;
      const { cls, w } = row;
      for (let k = 0; k < cls.length; k++) scores[cls[k]!]! += w[k]!;
    }
  }

  /** One perceptron step: reward `gold`, penalize `guess` (no-op when equal). */
  update(feats: Int32Array, n: number, gold: number, guess: number, amount = 1): void {
    if (gold !== guess) {
      for (let i = 0; i < n; i++) {
        const f = feats[i]!;
        let row = this.rows.get(f);
        if (!row) {
          row = { cls: [], w: [], u: [] };
          this.rows.set(f, row);
        }
        this.bump(row, gold, amount);
        this.bump(row, guess, -amount);
      }
    }
  }

  /** Advance the instance clock once per training example. */
  tick(): void {
    this.c++;
  }

  private bump(row: Row, cls: number, delta: number): void {
    let k = row.cls.indexOf(cls);
    if (k < 0) {
      k = row.cls.length;
      row.cls.push(cls);
      row.w.push(0);
      row.u.push(0);
    }
    row.w[k]! += delta;
    row.u[k]! += delta * this.c;
  }

  get featureCount(): number {
    return this.rows.size;
  }

  /**
   * Averaged weights as compact arrays. Entries with |w| < `minWeight` are dropped
   * (pruning keeps the model file small at a negligible accuracy cost).
   */
  averaged(minWeight = 0): LinearModelData {
    const keys: number[] = [];
    const offsets: number[] = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    const sorted = [...this.rows.keys()].sort((a, b) => a - b);
    for (const key of sorted) {
      const row = this.rows.get(key)!;
      const start = classes.length;
      for (let k = 0; k < row.cls.length; k++) {
        const avg = row.w[k]! - row.u[k]! / this.c;
        if (Math.abs(avg) >= minWeight && avg !== 0) {
          classes.push(row.cls[k]!);
          weights.push(avg);
        }
      }
      if (classes.length > start) {
        keys.push(key);
        offsets.push(classes.length);
      }
    }
    return {
      nClasses: this.nClasses,
      keys: Int32Array.from(keys),
      offsets: Uint32Array.from(offsets),
      classes: Uint8Array.from(classes),
      weights: Float32Array.from(weights),
    };
  }
}
