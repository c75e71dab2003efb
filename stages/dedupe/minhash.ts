import { fmix32 } from './hash.js';

/**
 * MinHash with num_perm hash functions h_i(x) = fmix32(a_i·x + b_i) (mod 2^32), a_i odd. Each h_i
 * is a bijection on 32-bit values (odd multiply, add, fmix32 all are), i.e. a pseudo-random
 * permutation; a_i and b_i come from seeded mixing, so no 64-bit or BigInt arithmetic is needed.
 */
export interface Permutations {
  mul: Uint32Array;
  add: Uint32Array;
}

const cache = new Map<string, Permutations>();

export function permutations(numPerm: number, seed: number): Permutations {
  const key = `${numPerm}:${seed}`;
  let p = cache.get(key);
  if (!p) {
    p = { mul: new Uint32Array(numPerm), add: new Uint32Array(numPerm) };
    for (let i = 0; i < numPerm; i++) {
      p.mul[i] = fmix32(seed ^ Math.imul(2 * i + 1, 0x9e3779b9)) | 1;
      p.add[i] = fmix32(p.mul[i]! ^ 0x85ebca6b ^ seed);
    }
    cache.set(key, p);
  }
  return p;
}

/** Minimum of each permutation over the shingle hashes; all 0xffffffff for an empty set. */
export function minhash(shingles: Uint32Array, perms: Permutations): Uint32Array {
  const out = new Uint32Array(perms.mul.length);
  for (let p = 0; p < out.length; p++) {
    const a = perms.mul[p]!;
    const b = perms.add[p]!;
    let min = 0xffffffff;
    for (let i = 0; i < shingles.length; i++) {
      // fmix32 written out: as a call, each result above 2^31 was boxed as a heap number (6× slower).
      let h = (Math.imul(a, shingles[i]!) + b) | 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < min) min = h;
    }
    out[p] = min;
  }
  return out;
}

/** Share of equal slots: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error(`MinHash lengths differ: ${a.length} vs ${b.length}`);
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}
