-- sources: one row per outlet (documents.outlet), '(unknown)' for documents that name none (text
-- dumps). boilerplate_share is the share of the outlet's text, in characters, that the clean
-- stage removed.
CREATE TABLE sources AS
WITH outlets AS (
    SELECT
        d.*,
        coalesce(d.outlet, '(unknown)') AS outlet
    FROM documents d
),
removed AS (
    SELECT doc_id, CAST(sum(length(text)) AS BIGINT) AS removed_chars FROM removed_lines GROUP BY doc_id
)
SELECT
    o.outlet                                                        AS source,
    count(*)                                                        AS n_documents,
    count(*) FILTER (WHERE NOT coalesce(o.is_canonical, true))      AS n_duplicates,
    -- sums are cast back to BIGINT: DuckDB sums to HUGEINT, which Parquet stores as DOUBLE
    CAST(sum(o.n_chars) AS BIGINT)                                  AS kept_chars,
    CAST(coalesce(sum(r.removed_chars), 0) AS BIGINT)               AS removed_chars,
    coalesce(sum(r.removed_chars), 0) / nullif(sum(o.n_chars) + coalesce(sum(r.removed_chars), 0), 0) AS boilerplate_share,
    min(o.published_at)                                             AS first_date,
    max(o.published_at)                                             AS last_date,
    list_sort(array_agg(o.doc_id))                                  AS doc_ids
FROM outlets o
LEFT JOIN removed r ON r.doc_id = o.doc_id
GROUP BY o.outlet;
