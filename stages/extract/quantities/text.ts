/**
 * Small cursor helpers shared by the quantity rules. All positions are JS string indices; `limit`
 * and `floor` bound the look-ahead and look-behind to the current sentence.
 */

/** A word and where it is. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** Characters of a word read backwards: letters, inner apostrophes and hyphens, initialism periods. */
const WORD_CHAR = /[\p{L}\p{M}.'’-]/u;
const LETTER = /\p{L}/u;
const INITIALISM = /^(?:\p{L}\.)+$/u;
const OPENING_PUNCTUATION = /["“‘'(\[«]/;
/** Starts with a capital letter. */
export const CAPITALISED = /^\p{Lu}/u;

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/** Runs a sticky regex at `pos`; the match must end by `limit`. */
export function matchAt(re: RegExp, text: string, pos: number, limit: number): RegExpExecArray | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m !== null && re.lastIndex <= limit ? m : null;
}

/** The word ending at the last non-space before `pos`, without a trailing period ("Dec." → "Dec"). */
export function wordBefore(text: string, pos: number, floor: number): Token | null {
  let end = pos;
  while (end > floor && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > floor && WORD_CHAR.test(text[start - 1]!)) start--;
  // Initialisms keep their final period ("U.S."); single words lose it ("Dec.").
  if (end > start && text[end - 1] === '.' && !INITIALISM.test(text.slice(start, end))) end--;
  while (start < end && !LETTER.test(text[start]!)) start++;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

/**
 * Matches `re` (which must end with `$`) against the text just before `pos`, looking back at most
 * `span` characters and never before `floor`. Returns the absolute start of the match.
 */
export function matchBefore(re: RegExp, text: string, pos: number, floor: number, span = 40): { start: number; m: RegExpExecArray } | null {
  const from = Math.max(floor, pos - span);
  const m = re.exec(text.slice(from, pos));
  return m === null ? null : { start: from + m.index, m };
}

/** True when only spaces and opening quotes or brackets separate `floor` from `pos` (the word starts its sentence). */
export function startsSentence(text: string, pos: number, floor: number): boolean {
  for (let i = pos - 1; i >= floor; i--) {
    const ch = text[i]!;
    if (!isSpace(text.charCodeAt(i)) && !OPENING_PUNCTUATION.test(ch)) return false;
  }
  return true;
}
