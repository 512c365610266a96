import type { Stage } from '../../core/pipeline.ts';

/** Placeholder until this stage lands: it assigns nothing and leaves its layer empty (never fake data). */
export const tagStage: Stage = {
  name: 'tag',
  version: 0,
  requires: ['tokens', 'sentences'],
  uses: [],
  assigns: ['pos', 'lemma'],
  run: (doc) => doc,
};
