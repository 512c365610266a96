/** An analysis worker: runs the pipeline and the MinHash signature off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeDocument } from '../../analyze.ts';
import { DEFAULT_STAGES, pipelineFromNames, pipelineId } from '../../stages.ts';
import { minhash } from '../near-duplicates.ts';
import type { AnalyzeRequest, AnalyzeResult, WorkerMessage, WorkerOptions } from './protocol.ts';

const options = (workerData ?? {}) as WorkerOptions;
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

function post(msg: WorkerMessage): void {
  port!.postMessage(msg);
}

port.on('message', (msg: AnalyzeRequest) => {
  if (msg.type !== 'analyze') return;
  const results: AnalyzeResult[] = msg.jobs.map(({ seq, doc }) => {
    try {
      const analyzed = analyzeDocument(doc, {
        ...(options.date ? { date: options.date } : {}),
        ...(options.stages ? { stages: options.stages } : {}),
      });
      // A stage that failed leaves its layer empty and an error on the document; the other layers are
      // still worth storing, so the document is returned and the main thread reports the errors.
      const signature = minhash(analyzed.text);
      // Tokens are not stored; dropping them here halves what crosses the thread boundary.
      return { seq, ok: true, doc: { ...analyzed, tokens: [] }, ...(signature ? { signature } : {}) };
    } catch (e) {
      return { seq, ok: false, errors: [{ code: 'E_ANALYZE', message: e instanceof Error ? e.message : String(e) }] };
    }
  });
  post({ type: 'result', results });
});

/** Unknown stage names fail every document (reported per document), not the worker's start. */
function currentPipeline(): string {
  try {
    return pipelineId(pipelineFromNames(options.stages ?? DEFAULT_STAGES));
  } catch {
    return '';
  }
}

post({ type: 'ready', pipeline: currentPipeline() });
