/**
 * The numeral layer: reads one number at a position, written with digits ("175,000", "-9.5",
 * "2 1/4", "$5bn" minus the sign), words ("seventy-five", "half a million", "tens of thousands")
 * or a mix ("1.5 million"). It knows nothing about what the number counts; quantities.ts does.
 */
import {
  DENOMINATORS, ORDINALS, SCALE_SUFFIXES, SCALES, SMALL_NUMBERS, TENS, VAGUE_PLURALS,
} from './lexicon.js';
import { isDigit, isLetter, isSpace, matchAt, matchBefore } from './text.js';

export interface NumberToken {
  start: number;
  end: number;
  /** Null only for vague magnitudes ("tens of thousands"), which carry low/high instead. */
  value: number | null;
  low: number | null;
  high: number | null;
  spelled: boolean;
  ordinal: boolean;
  /** A proportion ("two thirds", "3/4") rather than an amount. */
  fraction: boolean;
  /** Multiplier from a scale word or suffix, 1 when none; lets "3 to 5 million" share the scale. */
  scale: number;
  /** Plain digits with no sign, separator, decimals or scale ("2014", "66", "20036"). */
  bare: boolean;
  /** Digits with a glued lower-case "m" ("€2.3m", "48m"): million after a currency sign, else metres. */
  gluedM: boolean;
}

const VULGAR: ReadonlyMap<string, number> = new Map([
  ['½', 0.5], ['¼', 0.25], ['¾', 0.75], ['⅓', 1 / 3], ['⅔', 2 / 3], ['⅛', 0.125], ['⅜', 0.375], ['⅝', 0.625], ['⅞', 0.875],
]);

/** Denominators accepted in digit fractions: others ("9/11", "24/7") are codes, not fractions. */
const DIGIT_DENOMINATORS = new Set([2, 3, 4, 5, 8, 10, 16]);

const NUMBER_WORDS = [...new Set([
  ...SMALL_NUMBERS.keys(), ...TENS.keys(), ...SCALES.keys(), ...[...SCALES.keys()].map((w) => w + 's'),
  ...ORDINALS.keys(), ...VAGUE_PLURALS.keys(), 'dozen', 'half', 'minus', 'negative',
])].sort((a, b) => b.length - a.length);

/** Where a number may start: a digit, a vulgar fraction or a number word. Scanned once over the text. */
export const NUMBER_START = new RegExp(`[0-9${[...VULGAR.keys()].join('')}]|\\b(?:${NUMBER_WORDS.join('|')})\\b`, 'gi');

/**
 * Digits with optional thousands separators (comma, or the narrow/no-break spaces; Indian
 * grouping "12,34,567" too) and decimals. Plain spaces are not separators ("in 2014 200 people").
 */
const DIGITS = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)(?:\.\d+)?/y;
/**
 * Plain-space grouping ("1 234 567", "40 000"), the SI style: accepted only when every group has
 * three digits and the number does not go on (no decimals glued, no digit after), so that
 * "in 2014 200 people" stays two numbers (the first group of 2014 has four digits).
 */
const SPACE_GROUPED = /\d{1,3}(?: \d{3})+(?![\d.,]\d)(?!\d)/y;
/** Scientific notation glued to digits ("1e10", "1.3e6", "12.32e+14", "-12e-1"). */
const EXPONENT = /[eE]([+-]?\d{1,3})(?![\p{L}\d])/uy;
/** A power written with a caret ("1.1^23", "2.5^-1"). */
const POWER = /\^[+-]?-?(\d{1,3})(?![\d.])/y;
const SIMPLE_FRACTION = /\/(\d{1,2})(?![\d/])/y;
const MIXED_FRACTION = /[ \u00a0]+(\d{1,2})\/(\d{1,2})(?![\d/])/y;
const SCALE_WORD = /[ \t\u00a0]*(hundred|thousand|million|billion|trillion|lakh|crore|dozen|doz|dz)s?\b/iy;
const GLUED_SCALE = /(bn|mn|mln|bln|tn|trn|tln|mil|MM|[kKMbB])(?![\p{L}\d])/uy;
const SPACED_SCALE = /[ \t\u00a0]+(bn|mn|mln|bln|tn|trn|tln)\b/y;
const GLUED_M = /m(?![\p{L}\d])/uy;
const ORDINAL_SUFFIX = /(?:st|nd|rd|th)(?![\p{L}\d])/iuy;
const SEPARATORS = /[,\u00a0\u202f\u2009]/g;
const ALL_DIGITS = /^\d+$/;
const SPACE_BEFORE_DIGIT = /[ \t\u00a0]+(?=\d)/y;
const ARTICLE_A = /\ba\s+$/i;
const ARTICLE_AN = /\ban?\s+$/i;

/** "dozen" and its abbreviations ("3 dzs", "five dozs"). */
const DOZEN_WORDS = new Set(['dozen', 'dozens', 'doz', 'dozs', 'dz', 'dzs']);

