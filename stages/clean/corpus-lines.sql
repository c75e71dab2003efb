-- Corpus-level boilerplate (CCNet, Wenzek et al. 2019, §3.3): a short line that recurs in the
-- documents of many different stories is a template's (menu, footer, sign-up blurb), not an
-- article's. Counting stories (else duplicate groups, when stories are skipped) rather than
-- documents keeps the sentences of a syndicated article, whose copies are one group and one story
-- however many outlets ran it, also when a copy was edited enough to escape its duplicate group.
-- Runs in the global phase over every document the output covers (all segments: earlier
-- incremental runs and every shard), after stories. Variables: corpus_min_groups, corpus_max_chars,
-- and the clean stage's word pattern and title shape (word_pattern, title_min_words, title_max_chars, title_bad_end).

-- CCNet's normalisation: accents dropped, lower case, every digit 0, punctuation and symbols
-- removed, whitespace collapsed; null for long lines (a long sentence recurring verbatim is a
-- syndicated paragraph, dedupe's business) and for lines with nothing left.
CREATE OR REPLACE TEMP MACRO corpus_line_key(line) AS
    CASE WHEN length(line) < getvariable('corpus_max_chars') THEN
        nullif(trim(regexp_replace(regexp_replace(regexp_replace(lower(strip_accents(line)), '\pN', '0', 'g'), '[\pP\pS]+', ' ', 'g'), '\s+', ' ', 'g')), '')
    END;

-- Paragraphs of the cleaned text are its kept lines (stages/clean/index.ts joins them with a blank line).
CREATE OR REPLACE TEMP MACRO corpus_paragraph_split(text) AS string_split(text, chr(10) || chr(10));

CREATE OR REPLACE TEMP TABLE corpus_keys AS
WITH docs AS (
    SELECT d.doc_id, d.text, d.title, d.title_line_no, coalesce(s.story_id, g.dup_group_id, d.doc_id) AS body
    FROM documents_stage d
    LEFT JOIN document_groups g ON g.doc_id = d.doc_id
    LEFT JOIN document_stories s ON s.doc_id = d.doc_id
),
lines AS (
    SELECT doc_id, body, corpus_line_key(unnest(corpus_paragraph_split(text))) AS line_key FROM docs WHERE text <> ''
    -- A dump's title is its first line (ingest/header.ts), and counts like the others.
    UNION ALL
    SELECT doc_id, body, corpus_line_key(title) FROM docs WHERE title_line_no IS NOT NULL
)
SELECT doc_id, body, hash(line_key) AS key FROM lines WHERE line_key IS NOT NULL;

CREATE OR REPLACE TEMP TABLE corpus_repeated AS
SELECT key FROM corpus_keys GROUP BY key HAVING count(DISTINCT body) >= getvariable('corpus_min_groups');

CREATE OR REPLACE TEMP MACRO corpus_is_repeated(line) AS
    coalesce(corpus_line_key(line) IS NOT NULL AND hash(corpus_line_key(line)) IN (SELECT key FROM corpus_repeated), false);

-- Dumps whose title line is a repeated line: the title goes, and the headline below takes its place
-- as in the clean stage (the first line left of at least `title_min_words` words, when it has a
-- title's shape).
CREATE OR REPLACE TEMP TABLE corpus_titles AS
SELECT doc_id, title, title_line_no FROM documents_stage WHERE title_line_no IS NOT NULL AND corpus_is_repeated(title);

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
    SEMI JOIN (
        SELECT k.doc_id FROM corpus_keys k SEMI JOIN corpus_repeated r ON r.key = k.key
        UNION SELECT doc_id FROM corpus_titles
    ) f ON f.doc_id = d.doc_id
    WHERE d.text <> ''
),
marked AS (
    SELECT split.*, corpus_is_repeated(text) AS repeated FROM split
),
headlines AS (
    SELECT doc_id, min(paragraph_no) AS paragraph_no
    FROM marked
    WHERE NOT repeated AND doc_id IN (SELECT doc_id FROM corpus_titles)
      AND len(regexp_extract_all(text, getvariable('word_pattern'))) >= getvariable('title_min_words')
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

DROP TABLE corpus_keys;
DROP TABLE corpus_repeated;
