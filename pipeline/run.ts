import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { groupDuplicatesInDuckDB, SIGNATURE_COLUMNS } from '../stages/dedupe/index.js';
import { buildStories } from '../stages/stories/index.js';
import { discoverInputs, ingestStage, type InputFile } from '../stages/ingest/index.js';
import { UsageError, type RunConfig } from './config.js';
import type { Logger } from './log.js';
import { createTempOutput, discardTempOutput, lockOutput, MANIFEST, publishOutput } from './output-folder.js';
import { OUTPUT_README } from './output-readme.js';
import { StageRunner } from './runner.js';
import type { StageStats } from './stage.js';
import { StagedTable } from './staging.js';
import { AGGREGATE_TABLES, DOCUMENT_GROUP_COLUMNS, DOCUMENT_STAGE_COLUMNS, DOCUMENT_STORY_COLUMNS, TABLES, type ColumnSpec } from './tables.js';
import { DOCUMENT_PHASE_TABLES, documentPhase, documentStages, type DocumentPhaseTable } from './workers/index.js';
import { createEmptyTable, writeTables } from './write-tables.js';

export const PIPELINE_VERSION = '0.1.0';

export interface RunSummary {
  run_id: string;
  output: string;
  seconds: number;
  n_inputs: number;
  n_documents: number;
  input_bytes: number;
  row_counts: Record<string, number>;
  stages: StageStats[];
  n_problems: number;
  /** Peak resident memory of the process so far, in MB (worker threads included). */
  peak_rss_mb: number;
  /** CPU seconds (user + system) of the process so far, all threads. */
  cpu_seconds: number;
}

/** A run that cannot produce output (no readable document, unwritable output): exit code 1. */
export class RunError extends Error {}

/**
 * One run: discover inputs, stream every document through the per-document stages into staged
 * tables, run the global phase (dedupe grouping, aggregates), and publish the tables atomically.
 */
