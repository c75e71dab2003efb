import type { EntityType } from '../../types.js';
import { KNOWN_LEADERS, LOC_SUFFIXES, ORG_SUFFIXES } from './hand-lists.js';
import { isFirstName, titleCase } from './lexicon.js';

/**
 * Document-level decisions: one type per name (the strongest evidence wins), surnames linked to
 * the full name they abbreviate ("Biden" → "Joe Biden"), and acronyms to the expansion the
 * text defines ("NATO" → "North Atlantic Treaty Organization").
 */

/** Head words that name an organisation or place kind rather than one of them ("United", "City"). */
const GENERIC_HEADS = new Set([...ORG_SUFFIXES, ...LOC_SUFFIXES]);

/** A recognised name before linking. */
export interface Candidate {
  start: number;
  end: number;
  /** Token texts of the name ("Bank", "of", "England"). */
  words: string[];
  /** A person title or role word stands right before the name ("President", "spokesman"). */
  afterTitle: boolean;
  /** Acronym defined right after the name: "North Atlantic Treaty Organization (NATO)". */
  acronym: string | null;
}

export interface Typed {
  type: EntityType;
  subtype: string | null;
  code: string | null;
  /** Canonical name when the evidence fixes it (gazetteer); null to derive it from the text. */
  canonical: string | null;
  /** 3: gazetteer agrees with the model, or a title; 2: the model; 1 or 0: weaker guesses. */
  strength: number;
}

export interface Resolved {
  c: Candidate;
  t: Typed;
  /** Surface text as written (law noun included), used as the fallback canonical. */
  surface: string;
  canonical: string;
}

export function linkDocument(items: Resolved[]): void {
  typeByShortForms(items);
  linkAcronyms(items);
  unifyTypes(items);
  linkSurnames(items);
}

/**
 * Canonical form of a surface: straight apostrophes, single spaces; a name from an ALL-CAPS
 * headline ("LEICESTERSHIRE") is title-cased unless it is short enough to be an acronym.
 */
export function canonicalOf(surface: string, inCapsLine: boolean): string {
  const s = isPlainAscii(surface) ? surface : surface.replaceAll('’', "'").replace(/\s+/g, ' ');
  return inCapsLine && s.replace(/[^\p{L}]/gu, '').length > 4 ? titleCase(s) : s;
}

