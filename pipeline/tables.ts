/**
 * The data contract in code: every output table, its columns with DuckDB types, and the order its
 * rows are written in (so output bytes are deterministic). docs/SCHEMA.md documents the same
 * columns; test/pipeline/schema-doc.test.ts keeps the two in step.
 */

export interface ColumnSpec {
  name: string;
  /** DuckDB type; lists are `T[]` (Parquet LIST, JSON-encoded in CSV). */
  type: string;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  /** ORDER BY clause applied when the table is written. */
  orderBy: string;
  /**
   * Tables written by a per-document stage (staged as NDJSON), built by a global step before
   * `documents` (dedupe, stories: stages/dedupe, stages/stories), or built by the aggregate SQL.
   */
  origin: 'stage' | 'global' | 'sql';
  /**
   * One row per document or per span of one: with `--partition-by-month` its Parquet is written as
   * Hive partitions `<table>/published_month=YYYY-MM/part-0.parquet` (pipeline/write-tables.ts).
   */
  byDocument?: true;
  /**
   * Usually stored in `orderBy` order already: the export checks the keys (a sort of them alone)
   * and then writes the rows as stored instead of sorting them whole (pipeline/write-tables.ts).
   */
  storedInOrder?: true;
}

/** The Hive partition key of the by-document tables: the month of the document's publication date (stated, else inferred). */
export const PARTITION_COLUMN = 'published_month';

const c = (name: string, type: string): ColumnSpec => ({ name, type });
const DOC = c('doc_id', 'VARCHAR');
const SPAN = [c('start', 'INTEGER'), c('end', 'INTEGER')];

