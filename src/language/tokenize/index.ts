export { tokenize, splitSentences, type SentenceSpan } from './tokenize.ts';
export { tokenizeStage } from './stage.ts';
