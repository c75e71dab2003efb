import type { DedupeDoc } from './types.js';

type CanonicalKey = Pick<DedupeDoc, 'doc_id' | 'n_chars' | 'published_at'>;

/**
 * Orders group members so the canonical one comes first: the longest cleaned text (it most likely
 * holds everything the shorter copies have), then the earliest publication (the original rather
 * than a re-run), unknown dates last, then the smallest doc_id so ties never depend on input order.
 */
export function compareCanonical(a: CanonicalKey, b: CanonicalKey): number {
  if (a.n_chars !== b.n_chars) return b.n_chars - a.n_chars;
  if (a.published_at !== b.published_at) {
    if (a.published_at === null) return 1;
    if (b.published_at === null) return -1;
    return a.published_at < b.published_at ? -1 : 1;
  }
  return compareIds(a.doc_id, b.doc_id);
}

/** Plain code-unit order, not localeCompare: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