export const TABLES = {
  documents: {
    name: 'documents',
    origin: 'sql',
    byDocument: true,
    // The order of documents_stage: the input's (stages/ingest/discover.ts sorts the files).
    storedInOrder: true,
    orderBy: 'source_path, record_no NULLS FIRST, doc_id',
    columns: [
      DOC, c('source_path', 'VARCHAR'), c('record_no', 'INTEGER'), c('format', 'VARCHAR'), c('encoding', 'VARCHAR'),
      c('title', 'VARCHAR'), c('published_at', 'DATE'), c('published_at_inferred', 'DATE'), c('published_at_source', 'VARCHAR'), c('crawled_at', 'TIMESTAMPTZ'), c('url', 'VARCHAR'), c('source', 'VARCHAR'),
      c('site', 'VARCHAR'), c('author', 'VARCHAR'), c('lang', 'VARCHAR'), c('outlet', 'VARCHAR'),
      c('text', 'VARCHAR'), c('n_chars', 'INTEGER'), c('n_words', 'INTEGER'), c('n_sentences', 'INTEGER'), c('n_removed_lines', 'INTEGER'),
      c('input_bytes', 'BIGINT'), c('exact_hash', 'VARCHAR'), c('dup_group_id', 'VARCHAR'), c('is_canonical', 'BOOLEAN'),
      c('story_id', 'VARCHAR'),
    ],
  },
  removed_lines: {
    name: 'removed_lines',
    origin: 'stage',
    byDocument: true,
    orderBy: 'doc_id, line_no',
    columns: [DOC, c('line_no', 'INTEGER'), c('text', 'VARCHAR'), c('rule', 'VARCHAR')],
  },
  duplicates: {
    name: 'duplicates',
    origin: 'global',
    orderBy: 'doc_id_a, doc_id_b',
    columns: [c('doc_id_a', 'VARCHAR'), c('doc_id_b', 'VARCHAR'), c('similarity', 'DOUBLE'), c('method', 'VARCHAR')],
  },
  stories: {
    name: 'stories',
    origin: 'global',
    orderBy: 'n_documents DESC, story_id',
    columns: [
      c('story_id', 'VARCHAR'), c('label', 'VARCHAR'), c('first_date', 'DATE'), c('last_date', 'DATE'), c('n_documents', 'BIGINT'),
      c('n_sources', 'BIGINT'), c('doc_ids', 'VARCHAR[]'),
    ],
  },
  mentions: {
    name: 'mentions',
    origin: 'stage',
    byDocument: true,
    orderBy: 'doc_id, start',
    columns: [DOC, c('entity_id', 'VARCHAR'), c('text', 'VARCHAR'), c('type', 'VARCHAR'), c('subtype', 'VARCHAR'), c('canonical', 'VARCHAR'), c('country_code', 'VARCHAR'), ...SPAN, c('sentence_no', 'INTEGER')],
  },
  quantities: {
    name: 'quantities',
    origin: 'stage',
    byDocument: true,
    orderBy: 'doc_id, start',
    columns: [
      DOC, c('text', 'VARCHAR'), c('value', 'DOUBLE'), c('low', 'DOUBLE'), c('high', 'DOUBLE'), c('unit', 'VARCHAR'), c('subject', 'VARCHAR'),
      c('kind', 'VARCHAR'), c('qualifier', 'VARCHAR'), c('attributed_to', 'VARCHAR'), c('claim_key', 'VARCHAR'), c('claim_subject', 'VARCHAR'),
      c('subject_source', 'VARCHAR'), ...SPAN, c('sentence_start', 'INTEGER'), c('sentence_end', 'INTEGER'),
    ],
  },
  dates: {
    name: 'dates',
    origin: 'stage',
    byDocument: true,
    orderBy: 'doc_id, start',
    columns: [DOC, c('text', 'VARCHAR'), c('resolved', 'DATE'), c('resolved_end', 'DATE'), c('granularity', 'VARCHAR'), c('reference_date', 'DATE'), c('reference', 'VARCHAR'), ...SPAN],
  },
  quotes: {
    name: 'quotes',
    origin: 'stage',
    byDocument: true,
    orderBy: 'doc_id, start',
    columns: [
      DOC, c('text', 'VARCHAR'), c('speaker', 'VARCHAR'), c('speaker_canonical', 'VARCHAR'), c('speaker_entity_id', 'VARCHAR'), c('verb', 'VARCHAR'),
      ...SPAN, c('sentence_start', 'INTEGER'), c('sentence_end', 'INTEGER'),
    ],
  },
  entities: {
    name: 'entities',
    origin: 'sql',
    orderBy: 'mention_count DESC, entity_id',
    columns: [
      c('entity_id', 'VARCHAR'), c('name', 'VARCHAR'), c('type', 'VARCHAR'), c('subtype', 'VARCHAR'), c('country_code', 'VARCHAR'),
      c('aliases', 'VARCHAR[]'), c('mention_count', 'BIGINT'), c('doc_count', 'BIGINT'), c('salient_doc_count', 'BIGINT'), c('source_count', 'BIGINT'), c('first_seen', 'DATE'), c('last_seen', 'DATE'),
    ],
  },
  cooccurrence: {
    name: 'cooccurrence',
    origin: 'sql',
    orderBy: 'doc_count DESC, entity_a, entity_b',
    columns: [c('entity_a', 'VARCHAR'), c('entity_b', 'VARCHAR'), c('name_a', 'VARCHAR'), c('name_b', 'VARCHAR'), c('doc_count', 'BIGINT'), c('sentence_count', 'BIGINT'),
      c('doc_pmi', 'DOUBLE'), c('sentence_pmi', 'DOUBLE'), c('doc_ids', 'VARCHAR[]')],
  },
  claims: {
    name: 'claims',
    origin: 'sql',
    orderBy: 'claim_key, value NULLS LAST, low NULLS LAST, high NULLS LAST',
    columns: [
      c('claim_key', 'VARCHAR'), c('subject', 'VARCHAR'), c('value', 'DOUBLE'), c('low', 'DOUBLE'), c('high', 'DOUBLE'), c('unit', 'VARCHAR'),
      c('qualifiers', 'VARCHAR[]'), c('doc_count', 'BIGINT'), c('doc_ids', 'VARCHAR[]'), c('source_paths', 'VARCHAR[]'), c('attributed_to', 'VARCHAR[]'),
      c('texts', 'VARCHAR[]'), c('first_published', 'DATE'), c('last_published', 'DATE'), c('subject_n_values', 'BIGINT'), c('subject_min', 'DOUBLE'),
      c('subject_max', 'DOUBLE'), c('subject_n_sources', 'BIGINT'), c('subject_disagrees', 'BOOLEAN'),
    ],
  },
  entity_daily: {
    name: 'entity_daily',
    origin: 'sql',
    orderBy: 'date, mention_count DESC, entity_id',
    columns: [c('date', 'DATE'), c('entity_id', 'VARCHAR'), c('name', 'VARCHAR'), c('mention_count', 'BIGINT'), c('doc_count', 'BIGINT')],
  },
  sources: {
    name: 'sources',
    origin: 'sql',
    orderBy: 'n_documents DESC, source',
    columns: [
      c('source', 'VARCHAR'), c('n_documents', 'BIGINT'), c('n_duplicates', 'BIGINT'), c('kept_chars', 'BIGINT'), c('removed_chars', 'BIGINT'),
      c('boilerplate_share', 'DOUBLE'), c('first_date', 'DATE'), c('last_date', 'DATE'), c('doc_ids', 'VARCHAR[]'),
    ],
  },
  problems: {
    name: 'problems',
    origin: 'stage',
    orderBy: 'source_path NULLS FIRST, line NULLS FIRST, stage, code, doc_id NULLS FIRST, message',
    columns: [c('source_path', 'VARCHAR'), DOC, c('stage', 'VARCHAR'), c('code', 'VARCHAR'), c('message', 'VARCHAR'), c('line', 'INTEGER')],
  },
  runs: {
    name: 'runs',
    origin: 'stage',
    orderBy: 'started_at',
    columns: [
      c('run_id', 'VARCHAR'), c('started_at', 'TIMESTAMPTZ'), c('finished_at', 'TIMESTAMPTZ'), c('n_inputs', 'BIGINT'), c('n_documents', 'BIGINT'),
      c('n_problems', 'BIGINT'), c('stages', 'STRUCT(name VARCHAR, version VARCHAR, seconds DOUBLE, n_in BIGINT, n_out BIGINT, dropped VARCHAR, n_problems BIGINT, skipped BOOLEAN)[]'),
      c('versions', 'VARCHAR'), c('config', 'VARCHAR'),
    ],
  },
} satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;

