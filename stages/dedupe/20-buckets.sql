-- Bucket phase (datatrove's "buckets" step): every exact-class representative with at least one
-- shingle gets one key per LSH band, the hash of that band's `rows` MinHash values; documents that
-- share a (band, key) bucket become candidate pairs. Plain GROUP BY / self-join over the signature
-- table, so DuckDB runs it out of core and another SQL engine could run it unchanged.
-- An empty shingle set has an all-max MinHash that would "match" every other empty one: excluded.
CREATE OR REPLACE TABLE dedupe_bands AS
SELECT s.doc_id, b.band, hash(s.minhash[b.band * getvariable('dedupe_rows') + 1 : (b.band + 1) * getvariable('dedupe_rows')]) AS key
FROM dedupe_signatures s
JOIN dedupe_exact e ON e.doc_id = s.doc_id AND e.representative = s.doc_id
CROSS JOIN range(getvariable('dedupe_bands')) AS b(band)
WHERE s.n_shingles > 0;

-- Buckets of one document propose nothing: drop them before the self-join.
CREATE OR REPLACE TABLE dedupe_candidates AS
WITH shared AS (
    SELECT band, key FROM dedupe_bands GROUP BY band, key HAVING count(*) > 1
),
members AS (
    SELECT d.band, d.key, d.doc_id FROM dedupe_bands d JOIN shared USING (band, key)
)
SELECT DISTINCT a.doc_id AS doc_id_a, b.doc_id AS doc_id_b
FROM members a
JOIN members b ON a.band = b.band AND a.key = b.key AND a.doc_id < b.doc_id;
