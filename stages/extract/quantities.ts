/**
 * Rule-based quantity extraction: every number in a sentence with what it counts or measures,
 * how it is qualified, and who the sentence says claims it.
 *
 * Conventions (see the Quantity type in ../types.ts):
 * - The span covers the number and what is written as part of it: currency signs and words,
 *   scale words, units, "between" of a range, "years old" of an age. Qualifier words ("more
 *   than", "an estimated") and the counted noun are left out; they are in `qualifier` and
 *   `unit`/`subject`.
 * - `value` is the number in the unit as written (no conversion; cents and pence become 1/100 of
 *   USD/GBP). `low`/`high` are set only for ranges ("3 to 5") and vague magnitudes ("tens of
 *   thousands" = 10,000..99,999, "hundreds" = 100..999, "dozens" = 24..99, "several thousand" =
 *   2,000..9,999), whose `value` is null.
 * - Not quantities, and not emitted: numbers in dates (day numbers, and years inside a date such
 *   as "18 Jan 2022" or "October 2014"), codes ("COVID-19", "MH370", "9/11", "192.168.1.2"), phone
 *   numbers, postal codes ("DC 20036"), street numbers, labels ("Route 66", "Article 5", "iPhone
 *   13", "No. 1"), spelled numbers capitalised inside a sentence ("Group of Seven"), bare
 *   fractions ("two thirds", "half"), and "one" used as a pronoun ("one of the largest").
 * - Ages: "Mr Blunkett, 57," and "age 87", "aged 10 to 13" (the age word in the span) are
 *   durations in years. "percent of 10" is 10 percent (span from "percent"). An amount of the
 *   minor unit after money adds hundredths: "3 dollars 50 cents", "thirteen dollars and forty-five
 *   cents" (13.45 USD). A unit may be bracketed ("20 (kg)"); "deg." keeps its period; a spaced
 *   minus before a temperature is its sign ("- 20 degrees fahrenheit"). "16-bit" measures bits.
 * - Spelled fractions follow the Recognizers-Text grammar (numbers.ts): "two-thirds", "a sixth"
 *   are fractions (not emitted), "one hundred and three quarters" is 100.75.
 * - time: `value` is the hour of the day (15.5 for 3:30 p.m.), `unit` the zone as written or null.
 *   year: `value` is the year; "the 1990s" is a range 1990..1999. ordinal: `value` is the rank.
 * - Only text inside `sentences` is read; pass splitSentences(text) (sorted, non-overlapping).
 */
import type { Quantity, Span } from '../types.js';
import { cueSearch, findSources, pickSource, type Source } from './quantities/attribution.js';
import {
  betweenBefore, isAgeApposition, isFalseOrdinal, isYearLike, nonQuantityEnd, qualifierAfter, qualifierBefore, readClockTime, type Bounds,
} from './quantities/context.js';
import { readCountedNoun, type CountedNoun } from './quantities/nouns.js';
import { NUMBER_START, readNumber, tidy, type NumberToken } from './quantities/numbers.js';
import { isLetter, matchAt, matchBefore, wordBefore } from './quantities/text.js';
import { currencyBefore, readUnit } from './quantities/units.js';

export { findNumbers } from './quantities/numbers.js';
export { findUnitMentions } from './quantities/units.js';

