import { createPipeline, stageSource, type Pipeline, type Stage } from './core/pipeline.ts';
import { DatelineError } from './core/errors.ts';
import { tokenizeStage } from './language/tokenize/stage.ts';
import { tagStage } from './language/tagger/stage.ts';
import { parseStage } from './language/parser/stage.ts';
import { entitiesStage } from './entities/stage.ts';
import { timeStage } from './time/stage.ts';
import { quotesStage } from './quotes/stage.ts';
import { eventsStage } from './events/stage.ts';

/** Every stage dateline knows, by name. A constant table, not a mutable global registry. */
export const STAGES: Readonly<Record<string, Stage>> = Object.freeze({
  tokenize: tokenizeStage,
  tag: tagStage,
  parse: parseStage,
  entities: entitiesStage,
  time: timeStage,
  quotes: quotesStage,
  events: eventsStage,
});

/** The full pipeline, in order. */
export const DEFAULT_STAGES: readonly string[] = Object.freeze([
  'tokenize',
  'tag',
  'parse',
  'entities',
  'time',
  'quotes',
  'events',
]);

/** Build a pipeline from stage names; unknown names fail with E_PIPELINE_UNKNOWN_STAGE. */
export function pipelineFromNames(names: readonly string[] = DEFAULT_STAGES): Pipeline {
  const stages = names.map((name) => {
    const stage = STAGES[name];
    if (!stage) {
      throw new DatelineError(
        'E_PIPELINE_UNKNOWN_STAGE',
        `unknown stage "${name}" (known: ${Object.keys(STAGES).join(', ')})`,
      );
    }
    return stage;
  });
  return createPipeline(stages);
}

/**
 * What a pipeline is, as stored with each document: its stages' `name@version` in order,
 * comma-separated (`tokenize@1,tag@2,…`). Two runs made the same layers only if this is equal.
 */
export function pipelineId(pipeline: Pick<Pipeline, 'stages'>): string {
  return pipeline.stages.map(stageSource).join(',');
}
