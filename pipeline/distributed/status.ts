import type { Job, Queue } from 'bullmq';
import { finalizeJobId, shardJobId, type PipelineJobData, type PipelineJobResult } from './queue.js';

type PipelineQueue = Queue<PipelineJobData, PipelineJobResult>;
type PipelineJob = Job<PipelineJobData, PipelineJobResult>;

/** One job of a run as `status` shows it. */
export interface JobStatus {
  id: string;
  /** `shard 2/3` or `finalize`. */
  label: string;
  /** BullMQ's state (waiting, waiting-children, active, delayed, completed, failed), or `removed` once expired. */
  state: string;
  /** Attempts started so far (a stalled job that was taken over counts twice) and allowed. */
  attempts_started: number;
  attempts_allowed: number;
  /** Times a worker died or hung while holding it and another worker took it over. */
  stalled: number;
  /** Name (host:pid) of the worker that ran it last. */
  worker: string | null;
  failed_reason: string | null;
  finished_at: string | null;
}

/** A run's outcome is its finalize job's: it completes only after every shard did. */
export type RunState = 'running' | 'completed' | 'failed';

export interface RunStatus {
  run_id: string;
  output: string;
  state: RunState;
  jobs: JobStatus[];
}

/** Every job of a run (shards first, then finalize), or null when Redis knows no such run. */
export async function readRunStatus(queue: PipelineQueue, runId: string): Promise<RunStatus | null> {
  const finalize = await queue.getJob(finalizeJobId(runId));
  if (!finalize) return null;
  const { shards, output } = finalize.data;
  const shardJobs = await Promise.all(Array.from({ length: shards }, (_, i) => queue.getJob(shardJobId(runId, i + 1, shards))));
  const jobs = await Promise.all([
    ...shardJobs.map((job, i) => describeJob(job, shardJobId(runId, i + 1, shards), `shard ${i + 1}/${shards}`)),
    describeJob(finalize, finalize.id!, 'finalize'),
  ]);
  const finalState = jobs.at(-1)!.state;
  return { run_id: runId, output, state: finalState === 'completed' || finalState === 'failed' ? finalState : 'running', jobs };
}

async function describeJob(job: PipelineJob | undefined, id: string, label: string): Promise<JobStatus> {
  if (!job) return { id, label, state: 'removed', attempts_started: 0, attempts_allowed: 0, stalled: 0, worker: null, failed_reason: null, finished_at: null };
  return {
    id,
    label,
    state: await job.getState(),
    attempts_started: job.attemptsStarted,
    attempts_allowed: job.opts.attempts ?? 1,
    stalled: job.stalledCounter,
    worker: job.processedBy ?? null,
    failed_reason: job.failedReason || null,
    finished_at: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

/** The latest runs known to Redis, newest first: one line each for `status` without a run id. */
export async function listRuns(queue: PipelineQueue, limit = 20): Promise<{ run_id: string; output: string; state: string; submitted_at: string }[]> {
  const states = ['waiting-children', 'waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;
  const jobs = (await queue.getJobs([...states])).filter((job) => job.name === 'finalize');
  const newest = jobs.sort((a, b) => b.timestamp - a.timestamp).slice(0, limit);
  return Promise.all(newest.map(async (job) => ({ run_id: job.data.run_id, output: job.data.output, state: await job.getState(), submitted_at: new Date(job.timestamp).toISOString() })));
}

/** `status RUN_ID` as text: a header line, then one aligned line per job. */
export function formatRunStatus(status: RunStatus): string {
  const rows = status.jobs.map((job) => [
    job.label,
    job.state,
    `attempts ${job.attempts_started}/${job.attempts_allowed}${job.stalled ? ` (stalled ${job.stalled})` : ''}`,
    job.worker ?? '-',
    job.failed_reason ?? '',
  ]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  return [`run ${status.run_id}: ${status.state} (output ${status.output})`, ...lines.map((line) => `  ${line}`)].join('\n');
}