/** "millions" → "million": scale words may be plural ("3 dozens", "two hundreds"). */
function singular(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

export function readNumber(text: string, pos: number, floor: number, limit: number): NumberToken | null {
  const ch = text[pos]!;
  const vulgar = VULGAR.get(ch);
  if (vulgar !== undefined) return token(pos, pos + 1, vulgar, { fraction: true });
  const tok = isDigit(text.charCodeAt(pos)) ? readDigits(text, pos, floor, limit) : readWords(text, pos, floor, limit);
  return tok === null ? null : readOver(text, tok, limit) ?? tok;
}

const OVER = /[ \t\u00a0]+(?:over|out[ \t\u00a0]+of)[ \t\u00a0]+(?=[\da-z])/iy;

/** "one over three", "1 out of 3": a fraction written with words between two whole numbers. */
function readOver(text: string, num: NumberToken, limit: number): NumberToken | null {
  if (num.value === null || !Number.isInteger(num.value) || num.ordinal || num.fraction || num.scale !== 1) return null;
  const m = matchAt(OVER, text, num.end, limit);
  if (m === null) return null;
  const at = num.end + m[0].length;
  const den = isDigit(text.charCodeAt(at)) ? readDigits(text, at, at, limit) : readWords(text, at, at, limit);
  if (den === null || den.start !== at || den.value === null || den.value <= 0 || !Number.isInteger(den.value) || den.ordinal || den.fraction) return null;
  // "$10000 over 3 years" is a period, not a fraction: "over" makes one only when nothing is counted after it.
  if (/over/i.test(m[0]) && /^[ \t\u00a0]*\p{L}/u.test(text.slice(den.end, den.end + 3))) return null;
  return token(num.start, den.end, num.value / den.value, { spelled: num.spelled, fraction: true });
}

/** "192.168.1.2", "1.2.3": three or more dotted groups are separate integers (an address or a version). */
const DOTTED_CHAIN = /\d+(?:\.\d+){2,}(?!\d)/y;
/** "2.33 k", "- 10  k", "1,674.5 G", "1,674,200.5 M", "10G": a scale letter after digits, spaced or (G) glued. */
const LEXER_SCALE = /(?:[ \t]{1,2}([kKMG])|(G))(?![\p{L}\d])/uy;
const LEXER_SCALES: ReadonlyMap<string, number> = new Map([['k', 1e3], ['K', 1e3], ['M', 1e6], ['G', 1e9]]);
/** "5,00", "1,3": a comma before one or two digits that end the number is a decimal comma. */
const DECIMAL_COMMA = /,(\d{1,2})(?![\d]|,\d)/y;
const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+$/i;
/** A spaced minus that starts the text or a line ("- 1 4/5", "- 10 k"). */
const LINE_START_MINUS = /(?:^|\n)[ \t]*-[ \t]+$/;

/**
 * Every number in the text, with no judgement about dates, codes or units (the lexer alone).
 * What a numeral recogniser (the Recognizers-Text Number spec) reads differently from the
 * extractor is decided here: digits glued to a unit or word are no number on their own ("180ml",
 * "29km", "1m"); dotted chains are integers ("192.168.1.2"); a spaced scale letter scales ("2.33 k",
 * "1,674.5 G", "10G"); a comma before one or two final digits is a decimal comma ("5,00" is 5; a
 * list "22,24,26" is not); a spaced minus at the start of a line is a sign ("- 1 4/5"); an ordinal
 * after a month name is a day ("May 4th").
 */
export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  const re = new RegExp(NUMBER_START.source, NUMBER_START.flags);
  let m: RegExpExecArray | null;
  let floor = 0;
  while ((m = re.exec(text)) !== null) {
    const pos = m.index;
    const chain = isDigit(text.charCodeAt(pos)) && !isDigit(text.charCodeAt(pos - 1)) ? matchAt(DOTTED_CHAIN, text, pos, text.length) : null;
    if (chain !== null) {
      let p = pos;
      for (const group of chain[0].split('.')) {
        out.push(token(p, p + group.length, Number(group), { bare: true }));
        p += group.length + 1;
      }
      floor = re.lastIndex = pos + chain[0].length;
      continue;
    }
    let tok = readNumber(text, pos, floor, text.length);
    if (tok === null) continue;
    if (!tok.spelled && tok.value !== null) tok = lexerTail(text, tok, floor);
    const next = text[tok.end];
    const glued = !tok.spelled && isLetter(next);
    const monthDay = tok.ordinal && !tok.spelled && matchBefore(MONTH_BEFORE, text, tok.start, floor, 12) !== null;
    if (!glued && !monthDay) out.push(tok);
    let end = tok.end;
    if (glued) while (end < text.length && isLetter(text[end])) end++;
    floor = end;
    re.lastIndex = end;
  }
  return out;
}

