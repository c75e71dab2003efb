import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// The same as starting node with --expose-gc, so every way of starting the pipeline (npm run, the
// tests, the bench, a scheduler calling node directly) gets it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * A full garbage collection, before the global phase and between its steps. V8 collects when the
 * JS heap grows, but in the global phase DuckDB, outside the heap, does the work, so what the
 * JavaScript before it left behind stays: at 1,000 MB what the end of the per-document phase left
 * (heap 105 → 290 MB, typed arrays 4 → 58 MB) through the load of the segment, and the stories
 * clustering's arrays (heap 157 → 260 MB, typed arrays 4 → 90 MB) through the corpus-lines step
 * and into the export — the two places where the run's memory peaked.
 */
export function collectGarbage(): void {
  gc();
}

/**
 * The per-document phase collects after a batch that leaves its thread's heap past this size. V8
 * sizes a heap by how fast it fills: HTML extraction (a DOM per page) grew a worker's heap past
 * 500 MB on the Trafilatura pages, mostly garbage, and a run over 2,064 of them to 1,799 MB. At
 * 384 MB that run peaked at 1,261 MB; the 1,033 pages took 25.5 s against 24.2 s without
 * collecting and 27.4 s collecting past 256 MB.
 */
const HEAP_COLLECT_BYTES = 384 * 1024 * 1024;

/** A full collection when this thread's heap holds more than HEAP_COLLECT_BYTES (after a batch of documents). */
export function collectLargeHeap(): void {
  if (getHeapStatistics().used_heap_size > HEAP_COLLECT_BYTES) gc();
}
