import { describe, expect, it } from 'vitest';
import { averageLinkage } from '../../stages/stories/cluster.js';
import { adjustedRandIndex, topicOf } from '../../scripts/eval/stories.js';

describe('averageLinkage', () => {
  it('merges strongly linked nodes and labels each cluster by its smallest node', () => {
    const edges = [
      { a: 0, b: 1, similarity: 0.9 },
      { a: 1, b: 2, similarity: 0.8 },
      { a: 0, b: 2, similarity: 0.7 },
      { a: 3, b: 4, similarity: 0.6 },
    ];
    expect(Array.from(averageLinkage(6, edges, 0.5))).toEqual([0, 0, 0, 3, 3, 5]);
  });

  it('does not chain two groups through one bridging edge (unlike single linkage)', () => {
    // {0,1,2} and {3,4,5} are cliques at 0.9; one edge 2–3 at 0.9 bridges them.
    const clique = (nodes: number[]) => nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => ({ a, b, similarity: 0.9 })));
    const edges = [...clique([0, 1, 2]), ...clique([3, 4, 5]), { a: 2, b: 3, similarity: 0.9 }];
    // Mean similarity between the cliques: 0.9 / 9 = 0.1 < 0.5.
    expect(Array.from(averageLinkage(6, edges, 0.5))).toEqual([0, 0, 0, 3, 3, 3]);
    expect(Array.from(averageLinkage(6, edges, 0.1))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('does not depend on edge order', () => {
    const edges = [
      { a: 0, b: 1, similarity: 0.5 },
      { a: 2, b: 3, similarity: 0.5 },
      { a: 1, b: 2, similarity: 0.5 },
    ];
    const reference = Array.from(averageLinkage(4, edges, 0.3));
    expect(Array.from(averageLinkage(4, [...edges].reverse(), 0.3))).toEqual(reference);
  });
});

describe('stories evaluation helpers', () => {
  it('reads the WikiRef220 topic from a file name', () => {
    expect(topicOf('ParisAttacks2015 (12).txt')).toBe('ParisAttacks2015');
    expect(topicOf('malaysia.airlines.flight.134.txt')).toBe('malaysia.airlines.flight');
  });

  it('computes the adjusted Rand index: 1 for the same partition, 0 for independent ones', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeCloseTo(-0.5, 10);
  });
});
