/**
 * Named-entity recognizer for PERSON, ORG, GPE, LOC, NORP, FAC and EVENT. The model and
 * gazetteer are committed files beside this module, loaded lazily once per process.
 *
 *   const ner = loadNer();
 *   ner.recognize(['Jane', 'Doe', 'visited', 'Paris']);
 *   // [{ start: 0, end: 2, type: 'PERSON', confidence: 0.97 }, { start: 3, end: 4, type: 'GPE', ... }]
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Gazetteer } from './gazetteer.ts';
import { RuntimeModel } from './model.ts';
import { createRecognizer, type NerRecognizer, type NerResources } from './recognizer.ts';

export type { NerMention, NerRecognizer } from './recognizer.ts';
export type { NerType } from './labels.ts';
export { NER_TYPES } from './labels.ts';

export const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), 'model');
export const MODEL_FILE = join(MODEL_DIR, 'ner.bin.gz');
export const GAZETTEER_FILE = join(MODEL_DIR, 'gazetteer.tsv.gz');
export const COMMON_WORDS_FILE = join(MODEL_DIR, 'common-words.txt.gz');
export const CLUSTERS_FILE = join(MODEL_DIR, 'clusters.tsv.gz');

let cached: NerRecognizer | undefined;
let cachedRes: NerResources | undefined;

function gunzipText(file: string): string {
  return gunzipSync(readFileSync(file)).toString('utf8');
}

/** Gazetteer, common-word list and word clusters the model was trained with (loaded once). */
export function loadNerResources(): NerResources {
  if (!cachedRes) {
    const common = new Set(gunzipText(COMMON_WORDS_FILE).split('\n').filter(Boolean));
    const clusters = existsSync(CLUSTERS_FILE) ? readClusters(CLUSTERS_FILE) : new Map<string, number[]>();
    cachedRes = { gaz: Gazetteer.load(GAZETTEER_FILE), common, clusters };
  }
  return cachedRes;
}

/** A word-cluster file (`word<TAB>coarse<TAB>mid<TAB>fine` lines, gzipped) as word -> cluster ids. */
export function readClusters(file: string): Map<string, number[]> {
  const clusters = new Map<string, number[]>();
  for (const line of gunzipText(file).split('\n')) {
    const cols = line.split('\t');
    if (cols.length > 1) clusters.set(cols[0]!, cols.slice(1).map(Number));
  }
  return clusters;
}

/** The gazetteer the model was trained with (shared, loaded once). */
export function loadNerGazetteer(): Gazetteer {
  return loadNerResources().gaz;
}

/** The committed model, loaded on first call and reused afterwards. */
export function loadNer(): NerRecognizer {
  if (!cached) {
    const model = RuntimeModel.deserialize(readFileSync(MODEL_FILE));
    cached = createRecognizer(model, loadNerResources());
  }
  return cached;
}
