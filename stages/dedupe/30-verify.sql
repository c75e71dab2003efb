-- Verification: a candidate links only when its estimated Jaccard (share of equal MinHash slots over
-- all num_perm values) reaches the threshold, so banding false positives never merge documents.
-- dedupe_links = exact star pairs + verified near-duplicate pairs, the edges of the union-find.
CREATE OR REPLACE TABLE dedupe_links AS
WITH verified AS (
    SELECT c.doc_id_a, c.doc_id_b,
           list_sum(list_transform(list_zip(a.minhash, b.minhash), p -> CASE WHEN p[1] = p[2] THEN 1 ELSE 0 END)) / len(a.minhash) AS similarity
    FROM dedupe_candidates c
    JOIN dedupe_signatures a ON a.doc_id = c.doc_id_a
    JOIN dedupe_signatures b ON b.doc_id = c.doc_id_b
)
SELECT representative AS doc_id_a, doc_id AS doc_id_b, 1.0::DOUBLE AS similarity, 'exact' AS method
FROM dedupe_exact WHERE doc_id <> representative
UNION ALL
SELECT doc_id_a, doc_id_b, similarity::DOUBLE, 'minhash' FROM verified WHERE similarity >= getvariable('dedupe_threshold');
