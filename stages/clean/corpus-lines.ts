import { readFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../../pipeline/sql.js';
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
 * Removes corpus-level boilerplate lines from `documents_stage` and shifts `annotationTables`;
 * a text dump's title (its first line) that is such a line goes too, and the headline below it
 * takes its place as in the clean stage. Needs `document_groups` and `document_stories`. Returns
 * the number of lines removed, titles included.
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
    for (const table of annotationTables) await shiftAnnotations(connection, table);
    await connection.run(`
      UPDATE documents_stage AS d
      SET text = n.text, n_chars = length(n.text), n_words = len(regexp_extract_all(n.text, ${literal(WORD.source)})),
          n_sentences = d.n_sentences - n.removed_sentences, n_removed_lines = d.n_removed_lines + n.removed_lines, paragraphs = n.paragraphs
      FROM (
          SELECT doc_id,
                 coalesce(string_agg(text, chr(10) || chr(10) ORDER BY paragraph_no) FILTER (WHERE NOT leaves), '') AS text,
                 coalesce(sum(n_sentences) FILTER (WHERE leaves), 0) AS removed_sentences,
                 count(*) FILTER (WHERE repeated) AS removed_lines,
                 coalesce(list({'line_no': line_no, 'n_sentences': n_sentences} ORDER BY paragraph_no) FILTER (WHERE NOT leaves), []) AS paragraphs
          FROM corpus_paragraphs GROUP BY doc_id
      ) n
      WHERE n.doc_id = d.doc_id`);
    await connection.run(`
      UPDATE documents_stage AS d
      SET title = n.text, title_line_no = n.line_no, n_removed_lines = d.n_removed_lines + 1
      FROM (SELECT t.doc_id, p.text, p.line_no FROM corpus_titles t LEFT JOIN corpus_paragraphs p ON p.doc_id = t.doc_id AND p.promoted) n
      WHERE n.doc_id = d.doc_id`);
  }
  await connection.run('DROP TABLE corpus_paragraphs; DROP TABLE corpus_titles');
  return lines + titles;
}

/** Drops the table's rows that touch a removed paragraph, then moves the rest of those documents' rows. */
async function shiftAnnotations(connection: DuckDBConnection, table: AnnotationTable): Promise<void> {
  const has = (name: string) => table.columns.some((c) => c.name === name);
  const name = ident(table.name);
  await connection.run(`
    DELETE FROM ${name} AS t USING corpus_paragraphs p
    WHERE p.leaves AND p.doc_id = t.doc_id AND p.start < t."end" AND p.start + length(p.text) > t.start`);
  const moves = OFFSET_COLUMNS.filter(has).map((c) => `"${c}" = t."${c}" - p.shift`);
  if (has('sentence_no')) moves.push('sentence_no = t.sentence_no - p.sentence_shift');
  await connection.run(`
    UPDATE ${name} AS t SET ${moves.join(', ')}
    FROM corpus_paragraphs p
    WHERE NOT p.leaves AND p.shift > 0 AND p.doc_id = t.doc_id AND t.start >= p.start AND t.start < p.start + length(p.text) + 2`);
}
