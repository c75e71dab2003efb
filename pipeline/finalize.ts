import type { DuckDBConnection } from '@duckdb/node-api';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CORPUS_MIN_GROUPS, CORPUS_RULE, removeCorpusLines } from '../stages/clean/corpus-lines.js';
import { groupDuplicatesInDuckDB } from '../stages/dedupe/index.js';
import { buildStories } from '../stages/stories/index.js';
import type { RunConfig } from './config.js';
import { collectGarbage } from './gc.js';
import { MANIFEST } from './output-folder.js';
import { OUTPUT_README } from './output-readme.js';
import { StageRunner } from './runner.js';
import { idleDocumentPhaseStats, readSegmentTable, segmentTableFile, SEGMENT_COLUMNS, SEGMENT_TABLES, type Segment } from './segment.js';
import { ident, literal } from './sql.js';
import type { Problem, StageStats } from './stage.js';
import { AGGREGATE_TABLES, DOCUMENT_GROUP_COLUMNS, DOCUMENT_STORY_COLUMNS, TABLES, type ColumnSpec } from './tables.js';
import { createEmptyTable, writeTables, type GlobalPhaseSeconds } from './write-tables.js';

export const PIPELINE_VERSION = '0.2.0';

/** A run that cannot produce output (no readable document, unwritable output): exit code 1. */
export class RunError extends Error {}

export interface RunSummary {
  run_id: string;
  output: string;
  seconds: number;
  /** Input files the published tables cover. */
  n_inputs: number;
  n_documents: number;
  /** Input bytes the published tables cover. */
  input_bytes: number;
  row_counts: Record<string, number>;
  /** This run's work: the per-document stages of the segments it built, then the global steps. */
  stages: StageStats[];
  n_problems: number;
  /** Segments the tables were built from, and how many of them this run built. */
  n_segments: number;
  n_segments_built: number;
  /** Peak resident memory of the process so far, in MB (worker threads included). */
  peak_rss_mb: number;
  /** CPU seconds (user + system) of the process so far, all threads. */
  cpu_seconds: number;
  /**
   * Wall seconds of the run's parts, in order: `per_document` from the start to the global phase
   * (discovery and the per-document phase), then the global phase's parts (pipeline/write-tables.ts).
   */
  phase_seconds: { per_document: number } & GlobalPhaseSeconds;
}

export interface FinalizeOptions {
  /** The run's temporary output folder; the caller publishes it. */
  temp: string;
  config: RunConfig;
  runId: string;
  startedAt: Date;
  /** Every segment the tables cover, oldest first. */
  segments: Segment[];
  /** Per segment, the source paths whose rows are current (a later segment or a deleted file supersedes the others). */
  live: Map<Segment, Set<string>>;
  /** Segments built by this run (their stage statistics are this run's work). */
  built: Segment[];
  /** Problems of this run that belong to no segment (e.g. discovery of a sharded run's inputs). */
  problems: Omit<Problem, 'stage'>[];
}

/**
 * The global phase over segments: loads the current rows of every segment into DuckDB, groups
 * duplicates, builds stories, `documents` and the aggregates, and writes every table, the run
 * manifest and the output README into the temporary output folder.
 */
