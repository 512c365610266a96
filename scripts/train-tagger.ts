/**
 * Train the POS tagger (joint UPOS+XPOS averaged perceptron, two greedy passes) and the lemmatizer.
 *
 *   node --import tsx scripts/train-tagger.ts [--out src/language/tagger/model] [--no-save]
 *        [--epochs 8] [--no-pass2] [--full-first] [--folds 5] [--min-weight 0.5]
 *        [--no-gum] [--no-gum-dev] [--clusters] [--no-wink-lexicon]
 *        [--dict-min 20] [--dict-purity 0.995] [--save-pass1-too] [--holdout K] [--dom-tags [--dom-min 5]]
 *        [--clause-features]
 *
 * Defaults are the shipped configuration. Reads ../shared/data (override with DATELINE_DATA);
 * evaluates on EWT dev after every epoch (dev is never used for training).
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu, type ConlluSentence } from '../src/language/conllu.ts';
import type { Lexicon } from '../src/language/tagger/features.ts';
import type { LinearModelData } from '../src/language/tagger/linear.ts';
import { encodeTagger, TaggerCore } from '../src/language/tagger/model.ts';
import {
  buildAmbiguity,
  buildTagdict,
  buildWordInfo,
  addExternalClasses,
  addDominantTags,
  winkLexiconClasses,
  evaluate,
  partsFrom,
  trainPass,
  type GoldSentence,
  type TrainSentence,
} from '../src/language/tagger/train.ts';
import { buildClusters } from '../src/language/tagger/clusters.ts';
import { loadRawText } from '../src/language/tagger/raw-text.ts';
import { encodeLemmatizer, trainLemmatizer, Lemmatizer, decodeLemmatizer } from '../src/language/lemma/index.ts';
import { DATA_DIR } from './data-path.ts';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string, dflt: string): string => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] !== undefined ? args[k + 1]! : dflt;
};

const DATA = DATA_DIR;
const useGum = !flag('--no-gum');
const epochs = Number(option('--epochs', '8'));
const usePass2 = !flag('--no-pass2');
const folds = Number(option('--folds', '5'));
const useClusters = flag('--clusters');
const outDir = option('--out', 'src/language/tagger/model');
const minWeight = Number(option('--min-weight', '0.5'));
const save = !flag('--no-save');
// Auxiliary-window / clause-state templates (see FeatureExtractor); off in the shipped model.
const clauseFeatures = flag('--clause-features');
const coreInfo = { clauseFeatures };
// The first pass uses a small context set: it only guesses right-context tags for pass two.
const liteFirst = usePass2 && !flag('--full-first');

const t0 = performance.now();
const log = (msg: string): void => {
  console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
};

function read(path: string): ConlluSentence[] {
  return parseConllu(readFileSync(path, 'utf8'));
}

const ewtTrain = read(join(DATA, 'ud-ewt/en_ewt-ud-train.conllu'));
const gumTrain = [
  ...(useGum ? read(join(DATA, 'gum/gum-train.conllu')) : []),
  ...(useGum && !flag('--no-gum-dev') ? read(join(DATA, 'gum/gum-dev.conllu')) : []),
];
const ewtDev = read(join(DATA, 'ud-ewt/en_ewt-ud-dev.conllu'));
// --holdout K: every K-th EWT train sentence is held out and used instead of EWT dev for all
// scores, so feature and setting choices can be made without looking at dev.
const holdout = Number(option('--holdout', '0'));
const heldOut = holdout > 0 ? ewtTrain.filter((_, k) => k % holdout === 0) : [];
const ewtTrainUsed = holdout > 0 ? ewtTrain.filter((_, k) => k % holdout !== 0) : ewtTrain;
const trainRaw = [...ewtTrainUsed, ...gumTrain].filter((s) => s.tokens.length > 0);
log(
  `train ${trainRaw.length} sentences (EWT ${ewtTrainUsed.length}, GUM ${gumTrain.length}); ${holdout > 0 ? `held-out EWT train ${heldOut.length}` : `dev ${ewtDev.length}`}`,
);

// Joint tag inventory, most frequent first. (--upos-only is an experiment switch: UPOS classes only.)
const uposOnly = flag('--upos-only');
const key = (t: { upos: string; xpos: string }): string => `${t.upos}\t${uposOnly ? '_' : t.xpos}`;
const tagCounts = new Map<string, number>();
for (const s of trainRaw) for (const t of s.tokens) tagCounts.set(key(t), (tagCounts.get(key(t)) ?? 0) + 1);
const tags = [...tagCounts].sort((a, b) => b[1] - a[1]).map(([t]) => t);
const tagId = new Map(tags.map((t, k) => [t, k]));
log(`${tags.length} joint tags`);

const train: TrainSentence[] = trainRaw.map((s) => ({
  words: s.tokens.map((t) => t.form),
  tags: Int32Array.from(s.tokens.map((t) => tagId.get(key(t))!)),
}));
const dev: GoldSentence[] = (holdout > 0 ? heldOut : ewtDev).filter((s) => s.tokens.length > 0).map((s) => ({
  words: s.tokens.map((t) => t.form),
  upos: s.tokens.map((t) => t.upos),
  xpos: s.tokens.map((t) => t.xpos),
}));

const tagdict = buildTagdict(train, Number(option('--dict-min', '20')), Number(option('--dict-purity', '0.995')));
const ambiguity = buildAmbiguity(train, (t) => tags[t]!, 3, 0.05);
const allText = rawTextSentences();
let clusters: Lexicon['clusters'] = new Map();
if (useClusters) {
  clusters = buildClusters(allText, { log });
}
const wordInfo = buildWordInfo(allText);
if (!flag('--no-wink-lexicon')) addExternalClasses(wordInfo, await winkLexiconClasses());
if (flag('--dom-tags')) addDominantTags(wordInfo, train, Number(option('--dom-min', '5')));
const lexicon: Lexicon = { clusters, ambiguity, wordInfo };
log(`tagdict ${tagdict.size}, ambiguity classes ${ambiguity.size}, clustered words ${clusters.size}`);

function rawTextSentences(): string[][] {
  // Training sentences plus unlabelled news text; EWT/GUM dev stay out entirely for honest figures.
  const out: string[][] = trainRaw.map((s) => s.tokens.map((t) => t.form));
  out.push(...loadRawText(DATA));
  return out;
}

const evalEpoch =
  (label: string, pass1ForPass2: LinearModelData | null) =>
  (epoch: number, model: LinearModelData, trainAcc: number): void => {
    const parts = pass1ForPass2
      ? partsFrom(tags, lexicon, tagdict, pass1ForPass2, model, liteFirst, coreInfo)
      : partsFrom(tags, lexicon, tagdict, model, null, liteFirst, coreInfo);
    const r = evaluate(new TaggerCore(parts), dev);
    log(
      `${label} epoch ${epoch}: train ${(trainAcc * 100).toFixed(2)} | dev UPOS ${(r.upos * 100).toFixed(2)} XPOS ${(r.xpos * 100).toFixed(2)} joint ${(r.joint * 100).toFixed(2)} | features ${model.keys.length}`,
    );
  };

const pass1 = trainPass(train, tags.length, lexicon, tagdict, {
  epochs,
  seed: 1,
  minWeight,
  lite: liteFirst,
  tagNames: tags,
  clauseFeatures,
  onEpoch: evalEpoch('pass1', null),
});

let pass2: LinearModelData | null = null;
if (usePass2) {
  // Jackknifed first-pass predictions, so the second pass learns how far to trust them.
  const right: Int32Array[] = new Array(train.length);
  for (let f = 0; f < folds; f++) {
    const inFold = (k: number): boolean => k % folds === f;
    const trainIdx = train.map((_, k) => k).filter((k) => !inFold(k));
    const m = trainPass(
      trainIdx.map((k) => train[k]!),
      tags.length,
      lexicon,
      tagdict,
      { epochs, seed: 10 + f, lite: liteFirst, tagNames: tags, clauseFeatures },
    );
    const core = new TaggerCore(partsFrom(tags, lexicon, tagdict, m, null, liteFirst, coreInfo));
    train.forEach((s, k) => {
      if (inFold(k)) right[k] = core.tagIds(s.words);
    });
    log(`jackknife fold ${f + 1}/${folds} done`);
  }
  pass2 = trainPass(train, tags.length, lexicon, tagdict, {
    epochs,
    seed: 2,
    right,
    minWeight,
    tagNames: tags,
    clauseFeatures,
    onEpoch: evalEpoch('pass2', pass1),
  });
}
const trainSeconds = (performance.now() - t0) / 1000;

const core = new TaggerCore(partsFrom(tags, lexicon, tagdict, pass1, pass2, liteFirst, coreInfo));
const final = evaluate(core, dev);
log(`final dev UPOS ${(final.upos * 100).toFixed(2)} XPOS ${(final.xpos * 100).toFixed(2)}`);

// Lemmatizer: trained on gold (form, UPOS, XPOS, lemma); evaluated with predicted tags.
const lemmaTrain = trainRaw.flatMap((s) => s.tokens.map((t) => ({ form: t.form, upos: t.upos, xpos: t.xpos, lemma: t.lemma })));
const lemmaData = trainLemmatizer(lemmaTrain);
const lemmatizer = new Lemmatizer(decodeLemmatizer(encodeLemmatizer(lemmaData)));
let lemmaOk = 0;
let lemmaTotal = 0;
for (const s of holdout > 0 ? heldOut : ewtDev) {
  const words = s.tokens.map((t) => t.form);
  const ids = core.tagIds(words);
  s.tokens.forEach((t, i) => {
    const p = ids[i]!;
    lemmaTotal++;
    if (lemmatizer.lemma(t.form, core.upos[p]!, core.xpos[p]!) === t.lemma) lemmaOk++;
  });
}
log(`lemma accuracy (predicted tags) ${((lemmaOk / lemmaTotal) * 100).toFixed(2)}`);

if (save) {
  mkdirSync(outDir, { recursive: true });
  const info = {
    version: option('--version', '1'),
    trained: new Date().toISOString().slice(0, 10),
    data: `UD_English-EWT train${useGum ? ' + GUM train' : ''}${useGum && !flag('--no-gum-dev') ? ' + GUM dev' : ''}`,
    epochs,
    pass2: usePass2,
    pass1Lite: liteFirst,
    folds,
    clusters: useClusters,
    minWeight,
    winkLexicon: !flag('--no-wink-lexicon'),
    clauseFeatures,
    domTags: flag('--dom-tags'),
    devUpos: final.upos,
    devXpos: final.xpos,
    devLemma: lemmaOk / lemmaTotal,
    trainSeconds,
  };
  const bytes = encodeTagger({ tags, lexicon, tagdict, pass1, pass2, pass1Lite: liteFirst, info });
  writeFileSync(join(outDir, 'tagger.bin'), bytes);
  if (pass2 && flag('--save-pass1-too')) {
    const p1 = evaluate(new TaggerCore(partsFrom(tags, lexicon, tagdict, pass1, null, liteFirst, coreInfo)), dev);
    writeFileSync(
      join(outDir, 'tagger-pass1.bin'),
      encodeTagger({ tags, lexicon, tagdict, pass1, pass2: null, pass1Lite: liteFirst, info: { ...info, pass2: false, devUpos: p1.upos, devXpos: p1.xpos } }),
    );
  }
  const lemmaBytes = encodeLemmatizer(lemmaData);
  writeFileSync(join(outDir, 'lemma.bin'), lemmaBytes);
  log(`saved tagger.bin (${(bytes.length / 1e6).toFixed(2)} MB), lemma.bin (${(lemmaBytes.length / 1e6).toFixed(2)} MB)`);
}
log(`training time ${trainSeconds.toFixed(0)} s`);

