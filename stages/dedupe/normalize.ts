/**
 * Text views used by dedupe: one for the exact hash, one for shingling.
 */

/**
 * Exact-duplicate view: NFKC (folds full-width and ligature variants), lower case, punctuation
 * deleted (so "U.S." and "US" agree), whitespace runs collapsed to one space.
 */
export function normalizeForExact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\p{P}+/gu, '').replace(/\s+/g, ' ').trim();
}

/**
 * Lower-cased words as Python's `re.findall(r'\w+', text.lower())` sees them (the eval truth was
 * built that way): JS `\w` is ASCII-only even with the u flag, so letters, digits and '_' are spelled
 * out as Unicode classes to keep accented words whole.
 */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}
