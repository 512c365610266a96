import { withLayers } from '../core/document.ts';
import { stageSource, type Stage } from '../core/pipeline.ts';
import { extractQuotes } from './extract.ts';

/**
 * Quotations (direct, indirect, mixed) with cue, speaker mention, speaker entity (when the
 * entities layer is present), anonymity, continuation and date (a timex at the cue, else the
 * reference date).
 */
export const quotesStage: Stage = {
  name: 'quotes',
  version: 3,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'lemma', 'deps', 'entities', 'timexes'],
  assigns: ['quotes'],
  run(doc) {
    return withLayers(doc, { quotes: extractQuotes(doc, stageSource(quotesStage)) });
  },
};
