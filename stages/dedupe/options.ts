/**
 * Dedupe parameters.
 *
 * Near-duplicates are found with MinHash over word 5-shingles and LSH banding: the 120 MinHash
 * values are cut into b = 12 bands of r = 10 rows; two documents become a candidate pair when all
 * rows of at least one band agree. For true Jaccard J that happens with probability
 *
 *   P(candidate | J) = 1 − (1 − J^r)^b
 *
 * whose S-curve is steepest near t ≈ (1/b)^(1/r) = (1/12)^(1/10) ≈ 0.780. With b = 12, r = 10:
 *
 *   J = 0.7 → 0.291    J = 0.8 → 0.744    J = 0.9 → 0.994
 *
 * t sits a little below the 0.8 link threshold on purpose: banding only proposes candidates and every
 * candidate is verified on all 120 slots (estimated Jaccard ≥ threshold) before it links, so a lower
 * t costs only verification work, while t = 0.8 exactly (b = r = 11) would find only 0.63 of the
 * pairs at J = 0.8 and 0.984 at J = 0.9. The verification estimate itself has a standard error of
 * sqrt(J(1−J)/120) ≈ 0.036 at J = 0.8, so pairs within a few hundredths of the threshold go either way.
 */
export interface DedupeOptions {
  /** Words per shingle. */
  shingle_size: number;
  /** MinHash values per document. */
  num_perm: number;
  /** LSH bands; bands × rows must not exceed num_perm. */
  bands: number;
  /** MinHash values per band. */
  rows: number;
  /** Minimum estimated Jaccard for a candidate pair to be linked. */
  threshold: number;
  /** Seed of the MinHash permutations; signatures are only comparable under the same seed. */
  seed: number;
}

export const DEFAULT_DEDUPE_OPTIONS: Readonly<DedupeOptions> = Object.freeze({
  shingle_size: 5,
  num_perm: 120,
  bands: 12,
  rows: 10,
  threshold: 0.8,
  seed: 1,
});

export function resolveOptions(options: Partial<DedupeOptions> = {}): DedupeOptions {
  const o = { ...DEFAULT_DEDUPE_OPTIONS, ...options };
  if (!Number.isInteger(o.shingle_size) || o.shingle_size < 1) throw new Error(`shingle_size must be a positive integer, got ${o.shingle_size}`);
  if (!Number.isInteger(o.num_perm) || o.num_perm < 1) throw new Error(`num_perm must be a positive integer, got ${o.num_perm}`);
  if (!Number.isInteger(o.bands) || !Number.isInteger(o.rows) || o.bands < 1 || o.rows < 1) {
    throw new Error(`bands and rows must be positive integers, got ${o.bands} × ${o.rows}`);
  }
  if (o.bands * o.rows > o.num_perm) throw new Error(`bands × rows = ${o.bands * o.rows} exceeds num_perm = ${o.num_perm}`);
  if (!(o.threshold > 0 && o.threshold <= 1)) throw new Error(`threshold must be in (0, 1], got ${o.threshold}`);
  return o;
}
