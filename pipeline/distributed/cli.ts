import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { UsageError } from '../config.js';
import { createLogger } from '../log.js';
import { submitRun, type RunRequest } from './coordinator.js';
import { ConnectionError, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, DEFAULT_REDIS_URL, openQueue, redisUrl } from './queue.js';
import { formatRunStatus, listRuns, readRunStatus, type RunStatus } from './status.js';
import { startWorker } from './worker.js';

const HELP = `Usage: npm run distributed -- <submit|worker|status> [options]

Runs the pipeline on several machines: a run is N shard jobs and a finalize job on a BullMQ queue
in Redis; workers on any machine take them. Every machine must see the input and output folders
at the same path (shared storage) and reach the same Redis.

  submit --input PATH --output DIR --shards N [options]
      Enqueues a run and prints its id. --input is repeatable. Pipeline options passed to every
      job: --config FILE, --format F, --only STAGES, --skip STAGES (see npm run pipeline -- --help).
      --attempts N        tries per job before it fails (default ${DEFAULT_ATTEMPTS})
      --backoff-ms MS     first delay before a retry, doubling each time (default ${DEFAULT_BACKOFF_MS})
      --wait              follow the run and exit 0 when published, 1 when it failed

  worker [options]
      Takes jobs one at a time until SIGTERM or Ctrl-C (the job at hand is finished first; a
      second signal stops at once and the job is retried elsewhere).
      --threads N             pipeline --concurrency of each job (default: every core)
      --lock-duration MS      a worker silent this long is taken as dead (default 30000)
      --stalled-interval MS   how often jobs of dead workers are looked for (default 30000)

  status [RUN_ID] [--json]
      The jobs of a run with state, attempts, worker and failure reason; without RUN_ID the
      latest runs. Exit 1 when the run failed or is unknown.

Every command takes --redis URL (default: $REDIS_URL, else ${DEFAULT_REDIS_URL}).
Exit codes: 0 success, 1 failure (run failed, Redis unreachable), 2 usage error.`;

const WAIT_POLL_MS = 1000;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '-h' || command === '--help') {
      process.stdout.write(HELP + '\n');
      return 0;
    }
    if (command === 'submit') return await submit(rest);
    if (command === 'worker') return await worker(rest);
    if (command === 'status') return await status(rest);
    throw new UsageError(command === undefined ? 'give a command: submit, worker or status.' : `unknown command "${command}"; give submit, worker or status.`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`usage error: ${error.message} (see --help)\n`);
      return 2;
    }
    if (error instanceof ConnectionError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function submit(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    input: { type: 'string', multiple: true },
    output: { type: 'string' },
    shards: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    only: { type: 'string' },
    skip: { type: 'string' },
    attempts: { type: 'string' },
    'backoff-ms': { type: 'string' },
    wait: { type: 'boolean' },
    redis: { type: 'string' },
  });
  if (!values.input?.length) throw new UsageError('submit needs --input (a file, folder or glob every worker sees at the same path).');
  if (values.output === undefined) throw new UsageError('submit needs --output (a folder every worker sees at the same path).');
  const passed = (['config', 'format', 'only', 'skip'] as const).flatMap((flag) => (values[flag] === undefined ? [] : [`--${flag}`, values[flag]!]));
  const request: RunRequest = {
    inputs: values.input,
    output: values.output,
    shards: wholeNumber(values.shards, '--shards', 1, 1000, null),
    pipelineOptions: passed,
    attempts: wholeNumber(values.attempts, '--attempts', 1, 100, DEFAULT_ATTEMPTS),
    backoffMs: wholeNumber(values['backoff-ms'], '--backoff-ms', 0, 3_600_000, DEFAULT_BACKOFF_MS),
  };
  const url = redisUrl(values.redis);
  const runId = await submitRun(url, request);
  process.stdout.write(`run ${runId}: ${request.shards} shard jobs and finalize queued at ${url}\n`);
  if (!values.wait) {
    process.stdout.write(`follow it with: npm run distributed -- status ${runId}\n`);
    return 0;
  }
  return (await waitForRun(url, runId)).state === 'completed' ? 0 : 1;
}

/** Polls the run until finalize has completed or failed, printing each job's state changes. */
async function waitForRun(url: string, runId: string): Promise<RunStatus> {
  const queue = await openQueue(url);
  try {
    const seen = new Map<string, string>();
    for (;;) {
      const status = await readRunStatus(queue, runId);
      if (status === null) throw new ConnectionError(`run ${runId} vanished from Redis at ${url} while waiting; was the queue obliterated?`);
      for (const job of status.jobs) {
        const line = `${job.label}: ${job.state}${job.failed_reason ? ` (${job.failed_reason})` : ''}`;
        if (seen.get(job.id) !== line) process.stdout.write(`${line}\n`);
        seen.set(job.id, line);
      }
      if (status.state !== 'running') {
        process.stdout.write(`run ${runId}: ${status.state}${status.state === 'completed' ? `, tables in ${status.output}` : ''}\n`);
        return status;
      }
      await delay(WAIT_POLL_MS);
    }
  } finally {
    await queue.close();
  }
}

async function worker(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    threads: { type: 'string' },
    'lock-duration': { type: 'string' },
    'stalled-interval': { type: 'string' },
    redis: { type: 'string' },
  });
  const log = createLogger('json', false);
  const running = await startWorker(
    {
      url: redisUrl(values.redis),
      threads: values.threads === undefined ? null : wholeNumber(values.threads, '--threads', 1, 256, null),
      lockDurationMs: wholeNumber(values['lock-duration'], '--lock-duration', 1000, 3_600_000, 30_000),
      stalledIntervalMs: wholeNumber(values['stalled-interval'], '--stalled-interval', 500, 3_600_000, 30_000),
    },
    log,
  );
  return new Promise((resolve) => {
    let closing = false;
    const stop = () => {
      if (closing) process.exit(1);
      closing = true;
      log.event('worker-closing', { reason: 'signal; finishing the job at hand, signal again to stop at once' });
      void running.close().then(() => {
        log.event('worker-closed');
        resolve(0);
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

async function status(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, redis: { type: 'string' } }, true);
  if (positionals.length > 1) throw new UsageError(`status takes at most one run id, got ${positionals.join(' ')}.`);
  const url = redisUrl(values.redis);
  const queue = await openQueue(url);
  try {
    const runId = positionals[0];
    if (runId === undefined) {
      const runs = await listRuns(queue);
      const text = runs.map((run) => `${run.run_id}  ${run.state.padEnd(16)}  ${run.submitted_at}  ${run.output}`).join('\n');
      process.stdout.write(values.json ? JSON.stringify(runs, null, 2) + '\n' : (text || `no runs in the queue at ${url}`) + '\n');
      return 0;
    }
    const run = await readRunStatus(queue, runId);
    if (run === null) {
      process.stderr.write(`error: no run ${runId} in the queue at ${url} (finished runs are kept 7 days); list runs with: npm run distributed -- status\n`);
      return 1;
    }
    process.stdout.write((values.json ? JSON.stringify(run, null, 2) : formatRunStatus(run)) + '\n');
    return run.state === 'failed' ? 1 : 0;
  } finally {
    await queue.close();
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<T extends Options>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: options as T & Options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
  }
}

function wholeNumber(text: string | undefined, flag: string, min: number, max: number, fallback: number | null): number {
  if (text === undefined) {
    if (fallback === null) throw new UsageError(`give ${flag} (a whole number from ${min} to ${max}).`);
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text}".`);
  return value;
}

process.exitCode = await main(process.argv.slice(2));
