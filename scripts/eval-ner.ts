/**
 * Evaluates the committed NER model: exact-span P/R/F1 for PER/ORG/LOC on UNER-EWT dev and on
 * the held-out MEANTIME split (see meantimeSplit), sentence-level and with the document pass,
 * plus measured throughput.
 *
 *   node --import tsx scripts/eval-ner.ts [--model FILE] [--clusters FILE] [--errors 40] [--doc-errors] [--tune] [--error-set uner|meantime] [--pos] [--data DIR]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_FILE, loadNerResources, readClusters } from '../src/entities/ner/index.ts';
import { RuntimeModel } from '../src/entities/ner/model.ts';
import { createRecognizer, type NerMention } from '../src/entities/ner/recognizer.ts';
import { meantimeSplit, readMeantime, readUnerCoarse, coarse, type CoarseSpan } from '../src/entities/ner/corpora.ts';
import { emptyScores, formatScores, scoreSentence, type Scores } from '../src/entities/ner/score.ts';
import { loadUposTagger, type UposTagger } from './ner-pos.ts';
import { DATA_DIR } from './data-path.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const dataDir = arg('--data', DATA_DIR);
const modelFile = arg('--model', MODEL_FILE);
const showErrors = Number(arg('--errors', '0'));

const clustersFile = arg('--clusters', '');
const res = clustersFile ? { ...loadNerResources(), clusters: readClusters(clustersFile) } : loadNerResources();
const gaz = res.gaz;
const model = RuntimeModel.deserialize(readFileSync(modelFile));
const ner = createRecognizer(model, res);
const tagger: UposTagger | null = model.meta.usesPos || process.argv.includes('--pos') ? await loadUposTagger() : null;

interface EvalDoc {
  sentences: { words: string[]; gold: CoarseSpan[] }[];
}

function group(rows: { words: string[]; doc: string; gold: CoarseSpan[] }[]): EvalDoc[] {
  const docs: EvalDoc[] = [];
  let last: string | null = null;
  for (const r of rows) {
    if (r.doc !== last || docs.length === 0) docs.push({ sentences: [] });
    docs[docs.length - 1]!.sentences.push({ words: r.words, gold: r.gold });
    last = r.doc;
  }
  return docs;
}

const errors: string[] = [];
/** Reliability of confidences: per bucket, [spans, exactly right]. */
const reliability = new Map<number, [number, number]>();
function evaluate(docs: EvalDoc[], docLevel: boolean, collect: boolean): Scores {
  const s = emptyScores();
  for (const d of docs) {
    const words = d.sentences.map((x) => x.words);
    const upos = tagger ? words.map((w) => tagger(w)) : undefined;
    const pred: NerMention[][] = docLevel
      ? ner.recognizeDocument(words, upos)
      : words.map((w, i) => ner.recognize(w, upos?.[i]));
    d.sentences.forEach((x, i) => {
      scoreSentence(s, pred[i]!, x.gold);
      if (!docLevel) {
        const gold = new Set(x.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
        for (const p of pred[i]!) {
          const c = coarse(p.type);
          if (!c) continue;
          const bucket = Math.min(9, Math.floor(p.confidence * 10));
          const r = reliability.get(bucket) ?? [0, 0];
          r[0]++;
          if (gold.has(`${p.start}:${p.end}:${c}`)) r[1]++;
          reliability.set(bucket, r);
        }
      }
      if (collect && docLevel === errorsAtDocLevel && errors.length < showErrors) {
        const g = x.gold.map((y) => `${x.words.slice(y.start, y.end).join(' ')}/${y.type}`).sort();
        const p = pred[i]!
          .filter((y) => coarse(y.type))
          .map((y) => `${x.words.slice(y.start, y.end).join(' ')}/${coarse(y.type)}`)
          .sort();
        if (g.join('|') !== p.join('|')) errors.push(`${x.words.join(' ')}\n  gold: ${g.join(', ')}\n  pred: ${p.join(', ')}`);
      }
    });
  }
  return s;
}

// --tune: score the tuning split of UNER-EWT train (every 10th document, as train-ner.ts holds
// out) instead of dev, for choices that must not look at dev.
const useTune = process.argv.includes('--tune');
const uner = group(
  useTune
    ? (() => {
        const rows = readUnerCoarse(join(dataDir, 'uner-ewt/en_ewt-ud-train.iob2'));
        const docIndex = new Map<string, number>();
        for (const s of rows) if (!docIndex.has(s.doc)) docIndex.set(s.doc, docIndex.size);
        return rows.filter((s) => docIndex.get(s.doc)! % 10 === 9);
      })()
    : readUnerCoarse(join(dataDir, 'uner-ewt/en_ewt-ud-dev.iob2')),
);
const unerName = useTune ? 'UNER-EWT tuning split' : 'UNER-EWT dev';
const mt = readMeantime(meantimeSplit(join(dataDir, 'meantime')).test, gaz, res.common).map((d) => ({
  sentences: d.sentences.map((s) => ({ words: s.words, gold: s.gold })),
}));

console.log(`model ${modelFile}: version ${model.meta.version}, trained ${model.meta.trainedAt ?? '?'}, POS ${model.meta.usesPos}`);
console.log('| set | type | P | R | F1 | gold |\n|---|---|---|---|---|---|');
const errorSet = arg('--error-set', 'uner');
const errorsAtDocLevel = process.argv.includes('--doc-errors');
console.log(formatScores(`${unerName}, sentence`, evaluate(uner, false, errorSet === 'uner')));
console.log(formatScores(`${unerName}, document pass`, evaluate(uner, true, errorSet === 'uner')));
console.log(formatScores('MEANTIME held-out, sentence', evaluate(mt, false, errorSet === 'meantime')));
console.log(formatScores('MEANTIME held-out, document pass', evaluate(mt, true, errorSet === 'meantime')));

console.log('\nconfidence calibration (UNER-EWT dev + MEANTIME held-out, sentence level, PER/ORG/LOC spans):');
console.log('| confidence | spans | exactly right |\n|---|---|---|');
for (const [b, [n, ok]] of [...reliability].sort((x, y) => x[0] - y[0])) {
  console.log(`| ${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)} | ${n} | ${((ok / n) * 100).toFixed(0)}% |`);
}

// Throughput: sentence-level recognize (features + Viterbi + confidences), tokens per second.
const sents = [...uner, ...mt].flatMap((d) => d.sentences.map((s) => s.words));
const ntok = sents.reduce((a, s) => a + s.length, 0);
for (const s of sents) ner.recognize(s);
let reps = 0;
const c0 = process.cpuUsage();
const t0 = performance.now();
while (performance.now() - t0 < 4000) {
  for (const s of sents) ner.recognize(s);
  reps++;
}
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
const rate = (x: number): string => Math.round((reps * ntok) / x).toLocaleString('en-US');
console.log(
  `\nspeed: ${rate(cpuSecs)} tokens per CPU-second, ${rate(secs)} tokens per wall-clock second ` +
    `(sentence-level recognize incl. features and confidences, ${ntok} tokens x ${reps}, one thread, no POS; ` +
    `wall-clock depends on machine load)`,
);
if (errors.length) console.log(`\n${errorSet} errors:\n` + errors.join('\n'));
