import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ident, literal, PARQUET_OPTIONS, readStaged, RELEASE_FREED_MEMORY } from './sql.js';
import { AGGREGATE_TABLES, DOCUMENT_EDITS_TABLE, DOCUMENT_GROUP_COLUMNS, DOCUMENT_STORY_COLUMNS, PARTITION_COLUMN, PUBLISHED_TABLES, TABLES, type TableSpec } from './tables.js';
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
  /** Parquet of the by-document tables as Hive partitions by publication month (TableSpec.byDocument). */
  partitionByMonth: boolean;
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
  seconds: GlobalPhaseSeconds;
}

/** Wall seconds of the global phase's parts, in order (DuckDB's work, which the stage rows only partly show). */
export interface GlobalPhaseSeconds {
  /** Loading the segments' tables into the database. */
  load: number;
  /** The global steps (dedupe groups, stories, corpus lines). */
  global_steps: number;
  /** `documents`, the aggregates, the row counts and `runs`. */
  build: number;
  /** Writing every table as Parquet and CSV. */
  export: number;
}

/**
 * The global phase's storage: loads the staged tables into DuckDB with the contract's types,
 * builds `documents` and the aggregate tables with the SQL files in stages/aggregate/, checks
 * every table against pipeline/tables.ts, and writes Parquet and CSV in a fixed row order.
 */
export async function writeTables(options: WriteOptions): Promise<WriteResult> {
  await mkdir(options.workFolder, { recursive: true });
  // A database file rather than :memory:, so tables larger than RAM page out (costs ≈0.25 s of checkpoint on BBC).
  const database = path.join(options.workFolder, 'tables.duckdb');
  try {
    const built = await withDatabase(database, options, (connection) => buildTables(connection, options));
    const exportStarted = performance.now();
    // The export runs in a reopened database: DuckDB kept the build phase's tables in memory until
    // the database closed (at 1,000 MB 521–534 MB of them through the export, CHECKPOINT or not), so
    // the sort of `documents` failed below a 1GB limit; reopened, it reads their blocks from the file
    // as the export needs them (200 MB corpus: 300MB now suffices; peak at 1GB 1,518 → 1,291 MB).
    await withDatabase(database, options, async (connection) => {
      if (options.partitionByMonth) await connection.run(DOCUMENT_MONTHS_SQL);
      for (const spec of PUBLISHED_TABLES) {
        await checkColumns(connection, spec);
        await connection.run(`SET threads = ${exportThreads(spec)}`);
        await export_(connection, spec, options);
      }
    });
    built.seconds.export = secondsSince(exportStarted);
    return built;
  } finally {
    await rm(options.workFolder, { recursive: true, force: true });
  }
}

/**
 * `documents` is exported on one thread: the CSV and Parquet writers buffer outside DuckDB's memory
 * limit, per thread, and exporting the 1,000 MB corpus's documents (1 GB of text) as CSV with two
 * threads raised the process by 220–540 MB over its peak while loading; with one it stayed under
 * it, in the same time (7.3 vs 8.3–9.1 s; Parquet 7.3 vs 7.1–7.8 s). The other tables' rows are
 * small, and two threads sort and write them faster (200 MB corpus, quiet machine: the export of
 * every table 4.7 s against 7.1–7.3 s on one thread, the same peak; the same bytes run after run).
 */
function exportThreads(spec: TableSpec): number {
  return spec.name === 'documents' ? 1 : 2;
}

