import type { Stage } from '../core/pipeline.ts';

/** Placeholder until this stage lands: it assigns nothing and leaves its layer empty (never fake data). */
export const timeStage: Stage = {
  name: 'time',
  version: 0,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'lemma', 'deps'],
  assigns: ['timexes'],
  run: (doc) => doc,
};
