/**
 * The two boilerplate metrics.
 *
 * Trafilatura (../shared/README.md): whitespace is collapsed in the output; each "with" snippet
 * found is a TP, missing an FN; each "without" snippet found is an FP, missing a TN; micro-summed
 * over all pages.
 *
 * Zyte article-extraction-benchmark: tokens are `\w+` matches (Unicode), compared as multisets of
 * 4-token shingles; per page tp/fp/fn are divided by their sum; precision and recall are averaged
 * over pages and F1 is the harmonic mean of the two averages. Accuracy here is the mean per-page
 * normalised tp, i.e. tp / (tp + fp + fn).
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Snippet counts of one page. */
export function snippetCounts(output: string, withSnippets: string[], withoutSnippets: string[]): Counts {
  const text = collapse(output);
  const counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const s of withSnippets) {
    if (text.includes(collapse(s))) counts.tp++;
    else counts.fn++;
  }
  for (const s of withoutSnippets) {
    if (text.includes(collapse(s))) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

export function microScores(c: Counts): Scores {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  const total = c.tp + c.fp + c.fn + c.tn;
  return { precision, recall, f1: harmonic(precision, recall), accuracy: total > 0 ? (c.tp + c.tn) / total : 0 };
}

const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  if (tokens.length > 0 && tokens.length < n) {
    const key = tokens.join(' ');
    out.set(key, 1);
    return out;
  }
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised tp/fp/fn of one page (each divided by their sum; all 0 when both texts are empty). */
export function shingleMatch(truth: string, prediction: string): { tp: number; fp: number; fn: number } {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/** Zyte scores over pages: per-page precision and recall averaged, F1 of the averages. */
export function zyteScores(pages: { truth: string; prediction: string }[]): Scores {
  let p = 0;
  let r = 0;
  let acc = 0;
  for (const { truth, prediction } of pages) {
    const m = shingleMatch(truth, prediction);
    const empty = m.tp + m.fp + m.fn === 0;
    p += empty ? 1 : m.tp + m.fp > 0 ? m.tp / (m.tp + m.fp) : 0;
    r += empty ? 1 : m.tp + m.fn > 0 ? m.tp / (m.tp + m.fn) : 0;
    acc += empty ? 1 : m.tp;
  }
  const n = Math.max(1, pages.length);
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: harmonic(precision, recall), accuracy: acc / n };
}

function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}
