import { describe, expect, it } from 'vitest';
import { computeSignature, DEFAULT_DEDUPE_OPTIONS } from '../../stages/dedupe/index.js';

describe('computeSignature: exact hash', () => {
  const base = 'The U.S. economy grew by 3% in 2004, officials said.\n\nMarkets rose.';

  it('ignores whitespace, case and punctuation differences', () => {
    const variants = [
      'the us economy grew by 3 in 2004 officials said markets rose',
      '  THE U.S. ECONOMY   grew by 3%\tin 2004 -- officials said!!\nMarkets rose',
      'The “U.S.” economy grew by 3 % in 2004; officials said. Markets rose…',
    ];
    const expected = computeSignature(base).exact_hash;
    for (const v of variants) expect(computeSignature(v).exact_hash).toBe(expected);
  });

  it('folds compatibility characters (NFKC): full-width letters and digits', () => {
    expect(computeSignature('Ｔｈｅ economy grew by ３ percent').exact_hash).toBe(computeSignature('The economy grew by 3 percent').exact_hash);
  });

  it('differs when a word differs', () => {
    expect(computeSignature(base.replace('grew', 'shrank')).exact_hash).not.toBe(computeSignature(base).exact_hash);
    expect(computeSignature(base.replace('2004', '2005')).exact_hash).not.toBe(computeSignature(base).exact_hash);
  });

  it('is 64 bits in hex made of two different 32-bit halves', () => {
    const { exact_hash } = computeSignature(base);
    expect(exact_hash).toMatch(/^[0-9a-f]{16}$/);
    expect(exact_hash.slice(0, 8)).not.toBe(exact_hash.slice(8));
  });
});

describe('computeSignature: shingles and MinHash', () => {
  it('counts distinct word 5-shingles', () => {
    expect(computeSignature('a b c d e f g').n_shingles).toBe(3);
    // abcde bcdea cdeab deabc eabcd, then abcde again
    expect(computeSignature('a b c d e a b c d e').n_shingles).toBe(5);
    expect(computeSignature('A, b; C d. E').n_shingles).toBe(1);
  });

  it('keeps accented words whole (Unicode \\w, as the eval truth uses)', () => {
    expect(computeSignature('café au lait et crème').n_shingles).toBe(1);
    expect(computeSignature('café au lait et crème brûlée').n_shingles).toBe(2);
  });

  it('makes one shingle of a text shorter than the shingle size, none of an empty one', () => {
    expect(computeSignature('two words').n_shingles).toBe(1);
    const empty = computeSignature('... !!!');
    expect(empty.n_shingles).toBe(0);
    expect([...empty.minhash].every((v) => v === 0xffffffff)).toBe(true);
  });

  it('has num_perm values, default 240', () => {
    expect(computeSignature('a b c d e f').minhash).toHaveLength(DEFAULT_DEDUPE_OPTIONS.num_perm);
    expect(DEFAULT_DEDUPE_OPTIONS.num_perm).toBe(240);
    expect(computeSignature('a b c d e f', { num_perm: 64, bands: 8, rows: 8 }).minhash).toHaveLength(64);
  });

  it('depends only on the shingle set, not on case or punctuation', () => {
    const a = computeSignature('One two three four five six seven.');
    const b = computeSignature('one, TWO three -- four five six seven');
    expect([...a.minhash]).toEqual([...b.minhash]);
    expect([...computeSignature('one two three four five six eight').minhash]).not.toEqual([...a.minhash]);
  });

  it('rejects bands × rows larger than num_perm', () => {
    expect(() => computeSignature('x', { num_perm: 64 })).toThrow(/exceeds num_perm/);
  });
});

/** The views as regular expressions define them (stages/dedupe/normalize.ts), built the slow way. */
const referenceExactView = (text: string) =>
  text.normalize('NFKC').toLowerCase().replace(/\p{P}+/gu, '').replace(/\s+/g, ' ').trim();
const referenceShingleCount = (text: string) => {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return 0;
  const width = Math.min(5, words.length);
  return new Set(words.slice(0, words.length - width + 1).map((_, i) => words.slice(i, i + width).join(' '))).size;
};

describe('computeSignature: one-pass scan agrees with the regex definitions', () => {
  const texts = [
    'The U.S. economy grew by 3% in 2004, officials said.',
    'the us economy grew by 3 in 2004 officials said',
    'The  U S economy grew by 3 % in 2004 — officials said',
    'Ｔｈｅ ＵＳ economy grew by ３% in 2004, officials said',
    'snake_case and kebab-case, “quoted” and ‘single’… déjà vu, naïve café — Straße',
    'a𠀀b c d e f (a CJK extension letter outside the BMP)',
    'a😀b c d e f (an emoji is a symbol: kept by the exact view, a word break for shingles)',
    'tabs\tand\u00a0no-break\u2009thin spaces\r\nand lines',
    '',
    '  ... !!! ',
    'x',
  ];

  it('counts the same distinct shingles', () => {
    for (const text of texts) expect(computeSignature(text).n_shingles, text).toBe(referenceShingleCount(text));
  });

  it('gives equal exact hashes exactly to texts with equal exact views', () => {
    for (const a of texts) {
      for (const b of texts) {
        const sameView = referenceExactView(a) === referenceExactView(b);
        expect(computeSignature(a).exact_hash === computeSignature(b).exact_hash, `${a} | ${b}`).toBe(sameView);
      }
    }
  });

  it('does not depend on the documents signed before (buffers are reused)', () => {
    const short = texts[4]!;
    const before = computeSignature(short);
    computeSignature(Array.from({ length: 20_000 }, (_, i) => `w${i}`).join(' ')); // grows the word and shingle buffers
    expect(computeSignature(short)).toEqual(before);
  });

  it('is pinned: changing these values changes every staged signature (re-measure BBC and WikiRef)', () => {
    const { exact_hash, minhash, n_shingles } = computeSignature(texts[0]!);
    expect({ exact_hash, n_shingles, first: [...minhash.slice(0, 4)] }).toMatchInlineSnapshot(`
      {
        "exact_hash": "ee88cc6f8ef65566",
        "first": [
          1301739355,
          406005986,
          1121414249,
          876086335,
        ],
        "n_shingles": 7,
      }
    `);
  });
});
