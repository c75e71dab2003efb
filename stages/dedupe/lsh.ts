import { fmix32, mixBlock } from './hash.js';

/**
 * LSH banding: calls onCandidate(i, j), i < j, once for every pair of signatures that agree on all
 * rows of at least one band. A pair that collides in several bands is reported only for the first
 * of them (checked on the stored band keys), so no set of seen pairs has to be kept in memory.
 */
export function forEachCandidate(
  signatures: readonly Uint32Array[],
  bands: number,
  rows: number,
  onCandidate: (i: number, j: number) => void,
): void {
  const keys = bandKeys(signatures, bands, rows);
  for (let band = 0; band < bands; band++) {
    for (const members of buckets(keys, signatures.length, bands, band)) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const i = members[x]!;
          const j = members[y]!;
          if (!collidedEarlier(keys, bands, band, i, j)) onCandidate(i, j);
        }
      }
    }
  }
}

/** keys[doc·bands + band] = 32-bit hash of that band's rows. Equal keys with unequal rows are only extra candidates. */
function bandKeys(signatures: readonly Uint32Array[], bands: number, rows: number): Uint32Array {
  const keys = new Uint32Array(signatures.length * bands);
  signatures.forEach((sig, doc) => {
    for (let band = 0; band < bands; band++) {
      let h = band;
      for (let r = band * rows; r < (band + 1) * rows; r++) h = mixBlock(h, sig[r]!);
      keys[doc * bands + band] = fmix32(h);
    }
  });
  return keys;
}

/** Buckets with two or more members, each listing doc indices in ascending order. */
function buckets(keys: Uint32Array, n: number, bands: number, band: number): number[][] {
  const byKey = new Map<number, number[]>();
  for (let doc = 0; doc < n; doc++) {
    const key = keys[doc * bands + band]!;
    const members = byKey.get(key);
    if (members) members.push(doc);
    else byKey.set(key, [doc]);
  }
  return [...byKey.values()].filter((m) => m.length > 1);
}

function collidedEarlier(keys: Uint32Array, bands: number, band: number, i: number, j: number): boolean {
  for (let b = 0; b < band; b++) if (keys[i * bands + b] === keys[j * bands + b]) return true;
  return false;
}
