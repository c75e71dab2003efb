import { hashString32, toHex32 } from './hash.js';
import { minhash, permutations } from './minhash.js';
import { normalizeForExact, words } from './normalize.js';
import { resolveOptions, type DedupeOptions } from './options.js';
import { shingleHashes } from './shingle.js';
import type { DocSignature } from './types.js';

// Two seeds give two independent 32-bit hashes: a 64-bit key, so a chance collision among n
// documents has probability ≈ n²/2^65 instead of n²/2^33 (≈ 1% already at 10,000 documents).
const EXACT_SEED_HI = 0x9747b28c;
const EXACT_SEED_LO = 0x3c6ef372;

/** Per-document phase: pure, needs no other document. */
export function computeSignature(text: string, options?: Partial<DedupeOptions>): DocSignature {
  const o = resolveOptions(options);
  const normalized = normalizeForExact(text);
  const shingles = shingleHashes(words(text), o.shingle_size);
  return {
    exact_hash: toHex32(hashString32(normalized, EXACT_SEED_HI)) + toHex32(hashString32(normalized, EXACT_SEED_LO)),
    minhash: minhash(shingles, permutations(o.num_perm, o.seed)),
    n_shingles: shingles.length,
  };
}
