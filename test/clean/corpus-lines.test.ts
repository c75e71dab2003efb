import { describe, expect, it } from 'vitest';
import { corpusBoilerplate, DEFAULT_CORPUS_MIN_DOCS, lineHash, lineHashesOf, LineHashCounter, normalizeForHash } from '../../stages/clean/corpus-lines.js';
import { cleanDocument } from '../../stages/clean/index.js';
import type { RawDoc } from '../../stages/types.js';

const footer = 'Follow The Daily Example for the latest news — updated 24/7';
const bodies = [
  'The council voted to close the harbour bridge to cars from next spring.',
  'Engineers said the supports had corroded faster than anyone expected.',
  'A ferry will run every fifteen minutes while the repairs are under way.',
];

describe('corpus-level repeated lines (CCNet)', () => {
  it('normalises case, digits, accents and punctuation before hashing', () => {
    expect(normalizeForHash('Café — Updated 24/7!')).toBe('cafe updated 00 0');
    expect(lineHash('Updated 12 May 2023.')).toBe(lineHash('updated 03 may 1999'));
    expect(lineHash('Updated 12 May 2023.')).not.toBe(lineHash('Updated 12 June 2023.'));
    expect(lineHash('...')).toBe('');
  });

  it(`flags a line found in at least ${DEFAULT_CORPUS_MIN_DOCS} documents with different bodies`, () => {
    const docs = bodies.map((body) => lineHashesOf(`${body}\n${footer}`));
    const flagged = corpusBoilerplate(docs);
    expect(flagged.has(lineHash(footer))).toBe(true);
    for (const body of bodies) expect(flagged.has(lineHash(body))).toBe(false);
    expect(corpusBoilerplate(docs.slice(0, 2)).size).toBe(0);
  });

  it('counts exact duplicate documents once, so syndicated copies do not make their own lines boilerplate', () => {
    const counter = new LineHashCounter();
    for (let i = 0; i < 5; i++) counter.add(lineHashesOf(`${bodies[0]}\n${footer}`));
    expect(counter.boilerplate().size).toBe(0);
  });

  it('never counts long lines', () => {
    const long = 'word '.repeat(50);
    expect(lineHash(long)).toBe('');
  });

  it('removes flagged lines in the clean stage as corpus-repeat', () => {
    const corpusLines = corpusBoilerplate(bodies.map((body) => lineHashesOf(`${body}\n${footer}`)));
    const raw: RawDoc = { doc_id: 'd', source_path: 'd.txt', record_no: null, format: 'txt', encoding: 'utf-8', text: `${bodies[1]}\n${footer}`, first_line_no: 1, title: null, published_at: null, crawled_at: null, url: null, source: null, bytes: 0 };
    expect(cleanDocument(raw, { disabledRules: [], corpusLines }).removed).toEqual([{ line_no: 2, text: footer, rule: 'corpus-repeat' }]);
    expect(cleanDocument(raw, { disabledRules: ['corpus-repeat'], corpusLines }).removed).toEqual([]);
  });
});
