import { readFileSync } from 'node:fs';
import type { GazetteerFile, PlaceKind } from './gazetteer-format.js';

/**
 * Read-only access to data/gazetteer.json (built by scripts/build-gazetteers.ts), loaded from
 * disk on first use and then shared by every call in the process.
 */

export interface Place {
  kind: PlaceKind;
  canonical: string;
  code: string | null;
}

interface Lexicon {
  places: Map<string, Place>;
  firstNames: Set<string>;
  /** Longest place surface in words, to bound phrase look-ups. */
  maxPlaceWords: number;
  /** First word of each multi-word place surface → the most words such a place has. */
  phraseStarts: Map<string, number>;
}

let cached: Lexicon | null = null;

function lexicon(): Lexicon {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(new URL('./data/gazetteer.json', import.meta.url), 'utf8')) as GazetteerFile;
  const places = new Map<string, Place>();
  const phraseStarts = new Map<string, number>();
  let maxPlaceWords = 1;
  for (const [kind, canonical, code, surfaces] of file.entries) {
    const place: Place = { kind, canonical, code };
    for (const s of surfaces) {
      places.set(s, place);
      const words = s.split(' ');
      maxPlaceWords = Math.max(maxPlaceWords, words.length);
      if (words.length > 1) phraseStarts.set(words[0]!, Math.max(phraseStarts.get(words[0]!) ?? 0, words.length));
    }
  }
  cached = { places, firstNames: new Set(file.firstNames), maxPlaceWords, phraseStarts };
  return cached;
}

function hasAsciiLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** Exact look-up; ALL-CAPS text ("RUSSIA", "NEW ZEALAND") is also tried in title case. */
export function findPlace(surface: string): Place | undefined {
  const { places } = lexicon();
  // Called for every phrase candidate and name: the common cases allocate nothing.
  const key = surface.includes('’') ? surface.replaceAll('’', "'") : surface;
  const hit = places.get(key);
  // An ASCII lower-case letter rules out ALL-CAPS; testing it first spares most misses the replace.
  if (hit || hasAsciiLower(key)) return hit;
  const letters = key.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 4 && letters === letters.toUpperCase()) return places.get(titleCase(key));
  return undefined;
}

export function isFirstName(word: string): boolean {
  const allCaps = word.length > 1 && !hasAsciiLower(word) && word === word.toUpperCase();
  return lexicon().firstNames.has(allCaps ? titleCase(word) : word);
}

/** Most words of a multi-word place starting with this (title-case) word; 0 when none does. */
export function placePhraseLength(first: string): number {
  return lexicon().phraseStarts.get(first) ?? 0;
}

export function maxPlaceWords(): number {
  return lexicon().maxPlaceWords;
}

/**
 * Form used for list look-ups: an ALL-CAPS word or phrase longer than an acronym ("RUSSIA",
 * "NEW ZEALAND") is compared in title case; anything else as written.
 */
export function lookupForm(words: string): string {
  // Most names fail on their second character ("Biden"): no regex for them. Short strings fail too.
  const second = words.charCodeAt(1);
  if (words.length < 4 || (second >= 97 && second <= 122)) return words;
  return ALL_CAPS_PHRASE.test(words) ? titleCase(words) : words;
}

const ALL_CAPS_PHRASE = /^\p{Lu}[\p{Lu}\p{M}'’ -]{3,}$/u;

/** "NEW YORK" → "New York", "BIDEN-PUTIN" → "Biden-Putin", "BANK OF ENGLAND" → "Bank of England". */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/ (Of|The|And|For) /g, (m) => m.toLowerCase());
}
