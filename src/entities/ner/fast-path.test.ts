/**
 * The runtime fast paths must score exactly like the reference path the model was trained with:
 * fused scoring (FeatureExtractor.scoreInto) vs features + RuntimeModel.emissions, margins for
 * entity tokens only vs all margins, and a model read from its file vs one built from dense rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FeatureExtractor, buildDocContext } from './features.ts';
import { Gazetteer, GAZ_BIT } from './gazetteer.ts';
import { NUM_LABELS } from './labels.ts';
import { RuntimeModel, type ModelMeta } from './model.ts';
import { MODEL_FILE } from './index.ts';

const L = NUM_LABELS;
const BITS = 12;

/** A small random model (deterministic), so the test does not depend on the committed weights. */
function randomModel(seed: number): RuntimeModel {
  let x = seed;
  const rnd = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    return ((x >>> 8) & 0xffff) / 0xffff - 0.5;
  };
  const nb = 1 << BITS;
  const rowOf = new Int32Array(nb).fill(-1);
  const vals: number[] = [];
  let rows = 0;
  for (let b = 0; b < nb; b++) {
    if (rnd() < 0.1) continue; // most buckets carry weights, some do not
    rowOf[b] = rows++;
    for (let l = 0; l < L; l++) vals.push(rnd() * 4);
  }
  const meta: ModelMeta = { format: 'dateline.ner/1', bits: BITS, version: 'test', usesPos: false, calib: { a: 1, b: 0 } };
  const m = new RuntimeModel(meta, rowOf, Float32Array.from(vals));
  for (let i = 0; i < L * L; i++) m.trans[i] = rnd();
  for (let i = 0; i < L; i++) {
    m.start[i] = rnd();
    m.end[i] = rnd();
  }
  return m;
}

const sentences = [
  'Maria Kowalski , the head of the World Health Organization , arrived in New York City on Monday .',
  'THE STORM HITS HARBOR TOWN',
  'the harbor was closed , said Kowalski',
  'US-led troops left Iraq’s capital',
  'New York',
  'X',
].map((s) => s.split(' '));

function gazetteer(): Gazetteer {
  const g = new Gazetteer();
  g.add('new york', GAZ_BIT.city);
  g.add('new york city', GAZ_BIT.city);
  g.add('york', GAZ_BIT.city);
  g.add('iraq', GAZ_BIT.country);
  g.add('world health organization', GAZ_BIT.org);
  g.add('maria', GAZ_BIT.first);
  return g;
}

test('fused scoring gives bit-identical emissions to features + emissions', () => {
  const model = randomModel(7);
  const clusters = new Map<string, number[]>([
    ['harbor', [3, 17]],
    ['new', [1, 9, 40]],
  ]);
  const common = new Set(['the', 'was', 'on', 'in']);
  for (const [withDoc, limit] of [
    [false, 50_000],
    [true, 50_000],
    [true, 4], // most words past the word-cache limit
  ] as const) {
    const doc = withDoc ? buildDocContext(sentences) : undefined;
    const ref = new FeatureExtractor(gazetteer(), model.mask, common, clusters);
    const fast = new FeatureExtractor(gazetteer(), model.mask, common, clusters, limit);
    // Twice: the second pass reads the per-word caches.
    for (let pass = 0; pass < 2; pass++) {
      for (const w of sentences) {
        const n = w.length;
        const a = new Float32Array(n * L);
        model.emissions(ref.extract(w, undefined, model.isCached, doc), n, a);
        const b = new Float32Array(n * L);
        fast.scoreInto(w, doc, model.weights, L, b);
        assert.deepEqual([...b], [...a], `${w.join(' ')} (doc ${withDoc}, limit ${limit}, pass ${pass})`);
      }
    }
  }
});

test("margins for entity tokens only ('spans') equal the full margins there", () => {
  const model = randomModel(11);
  const fx = new FeatureExtractor(gazetteer(), model.mask);
  let checked = 0;
  for (const w of sentences) {
    const f = fx.extract(w);
    const full = model.decode(f, w.length, true);
    const part = model.decodeScores(w.length, 'spans', (e) => model.emissions(f, w.length, e));
    assert.deepEqual([...part.labels], [...full.labels]);
    for (let t = 0; t < w.length; t++) {
      if (full.labels[t] !== 0) {
        assert.equal(part.margins[t], full.margins[t]);
        checked++;
      }
    }
  }
  assert.ok(checked > 0, 'the random model labels some entities');
});

test('a model read from its file packs exactly like one built from its dense rows', () => {
  const m = RuntimeModel.deserialize(readFileSync(MODEL_FILE));
  const rebuilt = new RuntimeModel(m.meta, m.rowOf, m.rows);
  assert.equal(m.weights.scale, rebuilt.weights.scale);
  assert.ok(Buffer.from(m.weights.packed.buffer).equals(Buffer.from(rebuilt.weights.packed.buffer)));
  assert.ok(Buffer.from(m.weights.present.buffer).equals(Buffer.from(rebuilt.weights.present.buffer)));
  // Round trip through the file format keeps the weights.
  const again = RuntimeModel.deserialize(m.serialize());
  assert.ok(Buffer.from(again.weights.packed.buffer).equals(Buffer.from(m.weights.packed.buffer)));
});

test('the gazetteer keeps phrases and prefixes apart', () => {
  const g = gazetteer();
  assert.equal(g.bitsOf('new'), undefined, 'a prefix alone is no phrase');
  assert.ok(g.isPrefix('new') && g.isPrefix('new york') && !g.isPrefix('york'));
  assert.equal(g.bitsOf('new york'), GAZ_BIT.city);
  assert.equal(g.size, 6);
  assert.equal(g.maxWords, 3);
});
