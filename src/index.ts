/**
 * dateline's public library API.
 * @example
 *   import { analyze } from 'dateline';
 *   const doc = analyze('Brussels, 12 February 2020 (dpa) – NATO allies plan …');
 *   doc.meta.referenceDate; // '2020-02-12'
 */
export { analyze, analyzeDocument, type AnalyzeOptions, type ArticleInput } from './analyze.ts';
export { readInputs, readFileInputs, parseDateline, type InputItem, type ReadOptions } from './ingest/index.ts';
export { toJSON, type SerializeOptions } from './core/serialize.ts';
export { createPipeline, stageSource, type Stage, type Pipeline, type Capability } from './core/pipeline.ts';
export { STAGES, DEFAULT_STAGES, pipelineFromNames } from './stages.ts';
export { DatelineError, ERROR_CODES, type ErrorCode } from './core/errors.ts';
export * from './core/document.ts';
