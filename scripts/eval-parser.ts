/**
 * UAS/LAS of the shipped parser on UD EWT dev (gold tokenization, CoNLL 2018 definitions), with
 * gold POS tags and, when the tagger is available, with predicted tags; plus parse speed.
 *   node --import tsx scripts/eval-parser.ts [--model FILE] [--tagger DIR] [--json] [--no-speed]
 * `--tagger DIR` takes the predicted tags from a candidate tagger model (DIR/tagger.bin, DIR/lemma.bin)
 * instead of the shipped one.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_PATH, loadParser } from '../src/language/parser/io.ts';
import { readTreebank } from '../src/language/parser/train.ts';
import { addSentence, emptyCounts, percent } from '../src/language/parser/score.ts';
import { predictedTags, type Tags } from './parser-tags.ts';
import { DATA_DIR } from './data-path.ts';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { taggerFromFiles } from '../src/language/tagger/index.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: DEFAULT_MODEL_PATH },
    data: { type: 'string', default: join(DATA_DIR, 'ud-ewt/en_ewt-ud-dev.conllu') },
    json: { type: 'boolean', default: false },
    'no-speed': { type: 'boolean', default: false },
    tagger: { type: 'string' },
  },
});

const tl = performance.now();
const parser = loadParser(values.model);
const loadMs = performance.now() - tl;
const dev = readTreebank(values.data!);

const gold = emptyCounts();
for (const s of dev) addSentence(gold, s, parser.parse(s.forms, s.upos, s.xpos));

let tags: Tags[] | undefined;
let tagError: string | undefined;
try {
  if (values.tagger) {
    const tagger = taggerFromFiles(pathToFileURL(`${values.tagger.replace(/\/$/, '')}/`));
    tags = dev.map((s) => {
      const r = tagger.tag(s.forms);
      return { upos: r.upos, xpos: r.xpos };
    });
  } else tags = await predictedTags(dev);
} catch (e) {
  tagError = (e as Error).message;
}
const pred = emptyCounts();
if (tags) dev.forEach((s, i) => addSentence(pred, s, parser.parse(s.forms, tags![i]!.upos, tags![i]!.xpos)));

// Speed: wall-clock and CPU time (the CPU figure is the fairer one on a loaded, shared machine).
let tokensPerSecond: number | undefined;
let tokensPerCpuSecond: number | undefined;
if (!values['no-speed']) {
  const words = dev.reduce((a, s) => a + s.forms.length, 0);
  for (const s of dev.slice(0, 500)) parser.parse(s.forms, s.upos, s.xpos);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const rounds = 3;
  for (let r = 0; r < rounds; r++) for (const s of dev) parser.parse(s.forms, s.upos, s.xpos);
  const cpu = process.cpuUsage(c0);
  tokensPerSecond = Math.round((rounds * words) / ((performance.now() - t0) / 1000));
  tokensPerCpuSecond = Math.round((rounds * words) / ((cpu.user + cpu.system) / 1e6));
}

const result = {
  words: gold.words,
  goldPos: { uas: round(percent(gold.uas, gold.words)), las: round(percent(gold.las, gold.words)), lasFullLabel: round(percent(gold.lasFull, gold.words)) },
  ...(tags
    ? { predictedPos: { uas: round(percent(pred.uas, pred.words)), las: round(percent(pred.las, pred.words)), lasFullLabel: round(percent(pred.lasFull, pred.words)) } }
    : {}),
  ...(tokensPerSecond !== undefined ? { parseTokensPerSecond: tokensPerSecond, parseTokensPerCpuSecond: tokensPerCpuSecond } : {}),
  modelLoadMs: Math.round(loadMs),
  modelInfo: parser.meta,
  rssMB: Math.round(process.memoryUsage().rss / 1e6),
};

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`EWT dev, ${result.words} words (gold tokenization; CoNLL 2018 UAS/LAS)`);
  console.log(`  gold POS:      UAS ${result.goldPos.uas.toFixed(2)}  LAS ${result.goldPos.las.toFixed(2)}  (full-label LAS ${result.goldPos.lasFullLabel.toFixed(2)})`);
  if (result.predictedPos) {
    console.log(`  predicted POS: UAS ${result.predictedPos.uas.toFixed(2)}  LAS ${result.predictedPos.las.toFixed(2)}  (full-label LAS ${result.predictedPos.lasFullLabel.toFixed(2)})`);
  } else console.log(`  predicted POS: unavailable (${tagError})`);
  if (tokensPerSecond !== undefined) {
    console.log(`  parse speed: ${tokensPerSecond} tokens/s wall, ${tokensPerCpuSecond} tokens per CPU second (one thread, gold tags)`);
  }
  console.log(`  model load ${result.modelLoadMs} ms, RSS ${result.rssMB} MB`);
}
