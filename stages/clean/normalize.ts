/** Unicode spaces that scrapes carry (no-break, thin, ideographic...) become plain spaces. */
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v\r]/g;
/** Invisible characters that only break matching: zero-width spaces and joiners, BOM, soft hyphen. */
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** NFC, invisible characters removed, runs of whitespace collapsed to one space, trimmed. */
export function normalizeLine(line: string): string {
  return line.normalize('NFC').replace(INVISIBLES, '').replace(UNICODE_SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/** A word: letters and digits, joined across apostrophes, inner dots and digit-group commas ("U.S.", "175,000"). */
export const WORD = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;

let lastText = '';
let lastCount = 0;

export function countWords(text: string): number {
  // The line rules ask for the same line's count several times in a row.
  if (text === lastText) return lastCount;
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  lastText = text;
  lastCount = n;
  return n;
}