const DECADE_S = /s(?![\p{L}\d])/uy;
const OF = /[ \t\u00a0]+of(?=[ \t\u00a0])/y;
const OF_OR_ANOTHER = /[ \t\u00a0]+(?:of|another)\b/iy;
const TRAILING_HYPHEN = /-$/;
const ALNUM_RUN = /[\p{L}\d]*/uy;
const TEMPERATURES = new Set(['°C', '°F', '°']);
const SPACED_MINUS = /(?:^|[ \t\u00a0(])-[ \t\u00a0]+$/;

type Kind = Quantity['kind'];
type Draft = Omit<Quantity, 'text' | 'attributed_to' | 'sentence_start' | 'sentence_end'>;

/** A number with the unit written with it, before counted nouns and qualifiers are looked at. */
interface Amount {
  start: number;
  end: number;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Set when a unit or currency says what is measured: money, percent, measure or duration. */
  kind: Kind | null;
  unit: string | null;
  tok: NumberToken;
  /** The second number of a range. */
  rangeEnd: NumberToken | null;
}

export function extractQuantities(text: string, sentences: Span[]): Quantity[] {
  const out: Quantity[] = [];
  const scan = new RegExp(NUMBER_START.source, NUMBER_START.flags);
  let si = 0;
  let floor = 0;
  let sources: Source[] | null = null;
  const nextCue = cueSearch(text);
  let m: RegExpExecArray | null;
  while ((m = scan.exec(text)) !== null) {
    const pos = m.index;
    while (si < sentences.length && sentences[si]!.end <= pos) {
      si++;
      sources = null;
    }
    const sentence = sentences[si];
    if (sentence === undefined) break;
    if (pos < sentence.start) {
      scan.lastIndex = sentence.start;
      continue;
    }
    const bounds: Bounds = { text, floor: Math.max(floor, sentence.start), sentenceStart: sentence.start, limit: sentence.end };
    const { draft, next } = readQuantity(bounds, pos);
    if (draft !== null) {
      // Sources are looked for once per sentence, and only in sentences that have a quantity.
      sources ??= findSources(text, sentence, nextCue);
      out.push(quantity(draft, text, pickSource(sources, draft.start), sentence));
    }
    floor = Math.max(floor, next);
    scan.lastIndex = Math.max(next, pos + m[0].length);
  }
  return out;
}

/**
 * Fields are copied one by one on purpose: `{ ...draft, text, ... }` gave BBC's quantities eleven
 * hidden classes (drafts are built in several ways), so every later read of a quantity field
 * (claims, annotate, staged rows) was a megamorphic look-up. One literal is one class; with it
 * extractQuantities alone ran 1.16× faster on BBC (median of 9 interleaved rounds).
 */
function quantity(draft: Draft, text: string, attributedTo: string | null, sentence: Span): Quantity {
  const { start, end, value, low, high, unit, subject, kind, qualifier } = draft;
  return {
    start, end, value, low, high, unit, subject, kind, qualifier,
    text: text.slice(start, end), attributed_to: attributedTo, sentence_start: sentence.start, sentence_end: sentence.end,
  };
}

/** The quantity starting at `pos` (or null), and where scanning resumes. */
function readQuantity(b: Bounds, pos: number): { draft: Draft | null; next: number } {
  const tok = readNumber(b.text, pos, b.floor, b.limit);
  if (tok === null) return { draft: null, next: pos };
  const skipTo = nonQuantityEnd(b, tok);
  if (skipTo >= 0) return { draft: null, next: skipTo };

  const time = readClockTime(b, tok);
  if (time !== null) {
    const draft = make(tok.start, time.end, 'time', time.hours, time.zone, qualifierBefore(b, tok.start)?.qualifier ?? 'exact');
    return { draft, next: time.end };
  }
  if (tok.ordinal) {
    return { draft: isFalseOrdinal(b, tok) ? null : make(tok.start, tok.end, 'ordinal', tok.value, null, 'exact'), next: tok.end };
  }
  const decade = readDecade(b, tok);
  if (decade !== null) return { draft: decade, next: decade.end };
  if (isAgeApposition(b, tok)) return { draft: make(tok.start, tok.end, 'duration', tok.value, 'years', 'exact'), next: tok.end };

  const percentOf = readPercentOf(b, tok);
  if (percentOf !== null) return { draft: percentOf, next: percentOf.end };

  const amount = readAmount(b, tok);
  if (amount === null) return { draft: null, next: gluedCodeEnd(b, tok.end) };
  const range = readRange(b, amount);
  if (typeof range === 'number') return { draft: null, next: range };
  const draft = classify(b, range ?? withMinorUnits(b, amount));
  return { draft, next: draft?.end ?? (range ?? amount).end };
}

/** Cheap test: `word` (lower-case) then one space end right before `pos`. */
function endsWithWord(text: string, pos: number, word: string): boolean {
  const at = pos - 1 - word.length;
  if (at < 0 || text.charCodeAt(pos - 1) !== 32) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(at + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

const PERCENT_OF = /(?:^|[^\p{L}\d])(percents?|per[ \t\u00a0]+cent|pct)[ \t\u00a0]+of[ \t\u00a0]+$/iu;
const CLAUSE_END = /[ \t\u00a0]*(?:[.,;:!?)]|$)/y;

/** "percent of 10", "per cent of twenty-two": the percentage named before its number (and nothing counted after it). */
function readPercentOf(b: Bounds, tok: NumberToken): Draft | null {
  if (tok.value === null || tok.ordinal || tok.fraction || tok.scale !== 1) return null;
  if (!endsWithWord(b.text, tok.start, 'of')) return null;
  const hit = matchBefore(PERCENT_OF, b.text, tok.start, b.floor, 20);
  if (hit === null || matchAt(CLAUSE_END, b.text, tok.end, b.limit) === null) return null;
  const start = hit.start + hit.m[0].indexOf(hit.m[1]!);
  return make(start, tok.end, 'percent', tok.value, 'percent', 'exact');
}

const AGE_WORD = /(?:^|[^\p{L}])(age|aged)[ \t\u00a0]+$/iu;

/** "a man of age 87", "aged 57", "aged 10 to 13": where the age word before a plain number starts, or -1. */
function ageWordBefore(b: Bounds, a: Amount): number {
  const top = a.high ?? a.value;
  if (a.kind !== null || a.tok.spelled || !a.tok.bare || top === null || !Number.isInteger(top) || top < 1 || top > 130) return -1;
  if (!endsWithWord(b.text, a.start, 'age') && !endsWithWord(b.text, a.start, 'aged')) return -1;
  const hit = matchBefore(AGE_WORD, b.text, a.start, b.floor, 8);
  return hit === null ? -1 : hit.start + hit.m[0].indexOf(hit.m[1]!);
}

const MINOR_UNIT = /[ \t\u00a0]*(?:,[ \t\u00a0]*)?(?:and[ \t\u00a0]+)?/y;
const MINOR_WORD = /[ \t\u00a0]*(cents?|pence|p)\b/iy;
const AFTER_MINOR = /[ \t\u00a0]*(?:[.,;:!?)]|$|(?:and|or)\b)/iy;
const HAS_MINOR_UNIT = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'EUR', 'GBP', 'CHF', 'MXN', 'INR', 'RUB', 'UAH', 'CNY']);

