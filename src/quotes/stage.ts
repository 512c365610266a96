import type { Stage } from '../core/pipeline.ts';

/** Placeholder until this stage lands: it assigns nothing and leaves its layer empty (never fake data). */
export const quotesStage: Stage = {
  name: 'quotes',
  version: 0,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'lemma', 'deps', 'entities', 'timexes'],
  assigns: ['quotes'],
  run: (doc) => doc,
};
