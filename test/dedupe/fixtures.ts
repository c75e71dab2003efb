import { computeSignature, type DedupeDoc } from '../../stages/dedupe/index.js';

/** Deterministic text: `count` sentences of 12 words drawn from a 5,000-word vocabulary. */
export function sentences(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  return Array.from({ length: count }, () => {
    const ws = Array.from({ length: 12 }, () => `w${next() % 5000}`);
    return `${ws.join(' ')}.`;
  });
}

/** Replaces the sentences at the given indices with fresh ones. */
export function replaceSentences(base: readonly string[], indices: readonly number[], seed: number): string[] {
  const fresh = sentences(indices.length, seed);
  const out = [...base];
  indices.forEach((index, k) => (out[index] = fresh[k]!));
  return out;
}

export function doc(doc_id: string, text: string, published_at: string | null = null, n_chars = text.length): DedupeDoc {
  return { doc_id, signature: computeSignature(text), n_chars, published_at };
}

/** Exact Jaccard of word 5-shingle sets, to check a fixture's premise independently of MinHash. */
export function exactJaccard(a: string, b: string): number {
  const shingles = (t: string) => {
    const w = t.toLowerCase().match(/\w+/g) ?? [];
    return new Set(w.slice(0, w.length - 4).map((_, i) => w.slice(i, i + 5).join(' ')));
  };
  const sa = shingles(a);
  const sb = shingles(b);
  const common = [...sa].filter((s) => sb.has(s)).length;
  return common / (sa.size + sb.size - common);
}
