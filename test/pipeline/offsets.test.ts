import { describe, expect, it } from 'vitest';
import { codePointOffsets } from '../../pipeline/offsets.js';

describe('codePointOffsets', () => {
  it('is the identity for text without astral characters', () => {
    const at = codePointOffsets('Putin and Biden');
    expect([0, 5, 15].map(at)).toEqual([0, 5, 15]);
  });

  it('counts an emoji as one code point, as DuckDB substring and Python slicing do', () => {
    const text = 'A 🙂 B';
    const at = codePointOffsets(text);
    const bStart = text.indexOf('B');
    expect(bStart).toBe(5);
    expect(at(bStart)).toBe(4);
    expect([...text].slice(at(bStart), at(bStart + 1)).join('')).toBe('B');
  });
});
