import type { Stage } from '../core/pipeline.ts';
import { withLayers } from '../core/document.ts';
import { codeDocument, type CoderConfig } from './coder.ts';
import { loadCameoTables } from './cameo.ts';
import { loadLexicon } from './dictionary/index.ts';

const NAME = 'events';
const VERSION = 1;

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((x) => typeof x === 'string') ? value : undefined;
}

/**
 * CAMEO/PLOVER event coding with actors, modality, condition, quote, date and place. Options:
 * `eventVerbDictionaries` / `eventNounDictionaries` (paths of extra PETRARCH-format dictionaries).
 */
export const eventsStage: Stage = {
  name: NAME,
  version: VERSION,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'lemma', 'deps', 'entities', 'timexes', 'quotes'],
  assigns: ['events'],
  run(doc, ctx) {
    const verbFiles = stringList(ctx.options['eventVerbDictionaries']);
    const nounFiles = stringList(ctx.options['eventNounDictionaries']);
    const config: CoderConfig = {
      lexicon: loadLexicon({ ...(verbFiles ? { verbFiles } : {}), ...(nounFiles ? { nounFiles } : {}) }),
      tables: loadCameoTables(),
      source: `${NAME}@${VERSION}`,
    };
    // Events use `source` for the source actors, so their provenance goes in `stage`.
    return withLayers(doc, { events: codeDocument(doc, config).map((e) => ({ ...e, stage: config.source })) });
  },
};
