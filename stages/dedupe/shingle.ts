import { fmix32, hashString32, mixBlock } from './hash.js';

const WORD_SEED = 0x2f0b3c1d;
const SHINGLE_SEED = 0x6a09e667;

/**
 * Distinct 32-bit hashes of the word k-shingles, sorted. Words are hashed once and shingles are
 * folded from word hashes, so no shingle string is ever built. A text shorter than k words is
 * one shingle, so short texts still get a usable signature.
 */
export function shingleHashes(wordList: readonly string[], k: number): Uint32Array {
  if (wordList.length === 0) return new Uint32Array(0);
  const wordHashes = wordList.map((w) => hashString32(w, WORD_SEED));
  const width = Math.min(k, wordHashes.length);
  const out = new Uint32Array(wordHashes.length - width + 1);
  for (let start = 0; start < out.length; start++) {
    let h = SHINGLE_SEED;
    for (let i = start; i < start + width; i++) h = mixBlock(h, wordHashes[i]!);
    out[start] = fmix32(h ^ width);
  }
  return distinctSorted(out);
}

function distinctSorted(values: Uint32Array): Uint32Array {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i]!;
  }
  return values.slice(0, n);
}
