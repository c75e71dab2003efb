import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../stages/clean/segment.js';
import { extractQuantities, findNumbers, findUnitMentions } from '../../stages/extract/quantities.js';
import type { Quantity } from '../../stages/types.js';

const SEEDS = new URL('../../seeds/', import.meta.url);

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
}

function extract(text: string): Quantity[] {
  return extractQuantities(text, splitSentences(text));
}

/** The quantity whose span is `span`, inside the first occurrence of `context`. */
function find(text: string, context: string, span: string): Quantity {
  const at = text.indexOf(context);
  expect(at, `context ${JSON.stringify(context)} not in text`).toBeGreaterThanOrEqual(0);
  const hit = extract(text).find((q) => q.start >= at && q.end <= at + context.length && q.text === span);
  expect(hit, `no quantity ${JSON.stringify(span)} in ${JSON.stringify(context)}`).toBeDefined();
  return hit!;
}

/** Quantities overlapping the first occurrence of `phrase`. */
function within(text: string, phrase: string): Quantity[] {
  const at = text.indexOf(phrase);
  expect(at, `phrase ${JSON.stringify(phrase)} not in text`).toBeGreaterThanOrEqual(0);
  return extract(text).filter((q) => q.start < at + phrase.length && q.end > at);
}

/** The single quantity of a short text. */
function only(text: string): Quantity {
  const qs = extract(text);
  expect(qs.map((q) => q.text), text).toHaveLength(1);
  return qs[0]!;
}

describe('seed articles', () => {
  it('004: "more than 90,000 Russian troops" is an at-least count claimed by Ukrainian officials', () => {
    const text = seed('004');
    const q = find(text, 'more than 90,000 Russian troops', '90,000');
    expect(q).toMatchObject({
      kind: 'count', value: 90000, low: null, high: null, qualifier: 'at_least', unit: 'troops',
      subject: 'Russian troops', attributed_to: 'Ukrainian officials',
    });
    expect(text.slice(q.sentence_start, q.sentence_end)).toMatch(/^Ukrainian officials say more than 90,000 .* in 2014\.$/);
  });

  it('004: "175,000 Russian troops" is exact and attributed to U.S. intelligence', () => {
    const q = find(seed('004'), 'reach 175,000 Russian troops', '175,000');
    expect(q).toMatchObject({ kind: 'count', value: 175000, qualifier: 'exact', unit: 'troops', subject: 'Russian troops', attributed_to: 'U.S. intelligence' });
  });

  it('004: "in 2014" is a year; dates, the crawl date line and the postal code give nothing', () => {
    const text = seed('004');
    expect(find(text, 'from Ukraine in 2014', '2014')).toMatchObject({ kind: 'year', value: 2014, unit: null });
    for (const phrase of ['Tue, 18 Jan 2022', 'the December 7 meeting', 'reporters on December 6 that', 'Washington DC 20036']) {
      expect(within(text, phrase), phrase).toEqual([]);
    }
    expect(extract(text).filter((q) => q.value === 20036)).toEqual([]);
  });

  it('004: the copyright year is a year, not a count', () => {
    expect(find(seed('004'), 'Copyright (c) 2018.', '2018')).toMatchObject({ kind: 'year', value: 2018, attributed_to: null });
  });

  it('000: "an estimated 175,000 troops" is approximate and attributed to US intelligence', () => {
    const q = find(seed('000'), 'with an estimated 175,000 troops', '175,000');
    expect(q).toMatchObject({ kind: 'count', value: 175000, qualifier: 'approx', unit: 'troops', subject: 'troops', attributed_to: 'US intelligence' });
  });

  it('000: "roughly 70,000 people" is approximate with no source', () => {
    const q = find(seed('000'), 'roughly 70,000 people', '70,000');
    expect(q).toMatchObject({ kind: 'count', value: 70000, qualifier: 'approx', unit: 'people', attributed_to: null });
  });

  it('000: "less than four months" is an at-most duration; "August 31" gives nothing', () => {
    const text = seed('000');
    const q = find(text, 'less than four months', 'four months');
    expect(q).toMatchObject({ kind: 'duration', value: 4, unit: 'months', qualifier: 'at_most', subject: null });
    expect(within(text, 'on August 31')).toEqual([]);
    expect(within(text, 'date 2021-12-07')).toEqual([]);
  });

  it('003: "tens of thousands of Russian troops" is a vague count 10,000..99,999', () => {
    const q = find(seed('003'), 'tens of thousands of Russian troops', 'tens of thousands');
    expect(q).toMatchObject({
      kind: 'count', value: null, low: 10000, high: 99999, qualifier: 'approx', unit: 'troops', subject: 'Russian troops',
    });
  });

  it('003: "10 a.m. ET" is a time with its zone', () => {
    expect(find(seed('003'), 'at 10 a.m. ET.', '10 a.m. ET')).toMatchObject({ kind: 'time', value: 10, unit: 'ET', qualifier: 'exact' });
  });

  it('001: "around 10 a.m." is an approximate time, not a count; "Dec. 9 to 10" gives nothing', () => {
    const text = seed('001');
    const around = within(text, 'around 10 a.m.');
    expect(around).toHaveLength(1);
    expect(around[0]).toMatchObject({ kind: 'time', value: 10, qualifier: 'approx', text: '10 a.m.' });
    expect(within(text, 'Dec. 9 to 10')).toEqual([]);
  });

  it('every seed: sorted, non-overlapping, spans and sentences consistent, deterministic', () => {
    for (const name of readdirSync(SEEDS)) {
      const text = readFileSync(new URL(name, SEEDS), 'utf8');
      const qs = extract(text);
      expect(qs.length, name).toBeGreaterThan(0);
      qs.forEach((q, i) => {
        expect(q.text).toBe(text.slice(q.start, q.end));
        expect(q.sentence_start).toBeLessThanOrEqual(q.start);
        expect(q.sentence_end).toBeGreaterThanOrEqual(q.end);
        if (i > 0) expect(q.start).toBeGreaterThanOrEqual(qs[i - 1]!.end);
      });
      expect(extract(text)).toEqual(qs);
    }
  });
});

