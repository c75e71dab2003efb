/**
 * Story clustering parameters (tuned on WikiRef220, see docs/decisions.md "Stories").
 */
export interface StoryOptions {
  /** Terms kept per document vector (the heaviest by TF-IDF). */
  terms_per_doc: number;
  /** Terms and entities named by more than this share of the canonical documents do not propose edges. */
  max_df_share: number;
  /** …but never fewer than this many documents (small corpora, e.g. one story told five times). */
  min_max_df: number;
  /** Weight of the entity cosine in an edge's similarity (the rest is the term cosine). */
  entity_weight: number;
  /** Edges below this similarity are not kept. */
  min_edge: number;
  /** Average-linkage threshold: two clusters merge while their mean pairwise similarity reaches it. */
  threshold: number;
  /** Documents whose known publication dates are further apart never share a story. */
  window_days: number;
}

export const DEFAULT_STORY_OPTIONS: Readonly<StoryOptions> = Object.freeze({
  terms_per_doc: 100,
  max_df_share: 0.3,
  min_max_df: 50,
  entity_weight: 0.5,
  min_edge: 0.02,
  threshold: 0.04,
  window_days: 14,
});