/** Printable ASCII with single spaces: nothing for canonicalOf to normalise (most names). */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 126 || c < 32 || (c === 32 && s.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/**
 * A multi-word name with no cue is a person when the document also uses its last word alone
 * ("Wasim Akram" ... "Akram"), an organisation when it uses its first ("Ajax Amsterdam" ... "Ajax").
 */
function typeByShortForms(items: Resolved[]): void {
  // Only names with no typing evidence (strength 0) are retyped; names typed by the labeller or
  // the gazetteer have 2 or 3, so the set of one-word names is built only when there is one.
  const uncued = items.filter((r) => r.c.words.length >= 2 && r.t.strength <= 0);
  if (uncued.length === 0) return;
  const singles = new Set(items.filter((r) => r.c.words.length === 1).map((r) => r.canonical.toLowerCase()));
  for (const r of uncued) {
    const w = r.c.words;
    if (singles.has(w[w.length - 1]!.toLowerCase())) r.t = { ...r.t, type: 'PER', strength: 1 };
    else if (singles.has(w[0]!.toLowerCase())) r.t = { ...r.t, type: 'ORG', strength: 1 };
  }
}

function linkAcronyms(items: Resolved[]): void {
  const expansions = new Map<string, Resolved>();
  for (const r of items) if (r.c.acronym) expansions.set(r.c.acronym, r);
  if (expansions.size === 0) return;
  for (const r of items) {
    const full = expansions.get(r.surface);
    if (!full || full === r) continue;
    const type = full.t.strength >= 2 ? full.t.type : 'ORG';
    r.t = { ...full.t, type, strength: Math.max(full.t.strength, r.t.strength) };
    r.canonical = full.canonical;
  }
}

/** Every mention of the same name (case-insensitive) takes the type of its best-supported mention. */
function unifyTypes(items: Resolved[]): void {
  const best = new Map<string, Resolved>();
  for (const r of items) {
    const key = r.canonical.toLowerCase();
    const cur = best.get(key);
    if (!cur || r.t.strength > cur.t.strength) best.set(key, r);
  }
  for (const r of items) {
    const b = best.get(r.canonical.toLowerCase())!;
    if (b === r || b.t.strength <= r.t.strength) continue;
    r.t = { ...b.t };
    r.canonical = b.canonical;
  }
}

/**
 * A one-word name that shortens a multi-word name of the same document is that name:
 * - the last word of a person's name ("Biden" → "Joe Biden"), else, for a given name from the
 *   gazetteer, its first ("Michelle" → "Michelle Obama"; "Samsung" is no given name, so
 *   "Samsung Apps" typed PER does not take it); among several full names the most mentioned wins,
 *   then the longest, then the first seen;
 * - a generic head word ("United", "City", "Airlines") that ends exactly one organisation's name
 *   ("United" → "Manchester United"; with "Leeds United" in the same text it stays as it is).
 *   Other words are not linked this way: a mis-chunked "AF Samsung" must not absorb "Samsung".
 * Without a full name, a titled surname ("President Biden") or a one-word name typed by the
 * labeller may still match a short list of well-known leaders. Gazetteer places and known
 * organisations are not shortened names ("Malaysia" is not "Malaysia Airlines").
 */
function linkSurnames(items: Resolved[]): void {
  const lastWords = new NameIndex();
  const firstWords = new NameIndex();
  const orgLastWords = new NameIndex();
  for (const r of items) {
    const w = r.c.words;
    if (w.length < 2) continue;
    if (r.t.type === 'PER') {
      lastWords.add(w[w.length - 1]!, r.canonical);
      firstWords.add(w[0]!, r.canonical);
    } else if (r.t.type === 'ORG') {
      orgLastWords.add(w[w.length - 1]!, r.canonical);
    }
  }
  const titled = new Set(items.filter((r) => r.c.afterTitle && r.c.words.length === 1).map((r) => r.canonical.toLowerCase()));
  for (const r of items) {
    if (r.c.words.length !== 1 || (r.t.type !== 'PER' && r.t.strength >= 3)) continue;
    const key = r.canonical.toLowerCase();
    // The labeller knows no post-1996 surnames: a well-known leader's surname alone is that leader.
    // isFirstName only for a word that opens a full name: asked of every one-word name, it was 1.7%
    // of recognition time on BBC.
    const person =
      lastWords.best(key) ?? (firstWords.has(key) && isFirstName(r.canonical) ? firstWords.best(key) : undefined) ?? (titled.has(key) || r.t.strength <= 2 ? knownLeader(key) : undefined);
    if (person) {
      r.t = { ...r.t, type: 'PER', subtype: null, code: null, strength: 3 };
      r.canonical = person;
      continue;
    }
    const org = GENERIC_HEADS.has(r.canonical) && !(r.t.type === 'PER' && r.c.afterTitle) ? orgLastWords.only(key) : undefined;
    if (org) {
      r.t = { ...r.t, type: 'ORG', subtype: null, code: null, strength: 3 };
      r.canonical = org;
    }
  }
}

/** Full names by one of their words (lower case), with how often each full name is mentioned. */
class NameIndex {
  private readonly names = new Map<string, Map<string, number>>();

  add(word: string, canonical: string): void {
    const key = word.toLowerCase();
    const counts = this.names.get(key) ?? new Map<string, number>();
    counts.set(canonical, (counts.get(canonical) ?? 0) + 1);
    this.names.set(key, counts);
  }

  has(word: string): boolean {
    return this.names.has(word);
  }

  /** The most mentioned full name, then the longest, then the first seen. */
  best(word: string): string | undefined {
    let best: string | undefined;
    let bestCount = 0;
    for (const [name, count] of this.names.get(word) ?? []) {
      if (count > bestCount || (count === bestCount && name.length > best!.length)) {
        best = name;
        bestCount = count;
      }
    }
    return best;
  }

  /** The full name when exactly one has this word. */
  only(word: string): string | undefined {
    const counts = this.names.get(word);
    return counts?.size === 1 ? counts.keys().next().value : undefined;
  }
}

/**
 * Lower-case surname (the words after a space: "biden") → the first leader whose name ends with
 * it, so the look-up builds no string per leader: most one-word names reach it.
 */
const LEADERS_BY_SURNAME = new Map<string, string>();
for (const name of KNOWN_LEADERS) {
  const lower = name.toLowerCase();
  for (let space = lower.indexOf(' '); space >= 0; space = lower.indexOf(' ', space + 1)) {
    const surname = lower.slice(space + 1);
    if (!LEADERS_BY_SURNAME.has(surname)) LEADERS_BY_SURNAME.set(surname, name);
  }
}

function knownLeader(surname: string): string | undefined {
  return LEADERS_BY_SURNAME.get(surname);
}
