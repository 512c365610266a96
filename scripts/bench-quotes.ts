/**
 * Benchmark the quotes stage alone: CPU ms per article of `quotesStage.run` over the 293 Wikinews articles,
 * with the upstream stages (tokenize → tag → parse → entities → time) run beforehand and cached by
 * `scripts/quotes-golden.ts --prepare`, so only the quotes stage is timed.
 *
 *   node --import tsx scripts/bench-quotes.ts [--rounds N] [--variant withEntities|withoutEntities|textOnly] [--json]
 *
 * CPU time (process.cpuUsage), best of N rounds: on the shared machine the wall clock mostly measures the neighbours.
 */
import type { Document } from '../src/core/document.ts';
import { quotesStage } from '../src/quotes/stage.ts';
import { loadInputs, type GoldenInputs } from './quotes-golden.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rounds = Number(opt('--rounds') ?? 7);
const variant = (opt('--variant') ?? 'withEntities') as keyof GoldenInputs;

const docs: Document[] = loadInputs()[variant];
if (!docs) throw new Error(`unknown variant ${variant}`);
const ctx = { options: {} };
let quotes = 0;
// The first pass also warms up the JIT; its time is reported as the cold figure.
const cold0 = process.cpuUsage();
for (const doc of docs) quotes += quotesStage.run(doc, ctx).quotes.length;
const cold = process.cpuUsage(cold0);

const cpu: number[] = [];
const wall: number[] = [];
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const doc of docs) quotesStage.run(doc, ctx);
  wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1e3);
}
const bestCpu = Math.min(...cpu);
const result = {
  stage: 'quotes',
  variant,
  documents: docs.length,
  quotes,
  rounds,
  cpuMsPerArticle: bestCpu / docs.length,
  wallMsPerArticle: Math.min(...wall) / docs.length,
  coldCpuMsPerArticle: (cold.user + cold.system) / 1e3 / docs.length,
};
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  console.log(
    `quotes stage (${variant}): ${docs.length} docs, ${quotes} quotes; best of ${rounds}: ${result.cpuMsPerArticle.toFixed(3)} ms CPU/article (${result.wallMsPerArticle.toFixed(3)} ms wall); first pass ${result.coldCpuMsPerArticle.toFixed(3)} ms CPU/article`,
  );
}
