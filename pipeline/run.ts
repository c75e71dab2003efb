import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { discoverInputs, type InputFile } from '../stages/ingest/index.js';
import { UsageError, type RunConfig } from './config.js';
import { finalize, PIPELINE_VERSION, RunError, type FinalizeOptions, type RunSummary } from './finalize.js';
import type { Logger } from './log.js';
import { createTempOutput, discardTempOutput, lockOutput, publishOutput } from './output-folder.js';
import { buildSegment, type Segment } from './segment.js';
import type { StageStats } from './stage.js';
import { commitIncrementalState, loadIncrementalState, nextSegmentFolder, planIncremental, readShards, segmentKey, shardFolder, shardOf } from './state.js';

export { PIPELINE_VERSION, RunError, type RunSummary } from './finalize.js';


/** What a sharded run's `--shard K/N` step reports (it publishes no tables). */
export interface ShardSummary {
  run_id: string;
  shard: { index: number; count: number };
  folder: string;
  seconds: number;
  n_inputs: number;
  n_documents: number;
  input_bytes: number;
  stages: StageStats[];
  n_problems: number;
  peak_rss_mb: number;
}

/**
 * One run. By default: discover inputs, build one segment (the per-document phase, streamed to
 * NDJSON, which the global phase loads as it is), finalize it (global phase) into a temporary
 * folder and publish it atomically. `--incremental` keeps the segments (as Parquet) in the state
 * store and builds one only for new or changed files; `--shard K/N` builds the segment of one
 * shard and stops; `--finalize` publishes the tables of a complete set of shards.
 */
export async function runPipeline(config: RunConfig, log: Logger): Promise<RunSummary> {
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const key = segmentKey(config, PIPELINE_VERSION);
  if (config.finalize) {
    return publish(config, runId, log, async (temp) => {
      const shards = await readShards(config.output);
      if ('error' in shards) throw new RunError(shards.error);
      if (shards.segments.some((s) => s.manifest.key !== key)) {
        throw new RunError('the shards were built with other settings or another pipeline version than this --finalize; give it the same --config as the shards.');
      }
      log.event('run-start', { run_id: runId, finalize: shards.segments.length, output: config.output });
      return finalizeAll(temp, config, runId, startedAt, shards.segments, [], []);
    });
  }
  const discovery = await discover(config);
  const discoveryProblems = discovery.problems;
  if (config.incremental) {
    let built: Segment | null = null;
    let kept: Segment[] = [];
    const summary = await publish(config, runId, log, async (temp) => {
      const state = await loadIncrementalState(config.output, key);
      if (state.reset) log.event('state-reset', { reason: state.reset });
      const plan = await planIncremental(discovery.files, state.segments);
      log.event('run-start', { run_id: runId, inputs: config.inputs, files: discovery.files.length, new_or_changed: plan.toProcess.length, output: config.output });
      if (plan.toProcess.length > 0) {
        const folder = await nextSegmentFolder(config.output, state.segments, runId);
        await mkdir(path.dirname(folder), { recursive: true });
        built = await buildSegment({ folder, files: plan.toProcess, problems: [], config, key, runId, shard: null, hashFiles: true, tableFormat: 'parquet', log });
        plan.live.set(built, new Set(plan.toProcess.map((f) => f.source_path)));
      }
      kept = [...plan.live].filter(([, paths]) => paths.size > 0).map(([segment]) => segment);
      const live = new Map(kept.map((s) => [s, plan.live.get(s)!]));
      return finalizeAll(temp, config, runId, startedAt, kept, built ? [built] : [], discoveryProblems, live);
    }, () => commitIncrementalState(config.output, key, kept));
    return summary;
  }
  return publish(config, runId, log, async (temp) => {
    log.event('run-start', { run_id: runId, inputs: config.inputs, files: discovery.files.length, output: config.output });
    const segment = await buildSegment({ folder: path.join(temp, '.segment'), files: discovery.files, problems: [], config, key, runId, shard: null, hashFiles: false, tableFormat: 'ndjson', log });
    const summary = await finalizeAll(temp, config, runId, startedAt, [segment], [segment], discoveryProblems);
    await rm(segment.folder, { recursive: true, force: true });
    return summary;
  });
}

/** `--shard K/N`: the per-document phase over the files of shard K, kept in the state store for --finalize. */
export async function runShard(config: RunConfig, log: Logger): Promise<ShardSummary> {
  const shard = config.shard!;
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const discovery = await discover(config);
  const files = discovery.files.filter((file) => shardOf(file.source_path, shard.count) === shard.index);
  // Problems found while discovering belong to no shard's files; shard 1 records them, once.
  const problems = shard.index === 1 ? discovery.problems : [];
  const folder = shardFolder(config.output, shard);
  await mkdir(path.dirname(folder), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new RunError(`cannot create ${path.dirname(folder)} (${error.code}); choose an --output in a writable folder.`);
  });
  const release = await lockOutput(folder, runId);
  try {
    log.event('run-start', { run_id: runId, inputs: config.inputs, shard: `${shard.index}/${shard.count}`, files: files.length, folder });
    const segment = await buildSegment({ folder, files, problems, config, key: segmentKey(config, PIPELINE_VERSION), runId, shard, hashFiles: false, tableFormat: 'parquet', log });
    const usage = process.resourceUsage();
    return {
      run_id: runId,
      shard,
      folder,
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      n_inputs: files.length,
      n_documents: segment.manifest.n_documents,
      input_bytes: segment.manifest.input_bytes,
      stages: segment.manifest.stats,
      n_problems: segment.manifest.rows.problems,
      peak_rss_mb: Math.round(usage.maxRSS / 1024),
    };
  } finally {
    await release();
  }
}

/**
 * Locks the output, lets `write` fill a temporary folder, publishes it and runs `afterPublish`
 * (still under the lock); a failure before publishing leaves the previous output.
 */
async function publish(config: RunConfig, runId: string, log: Logger, write: (temp: string) => Promise<RunSummary>, afterPublish?: () => Promise<void>): Promise<RunSummary> {
  const release = await lockOutput(config.output, runId);
  try {
    const temp = await createTempOutput(config.output, runId).catch((error: Error) => {
      throw new RunError(error.message);
    });
    try {
      const summary = await write(temp);
      await publishOutput(temp, config.output);
      await afterPublish?.();
      log.event('published', { output: summary.output });
      return summary;
    } catch (error) {
      await discardTempOutput(temp);
      throw error;
    }
  } finally {
    await release();
  }
}

async function finalizeAll(
  temp: string,
  config: RunConfig,
  runId: string,
  startedAt: Date,
  segments: Segment[],
  built: Segment[],
  problems: FinalizeOptions['problems'],
  live = new Map(segments.map((s) => [s, new Set(s.manifest.files.map((f) => f.source_path))])),
): Promise<RunSummary> {
  return finalize({ temp, config, runId, startedAt, segments, live, built, problems });
}

/** The input files, and the problems met while listing them as problem rows; a missing input is a usage error. */
async function discover(config: RunConfig): Promise<{ files: InputFile[]; problems: FinalizeOptions['problems'] }> {
  const discovery = await discoverInputs(config.inputs);
  if (discovery.missing.length > 0) {
    throw new UsageError(`input ${discovery.missing.map((m) => `"${m}"`).join(', ')} not found; check the path or quote the glob.`);
  }
  return { files: discovery.files, problems: discovery.problems.map((p) => ({ ...p, doc_id: null, line: null })) };
}

export function newRunId(startedAt: Date): string {
  return `${startedAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
}
