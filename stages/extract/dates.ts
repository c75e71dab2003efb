// English only: the package root loads all 16 locales (530 ms at every start against 140 ms).
import * as en from 'chrono-node/en';
import type * as chrono from 'chrono-node';
import type { DateMention } from '../types.js';
import { dateParser, formsIn, pastReading } from './dates/forms.js';
import { dateWindows, hasDateCue } from './dates/windows.js';

/**
 * Calendar dates in text, resolved against the article's reference date.
 *
 * Policy (news text): a date without a year, a weekday or a month name takes the reading
 * nearest to the reference date (chrono's behaviour: "Tuesday" in a Monday 2021-12-06 article is
 * 2021-12-07; "December 6" in a January 2022 crawl is 2021-12-06). Expressions that name only a
 * clock time ("10 a.m.") are times, not dates, and are left to the quantities table. A bare year
 * ("in 2014") is a date of year granularity. When the reference is a crawl date, the article was
 * written before it, so a yearless date that would fall after the crawl takes its past reading
 * ("in June" crawled in January 2022 is 2021-06). Offsets counted from an unnamed event ("four
 * months after", "two days later") are not resolvable against the reference date and are skipped.
 *
 * Tense: a yearless date whose nearest reading lies after the reference takes its past reading
 * when the clause before it is in the past tense and has no future marker ("Biden became
 * president in June", December 2021 article → 2021-06; "will meet in June" stays 2022-06).
 * Weekdays: the nearest such day (chrono), moved back a week by the same past-tense rule.
 *
 * Forms chrono does not parse ("Monday 21", "friday the 26th", "on the 18th", "3 days from today",
 * "Monday of next week", "coming Thursday", holidays, "28 June in 2020", Feb 29) are chrono parsers
 * in ./dates/forms.ts, run only on texts that contain their trigger words. They follow the same
 * policy: nearest reading, moved to their own past reading (the previous such day) by the crawl and
 * past-tense rules. "last Wednesday" and "previous Wednesday" are the Wednesday of the week before
 * the reference's (weeks start on Monday; as the Recognizers-Text spec reads them: a Thursday
 * article's "last Wednesday" is eight days back, "on Wednesday" or "yesterday" being the words for
 * the day before); "following Friday" (without "the") is the Friday of the next week. A weekday
 * with a month and day ("this Friday-Jun-15", "Friday 7.6") is that month and day; month.day
 * after a preposition ("on 5.12"); a month, year and day in any order ("2020/23/Sep"); eight
 * digits that spell a day ("20161016").
 * "next 6th of April" / "last April 6" take the first such day after / before the reference.
 * Offsets from unnamed events stay skipped: "the day before", "the following Friday", "3 weeks later".
 * An amount after a currency sign is blanked before parsing ("$12 December 27" is December 27).
 *
 * Speed: chrono reads only the windows of the text around date cues (./dates/windows.ts), which
 * gives the same rows as reading the whole text (`wholeText` does that, for checks).
 *
 * Reference: published_at, else a publication date inferred from the text and crawl date
 * (inferPublicationDate, below), else the crawl date. Documents with none get no dates rows.
 */

export interface DateReference {
  date: string;
  source: DateMention['reference'];
}

/** Words that put a clause in the past: "became president in June", "told reporters on December 6". */
const PAST_CLAUSE = /\b(?:was|were|had|did|became|held|met|said|told|spoke|took|came|went|made|began|won|lost|saw|left|ago|last|\p{L}{2,}ed)\b/iu;
/** Words that put it in the future whatever else it holds: "will meet on Tuesday", "to be held". */
const FUTURE_CLAUSE = /\b(?:will|would|shall|going to|plans? to|expected to|scheduled|due to|set to|to be|next|upcoming|coming)\b/i;
const CLAUSE_START = /[.!?;:]\s|\n/g;
const MAX_CLAUSE = 200;

