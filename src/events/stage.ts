import type { Stage } from '../core/pipeline.ts';

/** Placeholder until this stage lands: it assigns nothing and leaves its layer empty (never fake data). */
export const eventsStage: Stage = {
  name: 'events',
  version: 0,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'lemma', 'deps', 'entities', 'timexes', 'quotes'],
  assigns: ['events'],
  run: (doc) => doc,
};
