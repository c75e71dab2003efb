import { describe, expect, it } from 'vitest';
import { microScores, shingleMatch, snippetCounts, zyteScores } from '../../scripts/eval/boilerplate/metrics.js';

describe('boilerplate evaluation metrics', () => {
  it('Trafilatura: snippets found after whitespace collapse count as TP / FP', () => {
    const output = 'The talks\n\nwill   continue.\nShare this';
    expect(snippetCounts(output, ['The talks will continue.', 'missing part'], ['Share this', 'Cookie policy'])).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
    expect(microScores({ tp: 3, fp: 1, fn: 1, tn: 5 })).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, accuracy: 0.8 });
  });

  it('Zyte: 4-token shingles as multisets, normalised per page', () => {
    expect(shingleMatch('a b c d e', 'a b c d e')).toEqual({ tp: 1, fp: 0, fn: 0 });
    // truth shingles: abcd, bcde; prediction: abcd, bcdx → 1 tp, 1 fp, 1 fn
    const m = shingleMatch('a b c d e', 'a b c d x');
    expect(m.tp).toBeCloseTo(1 / 3);
    expect(m.fp).toBeCloseTo(1 / 3);
    expect(m.fn).toBeCloseTo(1 / 3);
  });

  it('Zyte: averages precision and recall over pages, F1 of the averages', () => {
    const s = zyteScores([
      { truth: 'a b c d e', prediction: 'a b c d e' },
      { truth: 'a b c d e', prediction: '' },
    ]);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(0.5);
    expect(s.f1).toBeCloseTo(0.5);
  });

  it('Zyte tokens are Unicode words', () => {
    expect(shingleMatch('Größe der Brücke über Fluss', 'Größe der Brücke über Fluss').tp).toBe(1);
  });
});
