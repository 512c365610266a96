/**
 * Builds `src/entities/ner/model/common-words.txt.gz`: words that are mostly written in lower
 * case in running text (UD-EWT train, GUM, Wikinews). A capitalized token that is a common word
 * ("Officials", "Reading") is weaker evidence of a name than one that is not ("Kowalski").
 *
 *   node --import tsx scripts/ner-wordlist.ts [--data DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { MODEL_DIR } from '../src/entities/ner/index.ts';
import { DATA_DIR } from './data-path.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const dataDir = arg('--data', DATA_DIR);

const lower = new Map<string, number>();
const capMid = new Map<string, number>();
function count(words: readonly string[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!/^[\p{L}][\p{L}'’.-]*$/u.test(w)) continue;
    const lw = w.toLowerCase();
    if (w === lw) lower.set(lw, (lower.get(lw) ?? 0) + 1);
    else if (i > 0 && !/^[.!?"“:]$/.test(words[i - 1]!)) capMid.set(lw, (capMid.get(lw) ?? 0) + 1);
  }
}
function conllu(file: string): void {
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
    const words = block.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t')[1]!);
    count(words);
  }
}
conllu(join(dataDir, 'ud-ewt/en_ewt-ud-train.conllu'));
conllu(join(dataDir, 'gum/gum-train.conllu'));
for (const f of ['wikinews_2019.csv', 'wikinews_2020.csv']) {
  const rows = parse(readFileSync(join(dataDir, 'wikinews', f), 'utf8'), { columns: true }) as { text: string }[];
  for (const r of rows) for (const line of r.text.split(/\n+/)) count(line.split(/[^\p{L}\p{N}'’.-]+/u).filter(Boolean));
}
const words = [...lower]
  .filter(([w, n]) => n >= 2 && n >= 2 * (capMid.get(w) ?? 0))
  .map(([w]) => w)
  .sort();
writeFileSync(join(MODEL_DIR, 'common-words.txt.gz'), gzipSync(words.join('\n') + '\n', { level: 9 }));
console.log(`wrote ${words.length} common words`);
