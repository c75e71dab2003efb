/**
 * Context rules around a number: when it is not a quantity at all (a date, a code, a phone
 * number, a postal code, a name), when it is a clock time, and which qualifier words surround it.
 */
import type { Quantity } from '../../types.js';
import { LABEL_NOUNS, MONTHS, NOUN_PHRASE_STOPS, TIME_ZONES, WEEKDAYS } from './lexicon.js';
import { tidy, type NumberToken } from './numbers.js';
import { CAPITALISED, isDigit, isLetter, isSpace, matchAt, matchBefore, startsSentence, wordBefore } from './text.js';
import { currencyBefore } from './units.js';

export interface Bounds {
  text: string;
  /** Look-behind never goes before this (sentence start or the end of the previous match). */
  floor: number;
  /** Sentence start, for "is this word sentence-initial". */
  sentenceStart: number;
  /** Look-ahead never goes past this (sentence end). */
  limit: number;
}

/** Day-of-month tail after "Dec. 9": an optional range end ("to 10") and year (", 2021"). */
const DAY_TAIL = /(?:[ \t\u00a0]*(?:-|–|—|to|through|and)[ \t\u00a0]*\d{1,2}(?:st|nd|rd|th)?(?!\d))?(?:,?[ \t\u00a0]*\d{4}(?!\d))?/y;
/** After a day number: "(-10) (of) December (2021)". */
const MONTH_AFTER = /(?:[ \t\u00a0]*(?:-|–|to|and)[ \t\u00a0]*\d{1,2}(?:st|nd|rd|th)?)?[ \t\u00a0]*(?:of[ \t\u00a0]+)?(\p{L}+)\.?(?:,?[ \t\u00a0]*\d{4}(?!\d))?/uy;
const ISO_DATE = /\d{4}-\d{1,2}-\d{1,2}(?!\d)/y;
const NUMERIC_DATE = /\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)/y;
const PHONE = /(?:\+\d{1,3}[-. ]?)?(?:\(\d{2,4}\)[-. ]?|\d{2,4}[-.])\d{3,4}[-.]\d{3,4}(?!\d)|\d{3}-\d{4}(?![\d-])/y;
/** An international prefix starts a phone number whatever its grouping ("+1-222-2222/2222"). */
const PHONE_INTERNATIONAL = /\+\d[\d ()./-]{6,}\d/y;
const STATE_CODE = /(?:\b[A-Z]{2}|\b(?:[A-Z]\.){2})[ \t\u00a0]*$/;
const ZIP = /\d{5}(?:-\d{4})?(?!\d)/y;
const STREET = /(?:[ \t\u00a0]+\p{Lu}[\p{L}'’-]*){1,3}[ \t\u00a0]+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Place|Pl|Square|Sq|Court|Terrace|Parkway|Way)\b\.?/uy;
/** Rest of a code that a number sits in: "9/11", "192.168.1.2", "SCP-173". */
const CODE_TAIL = /[\w./-]*/y;
/** Prefixes that join a year with a hyphen without making it a code ("mid-2022", "pre-1914"). */
const YEAR_PREFIXES = new Set(['mid', 'pre', 'post', 'early', 'late', 'circa']);
/** Months that are also words: after a day they must be capitalised ("5 may be" is no date). */
const MODAL_MONTHS = new Set(['may', 'march']);
const CODE_PUNCTUATION = /[./-]/;
const HAS_CAPITAL = /\p{Lu}/u;
const POSSESSIVE = /['’]s$/;
const ENDS_WITH_COMMA = /,[ \t\u00a0]*$/;
const CLOSES_APPOSITION = /^[ \t\u00a0]*(?:[,)]|$)/;
const HOUR_DIGITS = /\d{1,2}/y;
const SPACE_THEN_WORD = /[ \t\u00a0]+\p{L}/uy;

/**
 * End of the non-quantity expression the number starts, or -1 if it may be a quantity.
 * Dates (days and years inside them), codes, phone numbers, postal codes, street addresses and
 * labels ("Route 66", "iPhone 13", "Group of Seven") are consumed whole so no part of them is
 * read again.
 */
export function nonQuantityEnd(b: Bounds, tok: NumberToken): number {
  if (tok.spelled) return spelledNameEnd(b, tok);
  return dateEnd(b, tok) ?? codeEnd(b, tok) ?? phoneOrPostalEnd(b, tok) ?? labelEnd(b, tok) ?? -1;
}

/**
 * A capitalised number word inside a sentence is part of a name ("Group of Seven", "First
 * Lady"); after a label noun it is a rank or label ("number one").
 */
function spelledNameEnd(b: Bounds, tok: NumberToken): number {
  const before = wordBefore(b.text, tok.start, b.floor);
  if (before !== null && LABEL_NOUNS.has(before.text.toLowerCase())) return tok.end;
  const first = b.text[tok.start]!;
  if (first === first.toLowerCase() || startsSentence(b.text, tok.start, b.sentenceStart)) return -1;
  return tok.end;
}

function dateEnd(b: Bounds, tok: NumberToken): number | null {
  const { text, limit } = b;
  const iso = matchAt(ISO_DATE, text, tok.start, limit) ?? matchAt(NUMERIC_DATE, text, tok.start, limit);
  if (iso !== null && tok.bare) return tok.start + iso[0].length;
  const before = wordBefore(text, tok.start, b.floor);
  const day = isDayNumber(tok);
  if (before !== null && MONTHS.has(before.text.toLowerCase())) {
    // "December 6", "Dec. 9 to 10", "August 31, 2021", and the year of "October 2014".
    if (day) return tok.end + matchAt(DAY_TAIL, text, tok.end, limit)![0].length;
    if (tok.bare && tok.value! >= 1000 && tok.value! <= 2999) return tok.end;
  }
  if (day) {
    const after = matchAt(MONTH_AFTER, text, tok.end, limit);
    const month = after?.[1];
    // "May" and "March" after a day must be capitalised: "5 may be" is not a date.
    if (month !== undefined && MONTHS.has(month.toLowerCase()) && (month[0] !== 'm' || !MODAL_MONTHS.has(month))) {
      return tok.end + after![0].length;
    }
  }
  return null;
}

function isDayNumber(tok: NumberToken): boolean {
  return (tok.bare || tok.ordinal) && Number.isInteger(tok.value) && tok.value! >= 1 && tok.value! <= 31 && tok.end - tok.start <= 4;
}

/** Numbers inside a web address ("…?q=30%25") belong to it. */
const URL_CHUNK = /(?:https?:\/\/|www\.)\S*$/;

function codeEnd(b: Bounds, tok: NumberToken): number | null {
  const { text } = b;
  if (matchBefore(URL_CHUNK, text, tok.start, b.floor, 400) !== null) return chunkEnd(b, tok.start);
  const prev = text[tok.start - 1];
  const prev2 = text[tok.start - 2];
  const next = text[tok.end];
  const gluedBefore = isLetter(prev) || (prev !== undefined && '-_/'.includes(prev) && isLetter(prev2));
  if (gluedBefore && !(prev === '-' && YEAR_PREFIXES.has(wordBefore(text, tok.start - 1, b.floor)?.text.toLowerCase() ?? ''))) {
    return codeTailEnd(b, tok.end);
  }
  // "9/11", "24/7", "192.168.1.2", "v1.2.3": more digits glued on by a slash or a second dot.
  if ((next === '/' || next === '.' || next === '_') && isDigit(text.charCodeAt(tok.end + 1))) return codeTailEnd(b, tok.end);
  return null;
}

/** End of the run of non-space characters at `pos`. */
function chunkEnd(b: Bounds, pos: number): number {
  let end = pos;
  while (end < b.limit && !isSpace(b.text.charCodeAt(end))) end++;
  return end;
}

function codeTailEnd(b: Bounds, pos: number): number {
  const m = matchAt(CODE_TAIL, b.text, pos, b.limit);
  let end = pos + (m?.[0].length ?? 0);
  while (end > pos && CODE_PUNCTUATION.test(b.text[end - 1]!)) end--; // a code does not end with its sentence's period
  return end;
}

function phoneOrPostalEnd(b: Bounds, tok: NumberToken): number | null {
  const { text, limit } = b;
  const open = text[tok.start - 1] === '(' || text[tok.start - 1] === '+' ? tok.start - 1 : tok.start;
  const phone = matchAt(PHONE, text, open, limit) ?? matchAt(PHONE_INTERNATIONAL, text, open, limit);
  if (phone !== null) return open + phone[0].length;
  if (tok.bare && tok.end - tok.start === 5 && matchBefore(STATE_CODE, text, tok.start, b.floor, 8) !== null) {
    return tok.start + matchAt(ZIP, text, tok.start, limit)![0].length;
  }
  if (tok.bare && matchAt(STREET, text, tok.end, limit) !== null) return tok.end;
  return null;
}

/**
 * "Route 66", "Article 5", "No. 1", "#3", "iPhone 13", "Boeing 737": the number names something.
 * What is glued to it goes too ("Kostanic 6-7": a score).
 */
function labelEnd(b: Bounds, tok: NumberToken): number | null {
  const { text } = b;
  if (!tok.bare || isYearLike(tok) || currencyBefore(text, tok.start, b.floor) !== null) return null;
  if (text[tok.start - 1] === '#') return codeTailEnd(b, tok.end);
  const before = wordBefore(text, tok.start, b.floor);
  if (before === null) return null;
  const lower = before.text.toLowerCase();
  if (LABEL_NOUNS.has(lower)) return codeTailEnd(b, tok.end);
  const capitalised = HAS_CAPITAL.test(before.text) && !POSSESSIVE.test(before.text);
  if (!capitalised || startsSentence(text, before.start, b.sentenceStart)) return null;
  if (NOUN_PHRASE_STOPS.has(lower) || WEEKDAYS.has(lower) || MONTHS.has(lower)) return null;
  return codeTailEnd(b, tok.end);
}

/** "Mr Blunkett, 57, had been": the news convention for a person's age, between commas after a name. */
export function isAgeApposition(b: Bounds, tok: NumberToken): boolean {
  if (!tok.bare || tok.value! < 1 || tok.value! > 120) return false;
  const before = b.text.slice(Math.max(b.floor, tok.start - 3), tok.start);
  if (!ENDS_WITH_COMMA.test(before)) return false;
  const name = wordBefore(b.text, b.text.lastIndexOf(',', tok.start), b.floor);
  return name !== null && CAPITALISED.test(name.text) && CLOSES_APPOSITION.test(b.text.slice(tok.end, Math.min(b.limit, tok.end + 3)));
}

export function isYearLike(tok: NumberToken): boolean {
  return tok.bare && tok.end - tok.start === 4 && tok.value! >= 1900 && tok.value! <= 2099;
}

const AM_PM = /[ \t\u00a0]*(a\.m\.?|p\.m\.?|am|pm)(?![\p{L}])/iuy;
const CLOCK = /[:.](\d{2})(?!\d)/y;
const OCLOCK = /[ \t\u00a0]+o['’]clock\b/y;
const ZONE = /[ \t\u00a0]+([A-Z]{1,4})\b/y;

interface ClockTime {
  end: number;
  /** Hour of the day as a decimal, 0 ≤ h < 24 ("3:30 p.m." = 15.5). */
  hours: number;
  zone: string | null;
}

/** "10 a.m.", "10am", "3:30 p.m.", "22:00", "ten o'clock", "0619 GMT", optionally followed by a zone ("ET"). */
export function readClockTime(b: Bounds, tok: NumberToken): ClockTime | null {
  const { text, limit } = b;
  const military = tok.bare && tok.end - tok.start === 4 ? militaryTime(b, tok) : null;
  if (military !== null) return military;
  const hour = Math.trunc(tok.value ?? -1);
  if (hour < 0 || hour > 24 || tok.ordinal || tok.scale !== 1) return null;
  let end: number;
  let minutes = 0;
  let hasClock = false;
  if (tok.spelled) {
    if (tok.value !== hour) return null;
    end = tok.end;
  } else {
    const hh = matchAt(HOUR_DIGITS, text, tok.start, limit);
    if (hh === null || Number(hh[0]) !== hour) return null;
    end = tok.start + hh[0].length;
    const clock = matchAt(CLOCK, text, end, limit);
    if (clock !== null && Number(clock[1]) < 60) {
      minutes = Number(clock[1]);
      hasClock = text[end] === ':';
      end += clock[0].length;
    }
  }
  const ampm = matchAt(AM_PM, text, end, limit);
  const oclock = ampm === null ? matchAt(OCLOCK, text, end, limit) : null;
  if (ampm === null && oclock === null && !hasClock) return null;
  let hours = tidy(hour + minutes / 60);
  if (ampm !== null) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm[1]!.toLowerCase().startsWith('p');
    hours = tidy((hour % 12) + (pm ? 12 : 0) + minutes / 60);
    end += ampm[0].length;
  } else if (oclock !== null) {
    end += oclock[0].length;
  }
  const zone = matchAt(ZONE, text, end, limit);
  if (zone !== null && TIME_ZONES.has(zone[1]!)) return { end: end + zone[0].length, hours, zone: zone[1]! };
  return { end, hours, zone: null };
}

/** "0619 GMT": four digits are a clock time only with a zone after them. */
function militaryTime(b: Bounds, tok: NumberToken): ClockTime | null {
  const hh = Math.floor(tok.value! / 100);
  const mm = tok.value! % 100;
  const zone = matchAt(ZONE, b.text, tok.end, b.limit);
  if (hh > 23 || mm > 59 || zone === null || !TIME_ZONES.has(zone[1]!)) return null;
  return { end: tok.end + zone[0].length, hours: tidy(hh + mm / 60), zone: zone[1]! };
}

type Qualifier = Quantity['qualifier'];

const QUALIFIER_WORDS: ReadonlyMap<string, Qualifier> = new Map([
  ...['more than', 'over', 'at least', 'upwards of', 'in excess of', 'no fewer than', 'no less than', 'greater than',
    'well over', 'just over', 'above', 'exceeding'].map((w) => [w, 'at_least'] as const),
  ...['up to', 'as many as', 'as much as', 'nearly', 'almost', 'less than', 'fewer than', 'under', 'just under',
    'no more than', 'at most', 'below', 'close to', 'not quite'].map((w) => [w, 'at_most'] as const),
  ...['about', 'roughly', 'around', 'some', 'an estimated', 'approximately', 'estimated', 'approx.', 'approx', 'circa',
    'an approximate', 'approximate', 'ca.', '~'].map((w) => [w, 'approx'] as const),
]);

/** Longest phrases first so that "no more than" wins over "more than". */
const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${[...QUALIFIER_WORDS.keys()].sort((a, c) => c.length - a.length).map(escape).join('|')})[ \\t\\u00a0]*$`, 'iu',
);
const AFTER_WORDS: ReadonlyMap<string, Qualifier> = new Map([
  ...['or more', 'or over', 'or above', 'or higher', 'or greater', 'plus'].map((w) => [w, 'at_least'] as const),
  ...['or so', 'or thereabouts'].map((w) => [w, 'approx'] as const),
  ...['or fewer', 'or less', 'or below', 'or under', 'or lower'].map((w) => [w, 'at_most'] as const),
]);
const QUALIFIER_AFTER = new RegExp(`[ \\t\\u00a0]*(?:,[ \\t\\u00a0]*)?(${[...AFTER_WORDS.keys()].join('|')})\\b`, 'iy');

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Qualifier phrase right before `pos` ("more than 90,000"), with where it starts. */
export function qualifierBefore(b: Bounds, pos: number): { start: number; qualifier: Qualifier } | null {
  const hit = matchBefore(QUALIFIER_BEFORE, b.text, pos, b.floor, 24);
  if (hit === null) return null;
  const phrase = hit.m[1]!;
  return { start: hit.start + hit.m[0].indexOf(phrase), qualifier: QUALIFIER_WORDS.get(phrase.toLowerCase())! };
}

/** Qualifier phrase right after `pos` ("5,000 or more"). */
export function qualifierAfter(b: Bounds, pos: number): { end: number; qualifier: Qualifier } | null {
  const m = matchAt(QUALIFIER_AFTER, b.text, pos, b.limit);
  return m === null ? null : { end: pos + m[0].length, qualifier: AFTER_WORDS.get(m[1]!.toLowerCase())! };
}

/** The word before `pos` when it is "between" (ranges "between 3 and 5"). */
export function betweenBefore(b: Bounds, pos: number): number | null {
  const w = wordBefore(b.text, pos, b.floor);
  return w !== null && w.text.toLowerCase() === 'between' ? w.start : null;
}

/** Ordinal words that are not ordinals here: "per second", "wait a second." */
export function isFalseOrdinal(b: Bounds, tok: NumberToken): boolean {
  const word = b.text.slice(tok.start, tok.end).toLowerCase();
  if (word !== 'second') return false;
  const before = wordBefore(b.text, tok.start, b.floor)?.text.toLowerCase();
  return before === 'per' || before === 'split' || matchAt(SPACE_THEN_WORD, b.text, tok.end, b.limit) === null;
}
