/**
 * Prune a trained parser model: drop weights with |w| < min-abs (averaged-perceptron weights of
 * rare features are small and noisy; dropping them shrinks the file and speeds up scoring).
 *   node --import tsx scripts/parser-prune.ts IN OUT [--min-abs 2]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { deserializeModel, serializeModel, type SparseBlock } from '../src/language/parser/io.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'min-abs': { type: 'string', default: '2' } },
});
const [input, output] = positionals;
if (!input || !output) throw new Error('usage: parser-prune.ts IN OUT [--min-abs 2]');
const minAbs = Number(values['min-abs']);

function prune(b: SparseBlock): SparseBlock {
  const nb = 1 << b.bits;
  const rowStart = new Uint32Array(nb + 1);
  const cls: number[] = [];
  const wts: number[] = [];
  for (let k = 0; k < nb; k++) {
    rowStart[k] = cls.length;
    for (let j = b.rowStart[k]!; j < b.rowStart[k + 1]!; j++) {
      if (Math.abs(b.wts[j]!) >= minAbs) {
        cls.push(b.cls[j]!);
        wts.push(b.wts[j]!);
      }
    }
  }
  rowStart[nb] = cls.length;
  return { bits: b.bits, nClasses: b.nClasses, rowStart, cls: Uint8Array.from(cls), wts: Float32Array.from(wts) };
}

const m = deserializeModel(readFileSync(input));
const out = serializeModel({
  vocab: m.vocab,
  moves: prune(m.moves),
  groupMoves: prune(m.groupMoves),
  labels: prune(m.labels),
  meta: { ...m.meta, minAbs: Math.max(minAbs, Number(m.meta['minAbs'] ?? 0)) },
});
writeFileSync(output, out);
console.log(`wrote ${output} (${(out.length / 1e6).toFixed(2)} MB)`);
