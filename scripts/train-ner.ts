/**
 * Trains the NER model (averaged structured perceptron, BILOU, hashed features) on UNER-EWT
 * train (minus a 10% tuning split), GUM train+dev and the MEANTIME training split; picks the
 * epoch and calibrates confidences on the tuning split; averages `--seeds` runs; writes
 * src/entities/ner/model/ner.bin.gz. UNER-EWT dev and the MEANTIME test split are never read.
 *
 *   node --import tsx scripts/train-ner.ts [--epochs 5] [--seeds 3] [--select last|tune] [--patience 3] [--bits 20]
 *     [--uner-weight 2] [--augment-lower 0.3] [--word-dropout 0] [--no-clusters] [--clusters FILE] [--pos] [--corpora uner,gum,meantime] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_FILE, loadNerResources, readClusters } from '../src/entities/ner/index.ts';
import { FeatureExtractor, buildDocContext, type DocContext, type SentenceFeatures } from '../src/entities/ner/features.ts';
import { encodeBilou, decodeBilou } from '../src/entities/ner/labels.ts';
import { MODEL_FORMAT, RuntimeModel, TrainableModel, type ModelMeta } from '../src/entities/ner/model.ts';
import {
  coarse,
  meantimeSplit,
  readGum,
  readMeantime,
  readUner,
  readUnerCoarse,
  type NerSentence,
} from '../src/entities/ner/corpora.ts';
import { emptyScores, f1, fitCalibration, formatScores, scoreSentence } from '../src/entities/ner/score.ts';
import { createRecognizer } from '../src/entities/ner/recognizer.ts';
import { loadUposTagger } from './ner-pos.ts';
import { DATA_DIR } from './data-path.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const epochs = Number(arg('--epochs', '5'));
const bits = Number(arg('--bits', '20'));
const dataDir = arg('--data', DATA_DIR);
const out = arg('--out', MODEL_FILE);
const usePos = process.argv.includes('--pos');
const seed = Number(arg('--seed', '7'));

/** Bump when features, data or settings change; recorded in the model file and the model card. */
const MODEL_VERSION = '1.1.0';
const t0 = performance.now();
const useClusters = !process.argv.includes('--no-clusters');
// --clusters FILE: train with another cluster file (ship it as model/clusters.tsv.gz with the model).
const clustersFile = arg('--clusters', '');
const res0 = loadNerResources();
const res = clustersFile ? { ...res0, clusters: readClusters(clustersFile) } : res0;
const gaz = res.gaz;
if (useClusters && res.clusters.size === 0) throw new Error('--clusters: run scripts/ner-clusters.ts first');
const resUsed = { ...res, clusters: useClusters ? res.clusters : new Map<string, number[]>() };
const split = meantimeSplit(join(dataDir, 'meantime'));
const corpora = new Set(arg('--corpora', 'uner,gum,meantime').split(','));
// Every 10th UNER-EWT train document is held out as the tuning set (epoch choice, confidence
// calibration), so UNER-EWT dev stays unseen and its scores are clean.
const unerTrain = readUner(join(dataDir, 'uner-ewt/en_ewt-ud-train.iob2'), gaz);
const docIndex = new Map<string, number>();
for (const s of unerTrain) if (!docIndex.has(s.doc)) docIndex.set(s.doc, docIndex.size);
const isTune = (s: NerSentence): boolean => docIndex.get(s.doc)! % 10 === 9;
const tune = readUnerCoarse(join(dataDir, 'uner-ewt/en_ewt-ud-train.iob2')).filter((s) => docIndex.get(s.doc)! % 10 === 9);
const train: NerSentence[] = [
  ...(corpora.has('uner') ? unerTrain.filter((s) => !isTune(s)) : []),
  // In-domain emphasis: UNER-EWT sentences repeated --uner-weight times.
  ...(corpora.has('uner') ? Array.from({ length: Number(arg('--uner-weight', '2')) - 1 }, () => unerTrain.filter((s) => !isTune(s))).flat() : []),
  ...(corpora.has('gum') ? readGum(join(dataDir, 'gum/gum-train.conllu'), gaz) : []),
  ...(corpora.has('gum') ? readGum(join(dataDir, 'gum/gum-dev.conllu'), gaz) : []),
  ...(corpora.has('meantime')
    ? readMeantime(split.train, gaz, res.common).flatMap((d) => d.sentences.map((s) => ({ doc: d.name, words: s.words, spans: s.spans })))
    : []),
];
// Web text is often all lower case: lower-cased copies of some sentences teach names without capitals.
const augment = Number(arg('--augment-lower', '0.3'));
if (augment > 0) {
  let r = seed * 7919;
  const n0 = train.length;
  for (let i = 0; i < n0; i++) {
    r = (Math.imul(r, 1103515245) + 12345) >>> 0;
    const s = train[i]!;
    if (r / 4294967296 < augment && s.spans.length > 0) {
      train.push({ doc: s.doc, words: s.words.map((w) => w.toLowerCase()), spans: s.spans.filter((x) => x.type !== 'NORP') });
    }
  }
}
const dev = tune;

