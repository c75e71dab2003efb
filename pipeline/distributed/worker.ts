import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from '../log.js';
import { connectOnce, QUEUE_NAME, redisConnection, type PipelineJobData, type PipelineJobResult } from './queue.js';

export interface WorkerOptions {
  url: string;
  /** The pipeline's --concurrency for each job; null lets it use every core of this machine. */
  threads: number | null;
  /** How long a job's lock lasts without renewal: a worker silent for longer is taken as dead. */
  lockDurationMs: number;
  /** How often this worker looks for jobs whose worker died (stalled jobs) and requeues them. */
  stalledIntervalMs: number;
}

/** The worker runs `pipeline/cli.ts` of the same checkout it runs from. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PIPELINE_CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
/** Preloaded into each job's process: it ends itself when this worker dies (its pid comes in NEWS_PIPELINE_WORKER_PID). */
const EXIT_WITH_PARENT = new URL('./exit-with-parent.ts', import.meta.url).href;

/**
 * Takes jobs from the queue one at a time until closed. Each job runs in its own pipeline process
 * (`npm run pipeline -- <the job's arguments>`): its memory and native state go away with it, a
 * crash of the pipeline fails only the job, and this process's event loop stays free to renew the
 * job's lock however busy the pipeline is.
 */
export async function startWorker(options: WorkerOptions, log: Logger): Promise<Worker<PipelineJobData, PipelineJobResult>> {
  // Fail at once, naming the URL, when Redis is unreachable at start; later outages are retried.
  await (await connectOnce(options.url, (connection) => new Queue(QUEUE_NAME, { connection }))).close();
  const name = `${hostname()}:${process.pid}`;
  const worker = new Worker<PipelineJobData, PipelineJobResult>(QUEUE_NAME, (job) => runPipelineJob(job, options.threads, log), {
    connection: redisConnection(options.url),
    concurrency: 1,
    name,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
  });
  worker.on('error', (error) => log.error(`worker (Redis at ${options.url}): ${error.message}`));
  worker.on('completed', (job) => log.event('job-completed', { job: job.id, run_id: job.data.run_id }));
  worker.on('failed', (job, error) => log.event('job-failed', { job: job?.id, run_id: job?.data.run_id, reason: error.message, attempts_started: job?.attemptsStarted, attempts_allowed: job?.opts.attempts }));
  await worker.waitUntilReady();
  log.event('worker-ready', { worker: name, queue: QUEUE_NAME, redis: options.url });
  return worker;
}

async function runPipelineJob(job: Job<PipelineJobData, PipelineJobResult>, threads: number | null, log: Logger): Promise<PipelineJobResult> {
  const args = [...job.data.pipeline_args, '--log-format', 'json', ...(threads === null ? [] : ['--concurrency', String(threads)])];
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', EXIT_WITH_PARENT, PIPELINE_CLI, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'pipe'],
    // Its own process group: Ctrl-C in the worker's terminal closes the worker gracefully (the job
    // at hand finishes) instead of killing the pipeline mid-job.
    detached: true,
    env: { ...process.env, NEWS_PIPELINE_WORKER_PID: String(process.pid) },
  });
  log.event('job-start', { job: job.id, run_id: job.data.run_id, kind: job.name, attempt: job.attemptsStarted, pid: child.pid });
  const outcome = await followPipeline(child);
  if (outcome.code === 0) return outcome.summary ?? {};
  const message = outcome.message ?? 'it printed no error';
  // A usage error fails the same way on every attempt: do not retry it.
  if (outcome.code === 2) throw new UnrecoverableError(`pipeline usage error: ${message.replace(/^usage error: /, '')}`);
  if (outcome.code === null) throw new Error(`pipeline killed by ${outcome.signal}${outcome.signal === 'SIGKILL' ? ' (out of memory?)' : ''}`);
  throw new Error(`pipeline exited ${outcome.code}: ${message}`);
}

interface PipelineOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The pipeline's `summary` log event, without its time and name. */
  summary: PipelineJobResult | null;
  /** Its last `error` event, or else its last plain line (usage errors are plain text). */
  message: string | null;
}

/** Passes the pipeline's log through to this worker's stderr, keeping its summary and last error. */
function followPipeline(child: ChildProcess): Promise<PipelineOutcome> {
  return new Promise((resolve, reject) => {
    let summary: PipelineJobResult | null = null;
    let message: string | null = null;
    createInterface({ input: child.stderr! }).on('line', (line) => {
      process.stderr.write(line + '\n');
      const event = parseLogLine(line);
      if (event === null) {
        if (line.trim()) message = line.trim();
      } else if (event['event'] === 'summary') {
        const { time: _time, event: _event, ...fields } = event;
        summary = fields;
      } else if (event['event'] === 'error') {
        message = String(event['message']);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, summary, message }));
  });
}

function parseLogLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}