/**
 * Per-document facts the global phase joins into `documents` (staged, not published), plus what
 * the corpus-lines step needs to remove a paragraph and renumber what follows it (each paragraph's
 * input line and sentence count) and to replace a text dump's title (the title's input line).
 */
export const DOCUMENT_STAGE_COLUMNS: ColumnSpec[] = [
  ...TABLES.documents.columns.filter((col) => !['exact_hash', 'dup_group_id', 'is_canonical', 'story_id'].includes(col.name)),
  c('paragraphs', 'STRUCT(line_no INTEGER, n_sentences INTEGER)[]'),
  c('title_line_no', 'INTEGER'),
];
/**
 * Rows that stand in for the `documents_stage` rows of the same doc_id when `documents` is built (a
 * global step that rewrites documents, corpus-lines, adds them here). Deleting and re-inserting the
 * rows instead would move them to the end of `documents_stage`, which otherwise keeps the input's
 * order, the order `documents` is written in; pipeline/write-tables.ts then writes it unsorted.
 */
export const DOCUMENT_EDITS_TABLE = 'documents_stage_edits';
export const DOCUMENT_GROUP_COLUMNS: ColumnSpec[] = [DOC, c('exact_hash', 'VARCHAR'), c('dup_group_id', 'VARCHAR'), c('is_canonical', 'BOOLEAN')];
export const DOCUMENT_STORY_COLUMNS: ColumnSpec[] = [DOC, c('story_id', 'VARCHAR')];

export const PUBLISHED_TABLES: TableSpec[] = Object.values(TABLES);

/** Tables the aggregate stage builds with stages/aggregate/*.sql: every SQL-built table but documents. */
export const AGGREGATE_TABLES: TableSpec[] = PUBLISHED_TABLES.filter((t) => t.origin === 'sql' && t.name !== 'documents');
