import { describe, expect, it } from 'vitest';
import { extractDates, inferPublicationDate, isPastClause } from '../../stages/extract/dates.js';

const published = (date: string) => ({ date, source: 'published_at' as const });
const crawled = (date: string) => ({ date, source: 'crawled_at' as const });
const brief = (text: string, reference: Parameters<typeof extractDates>[1]) =>
  extractDates(text, reference).map((d) => [d.text, d.resolved, d.resolved_end, d.granularity]);

describe('extractDates', () => {
  it('resolves a weekday to the nearest such day ("Tuesday" in a Monday 2021-12-06 article is 2021-12-07)', () => {
    expect(brief('On Tuesday, President Joe Biden will hold a call.', published('2021-12-06'))).toEqual([['Tuesday', '2021-12-07', '2021-12-07', 'day']]);
  });

  it('resolves "Dec. 9 to 10" as a range', () => {
    expect(brief('the Summit for Democracy from Dec. 9 to 10. In addition', published('2021-12-07'))).toEqual([['Dec. 9 to 10', '2021-12-09', '2021-12-10', 'day']]);
  });

  it('gives month granularity to a month name, forward when the article looks ahead', () => {
    expect(brief('Russia could attack Ukraine as early as January, with', published('2021-12-07'))).toEqual([['January', '2022-01-01', '2022-01-31', 'month']]);
  });

  it('takes the past reading of yearless dates when the reference is a crawl date', () => {
    expect(brief('since Biden became president in June in Geneva. But the December 7 meeting', crawled('2022-01-18'))).toEqual([
      ['June', '2021-06-01', '2021-06-30', 'month'],
      ['December 7', '2021-12-07', '2021-12-07', 'day'],
    ]);
  });

  it('reads a bare year after a preposition as a year', () => {
    expect(brief('which Russia seized by force from Ukraine in 2014.', published('2021-12-07'))).toEqual([['2014', '2014-01-01', '2014-12-31', 'year']]);
  });

  it('skips clock times and offsets from unnamed events', () => {
    expect(brief('The conference, which began around 10 a.m., came less than four months after the withdrawal.', published('2021-12-07'))).toEqual([]);
  });

  it('returns nothing without a reference date', () => {
    expect(extractDates('on December 6', null)).toEqual([]);
  });

  it('points offsets at the date text', () => {
    const text = 'Officials told reporters on December 6 that talks would go on.';
    const [date] = extractDates(text, published('2021-12-07'));
    expect(text.slice(date!.start, date!.end)).toBe('December 6');
  });
});

describe('tense-aware reading and inferred publication dates', () => {
  it('takes the past reading of a yearless month in a past-tense clause ("became president in June", December 2021 article)', () => {
    expect(brief('The two held their first talks since Biden became president in June in Geneva.', published('2021-12-07'))).toEqual([['June', '2021-06-01', '2021-06-30', 'month']]);
  });

  it('keeps the nearest (future) reading in a future-tense clause', () => {
    expect(brief('Russia will attack Ukraine in June, officials fear.', published('2021-12-07'))).toEqual([['June', '2022-06-01', '2022-06-30', 'month']]);
  });

  it('isPastClause reads the clause before the date', () => {
    expect(isPastClause('He told reporters on ', 21)).toBe(true);
    expect(isPastClause('The meeting, to be held on ', 27)).toBe(false);
  });

  it('infers the latest named day before the crawl (seed 004: crawled 2022-01-18 → 2021-12-07)', () => {
    const text = 'Biden became president in June. But the December 7 meeting may matter. Peskov told reporters on December 6 that talks would go on.';
    expect(inferPublicationDate(text, '2022-01-18T00:00:00Z')).toBe('2021-12-07');
  });

  it('infers nothing without a crawl date, from weekdays or months alone, or from days long before the crawl', () => {
    expect(inferPublicationDate('The December 7 meeting.', null)).toBeNull();
    expect(inferPublicationDate('They met on Tuesday and again in June.', '2022-01-18T00:00:00Z')).toBeNull();
    expect(inferPublicationDate('The treaty was signed on March 3, 2015.', '2022-01-18T00:00:00Z')).toBeNull();
  });

  it('resolves against the inferred date and says so', () => {
    const [d] = extractDates('talks on December 6', { date: '2021-12-07', source: 'published_at_inferred' });
    expect(d).toMatchObject({ text: 'December 6', resolved: '2021-12-06', reference_date: '2021-12-07', reference: 'published_at_inferred' });
  });
});
