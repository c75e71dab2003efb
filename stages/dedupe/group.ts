import { DuckDBInstance } from '@duckdb/node-api';
import { groupDuplicatesInDuckDB, type GroupOptions } from './global.js';
import type { DedupeDoc, DedupeResult, DuplicatePair, GroupAssignment } from './types.js';

export type { GroupOptions };

/**
 * Runs the global dedupe phase (the same SQL and union-find as the pipeline) over signatures held
 * in memory, in an in-memory DuckDB: for tests and evaluations that have no staged run folder.
 */
export async function groupDuplicates(docs: readonly DedupeDoc[], options: GroupOptions = {}): Promise<DedupeResult> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // Dates and lists go in as text and are cast once in SQL: simpler than building DuckDB values by hand.
    await connection.run('CREATE TABLE dedupe_input (doc_id VARCHAR, exact_hash VARCHAR, n_chars INTEGER, published_at VARCHAR, n_shingles INTEGER, minhash VARCHAR)');
    const appender = await connection.createAppender('dedupe_input');
    for (const doc of docs) {
      appender.appendVarchar(doc.doc_id);
      appender.appendVarchar(doc.signature.exact_hash);
      appender.appendInteger(doc.n_chars);
      if (doc.published_at === null) appender.appendNull();
      else appender.appendVarchar(doc.published_at);
      appender.appendInteger(doc.signature.n_shingles);
      appender.appendVarchar(Array.from(doc.signature.minhash).join(','));
      appender.endRow();
    }
    appender.closeSync();
    await connection.run(`CREATE TABLE dedupe_signatures AS SELECT doc_id, exact_hash, n_chars, CAST(published_at AS DATE) AS published_at, n_shingles,
      CAST(string_split(minhash, ',') AS UINTEGER[]) AS minhash FROM dedupe_input`);
    await groupDuplicatesInDuckDB(connection, options);
    const pairs = (await connection.runAndReadAll('SELECT doc_id_a, doc_id_b, similarity, method FROM duplicates ORDER BY doc_id_a, doc_id_b')).getRowObjects().map(
      (r): DuplicatePair => ({ doc_id_a: String(r['doc_id_a']), doc_id_b: String(r['doc_id_b']), similarity: Number(r['similarity']), method: r['method'] as DuplicatePair['method'] }),
    );
    const groups = new Map<string, GroupAssignment>();
    for (const r of (await connection.runAndReadAll('SELECT doc_id, dup_group_id, is_canonical FROM document_groups ORDER BY doc_id')).getRowObjects()) {
      groups.set(String(r['doc_id']), { dup_group_id: String(r['dup_group_id']), is_canonical: r['is_canonical'] === true });
    }
    return { pairs, groups };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