describe('money', () => {
  it.each([
    ['The deal is worth $5bn.', '$5bn', 5e9, 'USD'],
    ['It cost €2.3m to build.', '€2.3m', 2.3e6, 'EUR'],
    ['It costs £200.', '£200', 200, 'GBP'],
    ['They paid C$16.4 million.', 'C$16.4 million', 16.4e6, 'CAD'],
    ['They paid 361 million pounds.', '361 million pounds', 361e6, 'GBP'],
    ['The fine was 10,000 Swiss francs.', '10,000 Swiss francs', 10000, 'CHF'],
    ['Russia lost 1 trillion rubles.', '1 trillion rubles', 1e12, 'RUB'],
    ['The price is 50 cents.', '50 cents', 0.5, 'USD'],
    ['I would like to buy this item for USD 200.', 'USD 200', 200, 'USD'],
    ['Sales reached 5 million yen.', '5 million yen', 5e6, 'JPY'],
  ])('%s', (text, span, value, unit) => {
    expect(only(text)).toMatchObject({ kind: 'money', text: span, value, unit, qualifier: 'exact', subject: null });
  });

  it('"pounds" without a scale or sign is a weight', () => {
    expect(only('He weighs 200 pounds.')).toMatchObject({ kind: 'measure', value: 200, unit: 'lb' });
  });

  it('a money range shares its scale', () => {
    expect(only('Prices range from $3 to $5 billion.')).toMatchObject({ kind: 'money', value: null, low: 3e9, high: 5e9, unit: 'USD', qualifier: 'range' });
  });

  it('"millions of dollars" is vague money', () => {
    expect(only('Millions of dollars were spent.')).toMatchObject({ kind: 'money', text: 'Millions of dollars', low: 1e6, high: 9999999, unit: 'USD', qualifier: 'approx' });
  });

  it('"fell 32 cents to $49.74" is a change, not a range', () => {
    expect(extract('Brent crude fell 32 cents to $49.74 a barrel.').map((q) => [q.text, q.value, q.qualifier])).toEqual([
      ['32 cents', 0.32, 'exact'], ['$49.74', 49.74, 'exact'],
    ]);
  });
});

