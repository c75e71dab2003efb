-- Exact duplicates: documents with equal exact_hash form a class, linked as a star to the class's
-- smallest doc_id (k copies → k−1 pairs, not k(k−1)/2). Only that representative enters banding.
-- A document without a single word (n_shingles = 0, e.g. a page the clean stage emptied) is nobody's
-- duplicate: all empty texts hash alike, and linking them would merge unrelated inputs.
-- Input: dedupe_signatures(doc_id, exact_hash, n_chars, published_at, n_shingles, minhash UINTEGER[]).
CREATE OR REPLACE TABLE dedupe_exact AS
SELECT doc_id, exact_hash,
       CASE WHEN n_shingles > 0 THEN min(doc_id) OVER (PARTITION BY exact_hash, n_shingles > 0) ELSE doc_id END AS representative
FROM dedupe_signatures;
