import type { DocView } from './document.js';
import {
  CALENDAR_WORDS, CAPS_NON_NAMES, EVENT_SUFFIXES, KNOWN_ORGS, LAW_NOUNS, LAW_SUFFIXES, LOC_SUFFIXES,
  NAME_PARTICLES, OF_HEADS, ORG_SUFFIXES, ROLE_WORDS, SPEECH_VERBS, STOP_WORDS, TITLE_HEADS, TITLE_MODIFIERS,
} from './hand-lists.js';
import { findPlace, isFirstName, lookupForm, maxPlaceWords, titleCase } from './lexicon.js';
import type { Token } from './tokenize.js';

/**
 * Candidate names: maximal runs of capitalised tokens (joined by "of", "de", "al", "&"), with
 * person titles cut out, sentence-initial and headline capitals checked against the rest of the
 * document, and hyphen pairs of known names ("Biden-Putin") split.
 */

export interface Candidate {
  start: number;
  end: number;
  /** Token texts of the name, connectors included ("Bank", "of", "England"). */
  words: string[];
  firstTok: number;
  lastTok: number;
  /** A person title or role word stands right before the name ("President", "spokesman"). */
  afterTitle: boolean;
  /** End of a following law noun ("Minsk agreements"), taken if the name is not a place. */
  lawNounEnd: number | null;
  /** Acronym defined right after the name: "North Atlantic Treaty Organization (NATO)". */
  acronym: string | null;
}

interface Segment {
  from: number;
  to: number;
  afterTitle: boolean;
}

/** "I'm", "We've", "Don't": capitalised only because they open a sentence. */
const CONTRACTION = /['’](?:m|re|ve|ll|d|t)$|n['’]t$/i;
const CONNECTORS = new Set(['of', 'for', 'the', '&', ...NAME_PARTICLES]);
/** Connectors that only continue a name after a head word ("Bank of England", not "Putin of Russia"). */
const HEADED_CONNECTORS = new Set(['of', 'for', 'the']);

export function findCandidates(view: DocView): Candidate[] {
  const flags = nameTokenFlags(view);
  const out: Candidate[] = [];
  for (let i = 0; i < view.tokens.length; i++) {
    if (!flags[i]) continue;
    const last = runEnd(view, flags, i);
    const first = trimInitial(view, i, last);
    if (first <= last) for (const seg of segments(view, first, last)) out.push(...toCandidates(view, seg));
    i = last;
  }
  return out;
}

function norm(t: Token): string {
  return t.kind === 'word' ? lookupForm(t.text) : t.text;
}

function nameTokenFlags(view: DocView): Uint8Array {
  const flags = new Uint8Array(view.tokens.length);
  const placeCovered = headlinePlaces(view);
  for (let i = 0; i < view.tokens.length; i++) {
    if (!nameShaped(view, i)) continue;
    flags[i] = view.lineKind[i] === 'normal' || view.dateline[i] || placeCovered.has(i) || headlineEvidence(view, i) ? 1 : 0;
  }
  return flags;
}

function nameShaped(view: DocView, i: number): boolean {
  const t = view.tokens[i]!;
  if (t.kind === 'acronym' || t.kind === 'initial') return true;
  if (t.kind !== 'word' || (t.shape !== 'title' && t.shape !== 'caps') || t.text.length < 2) return false;
  const lower = t.text.toLowerCase();
  if (CALENDAR_WORDS.has(lower.replace(/\.$/, '')) || CAPS_NON_NAMES.has(t.text)) return false;
  if (t.parts.some((p) => CALENDAR_WORDS.has(p.toLowerCase())) || CONTRACTION.test(t.text)) return false;
  // "US" in running text is the country, "US" in an ALL-CAPS headline may be the pronoun.
  return !(STOP_WORDS.has(lower) && (t.shape === 'title' || view.lineKind[i] !== 'normal'));
}

