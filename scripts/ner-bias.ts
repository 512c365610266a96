/**
 * Tunes per-type span offsets (`meta.spanBias`, see recognizer.ts) for a trained NER model on the
 * tuning split of UNER-EWT train (every 10th document, as in train-ner.ts), refits the confidence
 * calibration with the offsets in place, and writes the model back. UNER-EWT dev is never read.
 *
 *   node --import tsx scripts/ner-bias.ts [--model FILE] [--out FILE] [--objective doc|sentence|both] [--no-offsets] [--dry]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_FILE, loadNerResources } from '../src/entities/ner/index.ts';
import { RuntimeModel } from '../src/entities/ner/model.ts';
import { createRecognizer } from '../src/entities/ner/recognizer.ts';
import { NER_TYPES } from '../src/entities/ner/labels.ts';
import { coarse, readUnerCoarse } from '../src/entities/ner/corpora.ts';
import { emptyScores, f1, fitCalibration, formatScores, scoreSentence } from '../src/entities/ner/score.ts';
import { DATA_DIR } from './data-path.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const dataDir = arg('--data', DATA_DIR);
const modelFile = arg('--model', MODEL_FILE);
const out = arg('--out', modelFile);
const objective = arg('--objective', 'both');

const res = loadNerResources();
const model = RuntimeModel.deserialize(readFileSync(modelFile));
const baseMeta = model.meta;

const rows = readUnerCoarse(join(dataDir, 'uner-ewt/en_ewt-ud-train.iob2'));
const docIndex = new Map<string, number>();
for (const s of rows) if (!docIndex.has(s.doc)) docIndex.set(s.doc, docIndex.size);
const tune = rows.filter((s) => docIndex.get(s.doc)! % 10 === 9);
const docs: (typeof tune)[] = [];
for (const s of tune) {
  const last = docs[docs.length - 1];
  if (last && last[0]!.doc === s.doc) last.push(s);
  else docs.push([s]);
}

/** Groups that share one offset: person, organisation, places (GPE/LOC/FAC); NORP and EVENT stay 0. */
const GROUPS: Record<string, string[]> = { PER: ['PERSON'], ORG: ['ORG'], LOC: ['GPE', 'LOC', 'FAC'] };
type Bias = Record<keyof typeof GROUPS, number>;
function vector(b: Bias): number[] {
  return NER_TYPES.map((t) => {
    for (const [g, ts] of Object.entries(GROUPS)) if (ts.includes(t)) return b[g]!;
    return 0;
  });
}
function withBias(b: Bias, calib = baseMeta.calib) {
  model.meta = { ...baseMeta, calib, spanBias: vector(b) };
  return createRecognizer(model, res);
}
function score(b: Bias): { sent: number; doc: number; obj: number } {
  const ner = withBias(b);
  const ss = emptyScores();
  const sd = emptyScores();
  for (const d of docs) {
    const words = d.map((x) => x.words);
    const pd = ner.recognizeDocument(words);
    d.forEach((x, i) => {
      scoreSentence(ss, ner.recognize(x.words), x.gold);
      scoreSentence(sd, pd[i]!, x.gold);
    });
  }
  const sent = f1(ss.ALL).f;
  const doc = f1(sd.ALL).f;
  return { sent, doc, obj: objective === 'doc' ? doc : objective === 'sentence' ? sent : (sent + doc) / 2 };
}

const start: Bias = { PER: 0, ORG: 0, LOC: 0 };
const given = baseMeta['spanBias'];
if (Array.isArray(given)) console.log('model already has spanBias', given, '- tuning from zero');
let best = { b: start, ...score(start) };
console.log(`no offsets: tune F1 sentence ${(best.sent * 100).toFixed(2)}, document ${(best.doc * 100).toFixed(2)}`);
const grid = [-40, -20, 0, 10, 20, 30, 40, 50, 60, 80, 100, 130];
// --no-offsets: only refit the calibration (e.g. after scripts/ner-average.ts).
const rounds = process.argv.includes('--no-offsets') ? 0 : 2;
for (let round = 0; round < rounds; round++) {
  for (const g of Object.keys(GROUPS)) {
    for (const v of grid) {
      if (v === best.b[g]) continue;
      const b = { ...best.b, [g]: v };
      const r = score(b);
      if (r.obj > best.obj + 1e-9) {
        best = { b, ...r };
        console.log(`  ${JSON.stringify(b)}: sentence ${(r.sent * 100).toFixed(2)}, document ${(r.doc * 100).toFixed(2)}`);
      }
    }
  }
}
console.log(`chosen ${JSON.stringify(best.b)}: tune F1 sentence ${(best.sent * 100).toFixed(2)}, document ${(best.doc * 100).toFixed(2)}`);

// Refit the calibration (same logistic fit as train-ner.ts) on the margins with offsets.
// A small slope keeps the rounded confidences invertible over the margins' range (hundreds).
const A0 = 0.005;
const ner0 = withBias(best.b, { a: A0, b: 0 });
const xs: number[] = [];
const ys: number[] = [];
const ss = emptyScores();
for (const x of tune) {
  const gold = new Set(x.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
  const found = ner0.recognize(x.words);
  for (const m of found) {
    const c = coarse(m.type);
    if (!c) continue;
    // confidence = sigmoid(A0 * margin); invert (rounding clips at 0.001/0.999).
    const p = Math.min(0.999, Math.max(0.001, m.confidence));
    xs.push(Math.log(p / (1 - p)) / A0);
    ys.push(gold.has(`${m.start}:${m.end}:${c}`) ? 1 : 0);
  }
  scoreSentence(ss, found, x.gold);
}
const calib = fitCalibration(xs, ys);
console.log(formatScores('tune, sentence', ss));
console.log(`calibration a=${calib.a.toFixed(4)} b=${calib.b.toFixed(3)} (was a=${baseMeta.calib.a.toFixed(4)} b=${baseMeta.calib.b.toFixed(3)})`);
if (!process.argv.includes('--dry')) {
  model.meta = { ...baseMeta, calib, spanBias: vector(best.b), spanBiasTuneF1: { sentence: Number(best.sent.toFixed(4)), document: Number(best.doc.toFixed(4)) } };
  writeFileSync(out, model.serialize());
  console.log(`wrote ${out}`);
}
