import type { LinkedMention, Quote, Span } from '../types.js';

/**
 * Direct quotations and their speakers.
 *
 * - A quotation opens with “ " ‘ or ' after a space, bracket or line start and closes before a
 *   space or punctuation, inside one paragraph: a double mark with ” or ", a single mark with any
 *   closing mark (scraped text mixes them: 'of course, ... state," is one quotation). An
 *   apostrophe inside a word ("Russia's") neither opens nor closes one.
 * - The speaker is looked for in the quotation's sentence: after it ("…," the official said /
 *   said Peskov / Biden has said) or before it (Kremlin spokesman Dmitry Peskov told reporters on
 *   December 6 that '…'). The speaker is the person or organisation mention next to the
 *   reporting verb, linked to its entity id; without one, a noun phrase such as "the official".
 * - Quotations of fewer than four words with no reporting verb are scare quotes ("severe
 *   consequences", 'red line') and are not emitted.
 */

const OPENING = new Set(['“', '"', '‘', "'"]);
const CLOSING = new Set(['”', '"', '’', "'"]);
const DOUBLE = new Set(['“', '”', '"']);
/**
 * An opening mark after a space, bracket, dash or the text start, before a non-space. Searched
 * as one regex rather than by testing every character, which was a third of the quotes' time.
 */
