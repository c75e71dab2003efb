import type { ColumnSpec } from './tables.js';

/** Double-quotes an identifier ("end" and "start" are SQL keywords). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `read_json` over a staged NDJSON file with the contract's column types. */
export function readStaged(file: string, columns: ColumnSpec[]): string {
  const spec = columns.map((col) => `${literal(col.name)}: ${literal(col.type)}`).join(', ');
  return `read_json(${literal(file)}, format = 'newline_delimited', columns = {${spec}})`;
}

/**
 * DuckDB allocates through its own jemalloc, which keeps freed pages until allocator activity
 * purges them; background threads purge them as they age, so the process gives memory back between
 * statements. At 1,000 MB the global phase (no per-document work) peaked at 2,420 MB RSS while DuckDB
 * itself accounted for 149 MB during the export; with them, 1,974 MB (docs/decisions.md).
 */
export const RELEASE_FREED_MEMORY = 'SET allocator_background_threads = true';