/**
 * "3 dollars 50 cents", "thirteen dollars and forty-five cents", "thirteen dollars forty five",
 * "C$ 100 and fifty": an amount of the minor unit (under 100) after a whole amount of money adds
 * its hundredths. Without "cents" the minor amount must end the clause ("$5 and 10 others" is not
 * $5.10).
 */
function withMinorUnits(b: Bounds, a: Amount): Amount {
  if (a.kind !== 'money' || a.unit === null || !HAS_MINOR_UNIT.has(a.unit) || a.value === null || !Number.isInteger(a.value) || a.tok.scale !== 1) return a;
  if (a.end === a.tok.end && a.start === a.tok.start) return a; // the currency must be written
  const gap = matchAt(MINOR_UNIT, b.text, a.end, b.limit)!;
  const at = a.end + gap[0].length;
  if (at === a.end) return a;
  const minor = readNumber(b.text, at, at, b.limit);
  if (minor === null || minor.start !== at || minor.value === null || !Number.isInteger(minor.value) || minor.value < 1 || minor.value > 99
    || minor.ordinal || minor.fraction || minor.scale !== 1) return a;
  const word = matchAt(MINOR_WORD, b.text, minor.end, b.limit);
  if (word !== null) return { ...a, end: minor.end + word[0].length, value: tidy(a.value + minor.value / 100) };
  // No minor-unit word: only after a currency word or a sign with "and", and where the clause ends.
  if (matchAt(AFTER_MINOR, b.text, minor.end, b.limit) === null) return a;
  if (!gap[0].includes('and') && a.tok.end === a.end) return a; // "$5 10" is two numbers
  return { ...a, end: minor.end, value: tidy(a.value + minor.value / 100) };
}

