import type { EntityMention, EntityType, Span } from '../../types.js';
import { isCapitalised, type DocFacts } from './features.js';
import { EVENT_SUFFIXES, KNOWN_ORGS, LAW_NOUNS, LAW_SUFFIXES, ORG_SUFFIXES, ROLE_WORDS, TITLE_HEADS } from './hand-lists.js';
import { findPlace, lookupForm, type Place } from './lexicon.js';
import { canonicalOf, linkDocument, type Candidate, type Resolved, type Typed } from './link.js';
import { label, labelBegins, labelType, model, TYPES } from './model.js';
import { tokenizeText, type TextTokens } from './tokenize.js';

/**
 * Named-entity recogniser: CoNLL-style tokens (tokenize.ts) → a learned sequence labeller
 * (averaged perceptron over hashed features, Viterbi; model.ts, features.ts) for PER/ORG/LOC/MISC
 * → subtypes and canonical names from the gazetteer and short rules (GPE, NORP, LAW, EVENT) →
 * document-level linking (link.ts: one type per name, surname → full name, acronym → expansion).
 *
 * The title, when given, is not part of `text`: it is analysed after the text so its words count
 * as document evidence, but mentions are only returned for `text`.
 *
 * Output: sorted by start, non-overlapping, deterministic.
 */
export function extractEntities(text: string, sentences: Span[], title?: string | null): EntityMention[] {
  const full = title ? `${text}\n\n${title}` : text;
  const allSentences = title ? [...sentences, { start: text.length + 2, end: full.length }] : sentences;
  const toks = tokenizeText(full, allSentences);
  const facts = {} as DocFacts;
  const labels = label(toks, model(), facts);
  const items: Resolved[] = [];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (y === 0) continue;
    let last = i;
    while (last + 1 < labels.length && labels[last + 1]! > 0 && !labelBegins(labels[last + 1]!) && !toks.unitStart[last + 1]) last++;
    const first = withTitleWord(toks, labels, i, last);
    // The labeller's PER came from the title cue the name turned out to include.
    const type = first < i && TYPES[labelType(y)] === 'PER' ? 'ORG' : TYPES[labelType(y)]!;
    if (facts.lineKind[i] !== 2 || supported(toks, facts, first, last)) items.push(...resolve(full, toks, facts, first, last, type));
    i = last;
  }
  items.push(...hyphenParts(full, toks, labels, items));
  splitPairs(items);
  items.sort((a, b) => a.c.start - b.c.start || b.c.end - a.c.end);
  linkDocument(items);
  return toMentions(items, text.length);
}

/**
 * "Premier League", "General Motors", "Justice Department": a title word right before a name
 * whose head makes it an organisation or event belongs to that name. The labeller learnt titles
 * as the cue before a person and leaves the word out, which left "League" typed PER.
 */
function withTitleWord(toks: TextTokens, labels: Uint8Array, first: number, last: number): number {
  const prev = first - 1;
  if (prev < 0 || toks.unitStart[first] || labels[prev] !== 0) return first;
  const title = toks.words[prev]!;
  if (!TITLE_HEADS.has(title) || !isCapitalised(title) || toks.ends[prev]! + 1 !== toks.starts[first]) return first;
  const head = toks.words[last]!;
  return ORG_SUFFIXES.has(head) || EVENT_SUFFIXES.has(head) ? prev : first;
}

/** In a Title-Case headline every word is capitalised: a name there needs support from elsewhere. */
function supported(toks: TextTokens, facts: DocFacts, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const t = facts.info[i]!.titleInfo!;
    if ((t.stamp === facts.gen && t.capCount > 0) || findPlace(t.word) || KNOWN_ORGS.has(t.word)) return true;
    if (facts.info[i]!.allCaps && toks.words[i]!.length <= 5) return true;
  }
  return false;
}

function typed(type: EntityType, strength: number, extra: Partial<Typed> = {}): Typed {
  return { type, subtype: null, code: null, canonical: null, strength, ...extra };
}

