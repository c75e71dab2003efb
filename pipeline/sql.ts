import type { ColumnSpec } from './tables.js';

/** Double-quotes an identifier ("end" and "start" are SQL keywords). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `read_json` over staged NDJSON files with the contract's column types; `filename` adds the file each row came from. */
export function readStaged(files: string | string[], columns: ColumnSpec[], filename = false): string {
  const spec = columns.map((col) => `${literal(col.name)}: ${literal(col.type)}`).join(', ');
  const list = typeof files === 'string' ? literal(files) : `[${files.map(literal).join(', ')}]`;
  return `read_json(${list}, format = 'newline_delimited', columns = {${spec}}${filename ? ', filename = true' : ''})`;
}

/**
 * DuckDB allocates through its own jemalloc, which keeps freed pages until allocator activity
 * purges them; background threads purge them as they age, so the process gives memory back between
 * statements. At 1,000 MB the global phase (no per-document work) peaked at 2,420 MB RSS while DuckDB
 * itself accounted for 149 MB during the export; with them, 1,974 MB (docs/decisions.md).
 */
export const RELEASE_FREED_MEMORY = 'SET allocator_background_threads = true';

/**
 * COPY options of every Parquet file the pipeline writes. zstd at level 1 rather than DuckDB's
 * default 3: the 1,000 MB corpus's mentions (12.7 M rows) wrote in 5.4 s instead of 9.0, 182 MB
 * instead of 171 (uncompressed: 4.8 s, 252 MB; snappy 5.6 s, 225 MB).
 */
export const PARQUET_OPTIONS = 'FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1';