const tagger = usePos ? await loadUposTagger() : null;
const fx = new FeatureExtractor(gaz, (1 << bits) - 1, res.common, resUsed.clusters);
// Document case context for every training sentence (lower-cased copies share their original
// document's context); dropped for --doc-dropout of the sentences so the model also works per sentence.
const useDoc = !process.argv.includes('--no-doc');
const docDropout = Number(arg('--doc-dropout', '0.3'));
const docSents = new Map<string, string[][]>();
for (const s of train) {
  if (s.words.every((w) => w === w.toLowerCase()) && s.words.some((w) => w !== w.toUpperCase())) continue;
  const list = docSents.get(s.doc) ?? [];
  list.push(s.words);
  docSents.set(s.doc, list);
}
const docCtx = new Map<string, DocContext>();
for (const [d, ss] of docSents) docCtx.set(d, buildDocContext(ss));
let dr = seed * 31;
// --word-dropout p: for tokens inside names, drop the word and lower-cased-word features with
// probability p (fixed per training copy), so names are also learned from context, shape, affixes
// and gazetteers rather than memorized; unseen names are the common case in web text.
const wordDropout = Number(arg('--word-dropout', '0'));
let wd = seed * 977 + 1;
function dropWordIdentity(f: SentenceFeatures, gold: Uint8Array): SentenceFeatures {
  const n = gold.length;
  const drop = new Uint8Array(n);
  let any = false;
  for (let t = 0; t < n; t++) {
    if (gold[t] === 0) continue;
    wd = (Math.imul(wd, 1103515245) + 12345) >>> 0;
    // Word-local features start with bias, word, lower (FeatureExtractor.extract, nothing cached).
    if (wd / 4294967296 < wordDropout && f.localEnd[t]! - f.offsets[t]! >= 3) {
      drop[t] = 1;
      any = true;
    }
  }
  if (!any) return f;
  const ids: number[] = [];
  const offsets = new Int32Array(n + 1);
  const localEnd = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    offsets[t] = ids.length;
    const k0 = f.offsets[t]!;
    for (let k = k0; k < f.offsets[t + 1]!; k++) {
      if (drop[t] && (k === k0 + 1 || k === k0 + 2)) continue;
      ids.push(f.ids[k]!);
      if (k === f.localEnd[t]! - 1) localEnd[t] = ids.length;
    }
    if (f.localEnd[t] === k0) localEnd[t] = offsets[t]!;
  }
  offsets[n] = ids.length;
  return { ids: Int32Array.from(ids), offsets, localEnd, keys: f.keys };
}
const trainFeats: SentenceFeatures[] = [];
const trainGold: Uint8Array[] = [];
const typeCounts: Record<string, number> = {};
for (const s of train) {
  // Predicted (not gold) POS at training time, so the model sees what it will see at run time.
  const upos = tagger ? tagger(s.words) : undefined;
  dr = (Math.imul(dr, 1103515245) + 12345) >>> 0;
  const ctx = useDoc && dr / 4294967296 >= docDropout ? docCtx.get(s.doc) : undefined;
  const gold = encodeBilou(s.words.length, s.spans);
  const feats = fx.extract(s.words, upos, undefined, ctx);
  trainFeats.push(wordDropout > 0 ? dropWordIdentity(feats, gold) : feats);
  trainGold.push(gold);
  for (const sp of s.spans) typeCounts[sp.type] = (typeCounts[sp.type] ?? 0) + 1;
}
const devFeats = dev.map((s) => fx.extract(s.words, tagger ? tagger(s.words) : undefined));
const tokens = train.reduce((a, s) => a + s.words.length, 0);
console.log(`train: ${train.length} sentences, ${tokens} tokens, spans`, typeCounts, `(features ${((performance.now() - t0) / 1000).toFixed(1)}s)`);

function devScore(m: { decode: TrainableModel['decode'] }): number {
  const s = emptyScores();
  dev.forEach((d, i) => {
    const { labels } = m.decode(devFeats[i]!, d.words.length, false);
    scoreSentence(s, decodeBilou(labels), d.gold);
  });
  return f1(s.ALL).f;
}