const OPENING_AT = new RegExp(`(?<![^\\s([{—–-])[${[...OPENING].join('')}](?=\\S)`, 'g');
/** The marks that may close a quotation, and the paragraph break that ends the search. */
const CLOSING_MARK_OR_BREAK = new RegExp(`\\n\\n|[${[...CLOSING].join('')}]`, 'g');
const MAX_QUOTE = 1500;
const MIN_WORDS_UNATTRIBUTED = 4;
const VERBS = 'said|says|say|told|tells|added|adds|stated|states|warned|warns|wrote|writes|explained|noted|notes|argued|argues|insisted|asked|claimed|claims|declared|announced|reported|reports|stressed|continued|replied|according to';
/** After the closing mark: `," said Peskov` / `," the official said` / `," Biden has said`. */
const AFTER = new RegExp(`^[,.]?[ \\t\\u00a0]*(?:(${VERBS})[ \\t\\u00a0]+(.{1,80}?)(?=[,.;:!?]|$)|(.{1,80}?)[ \\t\\u00a0]+(?:has[ \\t\\u00a0]+|had[ \\t\\u00a0]+)?(${VERBS})\\b)`, 'i');
/** Before the opening mark, in the same sentence: the last reporting verb. */
const VERB_BEFORE = new RegExp(`\\b(${VERBS})\\b`, 'gi');
const ROLE_PHRASE = /\b((?:the|a|an|one)[ \t\u00a0]+(?:[\p{L}.'-]+[ \t\u00a0]+){0,4}?(?:official|officials|spokesman|spokeswoman|spokesperson|minister|source|sources|aide|analyst|expert|diplomat|statement|report))\b/giu;
const WORD = /[\p{L}\d]+/gu;
const SPEAKER_TYPES = new Set(['PER', 'ORG']);

export function extractQuotes(text: string, sentences: Span[], mentions: LinkedMention[]): Quote[] {
  const quotes: Quote[] = [];
  // Mentions inside an emitted quotation speak in it, not about it: they are no speakers of later ones.
  let speakers = mentions;
  let i = 0;
  while (i < text.length) {
    const open = nextOpening(text, i);
    if (open < 0) break;
    const close = findClosing(text, open + 1, DOUBLE.has(text[open]!));
    if (close < 0) {
      i = open + 1;
      continue;
    }
    const quote = attribute(text, open, close, sentences, speakers);
    if (quote !== null) {
      quotes.push(quote);
      speakers = speakers.filter((m) => !(m.start >= quote.start && m.end <= quote.end));
    }
    i = close + 1;
  }
  return quotes;
}

function nextOpening(text: string, from: number): number {
  OPENING_AT.lastIndex = from;
  return OPENING_AT.test(text) ? OPENING_AT.lastIndex - 1 : -1;
}

/** A double mark is closed by a double mark; a single one by either (scraped text mixes them). */
function findClosing(text: string, from: number, double: boolean): number {
  const limit = Math.min(text.length, from + MAX_QUOTE);
  CLOSING_MARK_OR_BREAK.lastIndex = from + 1;
  let found: RegExpExecArray | null;
  while ((found = CLOSING_MARK_OR_BREAK.exec(text)) !== null && found.index < limit) {
    const i = found.index;
    const ch = found[0];
    if (ch === '\n\n') return -1;
    if (double && !DOUBLE.has(ch)) continue;
    const before = text[i - 1]!;
    const after = text[i + 1];
    if (/\s/.test(before)) continue;
    if (after === undefined || /[\s.,;:!?)\]—–-]/.test(after)) {
      return i;
    }
  }
  return -1;
}

function attribute(text: string, open: number, close: number, sentences: Span[], mentions: LinkedMention[]): Quote | null {
  const start = open + 1;
  const end = close;
  const words = countWords(text, start, end, MIN_WORDS_UNATTRIBUTED);
  if (words === 0) return null;
  const sentence = sentenceAround(sentences, open, close) ?? { start: open, end: close + 1 };
  // The speaker after the quotation (up to the end of its sentence or the next 120 characters).
  const afterText = text.slice(close + 1, Math.max(close + 1, Math.min(sentence.end + 120, text.length)));
  const after = AFTER.exec(afterText);
  let verb: string | null = null;
  let speaker: { text: string; mention: LinkedMention | null } | null = null;
  if (after !== null) {
    verb = (after[1] ?? after[4] ?? '').toLowerCase();
    const phrase = after[2] ?? after[3] ?? '';
    const at = close + 1 + after.index + after[0].indexOf(phrase);
    speaker = speakerIn(text, at, at + phrase.length, mentions);
    if (speaker === null && OPENING.has(phrase.trim()[0] ?? '')) verb = null;
  }
  if (speaker === null) {
    // The speaker before the quotation: the last reporting verb between the sentence start and the quote.
    const last = lastMatch(VERB_BEFORE, text.slice(sentence.start, open));
    if (last !== null) {
      const verbAt = sentence.start + last.index;
      // "writes The Wall Street Journal", "according to X": the name right after the verb.
      const inverted = speakerIn(text, verbAt + last[0].length, Math.min(open, verbAt + last[0].length + 6 + 60), mentions);
      const found = (inverted?.mention && inverted.mention.start - (verbAt + last[0].length) <= 6 ? inverted : null)
        ?? speakerIn(text, sentence.start, verbAt, mentions, true)
        ?? (last[1]!.toLowerCase() === 'according to' ? inverted : null);
      if (found !== null) {
        speaker = found;
        verb = last[1]!.toLowerCase();
      }
    }
  }
  if (speaker === null && words < MIN_WORDS_UNATTRIBUTED) return null;
  if (speaker === null) verb = null;
  return {
    text: text.slice(start, end),
    start,
    end,
    speaker: speaker?.text ?? null,
    speaker_canonical: speaker?.mention?.canonical ?? null,
    speaker_entity_id: speaker?.mention?.entity_id ?? null,
    verb,
    sentence_start: sentence.start,
    sentence_end: Math.max(sentence.end, close + 1),
  };
}

/** A person or organisation mention in [from, to) (the last one when `last`), else a role phrase ("the official"). */
function speakerIn(text: string, from: number, to: number, mentions: LinkedMention[], last = false): { text: string; mention: LinkedMention | null } | null {
  const inside = mentions.filter((m) => m.start >= from && m.end <= to && SPEAKER_TYPES.has(m.type));
  const mention = last ? inside.at(-1) : inside[0];
  const window = text.slice(from, to);
  const role = last ? lastMatch(ROLE_PHRASE, window) : firstMatch(ROLE_PHRASE, window);
  const roleEnd = role === null ? -1 : from + role.index + role[0].length;
  // The candidate nearest the verb wins: "Should 'Putin move in' ..., the official added".
  if (mention !== undefined && (role === null || (last ? mention.end >= roleEnd : mention.start <= from + role.index))) return { text: mention.text, mention };
  return role === null ? null : { text: role[1]!, mention: null };
}

/** Words in [start, end), counted up to `cap`: only "none" and "fewer than four" matter, and a quotation may be long. */
function countWords(text: string, start: number, end: number, cap: number): number {
  WORD.lastIndex = start;
  let count = 0;
  let m: RegExpExecArray | null;
  while (count < cap && (m = WORD.exec(text)) !== null && m.index < end) count++;
  return count;
}

/** First match of a global regex in `text`. */
function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/** Last match of a global regex in `text`. */
function lastMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) last = m;
  return last;
}

function sentenceAround(sentences: Span[], open: number, close: number): Span | null {
  const first = sentences.find((s) => s.start <= open && open < s.end);
  if (first === undefined) return null;
  const lastS = sentences.find((s) => s.start <= close && close < s.end);
  return { start: first.start, end: lastS?.end ?? first.end };
}
