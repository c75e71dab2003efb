import { describe, expect, it } from 'vitest';
import { documentId } from '../../stages/ingest/doc-id.js';

describe('documentId', () => {
  // Pinned: ids must not change between versions, or every incremental state and every join
  // against an earlier run's tables breaks.
  it('gives the id earlier versions gave', () => {
    expect(documentId('news/a.txt', null, 'Troops  massed\tat the\u00a0border.\n\nOfficials said so. ')).toBe('0f40ebb286589463');
    expect(documentId('feed.jsonl', 3, 'Cafe\u0301 owners\r\nprotest')).toBe('684aa6b70fa1326a');
  });

  it('folds every whitespace run, whatever its characters, to one space', () => {
    const id = documentId('a.txt', null, 'one two three');
    for (const text of ['one  two three', ' one\ttwo\nthree ', 'one\u00a0two\u2003three', 'one \r\n\t two\u3000three', 'one\u2028two\ufeffthree']) {
      expect(documentId('a.txt', null, text)).toBe(id);
    }
    expect(documentId('a.txt', null, 'one twothree')).not.toBe(id);
  });

  it('keys the location, so two copies stay two documents', () => {
    expect(documentId('a.txt', null, 'same')).not.toBe(documentId('b.txt', null, 'same'));
    expect(documentId('a.jsonl', 1, 'same')).not.toBe(documentId('a.jsonl', 2, 'same'));
  });

  it('treats composed and decomposed accents alike', () => {
    expect(documentId('a.txt', null, 'Caf\u00e9')).toBe(documentId('a.txt', null, 'Cafe\u0301'));
  });
});
