import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../stages/dedupe/union-find.js';

describe('UnionFind', () => {
  it('starts with singletons', () => {
    const uf = new UnionFind(3);
    expect([0, 1, 2].map((i) => uf.find(i))).toEqual([0, 1, 2]);
  });

  it('is transitive: a~b and b~c put a and c together, d stays apart', () => {
    const uf = new UnionFind(4);
    uf.union(0, 1);
    uf.union(1, 2);
    expect(uf.find(0)).toBe(uf.find(2));
    expect(uf.find(3)).not.toBe(uf.find(0));
  });

  it('merges long chains and separate sets correctly', () => {
    const n = 1000;
    const uf = new UnionFind(n);
    for (let i = 0; i + 2 < n; i += 2) uf.union(i, i + 2); // evens in one set, odds alone
    for (let i = 1; i + 2 < n; i += 2) uf.union(i + 2, i); // odds in another
    const roots = new Set(Array.from({ length: n }, (_, i) => uf.find(i)));
    expect(roots.size).toBe(2);
    expect(uf.find(0)).toBe(uf.find(998));
    expect(uf.find(1)).toBe(uf.find(999));
    uf.union(998, 1);
    expect(uf.find(0)).toBe(uf.find(999));
  });
});
