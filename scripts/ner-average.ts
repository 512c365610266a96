/**
 * Averages the weights of several trained NER model files (same features and hash space) into
 * one model, a cheap way to enlarge the ensemble of train-ner.ts runs (other seeds or settings). The
 * confidence calibration is refitted afterwards with `scripts/ner-bias.ts --no-offsets`.
 *
 *   node --import tsx scripts/ner-average.ts --out FILE [--max-rows N] MODEL1 MODEL2 [...]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RuntimeModel } from '../src/entities/ner/model.ts';

const argv = process.argv.slice(2);
const oi = argv.indexOf('--out');
if (oi < 0 || !argv[oi + 1]) throw new Error('usage: ner-average.ts --out FILE MODEL1 MODEL2 ...');
const out = argv[oi + 1]!;
const mi = argv.indexOf('--max-rows');
const files = argv.filter((_, i) => i !== oi && i !== oi + 1 && (mi < 0 || (i !== mi && i !== mi + 1)));
if (files.length < 2) throw new Error('need at least two models');
const models = files.map((f) => RuntimeModel.deserialize(readFileSync(f)));
// Training-only settings (seed, epochs, data weights, dropout) may differ; what decides the
// meaning of a weight (hash space, feature families) must not.
const featuresOf = (m: RuntimeModel): string =>
  JSON.stringify([m.meta.format, m.meta.bits, m.meta.usesPos, m.meta.usesClusters ?? false, m.meta.usesDocContext ?? false]);
for (const m of models) {
  if (featuresOf(m) !== featuresOf(models[0]!)) throw new Error('models differ in features or hash space');
}
const averaged = RuntimeModel.mean(models);
// --max-rows N: keep only the N hash rows with the largest weights (the average of many runs holds
// the union of their rows, most of them tiny), so the file stays near one model's size.
const maxRows = argv.includes('--max-rows') ? Number(argv[argv.indexOf('--max-rows') + 1]) : 0;
function prune(m: RuntimeModel, keep: number): RuntimeModel {
  const L = m.rows.length / Math.max(1, m.rowOf.reduce((a, r) => (r >= 0 ? a + 1 : a), 0));
  const size: { b: number; v: number }[] = [];
  m.rowOf.forEach((r, b) => {
    if (r < 0) return;
    let v = 0;
    for (let l = 0; l < L; l++) v = Math.max(v, Math.abs(m.rows[r * L + l]!));
    size.push({ b, v });
  });
  if (size.length <= keep) return m;
  size.sort((x, y) => y.v - x.v);
  const kept = new Set(size.slice(0, keep).map((x) => x.b));
  const rowOf = new Int32Array(m.rowOf.length).fill(-1);
  const rows = new Float32Array(keep * L);
  let n = 0;
  m.rowOf.forEach((r, b) => {
    if (r < 0 || !kept.has(b)) return;
    rows.set(m.rows.subarray(r * L, (r + 1) * L), n * L);
    rowOf[b] = n++;
  });
  const out = new RuntimeModel(m.meta, rowOf, rows);
  out.trans.set(m.trans);
  out.start.set(m.start);
  out.end.set(m.end);
  console.log(`kept ${keep} of ${size.length} rows (smallest kept max |w| ${size[keep - 1]!.v.toFixed(3)})`);
  return out;
}
const merged = maxRows > 0 ? prune(averaged, maxRows) : averaged;
merged.meta = {
  ...models[0]!.meta,
  trainedAt: models.map((m) => m.meta.trainedAt).sort().at(-1),
  ensemble: models.reduce((a, m) => a + Number(m.meta['ensemble'] ?? 1), 0),
  trainSeconds: models.reduce((a, m) => a + Number(m.meta['trainSeconds'] ?? 0), 0),
  averagedFrom: models.map((m) => ({ settings: m.meta['settings'], tuneF1: m.meta['tuneF1'], trainedAt: m.meta.trainedAt })),
};
const buf = merged.serialize();
writeFileSync(out, buf);
console.log(`averaged ${files.length} models (${String(merged.meta['ensemble'])} runs) -> ${out} (${(buf.length / 1e6).toFixed(2)} MB)`);
