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

/**
 * Union-find over the links; writes dedupe_components(doc_id, component) for linked documents only.
 * JavaScript sees node numbers (the linked documents in doc_id order), never the doc_id strings:
 * as two strings per link plus a Map they left ≈ 175 MB of garbage in the heap at 1,000 MB, which
 * V8 kept into the stories step, where the run's memory peaked.
 */
async function linkComponents(connection: DuckDBConnection): Promise<number> {
  await connection.run(
    `CREATE OR REPLACE TABLE dedupe_nodes AS
     SELECT (row_number() OVER (ORDER BY doc_id) - 1)::INTEGER AS node, doc_id
     FROM (SELECT doc_id_a AS doc_id FROM dedupe_links UNION SELECT doc_id_b FROM dedupe_links)`,
  );
  const nodes = Number((await connection.runAndReadAll('SELECT count(*) FROM dedupe_nodes')).getColumns()[0]![0]);
  const uf = new UnionFind(nodes);
  const links = await connection.stream('SELECT na.node, nb.node FROM dedupe_links l JOIN dedupe_nodes na ON na.doc_id = l.doc_id_a JOIN dedupe_nodes nb ON nb.doc_id = l.doc_id_b');
  let nLinks = 0;
  for (let chunk = await links.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await links.fetchChunk()) {
    const [a, b] = [chunk.getColumnVector(0), chunk.getColumnVector(1)];
    for (let row = 0; row < chunk.rowCount; row++, nLinks++) uf.union(Number(a.getItem(row)), Number(b.getItem(row)));
  }
  await connection.run('CREATE OR REPLACE TABLE dedupe_node_components (node INTEGER, root INTEGER)');
  const appender = await connection.createAppender('dedupe_node_components');
  for (let node = 0; node < nodes; node++) {
    appender.appendInteger(node);
    appender.appendInteger(uf.find(node));
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(
    `CREATE OR REPLACE TABLE dedupe_components AS
     SELECT n.doc_id, r.doc_id AS component
     FROM dedupe_node_components c JOIN dedupe_nodes n ON n.node = c.node JOIN dedupe_nodes r ON r.node = c.root;
     DROP TABLE dedupe_node_components; DROP TABLE dedupe_nodes`,
  );
  return nLinks;
}