let rand = seed;
const rnd = (): number => {
  rand = (Math.imul(rand, 1103515245) + 12345) >>> 0;
  return rand / 4294967296;
};
const order = train.map((_, i) => i);
const baseMeta: ModelMeta = {
  format: MODEL_FORMAT,
  bits,
  version: '1',
  usesPos: usePos,
  usesClusters: useClusters,
  usesDocContext: useDoc,
  calib: { a: 1, b: 0 },
};
const seeds = Number(arg('--seeds', '3'));
const patience = Number(arg('--patience', '3'));
// 'last': every run trains exactly --epochs epochs (default; the small tuning split is too noisy
// to pick epochs reliably); 'tune': keep each run's best epoch on the tuning split.
const select = arg('--select', 'last');
const members: { f: number; epoch: number; model: RuntimeModel }[] = [];
for (let m = 0; m < seeds; m++) {
  // Several perceptrons on different example orders, their weights averaged (a cheap ensemble).
  rand = seed + 1000 * m;
  const model = new TrainableModel(bits);
  let bestM: { f: number; epoch: number; model: RuntimeModel } | null = null;
  for (let ep = 1; ep <= epochs; ep++) {
    const te = performance.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    for (const i of order) if (model.update(trainFeats[i]!, trainGold[i]!)) wrong++;
    const avg = model.averaged(baseMeta);
    const f = devScore(avg);
    console.log(`run ${m + 1} epoch ${ep}: ${wrong} wrong sentences, tune F1 ${(f * 100).toFixed(2)} (${((performance.now() - te) / 1000).toFixed(1)}s)`);
    if (select === 'last') bestM = { f, epoch: ep, model: avg };
    else if (!bestM || f > bestM.f) bestM = { f, epoch: ep, model: avg };
    else if (ep - bestM.epoch >= patience) break;
  }
  if (bestM) members.push(bestM);
}
let best = members.length === 1 ? members[0]! : null;
if (members.length > 1) {
  const merged = RuntimeModel.mean(members.map((x) => x.model));
  best = { f: devScore(merged), epoch: Math.round(members.reduce((a, x) => a + x.epoch, 0) / members.length), model: merged };
  console.log(`ensemble of ${members.length}: tune F1 ${(best.f * 100).toFixed(2)}`);
}
if (!best) throw new Error('no epochs');

// Calibrate span confidences on UNER dev: logistic regression of "span exactly right" on its margin.
const xs: number[] = [];
const ys: number[] = [];
dev.forEach((d, i) => {
  const { labels, margins } = best!.model.decode(devFeats[i]!, d.words.length, true);
  const gold = new Set(d.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
  for (const s of decodeBilou(labels)) {
    const c = coarse(s.type);
    if (!c) continue;
    let m = Infinity;
    for (let k = s.start; k < s.end; k++) m = Math.min(m, margins[k]!);
    xs.push(m);
    ys.push(gold.has(`${s.start}:${s.end}:${c}`) ? 1 : 0);
  }
});
const calib = fitCalibration(xs, ys);
const seconds = (performance.now() - t0) / 1000;
best.model.meta = {
  ...baseMeta,
  calib,
  version: arg('--version', MODEL_VERSION),
  trainedAt: new Date().toISOString(),
  epochs: best.epoch,
  ensemble: members.length,
  trainSentences: train.length,
  trainTokens: tokens,
  trainSeconds: Math.round(seconds),
  tuneF1: Number(best.f.toFixed(4)),
  settings: { seed, wordDropout, docContext: useDoc, docDropout, unerWeight: Number(arg('--uner-weight', '2')), select, clusters: useClusters, augmentLower: augment, seeds, patience, maxEpochs: epochs, bits, corpora: [...corpora] },
};
const buf = best.model.serialize();
writeFileSync(out, buf);
console.log(`best epoch ${best.epoch} (dev F1 ${(best.f * 100).toFixed(2)}), calib a=${calib.a.toFixed(3)} b=${calib.b.toFixed(3)}; wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(0)}s`);

// Check the quantized file reproduces the float scores.
const q = RuntimeModel.deserialize(buf);
const rec = createRecognizer(q, resUsed);
const s = emptyScores();
for (const d of dev) scoreSentence(s, rec.recognize(d.words, tagger ? tagger(d.words) : undefined), d.gold);
console.log('quantized model, tuning split (sentence level):\n' + formatScores('tune', s));
