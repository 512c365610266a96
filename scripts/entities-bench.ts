/**
 * Speed of the entities stage: CPU time per article over the Wikinews sample (293 articles) and the
 * example article, with and without the NER model, and the cold load time of the dictionaries and
 * the model (what every new process or ingest worker thread pays once).
 *
 * tokenize → tag → parse run once beforehand (not timed). CPU time (process.cpuUsage) is reported
 * because wall time is meaningless on a shared machine; on a loaded machine CPU time still varies
 * by ±30 %, so the steady figures are the best of several rounds.
 *
 * Run: node --import tsx scripts/entities-bench.ts [--rounds 5] [--input .tmp/entities-input.json]
 *   --input reuses documents frozen by scripts/entities-golden.ts (skips the minute of parsing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

// Cold load first, before any other module warms the shared code paths.
let t = cpuMs();
const { createEntitiesStage } = await import('../src/entities/stage.ts');
const { defaultGazetteer } = await import('../src/entities/gazetteer/index.ts');
const { loadRecognizer } = await import('../src/entities/recognize/ner-adapter.ts');
const importMs = cpuMs() - t;
t = cpuMs();
defaultGazetteer();
const gazetteerMs = cpuMs() - t;
t = cpuMs();
loadRecognizer();
const nerMs = cpuMs() - t;

type Doc = import('../src/core/document.ts').Document;

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg('--rounds') ?? 5);
const input = arg('--input');

let docs: Doc[];
if (input) {
  docs = JSON.parse(readFileSync(input, 'utf8')) as Doc[];
} else {
  const { analyze, analyzeDocument } = await import('../src/analyze.ts');
  const { buildDocument } = await import('../src/ingest/records.ts');
  const { dataPath, REPO_ROOT } = await import('./data-path.ts');
  const stages = ['tokenize', 'tag', 'parse'];
  docs = [];
  for (const f of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
    const rows = parse(readFileSync(dataPath('wikinews', f), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    rows.forEach((r, i) => {
      const nd = buildDocument({ id: `${f}-${i}`, text: r.text!, format: 'csv', title: r.title!, url: r.url!, published: r.date! }, {});
      docs.push(analyzeDocument(nd, { stages }));
    });
  }
  const example = join(REPO_ROOT, '..', 'shared', 'examples', 'dpa-2020-02-12-nato-iraq.txt');
  docs.push(analyze(readFileSync(example, 'utf8'), { stages, id: 'example' }));
}
const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);

const ctx = { options: {} };
const out: Record<string, number> = {
  docs: docs.length,
  tokensPerDoc: Math.round(tokens / docs.length),
  importCpuMs: Math.round(importMs),
  gazetteerLoadCpuMs: Math.round(gazetteerMs),
  nerLoadCpuMs: Math.round(nerMs),
};
const round1 = (x: number): number => Math.round(x * 100) / 100;
for (const [name, stage] of [
  ['withNer', createEntitiesStage()],
  ['dictionariesOnly', createEntitiesStage({ recognizer: null })],
] as const) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = cpuMs();
    for (const d of docs) stage.run(d, ctx);
    const ms = (cpuMs() - c0) / docs.length;
    if (r === 0) out[`${name}FirstPassCpuMsPerDoc`] = round1(ms);
    best = Math.min(best, ms);
  }
  out[`${name}CpuMsPerDoc`] = round1(best);
}
console.log(JSON.stringify(out));