function resolve(full: string, toks: TextTokens, facts: DocFacts, first: number, last: number, type: EntityType): Resolved[] {
  const { words, starts, ends } = toks;
  let start = starts[first]!;
  let end = ends[last]!;
  let names = words.slice(first, last + 1);
  // Hyphen compounds keep their capitalised run: "pro-Russian" → "Russian", "Kremlin-led" → "Kremlin".
  if (names[0]!.includes('-')) {
    const trimmed = capitalisedRun(names[0]!, first === last ? 'both' : 'start');
    if (!trimmed) return [];
    start += trimmed.from;
    if (first === last) end = start + trimmed.text.length;
    names[0] = trimmed.text;
  } else if (first !== last && names[names.length - 1]!.includes('-')) {
    const trimmed = capitalisedRun(names[names.length - 1]!, 'end');
    if (trimmed) {
      end = ends[last]! - (words[last]!.length - trimmed.from - trimmed.text.length);
      names[names.length - 1] = trimmed.text;
    }
  }
  names = names.filter((w) => w !== "'s");
  // "Malaysia Airlines Flight 370": the airline is the name; "Flight" only introduces a number.
  if (names.length > 1 && names[names.length - 1] === 'Flight' && words[last - 1] !== "'s") {
    names = names.slice(0, -1);
    end = ends[last - 1]!;
  }
  // "The Wall Street Journal" → "Wall Street Journal", unless the article belongs to a place ("The Hague").
  if (names.length > 1 && (names[0] === 'The' || names[0] === 'the') && !findPlace(names.join(' '))) {
    names = names.slice(1);
    start = starts[first + 1]!;
  }
  let t = typeOf(names, type);
  // "Minsk agreements": a name before a law noun is the law.
  const next = words[last + 1];
  if (next !== undefined && LAW_NOUNS.has(next) && t.subtype !== 'NORP' && starts[last + 1] === ends[last]! + 1) {
    end = ends[last + 1]!;
    t = typed('MISC', 3, { subtype: 'LAW' });
  }
  const surface = full.slice(start, end);
  const prev = words[first - 1] ?? '';
  const c: Candidate = {
    start,
    end,
    words: names,
    afterTitle: TITLE_HEADS.has(prev) || ROLE_WORDS.has(withoutFinalPeriod(prev.toLowerCase())),
    acronym: definedAcronym(toks, last, names),
  };
  return [{ c, t, surface, canonical: t.canonical ?? canonicalOf(surface, facts.lineKind[first] === 1) }];
}