/** Token indices of headline words that spell a known place, multi-word ones included ("NEW ZEALAND"). */
function headlinePlaces(view: DocView): Set<number> {
  const covered = new Set<number>();
  const { tokens, lineKind } = view;
  const maxWords = maxPlaceWords();
  for (let i = 0; i < tokens.length; i++) {
    if (lineKind[i] === 'normal' || tokens[i]!.kind === 'punct') continue;
    let phrase = '';
    for (let j = i; j < tokens.length && j - i < maxWords && tokens[j]!.kind !== 'punct'; j++) {
      if (j > i && tokens[j]!.lineStart) break;
      phrase += (j > i ? ' ' : '') + tokens[j]!.text;
      if (findPlace(phrase)) for (let k = i; k <= j; k++) covered.add(k);
    }
  }
  return covered;
}

/**
 * In a headline every word is capitalised, so a word counts as a name only with support from
 * elsewhere: it is capitalised in running text, is a known organisation or person title, is
 * followed by "says", or pairs a known first name with an unseen-in-lower-case word.
 */
function headlineEvidence(view: DocView, i: number): boolean {
  const t = view.tokens[i]!;
  const form = norm(t);
  if (t.kind === 'acronym' || view.capSeen.has(t.text) || view.capSeen.has(form)) return true;
  if (KNOWN_ORGS.has(form) || TITLE_HEADS.has(form)) return true;
  if (t.parts.length > 1 && t.parts.every((p) => knownAlone(view, p) || knownAlone(view, titleCase(p)))) return true;
  const next = view.tokens[i + 1];
  if (next && next.kind === 'word' && SPEECH_VERBS.has(next.text.toLowerCase())) return true;
  return firstNamePair(view, i, i + 1) || firstNamePair(view, i - 1, i);
}

function firstNamePair(view: DocView, a: number, b: number): boolean {
  const first = view.tokens[a];
  const second = view.tokens[b];
  if (!first || !second || second.kind !== 'word' || second.shape === 'lower' || second.shape === 'other') return false;
  return isFirstName(norm(first)) && !view.lowerSeen.has(second.text.toLowerCase());
}

function runEnd(view: DocView, flags: Uint8Array, i: number): number {
  const { tokens } = view;
  let last = i;
  for (;;) {
    let k = last + 1;
    while (k < tokens.length && k - last <= 2 && isConnector(tokens[k]!) && joinable(view, k - 1, k)) k++;
    if (k < tokens.length && flags[k] && joinable(view, k - 1, k)) last = k;
    else return last;
  }
}

function isConnector(t: Token): boolean {
  return (t.kind === 'word' && t.shape === 'lower' && CONNECTORS.has(t.text)) || t.text === '&';
}

/** Two tokens belong to one name only if nothing but spaces separates their name parts. */
function joinable(view: DocView, a: number, b: number): boolean {
  const ta = view.tokens[a]!;
  const tb = view.tokens[b]!;
  return !tb.lineStart && view.sentence[a] === view.sentence[b] && ta.end === ta.rawEnd && tb.start === tb.rawStart;
}

/**
 * A capitalised first word of a sentence is only a name with support. The first word of a longer
 * run is dropped when the document also writes it in lower case ("Importantly", "Should",
 * "Doing" stay out); a lone first word is checked by singleWordSupported once the run is split.
 */
function trimInitial(view: DocView, first: number, last: number): number {
  const t = view.tokens[first]!;
  if (!view.initial[first] || view.lineKind[first] !== 'normal' || t.kind !== 'word' || first === last) return first;
  return view.lowerSeen.has(t.text.toLowerCase()) ? skipConnectors(view, first + 1, last) : first;
}

/** A one-word segment at a sentence start must be capitalised elsewhere mid-sentence, known, an acronym, or followed by "said". */
function initialSupported(view: DocView, s: Segment): boolean {
  const t = view.tokens[s.from]!;
  if (s.from !== s.to || !view.initial[s.from] || view.lineKind[s.from] !== 'normal' || t.kind !== 'word') return true;
  return singleWordSupported(view, s.from);
}

