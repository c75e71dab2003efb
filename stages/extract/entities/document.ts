import type { Span } from '../../types.js';
import { CALENDAR_WORDS, STOP_WORDS } from './hand-lists.js';
import type { Token } from './tokenize.js';

/**
 * Document-level facts that decide whether a capitalised word is a name: which lines are
 * headlines (where every word is capitalised, so capitals say nothing), which tokens open a
 * sentence, and which words the document also writes in lower case or capitalised mid-sentence.
 */

/** normal: running text; caps: ALL-CAPS headline; titled: Title-Case headline. */
export type LineKind = 'normal' | 'caps' | 'titled';

export interface DocView {
  tokens: Token[];
  /** Per token: index of its sentence (tokens outside every sentence get -1). */
  sentence: Int32Array;
  /** Per token: first word of a sentence, a line or a quotation, where capitals say nothing. */
  initial: Uint8Array;
  lineKind: LineKind[];
  /** Lower-cased forms of every word the document writes in lower case. */
  lowerSeen: Set<string>;
  /** Exact forms of capitalised words seen in running text away from a sentence start. */
  capSeen: Set<string>;
  /** Per token: part of an ALL-CAPS dateline place ("LONDON 1996-08-30", "MOSCOW, Dec 7 (Reuters)"). */
  dateline: Uint8Array;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '·', '•']);

export function viewDocument(tokens: Token[], sentences: Span[]): DocView {
  const sentence = sentenceIndex(tokens, sentences);
  const initial = initialFlags(tokens, sentence);
  const lowerSeen = lowerForms(tokens);
  const lineKind = lineKinds(tokens, lowerSeen);
  markTitledStretches(tokens, lineKind);
  const capSeen = capitalisedForms(tokens, initial, lineKind);
  return { tokens, sentence, initial, lineKind, lowerSeen, capSeen, dateline: datelineFlags(tokens) };
}

function sentenceIndex(tokens: Token[], sentences: Span[]): Int32Array {
  const out = new Int32Array(tokens.length).fill(-1);
  const sorted = [...sentences].sort((a, b) => a.start - b.start);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < sorted.length && sorted[s]!.end <= t.rawStart) s++;
    if (s < sorted.length && sorted[s]!.start <= t.rawStart) out[i] = s;
  }
  return out;
}

/**
 * A token is "initial" when it is the first word of its sentence or line, or follows an opening
 * quote, bracket, colon or dash: positions where English capitalises any word.
 */
function initialFlags(tokens: Token[], sentence: Int32Array): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let sawWord = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lineStart || (i > 0 && sentence[i] !== sentence[i - 1])) sawWord = false;
    if (t.kind === 'punct') {
      if (OPENERS.has(t.text)) sawWord = false;
      continue;
    }
    if (!sawWord) out[i] = 1;
    sawWord = true;
  }
  return out;
}

/**
 * Classifies each line: ALL-CAPS when most of its words are; Title-Case when it has at least
 * four capitalised words of four or more letters, no lower-case word that long (short function
 * words such as "of", "in", "to" are lower case in headline style), and at least two capitalised
 * words the document also writes in lower case, which tells a headline from a list of names.
 */
function lineKinds(tokens: Token[], lowerSeen: Set<string>): LineKind[] {
  const kinds: LineKind[] = new Array<LineKind>(tokens.length);
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && !tokens[i]!.lineStart) continue;
    const kind = classifyLine(tokens, from, i, lowerSeen);
    for (let j = from; j < i; j++) kinds[j] = kind;
    from = i;
  }
  return kinds;
}

function classifyLine(tokens: Token[], from: number, to: number, lowerSeen: Set<string>): LineKind {
  let words = 0;
  let caps = 0;
  let longCap = 0;
  let longLower = 0;
  let common = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    // Single letters ("W L PCT GB" table heads) say nothing about the line's case.
    if (t.kind !== 'word' || t.shape === 'other' || t.text.length < 2) continue;
    words++;
    if (t.shape === 'caps') caps++;
    if (t.shape !== 'lower' && (lowerSeen.has(t.text.toLowerCase()) || STOP_WORDS.has(t.text.toLowerCase()))) common++;
    if (t.text.length >= 4) {
      if (t.shape === 'lower') longLower++;
      else longCap++;
    }
  }
  if (words > 0 && caps / words >= 0.8 && caps >= 1) return 'caps';
  if (longCap >= 4 && longLower === 0 && common >= 2) return 'titled';
  return 'normal';
}

/**
 * A headline quoted inside running text ("2 thoughts on “Tuesday’s Biden-Putin Phone Call Could
 * Determine Ukraine’s Future") is Title-Case too: a stretch of three or more capitalised words
 * with a capitalised function word inside it ("Could", "In", "To") is no name, so it is treated
 * like a Title-Case line.
 */
function markTitledStretches(tokens: Token[], lineKind: LineKind[]): void {
  let from = -1;
  let capWords = 0;
  let capStop = false;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const cap = t !== undefined && lineKind[i] === 'normal' && (t.kind === 'word' || t.kind === 'acronym') && (t.shape === 'title' || t.shape === 'caps');
    const glue = t !== undefined && !t.lineStart && t.kind === 'word' && t.shape === 'lower' && t.text.length <= 3;
    if (cap && from >= 0 && !t.lineStart) {
      capWords++;
      capStop ||= t.shape === 'title' && STOP_WORDS.has(t.text.toLowerCase());
      continue;
    }
    if (glue && from >= 0) continue;
    if (from >= 0 && capWords >= 3 && capStop) for (let j = from; j < i; j++) lineKind[j] = 'titled';
    from = cap ? i : -1;
    capWords = cap ? 1 : 0;
    capStop = false;
  }
}

/**
 * News datelines open a line with the ALL-CAPS place the story was filed from, followed by a
 * date or a "(Reuters)"-style credit.
 */
function datelineFlags(tokens: Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.lineStart) continue;
    let j = i;
    while (j < tokens.length && j - i < 4 && tokens[j]!.shape === 'caps' && (j === i || !tokens[j]!.lineStart)) j++;
    if (j > i && j < tokens.length && !tokens[j]!.lineStart && isDateCue(tokens, j)) out.fill(1, i, j);
  }
  return out;
}

function isDateCue(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  if (/^\d{4}-\d\d-\d\d$/.test(t.text) || t.text === '(') return true;
  const next = tokens[j + 1];
  return t.text === ',' && next !== undefined && CALENDAR_WORDS.has(next.text.toLowerCase().replace(/\.$/, ''));
}

function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase();
  return STOP_WORDS.has(lower) || CALENDAR_WORDS.has(lower);
}

/** Lower-cased forms of every word the document writes in lower case (hyphen parts too). */
function lowerForms(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'word' || t.shape !== 'lower') continue;
    const lower = t.text.toLowerCase();
    out.add(lower);
    if (lower.includes('-')) for (const part of lower.split('-')) out.add(part);
  }
  return out;
}

/** Capitalised words seen in running text away from a sentence start: evidence they are names. */
function capitalisedForms(tokens: Token[], initial: Uint8Array, lineKind: LineKind[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' || t.shape === 'lower' || t.shape === 'other') continue;
    if (lineKind[i] === 'normal' && !initial[i] && !isFunctionWord(t.text)) out.add(t.text);
  }
  return out;
}