function make(start: number, end: number, kind: Kind, value: number | null, unit: string | null, qualifier: Quantity['qualifier']): Draft {
  return { start, end, value, low: null, high: null, unit, subject: null, kind, qualifier };
}

/** "the 1990s": a year range over the decade. */
function readDecade(b: Bounds, tok: NumberToken): Draft | null {
  if (!isYearLike(tok) || tok.value! % 10 !== 0 || matchAt(DECADE_S, b.text, tok.end, b.limit) === null) return null;
  return { ...make(tok.start, tok.end + 1, 'year', null, null, 'range'), low: tok.value, high: tok.value! + 9 };
}

/** Currency before, unit after, or "of <unit>" after a vague magnitude ("millions of dollars"). Null for codes ("5G"). */
function readAmount(b: Bounds, tok: NumberToken): Amount | null {
  const { text, limit } = b;
  const currency = currencyBefore(text, tok.start, b.floor);
  const amount: Amount = {
    start: currency?.start ?? tok.start, end: tok.end, value: tok.value, low: tok.low, high: tok.high,
    kind: null, unit: null, tok, rangeEnd: null,
  };
  if (tok.gluedM) {
    // "€2.3m", "3.35m euros" and "1.7m people" are millions; "48m" and "the 1500m race" are metres.
    const millions = currency !== null || readUnit(text, tok.end + 1, limit, true)?.kind === 'money'
      || readCountedNoun(text, tok.end + 1, limit, { singular: false, vague: false }) !== null;
    if (!millions) return { ...amount, end: tok.end + 1, kind: 'measure', unit: 'm' };
    amount.value = tidy(tok.value! * 1e6);
    amount.end = tok.end + 1;
  }
  const moneyContext = currency !== null || tok.scale >= 1e6 || tok.gluedM;
  let unit = readUnit(text, amount.end, limit, moneyContext);
  if (unit === null && tok.value === null) {
    const of = matchAt(OF, text, amount.end, limit);
    if (of !== null) unit = readUnit(text, amount.end + of[0].length, limit, true);
  }
  // "16-bit", "2048-bit"; "a two-bit player", "one bit of news" and "millions of bits" are no measures.
  if (unit?.unit === 'bit' && (tok.spelled || tok.value === null)) unit = null;
  if (currency !== null) {
    // A currency word after the sign only extends the span ("$10 dollars"), unless it is more precise.
    const iso = unit?.kind === 'money' && unit.unit !== null && currency.iso === 'USD' ? unit.unit : currency.iso;
    return { ...amount, end: unit?.kind === 'money' ? unit.end : amount.end, kind: 'money', unit: iso };
  }
  if (unit !== null) {
    let value = amount.value === null ? null : tidy(amount.value * unit.factor);
    // "- 20 degrees fahrenheit": a spaced minus before a temperature is its sign.
    const minus = value !== null && value > 0 && TEMPERATURES.has(unit.unit ?? '') ? matchBefore(SPACED_MINUS, text, amount.start, b.floor, 4) : null;
    if (minus !== null) {
      value = -value!;
      amount.start = minus.start + minus.m[0].indexOf('-');
    }
    return { ...amount, end: unit.end, value, kind: unit.kind, unit: unit.unit };
  }
  // Letters glued to digits that are no unit or scale make a code: "5G", "13F", "3D".
  if (!tok.spelled && isLetter(text[amount.end])) return null;
  return amount;
}

const RANGE_CONNECTOR = /[ \t\u00a0]*([-–—])[ \t\u00a0]*|[ \t\u00a0]+(to|through|and|or)[ \t\u00a0]+/y;
const RANGE_SIGN = /(?:US|C|A|HK|NZ)?\$|€|£|¥|₹/y;

