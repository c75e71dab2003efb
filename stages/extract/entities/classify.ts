import type { EntityType } from '../../types.js';
import type { Candidate } from './candidates.js';
import type { DocView } from './document.js';
import {
  DIRECTIONS, EVENT_SUFFIXES, KNOWN_ORGS, LAW_SUFFIXES, LOC_PREFIXES, LOC_SUFFIXES, ORG_SUFFIXES, SPEECH_VERBS,
} from './hand-lists.js';
import { findPlace, isFirstName, lookupForm, type Place } from './lexicon.js';

/**
 * Types one candidate from its own words and immediate context. Each decision carries a
 * strength so the document-level pass (link.ts) can let strong evidence ("President Biden")
 * overrule weak guesses for the same name elsewhere.
 */

export interface Typed {
  type: EntityType;
  subtype: string | null;
  code: string | null;
  /** Canonical name when the evidence fixes it (gazetteer); null to derive it from the text. */
  canonical: string | null;
  /** 3: lexicon, dateline, title or law noun; 2: head word, acronym, first name, "said"; 1: weaker cues; 0: default. */
  strength: number;
  /** The mention takes the following law noun ("Minsk agreements"). */
  withLawNoun: boolean;
}

export function classify(view: DocView, c: Candidate): Typed {
  const forms = c.words.map(lookupForm);
  const lexical = fromLexicon(lookupForm(c.words.join(' '))) ?? (view.dateline[c.firstTok] ? typed('LOC', 'GPE', 3) : null);
  // "Minsk agreements" is a law even though Minsk is a city; "Russian treaty" stays a nationality.
  if (c.lawNounEnd !== null && lexical?.subtype !== 'NORP') return typed('MISC', 'LAW', 3, { withLawNoun: true });
  return (
    lexical ??
    (c.afterTitle ? typed('PER', null, 3) : null) ??
    fromHeadWords(forms) ??
    fromShape(view, c) ??
    fromSpeech(view, c) ??
    fromMorphology(c) ??
    fromPlaceWord(c) ??
    fromContext(view, c) ??
    fromFirstName(c) ??
    typed(c.words.length > 1 ? 'PER' : 'ORG', null, 0)
  );
}

function typed(type: EntityType, subtype: string | null, strength: number, extra: Partial<Typed> = {}): Typed {
  return { type, subtype, code: null, canonical: null, strength, withLawNoun: false, ...extra };
}

function fromLexicon(text: string): Typed | null {
  if (KNOWN_ORGS.has(text)) return typed('ORG', null, 3);
  const place = findPlace(text);
  return place ? fromPlace(place, 3) : null;
}

function fromPlace(place: Place, strength: number, canonical: string | null = place.canonical): Typed {
  const code = canonical === place.canonical ? place.code : null;
  switch (place.kind) {
    case 'norp':
      return typed('MISC', 'NORP', strength, { code, canonical });
    case 'region':
      return typed('LOC', null, strength, { canonical });
    default:
      return typed('LOC', 'GPE', strength, { code, canonical });
  }
}

/**
 * Head words: "... Ministry" ORG, "... Treaty" LAW, "... War" EVENT, "Lake ..." LOC, "East
 * Ukraine"; in "Bank of England" or "Summit for Democracy" the head is the word before "of"/"for".
 */
function fromHeadWords(words: string[]): Typed | null {
  const ofAt = words.findIndex((w) => w === 'of' || w === 'for');
  const head = ofAt > 0 ? words[ofAt - 1]! : words[words.length - 1]!;
  if (ORG_SUFFIXES.has(head)) return typed('ORG', null, 2);
  if (LAW_SUFFIXES.has(head)) return typed('MISC', 'LAW', 2);
  if (EVENT_SUFFIXES.has(head)) return typed('MISC', 'EVENT', 2);
  if (LOC_SUFFIXES.has(head)) return typed('LOC', null, 2);
  // "the West" is a place, "Western" an adjective.
  if (words.length === 1 && DIRECTIONS.has(head)) return head.endsWith('ern') ? typed('MISC', null, 2) : typed('LOC', null, 2);
  if (words.length < 2) return null;
  if (LOC_PREFIXES.has(words[0]!)) return typed('LOC', null, 2);
  const rest = findPlace(words.slice(1).join(' '));
  if (DIRECTIONS.has(words[0]!) && rest) return fromPlace(rest, 2, words.join(' '));
  // "Bosnian Serb", "Iraqi Kurdish": a group within a nationality.
  if (rest?.kind === 'norp' && findPlace(words[0]!)?.kind === 'norp') return fromPlace(rest, 2, words.join(' '));
  return null;
}

/**
 * Shape cues: a country code glued to "$" is a currency ("US$", MISC); an ALL-CAPS word in
 * running text an organisation; a known first name or an initial before more name words a person.
 */
function fromShape(view: DocView, c: Candidate): Typed | null {
  const first = view.tokens[c.firstTok]!;
  const after = view.tokens[c.lastTok + 1];
  if (after?.text === '$' && after.rawStart === view.tokens[c.lastTok]!.rawEnd) return typed('MISC', null, 3);
  if (c.words.length === 1 && view.lineKind[c.firstTok] === 'normal' && first.shape === 'caps' && first.text.length <= 6) {
    return typed('ORG', null, 2);
  }
  if (c.words.length > 1 && (isFirstName(c.words[0]!) || first.kind === 'initial')) return typed('PER', null, 2);
  // "BBC Radio", "PSV Eindhoven": an acronym inside a longer name marks an organisation.
  if (c.words.length > 1 && view.lineKind[c.firstTok] === 'normal' && c.words.some((w) => w.length > 1 && /^\p{Lu}+$/u.test(w))) {
    return typed('ORG', null, 1);
  }
  return null;
}

/** "Maynes says" → PER. */
function fromSpeech(view: DocView, c: Candidate): Typed | null {
  const next = view.tokens[c.lastTok + 1];
  return next?.kind === 'word' && SPEECH_VERBS.has(next.text.toLowerCase()) ? typed('PER', null, 2) : null;
}

/** Unknown single words in -ic or -ist(s) are adjectives or group names ("Olympic", "Islamist"): MISC. */
function fromMorphology(c: Candidate): Typed | null {
  return c.words.length === 1 && /\p{Ll}(?:ic|ists?)$/u.test(c.words[0]!) ? typed('MISC', null, 1) : null;
}

/**
 * A multi-word name that starts or ends with a place but is not one is usually named after it:
 * a team, company or newspaper ("Ajax Amsterdam", "Atlanta Braves", "Texas Instruments").
 */
function fromPlaceWord(c: Candidate): Typed | null {
  const w = c.words;
  if (w.length < 2) return null;
  const placeLike = (s: string) => findPlace(s)?.kind === 'country' || findPlace(s)?.kind === 'gpe';
  return placeLike(w[0]!) || placeLike(w[w.length - 1]!) ? typed('ORG', null, 1) : null;
}

/** "the Kremlin", "The Daily Beast" → ORG; "in Geneva" → LOC. */
function fromContext(view: DocView, c: Candidate): Typed | null {
  const prev = view.tokens[c.firstTok - 1];
  if (prev?.kind !== 'word') return null;
  const p = prev.text.toLowerCase();
  if (p === 'the') return typed('ORG', null, 1);
  if (p === 'in' || p === 'near') return typed('LOC', null, 1);
  return null;
}

/** A lone known first name ("Mark", "Liam") not linked to a full name is still most likely a person. */
function fromFirstName(c: Candidate): Typed | null {
  return c.words.length === 1 && isFirstName(c.words[0]!) ? typed('PER', null, 1) : null;
}
