import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SIGNATURE_COLUMNS } from '../stages/dedupe/index.js';
import { ingestStage, type InputFile } from '../stages/ingest/index.js';
import type { RunConfig } from './config.js';
import type { Logger } from './log.js';
import { StageRunner } from './runner.js';
import { literal, PARQUET_OPTIONS, readStaged, RELEASE_FREED_MEMORY } from './sql.js';
import type { Problem, Stage, StageStats } from './stage.js';
import { StagedTable } from './staging.js';
import { DOCUMENT_STAGE_COLUMNS, TABLES, type ColumnSpec } from './tables.js';
import { DOCUMENT_PHASE_TABLES, documentPhase, documentStages, type DocumentPhaseOptions, type DocumentPhaseTable } from './workers/index.js';

/**
 * A segment is the per-document phase's output for one set of input files: one Parquet file per
 * staged table (or, in a plain run's segment, the staged NDJSON files themselves) plus
 * `segment.json`, which names the files it covers. The global phase
 * (pipeline/finalize.ts) reads any number of segments, so one machine's run (one segment), the
 * shards of a distributed run (one segment each) and the runs of an incremental archive (one
 * segment per run that found new files) all end in the same finalize.
 *
 * A segment folder is written under a temporary name and renamed when complete, so a folder with
 * a `segment.json` is always whole.
 */

export const SEGMENT_MANIFEST = 'segment.json';
/** The staged NDJSON files' folder in a segment. */
const STAGING_FOLDER = 'staging';
/** Bumped when the segment layout changes; older segments are then rebuilt, not read. */
export const SEGMENT_FORMAT = 3;

export const SEGMENT_TABLES = [...DOCUMENT_PHASE_TABLES, 'problems'] as const;
export type SegmentTable = (typeof SEGMENT_TABLES)[number];

export const SEGMENT_COLUMNS: Record<SegmentTable, ColumnSpec[]> = {
  documents_stage: DOCUMENT_STAGE_COLUMNS,
  removed_lines: TABLES.removed_lines.columns,
  mentions: TABLES.mentions.columns,
  quantities: TABLES.quantities.columns,
  dates: TABLES.dates.columns,
  quotes: TABLES.quotes.columns,
  // Dedupe's per-document half: signatures staged like any table; the global half is SQL over them.
  dedupe_signatures: SIGNATURE_COLUMNS,
  problems: TABLES.problems.columns,
};

/** An input file as a segment records it: enough to tell on a later run whether it changed. */
export interface SegmentFile {
  source_path: string;
  bytes: number;
  mtime_ms: number;
  /** SHA-256 of the file's bytes; null when the run did not need it (not incremental). */
  sha256: string | null;
}

export interface SegmentManifest {
  format: number;
  /** Identifies the settings the rows depend on (pipeline/config.ts segmentKey): segments with another key are not mixed. */
  key: string;
  run_id: string;
  created_at: string;
  /** Set for the segments of a sharded run: this is shard `index` of `count` (1-based). */
  shard: { index: number; count: number } | null;
  files: SegmentFile[];
  /**
   * How the tables are stored: Parquet, or (`ndjson`) the per-document phase's staged files as
   * they were written, for a segment that is finalized once and deleted (a plain run). Absent in
   * segments written before the field existed: Parquet.
   */
  table_format?: SegmentTableFormat;
  n_documents: number;
  input_bytes: number;
  rows: Record<SegmentTable, number>;
  /** The per-document stages' statistics for this segment's files. */
  stats: StageStats[];
}

export type SegmentTableFormat = 'parquet' | 'ndjson';

export interface Segment {
  folder: string;
  manifest: SegmentManifest;
}

export interface BuildSegmentOptions {
  folder: string;
  files: InputFile[];
  /** Problems found before reading (discovery) that belong to this segment. */
  problems: Omit<Problem, 'stage'>[];
  config: RunConfig;
  key: string;
  runId: string;
  shard: SegmentManifest['shard'];
  /** Record each file's SHA-256 (incremental runs compare contents when size or mtime changed). */
  hashFiles: boolean;
  /**
   * `ndjson` keeps the staged files instead of converting them. A segment that is read once gains
   * nothing from Parquet: at 1,000 MB the conversion took 34 s and loading the Parquet into the
   * global phase's database 50 s, where loading the staged `documents_stage` and `mentions` (the
   * larger half) directly took 8.6 s against 20.3 and 22.7 against 34.9 (docs/decisions.md).
   */
  tableFormat: SegmentTableFormat;
  log: Logger;
}

