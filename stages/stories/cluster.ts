/**
 * Average-linkage agglomerative clustering over a sparse similarity graph: start from singletons and
 * repeatedly merge the two clusters with the highest mean pairwise similarity (pairs without an edge
 * count 0) while it reaches the threshold. Unlike single linkage (union-find over edges), one
 * article that mentions two events does not chain their stories together.
 *
 * Memory: one map entry per pair of clusters that share an edge; a lazy max-heap holds candidate
 * merges, stale entries are skipped when popped. Edges are only iterated, so the caller can stream
 * them from typed arrays instead of holding one object per edge.
 */
export interface Edge {
  a: number;
  b: number;
  similarity: number;
}

/** Returns, for every node 0..n−1, the index of its cluster's smallest node. */
export function averageLinkage(n: number, edges: Iterable<Edge>, threshold: number): Int32Array {
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  // Each cluster's members as a linked list through `next` (-1 ends it), so a merge is O(1) and
  // no per-node array is allocated.
  const next = new Int32Array(n).fill(-1);
  const last = Int32Array.from({ length: n }, (_, i) => i);
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
    next[last[x]!] = y;
    last[x] = last[y]!;
    for (const [z, s] of sums[x]!) heap.push(s / (size[x]! * size[z]!), Math.min(x, z), Math.max(x, z));
  }
  // Heap entries are (smaller, larger) and the larger cluster merges into the smaller, so a live
  // cluster's index is its smallest node.
  const cluster = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    if (!alive[x]) continue;
    for (let m = x; m !== -1; m = next[m]!) cluster[m] = x;
  }
  return cluster;
}

/**
 * Max-heap of (score, x, y); ties broken by smaller x, then smaller y, so merges are deterministic.
 * Entries live in parallel typed arrays (16 bytes each instead of a ~50-byte object): stale
 * entries accumulate with every merge, and on large corpora the heap is the clustering's memory.
 */
class MaxHeap {
  private scores = new Float64Array(1024);
  private xs = new Int32Array(1024);
  private ys = new Int32Array(1024);
  private length = 0;

  push(score: number, x: number, y: number): void {
    if (this.length === this.scores.length) this.grow();
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(score, x, y, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, score, x, y);
  }

  pop(): { score: number; x: number; y: number } | undefined {
    if (this.length === 0) return undefined;
    const top = { score: this.scores[0]!, x: this.xs[0]!, y: this.ys[0]! };
    const last = --this.length;
    if (last > 0) {
      const [score, x, y] = [this.scores[last]!, this.xs[last]!, this.ys[last]!];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const child = r < last && this.precedes(r, l) ? r : l;
        if (this.before(score, x, y, child)) break;
        this.move(child, i);
        i = child;
      }
      this.set(i, score, x, y);
    }
    return top;
  }

  /** Does (score, x, y) come before entry k? */
  private before(score: number, x: number, y: number, k: number): boolean {
    const s = this.scores[k]!;
    if (score !== s) return score > s;
    const kx = this.xs[k]!;
    return x !== kx ? x < kx : y < this.ys[k]!;
  }

  private precedes(a: number, b: number): boolean {
    return this.before(this.scores[a]!, this.xs[a]!, this.ys[a]!, b);
  }

  private move(from: number, to: number): void {
    this.set(to, this.scores[from]!, this.xs[from]!, this.ys[from]!);
  }

  private set(k: number, score: number, x: number, y: number): void {
    this.scores[k] = score;
    this.xs[k] = x;
    this.ys[k] = y;
  }

  private grow(): void {
    const size = this.scores.length * 2;
    const scores = new Float64Array(size);
    const xs = new Int32Array(size);
    const ys = new Int32Array(size);
    scores.set(this.scores);
    xs.set(this.xs);
    ys.set(this.ys);
    [this.scores, this.xs, this.ys] = [scores, xs, ys];
  }
}
