-- Stories from the clustering (story_clusters: canonical doc_id → story_id, written by cluster.ts).
-- Every document takes the story of its duplicate group's canonical member.
CREATE OR REPLACE TABLE document_stories AS
SELECT d.doc_id, c.story_id
FROM documents_stage d
LEFT JOIN document_groups g ON g.doc_id = d.doc_id
JOIN story_clusters c ON c.doc_id = coalesce(g.dup_group_id, d.doc_id);

-- Label: the three entities named by most of the story's canonical documents, then its three
-- heaviest terms (summed TF-IDF weight) that are not already words of those names.
CREATE OR REPLACE TABLE stories AS
WITH members AS (
    SELECT s.story_id, d.doc_id, d.published_at,
           -- outlet: documents.outlet, else the duplicate group (one unnamed outlet each)
           coalesce(d.outlet, g.dup_group_id, d.doc_id) AS outlet
    FROM document_stories s
    JOIN documents_stage d ON d.doc_id = s.doc_id
    LEFT JOIN document_groups g ON g.doc_id = d.doc_id
),
entity_rank AS (
    SELECT c.story_id, m.canonical AS name, count(DISTINCT m.doc_id) AS docs, count(*) AS n
    FROM story_clusters c
    JOIN mentions m ON m.doc_id = c.doc_id
    GROUP BY c.story_id, m.canonical
),
top_entities AS (
    SELECT story_id, list(name ORDER BY docs DESC, n DESC, name) AS names
    FROM (SELECT *, row_number() OVER (PARTITION BY story_id ORDER BY docs DESC, n DESC, name) AS r FROM entity_rank)
    WHERE r <= 3
    GROUP BY story_id
),
term_rank AS (
    SELECT c.story_id, t.term, sum(t.w) AS w
    FROM story_clusters c
    JOIN story_terms t ON t.doc_id = c.doc_id
    LEFT JOIN top_entities e ON e.story_id = c.story_id
    WHERE NOT list_contains(coalesce(list_transform(string_split(lower(array_to_string(e.names, ' ')), ' '), x -> x), []), t.term)
    GROUP BY c.story_id, t.term
),
top_terms AS (
    SELECT story_id, list(term ORDER BY w DESC, term) AS terms
    FROM (SELECT *, row_number() OVER (PARTITION BY story_id ORDER BY w DESC, term) AS r FROM term_rank)
    WHERE r <= 3
    GROUP BY story_id
)
SELECT
    m.story_id,
    concat_ws(' — ', nullif(array_to_string(any_value(e.names), ', '), ''), nullif(array_to_string(any_value(t.terms), ', '), '')) AS label,
    min(m.published_at)             AS first_date,
    max(m.published_at)             AS last_date,
    count(*)                        AS n_documents,
    count(DISTINCT m.outlet)        AS n_sources,
    list_sort(array_agg(m.doc_id))  AS doc_ids
FROM members m
LEFT JOIN top_entities e ON e.story_id = m.story_id
LEFT JOIN top_terms t ON t.story_id = m.story_id
GROUP BY m.story_id;

DROP TABLE story_edges;
