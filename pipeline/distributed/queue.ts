import type { EventEmitter } from 'node:events';
import { Queue, type DefaultJobOptions, type RedisOptions } from 'bullmq';
import { UsageError } from '../config.js';

/**
 * What the coordinator, the workers and `status` agree on: the queue, the job names and ids, the
 * data a job carries, and how to reach Redis. One distributed run is a BullMQ flow: a `finalize`
 * job (the parent) over N `shard` jobs (its children), so finalize starts only when every shard
 * has succeeded.
 */

export const QUEUE_NAME = 'news-pipeline';

/** The data of every job: the pipeline command line it runs, plus what `status` shows. */
export interface PipelineJobData {
  run_id: string;
  /** Absolute path of the output folder, the same on every machine (shared storage). */
  output: string;
  /** Number of shards of the run. */
  shards: number;
  /** Arguments of `npm run pipeline -- ...` for this job, paths absolute. */
  pipeline_args: string[];
}

/** What a completed job returns: the pipeline's own `summary` log event. */
export type PipelineJobResult = Record<string, unknown>;

/** Retries and retention every job of a run gets unless `submit` says otherwise. */
export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 10_000;
/** Finished jobs stay in Redis this long so `status` can still show a run the next day. */
const KEEP_FINISHED_SECONDS = 7 * 24 * 3600;

export function jobOptions(attempts: number, backoffMs: number): DefaultJobOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: KEEP_FINISHED_SECONDS },
    removeOnFail: { age: KEEP_FINISHED_SECONDS },
  };
}

// BullMQ refuses ':' in custom job ids (its key separator), hence the dots.
export function shardJobId(runId: string, index: number, count: number): string {
  return `${runId}.shard-${index}-of-${count}`;
}

export function finalizeJobId(runId: string): string {
  return `${runId}.finalize`;
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** `--redis`, else $REDIS_URL, else a local Redis. */
export function redisUrl(flag: string | undefined): string {
  return flag ?? process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
}

/** Connection options for a redis:// or rediss:// URL (user, password and database number included). */
export function redisConnection(url: string): RedisOptions {
  if (!/^rediss?:\/\/[^/]/.test(url)) throw new UsageError(`--redis must be a URL like redis://HOST:6379, got "${url}".`);
  return { url };
}

/** Redis cannot be reached or is misconfigured; the message names the URL and how to fix it. */
export class ConnectionError extends Error {}

export function unreachable(url: string, error: unknown): ConnectionError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new ConnectionError(
    `cannot reach Redis at ${url} (${reason}); start redis-server there (Debian: apt-get install redis-server) ` +
      'or pass --redis redis://HOST:PORT (or set REDIS_URL). The coordinator and every worker must reach the same Redis.',
  );
}

/**
 * Opens a BullMQ handle for a short-lived command (submit, status) on a connection that does not
 * reconnect, so an unreachable Redis fails at once with a ConnectionError instead of retrying forever.
 */
export async function connectOnce<T extends EventEmitter & { waitUntilReady(): Promise<unknown>; close(): Promise<void> }>(
  url: string,
  open: (connection: RedisOptions) => T,
): Promise<T> {
  const handle = open({ ...redisConnection(url), retryStrategy: () => null, connectTimeout: 5000 });
  // Errors surface through waitUntilReady and the commands; an unheard 'error' event would crash.
  handle.on('error', () => undefined);
  try {
    await handle.waitUntilReady();
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw unreachable(url, error);
  }
  return handle;
}

export function openQueue(url: string): Promise<Queue<PipelineJobData, PipelineJobResult>> {
  return connectOnce(url, (connection) => new Queue<PipelineJobData, PipelineJobResult>(QUEUE_NAME, { connection }));
}
