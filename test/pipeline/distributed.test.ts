import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueue, type PipelineJobData, type PipelineJobResult } from '../../pipeline/distributed/queue.js';
import { readRunStatus, type RunStatus } from '../../pipeline/distributed/status.js';
import { differingTables, runCliAsync, tempDir, type CliResult } from './cli-helpers.js';

/**
 * The distributed mode end to end: a real redis-server on a free loopback port, three worker
 * processes, runs submitted with `npm run distributed -- submit`. The published tables must equal
 * a plain local run's (every table but `runs`, byte for byte), also when a worker is SIGKILLed
 * while it holds a shard job. Workers get a short lock so a dead worker's job is taken over in
 * seconds, and one pipeline thread each, like the local reference run.
 */

const REDIS_MISSING = 'redis-server is not installed; install it with apt-get install -y redis-server (.ci/run does so when it is missing).';
const WORKER_OPTIONS = ['--threads', '1', '--lock-duration', '5000', '--stalled-interval', '1000'];

/** A child process whose output lines are kept and can be waited for. */
interface Process {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  /** Resolves with the first line from now on that matches. */
  nextLine(matches: (line: string) => boolean): Promise<string>;
}

function start(command: string, args: string[]): Process {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  const lines: string[] = [];
  const waiters = new Set<{ matches: (line: string) => boolean; resolve: (line: string) => void }>();
  const onLine = (line: string) => {
    lines.push(line);
    for (const waiter of waiters) {
      if (!waiter.matches(line)) continue;
      waiters.delete(waiter);
      waiter.resolve(line);
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
  const nextLine = (matches: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      waiters.add({ matches, resolve });
      exited.then(() => reject(new Error(`${command} exited before printing the awaited line; its output:\n${lines.slice(-20).join('\n')}`)), reject);
    });
  return { child, lines, exited, nextLine };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<Process> {
  const redis = start('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  try {
    await redis.nextLine((line) => line.includes('Ready to accept connections'));
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? new Error(REDIS_MISSING) : error;
  }
  return redis;
}

function startWorker(url: string): Process {
  return start(process.execPath, ['--import', 'tsx', 'pipeline/distributed/cli.ts', 'worker', '--redis', url, ...WORKER_OPTIONS]);
}

function isEvent(line: string, event: string): boolean {
  return line.startsWith('{') && (JSON.parse(line) as { event?: string }).event === event;
}

/** `npm run distributed -- ...args`, without blocking vitest's worker. */
function distributed(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'pipeline/distributed/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function runIdOf(submitted: CliResult): string {
  const match = /^run (\S+): /m.exec(submitted.stdout);
  if (!match) throw new Error(`submit printed no run id (exit ${submitted.status}):\n${submitted.stdout}\n${submitted.stderr}`);
  return match[1]!;
}

/** Polls the run until `done` holds for it; fails naming the last status after `timeoutMs`. */
async function pollRun(queue: Queue<PipelineJobData, PipelineJobResult>, runId: string, done: (status: RunStatus) => boolean, timeoutMs: number): Promise<RunStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await readRunStatus(queue, runId);
    if (status !== null && done(status)) return status;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not get there within ${timeoutMs} ms; last status: ${JSON.stringify(status, null, 2)}`);
    await delay(250);
  }
}

async function pollUntil(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await delay(100);
  }
}

/** Whether a process is alive; an exited one left unreaped (a zombie, state Z in /proc) is not. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}


function jobsByLabel(status: RunStatus): Record<string, { state: string; attempts_started: number; stalled: number; worker: string | null }> {
  return Object.fromEntries(status.jobs.map(({ label, state, attempts_started, stalled, worker }) => [label, { state, attempts_started, stalled, worker }]));
}

describe('distributed runs on BullMQ', () => {
  let redis: Process;
  let url: string;
  let queue: Queue<PipelineJobData, PipelineJobResult>;
  let workers: Process[];
  let reference: string;
  let root: string;

  beforeAll(async () => {
    root = tempDir('distributed');
    reference = path.join(root, 'reference');
    const local = runCliAsync(['--input', 'seeds', '--output', reference, '--concurrency', '1', '--log-format', 'json']);
    const port = await freeLoopbackPort();
    redis = await startRedis(port);
    url = `redis://127.0.0.1:${port}`;
    workers = [startWorker(url), startWorker(url), startWorker(url)];
    await Promise.all(workers.map((worker) => worker.nextLine((line) => isEvent(line, 'worker-ready'))));
    queue = await openQueue(url);
    const result = await local;
    if (result.status !== 0) throw new Error(`local reference run exited ${result.status}: ${result.stderr.slice(-2000)}`);
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    for (const started of [...(workers ?? []), redis].filter(Boolean)) {
      if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
      await started.exited.catch(() => undefined);
    }
  });

  it('publishes the same tables as a local run, from three worker processes', async () => {
    const output = path.join(root, 'three-workers');
    const submitted = await distributed(['submit', '--input', 'seeds', '--output', output, '--shards', '3', '--redis', url, '--wait']);
    expect(submitted.status, submitted.stderr).toBe(0);
    const runId = runIdOf(submitted);
    expect(submitted.stdout).toContain(`run ${runId}: completed, tables in ${output}`);

    const status = (await readRunStatus(queue, runId))!;
    const workerNames = workers.map((worker) => `${hostname()}:${worker.child.pid}`);
    expect(status.state).toBe('completed');
    expect(status.jobs.map((job) => [job.label, job.state, job.attempts_started])).toEqual([
      ['shard 1/3', 'completed', 1],
      ['shard 2/3', 'completed', 1],
      ['shard 3/3', 'completed', 1],
      ['finalize', 'completed', 1],
    ]);
    for (const job of status.jobs) expect(workerNames).toContain(job.worker);
    expect(differingTables(reference, output)).toEqual([]);

    const shown = await distributed(['status', runId, '--redis', url]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`^run ${runId}: completed \\(output ${output}\\)\\n  shard 1/3  completed  attempts 1/3  `));
  }, 90_000);

  it('fails the run without retrying when the workers cannot see the input, and says why', async () => {
    const missing = path.join(root, 'not-mounted');
    const submitted = await distributed(['submit', '--input', missing, '--output', path.join(root, 'failed'), '--shards', '2', '--redis', url, '--wait']);
    expect(submitted.status).toBe(1);
    const runId = runIdOf(submitted);
    expect(submitted.stdout).toContain(`run ${runId}: failed`);

    const status = await pollRun(queue, runId, (s) => s.jobs.every((job) => job.state === 'failed'), 30_000);
    const reason = `pipeline usage error: input "${missing}" not found; check the path or quote the glob.`;
    expect(status.jobs.map((job) => [job.label, job.state, job.failed_reason])).toEqual([
      ['shard 1/2', 'failed', reason],
      ['shard 2/2', 'failed', reason],
      ['finalize', 'failed', expect.stringMatching(/^child .*\.shard-[12]-of-2 failed$/)],
    ]);
    // A usage error fails the same way every time: one attempt of the three allowed.
    expect(status.jobs.slice(0, 2).map((job) => [job.attempts_started, job.attempts_allowed])).toEqual([[1, 3], [1, 3]]);
    const shown = await distributed(['status', runId, '--redis', url]);
    expect(shown.status).toBe(1);
    expect(shown.stdout).toContain(reason);
  }, 60_000);

  it('retries the shard job of a SIGKILLed worker on another worker, and still equals the local run', async () => {
    const firstShardStart = Promise.race(workers.map((worker) => worker.nextLine((line) => isEvent(line, 'job-start') && line.includes('"kind":"shard"')).then((line) => ({ worker, line }))));
    const output = path.join(root, 'killed-worker');
    const submitted = await distributed(['submit', '--input', 'seeds', '--output', output, '--shards', '3', '--redis', url]);
    expect(submitted.status, submitted.stderr).toBe(0);
    const runId = runIdOf(submitted);

    // Kill the first worker to start a shard, while its pipeline process is still starting up.
    const { worker: victim, line } = await firstShardStart;
    const { job: killedJob, pid: pipelinePid } = JSON.parse(line) as { job: string; pid: number };
    expect(isRunning(pipelinePid)).toBe(true);
    victim.child.kill('SIGKILL');
    await victim.exited;
    // Sooner than the pipeline could finish the shard, which would have raced the retry.
    await pollUntil(() => !isRunning(pipelinePid), `the orphaned pipeline process ${pipelinePid} ending itself`, 3_000);

    const status = await pollRun(queue, runId, (s) => s.state !== 'running', 90_000);
    const killed = status.jobs.find((job) => job.id === killedJob)!;
    expect(status.state).toBe('completed');
    expect(jobsByLabel(status)[killed.label]).toEqual({ state: 'completed', attempts_started: 2, stalled: 1, worker: expect.not.stringMatching(`:${victim.child.pid}$`) });
    expect(differingTables(reference, output)).toEqual([]);

    // The survivors stop cleanly on SIGTERM.
    const survivors = workers.filter((worker) => worker !== victim);
    for (const survivor of survivors) survivor.child.kill('SIGTERM');
    expect(await Promise.all(survivors.map((survivor) => survivor.exited))).toEqual([0, 0]);
  }, 120_000);
});
