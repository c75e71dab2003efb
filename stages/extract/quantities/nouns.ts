/**
 * The counted noun after a number: "175,000 Russian troops" → unit "troops", subject
 * "Russian troops". Without a tagger the head is found by form: the first plural-looking word
 * among the next few words, or for a count of one the first noun-looking word.
 */
import { isStopWord, NOT_PLURAL, ORDINALS, PLURAL_NOUNS, SMALL_NUMBERS, TENS } from './lexicon.js';
import { CAPITALISED, matchAt } from './text.js';

export interface CountedNoun {
  end: number;
  /** The noun with its modifiers, as written ("Russian troops"). */
  subject: string;
  /** The head noun, lower-cased, plural as written ("troops"). */
  unit: string;
}

const NEXT_WORD = /[ \t\u00a0]+((?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*)/uy;
/** "thousands of troops" (after a vague number any "of" works). */
const OF_ANY = /[ \t\u00a0]+of(?:[ \t\u00a0]+(?:the|these|those|its|their|his|her|our|all))?(?=[ \t\u00a0])/iy;
/** "three of the victims" (after an exact number only a partitive with a determiner). */
const OF_DETERMINED = /[ \t\u00a0]+of[ \t\u00a0]+(?:the|these|those|its|their|his|her|our)(?=[ \t\u00a0])/iy;
const MAX_WORDS = 4;
const CONTRACTION = /['’](?:s|re|ve|ll|d|m|t)$/;
const LOWER_START = /^\p{Ll}/u;
const ADJECTIVE_ENDING = /(?:al|ian|ese|ish|ior|ern|ic|ive|ed|ful|ous|an|ary|ile)$/;
/** Words ending in "s" that are rarely plurals: "class", "status", "analysis", "famous", "Biden's". */
const SINGULAR_S_ENDING = /(?:ss|us|is|ous|['’]s)$/;

interface Word {
  start: number;
  end: number;
  lower: string;
}

export function readCountedNoun(text: string, pos: number, limit: number, opts: { singular: boolean; vague: boolean }): CountedNoun | null {
  let p = pos;
  const of = matchAt(opts.vague ? OF_ANY : OF_DETERMINED, text, p, limit);
  if (of !== null) p += of[0].length;
  const words: Word[] = [];
  let m: RegExpExecArray | null;
  while (words.length < MAX_WORDS && (m = matchAt(NEXT_WORD, text, p, limit)) !== null) {
    const word = m[1]!;
    const lower = word.toLowerCase();
    // "that's" is "that": contractions of stop words end the phrase too.
    if (isStopWord(word.replace(CONTRACTION, ''))) break;
    if (isNumberWord(lower)) break; // "one twenty-fifth": another number, not a noun
    const end = p + m[0].length;
    words.push({ start: end - word.length, end, lower });
    p = end;
    if (!opts.singular && isPluralNoun(lower)) {
      // "1946 movie starring James": a capitalised word after a lower-case one is a name, not the noun.
      if (CAPITALISED.test(word) && words.some((w) => LOWER_START.test(text[w.start]!))) return null;
      return counted(text, words);
    }
  }
  if (!opts.singular || words.length === 0) return null;
  // A count of one has a singular noun: the first word, or the second after an adjective-looking
  // first word ("one senior official", "one Russian soldier"). "one e-mail sent" stops at "e-mail".
  const n = words.length > 1 && looksLikeAdjective(text, words[0]!) ? 2 : 1;
  return counted(text, words.slice(0, n));
}

function looksLikeAdjective(text: string, w: Word): boolean {
  return CAPITALISED.test(text[w.start]!) || ADJECTIVE_ENDING.test(w.lower);
}

function counted(text: string, words: Word[]): CountedNoun {
  const head = words[words.length - 1]!;
  return { end: head.end, subject: text.slice(words[0]!.start, head.end), unit: head.lower };
}

function isNumberWord(lower: string): boolean {
  const head = lower.split('-')[0]!;
  return SMALL_NUMBERS.has(head) || TENS.has(head) || ORDINALS.has(lower);
}

function isPluralNoun(lower: string): boolean {
  if (PLURAL_NOUNS.has(lower)) return true;
  return lower.length > 2 && lower.endsWith('s') && !NOT_PLURAL.has(lower) && !SINGULAR_S_ENDING.test(lower);
}
