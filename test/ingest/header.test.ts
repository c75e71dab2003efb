import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../stages/ingest/header.js';

describe('parseHeader', () => {
  it('reads a " date YYYY-MM-DD <headline>" line as publication date and title', () => {
    expect(parseHeader([' date 2021-12-07 Biden meets Putin', '', 'Body.'])).toEqual({ title: 'Biden meets Putin', published_at: '2021-12-07', crawled_at: null, lines: 1 });
  });

  it('reads a lone "Tue, 18 Jan 2022" line as the crawl date, not the publication date', () => {
    expect(parseHeader(['Tue, 18 Jan 2022', '', 'Body.'])).toEqual({ title: null, published_at: null, crawled_at: '2022-01-18T00:00:00Z', lines: 1 });
  });

  it('takes a bare first line followed by a blank line as the title', () => {
    expect(parseHeader(['Biden and Putin meet virtually this morning', '', 'Body text here.'])).toMatchObject({ title: 'Biden and Putin meet virtually this morning', lines: 1 });
  });

  it('does not take a first sentence for a title', () => {
    expect(parseHeader(['This is the first sentence of the body.', '', 'More.']).lines).toBe(0);
  });

  it('rejects impossible dates', () => {
    expect(parseHeader([' date 2021-02-30 Headline', '', 'Body.']).published_at).toBeNull();
  });
});
