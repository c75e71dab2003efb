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
