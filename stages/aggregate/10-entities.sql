-- entities: one row per canonical entity over the canonical documents (duplicates are not
-- counted twice). Every row joins back to `mentions` on entity_id.
-- entity_id depends on the canonical name only, so one name typed differently in different
-- documents ("Samsung" ORG in most, PER in a few) is one entity. Its type, subtype and country
-- code are the documents' vote: the (type, subtype, code) given in the most documents, then in
-- the most mentions, then the first in sort order, so the choice is deterministic.
-- `mentions.type` keeps each document's own decision.
-- Dialect: list_sort is DuckDB's (PostgreSQL: array_agg(x ORDER BY x)); it keeps list order
-- deterministic and is 6x faster in DuckDB than an ordered array_agg. Same in the other files.
CREATE TABLE entities AS
WITH counted AS (
    SELECT m.*, d.published_at, d.outlet
    FROM mentions m
    JOIN documents d ON d.doc_id = m.doc_id
    WHERE coalesce(d.is_canonical, true)
),
-- Salience: an entity is salient in a document when it is among the document's three most
-- mentioned entities (ties included). Counting those documents ranks what the corpus is *about*
-- above names that are everywhere in passing ("United States").
per_document AS (
    SELECT doc_id, entity_id, rank() OVER (PARTITION BY doc_id ORDER BY count(*) DESC) AS salience_rank
    FROM counted
    GROUP BY doc_id, entity_id
),
salient AS (
    SELECT entity_id, count(*) AS salient_doc_count FROM per_document WHERE salience_rank <= 3 GROUP BY entity_id
),
type_votes AS (
    SELECT entity_id, type, subtype, country_code, count(DISTINCT doc_id) AS doc_votes, count(*) AS mention_votes
    FROM counted
    GROUP BY entity_id, type, subtype, country_code
),
voted AS (
    SELECT entity_id, type, subtype, country_code,
           row_number() OVER (
               PARTITION BY entity_id
               ORDER BY doc_votes DESC, mention_votes DESC, type, subtype NULLS LAST, country_code NULLS LAST
           ) AS rank
    FROM type_votes
)
SELECT
    c.entity_id,
    min(c.canonical)                                AS name,
    v.type,
    v.subtype,
    v.country_code,
    list_sort(array_agg(DISTINCT c.text))           AS aliases,
    count(*)                                        AS mention_count,
    count(DISTINCT c.doc_id)                        AS doc_count,
    coalesce(any_value(s.salient_doc_count), 0)     AS salient_doc_count,
    count(DISTINCT c.outlet)                        AS source_count,
    min(c.published_at)                             AS first_seen,
    max(c.published_at)                             AS last_seen
FROM counted c
JOIN voted v ON v.entity_id = c.entity_id AND v.rank = 1
LEFT JOIN salient s ON s.entity_id = c.entity_id
GROUP BY c.entity_id, v.type, v.subtype, v.country_code;