function withoutFinalPeriod(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

/** The capitalised run of a hyphen compound and its offset; null when no part is capitalised. */
function capitalisedRun(word: string, side: 'start' | 'end' | 'both'): { from: number; text: string } | null {
  const parts = word.split('-');
  const cap = parts.map((p) => p.length > 0 && p[0] !== p[0]!.toLowerCase());
  let a = side === 'end' ? 0 : cap.indexOf(true);
  if (a < 0) return null;
  let b = side === 'start' ? parts.length - 1 : a;
  if (side !== 'start') while (b + 1 < parts.length && cap[b + 1]) b++;
  if (side === 'end') {
    b = cap.lastIndexOf(true);
    if (b < 0) return null;
    a = 0;
  }
  const from = parts.slice(0, a).reduce((n, p) => n + p.length + 1, 0);
  return { from, text: parts.slice(a, b + 1).join('-') };
}

/** Type from the labeller, refined by the gazetteer and head words. */
function typeOf(names: string[], type: EntityType): Typed {
  const key = lookupForm(names.join(' '));
  if (KNOWN_ORGS.has(key)) return typed('ORG', 3);
  const place = findPlace(key);
  if (place) {
    const fromPlace = placeTyped(place);
    if (fromPlace.type === type) return fromPlace;
  }
  const ofAt = names.findIndex((w) => w === 'of' || w === 'for');
  const head = lookupForm(ofAt > 0 ? names[ofAt - 1]! : names[names.length - 1]!);
  if (LAW_SUFFIXES.has(head) && names.length > 1) return typed('MISC', 3, { subtype: 'LAW' });
  // "Summit for Democracy", "World Cup": events, even where the labeller says ORG ("Conference" stays).
  if (EVENT_SUFFIXES.has(head) && (type === 'MISC' || (type === 'ORG' && head !== 'Conference'))) return typed('MISC', 2, { subtype: 'EVENT' });
  return typed(type, 2);
}

function placeTyped(place: Place): Typed {
  switch (place.kind) {
    case 'norp':
      return typed('MISC', 3, { subtype: 'NORP', code: place.code, canonical: place.canonical });
    case 'region':
      return typed('LOC', 3, { canonical: place.canonical });
    default:
      return typed('LOC', 3, { subtype: 'GPE', code: place.code, canonical: place.canonical });
  }
}

/** "North Atlantic Treaty Organization (NATO)": the acronym spells the capitalised words' initials. */
function definedAcronym(toks: TextTokens, last: number, names: string[]): string | null {
  const { words } = toks;
  if (words[last + 1] !== '(' || words[last + 3] !== ')') return null;
  const acro = words[last + 2]!;
  if (acro.length < 2 || acro !== acro.toUpperCase()) return null;
  const initials = names.filter((w) => w[0] !== w[0]!.toLowerCase()).map((w) => w[0]!).join('');
  return acro.replaceAll('.', '') === initials ? acro : null;
}

/**
 * Capitalised parts of hyphen compounds the labeller left out ("Biden-Putin call", "Kremlin-led",
 * "pro-Russian"): a part that is a name elsewhere in the document, a known place, nationality or
 * organisation becomes a mention of that type.
 */
function hyphenParts(full: string, toks: TextTokens, labels: Uint8Array, items: Resolved[]): Resolved[] {
  const known = new Map<string, Typed>();
  for (const r of items) if (r.c.words.length === 1 && !known.has(r.surface)) known.set(r.surface, r.t);
  const out: Resolved[] = [];
  for (let i = 0; i < labels.length; i++) {
    const t = toks.infos[i]!;
    if (labels[i] !== 0 || !t.hyphen || !t.upper) continue;
    const w = t.word;
    let offset = toks.starts[i]!;
    for (const part of w.split('-')) {
      if (part.length > 1 && part[0] !== part[0]!.toLowerCase()) {
        const key = lookupForm(part);
        const place = findPlace(key);
        const t = known.get(part) ?? (KNOWN_ORGS.has(key) ? typed('ORG', 3) : place ? placeTyped(place) : null);
        if (t) {
          const c: Candidate = { start: offset, end: offset + part.length, words: [part], afterTitle: false, acronym: null };
          out.push({ c, t: { ...t }, surface: full.slice(offset, offset + part.length), canonical: t.canonical ?? canonicalOf(part, false) });
        }
      }
      offset += part.length + 1;
    }
  }
  return out;
}

/** "Biden-Putin" labelled as one name: when every part is a name on its own, each part is a mention. */
function splitPairs(items: Resolved[]): void {
  const known = new Map<string, Resolved>();
  for (const r of items) if (r.c.words.length === 1 && !r.surface.includes('-')) known.set(r.surface, r);
  for (let k = items.length - 1; k >= 0; k--) {
    const r = items[k]!;
    if (r.c.words.length !== 1 || !r.surface.includes('-')) continue;
    const parts = r.surface.split('-');
    const types = parts.map((p) => known.get(p)?.t ?? (findPlace(lookupForm(p)) ? placeTyped(findPlace(lookupForm(p))!) : null));
    if (types.some((t) => t === null)) continue;
    let offset = r.c.start;
    const split = parts.map((p, i) => {
      const c: Candidate = { start: offset, end: offset + p.length, words: [p], afterTitle: false, acronym: null };
      offset += p.length + 1;
      const t = types[i]!;
      return { c, t: { ...t }, surface: p, canonical: t.canonical ?? known.get(p)?.canonical ?? canonicalOf(p, false) };
    });
    items.splice(k, 1, ...split);
  }
}

function toMentions(items: Resolved[], limit: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (const { c, t, surface, canonical } of items) {
    const prev = out[out.length - 1];
    if (c.end > limit || (prev && c.start < prev.end)) continue;
    out.push({ start: c.start, end: c.end, text: surface, type: t.type, subtype: t.subtype, canonical, country_code: t.code });
  }
  return out;
}
