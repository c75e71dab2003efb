-- Candidate edges between canonical documents: cosine of the term vectors and of the entity
-- vectors, each a join on shared terms (entities) with df ≤ story_max_df (very common terms are
-- weak evidence and would make the join quadratic), combined as
--   similarity = (1 − story_entity_weight) · term cosine + story_entity_weight · entity cosine
-- (story_entity_weight is 0 when extraction was skipped). Two documents whose publication dates are
-- both known and further apart than story_window_days never link. Edges below story_min_edge are
-- dropped: they cannot change an average-linkage merge at the story threshold much and cost memory.
CREATE OR REPLACE TABLE story_edges AS
WITH term_pairs AS (
    SELECT a.doc_id AS doc_a, b.doc_id AS doc_b, sum(a.w * b.w) AS cos
    FROM story_terms a
    JOIN story_terms b ON a.term = b.term AND a.doc_id < b.doc_id
    WHERE a.df <= getvariable('story_max_df')
    GROUP BY a.doc_id, b.doc_id
),
entity_pairs AS (
    SELECT a.doc_id AS doc_a, b.doc_id AS doc_b, sum(a.w * b.w) AS cos
    FROM story_entities a
    JOIN story_entities b ON a.entity_id = b.entity_id AND a.doc_id < b.doc_id
    WHERE a.df <= getvariable('story_max_df')
    GROUP BY a.doc_id, b.doc_id
),
combined AS (
    SELECT doc_a, doc_b,
           (1 - getvariable('story_entity_weight')) * coalesce(t.cos, 0) + getvariable('story_entity_weight') * coalesce(e.cos, 0) AS similarity
    FROM term_pairs t
    FULL JOIN entity_pairs e USING (doc_a, doc_b)
)
SELECT c.doc_a, c.doc_b, c.similarity
FROM combined c
JOIN story_docs da ON da.doc_id = c.doc_a
JOIN story_docs db ON db.doc_id = c.doc_b
WHERE c.similarity >= getvariable('story_min_edge')
  AND (da.published_at IS NULL OR db.published_at IS NULL
       OR abs(date_diff('day', da.published_at, db.published_at)) <= getvariable('story_window_days'));
