import { readFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../../pipeline/sql.js';
import { DOCUMENT_EDITS_TABLE } from '../../pipeline/tables.js';
import { MAX_TITLE_CHARS, NOT_A_TITLE_END } from '../ingest/header.js';
import { MIN_HEADLINE_WORDS } from './index.js';
import { WORD } from './normalize.js';

/**
 * Corpus-level boilerplate, a global step of the clean stage (corpus-lines.sql): a line shorter
 * than CORPUS_MAX_LINE_CHARS whose CCNet normalisation recurs in at least `minGroups` duplicate
 * groups is removed from every document that holds it, with rule `corpus-repeat` in
 * `removed_lines`. Removing a paragraph from the cleaned text moves everything after it, so the
 * annotation tables follow: rows inside a removed paragraph go, offsets and sentence numbers
 * after it shift. Touches only the documents that hold a repeated line.
 *
 * Threshold: 3 groups by default. CCNet removes any paragraph seen twice in a 5 GB shard of the
 * web, after deduplicating; a news dump is smaller, and one quote or stock phrase ("He declined
 * to comment.") can recur in two unrelated stories, so we ask for three. Measured in
 * docs/decisions.md ("Corpus-level boilerplate in the global phase").
 */

export const DEFAULT_CORPUS_MIN_GROUPS = 3;
/** Lines this long or longer never count: a long sentence recurring verbatim is syndicated text. */
export const CORPUS_MAX_LINE_CHARS = 200;

export const CORPUS_RULE = 'corpus-repeat';

const SQL_FILE = new URL('./corpus-lines.sql', import.meta.url);

/** A table of annotations that point into the cleaned text (pipeline/tables.ts). */
export interface AnnotationTable {
  name: string;
  columns: { name: string }[];
}

/** Offset columns, in code points of the cleaned text, that move with the text they point into. */
const OFFSET_COLUMNS = ['start', 'end', 'sentence_start', 'sentence_end'];

/**
 * Removes corpus-level boilerplate lines from the documents (as rows of DOCUMENT_EDITS_TABLE) and
 * shifts `annotationTables`; a text dump's title (its first line) that is such a line goes too, and
 * the headline below it takes its place as in the clean stage. Needs `document_groups`,
 * `document_stories` and DOCUMENT_EDITS_TABLE. Returns the number of lines removed, titles included.
 */
export async function removeCorpusLines(connection: DuckDBConnection, minGroups: number, annotationTables: AnnotationTable[]): Promise<number> {
  await connection.run(
    `SET VARIABLE corpus_min_groups = ${Math.max(1, Math.floor(minGroups))}; SET VARIABLE corpus_max_chars = ${CORPUS_MAX_LINE_CHARS};
     SET VARIABLE word_pattern = ${literal(WORD.source)}; SET VARIABLE title_min_words = ${MIN_HEADLINE_WORDS};
     SET VARIABLE title_max_chars = ${MAX_TITLE_CHARS}; SET VARIABLE title_bad_end = ${literal(NOT_A_TITLE_END.source)}`,
  );
  await connection.run(await readFile(SQL_FILE, 'utf8'));
  const [lines, titles] = (await connection.runAndReadAll('SELECT (SELECT count(*) FROM corpus_paragraphs WHERE repeated), (SELECT count(*) FROM corpus_titles)')).getRows()[0]!.map(Number) as [number, number];
  if (lines + titles > 0) {
    await connection.run(`
      INSERT INTO removed_lines (doc_id, line_no, text, rule)
      SELECT doc_id, line_no, text, ${literal(CORPUS_RULE)} FROM corpus_paragraphs WHERE repeated
      UNION ALL SELECT doc_id, title_line_no, title, ${literal(CORPUS_RULE)} FROM corpus_titles`);
    // Only the touched documents' rows change (at 1,000 MB 43,000 of 391,000 documents, 1.4 M of
    // 12.5 M mentions): they are deleted and inserted again rather than every table rebuilt. Not
    // updated in place: DuckDB holds an UPDATE's undo data in memory, and at 1,000 MB that ran out of
    // the memory limit.
    const chars = Number((await connection.runAndReadAll('SELECT coalesce(sum(length(text)), 0) FROM corpus_paragraphs')).getColumns()[0]![0]);
    const shares = Math.max(1, Math.ceil(chars / CHARS_PER_SHARE));
    await connection.run(`
      CREATE TEMP TABLE corpus_touched AS SELECT DISTINCT doc_id, hash(doc_id) % ${shares} AS share FROM (SELECT doc_id FROM corpus_paragraphs UNION ALL SELECT doc_id FROM corpus_titles);
      CREATE TEMP TABLE corpus_spans AS SELECT doc_id, start, leaves, shift, sentence_shift FROM corpus_paragraphs`);
    for (const table of annotationTables) await shiftAnnotations(connection, table);
    await rebuildDocuments(connection, shares);
    await connection.run('DROP TABLE corpus_spans; DROP TABLE corpus_touched');
  }
  await connection.run('DROP TABLE corpus_paragraphs; DROP TABLE corpus_titles');
  return lines + titles;
}

/**
 * Replaces the touched documents' rows of an annotation table by the rows that touch no paragraph
 * leaving the text, with their offsets and sentence numbers moved. Each row finds the paragraph its
 * first and its last character are in with an ASOF join (the last paragraph starting at or before
 * them); a row whose two paragraphs were shifted differently spans a paragraph that left.
 */
async function shiftAnnotations(connection: DuckDBConnection, table: AnnotationTable): Promise<void> {
  const has = (name: string) => table.columns.some((c) => c.name === name);
  const moves = OFFSET_COLUMNS.filter(has).map((c) => `(t.${ident(c)} - coalesce(a.shift, 0))::INTEGER AS ${ident(c)}`);
  if (has('sentence_no')) moves.push('(t.sentence_no - coalesce(a.sentence_shift, 0))::INTEGER AS sentence_no');
  await replaceTouchedRows(
    connection,
    table.name,
    `SELECT t.* REPLACE (${moves.join(', ')})
     FROM ${ident(table.name)} t
     SEMI JOIN corpus_touched x ON x.doc_id = t.doc_id
     ASOF LEFT JOIN corpus_spans a ON t.doc_id = a.doc_id AND t.start >= a.start
     ASOF LEFT JOIN corpus_spans b ON t.doc_id = b.doc_id AND greatest(t."end" - 1, t.start) >= b.start
     WHERE NOT (coalesce(a.leaves, false) OR coalesce(b.leaves, false) OR coalesce(a.shift, 0) <> coalesce(b.shift, 0))`,
  );
}

/**
 * Adds to DOCUMENT_EDITS_TABLE the touched documents' rows of `documents_stage` with their new
 * text, counts and titles, which `documents` takes instead of theirs. Their texts are reassembled a
 * share at a time: string aggregates are held in memory, and one pass ran out of the memory limit
 * when the step touched most documents of the 1,000 MB corpus. The documents are then read once,
 * not once per share: each read decompresses the whole corpus.
 */
async function rebuildDocuments(connection: DuckDBConnection, shares: number): Promise<void> {
  for (let share = 0; share < shares; share++) {
    await connection.run(`
      ${share === 0 ? 'CREATE TEMP TABLE corpus_texts AS' : 'INSERT INTO corpus_texts'}
      SELECT doc_id,
             coalesce(string_agg(text, chr(10) || chr(10) ORDER BY paragraph_no) FILTER (WHERE NOT leaves), '') AS text,
             coalesce(sum(n_sentences) FILTER (WHERE leaves), 0) AS removed_sentences,
             count(*) FILTER (WHERE repeated) AS removed_lines,
             coalesce(list({'line_no': line_no, 'n_sentences': n_sentences} ORDER BY paragraph_no) FILTER (WHERE NOT leaves), []) AS paragraphs
      FROM corpus_paragraphs p
      SEMI JOIN corpus_touched x ON x.doc_id = p.doc_id AND x.share = ${share}
      GROUP BY doc_id`);
  }
  await connection.run(`
    INSERT INTO ${ident(DOCUMENT_EDITS_TABLE)}
    WITH titles AS (
        SELECT t.doc_id, p.text AS title, p.line_no AS title_line_no
        FROM corpus_titles t LEFT JOIN corpus_paragraphs p ON p.doc_id = t.doc_id AND p.promoted
    )
    SELECT d.* REPLACE (
        coalesce(n.text, d.text) AS text,
        coalesce(length(n.text), d.n_chars)::INTEGER AS n_chars,
        coalesce(len(regexp_extract_all(n.text, ${literal(WORD.source)})), d.n_words)::INTEGER AS n_words,
        (d.n_sentences - coalesce(n.removed_sentences, 0))::INTEGER AS n_sentences,
        (d.n_removed_lines + coalesce(n.removed_lines, 0) + CASE WHEN t.doc_id IS NULL THEN 0 ELSE 1 END)::INTEGER AS n_removed_lines,
        coalesce(n.paragraphs, d.paragraphs) AS paragraphs,
        CASE WHEN t.doc_id IS NULL THEN d.title ELSE t.title END AS title,
        CASE WHEN t.doc_id IS NULL THEN d.title_line_no ELSE t.title_line_no END AS title_line_no)
    FROM documents_stage d
    SEMI JOIN corpus_touched x ON x.doc_id = d.doc_id
    LEFT JOIN corpus_texts n ON n.doc_id = d.doc_id
    LEFT JOIN titles t ON t.doc_id = d.doc_id;
    DROP TABLE corpus_texts`);
}

/** Characters of touched paragraphs reassembled per pass of rebuildDocuments. */
const CHARS_PER_SHARE = 50_000_000;

/**
 * Replaces the rows of the touched documents in a table by the rows of `select` (the table's
 * columns, in its order). They are computed from the rows they replace, so they are kept in a
 * temporary table until those are deleted.
 */
async function replaceTouchedRows(connection: DuckDBConnection, name: string, select: string): Promise<void> {
  await connection.run(`
    CREATE TEMP TABLE corpus_replacement AS ${select};
    DELETE FROM ${ident(name)} WHERE doc_id IN (SELECT doc_id FROM corpus_touched);
    INSERT INTO ${ident(name)} SELECT * FROM corpus_replacement;
    DROP TABLE corpus_replacement`);
}
