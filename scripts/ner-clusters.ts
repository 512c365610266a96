/**
 * Builds `src/entities/ner/model/clusters.tsv.gz`: distributional word clusters (fine, mid,
 * coarse) from raw text (UD-EWT and GUM sentences, MEANTIME, Wikinews), using the tagger's
 * cluster builder (spherical k-means over left/right context counts). Word -> three cluster ids.
 *
 *   node --import tsx scripts/ner-clusters.ts [--data DIR] [--fine 300] [--mid 64] [--coarse 16]
 *     [--min-count 3] [--max-words 30000] [--out FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { buildClusters } from '../src/language/tagger/clusters.ts';
import { loadRawText } from '../src/language/tagger/raw-text.ts';
import { CLUSTERS_FILE } from '../src/entities/ner/index.ts';
import { DATA_DIR } from './data-path.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const dataDir = arg('--data', DATA_DIR);
const fine = Number(arg('--fine', '300'));
const out = arg('--out', CLUSTERS_FILE);

const sentences: string[][] = loadRawText(dataDir);
for (const f of ['ud-ewt/en_ewt-ud-train.conllu', 'gum/gum-train.conllu', 'gum/gum-dev.conllu']) {
  for (const block of readFileSync(join(dataDir, f), 'utf8').split(/\n\s*\n/)) {
    const words = block.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t')[1]!);
    if (words.length) sentences.push(words);
  }
}
console.log(`${sentences.length} sentences, ${sentences.reduce((a, s) => a + s.length, 0)} tokens`);
const clusters = buildClusters(sentences, {
  minCount: Number(arg('--min-count', '3')),
  maxWords: Number(arg('--max-words', '30000')),
  fine,
  mid: Number(arg('--mid', '64')),
  coarse: Number(arg('--coarse', '16')),
  log: (m) => console.log(m),
});
const lines = [...clusters].map(([w, c]) => `${w}\t${c[2]}\t${c[1]}\t${c[0]}`).sort();
writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.log(`wrote ${lines.length} words to ${out}`);
