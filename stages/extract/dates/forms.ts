import * as en from 'chrono-node/en';
import type * as chrono from 'chrono-node';

/**
 * Date forms chrono-node does not parse, added as chrono parsers (they take part in chrono's
 * overlap removal and merging like its own). All arithmetic is on UTC calendar days.
 *
 * - weekday with a day of the month: "Monday 21" (digits only before punctuation or "at"/"and"…),
 *   "Monday 21st", "friday the 26th", "wednesday the thirty first", "tues the 4th": the day N whose
 *   weekday matches, in the month nearest the reference;
 * - a day of the month alone after a preposition: "on the 18th", "by the 4th" (digits only, and not "the 18th
 *   century": only before punctuation, a function word or a clock time), nearest month; "the 15th day of next
 *   month", "the twenty third day of September";
 * - a month with a spelled day: "May twenty nine", "March the twenty-first";
 * - a day and month followed by "in/of YEAR": "28 June in 2020", "July 4th of 1995";
 * - offsets from today: "3 days from today", "a week from tomorrow", "two weeks after today";
 * - weekdays of a named week: "Monday of next week", "next week Monday", "this week Monday",
 *   "Monday last week" (weeks start on Monday);
 * - "coming Thursday" (the first one after the reference day), "last/previous Wednesday" (the
 *   Wednesday of the previous week), "following Friday" (the Friday of the next week), none after "the";
 * - holidays: Christmas (Day/Eve), New Year's Day/Eve, Boxing Day, Halloween, Valentine's Day,
 *   Juneteenth, Thanksgiving, Black Friday, Cyber Monday, Easter (Sunday/Monday), Good Friday;
 *   optionally with a year or "of this/last/next year";
 * - February 29 without a year: the nearest leap year;
 * - a weekday with a month and day: "this Friday-Jun-15", "Friday 7.6" (the month and day decide);
 *   month.day after a preposition: "on 5.12" (not before "%", "percent", "million"…);
 * - a month name, a four-digit year and a day in another order: "September-2020-23", "2020/23/Sep".
 *
 * Yearless and monthless results are the nearest reading; their past reading (used by the policy
 * in ../dates.ts) is recorded in `pastReading`.
 */

const DAY_MS = 86_400_000;
/** Letters and digits for word boundaries (ASCII and Latin-1/Latin Extended-A letters: the patterns run without the slow /u flag). */
const WORD = 'A-Za-z0-9\\u00C0-\\u024F';
const WORD_CHAR = new RegExp(`[${WORD}]`);

const PAST_TAG = 'dates/past=';

/**
 * The past reading of a form's result (the latest candidate on or before the reference day), which
 * the policy in ../dates.ts uses instead of its generic shift. Kept in a tag, as chrono copies tags
 * when it merges a date with a time ("Sunday 31 at 4pm").
 */
export function pastReading(components: chrono.ParsedComponents): Date | undefined {
  for (const tag of components.tags()) if (tag.startsWith(PAST_TAG)) return new Date(`${tag.slice(PAST_TAG.length)}T12:00:00Z`);
  return undefined;
}

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const ORD_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORD_TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];

/** Spelled day numbers 1–31, cardinal and ordinal ("twenty nine", "thirty-first"). */
const SPELLED = new Map<string, number>();
UNITS.forEach((w, i) => SPELLED.set(w, i + 1));
TEENS.forEach((w, i) => SPELLED.set(w, i + 10));
ORD_UNITS.forEach((w, i) => SPELLED.set(w, i + 1));
ORD_TEENS.forEach((w, i) => SPELLED.set(w, i + 10));
SPELLED.set('twenty', 20).set('twentieth', 20).set('thirty', 30).set('thirtieth', 30);
for (const [tens, base] of [['twenty', 20], ['thirty', 30]] as const) {
  const units = base === 20 ? 9 : 1;
  for (let i = 0; i < units; i++) {
    SPELLED.set(`${tens} ${UNITS[i]}`, base + i + 1);
    SPELLED.set(`${tens} ${ORD_UNITS[i]}`, base + i + 1);
  }
}
const ORDINAL_WORDS = new Set([...ORD_UNITS, ...ORD_TEENS, 'twentieth', 'thirtieth']);