export async function runPipeline(config: RunConfig, log: Logger): Promise<RunSummary> {
  const startedAt = new Date();
  const runId = `${startedAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
  const discovery = await discoverInputs(config.inputs);
  if (discovery.missing.length > 0) {
    throw new UsageError(`input ${discovery.missing.map((m) => `"${m}"`).join(', ')} not found; check the path or quote the glob.`);
  }
  const release = await lockOutput(config.output, runId);
  try {
    const temp = await createTempOutput(config.output, runId).catch((error: Error) => {
      throw new RunError(error.message);
    });
    try {
      const summary = await runInto(temp, config, runId, startedAt, discovery.files, discovery.problems, log);
      await publishOutput(temp, config.output);
      return summary;
    } catch (error) {
      await discardTempOutput(temp);
      throw error;
    }
  } finally {
    await release();
  }
}

async function runInto(
  temp: string,
  config: RunConfig,
  runId: string,
  startedAt: Date,
  files: InputFile[],
  discoveryProblems: { source_path: string; code: string; message: string }[],
  log: Logger,
): Promise<RunSummary> {
  // Staged rows and DuckDB's files live under .work/, which writeTables deletes when done.
  const workFolder = path.join(temp, '.work');
  const stagingFolder = path.join(workFolder, 'staging');
  await mkdir(stagingFolder, { recursive: true });
  const runner = new StageRunner((_stage, _stats) => log.progress(runner.stats, files.length));
  for (const problem of discoveryProblems) runner.problem('ingest', { ...problem, doc_id: null, line: null });
  log.event('run-start', { run_id: runId, inputs: config.inputs, files: files.length, output: config.output });

  const staged = new Map<string, StagedTable>();
  const stage = (name: string, columns = TABLES[name as keyof typeof TABLES].columns) => {
    const table = new StagedTable(stagingFolder, name, columns);
    staged.set(name, table);
    return table;
  };
  const columns: Record<DocumentPhaseTable, ColumnSpec[]> = {
    documents_stage: DOCUMENT_STAGE_COLUMNS,
    removed_lines: TABLES.removed_lines.columns,
    mentions: TABLES.mentions.columns,
    quantities: TABLES.quantities.columns,
    dates: TABLES.dates.columns,
    quotes: TABLES.quotes.columns,
    // Dedupe's per-document half: signatures staged like any table; the global half is SQL over them.
    dedupe_signatures: SIGNATURE_COLUMNS,
  };
  const phaseTables = Object.fromEntries(DOCUMENT_PHASE_TABLES.map((name) => [name, stage(name, columns[name])])) as Record<DocumentPhaseTable, StagedTable>;
  const documents = phaseTables.documents_stage;
  const signatures = phaseTables.dedupe_signatures;

  // Ingest on the main thread; clean, dedupe signatures and extraction in batches on worker threads.
  const raws = runner.pipe(ingestStage({ concurrency: config.concurrency }), (async function* () {
    yield* files;
  })());
  const phaseOptions = { clean: config.clean, dedupe: config.dedupe, stages: { dedupe: config.stages.dedupe, extract: config.stages.extract }, concurrency: config.concurrency };
  for (const { stage: step, enabled } of documentStages(phaseOptions)) runner.register(step, !enabled);
  let inputBytes = 0;
  for await (const batch of documentPhase(raws, phaseOptions)) {
    inputBytes += batch.input_bytes;
    for (const name of DOCUMENT_PHASE_TABLES) await phaseTables[name].appendNdjson(batch.rows[name].ndjson, batch.rows[name].rows);
    runner.merge(batch.stats, batch.problems);
  }
  if (documents.rows === 0) {
    throw new RunError(`no readable document in ${config.inputs.join(', ')} (${files.length} files found, ${runner.problems.length} problems: ${summarizeCodes(runner.problems.map((p) => p.code))}); give files of type .txt, .jsonl, .json or .csv with text.`);
  }

  // Global steps, run by writeTables on the loaded staged tables before `documents` is built.
  // A skipped step still creates its tables, empty, so `documents` and the aggregates can join them.
  const globalStep = (step: { name: string; version: string }, enabled: boolean, tables: [string, ColumnSpec[]][], nIn: number, build: (connection: DuckDBConnection) => Promise<number>) =>
    async (connection: DuckDBConnection) => {
      if (enabled) {
        await runner.global(step, nIn, () => build(connection), (nOut) => nOut);
        return;
      }
      runner.skip(step);
      for (const [name, columns] of tables) await createEmptyTable(connection, name, columns);
    };
  const globalSteps = [
    globalStep({ name: 'dedupe-groups', version: '2.0.0' }, config.stages.dedupe, [['document_groups', DOCUMENT_GROUP_COLUMNS], ['duplicates', TABLES.duplicates.columns]], signatures.rows, (connection) =>
      groupDuplicatesInDuckDB(connection, config.dedupe),
    ),
    globalStep({ name: 'stories', version: '1.0.0' }, config.stages.stories, [['document_stories', DOCUMENT_STORY_COLUMNS], ['stories', TABLES.stories.columns]], documents.rows, (connection) =>
      buildStories(connection),
    ),
  ];

  const problems = stage('problems');
  for (const problem of runner.problems) await problems.append({ ...problem });
  for (const table of staged.values()) await table.close();

  const aggregateStats: StageStats = { name: 'aggregate', version: '1.0.0', seconds: 0, n_in: documents.rows, n_out: 0, dropped: {}, n_problems: 0, skipped: !config.stages.aggregate };
  const written = await writeTables({
    folder: temp,
    workFolder,
    formats: config.formats,
    staged,
    globalSteps,
    runAggregates: config.stages.aggregate,
    runRecord: (aggregateSeconds, rowCounts, duckdbVersion) => {
      aggregateStats.seconds = aggregateSeconds;
      aggregateStats.n_out = AGGREGATE_TABLES.reduce((sum, t) => sum + (rowCounts[t.name] ?? 0), 0);
      return runRow(runId, startedAt, config, files.length, documents.rows, runner.problems.length, [...runner.stats, aggregateStats], duckdbVersion);
    },
  });
  const summary: RunSummary = {
    run_id: runId,
    output: path.resolve(config.output),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    n_inputs: files.length,
    n_documents: documents.rows,
    input_bytes: inputBytes,
    row_counts: written.rowCounts,
    stages: [...runner.stats, aggregateStats],
    n_problems: runner.problems.length,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpu_seconds: Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e4) / 100,
  };
  const manifest = { ...summary, output: undefined, started_at: startedAt.toISOString(), versions: versions(written.duckdbVersion), config };
  await writeFile(path.join(temp, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  await writeFile(path.join(temp, 'README.md'), OUTPUT_README);
  return summary;
}

function runRow(runId: string, startedAt: Date, config: RunConfig, nInputs: number, nDocuments: number, nProblems: number, stats: StageStats[], duckdbVersion: string): Record<string, unknown> {
  return {
    run_id: runId,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    n_inputs: nInputs,
    n_documents: nDocuments,
    n_problems: nProblems,
    stages: stats.map((s) => ({ ...s, seconds: Math.round(s.seconds * 1e6) / 1e6, dropped: JSON.stringify(s.dropped) })),
    versions: JSON.stringify({ ...versions(duckdbVersion), stages: Object.fromEntries(stats.map((s) => [s.name, s.version])) }),
    config: JSON.stringify(config),
  };
}

function versions(duckdbVersion: string): Record<string, string> {
  return { pipeline: PIPELINE_VERSION, node: process.version, duckdb: duckdbVersion };
}

function summarizeCodes(codes: string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${n} ${code}`).join(', ') || 'none';
}
