/**
 * Parser throughput (tokens per CPU second, parser alone) on EWT dev with predicted tags and on the
 * Wikinews articles tokenized and tagged beforehand; also the parse stage on the same documents.
 * `--dump FILE` writes every head/deprel, `--compare FILE` checks them against an earlier dump
 * (speed work must not change a single parse).
 *
 *   node --import tsx scripts/bench-parser.ts [--rounds N] [--model FILE] [--dump F] [--compare F]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { createDocument, surface, type Document } from '../src/core/document.ts';
import { tokenizeStage } from '../src/language/tokenize/stage.ts';
import { tagStage } from '../src/language/tagger/stage.ts';
import { parseStage } from '../src/language/parser/stage.ts';
import { DEFAULT_MODEL_PATH, loadParser } from '../src/language/parser/io.ts';
import { readTreebank } from '../src/language/parser/train.ts';
import { predictedTags } from './parser-tags.ts';
import { dataPath } from './data-path.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    model: { type: 'string', default: DEFAULT_MODEL_PATH },
    dump: { type: 'string' },
    compare: { type: 'string' },
  },
});
const rounds = Math.max(1, Number(values.rounds) || 3);

interface Sent {
  forms: string[];
  upos: (string | undefined)[];
  xpos: (string | undefined)[];
}

const dev = readTreebank(dataPath('ud-ewt', 'en_ewt-ud-dev.conllu'));
const devTags = await predictedTags(dev);
const devSents: Sent[] = dev.map((s, i) => ({ forms: s.forms, upos: devTags[i]!.upos, xpos: devTags[i]!.xpos }));
const devGold: Sent[] = dev.map((s) => ({ forms: s.forms, upos: s.upos, xpos: s.xpos }));

const texts: string[] = [];
for (const f of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
  const rows = parse(readFileSync(dataPath('wikinews', f), 'utf8'), { columns: true }) as Record<string, string>[];
  for (const r of rows) texts.push((r.text ?? '').replace(/\r\n?/g, '\n'));
}
const ctx = { options: {} };
const tagged: Document[] = texts.map((text, i) =>
  tagStage.run(tokenizeStage.run(createDocument({ id: `d${i}`, text, meta: { referenceBasis: 'none' } }), ctx), ctx),
);
const wikiSents: Sent[] = [];
for (const d of tagged) {
  for (const s of d.sentences) {
    if (s.tokenStart === undefined || s.tokenEnd === undefined || s.tokenEnd <= s.tokenStart) continue;
    const toks = d.tokens.slice(s.tokenStart, s.tokenEnd);
    wikiSents.push({ forms: toks.map((t) => surface(d, t)), upos: toks.map((t) => t.upos), xpos: toks.map((t) => t.xpos) });
  }
}

const parser = loadParser(values.model);
const count = (ss: Sent[]): number => ss.reduce((a, s) => a + s.forms.length, 0);

function cpuSeconds(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

function bench(ss: Sent[]): number {
  for (const s of ss.slice(0, 300)) parser.parse(s.forms, s.upos, s.xpos);
  const times = Array.from({ length: rounds }, () => cpuSeconds(() => {
    for (const s of ss) parser.parse(s.forms, s.upos, s.xpos);
  }));
  return count(ss) / Math.min(...times);
}

// Parse outputs of every set, for --dump / --compare.
const sets: [string, Sent[]][] = [['ewt-dev-predicted', devSents], ['ewt-dev-gold', devGold], ['wikinews', wikiSents]];
const outputs: Record<string, string[]> = {};
for (const [name, ss] of sets) {
  outputs[name] = ss.map((s) => {
    const r = parser.parse(s.forms, s.upos, s.xpos);
    return r.head.map((h, i) => `${h}:${r.deprel[i]}`).join(' ');
  });
}
if (values.dump) writeFileSync(values.dump, JSON.stringify(outputs));
if (values.compare) {
  const ref = JSON.parse(readFileSync(values.compare, 'utf8')) as Record<string, string[]>;
  let diffs = 0;
  let total = 0;
  for (const [name] of sets) {
    const a = ref[name] ?? [];
    const b = outputs[name]!;
    if (a.length !== b.length) {
      console.log(`${name}: ${a.length} vs ${b.length} sentences`);
      diffs++;
      continue;
    }
    for (let i = 0; i < a.length; i++) {
      total++;
      if (a[i] !== b[i]) {
        if (diffs < 5) console.log(`${name} #${i}:\n  ref ${a[i]}\n  now ${b[i]}`);
        diffs++;
      }
    }
  }
  console.log(diffs === 0 ? `identical parses (${total} sentences)` : `${diffs} sentences differ of ${total}`);
  if (diffs) process.exitCode = 1;
}

const fmt = (x: number): string => `${Math.round(x).toLocaleString('en-US')} tokens/s`;
console.log(`parser alone, tokens per CPU second (best of ${rounds}):`);
console.log(`  EWT dev, predicted tags  ${fmt(bench(devSents))}  (${count(devSents).toLocaleString('en-US')} tokens)`);
console.log(`  Wikinews, our tags       ${fmt(bench(wikiSents))}  (${count(wikiSents).toLocaleString('en-US')} tokens)`);
parseStage.run(tagged[0]!, ctx);
const stageTimes = Array.from({ length: rounds }, () => cpuSeconds(() => {
  for (const d of tagged) parseStage.run(d, ctx);
}));
console.log(`  parse stage on Wikinews  ${fmt(count(wikiSents) / Math.min(...stageTimes))}`);
console.log(`  RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
