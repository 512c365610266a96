import type { Stage } from '../../core/pipeline.ts';

/** Placeholder until this stage lands: it assigns nothing and leaves its layer empty (never fake data). */
export const parseStage: Stage = {
  name: 'parse',
  version: 0,
  requires: ['tokens', 'sentences'],
  uses: ['pos'],
  assigns: ['deps'],
  run: (doc) => doc,
};
