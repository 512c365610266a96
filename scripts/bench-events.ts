/**
 * Speed of event coding on top of the parse: Wikinews articles are run through the pipeline up to
 * the quotes stage once, then only the events stage is timed over them.
 * Usage: node --import tsx scripts/bench-events.ts [--articles N] [--rounds R] [--write docs/quality-events.md]
 * With --write, the "## Speed" section of that file is replaced (or added).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { analyze } from '../src/index.ts';
import { DEFAULT_STAGES } from '../src/stages.ts';
import { eventsStage } from '../src/events/stage.ts';
import type { Document } from '../src/core/document.ts';
import { SHARED_DIR } from './data-path.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SHARED = process.env['DATELINE_SHARED'] ?? SHARED_DIR;
const articles = opt('--articles', 60);
const rounds = opt('--rounds', 5);

const rows = parse(readFileSync(`${SHARED}/data/wikinews/wikinews_2020.csv`, 'utf8'), { columns: true }) as { date: string; text: string; title: string }[];
const stages = DEFAULT_STAGES.filter((s) => s !== 'events');
const docs: Document[] = [];
const t0 = performance.now();
for (const r of rows.slice(0, articles)) docs.push(analyze({ text: r.text, id: r.title, published: r.date }, { stages, date: r.date }));
const prepMs = performance.now() - t0;
const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
const parsed = docs.every((d) => d.tokens.every((t) => t.head !== undefined));
eventsStage.run(docs[0]!, { options: {} }); // load dictionaries outside the timing
let events = 0;
const cpu0 = process.cpuUsage();
const t1 = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) events += eventsStage.run(d, { options: {} }).events.length;
const ms = performance.now() - t1;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const perSec = (sentences * rounds) / (ms / 1000);
const perCpuSec = (sentences * rounds) / (cpuMs / 1000);
console.log(`articles ${docs.length}, sentences ${sentences}, parse present: ${parsed}`);
console.log(`pipeline up to quotes: ${(prepMs / 1000).toFixed(1)} s`);
console.log(`events stage: ${(ms / rounds).toFixed(1)} ms per pass, ${perSec.toFixed(0)} sentences/s wall clock, ${perCpuSec.toFixed(0)} sentences per CPU second, ${(events / rounds / sentences).toFixed(2)} events per sentence`);
// The machine is shared: CPU time is the figure that does not depend on what else is running.

const wi = args.indexOf('--write');
if (wi >= 0 && args[wi + 1]) {
  const file = args[wi + 1]!;
  const section = [
    '## Speed',
    '',
    `\`node --import tsx scripts/bench-events.ts --articles ${articles} --rounds ${rounds}\`: ${docs.length} Wikinews articles (${sentences} sentences, parse present: ${parsed}) run through the pipeline up to quotes once; the events stage alone is timed.`,
    '',
    `| measure | value |`,
    `| --- | --- |`,
    `| sentences per second (wall clock, shared machine) | ${perSec.toFixed(0)} |`,
    `| sentences per CPU second | ${perCpuSec.toFixed(0)} |`,
    `| events per sentence | ${(events / rounds / sentences).toFixed(2)} |`,
    '',
  ].join('\n');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = old.indexOf('## Speed');
  const next = at >= 0 ? old.indexOf('\n## ', at + 1) : -1;
  const out = at < 0 ? `${old.trimEnd()}\n\n${section}` : `${old.slice(0, at)}${section}${next >= 0 ? old.slice(next + 1) : ''}`;
  writeFileSync(file, out);
}
