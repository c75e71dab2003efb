import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDates, inferPublicationDate, isPastClause } from '../../stages/extract/dates.js';
import { dateWindows } from '../../stages/extract/dates/windows.js';

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

describe('forms added to chrono (stages/extract/dates/forms.ts)', () => {
  it('weekday with a day of the month: the day N with that weekday in the nearest month', () => {
    expect(brief('Do you have any arrangement on Monday 21!', published('2019-01-25'))).toEqual([['Monday 21', '2019-01-21', '2019-01-21', 'day']]);
    expect(brief('Any plans on Sunday 31?', published('2019-01-25'))).toEqual([['Sunday 31', '2019-03-31', '2019-03-31', 'day']]);
    expect(brief("Let's meet at friday the 26th at 4", published('2021-03-15'))).toEqual([['friday the 26th at 4', '2021-03-26', '2021-03-26', 'day']]);
    expect(brief("Let's go for coffee on wednesday the thirty first.", published('2019-07-19'))).toEqual([['wednesday the thirty first', '2019-07-31', '2019-07-31', 'day']]);
    expect(brief('I drank a cup of coffee on tues the 4th.', published('2019-06-17'))).toEqual([['tues the 4th', '2019-06-04', '2019-06-04', 'day']]);
  });

  it('days of the month take their own past reading (crawl date, past tense), also when merged with a time', () => {
    expect(brief('The vote on Sunday 31.', crawled('2019-01-25'))).toEqual([['Sunday 31', '2017-12-31', '2017-12-31', 'day']]);
    expect(brief('The vote on Sunday 31 at 4pm.', crawled('2019-01-25'))).toEqual([['Sunday 31 at 4pm', '2017-12-31', '2017-12-31', 'day']]);
    expect(brief('Officials met on the 28th.', published('2019-08-20'))).toEqual([['the 28th', '2019-07-28', '2019-07-28', 'day']]);
    expect(brief('Officials will meet on the 28th.', published('2019-08-20'))).toEqual([['the 28th', '2019-08-28', '2019-08-28', 'day']]);
  });

  it('a day of the month alone after a preposition: nearest month', () => {
    expect(brief('Can you set something up on the 18th.', published('2018-08-07'))).toEqual([['the 18th', '2018-08-18', '2018-08-18', 'day']]);
    expect(brief('Can you set something up on the 4th.', published('2018-08-07'))).toEqual([['the 4th', '2018-08-04', '2018-08-04', 'day']]);
  });

  it('"the Nth day of" a named month', () => {
    expect(brief('We will come back on the 15th day of next month', published('2020-07-01'))).toEqual([['the 15th day of next month', '2020-08-15', '2020-08-15', 'day']]);
    expect(brief('We will come back on the twenty third day of September', published('2020-07-01'))).toEqual([['the twenty third day of September', '2020-09-23', '2020-09-23', 'day']]);
  });

  it('leaves ordinals that are not days alone', () => {
    expect(brief('They lived in the 18th century on the 4th floor.', published('2018-08-07'))).toEqual([]);
    expect(brief('He ran for the first 10 years of the scheme.', published('2018-08-07'))).toEqual([]);
    // chrono's own weekday reading stays; "the 13th" is not taken as the day of the month.
    expect(brief('a new instalment in the Friday the 13th horror franchise', published('2005-03-01'))).toEqual([['Friday', '2005-03-04', '2005-03-04', 'day']]);
  });

  it('a month with a spelled day, and a day and month followed by "in/of YEAR"', () => {
    expect(brief("I'll go back May twenty nine", published('2016-11-07'))).toEqual([['May twenty nine', '2016-05-29', '2016-05-29', 'day']]);
    expect(brief('In March twenty people died.', published('2019-01-25'))).toEqual([['March', '2019-03-01', '2019-03-31', 'month']]);
    expect(brief('I will go back to China on 28 june in 2020.', published('2019-05-30'))).toEqual([['28 june in 2020', '2020-06-28', '2020-06-28', 'day']]);
    expect(brief('july 4th of 1995', published('2016-11-07'))).toEqual([['july 4th of 1995', '1995-07-04', '1995-07-04', 'day']]);
    expect(brief('4th of july of 1995', published('2016-11-07'))).toEqual([['4th of july of 1995', '1995-07-04', '1995-07-04', 'day']]);
  });

  it('offsets counted from today, tomorrow or now', () => {
    expect(brief('What date is 3 days from today?', published('2019-08-24'))).toEqual([['3 days from today', '2019-08-27', '2019-08-27', 'day']]);
    expect(brief('The vote is a week from tomorrow.', published('2019-08-24'))).toEqual([['a week from tomorrow', '2019-09-01', '2019-09-01', 'day']]);
    expect(brief('It will happen 4 months from tomorrow.', published('2016-11-07'))).toEqual([['4 months from tomorrow', '2017-03-08', '2017-03-08', 'day']]);
  });

  it('weekdays of a named week (weeks start on Monday)', () => {
    expect(brief('Talks resume on Monday of next week.', published('2018-11-28'))).toEqual([['Monday of next week', '2018-12-03', '2018-12-03', 'day']]);
    expect(brief('What happened on previous week - Monday', published('2018-11-28'))).toEqual([['previous week - Monday', '2018-11-19', '2018-11-19', 'day']]);
    expect(brief('What happened on this week Monday', published('2018-11-28'))).toEqual([['this week Monday', '2018-11-26', '2018-11-26', 'day']]);
    expect(brief('He resigned on Friday last week.', published('2018-11-28'))).toEqual([['Friday last week', '2018-11-23', '2018-11-23', 'day']]);
  });

  it('"coming Thursday" is the first one after the reference day; "last/previous Wednesday" is the Wednesday of the previous week', () => {
    expect(brief('Any arrangement on coming Thursday?', published('2019-01-31'))).toEqual([['coming Thursday', '2019-02-07', '2019-02-07', 'day']]);
    // A Thursday article: yesterday would be plain "Wednesday" (AP style); "last Wednesday" is the week before's.
    expect(brief('Where were you on previous Wednesday?', published('2019-01-31'))).toEqual([['previous Wednesday', '2019-01-23', '2019-01-23', 'day']]);
    expect(brief('Where were you on last Wednesday?', published('2019-01-31'))).toEqual([['last Wednesday', '2019-01-23', '2019-01-23', 'day']]);
    // A Monday article: last Friday is three days back either way.
    expect(brief('Talks collapsed last Friday.', published('2021-12-06'))).toEqual([['last Friday', '2021-12-03', '2021-12-03', 'day']]);
    expect(brief('Do you have any arrangement on following Friday?', published('2019-01-31'))).toEqual([['following Friday', '2019-02-08', '2019-02-08', 'day']]);
    // "the following Friday" follows a narrated event: not read as the next week's (chrono's plain "Friday" stays).
    expect(brief('on the following Friday', published('2019-01-31'))).toEqual([['Friday', '2019-02-01', '2019-02-01', 'day']]);
  });

  it('a weekday with a month and day, month.day after a preposition, scrambled orders and compact dates', () => {
    expect(brief('a call this Friday-Jun-15 with Jim', published('2018-06-20'))).toEqual([['this Friday-Jun-15', '2018-06-15', '2018-06-15', 'day']]);
    expect(brief('a call on this Friday 7.6 with Jim.', published('2019-05-20'))).toEqual([['this Friday 7.6', '2019-07-06', '2019-07-06', 'day']]);
    expect(brief('This task should be done on 5.12', published('2019-05-20'))).toEqual([['5.12', '2019-05-12', '2019-05-12', 'day']]);
    expect(brief('Shares rose on Friday 7.6 percent', published('2019-05-20'))).toEqual([['Friday', '2019-05-17', '2019-05-17', 'day']]);
    expect(brief('A Friday 7.6 magnitude quake hit.', published('2019-05-20'))).toEqual([['Friday', '2019-05-17', '2019-05-17', 'day']]);
    expect(brief('The index closed on 5.12 points.', published('2019-05-20'))).toEqual([]);
    expect(brief("I'll go back September-2020-23.", published('2016-11-07'))).toEqual([['September-2020-23', '2020-09-23', '2020-09-23', 'day']]);
    expect(brief("I'll go back 2020/23/Sep.", published('2016-11-07'))).toEqual([['2020/23/Sep', '2020-09-23', '2020-09-23', 'day']]);
    expect(brief("I'll go back 23-2020-September", published('2016-11-07'))).toEqual([['23-2020-September', '2020-09-23', '2020-09-23', 'day']]);
    expect(brief("I'll go back 20161016.", published('2016-11-07'))).toEqual([['20161016', '2016-10-16', '2016-10-16', 'day']]);
    expect(brief('Order 20161399 and $20161016 are no dates', published('2016-11-07'))).toEqual([]);
  });

  it('holidays: nearest reading, a given year, last/next', () => {
    expect(brief('Films shown on Christmas Eve at 6 p.m.', published('2019-08-05'))).toEqual([['Christmas Eve at 6 p.m', '2019-12-24', '2019-12-24', 'day']]);
    expect(brief("I'll go back on black friday 2010", published('2016-11-07'))).toEqual([['black friday 2010', '2010-11-26', '2010-11-26', 'day']]);
    expect(brief('Juneteenth is observed every year.', published('2020-06-12'))).toEqual([['Juneteenth', '2020-06-19', '2020-06-19', 'day']]);
    expect(brief('When was the last easter?', published('2019-03-12'))).toEqual([['last easter', '2018-04-01', '2018-04-01', 'day']]);
    expect(brief('Talks are due to end by Easter.', published('2005-03-01'))).toEqual([['Easter', '2005-03-27', '2005-03-27', 'day']]);
    expect(brief('Sales have been poor since Christmas.', published('2005-03-01'))).toEqual([['Christmas', '2004-12-25', '2004-12-25', 'day']]);
    expect(brief('The tsunami struck on Boxing Day.', published('2005-03-01'))).toEqual([['Boxing Day', '2004-12-26', '2004-12-26', 'day']]);
  });

  it('a bare festival name used as a season or modifier is no date', () => {
    expect(brief('Christmas sales were poor and Father Christmas stayed home.', published('2005-03-01'))).toEqual([]);
    expect(brief('the post-Christmas lull', published('2005-03-01'))).toEqual([]);
  });

  it('February 29 without a year: the nearest leap year', () => {
    expect(brief('Feb 29', published('2017-03-22'))).toEqual([['Feb 29', '2016-02-29', '2016-02-29', 'day']]);
    expect(brief('2/29', published('2019-03-22'))).toEqual([['2/29', '2020-02-29', '2020-02-29', 'day']]);
  });

  it('"next" and "last" before a yearless date', () => {
    expect(brief('This task should be done next 6th of April', published('2019-05-20'))).toEqual([['6th of April', '2020-04-06', '2020-04-06', 'day']]);
    expect(brief('This task should be done next 5/12', published('2019-05-20'))).toEqual([['5/12', '2020-05-12', '2020-05-12', 'day']]);
  });

  it('an amount after a currency sign is not part of a date', () => {
    expect(brief('I bought it for $12 December 27', published('2019-07-04'))).toEqual([['December 27', '2019-12-27', '2019-12-27', 'day']]);
  });

  it('"ago" belongs to the last duration before it', () => {
    expect(brief('They worked for the last 3 months and 2 days ago they found a solution', published('2016-11-07'))).toEqual([['2 days ago', '2016-11-05', '2016-11-05', 'day']]);
  });
});

