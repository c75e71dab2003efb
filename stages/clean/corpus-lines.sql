-- Corpus-level boilerplate (CCNet, Wenzek et al. 2019, §3.3): a short line that recurs in the
-- documents of many different stories is a template's (menu, footer, sign-up blurb), not an
-- article's. Counting stories (else duplicate groups, when stories are skipped) rather than
-- documents keeps the sentences of a syndicated article, whose copies are one group and one story
-- however many outlets ran it, also when a copy was edited enough to escape its duplicate group.
-- Runs in the global phase over every document the output covers (all segments: earlier
-- incremental runs and every shard), after stories. Variables: corpus_min_groups, corpus_max_chars,
-- and the clean stage's word pattern and title shape (word_pattern, title_min_words, title_max_chars, title_bad_end).

-- CCNet's normalisation: accents dropped, lower case, every digit 0, punctuation and symbols
-- removed, whitespace collapsed. Punctuation, symbols and whitespace go in one pass: every run of
-- them becomes one space, as removing punctuation first and collapsing whitespace after would do,
-- for one regular expression fewer per line.
CREATE OR REPLACE TEMP MACRO corpus_line_key(line) AS
    trim(regexp_replace(regexp_replace(lower(strip_accents(line)), '\pN', '0', 'g'), '[\pP\pS\s]+', ' ', 'g'));

-- Paragraphs of the cleaned text are its kept lines (stages/clean/index.ts joins them with a blank line).
CREATE OR REPLACE TEMP MACRO corpus_paragraph_split(text) AS string_split(text, chr(10) || chr(10));

-- The key of every short line, with its place: paragraph_no in the text, 0 for the title; null
-- for a line with nothing left. Long lines never count (a long sentence recurring verbatim is a
-- syndicated paragraph, dedupe's business), and are not normalised: they hold most of the text.
-- The key is not filtered on here: DuckDB pushes such a filter down beside the length test, may
-- evaluate it first, on every line, and computes the key again for the projection (several times
-- slower at 200 MB). Within the projection its two uses are computed once.
CREATE OR REPLACE TEMP TABLE corpus_keys AS
WITH lines AS (
    SELECT doc_id, unnest(paragraphs) AS line, generate_subscripts(paragraphs, 1) AS paragraph_no
    FROM (SELECT doc_id, corpus_paragraph_split(text) AS paragraphs FROM documents_stage WHERE text <> '')
    -- A dump's title is its first line (ingest/header.ts), and counts like the others.
    UNION ALL
    SELECT doc_id, title, 0 FROM documents_stage WHERE title_line_no IS NOT NULL
),
-- Joined to the short lines, not to the documents: a CTE of the documents with their stories, read
-- twice (lines and titles), is materialised with all their text (1 GB at 1,000 MB).
bodies AS (
    SELECT d.doc_id, coalesce(s.story_id, g.dup_group_id, d.doc_id) AS body
    FROM documents_stage d
    LEFT JOIN document_groups g ON g.doc_id = d.doc_id
    LEFT JOIN document_stories s ON s.doc_id = d.doc_id
)
SELECT l.doc_id, l.paragraph_no, b.body, CASE WHEN corpus_line_key(l.line) <> '' THEN hash(corpus_line_key(l.line)) END AS key
FROM lines l
JOIN bodies b ON b.doc_id = l.doc_id
WHERE length(l.line) < getvariable('corpus_max_chars');

-- The places of the repeated lines.
CREATE OR REPLACE TEMP TABLE corpus_hits AS
SELECT doc_id, paragraph_no
FROM corpus_keys
WHERE key IN (SELECT key FROM corpus_keys WHERE key IS NOT NULL GROUP BY key HAVING count(DISTINCT body) >= getvariable('corpus_min_groups'));
DROP TABLE corpus_keys;

-- Dumps whose title line is a repeated line: the title goes, and the headline below takes its place
-- as in the clean stage (the first line left of at least `title_min_words` words, when it has a
-- title's shape).
CREATE OR REPLACE TEMP TABLE corpus_titles AS
SELECT d.doc_id, d.title, d.title_line_no FROM documents_stage d SEMI JOIN corpus_hits h ON h.doc_id = d.doc_id AND h.paragraph_no = 0;

-- Every paragraph of each document that holds a repeated line or title, with its offsets in code
-- points and what the paragraphs leaving the text before it (repeated ones, and the headline that
-- becomes the title) take off its offsets and sentence numbers.
CREATE OR REPLACE TEMP TABLE corpus_paragraphs AS
WITH split AS (
    SELECT d.doc_id,
           unnest(corpus_paragraph_split(d.text)) AS text,
           unnest(d.paragraphs) AS facts,
           generate_subscripts(d.paragraphs, 1) AS paragraph_no
    FROM documents_stage d
    SEMI JOIN corpus_hits h ON h.doc_id = d.doc_id
    WHERE d.text <> ''
),
marked AS (
    SELECT split.*, h.doc_id IS NOT NULL AS repeated
    FROM split LEFT JOIN corpus_hits h ON h.doc_id = split.doc_id AND h.paragraph_no = split.paragraph_no
),
-- Counting the words of every paragraph took half of this statement's time at 1,000 MB: a
-- paragraph's first 64 characters mostly hold enough words, and the whole paragraph is counted only
-- when they do not. A prefix never counts more words than its paragraph (a word cut at the 64th
-- character still starts one of the paragraph's words).
headlines AS (
    SELECT doc_id, min(paragraph_no) AS paragraph_no
    FROM marked
    WHERE NOT repeated AND doc_id IN (SELECT doc_id FROM corpus_titles)
      AND CASE WHEN len(regexp_extract_all(left(text, 64), getvariable('word_pattern'))) >= getvariable('title_min_words') THEN true
               ELSE len(regexp_extract_all(text, getvariable('word_pattern'))) >= getvariable('title_min_words') END
    GROUP BY doc_id
),
placed AS (
    SELECT m.*,
           h.doc_id IS NOT NULL AND length(m.text) <= getvariable('title_max_chars') AND NOT regexp_matches(m.text, getvariable('title_bad_end')) AS promoted
    FROM marked m
    LEFT JOIN headlines h ON h.doc_id = m.doc_id AND h.paragraph_no = m.paragraph_no
)
SELECT doc_id, paragraph_no, text, facts.line_no AS line_no, facts.n_sentences AS n_sentences, repeated, promoted,
       repeated OR promoted AS leaves,
       coalesce(sum(length(text) + 2) OVER before, 0) AS start,
       coalesce(sum(length(text) + 2) FILTER (WHERE repeated OR promoted) OVER before, 0) AS shift,
       coalesce(sum(facts.n_sentences) FILTER (WHERE repeated OR promoted) OVER before, 0) AS sentence_shift
FROM placed
WINDOW before AS (PARTITION BY doc_id ORDER BY paragraph_no ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING);

DROP TABLE corpus_hits;