/** The lexer's extra readings after digits: decimal comma, spaced scale letter, spaced minus at a line start. */
function lexerTail(text: string, tok: NumberToken, floor: number): NumberToken {
  let t = tok;
  // Not inside a list ("22,24,26": the number before a comma, or one after it).
  const comma = t.bare && text[t.start - 1] !== ',' ? matchAt(DECIMAL_COMMA, text, t.end, text.length) : null;
  if (comma !== null) t = { ...t, end: t.end + comma[0].length, value: Number(`${t.value}.${comma[1]}`), bare: false };
  const scale = t.scale === 1 && !t.ordinal && !t.fraction ? matchAt(LEXER_SCALE, text, t.end, text.length) : null;
  if (scale !== null) {
    const factor = LEXER_SCALES.get((scale[1] ?? scale[2])!)!;
    t = { ...t, end: t.end + scale[0].length, value: tidy(t.value! * factor), scale: factor, bare: false, gluedM: false };
  }
  const minus = t.value! > 0 && text[t.start - 1] !== '-' ? matchBefore(LINE_START_MINUS, text, t.start, floor, 8) : null;
  if (minus !== null) {
    const at = text.lastIndexOf('-', t.start);
    t = { ...t, start: at, value: -t.value!, bare: false };
  }
  return t;
}

/** Drops binary noise from scaling ("16.4 million" is 16400000, not 16399999.999999998). */
export function tidy(value: number): number {
  // Whole numbers below 10^15 are exact already, and the common case: no string round trip. -0 still becomes 0.
  if (Number.isInteger(value) && Math.abs(value) < 1e15 && value !== 0) return value;
  return Number(value.toPrecision(15));
}

function token(start: number, end: number, value: number | null, flags: Partial<NumberToken> = {}): NumberToken {
  return {
    start, end, value, low: null, high: null, spelled: false, ordinal: false, fraction: false,
    scale: 1, bare: false, gluedM: false, ...flags,
  };
}

function readDigits(text: string, pos: number, floor: number, limit: number): NumberToken | null {
  const m = matchAt(DIGITS, text, pos, limit);
  if (m === null) return null;
  let raw = m[0];
  const spaced = raw.length <= 3 ? matchAt(SPACE_GROUPED, text, pos, limit) : null;
  if (spaced !== null) raw = spaced[0].replace(/ /g, '\u00a0');
  let start = pos;
  let end = pos + raw.length;
  // ".08": the scan found the digit after a lone decimal point.
  if (text[pos - 1] === '.' && pos - 1 >= floor && !isDigit(text.charCodeAt(pos - 2)) && !isLetter(text[pos - 2])) {
    start = pos - 1;
    raw = '.' + raw;
  }
  let value = Number(raw.replace(SEPARATORS, ''));
  let sign = 1;
  // A minus sign counts only when it does not join two words or numbers ("COVID-19", "3-5").
  const signAt = start - 1;
  if (signAt >= floor && (text[signAt] === '-' || text[signAt] === '−')
      && (signAt === 0 || isSpace(text.charCodeAt(signAt - 1)) || text[signAt - 1] === '(')) {
    start = signAt;
    sign = -1;
  }
  const power = readPower(text, end, limit);
  if (power !== null) return token(start, power.end, tidy(sign * (power.tenth ? value * 10 ** power.exponent : value ** power.exponent)), {});
  const bare = start === pos && ALL_DIGITS.test(raw);
  const suffix = bare ? matchAt(ORDINAL_SUFFIX, text, end, limit) : null;
  if (suffix !== null) return token(start, end + suffix[0].length, value, { ordinal: true });
  const flags: Partial<NumberToken> = { bare };

  const frac = readDigitFraction(text, end, value, limit);
  if (frac !== null) {
    value = frac.value;
    end = frac.end;
    flags.bare = false;
    flags.fraction = frac.proper;
  }
  const vulgar = VULGAR.get(text[end] ?? '');
  if (vulgar !== undefined) {
    value += vulgar;
    end += 1;
    flags.bare = false;
  }

  const scaled = readDigitScale(text, end, limit);
  if (scaled !== null) {
    return token(start, scaled.end, tidy(sign * value * scaled.scale), { ...flags, bare: false, fraction: false, scale: scaled.scale });
  }
  if (matchAt(GLUED_M, text, end, limit) !== null) flags.gluedM = true;
  return token(start, end, sign * value, flags);
}

/** "e10" / "^23" after digits: the exponent and where it ends. */
function readPower(text: string, end: number, limit: number): { exponent: number; end: number; tenth?: boolean } | null {
  const e = matchAt(EXPONENT, text, end, limit);
  if (e !== null) return { exponent: Number(e[1]), end: end + e[0].length, tenth: true };
  const p = matchAt(POWER, text, end, limit);
  if (p === null) return null;
  const negative = (text.slice(end, end + p[0].length).match(/-/g)?.length ?? 0) % 2 === 1; // "^--23" is ^23
  return { exponent: (negative ? -1 : 1) * Number(p[1]), end: end + p[0].length };
}