describe('date windows (only stretches with a date cue go to chrono)', () => {
  const SEEDS = new URL('../../seeds/', import.meta.url);
  const seeds = readdirSync(SEEDS).sort().map((name) => readFileSync(new URL(name, SEEDS), 'utf8'));
  const references = [published('2021-12-07'), crawled('2022-01-18'), published('2019-05-20')];

  it('give the same rows as parsing the whole text, on every seed', () => {
    for (const text of seeds) {
      for (const reference of references) expect(extractDates(text, reference)).toEqual(extractDates(text, reference, { wholeText: true }));
      expect(inferPublicationDate(text, '2022-01-18T09:00:00Z')).toEqual(inferPublicationDate(text, '2022-01-18T09:00:00Z', { wholeText: true }));
    }
  });

  it('keep the seeds\' dates (Dec. 9 to 10, December 6, January, 2014, Tuesday)', () => {
    const all = seeds.flatMap((text) => extractDates(text, published('2021-12-07')).map((d) => d.text));
    for (const text of ['Dec. 9 to 10', 'December 6', 'January', '2014', 'Tuesday']) expect(all).toContain(text);
  });

  it('give the same rows next to window edges: dates, times and ranges glued by any separator', () => {
    const pieces = [
      'On Monday. At 10 a.m. the talks began', 'the summit from Dec. 9 to 10', 'three days ago', 'in 2014', 'next week', 'last night',
      'friday the 26th', 'on the 18th.', 'a fortnight later', 'Christmas Eve', 'Monday of next week', 'ten mins from now', 'by 5/12',
      'the figures - the money set aside', 'a long sentence with no date in it at all, only words and more words and more words',
      'He arrived at noon', 'it was 9:30 pm', 'on Sunday 31 at 4pm', 'Talks ended on Tuesday\nThe next round',
      'within approximately about a couple of days', 'the last 25year', 'back april22', 'presidents in 90 s',
    ];
    for (const sep of [' ', '. ', '\n', ', ', ' and ', ' to ']) {
      const text = pieces.join(sep);
      for (const reference of references) expect(extractDates(text, reference)).toEqual(extractDates(text, reference, { wholeText: true }));
    }
  });

  it('give the same rows for relative phrases with unit letters, and drop the misreadings without a cue', () => {
    const pad = 'Nothing here is a date at all, only words and more words. ';
    for (const pre of ['', 'last ', 'within ', '- ', 'the ']) {
      for (const num of ['', 'the ', 'a few ', 'seven ', '5 ']) {
        for (const unit of ['s', 'm', 'mo', 'h', 'd', 'night', 'weekend', 'year']) {
          for (const post of ['', ' ago', ' later']) {
            const text = `${pad}${pad}${pre}${num}${unit}${post}. ${pad}`;
            expect(extractDates(text, published('2021-12-07')), text).toEqual(extractDates(text, published('2021-12-07'), { wholeText: true }));
          }
        }
      }
    }
    expect(brief('The deal lasts. It lasts a while, the figures - the money set aside', published('2021-12-07'))).toEqual([]);
  });

  it('leave out sentences without a cue', () => {
    const text = 'Nothing here is a date at all, only words. '.repeat(6) + 'The talks are on Tuesday. ' + 'Nothing here is a date at all, only words. '.repeat(6);
    const windows = dateWindows(text);
    expect(windows).toHaveLength(1);
    const [start, end] = windows[0]!;
    expect(text.slice(start, end)).toContain('Tuesday');
    expect(end - start).toBeLessThan(200);
  });
});
