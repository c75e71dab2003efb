/**
 * Dedupe parameters.
 *
 * Two documents are near-duplicates when their sets A and B of distinct word 5-shingles
 * (stages/dedupe/scan.ts) either
 * - resemble each other: Jaccard J = |A∩B| / |A∪B| ≥ threshold (0.8), the definition and the
 *   one the BBC truth uses; or
 * - one contains the other: C = |A∩B| / min(|A|, |B|) ≥ containment (0.9), provided J ≥
 *   containment_min_jaccard (0.65). This is Broder's (1997) second measure, for a copy that lost part
 *   of the text (a dropped paragraph, a shortened re-post): its J falls with the share removed although
 *   nothing was rewritten. make-corpus makes such copies (one paragraph dropped, which in BBC text dumps
 *   can be half the article, plus 1% of the words replaced) and counts them as duplicates: on mb-200
 *   after cleaning, 19% of its near-duplicate files are below J 0.8 to every file of their group,
 *   which caps a J-only rule at pairwise recall 0.949 even with exact Jaccard (target 0.97).
 *   The J floor keeps an excerpt or a headline from joining every article that quotes it: the shorter
 *   text must hold about two thirds of the longer one's shingles. 0.65 is set by measurement, not
 *   derived: lower floors link real partial copies that the evaluations count as distinct (BBC pairs
 *   at J 0.62 with C 0.975–1.0, two WikiRef220 outlets at J 0.58, C 0.965); higher ones lose recall
 *   at scale (make-corpus mb-200 seed 1, pairwise: 0.9736 at 0.65, 0.9700 at 0.67, 0.9662 at 0.70). Three BBC pairs with J 0.69–0.76
 *   and C ≥ 0.9 do link and count as false positives against BBC's J ≥ 0.8 truth (P 0.981).
 *
 * Both are judged on estimates from num_perm = 240 MinHash values: Ĵ = share of equal slots, with
 * standard error sqrt(J(1−J)/240) ≈ 0.026 at J = 0.8 and 0.031 at 0.65, and
 * Ĉ = Ĵ/(1+Ĵ)·(|A|+|B|)/min(|A|,|B|) (|A∩B| from Ĵ and the stored set sizes n_shingles). 120 values
 * (error 0.044 at 0.65) let a BBC pair with exact J 0.62 pass the 0.65 floor on its estimate.
 *
 * Candidates come from LSH banding: the values are cut into b = 48 bands of r = 5 rows, and two
 * documents are a candidate pair when all rows of at least one band agree, which for true Jaccard J
 * happens with probability P(J) = 1 − (1 − J^r)^b. The S-curve is steepest near (1/b)^(1/r) ≈ 0.46:
 *
 *   J = 0.2 → 0.015   0.3 → 0.11   0.5 → 0.78   0.6 → 0.980   0.65 → 0.997   0.7 → 0.9999   0.8 → 1 − 5e−9
 *
 * It must sit below containment_min_jaccard, the lowest J that can link, because a pair that is never
 * a candidate is never verified: the previous 12 × 10 (steepest at 0.78) proposed only 0.74 of the
 * pairs at J = 0.8 and 0.15 at J = 0.65. Every candidate is verified on all values before it links, so
 * banding false positives never merge documents; they cost only verification work, which stays small
 * because unrelated news articles have J < 0.1 (P < 0.001). 60 × 4 would also propose 0.39 of the
 * pairs at J = 0.3 for nothing.
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
  /** Minimum estimated share of the smaller shingle set found in the larger, for a link below `threshold`. */
  containment: number;
  /** Minimum estimated Jaccard of a containment link; equal to `threshold` switches containment links off. */
  containment_min_jaccard: number;
  /** Seed of the MinHash permutations; signatures are only comparable under the same seed. */
  seed: number;
}

export const DEFAULT_DEDUPE_OPTIONS: Readonly<DedupeOptions> = Object.freeze({
  shingle_size: 5,
  num_perm: 240,
  bands: 48,
  rows: 5,
  threshold: 0.8,
  containment: 0.9,
  containment_min_jaccard: 0.65,
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
  if (!(o.containment > 0 && o.containment <= 1)) throw new Error(`containment must be in (0, 1], got ${o.containment}`);
  if (!(o.containment_min_jaccard > 0 && o.containment_min_jaccard <= o.threshold)) {
    throw new Error(`containment_min_jaccard must be in (0, threshold = ${o.threshold}], got ${o.containment_min_jaccard}`);
  }
  return o;
}
