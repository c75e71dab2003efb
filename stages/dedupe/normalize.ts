/**
 * The one text view dedupe reads, and the class of each of its characters.
 *
 * View: NFKC (folds full-width and ligature variants), then lower case. Over that view:
 * - the exact hash sees the text with punctuation (\p{P}) deleted and whitespace runs (\s) collapsed
 *   to one space, trimmed — so "U.S." and "US", "3 %" and "3%" agree;
 * - shingles are built from words, runs of letters, digits and '_' ([\p{L}\p{N}_]+, i.e. Python's
 *   `re.findall(r'\w+', text.lower())`, which built the eval truth; JS `\w` is ASCII-only, hence the
 *   Unicode classes that keep accented words whole).
 * Classes come from a table over the 65,536 UTF-16 code units, built once from the same regular
 * expressions, so the per-character loop is a typed-array lookup instead of a regex match.
 */

export function normalizedView(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Letter, digit or '_': part of a word. */
export const WORD = 1;
/** Deleted from the exact view ('_' is both WORD and PUNCTUATION, as in the regex classes). */
export const PUNCTUATION = 2;
/** Collapsed to one space in the exact view; ends a word. */
export const SPACE = 4;

const WORD_RE = /[\p{L}\p{N}_]/u;
const PUNCTUATION_RE = /\p{P}/u;
const SPACE_RE = /\s/u;

function classOf(character: string): number {
  return (WORD_RE.test(character) ? WORD : 0) | (PUNCTUATION_RE.test(character) ? PUNCTUATION : 0) | (SPACE_RE.test(character) ? SPACE : 0);
}

let unitClasses: Uint8Array | null = null;

/** Class bits of every UTF-16 code unit (lone surrogates are class 0: see codePointClass). */
export function codeUnitClasses(): Uint8Array {
  if (unitClasses === null) {
    unitClasses = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) if (unit < 0xd800 || unit > 0xdfff) unitClasses[unit] = classOf(String.fromCharCode(unit));
  }
  return unitClasses;
}

/** Class bits of a code point above U+FFFF (a surrogate pair): rare in news, so a regex test is fine. */
export function codePointClass(codePoint: number): number {
  return classOf(String.fromCodePoint(codePoint));
}