describe('percent', () => {
  it.each([
    ['Sales rose 12.5% last year.', '12.5%', 12.5, 'percent', 'exact'],
    ['Around 70 per cent voted.', '70 per cent', 70, 'percent', 'approx'],
    ['Unemployment fell 0.3 percentage points.', '0.3 percentage points', 0.3, 'percentage_point', 'exact'],
    ['The loss was -12.5 percent.', '-12.5 percent', -12.5, 'percent', 'exact'],
  ])('%s', (text, span, value, unit, qualifier) => {
    expect(only(text)).toMatchObject({ kind: 'percent', text: span, value, unit, qualifier });
  });

  it('a percent range takes its unit from the second number', () => {
    expect(only('Growth of 5 to 10 percent is expected.')).toMatchObject({ kind: 'percent', text: '5 to 10 percent', low: 5, high: 10, qualifier: 'range' });
  });

  it('numbers in a web address are not percentages', () => {
    expect(extract('See https://www.test.com/search?q=30%25%2020% for more.')).toEqual([]);
  });
});

describe('spelled-out numbers and scales', () => {
  it.each([
    ['A crowd of seventy-five people gathered.', 'seventy-five', 75, 'people'],
    ['She bought a dozen eggs.', 'a dozen', 12, 'eggs'],
    ['Half a million people fled.', 'Half a million', 500000, 'people'],
    ['Some two and a half million people voted.', 'two and a half million', 2.5e6, 'people'],
    ['The list had one hundred and sixteen names.', 'one hundred and sixteen', 116, 'names'],
    ['The city has 1.5 million residents.', '1.5 million', 1.5e6, 'residents'],
    ['They signed 5k petitions.', '5k', 5000, 'petitions'],
    ['There are 1.7m people needing care.', '1.7m', 1.7e6, 'people'],
    ['Four people died.', 'Four', 4, 'people'],
  ])('%s', (text, span, value, unit) => {
    expect(extract(text)[0]).toMatchObject({ kind: 'count', text: span, value, unit });
  });

  it('a glued "m" without money or a counted noun is metres', () => {
    expect(only('He ran the 1500m race.')).toMatchObject({ kind: 'measure', value: 1500, unit: 'm' });
  });

  it('negative numbers keep their sign', () => {
    expect(only('Temperatures fell to -5 degrees.')).toMatchObject({ kind: 'measure', value: -5, unit: '°' });
    expect(only('The answer is minus 5.')).toMatchObject({ kind: 'count', text: 'minus 5', value: -5 });
  });

  it('"one" as a pronoun is not a count, "one senior official" is', () => {
    expect(extract('He is one of the leaders. No one knows.')).toEqual([]);
    expect(extract('One senior official spoke.')[0]).toMatchObject({ kind: 'count', value: 1, unit: 'official', subject: 'senior official' });
  });
});

describe('ranges and vague magnitudes', () => {
  it.each([
    ['Between 3 and 5 soldiers were hurt.', 'Between 3 and 5'],
    ['From 3 to 5 soldiers were hurt.', '3 to 5'],
    ['Some 3-5 soldiers were hurt.', '3-5'],
    ['Three to five soldiers were hurt.', 'Three to five'],
  ])('%s', (text, span) => {
    expect(only(text)).toMatchObject({ kind: 'count', text: span, value: null, low: 3, high: 5, qualifier: 'range', unit: 'soldiers' });
  });

  it('"two or three" is a range, "10 bln or 10 tln" two amounts', () => {
    expect(only('Two or three tanks moved.')).toMatchObject({ low: 2, high: 3, qualifier: 'range', unit: 'tanks' });
    expect(extract('either 10 bln or 10 tln').map((q) => q.value)).toEqual([1e10, 1e13]);
  });

  it('a score is not a range', () => {
    expect(extract('The team won 3-1 on Sunday.')).toEqual([]);
  });

  it.each([
    ['Hundreds of people protested.', 'Hundreds', 100, 999, 'people'],
    ['Dozens of homes were destroyed.', 'Dozens', 24, 99, 'homes'],
    ['Thousands of troops massed.', 'Thousands', 1000, 9999, 'troops'],
    ['Hundreds of thousands of refugees fled.', 'Hundreds of thousands', 100000, 999999, 'refugees'],
    ['Several hundred people attended.', 'Several hundred', 200, 999, 'people'],
  ])('%s', (text, span, low, high, unit) => {
    expect(only(text)).toMatchObject({ kind: 'count', text: span, value: null, low, high, qualifier: 'approx', unit });
  });
});

