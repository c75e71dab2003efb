import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { literal } from '../sql.js';

type Row = Record<string, unknown>;

/** Everything the report shows, read from a pipeline output folder's Parquet files. */
export interface ReportData {
  run: Row;
  stages: Row[];
  counts: Record<string, number>;
  topEntities: Row[];
  cooccurrence: Row[];
  timeline: Row[];
  claims: Row[];
  stories: Row[] | null;
  sources: Row[];
}

export async function readReportData(folder: string): Promise<ReportData> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // A table written with --partition-by-month is a folder of Hive partitions instead of one file.
  const file = (table: string) =>
    existsSync(path.join(folder, table)) ? `read_parquet(${literal(path.join(folder, table, '**', '*.parquet'))}, hive_partitioning = true)` : literal(path.join(folder, `${table}.parquet`));
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Row[];
  try {
    const countsSql = ['documents', 'duplicates', 'stories', 'mentions', 'entities', 'quantities', 'dates', 'quotes', 'claims', 'problems', 'removed_lines']
      .map((t) => `(SELECT count(*) FROM ${file(t)}) AS ${t}`)
      .join(', ');
    const counts = Object.fromEntries(Object.entries((await rows(`SELECT ${countsSql}`))[0]!).map(([k, v]) => [k, Number(v)]));
    const run = (await rows(`SELECT run_id, CAST(started_at AS VARCHAR) AS started_at, CAST(finished_at AS VARCHAR) AS finished_at, n_inputs, n_documents, n_problems FROM ${file('runs')}`))[0]!;
    const stages = await rows(`SELECT s.name, s.seconds, s.n_in, s.n_out, s.skipped FROM (SELECT unnest(stages) AS s FROM ${file('runs')})`);
    // What the corpus is about: salience first; nationalities and groups (NORP) are adjectives, not actors.
    const topEntities = await rows(`SELECT name, type, salient_doc_count, doc_count, mention_count FROM ${file('entities')} WHERE subtype IS DISTINCT FROM 'NORP' ORDER BY salient_doc_count DESC, doc_count DESC, mention_count DESC, name LIMIT 15`);
    const cooccurrence = await rows(`SELECT name_a, name_b, doc_count, sentence_count FROM ${file('cooccurrence')} ORDER BY sentence_count DESC, doc_count DESC, name_a, name_b LIMIT 30`);
    const timeline = await rows(`
      WITH top AS (SELECT entity_id FROM ${file('entity_daily')} GROUP BY entity_id ORDER BY sum(mention_count) DESC, entity_id LIMIT 6)
      SELECT CAST(date AS VARCHAR) AS date, name, mention_count FROM ${file('entity_daily')} WHERE entity_id IN (SELECT entity_id FROM top) ORDER BY name, date`);
    const claims = await rows(`
      SELECT subject, claim_key, value, low, high, doc_count, texts, attributed_to, source_paths, subject_n_values
      FROM ${file('claims')} WHERE subject_disagrees ORDER BY subject_n_values DESC, claim_key, coalesce(value, low) LIMIT 40`);
    const stories = existsSync(path.join(folder, 'stories.parquet')) ? await rows(`SELECT * FROM ${file('stories')} ORDER BY n_documents DESC LIMIT 20`) : null;
    const sources = await rows(`SELECT source, n_documents, n_duplicates, boilerplate_share, CAST(first_date AS VARCHAR) AS first_date, CAST(last_date AS VARCHAR) AS last_date FROM ${file('sources')} ORDER BY n_documents DESC, source LIMIT 20`);
    return { run, stages, counts, topEntities, cooccurrence, timeline, claims, stories, sources };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
