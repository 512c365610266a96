/**
 * Speed of the entities stage on the example article (tokenize + tag run once beforehand):
 * CPU time per document with and without the NER model, and the gazetteer load time.
 * CPU time (process.cpuUsage) is reported because wall time is meaningless on a shared machine.
 *
 * Run: node --import tsx scripts/entities-bench.ts [--runs 30]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/index.ts';
import { createEntitiesStage } from '../src/entities/stage.ts';
import { buildGazetteer, readDefaultSources } from '../src/entities/gazetteer/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = process.env.DATELINE_EXAMPLES ?? join(root, '..', 'shared', 'examples');
const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 30;

const cpuMs = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

let gaz = buildGazetteer(readDefaultSources());
const loadMs = cpuMs(() => {
  gaz = buildGazetteer(readDefaultSources());
});
const text = readFileSync(join(examples, 'dpa-2020-02-12-nato-iraq.txt'), 'utf8');
const base = analyze(text, { stages: ['tokenize', 'tag'] });
const out: Record<string, number> = { gazetteerLoadCpuMs: Math.round(loadMs), tokens: base.tokens.length };
for (const [name, stage] of [
  ['withNer', createEntitiesStage({ gazetteer: gaz })],
  ['dictionariesOnly', createEntitiesStage({ gazetteer: gaz, recognizer: null })],
] as const) {
  stage.run(base, { options: {} });
  const ms = cpuMs(() => {
    for (let i = 0; i < runs; i++) stage.run(base, { options: {} });
  });
  out[`${name}CpuMsPerDoc`] = Math.round((ms / runs) * 10) / 10;
}
console.log(JSON.stringify(out));
