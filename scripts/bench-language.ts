/**
 * Language-core throughput: tokenize, +tag, +parse over the Wikinews articles (tokens/s of CPU
 * time), with wink-nlp's tokenize+POS on the same text in the same process as the reference ratio.
 *
 *   node --import tsx scripts/bench-language.ts [--rounds N]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { createDocument, type Document } from '../src/core/document.ts';
import { tokenizeStage } from '../src/language/tokenize/stage.ts';
import { tagStage } from '../src/language/tagger/stage.ts';
import { parseStage } from '../src/language/parser/stage.ts';
import { dataPath } from './data-path.ts';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 3) || 3;

const texts: string[] = [];
for (const f of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
  const rows = parse(readFileSync(dataPath('wikinews', f), 'utf8'), { columns: true }) as Record<string, string>[];
  for (const r of rows) texts.push((r.text ?? '').replace(/\r\n?/g, '\n'));
}
const ctx = { options: {} };
const base: Document[] = texts.map((text, i) => createDocument({ id: `d${i}`, text, meta: { referenceBasis: 'none' } }));

function cpu<T>(fn: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const out = fn();
  const c = process.cpuUsage(c0);
  return [out, (c.user + c.system) / 1e6];
}
const best = (fn: () => number): number => Math.min(...Array.from({ length: rounds }, fn));

// Warm up every stage (model loading is not throughput).
const warm = parseStage.run(tagStage.run(tokenizeStage.run(base[0]!, ctx), ctx), ctx);
void warm;

const tokenized = base.map((d) => tokenizeStage.run(d, ctx));
const tokens = tokenized.reduce((n, d) => n + d.tokens.length, 0);
const tTok = best(() => cpu(() => base.forEach((d) => tokenizeStage.run(d, ctx)))[1]);
const tagged = tokenized.map((d) => tagStage.run(d, ctx));
const tTag = best(() => cpu(() => tokenized.forEach((d) => tagStage.run(d, ctx)))[1]);
const tParse = best(() => cpu(() => tagged.forEach((d) => parseStage.run(d, ctx)))[1]);
const total = tTok + tTag + tParse;

// wink-nlp: tokenize + POS on the same texts.
const winkNLP = require('wink-nlp') as (model: unknown) => { readDoc(t: string): { tokens(): { out(f?: unknown): string[] } } ; its: { pos: unknown } };
const model = require('wink-eng-lite-web-model') as unknown;
const nlp = winkNLP(model);
nlp.readDoc(texts[0]!).tokens().out(nlp.its.pos);
let winkTokens = 0;
const tWink = best(() =>
  cpu(() => {
    winkTokens = 0;
    for (const t of texts) winkTokens += nlp.readDoc(t).tokens().out(nlp.its.pos).length;
  })[1],
);

const rate = (n: number, s: number): string => `${Math.round(n / s).toLocaleString('en-US')} tokens/s`;
const rss = process.memoryUsage().rss / 2 ** 20;
console.log(`language core on ${texts.length} Wikinews articles, ${tokens.toLocaleString('en-US')} tokens (best of ${rounds}, CPU time, one core)`);
console.log(`  tokenize                 ${rate(tokens, tTok)}`);
console.log(`  tag (UPOS/XPOS/lemma)    ${rate(tokens, tTag)}`);
console.log(`  parse                    ${rate(tokens, tParse)}`);
console.log(`  tokenize+tag+parse       ${rate(tokens, total)}`);
console.log(`  wink-nlp tokenize+POS    ${rate(winkTokens, tWink)}  (reference, same texts, same process)`);
console.log(`  ratio dateline full / wink tokenize+POS: ${((tokens / total) / (winkTokens / tWink)).toFixed(2)}`);
console.log(`  RSS ${rss.toFixed(0)} MB`);
