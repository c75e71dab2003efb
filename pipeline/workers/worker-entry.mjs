// Worker-thread entry in plain JavaScript: Node 20 does not apply `--import tsx` loader hooks
// inside worker threads, so the worker loads its TypeScript through tsx's API instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