/** Prepositions chrono includes in its match ("On Tuesday") that are not part of the date. */
const LEADING_PREPOSITION = /^(?:on|in|at|by|since|from|until|till|before|after|during|of)\s+/i;
const TRAILING_PUNCTUATION = /[\s,.;:!?)]+$/;
const EVENT_RELATIVE = /\b(?:after|before|later|earlier|prior)$/i;
const DAY_MS = 86_400_000;
/** Between two date windows in the text chrono parses: no pattern, connector or merge reads across "|". */
const WINDOW_SEPARATOR = '\n|\n';
const COMPACT_HINT = /(?<!\d)(?:19|20)\d{6}(?!\d)/;
const COMPACT_DATE = /(?<![\d.,$£€\p{L}])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d\p{L}%]|[.,/-]\d)/gu;
const YEAR_IN_CONTEXT = /\b(?:in|since|by|until|till|before|after|of|from|during)\s+((?:19|20)\d{2})\b(?![-–\/]\d)/gi;

/** An amount after a currency sign is not a day or year: "$12 December 27" is December 27. */
const CURRENCY_AMOUNT = /([$£€¥]\s?)(\d[\d,.]*)/g;

/** `wholeText`: parse the whole text instead of its date windows (same rows, slower; for tests and checks). */
export interface DateOptions {
  wholeText?: boolean;
}