describe('qualifiers', () => {
  it.each([
    ['more than', 'at_least'], ['over', 'at_least'], ['at least', 'at_least'], ['upwards of', 'at_least'],
    ['up to', 'at_most'], ['as many as', 'at_most'], ['nearly', 'at_most'], ['almost', 'at_most'],
    ['less than', 'at_most'], ['fewer than', 'at_most'], ['under', 'at_most'],
    ['about', 'approx'], ['roughly', 'approx'], ['around', 'approx'], ['some', 'approx'],
    ['an estimated', 'approx'], ['approximately', 'approx'], ['estimated', 'approx'],
  ])('"%s 5,000 troops" → %s', (phrase, qualifier) => {
    expect(only(`Officials counted ${phrase} 5,000 troops.`)).toMatchObject({ text: '5,000', value: 5000, unit: 'troops', qualifier });
  });

  it('a trailing "or more" is at_least and the noun after it is still found', () => {
    expect(only('He said 5,000 or more troops could come.')).toMatchObject({ qualifier: 'at_least', unit: 'troops' });
  });

  it('no qualifier is exact', () => {
    expect(only('Officials counted 5,000 troops.').qualifier).toBe('exact');
  });
});

describe('kinds', () => {
  it.each([
    ['It was his third term.', 'third', 3],
    ['The 21st century began.', '21st', 21],
    ['The twenty-first century began.', 'twenty-first', 21],
  ])('ordinal: %s', (text, span, value) => {
    expect(only(text)).toMatchObject({ kind: 'ordinal', text: span, value, unit: null });
  });

  it('a day number with an ordinal suffix is part of a date', () => {
    expect(extract('We meet on May 4th and on the 4th of July.')).toEqual([]);
  });

  it.each([
    ['The convoy stretched 40 km along the road.', '40 km', 40, 'km'],
    ['The temperature hit 40°C on Monday.', '40°C', 40, '°C'],
    ['It was 98.6 degrees Fahrenheit.', '98.6 degrees Fahrenheit', 98.6, '°F'],
    ['Output fell by 500,000 barrels a day.', '500,000 barrels', 500000, 'barrels'],
    ['Panthers roam ranges of 190 km2.', '190 km2', 190, 'km²'],
    ['A 3-inch gap.', '3-inch', 3, 'in'],
  ])('measure: %s', (text, span, value, unit) => {
    expect(only(text)).toMatchObject({ kind: 'measure', text: span, value, unit });
  });

  it.each([
    ['The war lasted two weeks.', 'two weeks', 2, 'weeks'],
    ['A 29-year-old man was arrested.', '29-year-old', 29, 'years'],
    ['He is five years old.', 'five years old', 5, 'years'],
    ['Mr Blunkett, 57, had been unafraid.', '57', 57, 'years'],
    ['It took 1 min.', '1 min', 1, 'minutes'],
  ])('duration: %s', (text, span, value, unit) => {
    expect(only(text)).toMatchObject({ kind: 'duration', text: span, value, unit });
  });

  it.each([
    ['The meeting starts at 3:30 p.m. GMT.', '3:30 p.m. GMT', 15.5, 'GMT'],
    ['At 0630 GMT the dollar rose.', '0630 GMT', 6.5, 'GMT'],
    ['Doors open at 10am.', '10am', 10, null],
  ])('time: %s', (text, span, value, unit) => {
    expect(only(text)).toMatchObject({ kind: 'time', text: span, value, unit });
  });

  it('years: standing alone, decades and abbreviated ranges; counts when a plural follows', () => {
    expect(only('It happened in 2014.')).toMatchObject({ kind: 'year', value: 2014 });
    expect(only('He was born in the 1990s.')).toMatchObject({ kind: 'year', value: null, low: 1990, high: 1999, qualifier: 'range' });
    expect(only('The 2014-16 period was tough.')).toMatchObject({ kind: 'year', low: 2014, high: 2016 });
    expect(only('Russia sent 2000 troops.')).toMatchObject({ kind: 'count', value: 2000, unit: 'troops' });
    expect(only('More than 2000 were hurt.')).toMatchObject({ kind: 'count', qualifier: 'at_least' });
    expect(only("Frank Capra's 1946 movie starring James Stewart.")).toMatchObject({ kind: 'year', value: 1946 });
  });
});

