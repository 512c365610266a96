/**
 * Benchmark the time stage alone: words per second over the Wikinews articles, tokenized beforehand
 * so only `timeStage.run` is timed.
 *
 *   node --import tsx scripts/bench-time.ts [--rounds N] [--json]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createDocument, type Document } from '../src/core/document.ts';
import { tokenizeStage } from '../src/language/tokenize/stage.ts';
import { timeStage } from '../src/time/stage.ts';
import { DATA_DIR } from './data-path.ts';

const args = process.argv.slice(2);
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 5;
const files = [`${DATA_DIR}/wikinews/wikinews_2019.csv`, `${DATA_DIR}/wikinews/wikinews_2020.csv`];

const docs: Document[] = [];
let words = 0;
for (const file of files) {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  for (const row of rows) {
    const text = (row.text ?? '').replace(/\r\n?/g, '\n');
    const doc = createDocument({
      id: row.url ?? String(docs.length),
      text,
      meta: { referenceDate: row.date, referenceBasis: 'published' },
    });
    const tokenized = tokenizeStage.run(doc, { options: {} });
    words += (text.match(/\S+/g) ?? []).length;
    docs.push(tokenized);
  }
}

const ctx = { options: {} };
let timexes = 0;
for (const doc of docs) timexes += timeStage.run(doc, ctx).timexes.length; // warm-up

// Wall-clock time, and CPU time too: on a shared machine the wall clock mostly measures the neighbours.
const times: number[] = [];
const cpuTimes: number[] = [];
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const doc of docs) timeStage.run(doc, ctx);
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1e6);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall = median(times);
const cpu = median(cpuTimes);
const result = {
  stage: 'time',
  documents: docs.length,
  words,
  timexes,
  rounds,
  medianSeconds: wall,
  wordsPerSecond: Math.round(words / wall),
  medianCpuSeconds: cpu,
  wordsPerCpuSecond: Math.round(words / cpu),
};
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  console.log(
    `time stage: ${docs.length} docs, ${words} words, ${timexes} timexes; median ${(wall * 1000).toFixed(1)} ms wall → ${(result.wordsPerSecond / 1e6).toFixed(2)}M words/s; ${(cpu * 1000).toFixed(1)} ms CPU → ${(result.wordsPerCpuSecond / 1e6).toFixed(2)}M words/CPU-s`,
  );
}
