import { Worker } from 'node:worker_threads';
import type { RawDoc } from '../../stages/types.js';
import type { BatchResult, DocumentPhaseOptions } from './batch.js';

/** Main thread → worker: one batch of ingested documents. */
export interface BatchRequest {
  id: number;
  docs: RawDoc[];
}

/** Worker → main thread: the batch's result, or the error that escaped processBatch. */
export type BatchReply = { id: number; result: BatchResult; error?: undefined } | { id: number; error: string; result?: undefined };

/** Plain JavaScript, so it starts without a loader; it loads worker.ts through tsx (see the file). */
const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);

interface Task {
  request: BatchRequest;
  resolve: (result: BatchResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

/**
 * A fixed pool of worker threads that run processBatch. Each worker handles one batch at a time;
 * further batches wait in a queue (the caller bounds how many it submits). A worker that dies
 * (uncaught error, out of memory) fails its batch, which the caller reports as problems, and is
 * replaced; the run goes on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly options: DocumentPhaseOptions,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(docs: RawDoc[]): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, docs }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_ENTRY, { workerData: this.options });
    const slot: Slot = { worker, task: null };
    worker.on('message', (reply: BatchReply) => {
      const task = slot.task;
      slot.task = null;
      if (task && task.request.id === reply.id) {
        if (reply.error === undefined) task.resolve(reply.result);
        else task.reject(new Error(reply.error));
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      const task = slot.task;
      slot.task = null;
      task?.reject(error);
      if (this.closed) return;
      // Replace the dead worker in place and carry on with the queue.
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) fail(new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task !== null) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.postMessage(task.request);
    }
  }
}
