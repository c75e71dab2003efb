/**
 * 32-bit hashing with Math.imul only: synchronous (no WASM init) and no BigInt, so it can run in
 * the per-document hot loop.
 */

/** MurmurHash3 finaliser: a bijection on 32-bit values with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One MurmurHash3 block step: folds the 32-bit value k into the running state h. */
export function mixBlock(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function toHex32(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}