/**
 * Support for a lone capitalised word at a sentence start: capitalised elsewhere mid-sentence,
 * known, an acronym, or, when the document never writes it in lower case, in a name-like slot:
 * followed by "said", a possessive ("Everton's") or a number ("Somerset 236-4").
 */
function singleWordSupported(view: DocView, i: number): boolean {
  const t = view.tokens[i]!;
  if (t.shape === 'caps' || view.capSeen.has(t.text) || findPlace(t.text) || KNOWN_ORGS.has(t.text)) return true;
  const next = view.tokens[i + 1];
  // "Officials said", "Dealers' views": a common noun the document also writes in lower case.
  if (!next || view.lowerSeen.has(t.text.toLowerCase())) return false;
  if (t.end !== t.rawEnd || (next.text === "'" && view.tokens[i + 2]?.text === 's')) return true;
  if (next.kind === 'word' && SPEECH_VERBS.has(next.text)) return true;
  return next.shape === 'other' && /^\d/.test(next.text);
}

function skipConnectors(view: DocView, i: number, last: number): number {
  while (i <= last && isConnector(view.tokens[i]!)) i++;
  return i;
}

/** Splits a run at person titles and at "of"/"for" not preceded by a head word. */
function segments(view: DocView, first: number, last: number): Segment[] {
  const out: Segment[] = [];
  let from = first;
  let afterTitle = followsRole(view, first);
  const titlesAllowed = !isSuffixWord(norm(view.tokens[last]!));
  for (let p = first; p <= last; p++) {
    const q = titlesAllowed ? titleEnd(view, p, last) : -1;
    if (q > p) {
      if (p > from) out.push({ from, to: p - 1, afterTitle });
      from = q;
      afterTitle = true;
      p = q - 1;
    }
  }
  if (from <= last) out.push({ from, to: last, afterTitle });
  return out
    .flatMap((s) => splitUnheaded(view, s))
    .flatMap((s) => splitPlacePrefix(view, s))
    .filter((s) => initialSupported(view, s));
}

/**
 * "German Anke Huber", "American Todd Martin": a nationality (or a place before a first name)
 * that opens a run is its own mention, unless the run ends in an organisation or place word
 * ("British Airways", "Russian Orthodox Church").
 */
function splitPlacePrefix(view: DocView, seg: Segment): Segment[] {
  const words: string[] = [];
  for (let i = seg.from; i <= seg.to; i++) words.push(norm(view.tokens[i]!));
  if (words.length < 2 || isSuffixWord(words[words.length - 1]!) || findPlace(words.join(' '))) return [seg];
  if (words.length === 2 && findPlace(words[1]!)?.kind === 'norp') return [seg];
  let cut = 0;
  for (let n = 1; n < words.length && n <= maxPlaceWords(); n++) {
    const place = findPlace(words.slice(0, n).join(' '));
    if (place && (place.kind === 'norp' || isFirstName(words[n]!))) cut = n;
  }
  if (cut === 0) return [seg];
  return [{ from: seg.from, to: seg.from + cut - 1, afterTitle: false }, { from: seg.from + cut, to: seg.to, afterTitle: seg.afterTitle }];
}

/** A run ending in "Motors", "Assembly" or "Island" is an organisation or place, not "General Motors" with a title. */
function isSuffixWord(w: string): boolean {
  return ORG_SUFFIXES.has(w) || LOC_SUFFIXES.has(w) || LAW_SUFFIXES.has(w) || EVENT_SUFFIXES.has(w);
}

function followsRole(view: DocView, i: number): boolean {
  const prev = view.tokens[i - 1];
  return prev !== undefined && prev.kind === 'word' && ROLE_WORDS.has(prev.text.toLowerCase().replace(/\.$/, ''));
}

