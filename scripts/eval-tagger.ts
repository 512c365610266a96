/**
 * Evaluate the shipped tagger and lemmatizer on UD English-EWT dev with gold tokenization:
 * UPOS, XPOS and lemma accuracy, tagging speed, and wink-nlp's UPOS accuracy on the same
 * sentences as a reference (wink tokenizes each gold sentence's text itself; each gold token is
 * scored with the wink token starting at the same character, else the first one overlapping it).
 *
 *   node --import tsx scripts/eval-tagger.ts [--no-wink] [--json] [--model DIR [--file tagger.bin]]
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu } from '../src/language/conllu.ts';
import { loadTagger, taggerFromFiles } from '../src/language/tagger/index.ts';
import { pathToFileURL } from 'node:url';
import { mapSpans, wordSpans } from '../src/language/tagger/align.ts';
import { loadLemmatizer } from '../src/language/lemma/index.ts';
import { DATA_DIR } from './data-path.ts';

const args = process.argv.slice(2);
const DATA = DATA_DIR;
const dev = parseConllu(readFileSync(join(DATA, 'ud-ewt/en_ewt-ud-dev.conllu'), 'utf8')).filter((s) => s.tokens.length);
const train = parseConllu(readFileSync(join(DATA, 'ud-ewt/en_ewt-ud-train.conllu'), 'utf8'));
const trainVocab = new Set(train.flatMap((s) => s.tokens.map((t) => t.form)));

const loadStart = performance.now();
const modelArg = args.indexOf('--model');
const fileArg = args.indexOf('--file');
const modelFile = fileArg >= 0 ? (args[fileArg + 1] ?? 'tagger.bin') : 'tagger.bin';
const tagger =
  modelArg >= 0 ? taggerFromFiles(pathToFileURL(`${args[modelArg + 1]!.replace(/\/$/, '')}/`), modelFile) : loadTagger();
const loadMs = performance.now() - loadStart;

let total = 0;
let upos = 0;
let xpos = 0;
let lemma = 0;
let lemmaGoldTags = 0;
const lemmatizer = loadLemmatizer();
let oov = 0;
let oovUpos = 0;
const confusion = new Map<string, number>();
const sentences = dev.map((s) => s.tokens.map((t) => t.form));
for (const s of dev) {
  const r = tagger.tag(s.tokens.map((t) => t.form));
  s.tokens.forEach((t, i) => {
    total++;
    if (r.upos[i] === t.upos) upos++;
    else confusion.set(`${t.upos}→${r.upos[i]}`, (confusion.get(`${t.upos}→${r.upos[i]}`) ?? 0) + 1);
    if (r.xpos[i] === t.xpos) xpos++;
    if (r.lemma[i] === t.lemma) lemma++;
    if (lemmatizer.lemma(t.form, t.upos, t.xpos) === t.lemma) lemmaGoldTags++;
    if (!trainVocab.has(t.form)) {
      oov++;
      if (r.upos[i] === t.upos) oovUpos++;
    }
  });
}

// Speed: tag + lemmatize every dev sentence several times after a warm-up pass.
for (const words of sentences) tagger.tag(words);
// CPU time rather than wall time: the machine is shared, and waiting for a core is not our cost.
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const reps = 5;
const t0 = performance.now();
const c0 = cpuSeconds();
for (let k = 0; k < reps; k++) for (const words of sentences) tagger.tag(words);
const seconds = cpuSeconds() - c0;
const wallSeconds = (performance.now() - t0) / 1000;
const tokensPerSecond = (total * reps) / seconds;

const pct = (a: number, b: number): string => ((100 * a) / b).toFixed(2);
const results: Record<string, unknown> = {
  tokens: total,
  upos: Number(pct(upos, total)),
  xpos: Number(pct(xpos, total)),
  lemma: Number(pct(lemma, total)),
  lemmaGoldTags: Number(pct(lemmaGoldTags, total)),
  oovTokens: oov,
  oovUpos: Number(pct(oovUpos, oov)),
  tokensPerSecond: Math.round(tokensPerSecond),
  loadMs: Math.round(loadMs),
};
console.log(`EWT dev, gold tokens: ${total}`);
console.log(`UPOS ${pct(upos, total)}  XPOS ${pct(xpos, total)}  lemma ${pct(lemma, total)} (with gold tags ${pct(lemmaGoldTags, total)})  (OOV ${oov} tokens: UPOS ${pct(oovUpos, oov)})`);
console.log(
  `speed: ${Math.round(tokensPerSecond).toLocaleString('en')} tokens per CPU-second (wall: ${Math.round((total * reps) / wallSeconds).toLocaleString('en')} tokens/s; tag + lemma, one thread), model load ${loadMs.toFixed(0)} ms`,
);
console.log(
  `top UPOS confusions (gold→pred): ${[...confusion].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ')}`,
);

if (!args.includes('--no-wink')) {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  let wTotal = 0;
  let wOk = 0;
  let skipped = 0;
  let winkTokens = 0;
  const w0 = cpuSeconds();
  const winkOut: { values: string[]; pos: string[] }[] = dev.map((s) => {
    const doc = nlp.readDoc(s.text ?? s.tokens.map((t) => t.form).join(' '));
    const values = doc.tokens().out(its.value) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    winkTokens += values.length;
    return { values, pos };
  });
  const winkSeconds = cpuSeconds() - w0;
  dev.forEach((s, k) => {
    const text = s.text ?? s.tokens.map((t) => t.form).join(' ');
    const gold = wordSpans(text, s.tokens.map((t) => t.form));
    const pred = wordSpans(text, winkOut[k]!.values) ?? looseSpans(text, winkOut[k]!.values);
    if (!gold) {
      skipped++;
      return;
    }
    const map = mapSpans(gold, pred);
    s.tokens.forEach((t, i) => {
      wTotal++;
      const j = map[i]!;
      if (j >= 0 && winkOut[k]!.pos[j] === t.upos) wOk++;
    });
  });
  results.winkUpos = Number(pct(wOk, wTotal));
  results.winkTokensPerSecond = Math.round(winkTokens / winkSeconds);
  console.log(
    `wink-nlp (wink-eng-lite-web-model) UPOS ${pct(wOk, wTotal)} on ${wTotal} gold tokens (${skipped} sentences whose gold words do not spell their text skipped); wink readDoc speed ${Math.round(winkTokens / winkSeconds).toLocaleString('en')} tokens per CPU-second (one sentence per call)`,
  );
}

// Tokenize + tag through the pipeline stages on realistic news text (Wikinews articles).
{
  const { parse } = await import('csv-parse/sync');
  const { createDocument } = await import('../src/core/document.ts');
  const { tokenizeStage } = await import('../src/language/tokenize/stage.ts');
  const { tagStage } = await import('../src/language/tagger/stage.ts');
  const rows = parse(readFileSync(join(DATA, 'wikinews/wikinews_2019.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const docs = rows.map((r, k) => createDocument({ id: `w${k}`, text: r.text ?? '', meta: { referenceBasis: 'none' } }));
  const ctx = { options: {} };
  for (const d of docs.slice(0, 20)) tagStage.run(tokenizeStage.run(d, ctx), ctx);
  let tokens = 0;
  let tokSeconds = 0;
  let tagSeconds = 0;
  for (const d of docs) {
    const c0 = cpuSeconds();
    const t = tokenizeStage.run(d, ctx);
    const c1 = cpuSeconds();
    tagStage.run(t, ctx);
    tokSeconds += c1 - c0;
    tagSeconds += cpuSeconds() - c1;
    tokens += t.tokens.length;
  }
  results.newsTokens = tokens;
  results.newsTokenizeTagPerSecond = Math.round(tokens / (tokSeconds + tagSeconds));
  console.log(
    `Wikinews 2019 (${docs.length} articles, ${tokens} tokens) through tokenizeStage + tagStage: ${Math.round(tokens / (tokSeconds + tagSeconds)).toLocaleString('en')} tokens per CPU-second (tokenize ${Math.round(tokens / tokSeconds).toLocaleString('en')}/s, tag stage ${Math.round(tokens / tagSeconds).toLocaleString('en')}/s)`,
  );
}

if (args.includes('--json')) console.log(JSON.stringify(results));

/** Sequential indexOf alignment for token values that do not spell the text exactly. */
function looseSpans(text: string, values: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let p = 0;
  for (const v of values) {
    const at = text.indexOf(v, p);
    if (at < 0) {
      out.push({ start: p, end: p });
      continue;
    }
    out.push({ start: at, end: at + v.length });
    p = at + v.length;
  }
  return out;
}