/** "3/4" (proper fraction) or "2 1/4" (mixed number) right after an integer. */
function readDigitFraction(text: string, end: number, whole: number, limit: number): { value: number; end: number; proper: boolean } | null {
  if (!Number.isInteger(whole)) return null;
  const simple = matchAt(SIMPLE_FRACTION, text, end, limit);
  if (simple !== null) {
    const den = Number(simple[1]);
    return DIGIT_DENOMINATORS.has(den) && whole < den ? { value: whole / den, end: end + simple[0].length, proper: true } : null;
  }
  const mixed = matchAt(MIXED_FRACTION, text, end, limit);
  if (mixed !== null) {
    const num = Number(mixed[1]);
    const den = Number(mixed[2]);
    if (DIGIT_DENOMINATORS.has(den) && num < den) return { value: whole + num / den, end: end + mixed[0].length, proper: false };
  }
  return null;
}

/** Scale after digits: words ("1.5 million", "3 dozen"), glued suffixes ("5bn", "10k") or "5 bn". */
function readDigitScale(text: string, pos: number, limit: number): { scale: number; end: number } | null {
  let scale = 1;
  let end = pos;
  let m: RegExpExecArray | null;
  // Chained words multiply ("322 hundred thousand"), each larger than the one before.
  while ((m = matchAt(SCALE_WORD, text, end, limit)) !== null) {
    const word = m[1]!.toLowerCase();
    const factor = DOZEN_WORDS.has(word) ? 12 : SCALES.get(word)!;
    if (scale !== 1 && factor <= scale) break;
    scale *= factor;
    end += m[0].length;
  }
  if (scale !== 1) return { scale, end };
  m = matchAt(GLUED_SCALE, text, pos, limit) ?? matchAt(SPACED_SCALE, text, pos, limit);
  if (m === null) return null;
  return { scale: SCALE_SUFFIXES.get(m[1]!)!, end: pos + m[0].length };
}

interface Word {
  start: number;
  end: number;
  lower: string;
  /** Joined to the previous word by a hyphen ("seventy-five"). */
  hyphen: boolean;
}

const FIRST_WORD = /[A-Za-z]+/y;
const NEXT_WORD = /([ \t\u00a0]*-[ \t\u00a0]*|[ \t\u00a0]+)([A-Za-z]+)/y;
/** Words that can continue a spelled number; reading stops at the first other word. */
const GLUE_WORDS = new Set(['and', 'a', 'an', 'of', 'point', 'half', 'quarter', 'dozen', 'dozens', 'doz', 'dozs', 'dz', 'dzs', 'firsts']);

function isNumberish(word: string): boolean {
  return SMALL_NUMBERS.has(word) || TENS.has(word) || SCALES.has(word) || SCALES.has(singular(word))
    || ORDINALS.has(word) || DENOMINATORS.has(word) || VAGUE_PLURALS.has(word) || GLUE_WORDS.has(word);
}

function collectWords(text: string, pos: number, limit: number): Word[] {
  const first = matchAt(FIRST_WORD, text, pos, limit);
  if (first === null) return [];
  const words: Word[] = [{ start: pos, end: pos + first[0].length, lower: first[0].toLowerCase(), hyphen: false }];
  let end = words[0]!.end;
  let m: RegExpExecArray | null;
  while (words.length < 16 && (m = matchAt(NEXT_WORD, text, end, limit)) !== null) {
    const lower = m[2]!.toLowerCase();
    if (!isNumberish(lower)) break;
    const start = end + m[1]!.length;
    end = start + m[2]!.length;
    words.push({ start, end, lower, hyphen: m[1]!.includes('-') });
  }
  return words;
}

/** Left context that turns a bare scale word into a number ("a dozen", "a quarter million", "several hundred"). */
const SCALE_PREFIX = /\b(half an?|an? quarter|quarter|an?|several|a few|a couple(?: of)?)\s+$/i;

function readWords(text: string, pos: number, floor: number, limit: number): NumberToken | null {
  const words = collectWords(text, pos, limit);
  let i = 0;
  let sign = 1;
  if (words[0]?.lower === 'minus' || words[0]?.lower === 'negative') {
    sign = -1;
    i = 1;
  }
  const head = words[i];
  if (sign === -1 && head === undefined) return readSpelledSign(text, words[0]!, floor, limit);
  if (head === undefined) return null;
  const fraction = readSpelledFraction(text, words, i, floor, limit, sign);
  if (fraction !== null) return fraction;
  if (sign === 1 && VAGUE_PLURALS.has(head.lower)) return readVague(words, pos);
  if (head.lower === 'half') return readHalf(text, words, i, floor, sign);
  if (sign === 1 && (head.lower === 'dozen' || SCALES.has(head.lower))) return readBareScale(text, words, pos, floor);
  if (sign === 1 && words.length === 1 && DENOMINATORS.has(head.lower) && head.lower !== 'second') {
    // "a fifth", "a hundredth (of)": an article before a lone denominator makes a fraction; "a fifth term" stays an ordinal.
    const a = matchBefore(ARTICLE_A, text, pos, floor, 4);
    if (a !== null && /^(?:[ \t\u00a0]+of\b|[ \t\u00a0]*(?:[.,;:!?)]|$))/.test(text.slice(head.end, head.end + 4))) {
      return token(a.start, head.end, 1 / DENOMINATORS.get(head.lower)!, { spelled: true, fraction: true });
    }
  }
  const parsed = parseCardinal(words, i, START);
  if (parsed === null) return null;
  return token(pos, parsed.end, sign * parsed.value, {
    spelled: true, ordinal: parsed.ordinal, fraction: parsed.fraction, scale: parsed.scale,
  });
}

