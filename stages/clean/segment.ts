import type { Span } from '../types.js';
import { CodeUnitSet } from './normalize.js';

/**
 * Paragraph and sentence segmentation of cleaned text.
 *
 * Paragraphs are separated by a blank line. Sentences end at . ! ? (optionally followed by
 * closing quotes or brackets) when the next non-space character starts a new sentence
 * (upper-case letter, digit, opening quote); abbreviations such as "U.S.", "Dec.", "Mr." and
 * initials do not end a sentence unless the following word is a usual sentence opener.
 */

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm',
  'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun', 'a.m', 'p.m', 'e.g', 'i.e',
  'u.s', 'u.k', 'u.n', 'e.u', 'approx', 'est', 'fig', 'dept', 'univ', 'ft', 'mt',
]);

/** The longest entry of ABBREVIATIONS. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((abbreviation) => abbreviation.length));

/** Words that, capitalised after an abbreviation, still start a new sentence ("... the U.S. The ..."). */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'but',
  'and', 'in', 'on', 'at', 'as', 'if', 'when', 'while', 'there', 'his', 'her', 'their', 'its', 'our',
]);

const SPACE = new CodeUnitSet(/\s/);
/** What may start the next sentence: a capital, a digit, an opening quote or bracket. */
const SENTENCE_START = new CodeUnitSet(/[\p{Lu}\p{N}"“‘'(\[]/u);
const LETTER_OR_DOT = new CodeUnitSet(/[\p{L}.]/u);

export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    pushTrimmed(text, start, m.index, spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

export function splitSentences(text: string, paragraphs: Span[] = splitParagraphs(text)): Span[] {
  const spans: Span[] = [];
  for (const p of paragraphs) {
    let start = p.start;
    const re = /[.!?]+["'”’)\]]*(?=\s)/g;
    re.lastIndex = p.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && m.index < p.end) {
      const end = m.index + m[0].length;
      if (end >= p.end) break;
      if (isSentenceEnd(text, start, m.index, end)) {
        pushTrimmed(text, start, end, spans);
        start = end;
      }
    }
    pushTrimmed(text, start, p.end, spans);
  }
  return spans;
}

function isSentenceEnd(text: string, sentenceStart: number, punct: number, end: number): boolean {
  let next = end;
  while (next < text.length && SPACE.has(text.charCodeAt(next))) next++;
  if (next === text.length) return true;
  if (!SENTENCE_START.has(text.charCodeAt(next))) return false;
  if (text[punct] !== '.') return true;
  // The token that the period closes, e.g. "U.S" or "Dec" or "J".
  let tokenStart = punct;
  while (tokenStart > sentenceStart && LETTER_OR_DOT.has(text.charCodeAt(tokenStart - 1))) tokenStart--;
  // A word longer than any abbreviation and without an inner dot (most words before a period) is
  // none: no need to lower-case it and try the patterns (splitSentences on the BBC articles: 30 → 26 ms).
  if (punct - tokenStart > LONGEST_ABBREVIATION && text.indexOf('.', tokenStart) === punct) return true;
  const token = text.slice(tokenStart, punct).toLowerCase();
  const isAbbreviation = ABBREVIATIONS.has(token) || /^\p{L}$/u.test(token) || /^(\p{L}\.)+\p{L}$/u.test(token);
  if (!isAbbreviation) return true;
  const nextWord = /^[\p{L}]+/u.exec(text.slice(next, next + 20))?.[0]?.toLowerCase() ?? '';
  return SENTENCE_OPENERS.has(nextWord);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && SPACE.has(text.charCodeAt(start))) start++;
  while (end > start && SPACE.has(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}