const alt = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|');
const SPELLED_RE = `(?:${alt([...SPELLED.keys()].filter((k) => !k.includes(' ')))})(?:[\\s-]+(?:${alt([...UNITS, ...ORD_UNITS])}))?`;
/** A day of the month written as an ordinal: "26th", "4th", "thirty first". */
const DAY_ORD = `(?:\\d{1,2}(?:st|nd|rd|th)|${SPELLED_RE})`;

const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, tues: 2, wednesday: 3, weds: 3, thursday: 4, thurs: 4, friday: 5, saturday: 6 };
const WEEKDAY_RE = `(?:${alt(Object.keys(WEEKDAYS))})`;
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_RE = `(?:${alt(Object.keys(MONTHS))})\\.?`;

/** What may follow a date whose last word could also start a longer phrase ("the 18th century", "March twenty people"). */
const CLOCK = `(?:\\d{1,2}(?:[:.]\\d\\d)?|${alt(UNITS)}|ten|eleven|twelve)\\s*(?:[ap]\\.?m\\b\\.?|o['’]?clock)`;
const DATE_END = `(?=\\s*(?:[,.;:!?)\\]"'”’]|$)|\\s+(?:at|around|about|in|on|and|or|to|until|till|from|by|for|when|this|next|last)(?![${WORD}])|\\s+${CLOCK})`;

const DATE_END_AT = new RegExp(DATE_END, 'y');
/** After "Friday 7.6": where a date may end, or "with" ("a call on Friday 7.6 with Jim"); not "7.6 magnitude", "7.6 percent". */
const DIGIT_DATE_END = `(?=\\s*(?:[,.;:!?)\\]"'”’]|$)|\\s+(?:with|at|around|about|in|on|and|or|to|until|till|from|by|for|when|this|next|last)(?![${WORD}]))`;

function endsDate(text: string, at: number): boolean {
  DATE_END_AT.lastIndex = at;
  return DATE_END_AT.test(text);
}

function dayNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/[\s-]+/g, ' ');
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(w);
  const n = digits ? Number(digits[1]) : SPELLED.get(w) ?? null;
  return n !== null && n >= 1 && n <= 31 ? n : null;
}

function monthNumber(word: string): number {
  return MONTHS[word.toLowerCase().replace('.', '')]!;
}

function utcDay(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** Day `d` of the month `k` months after the reference's, or null where that month has no such day. */
function dayInMonth(ref: Date, k: number, d: number): Date | null {
  const first = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + k, 1, 12));
  return utcDay(first.getUTCFullYear(), first.getUTCMonth() + 1, d);
}

function refDay(context: chrono.ParsingContext): Date {
  const r = context.refDate;
  return new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth(), r.getUTCDate(), 12));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The nearest candidate to the reference (ties: the earlier) and the latest one on or before it. */
function nearest(ref: Date, candidates: Date[]): { near: Date; past: Date | null } | null {
  let near: Date | null = null;
  let past: Date | null = null;
  for (const c of candidates) {
    const d = Math.abs(c.getTime() - ref.getTime());
    if (near === null || d < Math.abs(near.getTime() - ref.getTime()) || (d === Math.abs(near.getTime() - ref.getTime()) && c < near)) near = c;
    if (c <= ref && (past === null || c > past)) past = c;
  }
  return near === null ? null : { near, past };
}

