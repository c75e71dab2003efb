/** Per-document dedupe signature, computed in the per-document phase. */
export interface DocSignature {
  /** 16 hex digits: two independently seeded 32-bit hashes of the normalised text. */
  exact_hash: string;
  /** num_perm MinHash values over the document's distinct word shingles. */
  minhash: Uint32Array;
  /** Number of distinct shingles (by 32-bit hash); 0 means the MinHash carries no information. */
  n_shingles: number;
}

export interface DuplicatePair {
  /** doc_id_a < doc_id_b (UTF-16 code unit order). */
  doc_id_a: string;
  doc_id_b: string;
  /** 1 for exact duplicates; the estimated Jaccard (share of equal MinHash slots) for minhash pairs. */
  similarity: number;
  method: 'exact' | 'minhash';
}

/** What the global grouping phase needs to know about one document. */
export interface DedupeDoc {
  doc_id: string;
  signature: DocSignature;
  /** Length of the cleaned text; the longest member of a group is its canonical one. */
  n_chars: number;
  /** YYYY-MM-DD (or any ISO-8601 string: compared as text), null when unknown. */
  published_at: string | null;
}

export interface GroupAssignment {
  /** doc_id of the group's canonical member. */
  dup_group_id: string;
  is_canonical: boolean;
}

export interface DedupeResult {
  /** Sorted by (doc_id_a, doc_id_b). */
  pairs: DuplicatePair[];
  /** One entry per input document, singletons included. */
  groups: Map<string, GroupAssignment>;
}
