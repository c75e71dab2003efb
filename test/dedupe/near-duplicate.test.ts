import { describe, expect, it } from 'vitest';
import { groupDuplicates, type DedupeDoc, type DocSignature } from '../../stages/dedupe/index.js';
import { doc, exactJaccard, replaceSentences, sentences } from './fixtures.js';

const base = sentences(40, 7);
const original = base.join(' ');

describe('near-duplicates (MinHash + LSH)', () => {
  it('links a text with one sentence out of 40 changed', async () => {
    const edited = replaceSentences(base, [17], 99).join(' ');
    expect(exactJaccard(original, edited)).toBeGreaterThan(0.9);
    const { pairs, groups } = await groupDuplicates([doc('a', original), doc('b', edited)]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ doc_id_a: 'a', doc_id_b: 'b', method: 'minhash' });
    expect(pairs[0]!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(groups.get('b')!.dup_group_id).toBe(groups.get('a')!.dup_group_id);
  });

  it('does not link a text with half its sentences changed', async () => {
    const edited = replaceSentences(base, Array.from({ length: 20 }, (_, i) => 2 * i), 99).join(' ');
    expect(exactJaccard(original, edited)).toBeLessThan(0.5);
    const { pairs, groups } = await groupDuplicates([doc('a', original), doc('b', edited)]);
    expect(pairs).toEqual([]);
    expect(groups.get('a')!.dup_group_id).toBe('a');
    expect(groups.get('b')!.dup_group_id).toBe('b');
  });

  it('does not link unrelated texts', async () => {
    const { pairs } = await groupDuplicates([doc('a', original), doc('b', sentences(40, 8).join(' '))]);
    expect(pairs).toEqual([]);
  });
});

/** A signature whose 120 slots are `fill`, except slots listed in `own`, which get values unique to `tag`. */
function crafted(tag: number, own: Iterable<number>, fill = 5): DocSignature {
  const minhash = new Uint32Array(120).fill(fill);
  for (const slot of own) minhash[slot] = 1000 * tag + slot;
  return { exact_hash: `crafted-${tag}`, minhash, n_shingles: 100 };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const sig = (doc_id: string, signature: DocSignature): DedupeDoc => ({ doc_id, signature, n_chars: 10, published_at: null });

describe('LSH candidates are verified before linking', () => {
  it('does not link a pair that shares one whole band but little else', async () => {
    // Same rows 0–9 (band 0), every other slot different: a banding candidate with estimate 10/120.
    const a = crafted(1, range(10, 120));
    const b = crafted(2, range(10, 120));
    const { pairs, groups } = await groupDuplicates([sig('a', a), sig('b', b)]);
    expect(pairs).toEqual([]);
    expect(groups.get('b')!.dup_group_id).toBe('b');
  });

  it('links at the threshold and reports the estimate as similarity', async () => {
    // 96 of 120 slots equal: estimate 0.8 exactly.
    const { pairs } = await groupDuplicates([sig('a', crafted(1, range(0, 24))), sig('b', crafted(2, []))]);
    expect(pairs).toEqual([{ doc_id_a: 'a', doc_id_b: 'b', similarity: 0.8, method: 'minhash' }]);
  });

  it('uses the configured threshold', async () => {
    const docs = [sig('a', crafted(1, range(0, 36))), sig('b', crafted(2, []))]; // estimate 0.7
    expect((await groupDuplicates(docs)).pairs).toEqual([]);
    expect((await groupDuplicates(docs, { threshold: 0.7 })).pairs).toHaveLength(1);
  });

  it('never links documents without shingles through their (all-max) MinHash', async () => {
    const empty = (tag: number): DocSignature => ({ exact_hash: `e${tag}`, minhash: new Uint32Array(120).fill(0xffffffff), n_shingles: 0 });
    expect((await groupDuplicates([sig('a', empty(1)), sig('b', empty(2))])).pairs).toEqual([]);
  });

  it('never links empty texts as exact duplicates (a page the clean stage emptied is nobody\'s copy)', async () => {
    const { pairs, groups } = await groupDuplicates([doc('a', ''), doc('b', '  '), doc('c', '...')]);
    expect(pairs).toEqual([]);
    expect([...groups.values()].every((g) => g.is_canonical)).toBe(true);
  });
});

describe('groups are transitive', () => {
  it('puts a~b and b~c in one group even though a and c are not similar enough to link', async () => {
    // a differs from b in slots 0–19, c from b in 20–39: a~b = b~c = 100/120, a~c = 80/120.
    const docs = [sig('a', crafted(1, range(0, 20))), sig('b', crafted(2, [])), sig('c', crafted(3, range(20, 40)))];
    const { pairs, groups } = await groupDuplicates(docs);
    expect(pairs.map((p) => `${p.doc_id_a}-${p.doc_id_b}`)).toEqual(['a-b', 'b-c']);
    expect(new Set([...groups.values()].map((g) => g.dup_group_id))).toEqual(new Set(['a']));
  });

  it('joins an exact copy to its original\'s near-duplicate', async () => {
    const edited = replaceSentences(base, [3], 50).join(' ');
    const { pairs, groups } = await groupDuplicates([doc('a', original), doc('b', original.toUpperCase()), doc('c', edited)]);
    expect(pairs.map((p) => `${p.doc_id_a}-${p.doc_id_b}-${p.method}`)).toEqual(['a-b-exact', 'a-c-minhash']);
    expect(groups.get('c')!.dup_group_id).toBe(groups.get('b')!.dup_group_id);
  });
});