/** Opens the global phase's database with its settings, runs `work`, and closes it (which checkpoints). */
async function withDatabase<T>(file: string, options: WriteOptions, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'; SET temp_directory = ${literal(path.join(options.workFolder, 'spill'))}; SET memory_limit = ${literal(options.memoryLimit)}; ${RELEASE_FREED_MEMORY}`);
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Loads the staged tables, runs the global steps, builds `documents`, the aggregates and `runs`. */
async function buildTables(connection: DuckDBConnection, options: WriteOptions): Promise<WriteResult> {
  const seconds: GlobalPhaseSeconds = { load: 0, global_steps: 0, build: 0, export: 0 };
  let partStarted = performance.now();
  await options.load(connection);
  await connection.run(`CREATE TABLE ${ident(DOCUMENT_EDITS_TABLE)} AS FROM documents_stage LIMIT 0`);
  seconds.load = secondsSince(partStarted);
  partStarted = performance.now();
  for (const step of options.globalSteps) await step(connection);
  seconds.global_steps = secondsSince(partStarted);
  partStarted = performance.now();
  await connection.run(buildDocumentsSql());
  const started = performance.now();
  if (options.runAggregates) {
    for (const file of (await readdir(AGGREGATE_FOLDER)).filter((f) => f.endsWith('.sql')).sort()) {
      await connection.run(await readFile(path.join(AGGREGATE_FOLDER, file), 'utf8'));
    }
  } else {
    for (const spec of AGGREGATE_TABLES) await createEmptyTable(connection, spec.name, spec.columns);
  }
  const aggregateSeconds = secondsSince(started);
  const rowCounts: Record<string, number> = {};
  for (const spec of PUBLISHED_TABLES.filter((t) => t.name !== 'runs')) rowCounts[spec.name] = await countRows(connection, spec.name);
  const version = String((await connection.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]!['v']);
  const runs = new StagedTable(options.workFolder, 'runs', TABLES.runs.columns);
  await runs.append(options.runRecord(aggregateSeconds, rowCounts, version));
  await runs.close();
  await connection.run(`CREATE TABLE runs AS SELECT * FROM ${readStaged(runs.file, runs.columns)}`);
  rowCounts['runs'] = 1;
  seconds.build = secondsSince(partStarted);
  return { rowCounts, duckdbVersion: version, seconds };
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

/**
 * `documents` = the per-document facts (a row of DOCUMENT_EDITS_TABLE in place of its doc_id's
 * row) with the dedupe groups and stories of the global phase, in the order of `documents_stage`,
 * so that the export need not sort it (storedInOrder). A hash join does not keep its input's order
 * (1,173 of 78,391 rows moved on the 200 MB corpus, all within one stretch of 1,173 rows, on one
 * thread as on two), so the joins run over the narrow columns, sorted back by row id, and the
 * result is put beside `documents_stage` by position.
 */
export function buildDocumentsSql(): string {
  const from = (list: typeof DOCUMENT_GROUP_COLUMNS, name: string) => list.some((g) => g.name === name && g.name !== 'doc_id');
  const extras: string[] = [];
  const columns = TABLES.documents.columns.map((col) => {
    const name = ident(col.name);
    if (from(DOCUMENT_GROUP_COLUMNS, col.name)) extras.push(`g.${name}`);
    else if (from(DOCUMENT_STORY_COLUMNS, col.name)) extras.push(`s.${name}`);
    else {
      const edited = ident(`edited_${col.name}`);
      extras.push(`e.${name} AS ${edited}`);
      return `CASE WHEN x.edited THEN x.${edited} ELSE d.${name} END AS ${name}`;
    }
    return `x.${name}`;
  });
  return `CREATE TEMP TABLE document_extras AS
      SELECT e.doc_id IS NOT NULL AS edited, ${extras.join(', ')}
      FROM (SELECT rowid AS stored, doc_id FROM documents_stage) d
      LEFT JOIN ${ident(DOCUMENT_EDITS_TABLE)} e ON e.doc_id = d.doc_id
      LEFT JOIN document_groups g ON g.doc_id = d.doc_id
      LEFT JOIN document_stories s ON s.doc_id = d.doc_id
      ORDER BY d.stored;
    CREATE TABLE documents AS SELECT ${columns.join(', ')} FROM documents_stage d POSITIONAL JOIN document_extras x;
    DROP TABLE document_extras`;
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
  const parquet = path.join(options.folder, `${spec.name}.parquet`);
  const sorted = spec.storedInOrder && (await storedInOrder(connection, spec)) ? ident(spec.name) : `${ident(spec.name)} ORDER BY ${spec.orderBy}`;
  let csvSource = sorted;
  if (options.formats.includes('parquet')) {
    if (options.partitionByMonth && spec.byDocument) await exportPartitioned(connection, spec, options.folder);
    else {
      await connection.run(`COPY (SELECT * FROM ${sorted}) TO ${literal(parquet)} (${PARQUET_OPTIONS})`);
      // The Parquet file holds the rows in order already; scanning it in file order (DuckDB keeps
      // insertion order) spares the CSV a second sort of the table.
      csvSource = `read_parquet(${literal(parquet)})`;
    }
  }
  if (options.formats.includes('csv')) {
    // CSV has no list or struct type: such columns are JSON-encoded.
    const columns = spec.columns.map((col) => (/\[\]$|^STRUCT/.test(col.type) ? `to_json(${ident(col.name)}) AS ${ident(col.name)}` : ident(col.name)));
    await connection.run(`COPY (SELECT ${columns.join(', ')} FROM ${csvSource}) TO ${literal(path.join(options.folder, `${spec.name}.csv`))} (FORMAT csv, HEADER true)`);
  }
}

/**
 * Whether the table's rows are stored in `orderBy` order (its keys sorted alone put every row at
 * its own position), so that a scan, which DuckDB returns in stored order, writes them in order.
 * Sorting the rows whole spills under the memory limit when they are large: at 1,000 MB,
 * `documents` (1 GB of text) took 50.5 s to write sorted and 4.7 s as stored, the check 0.2 s.
 */
export async function storedInOrder(connection: DuckDBConnection, spec: TableSpec): Promise<boolean> {
  const misplaced = await connection.runAndReadAll(
    `SELECT count(*) FROM (SELECT rowid AS stored, row_number() OVER (ORDER BY ${spec.orderBy}) - 1 AS sorted FROM ${ident(spec.name)}) WHERE stored <> sorted`,
  );
  return Number(misplaced.getColumns()[0]![0]) === 0;
}

/** Each document's partition: the month of its stated publication date, else of the inferred one; NULL when it has neither. */
const DOCUMENT_MONTHS_SQL = `CREATE TEMP TABLE document_months AS SELECT doc_id, strftime(coalesce(published_at, published_at_inferred), '%Y-%m') AS ${PARTITION_COLUMN} FROM documents`;

/** The folder name Hive, Spark, pyarrow and DuckDB give a NULL partition value. */
const HIVE_NULL_PARTITION = '__HIVE_DEFAULT_PARTITION__';

/**
 * `<table>/published_month=YYYY-MM/part-0.parquet`, rows in the table's order within each file;
 * documents without a date go to `published_month=__HIVE_DEFAULT_PARTITION__` (read back as NULL by
 * DuckDB, pyarrow and Spark). The partition column lives in the folder names, not in the files.
 * One COPY per month rather than DuckDB's PARTITION_BY, which wrote rows out of the query's order
 * past ≈ 1 M rows in a partition (quotes of the 1,000 MB corpus), and keeps them in order only when
 * it buffers every partition whole.
 */
async function exportPartitioned(connection: DuckDBConnection, spec: TableSpec, folder: string): Promise<void> {
  const rows = `${ident(spec.name)} t JOIN document_months m USING (doc_id)`;
  const months = (await connection.runAndReadAll(`SELECT DISTINCT m.${PARTITION_COLUMN} FROM ${rows} ORDER BY 1 NULLS LAST`)).getColumns()[0] ?? [];
  // An empty table still gets a file, so globbing the table's folder finds its columns instead of failing.
  for (const month of months.length > 0 ? months : [null]) {
    const partition = path.join(folder, spec.name, `${PARTITION_COLUMN}=${month === null ? HIVE_NULL_PARTITION : String(month)}`);
    await mkdir(partition, { recursive: true });
    const where = month === null ? `m.${PARTITION_COLUMN} IS NULL` : `m.${PARTITION_COLUMN} = ${literal(String(month))}`;
    await connection.run(`COPY (SELECT t.* FROM ${rows} WHERE ${where} ORDER BY ${spec.orderBy}) TO ${literal(path.join(partition, 'part-0.parquet'))} (${PARQUET_OPTIONS})`);
  }
}