describe('not quantities', () => {
  // Names, models, codes and phone numbers carry numbers that count nothing, and a bare fraction
  // has no kind of its own: none of them is emitted.
  it.each([
    'Route 66 crosses the state.', 'Cases of COVID-19 rose.', 'He bought an iPhone 13 yesterday.', 'The F-16 jets flew.',
    'The Su-57 fighter.', 'They recalled 9/11 and worked 24/7.', 'The host 192.168.1.2 is local.', 'Call 555-0123 now.',
    'Call (202) 555-0123 now.', 'Write to Washington DC 20036 soon.', 'He lives at 10 Downing Street.', 'The 5G network.',
    'The Group of Seven met.', 'He coached former number one Ivan Lendl.', 'See Article 5 of the treaty.', 'Wait a second.',
    'Call +1-222-2222/2222 today.', 'Two thirds of voters agreed.', 'Write to Indianapolis, IN 46204 today.',
  ])('%s', (text) => {
    expect(extract(text)).toEqual([]);
  });

  it.each([
    'On December 6, 2021, talks began.', 'Tensions rose on 6 December 2021 in Kyiv.', 'The summit runs from Dec. 9 to 10.',
    'The talks were held in October 2014.', 'Published 2021-12-07.', 'Any time to meet on 5/17/2018?', 'The show runs 6 to 9 January.',
  ])('dates: %s', (text) => {
    expect(extract(text)).toEqual([]);
  });
});

describe('attribution', () => {
  it.each([
    ['According to the Pentagon, 3,000 troops have arrived.', 'Pentagon'],
    ['According to US officials, 3,000 troops have arrived.', 'US officials'],
    ['Russia has massed 100,000 troops, the Pentagon said.', 'Pentagon'],
    ['Kremlin spokesman Dmitry Peskov told reporters 20 people died.', 'Kremlin spokesman Dmitry Peskov'],
    ['"We saw 5 tanks," said Ukrainian officials.', 'Ukrainian officials'],
    ['U.S. intelligence estimates suggest that 175,000 troops could come.', 'U.S. intelligence'],
    ['Reports say that US intelligence believes 175,000 troops could come.', 'US intelligence'],
    ['Biden\'s administration also said 5 envoys would go.', 'Biden\'s administration'],
  ])('%s', (text, source) => {
    expect(extract(text)[0]!.attributed_to).toBe(source);
  });

  it('is null when the sentence names no source or only a pronoun', () => {
    expect(only('There are currently roughly 70,000 people.').attributed_to).toBeNull();
    expect(only('He said 3 people died.').attributed_to).toBeNull();
    expect(only('An estimated 3 people died.').attributed_to).toBeNull();
  });

  it('is per sentence', () => {
    const qs = extract('Officials said 5 people died. Later 7 more were hurt.');
    expect(qs.map((q) => [q.value, q.attributed_to])).toEqual([[5, 'Officials'], [7, null]]);
  });
});

describe('input contract', () => {
  it('reads only inside the given sentences', () => {
    expect(extractQuantities('Officials counted 5,000 troops.', [])).toEqual([]);
  });
});

describe('spelled fractions (the Recognizers-Text reading)', () => {
  const value = (text: string) => findNumbers(text).map((t) => [text.slice(t.start, t.end), t.value]);

  it('splits numerator and denominator where the denominator is compound', () => {
    expect(value('three twenty-firsts')).toEqual([['three twenty-firsts', tidyOf(3 / 21)]]);
    expect(value('one hundred thirty fifths')).toEqual([['one hundred thirty fifths', tidyOf(100 / 35)]]);
    expect(value('one hundred and thirty fifths')).toEqual([['one hundred and thirty fifths', 26]]);
    expect(value('one one hundred fifth')).toEqual([['one one hundred fifth', tidyOf(1 / 105)]]);
    expect(value('how much is ninety - five hundred fifths?')).toEqual([['ninety - five hundred fifths', 1900]]);
    expect(value('a hundred trillionths')).toEqual([['a hundred trillionths', 1e-10]]);
  });

  it('reads "and" before a fraction as a mixed number', () => {
    expect(value('twenty and three fifths')).toEqual([['twenty and three fifths', 20.6]]);
    expect(value('one and a fourth')).toEqual([['one and a fourth', 1.25]]);
    expect(value('one hundred and three quarters')).toEqual([['one hundred and three quarters', 100.75]]);
  });

  it('keeps ordinals that are no fraction', () => {
    expect(value('the one hundred fifth anniversary')).toEqual([['one hundred fifth', 105]]);
    expect(value('two millionth')).toEqual([['two', 2], ['millionth', 1e6]]); // no fraction: a singular denominator takes only "one" or "a"
    expect(value('in three seconds')).toEqual([['three', 3]]);
    expect(only('Profits rose for a third consecutive year.')).toMatchObject({ text: 'third', kind: 'ordinal', value: 3 });
  });

  it('a fraction of something is not counted, and its ordinal word is no rank', () => {
    expect(extract('The other two-thirds of Seagram was bought.')).toEqual([]);
    expect(extract('about a sixth of all callers')).toEqual([]);
  });
});

