/**
 * The per-document phase (html → clean → dedupe signature → extract), run in batches:
 *
 *   ingest (main thread) → batches of ≤ BATCH_DOCS documents / ≤ BATCH_CHARS characters
 *     → WorkerPool (one batch per worker at a time; processBatch in batch.ts)
 *     → results taken back in submission order → staged NDJSON (main thread)
 *
 * Back-pressure: at most `2 × workers` batches are in flight; ingest is not read further until
 * the oldest one is back. With `concurrency` 1 there is no worker: processBatch runs on the main
 * thread, one batch at a time (the single-core baseline, and one stack to debug).
 */
import type { RawDoc } from '../../stages/types.js';
import { collectLargeHeap } from '../gc.js';
import type { Problem, StageStats } from '../stage.js';
import { documentStages, processBatch, type BatchResult, type DocumentPhaseOptions } from './batch.js';
import { WorkerPool } from './pool.js';
import { DOCUMENT_PHASE_TABLES, type StagedRows } from './rows.js';

export { documentStages, type BatchResult, type DocumentPhaseOptions } from './batch.js';
export { DOCUMENT_PHASE_TABLES, type DocumentPhaseTable } from './rows.js';

/** A batch closes at this many documents or characters of raw text (or markup of pages still to extract), whichever comes first. */
export const BATCH_DOCS = 64;
export const BATCH_CHARS = 1_000_000;

export interface PhaseOptions extends DocumentPhaseOptions {
  /** Worker threads; 1 runs in process. */
  concurrency: number;
}

export async function* documentPhase(docs: AsyncIterable<RawDoc>, options: PhaseOptions): AsyncGenerator<BatchResult> {
  const { concurrency, ...phaseOptions } = options;
  const pool = concurrency > 1 ? new WorkerPool(concurrency, phaseOptions) : null;
  const run = pool ? (batch: RawDoc[]) => pool.run(batch) : (batch: RawDoc[]) => processBatch(batch, phaseOptions).finally(collectLargeHeap);
  const maxInFlight = pool ? 2 * concurrency : 1;
  const inFlight: { batch: RawDoc[]; result: Promise<BatchResult> }[] = [];
  const iterator = docs[Symbol.asyncIterator]();
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && inFlight.length < maxInFlight) {
        const batch: RawDoc[] = [];
        let chars = 0;
        while (batch.length < BATCH_DOCS && chars < BATCH_CHARS) {
          const next = await iterator.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          batch.push(next.value);
          chars += next.value.pending_page?.markup.length ?? next.value.text.length;
        }
        if (batch.length === 0) break;
        const result = run(batch);
        result.catch(() => {}); // handled when its turn comes; avoids an unhandled rejection meanwhile
        inFlight.push({ batch, result });
      }
      const head = inFlight.shift();
      if (!head) return;
      yield await head.result.catch((error: Error) => failedBatch(head.batch, error, phaseOptions));
    }
  } finally {
    await pool?.close();
  }
}

/** A batch whose worker died: every document of it becomes a problem row and is left out. */
function failedBatch(docs: RawDoc[], error: Error, options: DocumentPhaseOptions): BatchResult {
  const stats: StageStats[] = documentStages(options).map(({ stage, enabled }) => ({ name: stage.name, version: stage.version, seconds: 0, n_in: 0, n_out: 0, dropped: {}, n_problems: 0, skipped: !enabled }));
  const first = stats[0]!;
  first.n_in = docs.length;
  first.n_problems = docs.length;
  first.dropped['worker-failed'] = docs.length;
  const message = error.message.split('\n')[0];
  const problems: Problem[] = docs.map((doc) => ({
    source_path: doc.source_path,
    doc_id: doc.doc_id,
    stage: first.name,
    line: doc.record_no,
    code: 'worker-failed',
    message: `the worker thread processing this document's batch of ${docs.length} died (${message}); the batch is left out of every table. Rerun with --concurrency 1 to find the document, and please report it.`,
  }));
  const rows = Object.fromEntries(DOCUMENT_PHASE_TABLES.map((name) => [name, { ndjson: '', rows: 0 }])) as StagedRows;
  return { rows, n_documents: 0, input_bytes: 0, stats, problems };
}