/** End (exclusive) of a title phrase [modifier]* head ["of" modifier] starting at p, or -1. */
function titleEnd(view: DocView, p: number, last: number): number {
  const { tokens } = view;
  let q = p;
  while (q <= last && TITLE_MODIFIERS.has(norm(tokens[q]!))) q++;
  if (q > last || !TITLE_HEADS.has(norm(tokens[q]!))) return -1;
  q++;
  if (q + 1 <= last && tokens[q]!.text === 'of' && TITLE_MODIFIERS.has(norm(tokens[q + 1]!))) q += 2;
  return q;
}

function splitUnheaded(view: DocView, seg: Segment): Segment[] {
  const { tokens } = view;
  const out: Segment[] = [];
  let from = seg.from;
  let afterTitle = seg.afterTitle;
  for (let p = seg.from; p <= seg.to; p++) {
    const t = tokens[p]!;
    if (!HEADED_CONNECTORS.has(t.text) || t.shape !== 'lower') continue;
    const headIdx = tokens[p - 1]!.text === 'of' || tokens[p - 1]!.text === 'for' ? p - 2 : p - 1;
    if (OF_HEADS.has(norm(tokens[headIdx]!))) continue;
    if (p - 1 >= from) out.push({ from, to: p - 1, afterTitle });
    from = skipConnectors(view, p, seg.to);
    afterTitle = false;
    p = from - 1;
  }
  if (from <= seg.to) out.push({ from, to: seg.to, afterTitle });
  return out.filter((s) => hasNameWord(view, s));
}

/** A segment made only of initials or connectors is not a name. */
function hasNameWord(view: DocView, s: Segment): boolean {
  for (let i = s.from; i <= s.to; i++) {
    const t = view.tokens[i]!;
    if ((t.kind === 'word' && t.shape !== 'lower') || t.kind === 'acronym') return true;
  }
  return false;
}

function toCandidates(view: DocView, seg: Segment): Candidate[] {
  const { tokens } = view;
  const t = tokens[seg.from]!;
  if (seg.from === seg.to && t.parts.length > 1 && t.parts.every((p) => knownAlone(view, p))) return splitParts(seg, t);
  const words: string[] = [];
  for (let i = seg.from; i <= seg.to; i++) words.push(tokens[i]!.text);
  return [{
    start: t.start,
    end: tokens[seg.to]!.end,
    words,
    firstTok: seg.from,
    lastTok: seg.to,
    afterTitle: seg.afterTitle,
    lawNounEnd: lawNounEnd(view, seg.to),
    acronym: definedAcronym(view, seg, words),
  }];
}

function knownAlone(view: DocView, part: string): boolean {
  return view.capSeen.has(part) || findPlace(part) !== undefined || KNOWN_ORGS.has(part);
}

/** "Biden-Putin" → "Biden", "Putin", each its own mention. */
function splitParts(seg: Segment, t: Token): Candidate[] {
  const out: Candidate[] = [];
  let offset = t.start;
  for (const part of t.parts) {
    out.push({
      start: offset, end: offset + part.length, words: [part], firstTok: seg.from, lastTok: seg.to,
      afterTitle: false, lawNounEnd: null, acronym: null,
    });
    offset += part.length + 1;
  }
  return out;
}

function lawNounEnd(view: DocView, last: number): number | null {
  const t = view.tokens[last]!;
  const next = view.tokens[last + 1];
  if (!next || t.end !== t.rawEnd || next.kind !== 'word' || !LAW_NOUNS.has(next.text)) return null;
  return next.end;
}

/** "North Atlantic Treaty Organization (NATO)": the acronym spells the capitalised words' initials. */
function definedAcronym(view: DocView, seg: Segment, words: string[]): string | null {
  const [open, acro, close] = [view.tokens[seg.to + 1], view.tokens[seg.to + 2], view.tokens[seg.to + 3]];
  if (open?.text !== '(' || close?.text !== ')' || !acro || acro.shape !== 'caps') return null;
  const initials = words.filter((w) => !CONNECTORS.has(w)).map((w) => w[0]!.toUpperCase()).join('');
  return acro.text.replaceAll('.', '') === initials ? acro.text : null;
}
