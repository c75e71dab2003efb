import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { averageLinkage } from './cluster.js';
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

/** Reads the edges, clusters, writes story_clusters(doc_id, story_id = smallest doc_id of the story). */
async function cluster(connection: DuckDBConnection, threshold: number): Promise<void> {
  const ids = ((await connection.runAndReadAll('SELECT doc_id FROM story_docs ORDER BY doc_id')).getColumns()[0] ?? []).map(String);
  const index = new Map(ids.map((id, i) => [id, i]));
  const columns = (await connection.runAndReadAll('SELECT doc_a, doc_b, similarity FROM story_edges ORDER BY doc_a, doc_b')).getColumns();
  const [as, bs, ss] = [columns[0] ?? [], columns[1] ?? [], columns[2] ?? []];
  const edges = as.map((a, k) => ({ a: index.get(String(a))!, b: index.get(String(bs[k]))!, similarity: Number(ss[k]) }));
  const clusters = averageLinkage(ids.length, edges, threshold);
  await connection.run('CREATE OR REPLACE TABLE story_clusters (doc_id VARCHAR, story_id VARCHAR)');
  const appender = await connection.createAppender('story_clusters');
  ids.forEach((id, i) => {
    appender.appendVarchar(id);
    appender.appendVarchar(ids[clusters[i]!]!);
    appender.endRow();
  });
  appender.closeSync();
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  return Number((await connection.runAndReadAll(sql)).getColumns()[0]![0]);
}
