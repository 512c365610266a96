/**
 * Jackknifed POS tags for parser training: the parser's training sentences (EWT train + GUM train,
 * in the order scripts/train-parser.ts reads them) are split into K folds; each fold is tagged by a
 * first-pass tagger trained on the other folds with the tagger's own training code. The parser then
 * learns from tags as noisy as those it meets at analysis time. Training only.
 *   node --import tsx scripts/parser-jackknife.ts [--folds 5] [--epochs 8] [--out FILE.conllu]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatConllu, parseConllu, type ConlluSentence } from '../src/language/conllu.ts';
import { readFileSync } from 'node:fs';
import type { Lexicon } from '../src/language/tagger/features.ts';
import { TaggerCore } from '../src/language/tagger/model.ts';
import {
  addExternalClasses,
  buildAmbiguity,
  buildTagdict,
  buildWordInfo,
  partsFrom,
  trainPass,
  winkLexiconClasses,
  type TrainSentence,
} from '../src/language/tagger/train.ts';
import { loadRawText } from '../src/language/tagger/raw-text.ts';
import { DATA_DIR } from './data-path.ts';

const DATA = DATA_DIR;
const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    epochs: { type: 'string', default: '8' },
    out: { type: 'string', default: '/tmp/parser-jackknife-train.conllu' },
  },
});
const folds = Number(values.folds);
const epochs = Number(values.epochs);
const t0 = performance.now();
const log = (m: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)} s] ${m}`);

const read = (p: string): ConlluSentence[] => parseConllu(readFileSync(p, 'utf8')).filter((s) => s.tokens.length > 0);
const raw = [...read(`${DATA}/ud-ewt/en_ewt-ud-train.conllu`), ...read(`${DATA}/gum/gum-train.conllu`)];

const key = (t: { upos: string; xpos: string }): string => `${t.upos}\t${t.xpos}`;
const counts = new Map<string, number>();
for (const s of raw) for (const t of s.tokens) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
const tags = [...counts].sort((a, b) => b[1] - a[1]).map(([t]) => t);
const tagId = new Map(tags.map((t, k) => [t, k]));
const sents: TrainSentence[] = raw.map((s) => ({
  words: s.tokens.map((t) => t.form),
  tags: Int32Array.from(s.tokens.map((t) => tagId.get(key(t))!)),
}));

const wordInfo = buildWordInfo(sents.map((s) => s.words).concat(loadRawText(DATA)));
addExternalClasses(wordInfo, await winkLexiconClasses());

let right = 0;
let total = 0;
for (let f = 0; f < folds; f++) {
  const inFold = (k: number): boolean => k % folds === f;
  const rest = sents.filter((_, k) => !inFold(k));
  // Dictionaries from the training folds only, so the held-out fold is truly unseen.
  const tagdict = buildTagdict(rest, 20, 0.995);
  const lexicon: Lexicon = { clusters: new Map(), ambiguity: buildAmbiguity(rest, (t) => tags[t]!, 3, 0.05), wordInfo };
  const model = trainPass(rest, tags.length, lexicon, tagdict, { epochs, seed: 100 + f });
  const core = new TaggerCore(partsFrom(tags, lexicon, tagdict, model, null));
  sents.forEach((s, k) => {
    if (!inFold(k)) return;
    const ids = core.tagIds(s.words);
    raw[k]!.tokens.forEach((t, i) => {
      const [upos, xpos] = tags[ids[i]!]!.split('\t') as [string, string];
      total++;
      if (upos === t.upos && xpos === t.xpos) right++;
      t.upos = upos;
      t.xpos = xpos;
    });
  });
  log(`fold ${f + 1}/${folds}: running joint tag accuracy ${((100 * right) / total).toFixed(2)}`);
}
writeFileSync(values.out!, formatConllu(raw));
log(`wrote ${values.out} (${raw.length} sentences, joint tag accuracy ${((100 * right) / total).toFixed(2)})`);
