/** Unicode spaces that scrapes carry (no-break, thin, ideographic...) become plain spaces. */
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v\r]/g;
/** Invisible characters that only break matching: zero-width spaces and joiners, BOM, soft hyphen. */
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Anything outside printable ASCII: the line may need normalising. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** NFC, invisible characters removed, runs of whitespace collapsed to one space, trimmed. */
export function normalizeLine(line: string): string {
  // Most lines of English news are plain ASCII: nothing to do but trim.
  if (!NOT_PRINTABLE_ASCII.test(line) && !line.includes('  ')) return line.trim();
  return line.normalize('NFC').replace(INVISIBLES, '').replace(UNICODE_SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Membership of single UTF-16 code units in a one-character pattern, from a table filled on first
 * use: a regular expression per character was most of the time of the character scans here.
 */
export class CodeUnitSet {
  /** Per code unit: 0 not looked up yet, 1 in the set, 2 not. */
  private readonly known = new Uint8Array(0x10000);

  constructor(private readonly pattern: RegExp) {}

  has(unit: number): boolean {
    let known = this.known[unit]!;
    if (known === 0) {
      known = this.pattern.test(String.fromCharCode(unit)) ? 1 : 2;
      this.known[unit] = known;
    }
    return known === 1;
  }
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const BMP_LETTER_OR_DIGIT = new CodeUnitSet(LETTER_OR_DIGIT);

/** `[\p{L}\p{N}]` for one code point, without a regular expression per character. */
export function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 128) return (codePoint >= 48 && codePoint <= 57) || ((codePoint | 32) >= 97 && (codePoint | 32) <= 122);
  if (codePoint > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
  return BMP_LETTER_OR_DIGIT.has(codePoint);
}

/** Code point at `index` (a lone surrogate stands for itself, as in a `u` regular expression). */
export function codePointAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(index)! : unit;
}

/** A word: letters and digits, joined across apostrophes, inner dots and digit-group commas ("U.S.", "175,000"). */
export const WORD = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;

/** Whether the last character of `text` is one of `characters` (all single UTF-16 units): a `[...]$` test without scanning the text. */
export function endsWithOneOf(text: string, characters: string): boolean {
  return text.length > 0 && characters.includes(text[text.length - 1]!);
}

let lastText = '';
let lastCount = 0;

/** The number of WORD matches, scanned by hand: the regular expression took a tenth of the clean stage's time. */
export function countWords(text: string): number {
  if (text !== lastText) {
    lastText = text;
    lastCount = countWordsUpTo(text, Infinity);
  }
  return lastCount;
}

/** countWords(text) <= max, reading only as far as the (max + 1)th word: the line rules ask this of long prose lines. */
export function hasAtMostWords(text: string, max: number): boolean {
  return (text === lastText ? lastCount : countWordsUpTo(text, max)) <= max;
}

/** Per ASCII character: 1 for a letter or digit, 0 otherwise (a table load instead of range tests). */
const ASCII_LETTER_OR_DIGIT = Uint8Array.from({ length: 128 }, (_, c) => (isLetterOrDigit(c) ? 1 : 0));

/** The number of WORD matches in `text`, or a number above `limit` as soon as there are more. */
function countWordsUpTo(text: string, limit: number): number {
  let n = 0;
  let inWord = false;
  // A joiner right after a word: the next letter or digit continues that word.
  let joinerAfterWord = false;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const unit = text.charCodeAt(i);
    let codePoint = unit;
    let letterOrDigit: boolean;
    if (unit < 128) {
      letterOrDigit = ASCII_LETTER_OR_DIGIT[unit] === 1;
      i++;
    } else {
      codePoint = codePointAt(text, i);
      letterOrDigit = isLetterOrDigit(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
    }
    if (letterOrDigit) {
      if (!inWord && !joinerAfterWord && ++n > limit) return n;
      inWord = true;
      joinerAfterWord = false;
      // The rest of an ASCII word in a tight loop: most characters of a text are inside words
      // (with the table, countWords over the BBC texts: 7.9 → 4.7 ns a character).
      while (i < length) {
        const next = text.charCodeAt(i);
        if (next >= 128 || ASCII_LETTER_OR_DIGIT[next] === 0) break;
        i++;
      }
    } else {
      joinerAfterWord = inWord && (codePoint === 39 || codePoint === 0x2019 || codePoint === 46 || codePoint === 44);
      inWord = false;
    }
  }
  return n;
}