/**
 * "3 to 5", "3-5", "between 3 and 5", "two or three", "$3-5bn", "5 to 10 percent", "2014-16".
 * The two ends must agree in unit; a shared scale or unit is written once ("3 to 5 million").
 * A hyphen between a larger and a smaller number is a score or code ("3-1"): the number returned
 * is where that ends, so that neither number is read.
 */
function readRange(b: Bounds, first: Amount): Amount | number | null {
  const { text, limit } = b;
  if (first.value === null || first.tok.fraction) return null;
  const c = matchAt(RANGE_CONNECTOR, text, first.end, limit);
  if (c === null) return null;
  const between = c[2] === 'and' ? betweenBefore(b, first.start) : null;
  if (c[2] === 'and' && between === null) return null;
  if (c[2] === 'to' && afterChangeVerb(b, first.start)) return null;
  let p = first.end + c[0].length;
  const sign = first.kind === 'money' ? matchAt(RANGE_SIGN, text, p, limit) : null;
  const numberAt = p + (sign?.[0].length ?? 0);
  const tok2 = readNumber(text, numberAt, p, limit);
  if (tok2 === null || tok2.start !== numberAt || tok2.value === null || tok2.ordinal || tok2.fraction) return null;
  const second = readAmount({ ...b, floor: p }, tok2);
  if (second === null || second.value === null) return null;
  if (first.kind !== null && second.kind !== null && (first.kind !== second.kind || first.unit !== second.unit)) return null;

  // "two or three million" shares a scale; "10 bln or 10 tln" are two amounts.
  if (c[2] === 'or' && first.tok.scale !== 1 && first.tok.scale !== tok2.scale) return null;
  let low = first.value;
  let high = second.value;
  if (first.tok.scale === 1 && tok2.scale > 1 && low * tok2.scale <= high) low *= tok2.scale;
  const dash = c[1] !== undefined;
  if (dash && isYearLike(first.tok) && tok2.bare && tok2.end - tok2.start === 2) high += Math.floor(low / 100) * 100;
  if (!(high > low)) return dash && first.tok.bare && tok2.bare && !c[0].includes(' ') ? gluedCodeEnd(b, tok2.end) : null;
  p = second.end;
  return {
    start: between ?? first.start, end: p, value: null, low, high,
    kind: first.kind ?? second.kind, unit: first.unit ?? second.unit, tok: first.tok, rangeEnd: tok2,
  };
}

/** Verbs after which "X to Y" is a change, not a range ("fell 32 cents to $49.74", "rose from 5% to 7%"). */
const CHANGE_VERBS = new Set([
  'rose', 'rise', 'rises', 'risen', 'fell', 'fall', 'falls', 'fallen', 'increased', 'increase', 'increases',
  'decreased', 'decrease', 'decreases', 'grew', 'grow', 'grows', 'grown', 'dropped', 'drop', 'drops', 'climbed',
  'climb', 'climbs', 'jumped', 'jump', 'jumps', 'slipped', 'slip', 'slips', 'gained', 'gain', 'gains', 'lost',
  'cut', 'cuts', 'raised', 'raise', 'raises', 'lowered', 'lower', 'surged', 'soared', 'plunged', 'slumped',
  'declined', 'decline', 'declines', 'up', 'down', 'widened', 'narrowed', 'doubled', 'tripled', 'halved',
]);

function afterChangeVerb(b: Bounds, start: number): boolean {
  let prev = wordBefore(b.text, start, b.floor);
  if (prev !== null && prev.text.toLowerCase() === 'from') prev = wordBefore(b.text, prev.start, b.floor);
  return prev !== null && CHANGE_VERBS.has(prev.text.toLowerCase());
}

