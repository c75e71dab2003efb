import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { averageLinkage, type Edge } from './cluster.js';
import { DEFAULT_STORY_OPTIONS, type StoryOptions } from './options.js';
import { STOPWORDS } from './stopwords.js';

export { DEFAULT_STORY_OPTIONS, type StoryOptions } from './options.js';

const SQL_FOLDER = fileURLToPath(new URL('./', import.meta.url));

/**
 * Global phase after dedupe: groups canonical documents that report the same event into stories.
 * Needs the tables documents_stage, document_groups (empty when dedupe is skipped) and mentions
 * (empty when extraction is skipped); creates `stories` and `document_stories` (doc_id, story_id).
 * Vectors and candidate edges are SQL (10-vectors.sql, 20-edges.sql, out of core); the clustering
 * runs in memory over the edges only (cluster.ts); 30-stories.sql builds the tables.
 * Returns the number of stories.
 */
export async function buildStories(connection: DuckDBConnection, options: Partial<StoryOptions> = {}): Promise<number> {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options };
  const sqlFiles = (await readdir(SQL_FOLDER)).filter((f) => f.endsWith('.sql')).sort();
  const run = async (file: string) => connection.run(await readFile(path.join(SQL_FOLDER, file), 'utf8'));
  await connection.run(`CREATE OR REPLACE TABLE story_stopwords AS SELECT unnest([${STOPWORDS.map((w) => `'${w}'`).join(', ')}]) AS word`);
  const nDocs = await scalar(connection, 'SELECT count(*) FROM documents_stage');
  const hasMentions = (await scalar(connection, 'SELECT count(*) FROM mentions')) > 0;
  await connection.run(
    `SET VARIABLE story_terms_per_doc = ${o.terms_per_doc}; SET VARIABLE story_max_df = ${Math.max(o.min_max_df, Math.floor(o.max_df_share * nDocs))};
     SET VARIABLE story_entity_weight = ${hasMentions ? o.entity_weight : 0}::DOUBLE; SET VARIABLE story_min_edge = ${o.min_edge}::DOUBLE;
     SET VARIABLE story_window_days = ${o.window_days}`,
  );
  for (const file of sqlFiles.filter((f) => f < '30')) await run(file);
  await cluster(connection, o.threshold);
  for (const file of sqlFiles.filter((f) => f >= '30')) await run(file);
  return scalar(connection, 'SELECT count(*) FROM stories');
}

/**
 * Clusters story_docs over story_edges; writes story_clusters(doc_id, story_id = smallest doc_id of
 * the story). JavaScript sees node numbers (story_docs in doc_id order) and typed arrays, never the
 * doc_id strings: as strings and one object per edge, the edges were most of the heap of the global
 * phase, and V8 kept that garbage through the export that followed.
 */
async function cluster(connection: DuckDBConnection, threshold: number): Promise<void> {
  await connection.run('CREATE OR REPLACE TABLE story_nodes AS SELECT (row_number() OVER (ORDER BY doc_id) - 1)::INTEGER AS node, doc_id FROM story_docs');
  const clusters = averageLinkage(await scalar(connection, 'SELECT count(*) FROM story_nodes'), await readEdges(connection), threshold);
  await connection.run('CREATE OR REPLACE TABLE story_node_clusters (node INTEGER, story_node INTEGER)');
  const appender = await connection.createAppender('story_node_clusters');
  clusters.forEach((storyNode, node) => {
    appender.appendInteger(node);
    appender.appendInteger(storyNode);
    appender.endRow();
  });
  appender.closeSync();
  await connection.run(
    `CREATE OR REPLACE TABLE story_clusters AS
     SELECT n.doc_id, s.doc_id AS story_id
     FROM story_node_clusters c JOIN story_nodes n ON n.node = c.node JOIN story_nodes s ON s.node = c.story_node
     ORDER BY n.doc_id;
     DROP TABLE story_node_clusters; DROP TABLE story_nodes`,
  );
}

/** story_edges as node numbers, streamed a chunk at a time into typed arrays (16 bytes an edge). */
async function readEdges(connection: DuckDBConnection): Promise<Iterable<Edge>> {
  const count = await scalar(connection, 'SELECT count(*) FROM story_edges');
  const [as, bs, similarities] = [new Int32Array(count), new Int32Array(count), new Float64Array(count)];
  const result = await connection.stream(
    `SELECT na.node, nb.node, e.similarity
     FROM story_edges e JOIN story_nodes na ON na.doc_id = e.doc_a JOIN story_nodes nb ON nb.doc_id = e.doc_b
     ORDER BY na.node, nb.node`,
  );
  let k = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const [a, b, similarity] = [0, 1, 2].map((column) => chunk!.getColumnVector(column));
    for (let row = 0; row < chunk.rowCount; row++, k++) {
      as[k] = Number(a!.getItem(row));
      bs[k] = Number(b!.getItem(row));
      similarities[k] = Number(similarity!.getItem(row));
    }
  }
  return (function* () {
    for (let k = 0; k < count; k++) yield { a: as[k]!, b: bs[k]!, similarity: similarities[k]! };
  })();
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  return Number((await connection.runAndReadAll(sql)).getColumns()[0]![0]);
}
