import type { DocError, Document, NewDocument } from '../../core/document.ts';

export interface AnalyzeRequest {
  readonly type: 'analyze';
  readonly jobs: readonly { readonly seq: number; readonly doc: NewDocument }[];
}

export interface WorkerOptions {
  readonly date?: string;
  readonly stages?: readonly string[];
}

export type AnalyzeResult =
  | { readonly seq: number; readonly ok: true; readonly doc: Document; readonly signature?: number[] }
  | { readonly seq: number; readonly ok: false; readonly errors: readonly DocError[] };

export interface AnalyzeResponse {
  readonly type: 'result';
  readonly results: readonly AnalyzeResult[];
}

export interface ReadyMessage {
  readonly type: 'ready';
  /** The worker's pipeline (`pipelineId`), stored with every document it analyses. */
  readonly pipeline: string;
}

export interface FatalMessage {
  readonly type: 'fatal';
  readonly message: string;
}

export type WorkerMessage = AnalyzeResponse | ReadyMessage | FatalMessage;
