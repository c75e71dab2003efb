import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { ColumnSpec } from './tables.js';

/** Bytes buffered per table before they are handed to the file stream. */
const FLUSH_BYTES = 1 << 20;

/**
 * Row sinks for the per-document phase: each staged table is streamed to a newline-delimited
 * JSON file in the run's temporary folder, so memory stays flat whatever the corpus size. The
 * global phase loads these files into DuckDB with the column types of pipeline/tables.ts.
 */
export class StagedTable {
  readonly file: string;
  rows = 0;
  private buffer: string[] = [];
  private bufferedBytes = 0;
  private readonly stream: WriteStream;

  constructor(folder: string, readonly name: string, readonly columns: ColumnSpec[]) {
    this.file = path.join(folder, `${name}.ndjson`);
    this.stream = createWriteStream(this.file);
  }

  async append(row: Record<string, unknown>): Promise<void> {
    const line = JSON.stringify(row) + '\n';
    this.buffer.push(line);
    this.bufferedBytes += line.length;
    this.rows++;
    if (this.bufferedBytes >= FLUSH_BYTES) await this.flush();
  }

  /** Appends rows already rendered as NDJSON, one JSON object per line (pipeline/workers/rows.ts). */
  async appendNdjson(ndjson: string, rows: number): Promise<void> {
    if (rows === 0) return;
    this.buffer.push(ndjson);
    this.bufferedBytes += ndjson.length;
    this.rows += rows;
    if (this.bufferedBytes >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedBytes = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
