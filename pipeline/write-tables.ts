import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ident, literal, readStaged, RELEASE_FREED_MEMORY } from './sql.js';
import { AGGREGATE_TABLES, PUBLISHED_TABLES, TABLES, DOCUMENT_GROUP_COLUMNS, DOCUMENT_STORY_COLUMNS, type TableSpec } from './tables.js';
import { StagedTable } from './staging.js';

export type OutputFormat = 'parquet' | 'csv';

const AGGREGATE_FOLDER = fileURLToPath(new URL('../stages/aggregate/', import.meta.url));

export interface WriteOptions {
  /** Folder the tables are written to (the run's temporary output folder). */
  folder: string;
  /** Folder for DuckDB's database and spill files; deleted afterwards. */
  workFolder: string;
  formats: OutputFormat[];
  /** DuckDB's memory limit (e.g. '1GB'); past it, DuckDB spills to workFolder. */
  memoryLimit: string;
  /** Creates the staged tables (documents_stage, mentions, ..., problems) in the database. */
  load: (connection: DuckDBConnection) => Promise<void>;
  /**
   * Global steps over the loaded staged tables, run in order before `documents` is built; they must
   * create `document_groups`, `duplicates`, `document_stories` and `stories` (dedupe, stories).
   */
  globalSteps: Array<(connection: DuckDBConnection) => Promise<void>>;
  /** False when the aggregate stage is skipped: its tables are written empty. */
  runAggregates: boolean;
  /** Builds the `runs` row once the aggregates are done, so it holds their timing too. */
  runRecord: (aggregateSeconds: number, rowCounts: Record<string, number>, duckdbVersion: string) => Record<string, unknown>;
}

export interface WriteResult {
  rowCounts: Record<string, number>;
  duckdbVersion: string;
}

/**
 * The global phase's storage: loads the staged tables into DuckDB with the contract's types,
 * builds `documents` and the aggregate tables with the SQL files in stages/aggregate/, checks
 * every table against pipeline/tables.ts, and writes Parquet and CSV in a fixed row order.
 */
export async function writeTables(options: WriteOptions): Promise<WriteResult> {
  await mkdir(options.workFolder, { recursive: true });
  // A database file rather than :memory:, so tables larger than RAM page out (costs ≈0.25 s of checkpoint on BBC).
  const instance = await DuckDBInstance.create(path.join(options.workFolder, 'tables.duckdb'));
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'; SET temp_directory = ${literal(path.join(options.workFolder, 'spill'))}; SET memory_limit = ${literal(options.memoryLimit)}; ${RELEASE_FREED_MEMORY}`);
    await options.load(connection);
    for (const step of options.globalSteps) await step(connection);
    await connection.run(buildDocumentsSql());
    const started = performance.now();
    if (options.runAggregates) {
      for (const file of (await readdir(AGGREGATE_FOLDER)).filter((f) => f.endsWith('.sql')).sort()) {
        await connection.run(await readFile(path.join(AGGREGATE_FOLDER, file), 'utf8'));
      }
    } else {
      for (const spec of AGGREGATE_TABLES) await createEmptyTable(connection, spec.name, spec.columns);
    }
    const aggregateSeconds = (performance.now() - started) / 1000;
    const rowCounts: Record<string, number> = {};
    for (const spec of PUBLISHED_TABLES.filter((t) => t.name !== 'runs')) rowCounts[spec.name] = await countRows(connection, spec.name);
    const version = String((await connection.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]!['v']);
    const runs = new StagedTable(options.workFolder, 'runs', TABLES.runs.columns);
    await runs.append(options.runRecord(aggregateSeconds, rowCounts, version));
    await runs.close();
    await connection.run(`CREATE TABLE runs AS SELECT * FROM ${readStaged(runs.file, runs.columns)}`);
    // One thread for the export: the CSV and Parquet writers buffer outside DuckDB's memory limit, per
    // thread. Exporting the 1,000 MB corpus's documents (1 GB of text) as CSV with two threads raised
    // the process by 220–540 MB over its peak while loading; with one it stayed under it, in the
    // same time (7.3 vs 8.3–9.1 s; Parquet 7.3 vs 7.1–7.8 s).
    await connection.run('SET threads = 1');
    for (const spec of PUBLISHED_TABLES) {
      await checkColumns(connection, spec);
      await export_(connection, spec, options);
    }
    rowCounts['runs'] = 1;
    return { rowCounts, duckdbVersion: version };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(options.workFolder, { recursive: true, force: true });
  }
}

/** `documents` = the per-document facts joined with the dedupe groups and stories of the global phase. */
function buildDocumentsSql(): string {
  const from = (list: typeof DOCUMENT_GROUP_COLUMNS, name: string) => list.some((g) => g.name === name && g.name !== 'doc_id');
  const columns = TABLES.documents.columns.map((col) => `${from(DOCUMENT_GROUP_COLUMNS, col.name) ? 'g' : from(DOCUMENT_STORY_COLUMNS, col.name) ? 's' : 'd'}.${ident(col.name)}`);
  return `CREATE TABLE documents AS SELECT ${columns.join(', ')} FROM documents_stage d LEFT JOIN document_groups g ON g.doc_id = d.doc_id LEFT JOIN document_stories s ON s.doc_id = d.doc_id`;
}

/** Creates a table with the given columns and no rows (the tables of a skipped global step). */
export async function createEmptyTable(connection: DuckDBConnection, name: string, columns: { name: string; type: string }[]): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${ident(name)} (${columns.map((col) => `${ident(col.name)} ${col.type}`).join(', ')})`);
}

/** A table whose columns drift from the contract is a bug: fail the run rather than publish it. */
async function checkColumns(connection: DuckDBConnection, spec: TableSpec): Promise<void> {
  const reader = await connection.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${literal(spec.name)} ORDER BY ordinal_position`);
  const actual = reader.getRowObjects().map((row) => `${row['column_name']} ${normalizeType(String(row['data_type']))}`);
  const expected = spec.columns.map((col) => `${col.name} ${normalizeType(col.type)}`);
  if (actual.join(', ') !== expected.join(', ')) {
    throw new Error(`table ${spec.name} does not match pipeline/tables.ts:\n  built:    ${actual.join(', ')}\n  expected: ${expected.join(', ')}`);
  }
}

function normalizeType(type: string): string {
  return type.toUpperCase().replace(/TIMESTAMPTZ/g, 'TIMESTAMP WITH TIME ZONE').replace(/\s+/g, ' ').replace(/"/g, '');
}

async function countRows(connection: DuckDBConnection, table: string): Promise<number> {
  const result = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${ident(table)}`);
  return Number(result.getRowObjects()[0]!['n']);
}

async function export_(connection: DuckDBConnection, spec: TableSpec, options: WriteOptions): Promise<void> {
  const select = (columns: string[]) => `SELECT ${columns.join(', ')} FROM ${ident(spec.name)} ORDER BY ${spec.orderBy}`;
  if (options.formats.includes('parquet')) {
    await connection.run(`COPY (${select(['*'])}) TO ${literal(path.join(options.folder, `${spec.name}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
  }
  if (options.formats.includes('csv')) {
    // CSV has no list or struct type: such columns are JSON-encoded.
    const columns = spec.columns.map((col) => (/\[\]$|^STRUCT/.test(col.type) ? `to_json(${ident(col.name)}) AS ${ident(col.name)}` : ident(col.name)));
    await connection.run(`COPY (${select(columns)}) TO ${literal(path.join(options.folder, `${spec.name}.csv`))} (FORMAT csv, HEADER true)`);
  }
}