describe('numeral layer (findNumbers) readings', () => {
  const read = (text: string) => findNumbers(text).map((t) => [text.slice(t.start, t.end), t.value]);
  it('dotted chains, glued units, decimal commas, spaced scales and signs', () => {
    expect(read('192.168.1.2')).toEqual([['192', 192], ['168', 168], ['1', 1], ['2', 2]]);
    expect(read('the 180ml liquid, 29km road')).toEqual([]);
    expect(read('write 5.00 or 5,00; exercises 22,24,26')).toEqual([['5.00', 5], ['5,00', 5], ['22', 22], ['24', 24], ['26', 26]]);
    expect(read(' 2.33 k')).toEqual([['2.33 k', 2330]]);
    expect(read('- 1 4/5')).toEqual([['- 1 4/5', -1.8]]);
    expect(read('the May 4th')).toEqual([]);
    expect(read('three lakh crore')).toEqual([['three lakh crore', 3e12]]);
    expect(read('three hundred and two dozens')).toEqual([['three hundred and two dozens', 324]]);
  });
});

describe('units, money and ages', () => {
  it('money with its minor unit', () => {
    expect(only('it only cost 3 dollars 50 cents.')).toMatchObject({ text: '3 dollars 50 cents', kind: 'money', value: 3.5, unit: 'USD' });
    expect(only('it only cost thirteen dollars and forty-five cents')).toMatchObject({ value: 13.45, unit: 'USD' });
    expect(only('it only cost thirteen dollars forty five')).toMatchObject({ text: 'thirteen dollars forty five', value: 13.45 });
    // "and 10 others" counts people, not cents.
    expect(extract('He paid $5 and 10 others paid nothing.').map((q) => q.text)).toEqual(['$5', '10']);
  });

  it('currencies written after the amount and older European currencies', () => {
    expect(only('Hey, the cost is 100元!')).toMatchObject({ kind: 'money', value: 100, unit: 'CNY' });
    expect(only('You win 100,000 ₭ today.')).toMatchObject({ kind: 'money', value: 100000, unit: 'LAK' });
    expect(only('a deal worth 6.65 billion pesetas.')).toMatchObject({ value: 6.65e9, unit: 'ESP' });
  });

  it('percent named before the number, bracketed units, "deg." and a spaced minus before a temperature', () => {
    expect(only('per cent of twenty-two')).toMatchObject({ text: 'per cent of twenty-two', kind: 'percent', value: 22 });
    expect(only('The weight is 20 (kg)')).toMatchObject({ text: '20 (kg)', kind: 'measure', value: 20, unit: 'kg' });
    expect(only('let the temperature be at 50 deg. ')).toMatchObject({ text: '50 deg.', unit: '°' });
    expect(only('how to convert - 20 degrees fahrenheit to celsius')).toMatchObject({ text: '- 20 degrees fahrenheit', value: -20, unit: '°F' });
    expect(only('a 16-bit chip')).toMatchObject({ text: '16-bit', unit: 'bit' });
    expect(extract('a two-bit player').map((q) => q.kind)).toEqual(['count']);
  });

  it('"age 87", "aged 10 to 13" are ages in years', () => {
    expect(only('a man of age 87 with history of hypertension')).toMatchObject({ text: 'age 87', kind: 'duration', value: 87, unit: 'years' });
    expect(only('children aged 10 to 13 were asked')).toMatchObject({ text: 'aged 10 to 13', kind: 'duration', low: 10, high: 13, unit: 'years' });
    expect(only('Women aged 50 or above')).toMatchObject({ text: 'aged 50', qualifier: 'at_least' });
  });

  it('unit mentions without a number (the unit layer; no table rows)', () => {
    const text = 'convert 10 celsius to fahrenheit';
    expect(findUnitMentions(text, extract(text)).map((u) => [text.slice(u.start, u.end), u.unit])).toEqual([['fahrenheit', '°F']]);
    expect(findUnitMentions('the barrel of a gun and a pound of flesh in 5 days').map((u) => u.unit)).toEqual([]);
  });
});

function tidyOf(v: number): number {
  return Number(v.toPrecision(15));
}
