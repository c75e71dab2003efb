import { describe, expect, it } from 'vitest';
import { groupDuplicates, type DedupeDoc } from '../../stages/dedupe/index.js';
import { doc, replaceSentences, sentences } from './fixtures.js';

const story = sentences(30, 1).join(' ');

describe('exact duplicates', () => {
  it('pairs copies that differ in whitespace, case and punctuation with similarity 1', async () => {
    const { pairs, groups } = await groupDuplicates([doc('b', story.toUpperCase()), doc('a', story.replace(/ /g, '  ').replace(/\./g, '!'))]);
    expect(pairs).toEqual([{ doc_id_a: 'a', doc_id_b: 'b', similarity: 1, method: 'exact' }]);
    expect(groups.get('a')!.dup_group_id).toBe(groups.get('b')!.dup_group_id);
  });

  it('links a class of k copies with k−1 pairs to its smallest doc_id', async () => {
    const { pairs } = await groupDuplicates(['d', 'b', 'c', 'a'].map((id) => doc(id, story)));
    expect(pairs.map((p) => `${p.doc_id_a}-${p.doc_id_b}`)).toEqual(['a-b', 'a-c', 'a-d']);
  });
});

describe('canonical member', () => {
  it('is the longest cleaned text', async () => {
    const { groups } = await groupDuplicates([doc('a', story, '2004-01-01', 100), doc('b', story, '2004-01-02', 200)]);
    expect(groups.get('a')).toEqual({ dup_group_id: 'b', is_canonical: false });
    expect(groups.get('b')).toEqual({ dup_group_id: 'b', is_canonical: true });
  });

  it('on equal length is the earliest published, unknown dates last', async () => {
    const { groups } = await groupDuplicates([doc('a', story, null, 100), doc('b', story, '2004-03-01', 100), doc('c', story, '2004-02-01', 100)]);
    expect(groups.get('c')).toEqual({ dup_group_id: 'c', is_canonical: true });
    expect(groups.get('a')!.dup_group_id).toBe('c');
    expect(groups.get('b')!.dup_group_id).toBe('c');
  });

  it('prefers a known date over an unknown one', async () => {
    const { groups } = await groupDuplicates([doc('a', story, null, 100), doc('b', story, '2004-03-01', 100)]);
    expect(groups.get('b')!.is_canonical).toBe(true);
  });

  it('on equal length and date is the smallest doc_id', async () => {
    const { groups } = await groupDuplicates([doc('z', story, null, 100), doc('m', story, null, 100)]);
    expect(groups.get('z')).toEqual({ dup_group_id: 'm', is_canonical: false });
  });
});

describe('grouping output', () => {
  const docs: DedupeDoc[] = [
    doc('e', story, '2004-01-05'),
    doc('a', story.toLowerCase(), '2004-01-03'),
    doc('c', replaceSentences(sentences(30, 1), [4], 77).join(' '), null),
    doc('d', sentences(30, 2).join(' '), null),
    doc('b', story, '2004-01-01'),
    doc('f', sentences(30, 3).join(' '), null),
    doc('g', sentences(30, 2).join(' ').toUpperCase(), '2003-12-31'),
  ];

  it('gives every document an entry, singletons their own group', async () => {
    const { groups } = await groupDuplicates(docs);
    expect([...groups.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(groups.get('f')).toEqual({ dup_group_id: 'f', is_canonical: true });
    expect(new Set([...groups.values()].map((g) => g.dup_group_id))).toEqual(new Set(['b', 'f', 'g']));
  });

  it('is the same for every input order', async () => {
    const reference = await groupDuplicates(docs);
    const serialise = (r: typeof reference) => JSON.stringify({ pairs: r.pairs, groups: [...r.groups].sort(([x], [y]) => (x < y ? -1 : 1)) });
    let state = 12345;
    for (let trial = 0; trial < 10; trial++) {
      const shuffled = [...docs];
      for (let i = shuffled.length - 1; i > 0; i--) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        const j = state % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(serialise(await groupDuplicates(shuffled))).toBe(serialise(reference));
    }
  });

  it('orders pairs by (doc_id_a, doc_id_b) with doc_id_a < doc_id_b', async () => {
    const { pairs } = await groupDuplicates(docs);
    expect(pairs.length).toBeGreaterThan(3);
    for (const p of pairs) expect(p.doc_id_a < p.doc_id_b).toBe(true);
    const keys = pairs.map((p) => `${p.doc_id_a}\t${p.doc_id_b}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('rejects a repeated doc_id', async () => {
    await expect(groupDuplicates([doc('a', story), doc('a', 'other text')])).rejects.toThrow(/duplicate doc_id: a/);
  });

  it('rejects signatures too short for the bands', async () => {
    const short = { ...doc('a', story), signature: { ...doc('a', story).signature, minhash: new Uint32Array(64) } };
    await expect(groupDuplicates([short])).rejects.toThrow(/exceeds num_perm/);
  });
});
