/**
 * Average-linkage agglomerative clustering over a sparse similarity graph: start from singletons and
 * repeatedly merge the two clusters with the highest mean pairwise similarity (pairs without an edge
 * count 0) while it reaches the threshold. Unlike single linkage (union-find over edges), one
 * article that mentions two events does not chain their stories together.
 *
 * Memory: one map entry per pair of clusters that share an edge; a lazy max-heap holds candidate
 * merges, stale entries are skipped when popped.
 */
export interface Edge {
  a: number;
  b: number;
  similarity: number;
}

/** Returns, for every node 0..n−1, the index of its cluster's smallest node. */
export function averageLinkage(n: number, edges: readonly Edge[], threshold: number): Int32Array {
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  // sums[x].get(y) = sum of similarities between clusters x and y (kept symmetric).
  const sums: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const { a, b, similarity } of edges) {
    if (a === b) continue;
    sums[a]!.set(b, (sums[a]!.get(b) ?? 0) + similarity);
    sums[b]!.set(a, (sums[b]!.get(a) ?? 0) + similarity);
  }
  const heap = new MaxHeap();
  for (let x = 0; x < n; x++) for (const [y, s] of sums[x]!) if (x < y) heap.push(s / (size[x]! * size[y]!), x, y);
  for (;;) {
    const top = heap.pop();
    if (!top || top.score < threshold) break;
    const { x, y } = top;
    if (!alive[x] || !alive[y]) continue;
    const current = (sums[x]!.get(y) ?? 0) / (size[x]! * size[y]!);
    if (current !== top.score) continue; // stale: a cluster changed since this entry was pushed
    // Merge y into x.
    alive[y] = 0;
    for (const [z, s] of sums[y]!) {
      if (z === x) continue;
      sums[x]!.set(z, (sums[x]!.get(z) ?? 0) + s);
      sums[z]!.delete(y);
      sums[z]!.set(x, sums[x]!.get(z)!);
    }
    sums[x]!.delete(y);
    sums[y] = new Map();
    size[x]! += size[y]!;
    members[x]!.push(...members[y]!);
    members[y] = [];
    for (const [z, s] of sums[x]!) heap.push(s / (size[x]! * size[z]!), Math.min(x, z), Math.max(x, z));
  }
  const cluster = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    if (!alive[x]) continue;
    const smallest = Math.min(...members[x]!);
    for (const m of members[x]!) cluster[m] = smallest;
  }
  return cluster;
}

/** Max-heap of (score, x, y); ties broken by smaller x, then smaller y, so merges are deterministic. */
class MaxHeap {
  private readonly items: { score: number; x: number; y: number }[] = [];

  push(score: number, x: number, y: number): void {
    const items = this.items;
    items.push({ score, x, y });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): { score: number; x: number; y: number } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }

  private before(a: { score: number; x: number; y: number }, b: { score: number; x: number; y: number }): boolean {
    return a.score !== b.score ? a.score > b.score : a.x !== b.x ? a.x < b.x : a.y < b.y;
  }
}