/** A word of a spelled fraction, hyphenated parts joined ("twenty-firsts", "ninety - five"). */
interface FractionToken {
  start: number;
  end: number;
  parts: string[];
}

/** Ordinal value of a (possibly plural) ordinal word: "fifths" → 5, "trillionth" → 1e12. */
function ordinalValue(word: string): number | undefined {
  return ORDINALS.get(word) ?? (word.endsWith('s') ? ORDINALS.get(word.slice(0, -1)) : undefined);
}

/** Value of a token as the Recognizers-Text fraction grammar reads it (cardinal or ordinal, parts summed); 0 for "and". */
function compositeValue(t: FractionToken): number {
  let sum = 0;
  for (const p of t.parts) {
    if (p === 'a' || p === 'an') sum += 1;
    else sum += SMALL_NUMBERS.get(p) ?? TENS.get(p) ?? SCALES.get(p) ?? ordinalValue(p) ?? DENOMINATORS.get(p) ?? 0;
  }
  return sum;
}

/** Cardinal value of a run of tokens ("one hundred and three" = 103, "ninety-five hundred" = 9500, "one hundred fifth" = 105). */
function runValue(tokens: FractionToken[]): number {
  let total = 0;
  let group = 0;
  for (const t of tokens) {
    if (t.parts.length === 1 && t.parts[0] === 'and') continue;
    const v = compositeValue(t);
    if (v === 100) group = (group || 1) * 100;
    else if (v >= 1000) {
      total += (group || 1) * v;
      group = 0;
    } else group += v;
  }
  return total + group;
}

/** The last part of a token names a denominator: an ordinal from "third" on (or its plural), "quarter(s)", "half/halves", or "first(s)"/"second(s)" joined to a tens word ("twenty-firsts"). */
function isDenominatorToken(t: FractionToken, previous: FractionToken | undefined): boolean {
  const last = t.parts[t.parts.length - 1]!;
  if (DENOMINATORS.has(last) || (ordinalValue(last) ?? 0) >= 3) return last !== 'half' || t.parts.length > 1;
  if (last !== 'first' && last !== 'firsts' && last !== 'second' && last !== 'seconds') return false;
  const tens = t.parts.length > 1 ? t.parts[t.parts.length - 2]! : previous?.parts.length === 1 ? previous.parts[0]! : '';
  // "twenty-seconds" is a fraction; "twenty seconds" is a duration.
  return TENS.has(tens) && (t.parts.length > 1 || last === 'first' || last === 'firsts');
}

const isPlural = (t: FractionToken) => t.parts[t.parts.length - 1]!.endsWith('s');
const AFTER_SINGULAR_FRACTION = /^(?:[ \t\u00a0]+of\b|[ \t\u00a0]*(?:[.,;:!?)]|$))/;

/**
 * A spelled fraction, read as the Recognizers-Text grammar reads it: the numerator, an optional
 * "and" that makes a mixed number, and a denominator that may itself be compound. "three
 * twenty-firsts" = 3/21, "one hundred thirty fifths" = 100/35, "one hundred and thirty fifths" =
 * 130/5, "twenty and three fifths" = 20.6, "one one hundred fifth" = 1/105, "a hundred
 * trillionths" = 1e-10, "ninety - five hundred fifths" = 1900. The split between numerator and
 * denominator is theirs (BaseNumberParser.FracLikeNumberParse). A singular denominator takes only
 * "one" or "a" ("one third"; "one hundred fifth" is the ordinal 105) and, after "a", must end the
 * phrase ("a fifth of", not "a fifth term"). Null when the words are no such fraction, or when a
 * scale word follows ("three quarters billion" is read by parseCardinal).
 */
