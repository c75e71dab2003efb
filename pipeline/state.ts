import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputFile } from '../stages/ingest/index.js';
import type { RunConfig } from './config.js';
import { documentPhaseOptions, readSegment, SEGMENT_FORMAT, segmentStages, sha256, type Segment } from './segment.js';

/**
 * The state store of an output folder: `<output>.state/` next to it (outside it, so publishing a
 * new output never touches it). It holds
 *
 *   segments/NNNNNN-<run>/   the segments of incremental runs, oldest first (pipeline/segment.ts)
 *   state.json               the committed list of those segments and the settings key
 *   shards/K-of-N/           the segments of a sharded run, waiting for --finalize
 *
 * state.json is replaced (write + rename) only after the output it describes is published, so a
 * killed run leaves the previous state; segment folders it does not list are leftovers and removed.
 */

const STATE_FILE = 'state.json';

interface StateFile {
  format: number;
  key: string;
  segments: string[];
}

export function stateFolder(output: string): string {
  return `${path.resolve(output)}.state`;
}

/**
 * The settings a segment's rows depend on: pipeline and stage versions, clean and dedupe options,
 * and which per-document stages ran. Segments with different keys are never mixed in one output.
 */
export function segmentKey(config: RunConfig, pipelineVersion: string): string {
  const phase = documentPhaseOptions(config);
  const stageVersions = segmentStages(config).map(({ stage }) => `${stage.name}@${stage.version}`);
  const identity = JSON.stringify({ segment: SEGMENT_FORMAT, pipeline: pipelineVersion, stageVersions, ...phase });
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}

/** The committed segments of an incremental output, or none (with the reason) when they cannot be reused. */
export async function loadIncrementalState(output: string, key: string): Promise<{ segments: Segment[]; reset: string | null }> {
  const folder = stateFolder(output);
  let state: StateFile;
  try {
    state = JSON.parse(await readFile(path.join(folder, STATE_FILE), 'utf8')) as StateFile;
  } catch {
    return { segments: [], reset: null };
  }
  if (state.key !== key) return { segments: [], reset: 'the settings or the pipeline version changed since the last run; every file is processed again' };
  const segments: Segment[] = [];
  for (const name of state.segments) {
    const segment = await readSegment(path.join(folder, 'segments', name));
    if (segment === null) return { segments: [], reset: `segment ${name} of the state store is missing or damaged; every file is processed again` };
    segments.push(segment);
  }
  return { segments, reset: null };
}

export interface IncrementalPlan {
  /** Files that are new or changed since the segment that holds them. */
  toProcess: InputFile[];
  /** Per earlier segment, the source paths still current in it. */
  live: Map<Segment, Set<string>>;
}

/**
 * Which inputs need work: a file whose path, size and mtime match its latest segment entry is
 * unchanged; when size or mtime differ its SHA-256 decides (a touched but identical file is not
 * redone). A file no longer in the input is no longer current (the output mirrors the input).
 */
export async function planIncremental(files: InputFile[], segments: Segment[]): Promise<IncrementalPlan> {
  const latest = new Map<string, { segment: Segment; entry: Segment['manifest']['files'][number] }>();
  for (const segment of segments) for (const entry of segment.manifest.files) latest.set(entry.source_path, { segment, entry });
  const live = new Map<Segment, Set<string>>(segments.map((s) => [s, new Set<string>()]));
  const toProcess: InputFile[] = [];
  for (const file of files) {
    const previous = latest.get(file.source_path);
    const unchanged =
      previous !== undefined &&
      ((previous.entry.bytes === file.bytes && previous.entry.mtime_ms === file.mtime_ms) ||
        (previous.entry.sha256 !== null && previous.entry.bytes === file.bytes && previous.entry.sha256 === (await sha256(file.absolute_path))));
    if (unchanged) live.get(previous.segment)!.add(file.source_path);
    else toProcess.push(file);
  }
  return { toProcess, live };
}

/** A new segment folder name, after every existing one. */
export async function nextSegmentFolder(output: string, segments: Segment[], runId: string): Promise<string> {
  const last = segments.map((s) => Number(path.basename(s.folder).split('-')[0])).reduce((a, b) => Math.max(a, b), 0);
  return path.join(stateFolder(output), 'segments', `${String(last + 1).padStart(6, '0')}-${runId}`);
}

/** Records the segments of the published output and deletes every other segment folder. */
export async function commitIncrementalState(output: string, key: string, segments: Segment[]): Promise<void> {
  const folder = stateFolder(output);
  const names = segments.map((s) => path.basename(s.folder));
  const state: StateFile = { format: SEGMENT_FORMAT, key, segments: names };
  await mkdir(folder, { recursive: true });
  const temp = path.join(folder, `${STATE_FILE}.tmp-${process.pid}`);
  await writeFile(temp, JSON.stringify(state, null, 2) + '\n');
  await rename(temp, path.join(folder, STATE_FILE));
  const keep = new Set(names);
  for (const name of await readdir(path.join(folder, 'segments')).catch(() => [] as string[])) {
    if (!keep.has(name)) await rm(path.join(folder, 'segments', name), { recursive: true, force: true });
  }
}

/** `<state>/shards/K-of-N`: where shard K of N of a sharded run writes its segment. */
export function shardFolder(output: string, shard: { index: number; count: number }): string {
  return path.join(stateFolder(output), 'shards', `${shard.index}-of-${shard.count}`);
}

/** Shard of a file: a hash of its source path, so a file keeps its shard as the input grows. */
export function shardOf(sourcePath: string, count: number): number {
  return (createHash('sha256').update(sourcePath).digest().readUInt32BE(0) % count) + 1;
}

/** The complete segments of the sharded run waiting in the state store, or why they cannot be finalized. */
export async function readShards(output: string): Promise<{ segments: Segment[] } | { error: string }> {
  const folder = path.join(stateFolder(output), 'shards');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /^\d+-of-\d+$/.test(name));
  if (names.length === 0) return { error: `no shard in ${folder}; run the shards first (npm run pipeline -- --input IN --output ${output} --shard K/N, for K = 1..N).` };
  const counts = new Set(names.map((name) => Number(name.split('-of-')[1])));
  if (counts.size > 1) return { error: `${folder} holds shards of different runs (${[...counts].map((n) => `N = ${n}`).join(', ')}); delete the folders of the old run.` };
  const count = [...counts][0]!;
  const segments: Segment[] = [];
  const missing: number[] = [];
  for (let index = 1; index <= count; index++) {
    const segment = await readSegment(path.join(folder, `${index}-of-${count}`));
    if (segment === null) missing.push(index);
    else segments.push(segment);
  }
  if (missing.length > 0) return { error: `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} ${missing.length > 1 ? 'are' : 'is'} missing or incomplete in ${folder}; run --shard K/${count} for ${missing.length > 1 ? 'each' : 'it'}, then --finalize again.` };
  const keys = new Set(segments.map((s) => s.manifest.key));
  if (keys.size > 1) return { error: `the shards in ${folder} were built with different settings or pipeline versions; rerun every shard with the same --config.` };
  return { segments };
}