/** A day result: certain components as `certain`, the rest implied; the past reading recorded. */
function dayComponents(context: chrono.ParsingContext, date: Date, certain: ('year' | 'month' | 'day' | 'weekday')[], past: Date | null = null): chrono.ParsingComponents {
  const c = context.createParsingComponents();
  const values = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
  for (const k of ['year', 'month', 'day', 'weekday'] as const) {
    if (certain.includes(k)) c.assign(k, values[k]);
    else c.imply(k, values[k]);
  }
  c.imply('hour', 12);
  c.addTag('dates/forms');
  if (past !== null) c.addTag(PAST_TAG + past.toISOString().slice(0, 10));
  return c;
}

const LEADING_WORD = /(?<![A-Za-z0-9])(?:on|in|at|by|since|from|until|till|before|after|during|of)\s+$/i;

/** Base for the parsers: a word boundary before the match (chrono runs patterns on suffixes of the text). */
abstract class FormParser implements chrono.Parser {
  private readonly re: RegExp;
  constructor(source: string, flags = 'i') {
    this.re = new RegExp(`(?<![${WORD}])(?:${source})`, flags);
  }
  pattern(): RegExp {
    return this.re;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | chrono.ParsingResult | null {
    const before = context.text[match.index! - 1];
    if (before !== undefined && WORD_CHAR.test(before)) return null;
    const components = this.components(context, match);
    if (components === null) return null;
    const result = components instanceof en.ParsingResult ? components : context.createParsingResult(match.index!, match[0], components);
    // Take in a preposition before the date as chrono's own parsers do ("on Sunday"), so that ours
    // is not the shorter of two overlapping readings; ../dates.ts strips it again.
    const lead = LEADING_WORD.exec(context.text.slice(Math.max(0, result.index - 8), result.index));
    if (lead !== null) {
      result.index -= lead[0].length;
      result.text = lead[0] + result.text;
    }
    return result;
  }
  abstract components(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | chrono.ParsingResult | null;
}

/** "Monday 21", "Monday 21st", "friday the 26th", "wednesday the thirty first". */
class WeekdayDayParser extends FormParser {
  constructor() {
    super(`(${WEEKDAY_RE})\\.?,?\\s+(?:(the)\\s+)?(${DAY_ORD}|\\d{1,2})(?![${WORD}]|[:./]\\d|\\s+(?:of\\s+)?${MONTH_RE}(?![${WORD}]))`);
  }
  components(context: chrono.ParsingContext, m: RegExpMatchArray) {
    const dayText = m[3]!;
    const bare = /^\d+$/.test(dayText);
    // Spelled cardinals ("Monday twenty") are not dates; digits only where a date may end ("Monday 21!", not "Monday 21 people").
    if (!bare && !isOrdinalWord(dayText)) return null;
    // Like any day of the month, only where a date may end: "Friday the 13th horror franchise" is a title.
    if (!endsDate(context.text, m.index! + m[0].length)) return null;
    const day = dayNumber(dayText);
    if (day === null) return null;
    const weekday = WEEKDAYS[m[1]!.toLowerCase()]!;
    const ref = refDay(context);
    const candidates: Date[] = [];
    for (let k = -24; k <= 24; k++) {
      const d = dayInMonth(ref, k, day);
      if (d !== null && d.getUTCDay() === weekday) candidates.push(d);
    }
    const pick = nearest(ref, candidates);
    return pick === null ? null : dayComponents(context, pick.near, ['day', 'weekday'], pick.past);
  }
}

function isOrdinalWord(text: string): boolean {
  if (/^\d+(?:st|nd|rd|th)$/i.test(text)) return true;
  const last = text.toLowerCase().split(/[\s-]+/).at(-1)!;
  return ORDINAL_WORDS.has(last);
}

/** "on the 18th", "by the 4th" (digits: "for the first 10 years" is no date; nearest month); "the 15th day of next month", "the twenty third day of September". */
class DayOfMonthParser extends FormParser {
  constructor() {
    super(
      `(?:(?:on|by|until|till|since|before|after|from|for|through)\\s+the\\s+(\\d{1,2}(?:st|nd|rd|th))${DATE_END}(?!\\s+of\\b))` +
        `|(?:the\\s+)?(${DAY_ORD})\\s+day\\s+of\\s+(?:(?:the\\s+)?(next|last|this|previous|coming)\\s+month|(${MONTH_RE})(?:,?\\s+((?:1[89]|20)\\d{2}))?)(?![${WORD}])`,
    );
  }
  components(context: chrono.ParsingContext, m: RegExpMatchArray) {
    const ref = refDay(context);
    if (m[1] !== undefined) {
      const day = dayNumber(m[1]);
      if (day === null) return null;
      const candidates: Date[] = [];
      for (let k = -2; k <= 2; k++) {
        const d = dayInMonth(ref, k, day);
        if (d !== null) candidates.push(d);
      }
      const pick = nearest(ref, candidates);
      if (pick === null) return null;
      const start = m.index! + m[0].indexOf('the ');
      const result = context.createParsingResult(start, m[0].slice(m[0].indexOf('the ')));
      result.start = dayComponents(context, pick.near, ['day'], pick.past);
      return result;
    }
    if (!isOrdinalWord(m[2]!)) return null;
    const day = dayNumber(m[2]!);
    if (day === null) return null;
    if (m[3] !== undefined) {
      const shift = { next: 1, coming: 1, last: -1, previous: -1, this: 0 }[m[3].toLowerCase()]!;
      const d = dayInMonth(ref, shift, day);
      return d === null ? null : dayComponents(context, d, ['day', 'month', 'year']);
    }
    return monthDay(context, monthNumber(m[4]!), day, m[5] === undefined ? null : Number(m[5]));
  }
}

/** Month and day, with the year given or else the nearest reading (past reading: a year earlier). */
function monthDay(context: chrono.ParsingContext, month: number, day: number, year: number | null): chrono.ParsingComponents | null {
  if (year !== null) {
    const d = utcDay(year, month, day);
    return d === null ? null : dayComponents(context, d, ['day', 'month', 'year']);
  }
  const ref = refDay(context);
  const candidates = [-1, 0, 1].map((k) => utcDay(ref.getUTCFullYear() + k, month, day)).filter((d): d is Date => d !== null);
  const pick = nearest(ref, candidates);
  return pick === null ? null : dayComponents(context, pick.near, ['day', 'month'], pick.past);
}

/** "May twenty nine", "March the twenty-first"; "28 June in 2020", "July 4th of 1995", "4th of July of 1995". */
class MonthDayParser extends FormParser {
  constructor() {
    super(
      `(${MONTH_RE})\\s+(?:the\\s+)?(${SPELLED_RE})(?![${WORD}])${DATE_END}` +
        `|(?:(${MONTH_RE})\\s+(\\d{1,2}(?:st|nd|rd|th)?|${SPELLED_RE})|(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)?|${SPELLED_RE})\\s+(?:of\\s+)?(${MONTH_RE}))\\s*,?\\s+(?:in|of)\\s+((?:1[89]|20)\\d{2})(?![${WORD}])`,
    );
  }
  components(context: chrono.ParsingContext, m: RegExpMatchArray) {
    if (m[1] !== undefined) {
      if (/^may$/i.test(m[1]) && m[1] !== 'May') return null;
      const day = dayNumber(m[2]!);
      return day === null ? null : monthDay(context, monthNumber(m[1]), day, null);
    }
    const month = monthNumber((m[3] ?? m[6])!);
    const day = dayNumber((m[4] ?? m[5])!);
    return day === null ? null : monthDay(context, month, day, Number(m[7]));
  }
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** "3 days from today", "a week from tomorrow", "two months after today". */
class OffsetFromTodayParser extends FormParser {
  constructor() {
    super(`(\\d{1,3}|${alt(Object.keys(NUMBER_WORDS))})\\s+(day|week|month|year)s?\\s+(from|after|before)\\s+(today|tomorrow|yesterday|now)(?![${WORD}])`);
  }
  components(context: chrono.ParsingContext, m: RegExpMatchArray) {
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()]!;
    const sign = m[3]!.toLowerCase() === 'before' ? -1 : 1;
    const base = addDays(refDay(context), { today: 0, now: 0, tomorrow: 1, yesterday: -1 }[m[4]!.toLowerCase()]!);
    const unit = m[2]!.toLowerCase();
    let date: Date;
    if (unit === 'day' || unit === 'week') date = addDays(base, sign * n * (unit === 'week' ? 7 : 1));
    else {
      const months = sign * n * (unit === 'year' ? 12 : 1);
      const y = base.getUTCFullYear();
      const mo = base.getUTCMonth() + months;
      const last = new Date(Date.UTC(y, mo + 1, 0, 12)).getUTCDate();
      date = new Date(Date.UTC(y, mo, Math.min(base.getUTCDate(), last), 12));
    }
    return dayComponents(context, date, ['day', 'month', 'year']);
  }
}

/** Monday of the reference week (weeks start on Monday), moved by `weeks`. */
function weekStart(ref: Date, weeks: number): Date {
  return addDays(ref, -((ref.getUTCDay() + 6) % 7) + 7 * weeks);
}

const WEEK_SHIFT: Record<string, number> = { next: 1, coming: 1, last: -1, previous: -1, this: 0 };

/** "Monday of next week", "Monday next week", "next week Monday", "previous week - Monday"; "coming Thursday", "previous Wednesday". */
class WeekWeekdayParser extends FormParser {
  constructor() {
    super(
      `(${WEEKDAY_RE})\\s+(?:of\\s+)?(next|last|this|coming)\\s+week(?!['’${WORD}])` +
        `|(next|last|this|previous|coming)\\s+week(?:['’]s)?\\s*[-–]?\\s*(${WEEKDAY_RE})(?![${WORD}])` +
        `|(coming|previous|last|following)\\s+(${WEEKDAY_RE})(?![${WORD}]|\\s+(?:of|in)\\b|\\s*,?\\s+(?:the\\s+)?\\d|\\s*,?\\s+${MONTH_RE}(?![${WORD}]))`,
    );
  }
  components(context: chrono.ParsingContext, m: RegExpMatchArray) {
    const ref = refDay(context);
    if (m[5] !== undefined) {
      // "the previous Wednesday", "the following Friday", "the last Friday" relate to a narrated event or a month: only without "the".
      if (/\bthe\s+$/i.test(context.text.slice(Math.max(0, m.index! - 4), m.index!))) return null;
      const weekday = WEEKDAYS[m[6]!.toLowerCase()]!;
      const delta = (weekday - ref.getUTCDay() + 7) % 7;
      const word = m[5].toLowerCase();
      // "last/previous Wednesday": the Wednesday of the previous week. News style (AP) names a day
      // within the past week by its weekday alone ("Wednesday"), so an added "last" points further
      // back; a Monday article's "last Friday" is three days back either way. "following Friday":
      // the Friday of the next week.
      const date = word === 'coming' ? addDays(ref, delta === 0 ? 7 : delta)
        : addDays(weekStart(ref, word === 'following' ? 1 : -1), (weekday + 6) % 7);
      return dayComponents(context, date, ['day', 'month', 'year']);
    }
    const word = (m[2] ?? m[3])!.toLowerCase();
    if (word === 'previous' && /\bthe\s+$/i.test(context.text.slice(Math.max(0, m.index! - 4), m.index!))) return null;
    const weekday = WEEKDAYS[(m[1] ?? m[4])!.toLowerCase()]!;
    const date = addDays(weekStart(ref, WEEK_SHIFT[word]!), (weekday + 6) % 7);
    return dayComponents(context, date, ['day', 'month', 'year']);
  }
}

/** A weekday before a month and day ("this Friday-Jun-15", "Friday 7.6"): the month and day say which; "on 5.12": month.day after a preposition. */
class WeekdayDateParser extends FormParser {
  constructor() {
    super(
      `(?:(?:this|next|last|coming)\\s+)?${WEEKDAY_RE}\\.?(?:\\s*[-,]\\s*|\\s+)(?:(${MONTH_RE})\\s*[-.\\s]\\s*(\\d{1,2})(?![${WORD}]|[./-]\\d)|(\\d{1,2})\\.(\\d{1,2})(?![${WORD}]|[./-]\\d)${DIGIT_DATE_END})` +
        `|(?:on|by|until|till|before|after)\\s+(\\d{1,2})\\.(\\d{1,2})(?![${WORD}]|[./-]\\d)${DATE_END}`,
    );
  }
  components(context: chrono.ParsingContext, m: RegExpMatchArray) {
    const month = m[1] !== undefined ? monthNumber(m[1]) : Number(m[3] ?? m[5]);
    const day = Number(m[2] ?? m[4] ?? m[6]);
    if (month < 1 || month > 12) return null;
    const c = monthDay(context, month, day, null);
    if (c === null || m[5] === undefined) return c;
    // "on 5.12": the date alone, without the preposition.
    const start = m.index! + m[0].search(/\d/);
    const result = context.createParsingResult(start, m[0].slice(start - m.index!));
    result.start = c;
    return result;
  }
}

/** A month name, a four-digit year and a day in an unusual order: "September-2020-23", "2020/23/Sep", "23-2020-September". */
class ScrambledDateParser extends FormParser {
  constructor() {
    const year = '((?:1[89]|20)\\d{2})';
    const day = '(\\d{1,2})';
    const month = `(${MONTH_RE})`;
    super(`(?:${month}([-/])${year}\\2${day}|${year}([-/])${day}\\6${month}|${day}([-/])${year}\\10${month})(?![${WORD}]|[./-]\\d)`);
  }
  components(context: chrono.ParsingContext, m: RegExpMatchArray) {
    const [month, year, day] = m[1] !== undefined ? [m[1], m[3], m[4]] : m[5] !== undefined ? [m[8], m[5], m[7]] : [m[12], m[11], m[9]];
    const d = utcDay(Number(year), monthNumber(month!), Number(day));
    return d === null ? null : dayComponents(context, d, ['day', 'month', 'year']);
  }
}

/** Easter Sunday (anonymous Gregorian computus). */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** Fourth Thursday of November (US Thanksgiving). */
function thanksgiving(year: number): Date {
  const first = new Date(Date.UTC(year, 10, 1, 12));
  return addDays(first, ((4 - first.getUTCDay() + 7) % 7) + 21);
}

const HOLIDAYS: [RegExp, (year: number) => Date][] = [
  [/^christmas\s+eve$/i, (y) => new Date(Date.UTC(y, 11, 24, 12))],
  [/^christmas/i, (y) => new Date(Date.UTC(y, 11, 25, 12))],
  [/^new\s+year/i, (y) => new Date(Date.UTC(y, 0, 1, 12))],
  [/^boxing/i, (y) => new Date(Date.UTC(y, 11, 26, 12))],
  [/^hallowe/i, (y) => new Date(Date.UTC(y, 9, 31, 12))],
  [/^valentine/i, (y) => new Date(Date.UTC(y, 1, 14, 12))],
  [/^juneteenth/i, (y) => new Date(Date.UTC(y, 5, 19, 12))],
  [/^thanksgiving/i, thanksgiving],
  [/^black/i, (y) => addDays(thanksgiving(y), 1)],
  [/^cyber/i, (y) => addDays(thanksgiving(y), 4)],
  [/^good/i, (y) => addDays(easter(y), -2)],
  [/^easter\s+monday/i, (y) => addDays(easter(y), 1)],
  [/^easter/i, easter],
];

const BARE_HOLIDAY = /^(?:christmas|easter|thanksgiving|hallowe['’]?en|black\s+friday|cyber\s+monday)$/i;
const TIME_OF_DAY = /^\s+(?:early|late|morning|afternoon|evening|night)\b/i;

/** Holidays with a fixed rule, optionally with a year: "Christmas Eve", "Black Friday 2010", "Easter of next year". */
class HolidayParser extends FormParser {
  constructor() {
    super(
      `(?:(last|next|previous|this|coming)\\s+)?(christmas(?:\\s+(?:eve|day))?|new\\s+year['’]?s\\s+(?:eve|day)|boxing\\s+day|hallowe['’]?en|valentine['’]?s\\s+day|juneteenth|Thanksgiving(?:\\s+day)?|black\\s+friday|cyber\\s+monday|good\\s+friday|easter(?:\\s+(?:sunday|monday))?)` +
        `(?:,?\\s+(?:of\\s+)?((?:1[89]|20)\\d{2})|\\s+of\\s+(this|last|next)\\s+year)?(?![${WORD}])`,
    );
  }
  components(context: chrono.ParsingContext, m: RegExpMatchArray) {
    const name = m[2]!;
    if (/^thanksgiving/i.test(name) && name[0] !== 'T') return null;
    // A bare festival name is mostly a season or a modifier ("Christmas sales", "Father Christmas", the film
    // "Halloween"): a day only after a preposition and where a date may end ("on Christmas", "since Christmas.").
    if (BARE_HOLIDAY.test(name) && m[1] === undefined && m[3] === undefined && m[4] === undefined) {
      const before = context.text.slice(Math.max(0, m.index! - 7), m.index!);
      const end = m.index! + m[0].length;
      if (!/(?<![A-Za-z])(?:on|at|before|after|since|until|till|by)\s+$/i.test(before) || !(endsDate(context.text, end) || TIME_OF_DAY.test(context.text.slice(end, end + 12)))) return null;
    }
    const rule = HOLIDAYS.find(([re]) => re.test(name))![1];
    const ref = refDay(context);
    const newYearsEve = /^new\s+year['’]?s\s+eve/i.test(name);
    const on = (year: number) => (newYearsEve ? new Date(Date.UTC(year, 11, 31, 12)) : rule(year));
    if (m[3] !== undefined || m[4] !== undefined) {
      const year = m[3] !== undefined ? Number(m[3]) : ref.getUTCFullYear() + { this: 0, last: -1, next: 1 }[m[4]!.toLowerCase()]!;
      return dayComponents(context, on(year), ['day', 'month', 'year']);
    }
    const days = [-1, 0, 1].map((k) => on(ref.getUTCFullYear() + k));
    const which = m[1]?.toLowerCase();
    // "last Easter": the latest before the reference day; "next/coming Easter": the first after it; "this Easter": this year's.
    if (which === 'last' || which === 'previous') return dayComponents(context, days.filter((d) => d < ref).at(-1)!, ['day', 'month', 'year']);
    if (which === 'next' || which === 'coming') return dayComponents(context, days.find((d) => d > ref)!, ['day', 'month', 'year']);
    if (which === 'this') return dayComponents(context, days[1]!, ['day', 'month', 'year']);
    const pick = nearest(ref, days)!;
    return dayComponents(context, pick.near, ['day', 'month'], pick.past);
  }
}

/** "Feb 29", "February 29th", "29 February", "2/29" without a year: the nearest leap year's. */
class LeapDayParser extends FormParser {
  constructor() {
    super(`(?:feb(?:ruary)?\\.?\\s+29(?:th)?|29(?:th)?\\s+(?:of\\s+)?feb(?:ruary)?\\.?|0?2/29)(?![${WORD}]|\\s*,?\\s*\\d|/\\d)`);
  }
  components(context: chrono.ParsingContext) {
    const ref = refDay(context);
    const candidates: Date[] = [];
    for (let y = ref.getUTCFullYear() - 8; y <= ref.getUTCFullYear() + 8; y++) {
      const d = utcDay(y, 2, 29);
      if (d !== null) candidates.push(d);
    }
    const pick = nearest(ref, candidates)!;
    return dayComponents(context, pick.near, ['day', 'month'], pick.past);
  }
}

const MON = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/**
 * Cheap triggers, one per parser in FORMS order, run case-sensitively on the lower-cased text in one pass: a parser runs only on texts where its trigger occurs (scanning every text with all
 * the case-insensitive patterns would cost a third of the throughput). Looser than the patterns.
 */
const TRIGGERS = [
  '(?:day|tues|thurs|weds)\\.?,? +(?:the +)?(?:\\d|fir|sec|thi|fou|fif|six|sev|eig|nin|ten|ele|twe)',
  'the +\\d\\d?(?:st|nd|rd|th)| day +of ',
  `${MON} +(?:the +)?(?:one|two|thr|fou|fiv|six|sev|eig|nin|ten|ele|twe|thi|fir|sec|fif)|${MON}(?: +[a-z\\d]+)? *,? +(?:in|of) +\\d{4}`,
  '(?:from|after|before) +(?:today|tomorrow|yesterday|now)',
  '(?:next|last|this|coming|previous) +week|(?:coming|previous|last|following) +(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday|r|rs)?(?![a-z])',
  'christmas|new year|boxing|hallowe|valentine|juneteenth|thanksgiving|black friday|cyber monday|good friday|easter',
  'feb[a-z]*\\.? +29|29(?:th)? +(?:of +)?feb|2/29',
  '(?:day|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\\.?(?: *[-,] *| +)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\\d\\d?\\.\\d)|(?:on|by|until|till|before|after) +\\d\\d?\\.\\d',
  '[a-z]{3}[a-z]*\\.?[-/]\\d{4}[-/]|\\d{4}[-/]\\d\\d?[-/][a-z]|\\d[-/]\\d{4}[-/][a-z]',
];
const TRIGGER = new RegExp(TRIGGERS.map((t) => `(${t})`).join('|'), 'g');
const makeWeekdayDate = () => new WeekdayDateParser();
const FORMS: (() => chrono.Parser)[] = [
  () => new WeekdayDayParser(),
  () => new DayOfMonthParser(),
  () => new MonthDayParser(),
  () => new OffsetFromTodayParser(),
  () => new WeekWeekdayParser(),
  () => new HolidayParser(),
  () => new LeapDayParser(),
  makeWeekdayDate,
  () => new ScrambledDateParser(),
];

/** The forms whose trigger occurs in the text, as a bit mask over FORMS. */
export function formsIn(text: string): number {
  let mask = 0;
  // A weekday before a day ("Friday 7.6") fires the weekday-day trigger first; it covers both forms.
  const weekdayDay = 1 << 0;
  const weekdayDate = 1 << FORMS.findIndex((make) => make === makeWeekdayDate);
  const all = (1 << FORMS.length) - 1;
  for (const m of text.toLowerCase().matchAll(TRIGGER)) {
    for (let i = 0; i < FORMS.length; i++) if (m[i + 1] !== undefined) mask |= 1 << i;
    if (mask === all) break;
  }
  return mask & weekdayDay ? mask | weekdayDate : mask;
}

const parsers = new Map<number, chrono.Chrono>();

/** chrono's casual English with the forms in `mask` first (so that they win ties of equal length). */
export function dateParser(mask = (1 << FORMS.length) - 1): chrono.Chrono {
  let parser = parsers.get(mask);
  if (parser === undefined) {
    parser = en.casual.clone();
    parser.parsers.unshift(...FORMS.filter((_, i) => mask & (1 << i)).map((make) => make()));
    parsers.set(mask, parser);
  }
  return parser;
}
