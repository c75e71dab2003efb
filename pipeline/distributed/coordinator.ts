import path from 'node:path';
import { FlowProducer } from 'bullmq';
import { newRunId } from '../run.js';
import { connectOnce, finalizeJobId, jobOptions, QUEUE_NAME, shardJobId, type PipelineJobData } from './queue.js';

/** What `submit` asks for: the pipeline run to split, and how hard to retry its jobs. */
export interface RunRequest {
  inputs: string[];
  output: string;
  shards: number;
  /** Pipeline options every job gets (--config, --format, --only, --skip), as given. */
  pipelineOptions: string[];
  attempts: number;
  backoffMs: number;
}

/**
 * Enqueues one run as a flow: `finalize` is the parent of the N `shard` jobs, so BullMQ starts it
 * only when all N succeeded; a shard that fails for good fails finalize too (failParentOnFailure),
 * so the run's outcome is the state of its finalize job. Returns the run id.
 */
export async function submitRun(url: string, request: RunRequest): Promise<string> {
  const runId = newRunId(new Date());
  const output = path.resolve(request.output);
  const common = absoluteOptionPaths(request.pipelineOptions);
  const inputs = request.inputs.flatMap((input) => ['--input', path.resolve(input)]);
  const options = jobOptions(request.attempts, request.backoffMs);
  const data = (args: string[]): PipelineJobData => ({ run_id: runId, output, shards: request.shards, pipeline_args: args });
  const children = Array.from({ length: request.shards }, (_, i) => i + 1).map((index) => ({
    name: 'shard',
    queueName: QUEUE_NAME,
    data: data([...inputs, '--output', output, '--shard', `${index}/${request.shards}`, ...common]),
    opts: { ...options, jobId: shardJobId(runId, index, request.shards), failParentOnFailure: true },
  }));
  const producer = await connectOnce(url, (connection) => new FlowProducer({ connection }));
  try {
    await producer.add({
      name: 'finalize',
      queueName: QUEUE_NAME,
      data: data(['--output', output, '--finalize', ...common]),
      opts: { ...options, jobId: finalizeJobId(runId) },
      children,
    });
  } finally {
    await producer.close().catch(() => undefined);
  }
  return runId;
}

/** Workers may run in another folder: a relative --config path would name another file there. */
function absoluteOptionPaths(options: string[]): string[] {
  return options.map((value, i) => (options[i - 1] === '--config' ? path.resolve(value) : value));
}