function readSpelledFraction(text: string, words: Word[], from: number, floor: number, limit: number, sign: number): NumberToken | null {
  // Cheap exit: a fraction needs a word that can name a denominator.
  let candidate = false;
  for (let j = from; j < words.length && !candidate; j++) {
    const w = words[j]!.lower;
    candidate = DENOMINATORS.has(w) || ORDINALS.has(w) || ORDINALS.has(w.slice(0, -1));
  }
  if (!candidate) return null;
  const tokens: FractionToken[] = [];
  let k = -1;
  for (let j = from; j < words.length; j++) {
    const w = words[j]!;
    const previous = tokens[tokens.length - 1];
    // Hyphens join tens and units ("ninety - five", "twenty-firsts"), not a scale and an ordinal ("hundred-fifths").
    if (w.hyphen && previous !== undefined && TENS.has(previous.parts[previous.parts.length - 1]!)) {
      previous.parts.push(w.lower);
      previous.end = w.end;
    } else {
      tokens.push({ start: w.start, end: w.end, parts: [w.lower] });
    }
    const t = tokens[tokens.length - 1]!;
    const next = words[j + 1];
    if (next !== undefined && next.hyphen) continue; // the token goes on
    if (isDenominatorToken(t, tokens[tokens.length - 2])) {
      k = tokens.length - 1;
      break;
    }
    if (!(SMALL_NUMBERS.has(w.lower) || TENS.has(w.lower) || SCALES.has(w.lower) || w.lower === 'and' || w.lower === 'a' || w.lower === 'an')) return null;
  }
  if (k < 0) return null;
  const denominatorToken = tokens[k]!;
  const after = words.find((w) => w.start >= denominatorToken.end);
  if (after !== undefined && !after.hyphen && SCALES.has(after.lower)) return null;
  // An article right before the first word is a numerator of one ("a twenty-first", "a hundred trillionths").
  let start = tokens[0]!.start;
  if (sign === 1 && (k === 0 || (!SMALL_NUMBERS.has(tokens[0]!.parts[0]!) && !TENS.has(tokens[0]!.parts[0]!)))) {
    const a = matchBefore(ARTICLE_AN, text, start, floor, 4);
    if (a === null) return null;
    tokens.unshift({ start: a.start, end: a.start + 1, parts: ['a'] });
    start = a.start;
    k++;
  } else if (sign === 1 && tokens[0]!.parts.length === 1 && SCALES.has(tokens[0]!.parts[0]!)) {
    return null;
  }
  if (k === 0) return null; // a lone ordinal
  if (tokens.slice(0, k).some((t) => t.parts.length === 1 && (t.parts[0] === 'a' || t.parts[0] === 'an')) && tokens[0]!.parts[0] !== 'a' && tokens[0]!.parts[0] !== 'an'
    && !tokens.slice(0, k).some((t, j) => (t.parts[0] === 'a' || t.parts[0] === 'an') && tokens[j - 1]?.parts[0] === 'and')) return null;

  // Split the words into numerator and denominator (their algorithm, word by word from the end).
  const isAnd = (t: FractionToken) => t.parts.length === 1 && t.parts[0] === 'and';
  const words2 = tokens.slice(0, k + 1);
  let split = k;
  let current = compositeValue(words2[split]!);
  let round = 1;
  for (split = k - 1; split >= 0; split--) {
    if (isAnd(words2[split]!)) continue;
    const previous = current;
    current = compositeValue(words2[split]!);
    if ((previous >= 100 && previous > current) || (previous < 100 && isComposable(current, previous))) {
      if (previous < 100 && current >= round) round = current;
      else if (previous < 100 && current < round) {
        split++;
        break;
      }
      if (split === 0) {
        split = 1;
        while (split <= k - 1) {
          if (compositeValue(words2[split]!) >= 100 && !isAnd(words2[split + 1]!) && compositeValue(words2[split + 1]!) < 100) {
            split++;
            break;
          }
          split++;
        }
        break;
      }
      continue;
    }
    split++;
    break;
  }
  if (split < 0) split = 0;
  if (split === 0) return null; // no numerator
  const denominator = runValue(words2.slice(split));
  const numeratorWords = words2.slice(0, split);
  if (denominator < 2 || numeratorWords.every(isAnd)) return null;
  // A mixed number: the numerator is what follows the last "and" ("twenty and three fifths").
  let mixedAt = numeratorWords.length;
  let numerator = 0;
  for (let j = numeratorWords.length - 2; j >= 0; j--) {
    if (isAnd(numeratorWords[j]!)) {
      numerator = runValue(numeratorWords.slice(j + 1));
      mixedAt = j + 1;
      break;
    }
  }
  const whole = runValue(numeratorWords.slice(0, mixedAt));
  const mixed = mixedAt !== numeratorWords.length && numerator < denominator;
  const topWords = mixedAt !== numeratorWords.length ? numeratorWords.slice(mixedAt) : numeratorWords;
  if (!isPlural(words2[k]!)) {
    // "one third", "a fifth of"; "one hundred fifth" and "a fifth term" are ordinals.
    const top = topWords.filter((t) => !isAnd(t));
    if (top.length !== 1 || !['one', 'a', 'an'].includes(top[0]!.parts[0]!) || top[0]!.parts.length !== 1) return null;
    if (top[0]!.parts[0] !== 'one' && !AFTER_SINGULAR_FRACTION.test(text.slice(words2[k]!.end, Math.min(limit, words2[k]!.end + 4)))) return null;
  }
  const value = mixed ? whole + numerator / denominator : (whole + numerator) / denominator;
  return token(sign === -1 ? words[0]!.start : start, words2[k]!.end, tidy(sign * value), { spelled: true, fraction: !mixed || whole === 0 });
}

/** Recognizers-Text's test for a number word that can stand before another in one compound ("thirty" before "five"). */
function isComposable(big: number, small: number): boolean {
  const base = small > 10 ? 100 : 10;
  return big % base === 0 && big / base >= 1;
}

