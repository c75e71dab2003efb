import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { resolveOptions, type DedupeOptions } from './options.js';
import { UnionFind } from './union-find.js';

const SQL_FOLDER = fileURLToPath(new URL('./', import.meta.url));

/** Columns of the staged signature table (one row per document, written in the streaming phase). */
export const SIGNATURE_COLUMNS = [
  { name: 'doc_id', type: 'VARCHAR' },
  { name: 'exact_hash', type: 'VARCHAR' },
  { name: 'n_chars', type: 'INTEGER' },
  { name: 'published_at', type: 'DATE' },
  { name: 'n_shingles', type: 'INTEGER' },
  { name: 'minhash', type: 'UINTEGER[]' },
];

export type GroupOptions = Partial<Pick<DedupeOptions, 'bands' | 'rows' | 'threshold' | 'containment' | 'containment_min_jaccard'>>;

/**
 * Global phase of dedupe, over the staged table `dedupe_signatures` in DuckDB: exact classes,
 * LSH buckets → candidate pairs, verification (stages/dedupe/10–30-*.sql, out of core), then
 * union-find over the verified links (in memory: one entry per *linked* document, not per
 * document), then the groups and canonical members (40-groups.sql). Creates the tables
 * `document_groups` (doc_id, exact_hash, dup_group_id, is_canonical) and `duplicates`.
 * Returns the number of linked pairs.
 */
export async function groupDuplicatesInDuckDB(connection: DuckDBConnection, options: GroupOptions = {}): Promise<number> {
  const sqlFiles = (await readdir(SQL_FOLDER)).filter((f) => f.endsWith('.sql')).sort();
  const run = async (file: string) => connection.run(await readFile(path.join(SQL_FOLDER, file), 'utf8'));
  await checkSignatures(connection, options);
  const o = resolveOptions({ ...options, num_perm: Number.MAX_SAFE_INTEGER });
  await connection.run(
    `SET VARIABLE dedupe_bands = ${o.bands}; SET VARIABLE dedupe_rows = ${o.rows}; SET VARIABLE dedupe_threshold = ${o.threshold}::DOUBLE;
     SET VARIABLE dedupe_containment = ${o.containment}::DOUBLE; SET VARIABLE dedupe_containment_min_jaccard = ${o.containment_min_jaccard}::DOUBLE`,
  );
  for (const file of sqlFiles.filter((f) => f < '40')) await run(file);
  const nLinks = await linkComponents(connection);
  for (const file of sqlFiles.filter((f) => f >= '40')) await run(file);
  return nLinks;
}

async function checkSignatures(connection: DuckDBConnection, options: GroupOptions): Promise<void> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) - count(DISTINCT doc_id) AS repeated, min(doc_id) FILTER (WHERE doc_id IN (SELECT doc_id FROM dedupe_signatures GROUP BY doc_id HAVING count(*) > 1)) AS example,
            min(len(minhash)) AS min_perm, max(len(minhash)) AS max_perm FROM dedupe_signatures`,
  );
  const row = reader.getRowObjects()[0]!;
  if (Number(row['repeated']) > 0) throw new Error(`duplicate doc_id: ${String(row['example'])}`);
  if (row['min_perm'] === null) return;
  if (row['min_perm'] !== row['max_perm']) throw new Error('all signatures must have the same num_perm');
  resolveOptions({ ...options, num_perm: Number(row['min_perm']) });
}

/** Union-find over the links; writes dedupe_components(doc_id, component) for linked documents only. */
async function linkComponents(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll('SELECT doc_id_a, doc_id_b FROM dedupe_links ORDER BY doc_id_a, doc_id_b');
  const columns = reader.getColumns() as unknown as string[][];
  const [as, bs] = [columns[0] ?? [], columns[1] ?? []];
  const index = new Map<string, number>();
  const ids: string[] = [];
  const at = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const pairs = as.map((a, k) => [at(a), at(bs[k]!)] as const);
  const uf = new UnionFind(ids.length);
  for (const [a, b] of pairs) uf.union(a, b);
  await connection.run('CREATE OR REPLACE TABLE dedupe_components (doc_id VARCHAR, component VARCHAR)');
  const appender = await connection.createAppender('dedupe_components');
  ids.forEach((id, i) => {
    appender.appendVarchar(id);
    appender.appendVarchar(ids[uf.find(i)]!);
    appender.endRow();
  });
  appender.closeSync();
  return pairs.length;
}
