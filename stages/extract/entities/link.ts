import type { EntityType } from '../../types.js';
import { KNOWN_LEADERS } from './hand-lists.js';
import { titleCase } from './lexicon.js';

/**
 * Document-level decisions: one type per name (the strongest evidence wins), surnames linked to
 * the full name they abbreviate ("Biden" → "Joe Biden"), and acronyms to the expansion the
 * text defines ("NATO" → "North Atlantic Treaty Organization").
 */

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
  const s = surface.replaceAll('’', "'").replace(/\s+/g, ' ');
  return inCapsLine && s.replace(/[^\p{L}]/gu, '').length > 4 ? titleCase(s) : s;
}

/**
 * A multi-word name with no cue is a person when the document also uses its last word alone
 * ("Wasim Akram" ... "Akram"), an organisation when it uses its first ("Ajax Amsterdam" ... "Ajax").
 */
function typeByShortForms(items: Resolved[]): void {
  const singles = new Set(items.filter((r) => r.c.words.length === 1).map((r) => r.canonical.toLowerCase()));
  for (const r of items) {
    if (r.c.words.length < 2 || r.t.strength > 0) continue;
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
 * A one-word name that ends a multi-word person name in the same document is that person:
 * the longest such name wins, then the first seen. Without one, a titled surname ("President
 * Biden") or a one-word name typed by the labeller may still match a short list of well-known leaders.
 */
function linkSurnames(items: Resolved[]): void {
  const fullNames = new Map<string, string>();
  for (const r of items) {
    if (r.t.type !== 'PER' || r.c.words.length < 2) continue;
    const last = r.c.words[r.c.words.length - 1]!.toLowerCase();
    const cur = fullNames.get(last);
    if (!cur || r.canonical.length > cur.length) fullNames.set(last, r.canonical);
  }
  const titled = new Set(items.filter((r) => r.c.afterTitle && r.c.words.length === 1).map((r) => r.canonical.toLowerCase()));
  for (const r of items) {
    if (r.c.words.length !== 1 || (r.t.type !== 'PER' && r.t.strength >= 3)) continue;
    const key = r.canonical.toLowerCase();
    // The labeller knows no post-1996 surnames: a well-known leader's surname alone is that leader.
    const full = fullNames.get(key) ?? (titled.has(key) || r.t.strength <= 2 ? knownLeader(key) : undefined);
    if (!full) continue;
    r.t = { ...r.t, type: 'PER', subtype: null, code: null, strength: 3 };
    r.canonical = full;
  }
}

function knownLeader(surname: string): string | undefined {
  return KNOWN_LEADERS.find((n) => n.toLowerCase().endsWith(` ${surname}`));
}