/** "minus 5": a spelled sign before digits. */
function readSpelledSign(text: string, sign: Word, floor: number, limit: number): NumberToken | null {
  const gap = matchAt(SPACE_BEFORE_DIGIT, text, sign.end, limit);
  if (gap === null) return null;
  const tok = readDigits(text, sign.end + gap[0].length, floor, limit);
  return tok === null || tok.value === null ? null : { ...tok, start: sign.start, value: -tok.value, bare: false };
}

/** "tens of thousands", "hundreds", "dozens": value unknown, bounds by order of magnitude. */
function readVague(words: Word[], start: number): NumberToken {
  const head = words[0]!;
  const base = VAGUE_PLURALS.get(head.lower)!;
  const of = words[1];
  const unit = words[2];
  const unitBase = unit === undefined ? undefined : VAGUE_PLURALS.get(unit.lower);
  if ((head.lower === 'tens' || head.lower === 'hundreds') && of?.lower === 'of' && unitBase !== undefined && unitBase >= 1e3) {
    const low = base * unitBase;
    return token(start, unit!.end, null, { spelled: true, low, high: low * 10 - 1 });
  }
  if (head.lower === 'dozens') return token(start, head.end, null, { spelled: true, low: 24, high: 99 });
  return token(start, head.end, null, { spelled: true, low: base, high: base * 10 - 1 });
}

/** "half a million"; a lone "(a) half" is a fraction. */
function readHalf(text: string, words: Word[], i: number, floor: number, sign: number): NumberToken {
  const half = words[i]!;
  const article = words[i + 1]?.lower;
  const scaleWord = words[i + 2];
  // "half a million", "half a dozen", "half million".
  const scaleAt = article === 'a' || article === 'an' ? scaleWord : words[i + 1];
  const scale = scaleAt === undefined ? undefined : scaleAt.lower === 'dozen' ? 12 : SCALES.get(scaleAt.lower);
  if (scale !== undefined) return token(words[0]!.start, scaleAt!.end, sign * scale / 2, { spelled: true, scale });
  const a = sign === 1 ? matchBefore(ARTICLE_A, text, half.start, floor, 4) : null;
  return token(a?.start ?? words[0]!.start, half.end, sign * 0.5, { spelled: true, fraction: true });
}

/** A scale word with no digits before it: "a hundred", "a dozen", "a quarter million", "several thousand". */
function readBareScale(text: string, words: Word[], pos: number, floor: number): NumberToken | null {
  const head = words[0]!;
  const scale = head.lower === 'dozen' ? 12 : SCALES.get(head.lower)!;
  const prefix = matchBefore(SCALE_PREFIX, text, pos, floor, 20);
  const p = prefix?.m[1]!.toLowerCase();
  const start = prefix?.start ?? pos;
  if (p === 'several' || p === 'a few' || p?.startsWith('a couple')) {
    return token(start, head.end, null, { spelled: true, low: 2 * scale, high: 10 * scale - 1, scale });
  }
  const factor = p === undefined ? 1 : p.startsWith('half') ? 0.5 : p.includes('quarter') ? 0.25 : 1;
  if (head.lower === 'dozen') return p === undefined ? null : token(start, head.end, factor * 12, { spelled: true, scale: 12 });
  // Let the cardinal parser continue: "a hundred thousand", "a million two hundred thousand".
  const init: Init = scale === 100
    ? { total: 0, group: factor * 100, state: 'hundred', lastBig: Infinity, scale, end: head.end }
    : { total: factor * scale, group: 0, state: 'big', lastBig: scale, scale, end: head.end };
  const parsed = parseCardinal(words, 1, init)!;
  return token(start, parsed.end, parsed.value, { spelled: true, scale: parsed.scale });
}

type State = 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'big' | 'and' | 'half';

/** Parser state: `group` is the part below the last scale word, `total` what earlier scale words closed. */
interface Init {
  total: number;
  group: number;
  state: State;
  lastBig: number;
  scale: number;
  /** End of the words already consumed; -1 when nothing is. */
  end: number;
}

const START: Init = { total: 0, group: 0, state: 'start', lastBig: Infinity, scale: 1, end: -1 };

interface Cardinal {
  value: number;
  end: number;
  ordinal: boolean;
  fraction: boolean;
  scale: number;
}

const isCardinal = (s: State): boolean => s === 'unit' || s === 'teen' || s === 'tens' || s === 'half';
/** States after which a new unit, teen or tens word may follow. */
const isOpen = (s: State): boolean => s === 'start' || s === 'hundred' || s === 'big' || s === 'and';

/**
 * Spelled cardinals, ordinals and fractions, the usual way: a group below a thousand is built
 * from units, tens and "hundred"; each larger scale word closes the group into the total.
 * Stops at the first word that cannot continue the number ("one two" is two numbers).
 */
