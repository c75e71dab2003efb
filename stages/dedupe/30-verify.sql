-- Verification: a candidate links only when its MinHash estimates pass (stages/dedupe/options.ts), so
-- banding false positives never merge documents. Estimated Jaccard Ĵ = share of equal slots over all
-- num_perm values; estimated containment of the smaller set in the larger Ĉ = |A∩B| / min(|A|, |B|),
-- with |A∩B| = Ĵ/(1+Ĵ)·(|A|+|B|) from Ĵ and the set sizes n_shingles.
-- A pair links when Ĵ ≥ threshold, or when Ĉ ≥ containment and Ĵ ≥ containment_min_jaccard.
-- dedupe_links = exact star pairs + verified near-duplicate pairs, the edges of the union-find.
CREATE OR REPLACE TABLE dedupe_links AS
WITH estimated AS (
    SELECT c.doc_id_a, c.doc_id_b, a.n_shingles AS n_a, b.n_shingles AS n_b,
           list_sum(list_transform(list_zip(a.minhash, b.minhash), p -> CASE WHEN p[1] = p[2] THEN 1 ELSE 0 END)) / len(a.minhash) AS similarity
    FROM dedupe_candidates c
    JOIN dedupe_signatures a ON a.doc_id = c.doc_id_a
    JOIN dedupe_signatures b ON b.doc_id = c.doc_id_b
),
verified AS (
    SELECT doc_id_a, doc_id_b, similarity FROM estimated
    WHERE similarity >= getvariable('dedupe_threshold')
       OR (similarity >= getvariable('dedupe_containment_min_jaccard')
           AND similarity / (1 + similarity) * (n_a + n_b) / least(n_a, n_b) >= getvariable('dedupe_containment'))
)
SELECT representative AS doc_id_a, doc_id AS doc_id_b, 1.0::DOUBLE AS similarity, 'exact' AS method
FROM dedupe_exact WHERE doc_id <> representative
UNION ALL
SELECT doc_id_a, doc_id_b, similarity::DOUBLE, 'minhash' FROM verified;
