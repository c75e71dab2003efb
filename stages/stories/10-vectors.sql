-- Story vectors, one compact vector per canonical document (duplicates join their canonical's
-- story later): TF-IDF over title + text, and TF-IDF over the entities of `mentions`.
-- Weights: (1 + ln tf) · (ln((1 + N) / (1 + df)) + 1), the smoothed IDF of scikit-learn, so a term
-- every document shares still counts (a corpus that is one story, like the seeds, keeps a signal).
-- Each vector keeps its top `story_terms_per_doc` terms and is L2-normalised over them, so a cosine is
-- a sum over shared terms: an inverted-index join in 20-edges.sql.
CREATE OR REPLACE TABLE story_docs AS
SELECT d.doc_id, d.published_at
FROM documents_stage d
LEFT JOIN document_groups g ON g.doc_id = d.doc_id
WHERE coalesce(g.is_canonical, true);

CREATE OR REPLACE TABLE story_terms AS
WITH tokens AS (
    SELECT d.doc_id, unnest(regexp_extract_all(lower(coalesce(d.title, '') || ' ' || d.text), '\p{L}[\p{L}\p{N}]+')) AS term
    FROM documents_stage d
    JOIN story_docs s ON s.doc_id = d.doc_id
),
tf AS (
    SELECT doc_id, term, count(*) AS n
    FROM tokens
    WHERE length(term) >= 3 AND term NOT IN (SELECT word FROM story_stopwords)
    GROUP BY doc_id, term
),
df AS (SELECT term, count(*) AS df FROM tf GROUP BY term),
corpus AS (SELECT count(*) AS n FROM story_docs),
weighted AS (
    SELECT tf.doc_id, tf.term, df.df, (1 + ln(tf.n)) * (ln((1 + corpus.n) / (1 + df.df)) + 1) AS w
    FROM tf JOIN df ON df.term = tf.term CROSS JOIN corpus
),
top AS (
    SELECT *, row_number() OVER (PARTITION BY doc_id ORDER BY w DESC, term) AS r FROM weighted
)
SELECT doc_id, term, df, w / sqrt(sum(w * w) OVER (PARTITION BY doc_id)) AS w
FROM top
WHERE r <= getvariable('story_terms_per_doc');

CREATE OR REPLACE TABLE story_entities AS
WITH tf AS (
    SELECT m.doc_id, m.entity_id, count(*) AS n
    FROM mentions m
    JOIN story_docs s ON s.doc_id = m.doc_id
    GROUP BY m.doc_id, m.entity_id
),
df AS (SELECT entity_id, count(*) AS df FROM tf GROUP BY entity_id),
corpus AS (SELECT count(*) AS n FROM story_docs),
weighted AS (
    SELECT tf.doc_id, tf.entity_id, df.df, (1 + ln(tf.n)) * (ln((1 + corpus.n) / (1 + df.df)) + 1) AS w
    FROM tf JOIN df ON df.entity_id = tf.entity_id CROSS JOIN corpus
)
SELECT doc_id, entity_id, df, w / sqrt(sum(w * w) OVER (PARTITION BY doc_id)) AS w
FROM weighted;