function parseCardinal(words: Word[], from: number, init: Init): Cardinal | null {
  let { total, group, state, lastBig, scale, end } = init;
  // What was read before an "and": "one hundred and three quarters" is 100 + 3/4, not 103/4.
  let andBase = 0;
  for (let i = from; i < words.length; i++) {
    const w = words[i]!;
    const word = w.lower;
    // A hyphen only joins tens and units ("seventy-five", "twenty-first") or a fraction ("one-eighth").
    if (w.hyphen && state !== 'tens' && !(isCardinal(state) && DENOMINATORS.has(word))) break;
    const small = SMALL_NUMBERS.get(word);
    const tens = TENS.get(word);
    const ordinal = ORDINALS.get(word);
    const big = SCALES.get(singular(word));
    if (small !== undefined && small < 10 && (isOpen(state) || state === 'tens')) {
      group += small;
      state = 'unit';
    } else if ((small !== undefined || tens !== undefined) && isOpen(state)) {
      group += small ?? tens!;
      state = small !== undefined ? 'teen' : 'tens';
    } else if (big === 100 && isCardinal(state)) {
      group *= 100;
      scale = Math.max(scale, 100);
      state = 'hundred';
    } else if (big !== undefined && big > 100 && big < lastBig && (isCardinal(state) || state === 'hundred')) {
      total += group * big;
      group = 0;
      lastBig = big;
      scale = Math.max(scale, big);
      state = 'big';
    } else if (DOZEN_WORDS.has(word) && isCardinal(state)) {
      // "three hundred and two dozens" is 300 + 2 × 12: the dozens count what follows the "and".
      return { value: andBase + (total + group - andBase) * 12, end: w.end, ordinal: false, fraction: false, scale: 12 };
    } else if (word === 'crore' && state === 'big' && lastBig === 1e5) {
      // "three lakh crore": a lakh of crores.
      total *= 1e7;
      lastBig = 1e12;
      scale = 1e12;
    } else if (word === 'and' && (state === 'hundred' || state === 'big') && startsCardinal(words[i + 1])) {
      andBase = total + group;
      state = 'and';
      continue; // "and" joins only if a number follows; `end` stays before it
    } else if (word === 'and' && isCardinal(state) && isAndAHalf(words, i)) {
      group += 1 / DENOMINATORS.get(words[i + 2]!.lower)!;
      state = 'half';
      end = words[i + 2]!.end;
      i += 2;
      continue;
    } else if (word === 'point' && state !== 'start' && state !== 'and') {
      const decimals = readSpelledDecimals(words, i + 1);
      if (decimals === null) break;
      return { value: total + group + decimals.value, end: decimals.end, ordinal: false, fraction: false, scale: 1 };
    } else if (DENOMINATORS.has(word) && isCardinal(state) && (ordinal === undefined || total + group === 1)) {
      // "two thirds", "one quarter", "one eighth" (a cardinal then a singular ordinal is a fraction too).
      return fractionFrom(andBase, total + group - andBase, DENOMINATORS.get(word)!, w.end, words[i + 1]);
    } else if (ordinal !== undefined && (isOpen(state) || (state === 'tens' && ordinal < 10))) {
      return { value: total + group + ordinal, end: w.end, ordinal: true, fraction: false, scale: 1 };
    } else {
      break;
    }
    end = w.end;
  }
  if (end < 0) return null;
  return { value: total + group, end, ordinal: false, fraction: false, scale };
}

function startsCardinal(w: Word | undefined): boolean {
  return w !== undefined && (SMALL_NUMBERS.has(w.lower) || TENS.has(w.lower));
}

/** "and a half", "and one quarter" after a cardinal ("two and a half million"). */
function isAndAHalf(words: Word[], i: number): boolean {
  const article = words[i + 1]?.lower;
  const den = words[i + 2]?.lower;
  return (article === 'a' || article === 'one') && (den === 'half' || den === 'quarter');
}

/**
 * A fraction added to `base` (what came before an "and"), possibly scaled: "three quarters
 * billion" = 750,000,000, "one billion and three quarters million" = 1,000,750,000.
 */
function fractionFrom(base: number, numerator: number, denominator: number, end: number, next: Word | undefined): Cardinal {
  const big = next === undefined || next.hyphen ? undefined : SCALES.get(next.lower);
  if (big !== undefined) return { value: tidy(base + numerator / denominator * big), end: next!.end, ordinal: false, fraction: false, scale: big };
  return { value: base + numerator / denominator, end, ordinal: false, fraction: base === 0, scale: 1 };
}

/** Digits after "point": "point zero three" = .03, "point seventy-one" = .71, "point eleven" = .11. */
function readSpelledDecimals(words: Word[], from: number): { value: number; end: number } | null {
  let digits = '';
  let end = -1;
  for (let i = from; i < words.length; i++) {
    const w = words[i]!;
    const value = SMALL_NUMBERS.get(w.lower) ?? TENS.get(w.lower);
    if (value === undefined) break;
    const unit = TENS.has(w.lower) ? SMALL_NUMBERS.get(words[i + 1]?.lower ?? '') : undefined;
    if (unit !== undefined && unit > 0 && unit < 10) {
      digits += String(value + unit);
      end = words[++i]!.end;
    } else {
      digits += String(value);
      end = w.end;
    }
  }
  return digits === '' ? null : { value: Number('0.' + digits), end };
}
