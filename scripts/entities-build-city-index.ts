/**
 * Writes data/geo/cities.keys.tsv, the name-key index of data/geo/cities.tsv that lets the entities
 * stage find cities by binary search instead of parsing all 47k rows at load
 * (src/entities/gazetteer/city-index.ts). Rerun after rebuilding cities.tsv; a stale index (its
 * header records the SHA-1 of cities.tsv) is ignored and cities.tsv is then parsed in full.
 *
 * Run: node --import tsx scripts/entities-build-city-index.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DATA_DIR } from '../src/entities/gazetteer/index.ts';
import { buildCityKeys } from '../src/entities/gazetteer/city-index.ts';

const tsv = readFileSync(DATA_DIR + 'geo/cities.tsv', 'utf8');
const out = DATA_DIR + 'geo/cities.keys.tsv';
const index = buildCityKeys(tsv);
writeFileSync(out, index);
console.log(`wrote ${out}: ${index.split('\n').length - 2} keys, ${index.length} bytes`);
