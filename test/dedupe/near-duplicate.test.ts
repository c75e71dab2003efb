import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUPE_OPTIONS, groupDuplicates, type DedupeDoc, type DocSignature } from '../../stages/dedupe/index.js';
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

const SLOTS = DEFAULT_DEDUPE_OPTIONS.num_perm;

/** A signature whose slots are `fill`, except slots listed in `own`, which get values unique to `tag`. */
function crafted(tag: number, own: Iterable<number>, n_shingles = 100, fill = 5): DocSignature {
  const minhash = new Uint32Array(SLOTS).fill(fill);
  for (const slot of own) minhash[slot] = 1000 * tag + slot;
  return { exact_hash: `crafted-${tag}`, minhash, n_shingles };
}

/** The first `share` of the slots: as `own`, a signature whose estimate against an all-fill one is 1 − share. */
const first = (share: number) => range(0, Math.round(share * SLOTS));

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const sig = (doc_id: string, signature: DocSignature): DedupeDoc => ({ doc_id, signature, n_chars: 10, published_at: null });

describe('LSH candidates are verified before linking', () => {
  it('does not link a pair that shares one whole band but little else', async () => {
    // Same rows of band 0, every other slot different: a banding candidate with a tiny estimate.
    const { rows } = DEFAULT_DEDUPE_OPTIONS;
    const a = crafted(1, range(rows, SLOTS));
    const b = crafted(2, range(rows, SLOTS));
    const { pairs, groups } = await groupDuplicates([sig('a', a), sig('b', b)]);
    expect(pairs).toEqual([]);
    expect(groups.get('b')!.dup_group_id).toBe('b');
  });

  it('links at the threshold and reports the estimate as similarity', async () => {
    // 80% of the slots equal: estimate 0.8 exactly.
    const { pairs } = await groupDuplicates([sig('a', crafted(1, first(0.2))), sig('b', crafted(2, []))]);
    expect(pairs).toEqual([{ doc_id_a: 'a', doc_id_b: 'b', similarity: 0.8, method: 'minhash' }]);
  });

  it('uses the configured threshold', async () => {
    const docs = [sig('a', crafted(1, first(0.3))), sig('b', crafted(2, []))]; // estimate 0.7, equal sizes: containment 0.82
    expect((await groupDuplicates(docs)).pairs).toEqual([]);
    expect((await groupDuplicates(docs, { threshold: 0.7 })).pairs).toHaveLength(1);
  });

  it('never links documents without shingles through their (all-max) MinHash', async () => {
    const empty = (tag: number): DocSignature => ({ exact_hash: `e${tag}`, minhash: new Uint32Array(SLOTS).fill(0xffffffff), n_shingles: 0 });
    expect((await groupDuplicates([sig('a', empty(1)), sig('b', empty(2))])).pairs).toEqual([]);
  });

  it('never links empty texts as exact duplicates (a page the clean stage emptied is nobody\'s copy)', async () => {
    const { pairs, groups } = await groupDuplicates([doc('a', ''), doc('b', '  '), doc('c', '...')]);
    expect(pairs).toEqual([]);
    expect([...groups.values()].every((g) => g.is_canonical)).toBe(true);
  });
});

describe('containment links (a copy that lost part of the text)', () => {
  it('links a text with a quarter of its sentences cut, below the Jaccard threshold', async () => {
    const cut = [...base.slice(0, 10), ...base.slice(20)].join(' ');
    expect(exactJaccard(original, cut)).toBeLessThan(0.8);
    expect(exactJaccard(original, cut)).toBeGreaterThan(0.7);
    const { pairs } = await groupDuplicates([doc('a', original), doc('b', cut)]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ doc_id_a: 'a', doc_id_b: 'b', method: 'minhash' });
    expect(pairs[0]!.similarity).toBeLessThan(0.8);
  });

  it('does not link an excerpt to the article it comes from (Jaccard below containment_min_jaccard)', async () => {
    const excerpt = base.slice(5, 20).join(' ');
    expect(exactJaccard(original, excerpt)).toBeLessThan(0.5);
    expect((await groupDuplicates([doc('a', original), doc('b', excerpt)])).pairs).toEqual([]);
  });

  it('judges containment from the estimate and the set sizes', async () => {
    // Estimate 0.7 both times. Sizes 100 and 70: |A∩B| ≈ 0.7/1.7·170 = 70, all of the smaller set.
    // Sizes 100 and 100: |A∩B| ≈ 82, containment 0.82 < 0.9.
    const contained = [sig('a', crafted(1, first(0.3))), sig('b', crafted(2, [], 70))];
    const resembling = [sig('a', crafted(1, first(0.3))), sig('b', crafted(2, [], 100))];
    expect((await groupDuplicates(contained)).pairs).toEqual([{ doc_id_a: 'a', doc_id_b: 'b', similarity: 0.7, method: 'minhash' }]);
    expect((await groupDuplicates(resembling)).pairs).toEqual([]);
  });

  it('is switched off by containment_min_jaccard = threshold', async () => {
    const contained = [sig('a', crafted(1, first(0.3))), sig('b', crafted(2, [], 70))];
    expect((await groupDuplicates(contained, { containment_min_jaccard: 0.8 })).pairs).toEqual([]);
  });
});

describe('groups are transitive', () => {
  it('puts a~b and b~c in one group even though a and c are not similar enough to link', async () => {
    // a differs from b in the first sixth of the slots, c from b in the second: a~b = b~c = 5/6, a~c = 4/6.
    const sixth = SLOTS / 6;
    const docs = [sig('a', crafted(1, range(0, sixth))), sig('b', crafted(2, [])), sig('c', crafted(3, range(sixth, 2 * sixth)))];
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
