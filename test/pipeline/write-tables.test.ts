import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_EDITS_TABLE, DOCUMENT_GROUP_COLUMNS, DOCUMENT_STAGE_COLUMNS, DOCUMENT_STORY_COLUMNS, TABLES } from '../../pipeline/tables.js';
import { buildDocumentsSql, createEmptyTable, storedInOrder } from '../../pipeline/write-tables.js';

/**
 * `documents` must come out of its build in the order of `documents_stage` (the input's), so that
 * the export writes it without sorting 1 GB of text; edited rows and the joined columns must land
 * on their own document.
 */
const N_DOCS = 30_000;

let connection: DuckDBConnection;
let instance: DuckDBInstance;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  // Two threads, as in a run: the hash joins' reordering shows with either.
  await connection.run('SET threads = 2');
  await createEmptyTable(connection, 'documents_stage', DOCUMENT_STAGE_COLUMNS);
  const values = DOCUMENT_STAGE_COLUMNS.map((col) => {
    if (col.name === 'doc_id') return `substr(md5(i::VARCHAR), 1, 16)`;
    if (col.name === 'source_path') return `printf('part-%03d/doc-%07d.txt', i // 1000, i)`;
    if (col.name === 'text') return `'text of ' || i`;
    return 'NULL';
  });
  await connection.run(`INSERT INTO documents_stage SELECT ${values.join(', ')} FROM range(${N_DOCS}) t(i) ORDER BY i`);
  await connection.run(`CREATE TABLE ${DOCUMENT_EDITS_TABLE} AS SELECT * REPLACE ('edited ' || text AS text) FROM documents_stage WHERE hash(doc_id) % 20 = 0`);
  await createEmptyTable(connection, 'document_groups', DOCUMENT_GROUP_COLUMNS);
  await connection.run(`INSERT INTO document_groups SELECT doc_id, md5(text), 'g-' || doc_id, true FROM documents_stage ORDER BY hash(doc_id)`);
  await createEmptyTable(connection, 'document_stories', DOCUMENT_STORY_COLUMNS);
  await connection.run(`INSERT INTO document_stories SELECT doc_id, 's-' || doc_id FROM documents_stage WHERE hash(doc_id) % 3 = 0 ORDER BY hash(doc_id)`);
  await connection.run(buildDocumentsSql());
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('documents', () => {
  it('is stored in documents_stage order, which is its output order here', async () => {
    expect(await rows(`SELECT count(*)::INTEGER AS n FROM documents`)).toEqual([{ n: N_DOCS }]);
    expect(await rows(`SELECT count(*)::INTEGER AS misplaced FROM (SELECT rowid AS stored, row_number() OVER (ORDER BY source_path) - 1 AS sorted FROM documents) WHERE stored <> sorted`)).toEqual([
      { misplaced: 0 },
    ]);
    expect(await storedInOrder(connection, TABLES.documents)).toBe(true);
  });

  it('takes an edited row in place of its document row, and the joined columns of its own document', async () => {
    const [edited] = await rows(`SELECT count(*)::INTEGER AS n FROM documents WHERE text LIKE 'edited %'`);
    expect(edited).toEqual((await rows(`SELECT count(*)::INTEGER AS n FROM ${DOCUMENT_EDITS_TABLE}`))[0]);
    expect(await rows(`SELECT count(*)::INTEGER AS wrong FROM documents d JOIN documents_stage s USING (doc_id)
      WHERE d.text <> (CASE WHEN hash(d.doc_id) % 20 = 0 THEN 'edited ' ELSE '' END) || s.text
         OR d.dup_group_id IS DISTINCT FROM 'g-' || d.doc_id
         OR d.story_id IS DISTINCT FROM (CASE WHEN hash(d.doc_id) % 3 = 0 THEN 's-' || d.doc_id END)`)).toEqual([{ wrong: 0 }]);
  });
});

describe('storedInOrder', () => {
  it('is false once one row is out of place', async () => {
    await connection.run(`CREATE TABLE shuffled AS SELECT * FROM documents ORDER BY CASE WHEN rowid = 0 THEN ${N_DOCS} ELSE rowid END`);
    expect(await storedInOrder(connection, { ...TABLES.documents, name: 'shuffled' })).toBe(false);
  });
});
