/**
 * Golden-output check for the entities stage. `--freeze` runs tokenize → tag → parse over the
 * Wikinews articles and the example article once and stores those documents, so later runs
 * compare the entities stage alone (other stages may change meanwhile). `--save` writes the
 * entities layers; the default compares against the saved file and lists differing documents.
 *
 *   node --import tsx scripts/entities-golden.ts --freeze   # upstream layers → .tmp/entities-input.json
 *   node --import tsx scripts/entities-golden.ts --save     # entities → .tmp/entities-golden.json
 *   node --import tsx scripts/entities-golden.ts            # compare with the saved golden file
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Document } from '../src/core/document.ts';
import { buildDocument } from '../src/ingest/records.ts';
import { analyzeDocument, analyze } from '../src/analyze.ts';
import { entitiesStage } from '../src/entities/stage.ts';
import { dataPath, REPO_ROOT } from './data-path.ts';

const tmp = join(REPO_ROOT, '.tmp');
mkdirSync(tmp, { recursive: true });
const inputFile = join(tmp, 'entities-input.json');
const goldenFile = join(tmp, 'entities-golden.json');
const args = process.argv.slice(2);

if (args.includes('--freeze') || !existsSync(inputFile)) {
  const stages = ['tokenize', 'tag', 'parse'];
  const docs: Document[] = [];
  for (const f of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
    const rows = parse(readFileSync(dataPath('wikinews', f), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    rows.forEach((r, i) => {
      const nd = buildDocument({ id: `${f}-${i}`, text: r.text!, format: 'csv', title: r.title!, url: r.url!, published: r.date! }, {});
      docs.push(analyzeDocument(nd, { stages }));
    });
  }
  const example = join(REPO_ROOT, '..', 'shared', 'examples', 'dpa-2020-02-12-nato-iraq.txt');
  docs.push(analyze(readFileSync(example, 'utf8'), { stages, id: 'example' }));
  writeFileSync(inputFile, JSON.stringify(docs));
  console.error(`froze ${docs.length} documents → ${inputFile}`);
}

const docs = JSON.parse(readFileSync(inputFile, 'utf8')) as Document[];
const ctx = { options: {} };
const c0 = process.cpuUsage();
const out = docs.map((d) => JSON.stringify({ id: d.id, entities: entitiesStage.run(d, ctx).entities }));
const c = process.cpuUsage(c0);
console.error(`${docs.length} docs, entities stage ${((c.user + c.system) / 1000 / docs.length).toFixed(2)} ms CPU/doc (incl. load)`);
if (args.includes('--save')) {
  writeFileSync(goldenFile, out.join('\n') + '\n');
  console.error(`saved → ${goldenFile}`);
} else {
  if (!existsSync(goldenFile)) {
    console.error(`no ${goldenFile}: run with --save first (before the change)`);
    process.exit(2);
  }
  const gold = readFileSync(goldenFile, 'utf8').split('\n');
  let diff = 0;
  out.forEach((line, i) => {
    if (line !== gold[i]) {
      diff++;
      if (diff <= 5) console.log(`DIFF ${docs[i]!.id}\n- ${gold[i]!.slice(0, 2000)}\n+ ${line.slice(0, 2000)}`);
    }
  });
  writeFileSync(join(tmp, 'entities-current.json'), out.join('\n') + '\n');
  console.log(diff === 0 && gold.length - 1 === out.length ? 'IDENTICAL' : `${diff} of ${out.length} documents differ`);
  if (diff) process.exitCode = 1;
}
