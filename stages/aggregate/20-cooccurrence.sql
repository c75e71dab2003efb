-- cooccurrence: pairs of entities named in the same canonical document (entity_a < entity_b),
-- with the number of documents and of sentences they share, and pointwise mutual information at
-- both levels: pmi = ln(P(a, b) / (P(a) P(b))), probabilities over canonical documents
-- (doc_pmi) or over their sentences (sentence_pmi; null when the pair shares no sentence).
-- PMI > 0: named together more often than chance. doc_ids join back to documents.
-- A pair is kept when it shares a sentence or at least two documents: every pair of names in
-- one long article is mostly noise and grows quadratically (777,301 rows for WikiRef220's 220
-- documents without this filter, 42,452 with it).
-- Document pairs and sentence pairs are built from distinct (document, entity) and
-- (document, sentence, entity) rows separately: joining mentions directly would multiply every
-- mention of a with every mention of b.
-- The pairs are chosen before any list of doc_ids is built: a page naming 1,207 entities makes
-- 727,821 pairs alone (the 990 Trafilatura pages: 7.9 M document pairs), and aggregating the
-- doc_ids of every pair ran out of DuckDB's 800MB. Counting pairs that may share two documents
-- needs only entities named in two documents or more, and a count spills to disk where a list
-- does not; the lists are then built for the kept pairs only.
CREATE TABLE cooccurrence AS
WITH canonical_documents AS (
    SELECT doc_id, n_sentences FROM documents WHERE coalesce(is_canonical, true)
),
totals AS (
    SELECT count(*) AS n_documents, sum(n_sentences) AS n_sentences FROM canonical_documents
),
canonical_mentions AS (
    SELECT m.doc_id, m.entity_id, m.sentence_no
    FROM mentions m
    JOIN canonical_documents d ON d.doc_id = m.doc_id
),
doc_entities AS (
    SELECT DISTINCT doc_id, entity_id FROM canonical_mentions
),
sentence_entities AS (
    SELECT DISTINCT doc_id, sentence_no, entity_id FROM canonical_mentions
),
entity_sentences AS (
    SELECT entity_id, count(*) AS n_sentences FROM sentence_entities GROUP BY entity_id
),
sentence_pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS sentence_count
    FROM sentence_entities a
    JOIN sentence_entities b ON a.doc_id = b.doc_id AND a.sentence_no = b.sentence_no AND a.entity_id < b.entity_id
    GROUP BY a.entity_id, b.entity_id
),
recurring_doc_entities AS (
    SELECT doc_id, entity_id FROM doc_entities
    WHERE entity_id IN (SELECT entity_id FROM doc_entities GROUP BY entity_id HAVING count(*) >= 2)
),
kept_pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b
    FROM recurring_doc_entities a
    JOIN recurring_doc_entities b ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id
    GROUP BY a.entity_id, b.entity_id
    HAVING count(*) >= 2
    UNION
    SELECT entity_a, entity_b FROM sentence_pairs
),
doc_counts AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS doc_count, list_sort(array_agg(a.doc_id)) AS doc_ids
    FROM doc_entities a
    JOIN doc_entities b ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id
    SEMI JOIN kept_pairs k ON k.entity_a = a.entity_id AND k.entity_b = b.entity_id
    GROUP BY a.entity_id, b.entity_id
)
SELECT
    p.entity_a,
    p.entity_b,
    ea.name                             AS name_a,
    eb.name                             AS name_b,
    p.doc_count,
    coalesce(s.sentence_count, 0)       AS sentence_count,
    ln(p.doc_count * t.n_documents / (ea.doc_count * eb.doc_count))                 AS doc_pmi,
    ln(s.sentence_count * t.n_sentences / (sa.n_sentences * sb.n_sentences))       AS sentence_pmi,
    p.doc_ids
FROM doc_counts p
CROSS JOIN totals t
LEFT JOIN sentence_pairs s ON s.entity_a = p.entity_a AND s.entity_b = p.entity_b
JOIN entities ea ON ea.entity_id = p.entity_a
JOIN entities eb ON eb.entity_id = p.entity_b
JOIN entity_sentences sa ON sa.entity_id = p.entity_a
JOIN entity_sentences sb ON sb.entity_id = p.entity_b;
