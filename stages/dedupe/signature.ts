import { minhash, permutations } from './minhash.js';
import { normalizedView } from './normalize.js';
import { resolveOptions, type DedupeOptions } from './options.js';
import { scanText } from './scan.js';
import type { DocSignature } from './types.js';

/** Per-document phase: pure, needs no other document. */
export function computeSignature(text: string, options?: Partial<DedupeOptions>): DocSignature {
  const o = resolveOptions(options);
  const { exact_hash, shingles } = scanText(normalizedView(text), o.shingle_size);
  return { exact_hash, minhash: minhash(shingles, permutations(o.num_perm, o.seed)), n_shingles: shingles.length };
}
