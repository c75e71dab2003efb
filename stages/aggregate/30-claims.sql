-- claims: what different outlets reported for the same subject. One row per subject (claim_key,
-- e.g. 'troops|RU') and reported figure, with the documents, sources and attributions behind it;
-- the subject_* columns summarise all figures for the subject, and subject_disagrees flags
-- subjects for which outlets report more than one figure. Dates are publication dates as stated,
-- else as inferred (documents.published_at_inferred).
CREATE TABLE claims AS
WITH reported AS (
    SELECT q.*, d.source_path, coalesce(d.published_at, d.published_at_inferred) AS published
    FROM quantities q
    JOIN documents d ON d.doc_id = q.doc_id
    WHERE q.claim_key IS NOT NULL AND coalesce(d.is_canonical, true)
),
figures AS (
    SELECT
        claim_key,
        min(claim_subject)    AS subject,
        value,
        low,
        high,
        min(unit)    AS unit,
        list_sort(array_agg(DISTINCT qualifier))    AS qualifiers,
        count(DISTINCT doc_id)    AS doc_count,
        list_sort(array_agg(DISTINCT doc_id))    AS doc_ids,
        list_sort(array_agg(DISTINCT source_path))    AS source_paths,
        list_sort(array_agg(DISTINCT attributed_to) FILTER (WHERE attributed_to IS NOT NULL)) AS attributed_to,
        list_sort(array_agg(DISTINCT text))    AS texts,
        min(published)    AS first_published,
        max(published)    AS last_published
    FROM reported
    GROUP BY claim_key, value, low, high
),
subjects AS (
    SELECT claim_key, count(DISTINCT doc_id) AS subject_n_sources FROM reported GROUP BY claim_key
)
SELECT
    claim_key, subject, value, low, high, unit, qualifiers, doc_count, doc_ids, source_paths, attributed_to, texts,
    first_published, last_published,
    count(*) OVER subject_figures                                   AS subject_n_values,
    min(coalesce(value, low)) OVER subject_figures                  AS subject_min,
    max(coalesce(value, high)) OVER subject_figures                 AS subject_max,
    subjects.subject_n_sources,
    count(*) OVER subject_figures > 1                               AS subject_disagrees
FROM figures
JOIN subjects USING (claim_key)
WINDOW subject_figures AS (PARTITION BY claim_key);
