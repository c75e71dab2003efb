import { compareCanonical, compareIds } from './canonical.js';
import { forEachCandidate } from './lsh.js';
import { estimateJaccard } from './minhash.js';
import { DEFAULT_DEDUPE_OPTIONS, resolveOptions, type DedupeOptions } from './options.js';
import type { DedupeDoc, DedupeResult, DuplicatePair, GroupAssignment } from './types.js';
import { UnionFind } from './union-find.js';

export type GroupOptions = Partial<Pick<DedupeOptions, 'bands' | 'rows' | 'threshold'>>;

/**
 * Global phase: links exact duplicates (same exact_hash) and verified near-duplicates, closes the
 * links transitively, and names every group after its canonical member.
 *
 * Exact duplicates are linked as a star to the smallest doc_id of their class (k copies → k−1
 * pairs, not k(k−1)/2), and only that representative enters LSH, so a story syndicated a thousand
 * times costs neither a quadratic pair list nor a quadratic LSH bucket.
 */
export function groupDuplicates(docs: readonly DedupeDoc[], options: GroupOptions = {}): DedupeResult {
  const sorted = sortById(docs);
  const uf = new UnionFind(sorted.length);
  const pairs: DuplicatePair[] = [];
  const representatives = linkExact(sorted, uf, pairs);
  linkNear(sorted, representatives, uf, pairs, options);
  pairs.sort((a, b) => compareIds(a.doc_id_a, b.doc_id_a) || compareIds(a.doc_id_b, b.doc_id_b));
  return { pairs, groups: assignGroups(sorted, uf) };
}

/** Sorting first makes every later step independent of input order. */
function sortById(docs: readonly DedupeDoc[]): DedupeDoc[] {
  const sorted = [...docs].sort((a, b) => compareIds(a.doc_id, b.doc_id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.doc_id === sorted[i - 1]!.doc_id) throw new Error(`duplicate doc_id: ${sorted[i]!.doc_id}`);
  }
  return sorted;
}

/** Links each exact class to its first (smallest-id) member; returns those members' indices, ascending. */
function linkExact(sorted: readonly DedupeDoc[], uf: UnionFind, pairs: DuplicatePair[]): number[] {
  const firstByHash = new Map<string, number>();
  const representatives: number[] = [];
  sorted.forEach((doc, i) => {
    const first = firstByHash.get(doc.signature.exact_hash);
    if (first === undefined) {
      firstByHash.set(doc.signature.exact_hash, i);
      representatives.push(i);
      return;
    }
    uf.union(first, i);
    pairs.push({ doc_id_a: sorted[first]!.doc_id, doc_id_b: doc.doc_id, similarity: 1, method: 'exact' });
  });
  return representatives;
}

/** LSH candidates among exact-class representatives, linked only when the full-signature estimate passes. */
function linkNear(
  sorted: readonly DedupeDoc[],
  representatives: readonly number[],
  uf: UnionFind,
  pairs: DuplicatePair[],
  options: GroupOptions,
): void {
  const numPerm = sorted[0]?.signature.minhash.length ?? DEFAULT_DEDUPE_OPTIONS.num_perm;
  const o = resolveOptions({ ...options, num_perm: numPerm });
  // An empty shingle set has an all-max MinHash that would "match" every other empty one.
  const usable = representatives.filter((i) => sorted[i]!.signature.n_shingles > 0);
  const signatures = usable.map((i) => sorted[i]!.signature.minhash);
  if (signatures.some((s) => s.length !== numPerm)) throw new Error('all signatures must have the same num_perm');
  forEachCandidate(signatures, o.bands, o.rows, (x, y) => {
    const similarity = estimateJaccard(signatures[x]!, signatures[y]!);
    if (similarity < o.threshold) return;
    const a = usable[x]!;
    const b = usable[y]!;
    uf.union(a, b);
    pairs.push({ doc_id_a: sorted[a]!.doc_id, doc_id_b: sorted[b]!.doc_id, similarity, method: 'minhash' });
  });
}

function assignGroups(sorted: readonly DedupeDoc[], uf: UnionFind): Map<string, GroupAssignment> {
  const canonicalByRoot = new Map<number, DedupeDoc>();
  sorted.forEach((doc, i) => {
    const root = uf.find(i);
    const best = canonicalByRoot.get(root);
    if (!best || compareCanonical(doc, best) < 0) canonicalByRoot.set(root, doc);
  });
  const groups = new Map<string, GroupAssignment>();
  sorted.forEach((doc, i) => {
    const canonical = canonicalByRoot.get(uf.find(i))!;
    groups.set(doc.doc_id, { dup_group_id: canonical.doc_id, is_canonical: canonical === doc });
  });
  return groups;
}
