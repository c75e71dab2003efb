import { setFlagsFromString } from 'node:v8';
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
