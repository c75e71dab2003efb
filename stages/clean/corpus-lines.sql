-- Corpus-level boilerplate (CCNet, Wenzek et al. 2019, §3.3): a short line that recurs in the
-- documents of many different stories is a template's (menu, footer, sign-up blurb), not an
-- article's. Counting stories (else duplicate groups, when stories are skipped) rather than
-- documents keeps the sentences of a syndicated article, whose copies are one group and one story
-- however many outlets ran it, also when a copy was edited enough to escape its duplicate group.
-- Runs in the global phase over every document the output covers (all segments: earlier
-- incremental runs and every shard), after stories. Variables: corpus_min_groups, corpus_max_chars.

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
SELECT doc_id, body, hash(line_key) AS key
FROM (
    SELECT d.doc_id, coalesce(s.story_id, g.dup_group_id, d.doc_id) AS body, corpus_line_key(unnest(corpus_paragraph_split(d.text))) AS line_key
    FROM documents_stage d
    LEFT JOIN document_groups g ON g.doc_id = d.doc_id
    LEFT JOIN document_stories s ON s.doc_id = d.doc_id
    WHERE d.text <> ''
)
WHERE line_key IS NOT NULL;

CREATE OR REPLACE TEMP TABLE corpus_repeated AS
SELECT key FROM corpus_keys GROUP BY key HAVING count(DISTINCT body) >= getvariable('corpus_min_groups');

-- Every paragraph of each document that holds a repeated line, with its offsets in code points and
-- what removing the repeated paragraphs before it takes off its offsets and sentence numbers.
CREATE OR REPLACE TEMP TABLE corpus_paragraphs AS
WITH split AS (
    SELECT d.doc_id,
           unnest(corpus_paragraph_split(d.text)) AS text,
           unnest(d.paragraphs) AS facts,
           generate_subscripts(d.paragraphs, 1) AS paragraph_no
    FROM documents_stage d
    SEMI JOIN (SELECT k.doc_id FROM corpus_keys k SEMI JOIN corpus_repeated r ON r.key = k.key) f ON f.doc_id = d.doc_id
),
marked AS (
    SELECT split.*, coalesce(corpus_line_key(text) IS NOT NULL AND hash(corpus_line_key(text)) IN (SELECT key FROM corpus_repeated), false) AS repeated
    FROM split
)
SELECT doc_id, paragraph_no, text, facts.line_no AS line_no, facts.n_sentences AS n_sentences, repeated,
       coalesce(sum(length(text) + 2) OVER before, 0) AS start,
       coalesce(sum(length(text) + 2) FILTER (WHERE repeated) OVER before, 0) AS shift,
       coalesce(sum(facts.n_sentences) FILTER (WHERE repeated) OVER before, 0) AS sentence_shift
FROM marked
WINDOW before AS (PARTITION BY doc_id ORDER BY paragraph_no ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING);

DROP TABLE corpus_keys;
DROP TABLE corpus_repeated;
