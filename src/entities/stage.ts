import type { Stage } from '../core/pipeline.ts';

/** Placeholder until this stage lands: it assigns nothing and leaves its layer empty (never fake data). */
export const entitiesStage: Stage = {
  name: 'entities',
  version: 0,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'lemma', 'deps'],
  assigns: ['entities'],
  run: (doc) => doc,
};
