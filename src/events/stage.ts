import type { Stage } from '../core/pipeline.ts';
import { withLayers } from '../core/document.ts';
import { codeDocument, type CoderConfig } from './coder.ts';
import { loadCameoTables } from './cameo.ts';
import { loadLexicon } from './dictionary/index.ts';
import { loadAgents, loadDemonyms, type FallbackLexicon } from './fallback.ts';
import { defaultGazetteer } from '../entities/gazetteer/index.ts';

let fallback: FallbackLexicon | undefined;
/** The actor dictionaries the entity layer uses (loaded once, shared with it), plus the events' demonyms. */
function defaultFallback(): FallbackLexicon {
  fallback ??= { gazetteer: defaultGazetteer(), demonyms: loadDemonyms(), agents: loadAgents() };
  return fallback;
}

const NAME = 'events';
const VERSION = 2;
/** Default floor on event confidence (see docs/quality-events.md for how it was chosen). */
export const DEFAULT_MIN_CONFIDENCE = 0;

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((x) => typeof x === 'string') ? value : undefined;
}

/**
 * CAMEO/PLOVER event coding with actors, modality, condition, quote, date and place. Options:
 * `eventVerbDictionaries` / `eventNounDictionaries` (paths of extra PETRARCH-format dictionaries),
 * `eventActorFallback: false` (code actors from the entity layer only).
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
      ...(ctx.options['eventActorFallback'] === false ? {} : { fallback: defaultFallback() }),
      minConfidence: typeof ctx.options['eventMinConfidence'] === 'number' ? ctx.options['eventMinConfidence'] : DEFAULT_MIN_CONFIDENCE,
    };
    // Events use `source` for the source actors, so their provenance goes in `stage`.
    return withLayers(doc, { events: codeDocument(doc, config).map((e) => ({ ...e, stage: config.source })) });
  },
};
