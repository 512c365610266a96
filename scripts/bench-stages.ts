/**
 * CPU per Wikinews article by pipeline stage, in one thread (what one ingest worker spends), and
 * what lies outside the stages: the pipeline runner, and V8's helper threads (garbage collection,
 * JIT compilation), which `process.cpuUsage()` counts in whichever stage is running.
 *
 * Usage: node --import tsx scripts/bench-stages.ts [--rounds 1] [--wikinews DIR] [--out FILE.jsonl]
 *   --out writes every analysed document (public JSON with tokens) to compare outputs across changes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { analyzeDocument } from '../src/analyze.ts';
import type { Document, NewDocument } from '../src/core/document.ts';
import { createPipeline, type Stage, type StageContext } from '../src/core/pipeline.ts';
import { toJSON } from '../src/core/serialize.ts';
import { buildDocument } from '../src/ingest/records.ts';
import { DEFAULT_STAGES, STAGES } from '../src/stages.ts';
import { DATA_DIR } from './data-path.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1' },
    wikinews: { type: 'string', default: `${DATA_DIR}/wikinews` },
    out: { type: 'string' },
  },
});

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** CPU ms of this thread alone (Linux: /proc/thread-self), or undefined. */
function threadMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return undefined;
  }
}

function helperMs(): number | undefined {
  try {
    let total = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      if (tid === String(process.pid)) continue;
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) * 10;
    }
    return total;
  } catch {
    return undefined;
  }
}

const rows: { url: string; date: string; title: string; text: string }[] = [];
for (const f of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
  rows.push(...(parseCsv(readFileSync(join(values.wikinews!, f), 'utf8'), { columns: true, skip_empty_lines: true }) as typeof rows));
}
const docs: NewDocument[] = rows.map((r, i) =>
  buildDocument({ id: `wn-0-${i}`, text: r.text, format: 'csv', title: r.title, url: r.url, published: r.date }, {}),
);

// Stage objects are frozen: time them by wrapping copies in a pipeline of our own.
const spent = new Map<string, number>();
const timed: Record<string, Stage> = {};
for (const name of DEFAULT_STAGES) {
  const stage = STAGES[name]!;
  timed[name] = {
    ...stage,
    run(doc: Document, ctx: StageContext): Document {
      const t = cpuMs();
      const out = stage.run(doc, ctx);
      spent.set(name, (spent.get(name) ?? 0) + cpuMs() - t);
      return out;
    },
  };
}
const pipeline = createPipeline(DEFAULT_STAGES.map((n) => timed[n]!));

const startCpu = cpuMs();
// Warm-up: loads the models and lexicons (worker start-up) and lets the JIT settle.
for (const d of docs.slice(0, 20)) analyzeDocument(d);
const startup = cpuMs() - startCpu;
spent.clear();
const rounds = Math.max(1, Number(values.rounds));
const out: string[] = [];
let serializing = 0;
const c0 = cpuMs();
const th0 = threadMs();
const h0 = helperMs();
for (let r = 0; r < rounds; r++) {
  for (const d of docs) {
    const doc = pipeline.run(analyzeDocument(d, { stages: [] }), { options: {} });
    if (r === 0 && values.out) {
      const t = cpuMs();
      out.push(JSON.stringify(toJSON(doc, { tokens: true })));
      serializing += cpuMs() - t;
    }
  }
}
const total = cpuMs() - c0 - serializing;
const th = th0 !== undefined ? threadMs()! - th0 : undefined;
const helpers = h0 !== undefined ? helperMs()! - h0 : undefined;
const n = docs.length * rounds;
const inStages = [...spent.values()].reduce((a, b) => a + b, 0);
const f = (ms: number): string => (ms / n).toFixed(1);
console.log(`# pipeline stages, ${n} Wikinews articles (${Math.round(docs.reduce((a, d) => a + d.text.length, 0) / docs.length)} chars on average), one thread`);
console.log(`start-up (first 20 articles: modules, models, lexicons, JIT warm-up): ${(startup / 1000).toFixed(1)} s CPU`);
console.log(`CPU per article: ${f(total)} ms = stages ${f(inStages)} + runner/outside ${f(total - inStages)}`);
console.log(`by stage (ms): ${DEFAULT_STAGES.map((s) => `${s} ${f(spent.get(s) ?? 0)}`).join(', ')}`);
if (th !== undefined && helpers !== undefined) {
  console.log(`by thread: analysis thread ${f(th)} ms, V8 helper threads (GC, JIT) ${f(helpers)} ms per article (the stage figures include both)`);
}
if (values.out) writeFileSync(values.out, out.join('\n') + '\n');
