/**
 * Why truth pairs are missed (`npm run eval -- dedupe --corpus DIR --misses`). For every truth group
 * that dedupe split, each file outside the group's largest predicted part is compared with members
 * of that part (at most MAX_MAIN_MEMBERS, in file order: most are exact copies of one another) on the
 * exact shingle sets of their cleaned text, and the best match (highest exact Jaccard) says why no
 * link was made:
 * - below the link rule: even the exact values fail it (the edit went beyond what the rule calls a
 *   duplicate), split by how far below;
 * - estimate: the exact values pass but the MinHash estimates do not;
 * - banding: the estimates pass but no band agrees, so the pair was never a candidate.
 */
import type { DedupeOptions } from '../../../stages/dedupe/options.js';
import { computeSignature } from '../../../stages/dedupe/index.js';
import { estimateJaccard } from '../../../stages/dedupe/minhash.js';
import { normalizedView } from '../../../stages/dedupe/normalize.js';
import { scanText } from '../../../stages/dedupe/scan.js';
import { readDocuments } from './scale.js';

const MAX_MAIN_MEMBERS = 40;

interface Similarity {
  jaccard: number;
  containment: number;
}

interface Sketch {
  /** Distinct shingle hashes, sorted for a linear intersection. */
  shingles: Uint32Array;
  minhash: Uint32Array;
}

export async function explainMisses(root: string, clean: boolean, truth: Map<string, string>, predicted: Map<string, string>, options: DedupeOptions, limit: number): Promise<string[]> {
  const splits = splitGroups(truth, predicted);
  const needed = new Set(splits.flatMap((s) => [...s.main, ...s.apart.map((a) => a.file)]));
  const sketches = new Map<string, Sketch>();
  for await (const doc of await readDocuments(root, clean, (f) => needed.has(f))) {
    const shingles = scanText(normalizedView(doc.text), options.shingle_size).shingles.sort();
    sketches.set(doc.source_path, { shingles, minhash: computeSignature(doc.text, options).minhash });
  }
  const counts = new Map<string, { files: number; pairs: number }>();
  const examples: string[] = [];
  for (const { label, main, apart, size } of splits) {
    for (const { file, partSize } of apart) {
      const mine = sketches.get(file)!;
      let best = { other: '', similarity: { jaccard: -1, containment: 0 } };
      for (const other of main) {
        const similarity = exactSimilarity(mine.shingles, sketches.get(other)!.shingles);
        if (similarity.jaccard > best.similarity.jaccard) best = { other, similarity };
      }
      const theirs = sketches.get(best.other)!;
      const estimate = estimateJaccard(mine.minhash, theirs.minhash);
      const estimated = { jaccard: estimate, containment: containmentFrom(estimate, mine.shingles.length, theirs.shingles.length) };
      const reason = classify(best.similarity, estimated, shareBand(mine.minhash, theirs.minhash, options), options);
      const entry = counts.get(reason) ?? { files: 0, pairs: 0 };
      // The pairs this file misses: with every file of its truth group outside its own predicted part
      // (a pair between two parts that are both apart is counted twice, hence ≈).
      entry.files++;
      entry.pairs += size - partSize;
      counts.set(reason, entry);
      if (examples.length < limit) {
        const { jaccard, containment } = best.similarity;
        examples.push(
          `  - ${file} (${label}) best ${best.other}: exact J ${jaccard.toFixed(3)} C ${containment.toFixed(3)}, estimate J ${estimate.toFixed(3)} C ${estimated.containment.toFixed(3)}, shingles ${mine.shingles.length}/${theirs.shingles.length}: ${reason}`,
        );
      }
    }
  }
  const rows = [...counts].sort((a, b) => b[1].files - a[1].files).map(([reason, c]) => `| ${reason} | ${c.files} | ${Math.round(c.pairs)} |`);
  return [
    `### Files split from their truth group, by the reason of the best match (exact sets after ${clean ? 'clean' : 'ingest'})`,
    '',
    '| reason | files | truth pairs missed (≈) |',
    '|---|---|---|',
    ...rows,
    '',
    ...examples,
  ];
}

interface Split {
  label: string;
  /** The largest predicted part of the truth group (at most MAX_MAIN_MEMBERS of it). */
  main: string[];
  /** Files of the group in other predicted parts, with the size of their part. */
  apart: Array<{ file: string; partSize: number }>;
  size: number;
}

function splitGroups(truth: Map<string, string>, predicted: Map<string, string>): Split[] {
  const byLabel = new Map<string, string[]>();
  for (const file of [...predicted.keys()].sort()) {
    const label = truth.get(file);
    if (label === undefined) continue;
    const members = byLabel.get(label);
    if (members) members.push(file);
    else byLabel.set(label, [file]);
  }
  const splits: Split[] = [];
  for (const [label, files] of byLabel) {
    const parts = new Map<string, string[]>();
    for (const file of files) parts.set(predicted.get(file)!, [...(parts.get(predicted.get(file)!) ?? []), file]);
    if (parts.size < 2) continue;
    const main = [...parts.values()].reduce((a, b) => (b.length > a.length ? b : a));
    const apart = [...parts.values()].filter((part) => part !== main).flatMap((part) => part.map((file) => ({ file, partSize: part.length })));
    splits.push({ label, main: main.slice(0, MAX_MAIN_MEMBERS), apart, size: files.length });
  }
  return splits;
}

function exactSimilarity(a: Uint32Array, b: Uint32Array): Similarity {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return { jaccard: common / (a.length + b.length - common || 1), containment: common / (Math.min(a.length, b.length) || 1) };
}

/** Same formula as stages/dedupe/30-verify.sql. */
function containmentFrom(jaccard: number, nA: number, nB: number): number {
  return ((jaccard / (1 + jaccard)) * (nA + nB)) / Math.min(nA, nB);
}

function passes(s: Similarity, o: DedupeOptions): boolean {
  return s.jaccard >= o.threshold || (s.jaccard >= o.containment_min_jaccard && s.containment >= o.containment);
}

function classify(exact: Similarity, estimated: Similarity, candidate: boolean, o: DedupeOptions): string {
  if (!passes(exact, o)) {
    if (exact.jaccard < o.containment_min_jaccard) return `below the rule: exact J < ${o.containment_min_jaccard}${exact.containment >= o.containment ? ` (C ≥ ${o.containment})` : ''}`;
    return `below the rule: exact J in [${o.containment_min_jaccard}, ${o.threshold}), C < ${o.containment}`;
  }
  if (!passes(estimated, o)) return 'estimate: exact values pass, estimates do not';
  if (!candidate) return 'banding: estimates pass, no band agrees';
  return 'unexplained: the best match passes and is a candidate';
}

function shareBand(a: Uint32Array, b: Uint32Array, o: DedupeOptions): boolean {
  for (let band = 0; band < o.bands; band++) {
    let equal = true;
    for (let row = band * o.rows; row < (band + 1) * o.rows && equal; row++) equal = a[row] === b[row];
    if (equal) return true;
  }
  return false;
}
