/**
 * The measurement behind docs/decisions.md "Table writer": writes the same 200,000 rows × 4
 * columns (doc_id, line_no, text, rule, like `removed_lines`) with each candidate and reports
 * seconds and file size. Run: `npx tsx scripts/bench/writers.ts`.
 */
import { createWriteStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { stringify } from 'csv-stringify/sync';
import parquet from 'parquetjs-lite';

const ROWS = 200_000;
const RULES = ['byline', 'photo-credit', 'newsletter', 'copyright'];
const rows = Array.from({ length: ROWS }, (_, i) => ({ doc_id: (i * 2654435761 >>> 0).toString(16).padStart(16, '0'), line_no: i % 40, text: `Boilerplate line number ${i % 997} of a scraped page`, rule: RULES[i % 4]! }));
const folder = mkdtempSync(path.join(tmpdir(), 'bench-writers-'));
const results: [string, number, number][] = [];

async function time(name: string, file: string, write: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await write();
  results.push([name, (performance.now() - started) / 1000, statSync(file).size / 1e6]);
}

const parquetFile = path.join(folder, 'parquetjs.parquet');
await time('parquetjs-lite (no compression)', parquetFile, async () => {
  const schema = new parquet.ParquetSchema({ doc_id: { type: 'UTF8' }, line_no: { type: 'INT32' }, text: { type: 'UTF8' }, rule: { type: 'UTF8' } });
  const writer = await parquet.ParquetWriter.openFile(schema, parquetFile);
  for (const row of rows) await writer.appendRow(row);
  await writer.close();
});

async function duckdb(sql: (c: { run(sql: string): Promise<unknown> }) => Promise<void>): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await sql(connection);
  connection.closeSync();
  instance.closeSync();
}

const ndjson = path.join(folder, 'staged.ndjson');
const duckParquet = path.join(folder, 'duckdb.parquet');
await time('NDJSON staging + DuckDB read_json + COPY parquet zstd (chosen)', duckParquet, async () => {
  const stream = createWriteStream(ndjson);
  const lines: string[] = [];
  for (const row of rows) lines.push(JSON.stringify(row));
  stream.write(lines.join('\n') + '\n');
  stream.end();
  await once(stream, 'finish');
  await duckdb(async (c) => {
    await c.run(`COPY (SELECT * FROM read_json('${ndjson}', format='newline_delimited', columns={doc_id:'VARCHAR', line_no:'INTEGER', text:'VARCHAR', rule:'VARCHAR'})) TO '${duckParquet}' (FORMAT parquet, COMPRESSION zstd)`);
  });
});

const duckCsv = path.join(folder, 'duckdb.csv');
await time('DuckDB COPY csv (from staged NDJSON)', duckCsv, () =>
  duckdb(async (c) => {
    await c.run(`COPY (SELECT * FROM read_json('${ndjson}', format='newline_delimited', columns={doc_id:'VARCHAR', line_no:'INTEGER', text:'VARCHAR', rule:'VARCHAR'})) TO '${duckCsv}' (FORMAT csv, HEADER true)`);
  }),
);

const stringified = path.join(folder, 'csv-stringify.csv');
await time('csv-stringify (sync)', stringified, async () => {
  writeFileSync(stringified, stringify(rows, { header: true, columns: ['doc_id', 'line_no', 'text', 'rule'] }));
});

console.log(`| writer | seconds | MB |\n|---|---|---|`);
for (const [name, seconds, mb] of results) console.log(`| ${name} | ${seconds.toFixed(2)} | ${mb.toFixed(1)} |`);
