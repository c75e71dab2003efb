import { describe, expect, it } from 'vitest';
import { compareCanonical } from '../../stages/dedupe/canonical.js';

type Key = Parameters<typeof compareCanonical>[0];
const key = (doc_id: string, n_chars: number, published_at: string | null): Key => ({ doc_id, n_chars, published_at });
const order = (keys: Key[]) => [...keys].sort(compareCanonical).map((k) => k.doc_id);

describe('compareCanonical', () => {
  const keys = [
    key('e', 100, null),
    key('d', 100, '2004-02-01'),
    key('c', 100, '2004-01-01'),
    key('b', 100, null),
    key('a', 50, '2003-01-01'),
    key('f', 300, null),
  ];

  it('orders by length desc, then date asc with nulls last, then doc_id', () => {
    expect(order(keys)).toEqual(['f', 'c', 'd', 'b', 'e', 'a']);
    expect(order([...keys].reverse())).toEqual(['f', 'c', 'd', 'b', 'e', 'a']);
  });

  it('is antisymmetric, so the winner never depends on which side a document is', () => {
    for (const x of keys) {
      for (const y of keys) {
        if (x !== y) expect(Math.sign(compareCanonical(x, y))).toBe(-Math.sign(compareCanonical(y, x)));
      }
    }
  });
});
