/**
 * Golden check for the quotes stage: its `quotes` layer must stay byte-for-byte identical while the
 * stage is optimized. The expensive upstream stages run once and are cached.
 *
 *   node --import tsx scripts/quotes-golden.ts --prepare   # run tokenize→time on the Wikinews articles, cache inputs
 *   node --import tsx scripts/quotes-golden.ts --write     # save the current quotes as the golden output
 *   node --import tsx scripts/quotes-golden.ts             # compare the current quotes with the golden output
 *
 * Inputs (`.tmp/quotes-input.json`) hold three variants per article so every path of the stage is covered:
 * with entities, without entities (same tokens, empty entities layer), and text only (tokens without
 * tagger/parser fields, no entities).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { deepFreeze, type Document, type Token } from '../src/core/document.ts';
import { quotesStage } from '../src/quotes/stage.ts';
import { dataPath, REPO_ROOT } from './data-path.ts';

const TMP = join(REPO_ROOT, '.tmp');
export const INPUT_FILE = join(TMP, 'quotes-input.json');
const GOLDEN_FILE = join(TMP, 'quotes-golden.json');
const UPSTREAM = ['tokenize', 'tag', 'parse', 'entities', 'time'];

export interface GoldenInputs {
  readonly withEntities: Document[];
  readonly withoutEntities: Document[];
  readonly textOnly: Document[];
}

async function prepare(): Promise<void> {
  // Loaded only here: comparing and benchmarking need just the quotes stage (and keep working while
  // other stages are mid-edit).
  const { analyze } = await import('../src/index.ts');
  const docs: Document[] = [];
  for (const name of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
    const rows = parse(readFileSync(dataPath('wikinews', name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) {
      const text = (row.text ?? '').replace(/\r\n?/g, '\n');
      const doc = analyze(
        { id: `wikinews-${docs.length}`, text, ...(row.date ? { published: row.date } : {}), ...(row.url ? { url: row.url } : {}), ...(row.title ? { title: row.title } : {}) },
        { stages: UPSTREAM },
      );
      if (doc.errors?.length) throw new Error(`${doc.id}: ${doc.errors[0]!.message}`);
      docs.push(doc);
    }
  }
  mkdirSync(TMP, { recursive: true });
  writeFileSync(INPUT_FILE, JSON.stringify(docs));
  console.log(`cached ${docs.length} documents → ${INPUT_FILE}`);
}

function bareToken(t: Token): Token {
  const { upos: _u, xpos: _x, lemma: _l, head: _h, deprel: _d, ...rest } = t;
  return rest;
}

/** The cached documents in their three variants (frozen, as the pipeline hands them to a stage). */
export function loadInputs(): GoldenInputs {
  if (!existsSync(INPUT_FILE)) throw new Error(`no cached inputs: run scripts/quotes-golden.ts --prepare first`);
  const docs = JSON.parse(readFileSync(INPUT_FILE, 'utf8')) as Document[];
  return {
    withEntities: docs.map((d) => deepFreeze(d)),
    withoutEntities: docs.map((d) => deepFreeze({ ...d, entities: [] })),
    textOnly: docs.map((d) => deepFreeze({ ...d, entities: [], tokens: d.tokens.map(bareToken) })),
  };
}

function runAll(inputs: GoldenInputs): string {
  const out: Record<string, unknown[]> = {};
  for (const [variant, docs] of Object.entries(inputs) as [string, Document[]][]) {
    out[variant] = docs.map((d) => quotesStage.run(d, { options: {} }).quotes);
  }
  return JSON.stringify(out, null, 1);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = process.argv.slice(2);
  if (args.includes('--prepare')) await prepare();
  else {
    const current = runAll(loadInputs());
    if (args.includes('--write')) {
      writeFileSync(GOLDEN_FILE, current);
      const n = (JSON.parse(current) as Record<string, unknown[][]>).withEntities!.reduce((a, q) => a + q.length, 0);
      console.log(`golden written (${n} quotes with entities) → ${GOLDEN_FILE}`);
    } else {
      const golden = readFileSync(GOLDEN_FILE, 'utf8');
      if (golden === current) console.log('IDENTICAL');
      else {
        const g = JSON.parse(golden) as Record<string, unknown[]>;
        const c = JSON.parse(current) as Record<string, unknown[]>;
        for (const variant of Object.keys(g)) {
          g[variant]!.forEach((q, i) => {
            if (JSON.stringify(q) !== JSON.stringify(c[variant]![i])) console.log(`DIFF ${variant} doc ${i}:\n  golden  ${JSON.stringify(q)}\n  current ${JSON.stringify(c[variant]![i])}`);
          });
        }
        process.exitCode = 1;
      }
    }
  }
}
