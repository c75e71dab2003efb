-- entity_daily: the attention timeline, one row per publication date and entity, over canonical
-- documents with a publication date. Joins back to entities and mentions on entity_id.
CREATE TABLE entity_daily AS
SELECT
    d.published_at                  AS date,
    m.entity_id,
    min(m.canonical)                AS name,
    count(*)                        AS mention_count,
    count(DISTINCT m.doc_id)        AS doc_count
FROM mentions m
JOIN documents d ON d.doc_id = m.doc_id
WHERE coalesce(d.is_canonical, true) AND d.published_at IS NOT NULL
GROUP BY d.published_at, m.entity_id;
