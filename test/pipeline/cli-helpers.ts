import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The node arguments and environment of `npm run pipeline -- ...args` (through tsx, no colours). */
const cli = (args: string[]) => ({ argv: ['--import', 'tsx', 'pipeline/cli.ts', ...args], env: { ...process.env, FORCE_COLOR: '0' } });

/**
 * For runs whose subject is not threading: everything on the main thread. A run's worker threads
 * each load the stages and models again (~1 s of CPU apiece), which on a two-core machine compete
 * with the other test files; workers.test.ts and end-to-end.test.ts run with the default.
 */
export const ONE_THREAD = ['--concurrency', '1'];

/** Runs `npm run pipeline -- ...args` the way a user does (through tsx), with JSON logs. */
export function runCli(args: string[]): CliResult {
  const { argv, env } = cli(args);
  const result = spawnSync(process.execPath, argv, { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * runCli without blocking: for tests that run the pipeline many times, so vitest's worker keeps
 * answering its runner while a run goes on.
 */
export function runCliAsync(args: string[]): Promise<CliResult> {
  const { argv, env } = cli(args);
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { encoding: 'utf8', env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/**
 * Table files (every Parquet and CSV but `runs`, which holds run metadata) whose bytes differ
 * between two output folders: a sharded, incremental or distributed run must publish the same
 * bytes as one plain run.
 */
export function differingTables(a: string, b: string): string[] {
  const tables = readdirSync(a).filter((f) => /\.(parquet|csv)$/.test(f) && !f.startsWith('runs.'));
  if (tables.length < 20) throw new Error(`${a} holds ${tables.length} table files; expected every table in Parquet and CSV`);
  return tables.filter((f) => !existsSync(path.join(b, f)) || !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-`));
}

/** Runs SQL in a throwaway in-memory DuckDB and returns the rows as plain objects. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