export async function finalize(options: FinalizeOptions): Promise<RunSummary> {
  const { config, segments, live } = options;
  const perDocumentSeconds = (Date.now() - options.startedAt.getTime()) / 1000;
  const runner = new StageRunner();
  runner.merge(idleDocumentPhaseStats(config), []);
  for (const segment of options.built) runner.merge(segment.manifest.stats, []);
  const liveFiles = segments.flatMap((s) => s.manifest.files.filter((f) => live.get(s)?.has(f.source_path)));
  let nDocuments = 0;
  let inputBytes = 0;
  let nProblems = 0;

  const globalStep = (step: { name: string; version: string }, enabled: boolean, tables: [string, ColumnSpec[]][], build: (connection: DuckDBConnection) => Promise<number>) =>
    async (connection: DuckDBConnection) => {
      if (enabled) {
        await runner.global(step, nDocuments, () => build(connection), (nOut) => nOut);
        collectGarbage();
        return;
      }
      runner.skip(step);
      for (const [name, columns] of tables) await createEmptyTable(connection, name, columns);
    };
  const globalSteps = [
    globalStep({ name: 'dedupe-groups', version: '2.0.0' }, config.stages.dedupe, [['document_groups', DOCUMENT_GROUP_COLUMNS], ['duplicates', TABLES.duplicates.columns]], (connection) =>
      groupDuplicatesInDuckDB(connection, config.dedupe),
    ),
    globalStep({ name: 'stories', version: '1.0.0' }, config.stages.stories, [['document_stories', DOCUMENT_STORY_COLUMNS], ['stories', TABLES.stories.columns]], (connection) => buildStories(connection)),
    globalStep({ name: 'corpus-lines', version: '1.0.0' }, !config.clean.disabledRules.includes(CORPUS_RULE), [], (connection) =>
      removeCorpusLines(connection, config.clean.corpusMinGroups ?? DEFAULT_CORPUS_MIN_GROUPS, [TABLES.mentions, TABLES.quantities, TABLES.dates, TABLES.quotes]),
    ),
  ];

  const aggregateStats: StageStats = { name: 'aggregate', version: '1.0.0', seconds: 0, n_in: 0, n_out: 0, dropped: {}, n_problems: 0, skipped: !config.stages.aggregate };
  collectGarbage();
  const written = await writeTables({
    folder: options.temp,
    workFolder: path.join(options.temp, '.work'),
    formats: config.formats,
    memoryLimit: config.memoryLimit,
    partitionByMonth: config.partitionByMonth,
    load: async (connection) => {
      await loadSegments(connection, segments, live, options.problems);
      const counts = (await connection.runAndReadAll('SELECT (SELECT count(*) FROM documents_stage), (SELECT coalesce(sum(input_bytes), 0) FROM documents_stage), (SELECT count(*) FROM problems)')).getRows()[0]!;
      [nDocuments, inputBytes, nProblems] = counts.map(Number) as [number, number, number];
      if (nDocuments === 0) throw new RunError(await noDocumentMessage(connection, config, liveFiles.length));
    },
    globalSteps,
    runAggregates: config.stages.aggregate,
    runRecord: (aggregateSeconds, rowCounts, duckdbVersion) => {
      aggregateStats.seconds = aggregateSeconds;
      aggregateStats.n_in = nDocuments;
      aggregateStats.n_out = AGGREGATE_TABLES.reduce((sum, t) => sum + (rowCounts[t.name] ?? 0), 0);
      return runRow(options, liveFiles.length, nDocuments, nProblems, [...runner.stats, aggregateStats], duckdbVersion);
    },
  });
  const usage = process.resourceUsage();
  const summary: RunSummary = {
    run_id: options.runId,
    output: path.resolve(config.output),
    seconds: (Date.now() - options.startedAt.getTime()) / 1000,
    n_inputs: liveFiles.length,
    n_documents: nDocuments,
    input_bytes: inputBytes,
    row_counts: written.rowCounts,
    stages: [...runner.stats, aggregateStats],
    n_problems: nProblems,
    n_segments: segments.length,
    n_segments_built: options.built.length,
    peak_rss_mb: Math.round(usage.maxRSS / 1024),
    cpu_seconds: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e4) / 100,
    phase_seconds: {
      per_document: milliRound(perDocumentSeconds),
      load: milliRound(written.seconds.load),
      global_steps: milliRound(written.seconds.global_steps),
      build: milliRound(written.seconds.build),
      export: milliRound(written.seconds.export),
    },
  };
  const manifest = { ...summary, output: undefined, started_at: options.startedAt.toISOString(), versions: versions(written.duckdbVersion), config };
  await writeFile(path.join(options.temp, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  await writeFile(path.join(options.temp, 'README.md'), OUTPUT_README);
  return summary;
}

/**
 * Creates one DuckDB table per segment table with the current rows of every segment. Rows are
 * current when their document's source file is live in that segment; when every file of every
 * segment is live (a plain run, a complete set of shards) the files are read as they are.
 */
async function loadSegments(connection: DuckDBConnection, segments: Segment[], live: Map<Segment, Set<string>>, extraProblems: Omit<Problem, 'stage'>[]): Promise<void> {
  const allLive = segments.every((s) => live.get(s)?.size === s.manifest.files.length);
  const read = (table: (typeof SEGMENT_TABLES)[number]) => readSegmentTable(segments, table, !allLive);
  if (!allLive) {
    await connection.run('CREATE TEMP TABLE live_files (filename VARCHAR, source_path VARCHAR)');
    const appender = await connection.createAppender('live_files');
    for (const segment of segments) {
      for (const sourcePath of live.get(segment) ?? []) {
        appender.appendVarchar(segmentTableFile(segment, 'documents_stage'));
        appender.appendVarchar(sourcePath);
        appender.endRow();
      }
    }
    appender.closeSync();
    // The same (segment, doc_id) pairs select the rows of every other table of that segment.
    await connection.run(
      `CREATE TEMP TABLE live_docs AS SELECT parse_dirpath(filename) AS segment, doc_id FROM ${read('documents_stage')} d SEMI JOIN live_files l USING (filename, source_path)`,
    );
  }
  for (const table of SEGMENT_TABLES) {
    const columns = SEGMENT_COLUMNS[table].map((c) => ident(c.name)).join(', ');
    let select = `SELECT ${columns} FROM ${read(table)}`;
    if (!allLive) {
      select =
        table === 'problems'
          ? `${select} t WHERE EXISTS (SELECT 1 FROM live_files l WHERE parse_dirpath(l.filename) = parse_dirpath(t.filename) AND l.source_path = t.source_path)`
          : `${select} t SEMI JOIN live_docs l ON l.segment = parse_dirpath(t.filename) AND l.doc_id = t.doc_id`;
    }
    await connection.run(`CREATE TABLE ${ident(table)} AS ${select}`);
  }
  if (extraProblems.length > 0) {
    const appender = await connection.createAppender('problems');
    for (const p of extraProblems) {
      for (const value of [p.source_path, p.doc_id]) value === null ? appender.appendNull() : appender.appendVarchar(value);
      appender.appendVarchar('ingest');
      appender.appendVarchar(p.code);
      appender.appendVarchar(p.message);
      p.line === null ? appender.appendNull() : appender.appendInteger(p.line);
      appender.endRow();
    }
    appender.closeSync();
  }
}

async function noDocumentMessage(connection: DuckDBConnection, config: RunConfig, nFiles: number): Promise<string> {
  const codes = (await connection.runAndReadAll('SELECT code, count(*) AS n FROM problems GROUP BY code ORDER BY n DESC, code')).getRows().map(([code, n]) => `${n} ${code}`);
  const inputs = config.finalize ? 'the shards' : config.inputs.join(', ');
  return `no readable document in ${inputs} (${nFiles} files found, ${codes.length ? codes.join(', ') : 'no problems'}); give files of type .txt, .html, .jsonl, .json, .csv or .warc with text.`;
}

function runRow(options: FinalizeOptions, nInputs: number, nDocuments: number, nProblems: number, stats: StageStats[], duckdbVersion: string): Record<string, unknown> {
  return {
    run_id: options.runId,
    started_at: options.startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    n_inputs: nInputs,
    n_documents: nDocuments,
    n_problems: nProblems,
    stages: stats.map((s) => ({ ...s, seconds: Math.round(s.seconds * 1e6) / 1e6, dropped: JSON.stringify(s.dropped) })),
    versions: JSON.stringify({ ...versions(duckdbVersion), stages: Object.fromEntries(stats.map((s) => [s.name, s.version])) }),
    config: JSON.stringify(options.config),
  };
}

function milliRound(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function versions(duckdbVersion: string): Record<string, string> {
  return { pipeline: PIPELINE_VERSION, node: process.version, duckdb: duckdbVersion };
}