/** Determiners that make "one" a pronoun ("the one", "no one", "each one"). */
const PRONOUN_ONE_AFTER = new Set(['the', 'this', 'that', 'which', 'no', 'each', 'every', 'any', 'another', 'last', 'next', 'such']);
/** Words before a year ("in 2014", "since 1991", "the 2022 budget"). */
const YEAR_CONTEXT = new Set(['in', 'since', 'by', 'until', 'till', 'from', 'of', 'the', 'before', 'after', 'during', 'through', 'circa', 'early', 'late', 'mid', 'fiscal', 'its', 'their', 'his', 'her']);

/** Kind, counted noun and qualifier of an amount. Null when it should not be emitted. */
function classify(b: Bounds, a: Amount): Draft | null {
  const ageStart = ageWordBefore(b, a);
  if (ageStart >= 0) a = { ...a, start: ageStart, kind: 'duration', unit: 'years' };
  const isRange = a.rangeEnd !== null;
  const vague = a.value === null && !isRange;
  const before = qualifierBefore(b, a.start)?.qualifier;
  const qualifier = isRange ? 'range' : before ?? (vague ? 'approx' : 'exact');
  const draft: Draft = { ...make(a.start, a.end, a.kind ?? 'count', a.value, a.unit, qualifier), low: a.low, high: a.high };
  if (a.kind !== null) return withTrailingQualifier(b, draft, a.end);
  if (a.tok.fraction) return null;

  const singular = a.value === 1 && !isRange;
  if (singular && a.tok.spelled && isPronounOne(b, a)) return null;
  // "5,000 or more troops": the noun may follow a trailing qualifier.
  const nounFrom = qualifierAfter(b, a.end)?.end ?? a.end;
  const noun = readCountedNoun(b.text, nounFrom, b.limit, { singular, vague: vague || a.tok.scale > 1 });
  if (isYear(b, a, noun, before)) return { ...draft, kind: 'year' };
  if (noun !== null) return withTrailingQualifier(b, { ...draft, unit: noun.unit, subject: noun.subject }, a.end, noun.end);
  // A spelled "one" that counts nothing is a pronoun or an idiom ("one day", "at one point").
  if (singular && a.tok.spelled) return null;
  return withTrailingQualifier(b, draft, a.end);
}

/** "one of the largest", "the one", "one another": "one" without a number meaning. */
function isPronounOne(b: Bounds, a: Amount): boolean {
  const prev = wordBefore(b.text, a.start, b.floor)?.text.toLowerCase();
  if (prev !== undefined && PRONOUN_ONE_AFTER.has(prev)) return true;
  return matchAt(OF_OR_ANOTHER, b.text, a.end, b.limit) !== null;
}

/**
 * A four-digit number from 1900 to 2099 is a year unless it counts something: a lower-case
 * plural right after it with no "in"/"since"/"the" before ("2000 troops"), or a bound ("more
 * than 2000").
 */
function isYear(b: Bounds, a: Amount, noun: CountedNoun | null, qualifier: Quantity['qualifier'] | undefined): boolean {
  if (!isYearLike(a.tok) || (a.rangeEnd !== null && a.high! > 2099)) return false;
  if (qualifier === 'at_least' || qualifier === 'at_most') return false;
  if (noun === null || noun.subject !== noun.unit) return true;
  const prev = wordBefore(b.text, a.start, b.floor)?.text.toLowerCase().replace(TRAILING_HYPHEN, '');
  return prev !== undefined && YEAR_CONTEXT.has(prev);
}

/** "5,000 or more", "troops or so": a qualifier after the number or after its noun. */
function withTrailingQualifier(b: Bounds, draft: Draft, ...ends: number[]): Draft {
  if (draft.qualifier !== 'exact') return draft;
  for (const end of ends) {
    const after = qualifierAfter(b, end);
    if (after !== null) return { ...draft, qualifier: after.qualifier };
  }
  return draft;
}

/** Skips the rest of a code glued to a number ("5G", "3-1") so that no part of it is read again. */
function gluedCodeEnd(b: Bounds, pos: number): number {
  const m = matchAt(ALNUM_RUN, b.text, pos, b.limit);
  return pos + (m?.[0].length ?? 0);
}