export function extractDates(text: string, reference: DateReference | null, options: DateOptions = {}): DateMention[] {
  if (reference === null) return [];
  const instant = new Date(`${reference.date}T12:00:00Z`);
  const mentions: DateMention[] = [];
  // Amounts are blanked with spaces of the same length, so offsets still point into `text`.
  const parsed = /[$£€¥]\s?\d/.test(text) ? text.replace(CURRENCY_AMOUNT, (_, sign: string, amount: string) => sign + ' '.repeat(amount.length)) : text;
  const parse = (window: string) => dateParser(formsIn(window)).parse(window, { instant, timezone: 'UTC' }, { forwardDate: false });
  const windows: [number, number][] = options.wholeText === true ? [[0, text.length]] : dateWindows(parsed);
  for (const result of parseWindows(parsed, windows, parse)) {
    const mention = fromChrono(result, reference, text);
    if (mention) mentions.push(mention);
  }
  // "20161016": eight digits spelling a valid day (chrono drops results that are only digits).
  if (COMPACT_HINT.test(text)) {
    for (const match of text.matchAll(COMPACT_DATE)) {
      const day = `${match[1]}-${match[2]}-${match[3]}`;
      const date = new Date(`${day}T12:00:00Z`);
      if (Number.isNaN(date.getTime()) || isoDay(date) !== day) continue;
      const start = match.index!;
      if (mentions.some((m) => m.start < start + 8 && start < m.end)) continue;
      mentions.push({ text: match[0], start, end: start + 8, resolved: day, resolved_end: day, granularity: 'day', reference_date: reference.date, reference: reference.source });
    }
  }
  // A bare year after a preposition; a year is a cue, so it lies in a window.
  for (const [from, to] of windows) {
    for (const match of (from === 0 && to === text.length ? text : text.slice(from, to)).matchAll(YEAR_IN_CONTEXT)) {
      const start = from + match.index! + match[0].length - match[1]!.length;
      const end = start + match[1]!.length;
      if (mentions.some((m) => m.start < end && start < m.end)) continue;
      mentions.push({ text: match[1]!, start, end, resolved: `${match[1]}-01-01`, resolved_end: `${match[1]}-12-31`, granularity: 'year', reference_date: reference.date, reference: reference.source });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * chrono's results over the windows of `text` that may hold a date (./dates/windows.ts), with
 * their offsets into `text`: the same results as parsing the whole text, for a fraction of the
 * work. The windows are parsed in one call, joined by a separator that no pattern or merge reads
 * across (a window ends well past its last date, so nothing there looks ahead to the next one).
 */
function parseWindows(text: string, windows: [number, number][], parse: (window: string) => chrono.ParsedResult[]): chrono.ParsedResult[] {
  if (windows.length === 0) return [];
  if (windows.length === 1 && windows[0]![0] === 0 && windows[0]![1] === text.length) return parse(text);
  // shift[i]: what to add to an offset in the joined text that falls in window i.
  const joinedStarts: number[] = [];
  const shifts: number[] = [];
  let joined = '';
  for (const [start, end] of windows) {
    if (joined !== '') joined += WINDOW_SEPARATOR;
    joinedStarts.push(joined.length);
    shifts.push(start - joined.length);
    joined += text.slice(start, end);
  }
  const results = parse(joined).filter((r) => !r.text.includes(WINDOW_SEPARATOR));
  let w = 0;
  for (const result of results) {
    while (w + 1 < joinedStarts.length && joinedStarts[w + 1]! <= result.index) w++;
    while (w > 0 && joinedStarts[w]! > result.index) w--;
    (result as chrono.ParsingResult).index += shifts[w]!;
  }
  return results;
}

/** The clause before `pos` (back to the last sentence or clause break) is in the past tense. */
export function isPastClause(text: string, pos: number): boolean {
  const from = Math.max(0, pos - MAX_CLAUSE);
  const window = text.slice(from, pos);
  let cut = 0;
  for (const m of window.matchAll(CLAUSE_START)) cut = m.index! + m[0].length;
  const clause = window.slice(cut);
  return PAST_CLAUSE.test(clause) && !FUTURE_CLAUSE.test(clause);
}

function fromChrono(result: chrono.ParsedResult, reference: DateReference, text: string): DateMention | null {
  const start = result.start;
  const hasDate = ['day', 'weekday', 'month', 'year'].some((unit) => start.isCertain(unit as chrono.Component));
  const relative = /\b(?:today|tomorrow|yesterday|tonight|week|month|year|ago|now)\b/i.test(result.text);
  if (!hasDate && !relative) return null;
  // Every date form has a cue (./dates/windows.ts); a match without one is a misreading of
  // letters as unit abbreviations: "- the money" as "- the mon(th)", "lasts" as "last s(econd)",
  // "next h", "the m ago". Dropping them whole-text too keeps the windows' rows the same.
  if (!hasDateCue(result.text)) return null;
  let textStart = result.index;
  let raw = text.slice(result.index, result.index + result.text.length);
  const ago = agoTail(result, reference, text);
  if (ago !== null) return ago;
  const lead = LEADING_PREPOSITION.exec(raw);
  if (lead) {
    textStart += lead[0].length;
    raw = raw.slice(lead[0].length);
  }
  raw = raw.replace(TRAILING_PUNCTUATION, '');
  if (raw === '') return null;
  const granularity: DateMention['granularity'] =
    start.isCertain('day') || start.isCertain('weekday') || relative ? 'day' : start.isCertain('month') ? 'month' : 'year';
  if (EVENT_RELATIVE.test(raw)) return null;
  let first = start.date();
  let last = result.end?.date() ?? first;
  const instant = new Date(`${reference.date}T23:59:59Z`);
  // Past reading of a yearless date that would land after the reference: always for a crawl date
  // (the article was written before it), else when the clause is in the past tense.
  if (!start.isCertain('year') && !relative && first > instant && (reference.source === 'crawled_at' || isPastClause(text, textStart))) {
    const past = pastReading(start);
    const shift = (date: Date) => (start.isCertain('month') ? new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate())) : new Date(date.getTime() - 7 * DAY_MS));
    first = past ?? shift(first);
    last = past ?? shift(last);
  } else if (!start.isCertain('year') && start.isCertain('month') && granularity === 'day') {
    // "next 6th of April", "next 5/12": the first such day after the reference; "last April 6": the latest before it.
    const before = /\b(next|last)\s+$/i.exec(text.slice(Math.max(0, textStart - 6), textStart));
    const dayStart = new Date(`${reference.date}T00:00:00Z`);
    const year = (date: Date, k: number) => new Date(Date.UTC(date.getUTCFullYear() + k, date.getUTCMonth(), date.getUTCDate(), 12));
    if (before !== null && before[1]!.toLowerCase() === 'next' && first <= instant) {
      first = year(first, 1);
      last = year(last, 1);
    } else if (before !== null && before[1]!.toLowerCase() === 'last' && first >= dayStart) {
      first = year(first, -1);
      last = year(last, -1);
    }
  }
  return {
    text: raw,
    start: textStart,
    end: textStart + raw.length,
    resolved: granularity === 'year' ? `${first.getUTCFullYear()}-01-01` : granularity === 'month' ? monthStart(first) : isoDay(first),
    resolved_end: granularity === 'year' ? `${last.getUTCFullYear()}-12-31` : granularity === 'month' ? monthEnd(last) : isoDay(last),
    granularity,
    reference_date: reference.date,
    reference: reference.source,
  };
}

const AGO_TAIL = /(?:^|\s)(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?$/i;
const AGO_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/**
 * "for the last 3 months and 2 days ago": chrono reads "last 3 months and 2 days" as one period;
 * when "ago" follows, it belongs to the last duration only ("2 days ago").
 */
function agoTail(result: chrono.ParsedResult, reference: DateReference, text: string): DateMention | null {
  const end = result.index + result.text.length;
  const after = /^\s+ago\b/i.exec(text.slice(end, end + 8));
  if (after === null) return null;
  const tail = AGO_TAIL.exec(result.text);
  if (tail === null || tail.index === 0) return null;
  const n = /^\d/.test(tail[1]!) ? Number(tail[1]) : AGO_NUMBERS[tail[1]!.toLowerCase()]!;
  const unit = tail[2]!.toLowerCase();
  const ref = new Date(`${reference.date}T12:00:00Z`);
  const date =
    unit === 'day' || unit === 'week'
      ? new Date(ref.getTime() - n * (unit === 'week' ? 7 : 1) * DAY_MS)
      : new Date(Date.UTC(ref.getUTCFullYear() - (unit === 'year' ? n : 0), ref.getUTCMonth() - (unit === 'month' ? n : 0), 1, 12));
  if (unit === 'month' || unit === 'year') {
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(ref.getUTCDate(), lastDay));
  }
  const start = result.index + tail.index + (tail[0].length - tail[0].trimStart().length);
  const stop = end + after[0].length;
  const day = isoDay(date);
  return { text: text.slice(start, stop), start, end: stop, resolved: day, resolved_end: day, granularity: 'day', reference_date: reference.date, reference: reference.source };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function monthStart(date: Date): string {
  return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
}

function monthEnd(date: Date): string {
  return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
}

/** How far before the crawl an inferred publication date may lie (the crawl of an old page proves nothing closer). */
const MAX_CRAWL_LAG_DAYS = 366;

/**
 * A conservative publication date for a document whose input states none: the latest calendar
 * day the text names with its month and day (a weekday or "today" is not enough), read against
 * the crawl date with the past reading (the article was written before it was crawled), and no
 * more than a year before the crawl. Null without a crawl date (nothing bounds the text's dates)
 * or without such a day. Seed 004, crawled 2022-01-18, names "December 6" and "the December 7
 * meeting": 2021-12-07. Uses chrono's own forms only (a holiday or "the 18th" does not date an article).
 */
export function inferPublicationDate(text: string, crawledAt: string | null, options: DateOptions = {}): string | null {
  if (crawledAt === null) return null;
  const crawl = crawledAt.slice(0, 10);
  const crawlDay = Date.parse(`${crawl}T00:00:00Z`);
  let best: string | null = null;
  const instant = new Date(`${crawl}T12:00:00Z`);
  const parse = (window: string) => en.parse(window, { instant, timezone: 'UTC' }, { forwardDate: false });
  for (const result of parseWindows(text, options.wholeText === true ? [[0, text.length]] : dateWindows(text), parse)) {
    if (!result.start.isCertain('month') || !result.start.isCertain('day')) continue;
    const mention = fromChrono(result, { date: crawl, source: 'crawled_at' }, text);
    if (mention === null || mention.granularity !== 'day') continue;
    const day = Date.parse(`${mention.resolved_end}T00:00:00Z`);
    if (day > crawlDay || crawlDay - day > MAX_CRAWL_LAG_DAYS * DAY_MS) continue;
    if (best === null || mention.resolved_end > best) best = mention.resolved_end;
  }
  return best;
}
