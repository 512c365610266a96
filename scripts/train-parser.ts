/**
 * Train the dependency parser on UD EWT train (+ GUM train) and write
 * src/language/parser/model/parser.bin.gz. Usage:
 *   node --import tsx scripts/train-parser.ts [--epochs 15] [--bits 20] [--no-gum] [--out FILE]
 *     [--tags gold|tagger] [--train-tags JACKKNIFED.conllu [--mix]] [--grouping coarse|none|universal|full]
 *     [--no-clusters] [--label-bits 19] [--group-bits 19] [--min-abs 2] [--seed 1]
 * Evaluates on EWT dev after every epoch and keeps the best epoch.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_PATH, parserFromModel, serializeModel, type SparseModel } from '../src/language/parser/io.ts';
import { encodeVocab, newBuffers } from '../src/language/parser/model.ts';
import {
  buildVocab,
  DenseWeights,
  prepare,
  readTreebank,
  rng,
  trainSentence,
  type Grouping,
  type TreebankSentence,
} from '../src/language/parser/train.ts';
import { addSentence, emptyCounts, percent } from '../src/language/parser/score.ts';
import { predictedTags } from './parser-tags.ts';
import { DATA_DIR } from './data-path.ts';

const DATA = DATA_DIR;
const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    bits: { type: 'string', default: '20' },
    'label-bits': { type: 'string', default: '19' },
    'group-bits': { type: 'string', default: '19' },
    grouping: { type: 'string', default: 'coarse' },
    'no-clusters': { type: 'boolean', default: false },
    'no-gum': { type: 'boolean', default: false },
    out: { type: 'string', default: DEFAULT_MODEL_PATH },
    tags: { type: 'string', default: 'gold' },
    'train-tags': { type: 'string' },
    mix: { type: 'boolean', default: false },
    'min-abs': { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    explore: { type: 'string', default: '0.9' },
    limit: { type: 'string' },
  },
});

const epochs = Number(values.epochs);
const bits = Number(values.bits);
const labelBits = Number(values['label-bits']);
const groupBits = Number(values['group-bits']);
const minAbs = Number(values['min-abs']);
const explore = Number(values.explore);
const t0 = performance.now();

let train: TreebankSentence[] = readTreebank(`${DATA}/ud-ewt/en_ewt-ud-train.conllu`);
if (!values['no-gum']) train = train.concat(readTreebank(`${DATA}/gum/gum-train.conllu`));
if (values.limit) train = train.slice(0, Number(values.limit));
const dev = readTreebank(`${DATA}/ud-ewt/en_ewt-ud-dev.conllu`);

// Word clusters from all the text we have (treebank words + raw news text), built with the
// tagger's distributional clustering; the parser ships its own copy of the map.
let clusters: Map<string, number> | undefined;
if (!values['no-clusters']) {
  const { buildClusters } = await import('../src/language/tagger/clusters.ts');
  const { loadRawText } = await import('../src/language/tagger/raw-text.ts');
  const tc = performance.now();
  const text = train.map((s) => s.forms).concat(loadRawText(DATA));
  const built = buildClusters(text, { minCount: 3, maxWords: 30000 });
  clusters = new Map();
  for (const [word, [fine, , coarse]] of built) clusters.set(word, fine | ((coarse - 2000) << 12));
  console.log(`clusters: ${clusters.size} words in ${((performance.now() - tc) / 1000).toFixed(0)} s`);
}
const vocab = buildVocab(train, values.grouping as Grouping, clusters);
const enc = encodeVocab(vocab);
const nLabels = vocab.labels.length;
console.log(`train ${train.length} sentences, ${nLabels} labels, ${enc.nGroups} label groups, 2^${bits} move buckets, 2^${labelBits} label buckets`);

// Training tags: gold (`--tags gold`), predicted by the shipped tagger (`--tags tagger`; on its own
// training data these are too good), or read from a CoNLL-U file with jackknifed tags for the same
// training sentences (`--train-tags FILE`), so the parser learns from the kind of tags it will see
// at analysis time. Dev is then also scored with the tagger's tags, and the best epoch is chosen
// on that score.
let trainTags: { upos: string[]; xpos: string[] }[] | undefined;
if (values['train-tags']) {
  const tagged = readTreebank(values['train-tags']);
  if (tagged.length !== train.length) throw new Error(`--train-tags has ${tagged.length} sentences, training data ${train.length}`);
  trainTags = tagged.map((s, i) => {
    if (s.forms.length !== train[i]!.forms.length) throw new Error(`--train-tags sentence ${i + 1} differs in length`);
    return { upos: s.upos, xpos: s.xpos };
  });
} else if (values.tags === 'tagger') trainTags = await predictedTags(train);
const devTags = trainTags || values.tags === 'tagger' ? await predictedTags(dev) : undefined;
// --mix: every training sentence twice, once with gold and once with predicted tags.
const items = train.map((s, i) => prepare(vocab, enc, s, trainTags?.[i]));
if (values.mix && trainTags) items.push(...train.map((s) => prepare(vocab, enc, s)));

const moves = new DenseWeights(bits, 3);
const groupMoves = new DenseWeights(groupBits, enc.nMoveClasses);
const labels = new DenseWeights(labelBits, nLabels);
const buf = newBuffers(enc);
const costs = new Float64Array(3);
const rand = rng(Number(values.seed));

function evaluate(model: SparseModel): { uas: number; las: number; predUas?: number; predLas?: number } {
  const parser = parserFromModel(model);
  const gold = emptyCounts();
  for (const s of dev) addSentence(gold, s, parser.parse(s.forms, s.upos, s.xpos));
  const out: { uas: number; las: number; predUas?: number; predLas?: number } = {
    uas: percent(gold.uas, gold.words),
    las: percent(gold.las, gold.words),
  };
  if (devTags) {
    const pred = emptyCounts();
    dev.forEach((s, i) => addSentence(pred, s, parser.parse(s.forms, devTags[i]!.upos, devTags[i]!.xpos)));
    out.predUas = percent(pred.uas, pred.words);
    out.predLas = percent(pred.las, pred.words);
  }
  return out;
}

let best: { las: number; model: SparseModel; epoch: number; scores: ReturnType<typeof evaluate> } | undefined;
const order = items.map((_, i) => i);
for (let epoch = 0; epoch < epochs; epoch++) {
  const te = performance.now();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let errors = 0;
  let labelErrors = 0;
  for (const k of order) {
    const r = trainSentence(moves, groupMoves, labels, items[k]!, enc, epoch === 0 ? 0 : explore, rand, buf, costs);
    errors += r.moveErrors;
    labelErrors += r.labelErrors;
  }
  const model: SparseModel = {
    vocab,
    moves: moves.toSparse(minAbs),
    groupMoves: groupMoves.toSparse(minAbs),
    labels: labels.toSparse(minAbs),
    meta: {},
  };
  const sc = evaluate(model);
  const key = sc.predLas ?? sc.las;
  console.log(
    `epoch ${epoch + 1}: errors ${errors}/${labelErrors}, nnz ${model.moves.cls.length}/${model.groupMoves.cls.length}/${model.labels.cls.length}, dev UAS ${sc.uas.toFixed(2)} LAS ${sc.las.toFixed(2)}` +
      (sc.predUas !== undefined ? ` | predicted tags UAS ${sc.predUas.toFixed(2)} LAS ${sc.predLas!.toFixed(2)}` : '') +
      ` (${((performance.now() - te) / 1000).toFixed(0)} s)`,
  );
  if (!best || key > best.las) {
    best = { las: key, model, epoch: epoch + 1, scores: sc };
    save(best);
  }
}

// Saved after every improving epoch, so a long run can be stopped early and still leave a model.
function save(b: { model: SparseModel; epoch: number; scores: ReturnType<typeof evaluate> }): void {
  const trainingSeconds = Math.round((performance.now() - t0) / 1000);
  const meta = {
    version: 1,
    epochs: b.epoch,
    bits,
    labelBits,
    groupBits,
    grouping: values.grouping,
    clusters: clusters?.size ?? 0,
    minAbs,
    tags: values['train-tags'] ? `jackknifed${values.mix ? ' + gold' : ''}` : values.tags,
    gum: !values['no-gum'],
    trainSentences: train.length,
    devUAS: Number(b.scores.uas.toFixed(2)),
    devLAS: Number(b.scores.las.toFixed(2)),
    ...(b.scores.predUas !== undefined
      ? { devPredUAS: Number(b.scores.predUas.toFixed(2)), devPredLAS: Number(b.scores.predLas!.toFixed(2)) }
      : {}),
    trainingSeconds,
  };
  const bytes = serializeModel({ ...b.model, meta });
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, bytes);
  console.log(`  saved epoch ${b.epoch} to ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB) ${JSON.stringify(meta)}`);
}