/**
 * Runs ingest (main thread) and html → clean → dedupe signature → extract (worker threads) over the files,
 * streams every row to NDJSON, then converts each table to Parquet (tableFormat `parquet`) and
 * writes the manifest.
 * Memory stays flat: rows and problems leave the process as soon as a batch is back.
 */
export async function buildSegment(options: BuildSegmentOptions): Promise<Segment> {
  const { config, files } = options;
  const building = `${options.folder}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  const stagingFolder = path.join(building, STAGING_FOLDER);
  await mkdir(stagingFolder, { recursive: true });
  const tables = Object.fromEntries(SEGMENT_TABLES.map((name) => [name, new StagedTable(stagingFolder, name, SEGMENT_COLUMNS[name])])) as Record<SegmentTable, StagedTable>;
  const runner = new StageRunner((_stage, _stats) => options.log.progress(runner.stats, files.length));
  const drainProblems = async () => {
    for (const problem of runner.problems.splice(0)) await tables.problems.append({ ...problem });
  };
  for (const problem of options.problems) runner.problem('ingest', problem);
  await drainProblems();

  // Digests of the files as ingest read them (a file that changes during the run is recorded as processed).
  const digests = new Map<InputFile, string>();
  const onFileDigest = options.hashFiles ? (file: InputFile, sha256: string) => void digests.set(file, sha256) : undefined;
  const raws = runner.pipe(ingestStage({ onFileDigest, deferHtml: true }), (async function* () {
    yield* files;
  })());
  const phaseOptions = { ...documentPhaseOptions(config), concurrency: config.concurrency };
  for (const { stage: step, enabled } of documentStages(phaseOptions)) runner.register(step, !enabled);
  let inputBytes = 0;
  for await (const batch of documentPhase(raws, phaseOptions)) {
    inputBytes += batch.input_bytes;
    for (const name of DOCUMENT_PHASE_TABLES) await tables[name as DocumentPhaseTable].appendNdjson(batch.rows[name].ndjson, batch.rows[name].rows);
    runner.merge(batch.stats, batch.problems);
    await drainProblems();
  }
  await drainProblems();
  for (const table of Object.values(tables)) await table.close();

  if (options.tableFormat === 'parquet') {
    await toParquet(building, tables, config.memoryLimit);
    await rm(stagingFolder, { recursive: true, force: true });
  }
  const manifest: SegmentManifest = {
    format: SEGMENT_FORMAT,
    key: options.key,
    run_id: options.runId,
    created_at: new Date().toISOString(),
    shard: options.shard,
    files: await segmentFiles(files, options.hashFiles, digests),
    table_format: options.tableFormat,
    n_documents: tables.documents_stage.rows,
    input_bytes: inputBytes,
    rows: Object.fromEntries(SEGMENT_TABLES.map((name) => [name, tables[name].rows])) as Record<SegmentTable, number>,
    stats: runner.stats,
  };
  await writeFile(path.join(building, SEGMENT_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  await rm(options.folder, { recursive: true, force: true });
  await rename(building, options.folder);
  return { folder: options.folder, manifest };
}

/** What the per-document stages need of the run's configuration (the rows depend on nothing else). */
export function documentPhaseOptions(config: RunConfig): DocumentPhaseOptions {
  // The corpus-lines threshold belongs to the global phase: changing it must not rebuild segments.
  const { corpusMinGroups: _globalPhaseOnly, ...clean } = config.clean;
  return { clean, dedupe: config.dedupe, stages: { dedupe: config.stages.dedupe, extract: config.stages.extract } };
}

/** The stages a segment's rows come from, in order: ingest, then the per-document phase's. */
export function segmentStages(config: RunConfig): { stage: Stage<any, any>; enabled: boolean }[] {
  return [{ stage: ingestStage(), enabled: true }, ...documentStages(documentPhaseOptions(config))];
}

/** The per-document stages with zero counts: a run that builds no segment still lists them. */
export function idleDocumentPhaseStats(config: RunConfig): StageStats[] {
  return segmentStages(config).map(({ stage, enabled }) => ({ name: stage.name, version: stage.version, seconds: 0, n_in: 0, n_out: 0, dropped: {}, n_problems: 0, skipped: !enabled }));
}

/** Reads a complete segment folder; null when it is incomplete, unreadable or of another format. */
export async function readSegment(folder: string): Promise<Segment | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(folder, SEGMENT_MANIFEST), 'utf8')) as SegmentManifest;
    return manifest.format === SEGMENT_FORMAT ? { folder, manifest } : null;
  } catch {
    return null;
  }
}

export function segmentTableFile(segment: Segment, table: SegmentTable): string {
  return segment.manifest.table_format === 'ndjson' ? path.join(segment.folder, STAGING_FOLDER, `${table}.ndjson`) : path.join(segment.folder, `${table}.parquet`);
}

/** A `FROM` source with the rows of `table` over every segment (all of one table format); `filename` adds the file each row came from. */
export function readSegmentTable(segments: Segment[], table: SegmentTable, filename: boolean): string {
  const formats = new Set(segments.map((s) => s.manifest.table_format ?? 'parquet'));
  if (formats.size > 1) throw new Error(`segments of more than one table format (${[...formats].join(', ')}) cannot be read together`);
  const files = segments.map((s) => segmentTableFile(s, table));
  return formats.has('ndjson') ? readStaged(files, SEGMENT_COLUMNS[table], filename) : `read_parquet([${files.map(literal).join(', ')}]${filename ? ', filename = true' : ''})`;
}

const SEGMENT_ROW_GROUP_ROWS = 20_000;

/**
 * Staged NDJSON → typed, compressed Parquet (row order kept), one file per table, with row groups
 * of 20,000 rows: converting the 1,000 MB corpus's staged documents (1.2 GB of NDJSON) with
 * DuckDB's default row groups peaked at 1,152 MB in a process of its own, with these at 457 MB
 * (signatures 937 → 364 MB, mentions 657 → 221 MB). Two threads rather than one: the mentions
 * convert in 8.4 s instead of 14.9 for 512 MB instead of 233 in a process of their own; in a
 * whole 1,000 MB run (RSS sampled every 0.25 s) the conversion stayed under 1,060 MB and the
 * global phase after it reached 1,486 MB.
 */
async function toParquet(folder: string, tables: Record<SegmentTable, StagedTable>, memoryLimit: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'; SET temp_directory = ${literal(path.join(folder, 'spill'))}; SET memory_limit = ${literal(memoryLimit)}; ${RELEASE_FREED_MEMORY}`);
    for (const [name, table] of Object.entries(tables)) {
      await connection.run(`COPY (SELECT * FROM ${readStaged(table.file, table.columns)}) TO ${literal(path.join(folder, `${name}.parquet`))} (${PARQUET_OPTIONS}, ROW_GROUP_SIZE ${SEGMENT_ROW_GROUP_ROWS})`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Files hashed at once after the run (those ingest did not digest). Hashing all 391,284 files of the 1,000 MB corpus at once (one read stream
 * each) ran out of file descriptors, so 95 % of the hashes were null, and took the process from
 * 0.3 to 2.7 GB; eight at a time: 32 s, 0.07 GB over the baseline. (p-queue's addAll over the same
 * files took 147–158 CPU s against the plain loop's 32.)
 */
const HASH_CONCURRENCY = 8;

/**
 * The segment's record of each file, in input order. With `hash`, a file ingest did not digest (a
 * WARC file, streamed; one it could not read) is read again here.
 */
async function segmentFiles(files: InputFile[], hash: boolean, digests: ReadonlyMap<InputFile, string>): Promise<SegmentFile[]> {
  const records = new Array<SegmentFile>(files.length);
  let next = 0;
  const hashInTurn = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const digest = hash ? (digests.get(file) ?? (await sha256(file.absolute_path))) : null;
      records[i] = { source_path: file.source_path, bytes: file.bytes, mtime_ms: file.mtime_ms, sha256: digest };
    }
  };
  await Promise.all(Array.from({ length: HASH_CONCURRENCY }, hashInTurn));
  return records;
}

export async function sha256(file: string): Promise<string | null> {
  const digest = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) digest.update(chunk as Buffer);
    return digest.digest('hex');
  } catch {
    // Unreadable now (deleted, permission): it is a problem row of this segment and has no content to compare.
    return null;
  }
}
