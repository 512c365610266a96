/**
 * `npm run bench`: every throughput benchmark, one after another in child processes so each gets a
 * clean heap. Each reports throughput and a ratio against a peer run in the same process.
 *
 *   npm run bench [-- --only language,time]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './data-path.ts';

const BENCHES = [
  ['language', 'bench-language.ts', 'tokenize + tag + parse vs wink-nlp'],
  ['parser', 'bench-parser.ts', 'parser alone'],
  ['time', 'bench-time.ts', 'time stage alone'],
  ['entities', 'entities-bench.ts', 'entities stage with and without NER'],
  ['events', 'bench-events.ts', 'event coding on top of the parse'],
  ['store', 'bench-store.ts', 'ingest articles/s and query latency on 1M events'],
] as const;

const args = process.argv.slice(2);
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? '').split(',')) : undefined;
let failed = 0;
for (const [name, file, what] of BENCHES) {
  if (only && !only.has(name)) continue;
  const path = join(REPO_ROOT, 'scripts', file);
  if (!existsSync(path)) continue;
  process.stdout.write(`\n== ${name}: ${what}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit', cwd: REPO_ROOT });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
