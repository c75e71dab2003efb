/**
 * Worker-thread entry: receives batches of ingested documents, runs the per-document stages on
 * them (pipeline/workers/batch.ts) and posts back the rendered rows. Models and lexicons load
 * lazily on the first document and stay loaded for the worker's life, so once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { collectLargeHeap } from '../gc.js';
import { processBatch, type DocumentPhaseOptions } from './batch.js';
import type { BatchReply, BatchRequest } from './pool.js';

const options = workerData as DocumentPhaseOptions;
const port = parentPort!;

port.on('message', (request: BatchRequest) => {
  processBatch(request.docs, options).then(
    (result) => {
      port.postMessage({ id: request.id, result } satisfies BatchReply);
      collectLargeHeap();
    },
    (error: unknown) => port.postMessage({ id: request.id, error: (error as Error)?.stack ?? String(error) } satisfies BatchReply),
  );
});
