-- Groups: dedupe_components(doc_id, component) holds the union-find result for linked documents;
-- every other document is its own group. The canonical member is the longest text (n_chars, code
-- points), then the earliest publication (unknown dates last), then the smallest doc_id.
CREATE OR REPLACE TABLE document_groups AS
WITH member AS (
    SELECT s.doc_id, s.exact_hash, s.n_chars, s.published_at, coalesce(c.component, s.doc_id) AS component
    FROM dedupe_signatures s
    LEFT JOIN dedupe_components c ON c.doc_id = s.doc_id
),
ranked AS (
    SELECT doc_id, exact_hash,
           first_value(doc_id) OVER (PARTITION BY component ORDER BY n_chars DESC, published_at ASC NULLS LAST, doc_id) AS dup_group_id
    FROM member
)
SELECT doc_id, exact_hash, dup_group_id, doc_id = dup_group_id AS is_canonical FROM ranked;

CREATE OR REPLACE TABLE duplicates AS
SELECT doc_id_a, doc_id_b, similarity, method FROM dedupe_links;

DROP TABLE dedupe_bands;
DROP TABLE dedupe_candidates;
DROP TABLE dedupe_exact;
DROP TABLE dedupe_links;
DROP TABLE dedupe_components;
