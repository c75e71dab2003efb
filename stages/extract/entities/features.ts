import {
  CALENDAR_WORDS, DIRECTIONS, EVENT_SUFFIXES, KNOWN_ORGS, LAW_SUFFIXES, LOC_PREFIXES, LOC_SUFFIXES, ORG_SUFFIXES,
  ROLE_WORDS, SPEECH_VERBS, STOP_WORDS, TITLE_HEADS,
} from './hand-lists.js';
import { findPlace, isFirstName, placePhraseLength } from './lexicon.js';
import { fmix32 } from '../../dedupe/hash.js';

/**
 * Features of the sequence labeller, shared by the trainer (scripts/train-ner.ts) and the
 * recogniser (model.ts) so the two cannot drift apart. Every feature is a 32-bit hash of a
 * template id and strings; the model stores weights only for hashes, never the strings.
 *
 * Two kinds:
 * - word features depend only on one word and its offset (-2..+2) from the labelled token
 *   (word, lower case, shape, prefixes, suffixes, gazetteer and word-list membership), so the
 *   recogniser caches their summed weights per distinct word;
 * - context features depend on the position: word bigrams, the shape trigram, the sentence start,
 *   multi-word gazetteer matches, the kind of line (ALL-CAPS / Title-Case headline), and
 *   document-level evidence (the word is written in lower case elsewhere in the document,
 *   capitalised mid-sentence elsewhere, or elsewhere part of a longer name).
 */

/** Bumped whenever a feature changes meaning; the model file records it. */
export const FEATURE_VERSION = 5;
export const OFFSETS = [-2, -1, 0, 1, 2] as const;
export const BOS = '<S>';
export const EOS = '</S>';
/** Context features per token (fixed slots; 0 = absent). */
export const CONTEXT_SLOTS = 16;
/**
 * Slots PAIR_SLOTS_FROM..PAIR_SLOTS_TO-1 of a token hold the features of word pairs and the
 * shape trigram, which take as many values as the text has word pairs; every other slot (bias,
 * position, line kind and document evidence, each alone or with the word's shape) takes a few
 * thousand values at most, so the recogniser memoises their weights (model.ts).
 */
export const PAIR_SLOTS_FROM = 1;
export const PAIR_SLOTS_TO = 5;

// ---------------------------------------------------------------- hashing

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

export function hashSeed(template: number): number {
  return Math.imul(FNV_OFFSET ^ Math.imul(template + 1, 0x9e3779b1), FNV_PRIME);
}

export function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x1f, FNV_PRIME);
}

export function hashInt(h: number, n: number): number {
  return Math.imul(h ^ (n & 0xffff), FNV_PRIME);
}

/** Final avalanche (murmur3 fmix32, shared with dedupe's hashing); never 0, which marks an empty slot. */
export function finish(h: number): number {
  return fmix32(h) || 1;
}

// ---------------------------------------------------------------- word features

/** "Biden" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d": runs of one class collapsed. */
export function shortShape(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const k = charClass(c);
    if (k !== last) out += k;
    last = k;
    if (out.length > 8) break;
  }
  return out;
}

/** Like shortShape but runs are kept up to two characters ("Xxx" vs "Xx" tells "McDonald" apart). */
function longShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length && out.length < 12; i++) {
    const k = charClass(w[i]!);
    run = k === last ? run + 1 : 1;
    last = k;
    if (run <= 2) out += k;
  }
  return out;
}

function charClass(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return 'd';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 65 && code <= 90) return 'X';
  if (code < 128) return c;
  const l = c.toLowerCase();
  const u = c.toUpperCase();
  if (l === u) return /\p{N}/u.test(c) ? 'd' : c === '’' ? "'" : '~';
  return c === l ? 'x' : 'X';
}

export function isCapitalised(w: string): boolean {
  const c = w[0];
  if (c === undefined) return false;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Title case of an ALL-CAPS word ("RUSSIA" → "Russia"), else the word. */
export function titleForm(w: string): string {
  if (w.length < 2 || w !== w.toUpperCase() || w === w.toLowerCase()) return w;
  return w[0] + w.slice(1).toLowerCase();
}

const enum T {
  Word = 1, Lower, Shape, LongShape, Prefix, Suffix, Flag, Place, Length,
  Bigram = 40, ShapeTri, Initial, PhrasePlace, Line, LowerElsewhere, CapElsewhere, RunElsewhere, Bias, Prev2, Next2, Quote, Title,
}

/** Hashes of one word's features at one offset from the labelled token. */
export function wordFeatures(w: string, offset: number): number[] {
  const out: number[] = [];
  const o = offset + 2;
  const lower = w.toLowerCase();
  const title = titleForm(w);
  addFeature(out, T.Lower, o, lower);
  addFeature(out, T.Shape, o, shortShape(w));
  if (offset === 0) {
    addFeature(out, T.Word, o, w);
    addFeature(out, T.LongShape, o, longShape(w));
    for (let k = 1; k <= 4 && k <= w.length; k++) {
      addFeature(out, T.Prefix, o, w.slice(0, k));
      addFeature(out, T.Suffix, o, w.slice(-k));
    }
    addFeature(out, T.Length, o, String(Math.min(w.length, 12)));
    if (title !== w) addFeature(out, T.Word, o, title);
  } else if (offset === -1 || offset === 1) {
    addFeature(out, T.Word, o, w);
    if (w.length > 3) addFeature(out, T.Suffix, o, lower.slice(-3));
  }
  for (const flag of listFlags(w, lower, title)) addFeature(out, T.Flag, o, flag);
  const place = w.length > 1 ? findPlace(title) : undefined;
  if (place) addFeature(out, T.Place, o, place.kind);
  return out;
}

/**
 * A module-level function, not a closure in wordFeatures: tsx (esbuild keepNames) wraps every
 * named closure in a __name() call, which then ran each time a new word was featurised.
 */
function addFeature(out: number[], template: T, offsetSlot: number, s: string): void {
  out.push(finish(hashString(hashInt(hashSeed(template), offsetSlot), s)));
}

/** Membership of the word in the gazetteer's first names and the hand lists (closed-class English). */
function listFlags(w: string, lower: string, title: string): string[] {
  const out: string[] = [];
  if (isCapitalised(w) && isFirstName(title)) out.push('first');
  if (KNOWN_ORGS.has(title)) out.push('org');
  if (ORG_SUFFIXES.has(title)) out.push('orgsuf');
  if (LOC_SUFFIXES.has(title)) out.push('locsuf');
  if (LOC_PREFIXES.has(title)) out.push('locpre');
  if (EVENT_SUFFIXES.has(title)) out.push('event');
  if (LAW_SUFFIXES.has(title)) out.push('law');
  if (DIRECTIONS.has(title)) out.push('dir');
  if (TITLE_HEADS.has(title) || TITLE_HEADS.has(w)) out.push('title');
  if (ROLE_WORDS.has(lower)) out.push('role');
  if (SPEECH_VERBS.has(lower)) out.push('say');
  if (STOP_WORDS.has(lower)) out.push('stop');
  if (CALENDAR_WORDS.has(lower.replace(/\.$/, ''))) out.push('cal');
  return out;
}

// ---------------------------------------------------------------- per-word facts

/** What the context features need to know about a word, computed once per distinct word. */
export interface WordInfo {
  word: string;
  /**
   * word.length, and whether the word has a hyphen, kept with the flags: lineKinds and
   * hyphenParts (index.ts) look at every token, and reading the string itself was a cache miss
   * per token.
   */
  length: number;
  hyphen: boolean;
  lowerHash: number;
  shapeHash: number;
  /** Starts with a letter or digit (not punctuation). */
  wordish: boolean;
  /** Starts with a letter. */
  letter: boolean;
  /** First letter upper case. */
  cap: boolean;
  /** Has an upper-case letter anywhere ("Biden", "iPhone", "U.S."). */
  upper: boolean;
  /** Capitalised and no lower-case letter (two or more letters). */
  allCaps: boolean;
  /** Lower-case letter first. */
  lowerStart: boolean;
  /** Stop word (closed-class). */
  stop: boolean;
  opener: boolean;
  /** Title case of an ALL-CAPS word, for gazetteer phrases and document evidence. */
  title: string;
  /** Info of the word's title form (itself for most words). */
  titleInfo: WordInfo | null;
  /** Info of the lower-case form (for "written in lower case elsewhere"). */
  lowerInfo: WordInfo | null;
  /** Longest multi-word place starting with this word's title form; 0 none. */
  phraseLen: number;
  titleOrRole: boolean;
  quote: boolean;
  // Per-document evidence, valid when the stamp equals the document's generation.
  stamp: number;
  seenLower: boolean;
  capCount: number;
  /** Capitalised in running text anywhere, sentence starts included. */
  capAny: boolean;
  runFirst: boolean;
  runLast: boolean;
  /** Where model.ts pooled this word's summed word-feature weights, valid in that pool generation. */
  vectorAt: number;
  vectorGeneration: number;
}

/**
 * Word → WordInfo, looked up once per token: open addressing on a string hash kept in an
 * Int32Array, so a probe compares integers and reads one key string. A Map<string, WordInfo>
 * compared the key strings along its chains and was the largest single cost per token.
 */
class WordTable {
  size = 0;
  private hashes = new Int32Array(1 << 16);
  private infos = new Array<WordInfo | undefined>(1 << 16).fill(undefined);

  /** 32-bit FNV-1a of the word, never 0 (0 marks an empty slot). */
  static hash(word: string): number {
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    return h | 1;
  }

  /** hash() of the word held in chars[start..end). */
  static hashAt(chars: Uint16Array, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ chars[i]!, FNV_PRIME);
    return h | 1;
  }

  get(word: string, h: number): WordInfo | undefined {
    const { hashes, infos } = this;
    const mask = hashes.length - 1;
    for (let p = (h ^ (h >>> 16)) & mask; hashes[p] !== 0; p = (p + 1) & mask) {
      if (hashes[p] === h && infos[p]!.word === word) return infos[p];
    }
    return undefined;
  }

  /** get() of the word held in chars[start..end), compared where it stands. */
  getAt(chars: Uint16Array, start: number, end: number, h: number): WordInfo | undefined {
    const { hashes, infos } = this;
    const mask = hashes.length - 1;
    const n = end - start;
    for (let p = (h ^ (h >>> 16)) & mask; hashes[p] !== 0; p = (p + 1) & mask) {
      if (hashes[p] !== h) continue;
      const word = infos[p]!.word;
      if (word.length !== n) continue;
      let k = 0;
      while (k < n && word.charCodeAt(k) === chars[start + k]) k++;
      if (k === n) return infos[p];
    }
    return undefined;
  }

  add(h: number, info: WordInfo): void {
    if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    this.place(h, info);
    this.size++;
  }

  clear(): void {
    this.hashes.fill(0);
    this.infos.fill(undefined);
    this.size = 0;
  }

  private place(h: number, info: WordInfo): void {
    const mask = this.hashes.length - 1;
    let p = (h ^ (h >>> 16)) & mask;
    while (this.hashes[p] !== 0) p = (p + 1) & mask;
    this.hashes[p] = h;
    this.infos[p] = info;
  }

  private grow(): void {
    const { hashes, infos } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.infos = new Array<WordInfo | undefined>(hashes.length * 2).fill(undefined);
    for (let p = 0; p < hashes.length; p++) if (hashes[p] !== 0) this.place(hashes[p]!, infos[p]!);
  }
}

const infos = new WordTable();
let generation = 0;

/**
 * The word table starts over, at the start of a document, once it holds this many words (memory
 * stays bounded). Never inside a document: a word's per-document evidence lives on its info, and a
 * table cleared mid-document lost what the document's earlier tokens had shown, so a document's
 * mentions depended on what the worker had read before it (and on the worker count).
 */
export const WORD_TABLE_LIMIT = 300_000;

/**
 * Words of one to eight ASCII characters (92% of BBC's tokens: "the", ",", "said", "minister")
 * in a direct-mapped cache in front of the table, keyed by the characters themselves packed in
 * two 32-bit integers, so finding a frequent word is two integer comparisons in an array small
 * enough to stay in cache: no hashing, no probe in the table, no character comparison. Measured
 * on BBC against the regex tokenizer with string look-ups: 1.03× its speed without the cache,
 * 1.08× with words of up to four characters, 1.13× up to eight (2^16 entries: no better).
 */
const SHORT_BITS = 14;
/** The first four characters and the length (so never 0: 0 marks an empty entry), then the next four. */
const shortHeads = new Int32Array(1 << SHORT_BITS);
const shortTails = new Int32Array(1 << SHORT_BITS);
const shortInfos = new Array<WordInfo | undefined>(1 << SHORT_BITS).fill(undefined);

/** Called before a document's first word look-up: the only point where the table may start over. */
export function startWordLookups(): void {
  if (infos.size <= WORD_TABLE_LIMIT) return;
  infos.clear();
  shortHeads.fill(0);
  shortInfos.fill(undefined);
}

/**
 * wordInfo(text.slice(start, end)), where chars holds the text's UTF-16 code units: the text is
 * sliced only for a word the table does not hold yet.
 */
export function wordInfoAt(text: string, chars: Uint16Array, start: number, end: number): WordInfo {
  const n = end - start;
  if (n > 8) return tableInfoAt(text, chars, start, end);
  let head = n << 28;
  let tail = 0;
  for (let k = 0; k < n; k++) {
    const c = chars[start + k]!;
    if (c >= 128) return tableInfoAt(text, chars, start, end);
    if (k < 4) head |= c << (7 * k);
    else tail |= c << (7 * (k - 4));
  }
  const slot = Math.imul(head ^ Math.imul(tail, 0x85ebca6b), 0x9e3779b1) >>> (32 - SHORT_BITS);
  if (shortHeads[slot] !== head || shortTails[slot] !== tail) {
    shortHeads[slot] = head;
    shortTails[slot] = tail;
    shortInfos[slot] = tableInfoAt(text, chars, start, end);
  }
  return shortInfos[slot]!;
}

function tableInfoAt(text: string, chars: Uint16Array, start: number, end: number): WordInfo {
  return infos.getAt(chars, start, end, WordTable.hashAt(chars, start, end)) ?? wordInfo(text.slice(start, end));
}

export function wordInfo(word: string): WordInfo {
  const h = WordTable.hash(word);
  let info = infos.get(word, h);
  if (info) return info;
  const c = word.charCodeAt(0);
  const first = word[0] ?? '';
  const letter = first.toLowerCase() !== first.toUpperCase();
  const cap = isCapitalised(word);
  const lower = word.toLowerCase();
  const title = titleForm(word);
  info = {
    word,
    length: word.length,
    hyphen: word.includes('-'),
    lowerHash: hashString(FNV_OFFSET, lower),
    shapeHash: hashString(FNV_OFFSET, shortShape(word)),
    wordish: letter || (c >= 48 && c <= 57) || /^\p{N}/u.test(first),
    letter,
    cap,
    upper: word !== lower,
    allCaps: cap && word.length > 1 && word === word.toUpperCase(),
    lowerStart: letter && !cap,
    stop: STOP_WORDS.has(lower),
    opener: OPENERS.has(word),
    title,
    titleInfo: null,
    lowerInfo: null,
    phraseLen: cap ? placePhraseLength(title) : 0,
    titleOrRole: TITLE_HEADS.has(word) || ROLE_WORDS.has(lower),
    quote: word === '"' || word === '``' || word === '“',
    stamp: -1,
    seenLower: false,
    capCount: 0,
    capAny: false,
    runFirst: false,
    runLast: false,
    vectorAt: 0,
    vectorGeneration: -1,
  };
  infos.add(h, info);
  info.titleInfo = title === word ? info : wordInfo(title);
  info.lowerInfo = lower === word ? info : wordInfo(lower);
  return info;
}

function touch(info: WordInfo, gen: number): WordInfo {
  if (info.stamp !== gen) {
    info.stamp = gen;
    info.seenLower = false;
    info.capCount = 0;
    info.capAny = false;
    info.runFirst = false;
    info.runLast = false;
  }
  return info;
}

// ---------------------------------------------------------------- documents

/** A document as the labeller sees it: tokens, where labelling units start, and where lines start. */
export interface LabelDoc {
  words: string[];
  /** wordInfo of each word, when the tokenizer looked them up already (tokenize.ts). */
  infos?: WordInfo[];
  /** 1 where a new sentence (decoding unit) starts. */
  unitStart: Uint8Array;
  /** 1 where a new line starts (headline detection); every unit start in CoNLL. */
  lineStart: Uint8Array;
}

/** 0 running text, 1 ALL-CAPS line, 2 Title-Case headline. */
export function lineKinds(doc: LabelDoc, info: WordInfo[], gen: number): Uint8Array {
  const n = doc.words.length;
  const kinds = new Uint8Array(n);
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && !doc.lineStart[i]) continue;
    let words = 0;
    let caps = 0;
    let longCap = 0;
    let longLower = 0;
    let common = 0;
    for (let j = from; j < i; j++) {
      const t = info[j]!;
      if (t.length < 2 || !t.letter) continue;
      words++;
      if (t.allCaps) caps++;
      if (t.cap) {
        const l = t.lowerInfo!;
        if ((l.stamp === gen && l.seenLower) || t.stop) common++;
      }
      if (t.length >= 4) {
        if (t.cap) longCap++;
        else longLower++;
      }
    }
    const kind = words > 0 && caps >= 1 && caps / words >= 0.8 ? 1 : longCap >= 4 && longLower === 0 && common >= 2 ? 2 : 0;
    kinds.fill(kind, from, i);
    from = i;
  }
  return kinds;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '`', '``']);

/** Per token: first word of its unit or line, or right after an opening quote, bracket or colon. */
export function initialFlags(doc: LabelDoc, info: WordInfo[]): Uint8Array {
  const out = new Uint8Array(info.length);
  let sawWord = false;
  for (let i = 0; i < info.length; i++) {
    if (doc.unitStart[i] || doc.lineStart[i]) sawWord = false;
    const t = info[i]!;
    if (!t.wordish) {
      if (t.opener) sawWord = false;
      continue;
    }
    if (!sawWord) out[i] = 1;
    sawWord = true;
  }
  return out;
}

function mix(h: number, n: number): number {
  h = Math.imul(h ^ (n & 0xffff), FNV_PRIME);
  return Math.imul(h ^ (n >>> 16), FNV_PRIME);
}

/** Per-token facts the recogniser reuses after labelling. */
export interface DocFacts {
  info: WordInfo[];
  lineKind: Uint8Array;
  initial: Uint8Array;
  gen: number;
  /**
   * 1 where a name can be: the token, or a neighbour in its unit, has an upper-case letter.
   * Elsewhere the recogniser labels O without scoring (names are capitalised; "Bank of England").
   */
  live: Uint8Array;
}

/**
 * Context feature hashes, CONTEXT_SLOTS per token (0 = unused slot). Document-level evidence is
 * gathered first (on the per-word infos, stamped with this document's generation): forms
 * written in lower case, capitalised forms away from sentence starts in running text, and words
 * that open or close a longer capitalised run. The recogniser skips tokens that are not `live`
 * (it labels them O); training passes everyToken, which measured better than training on live
 * tokens only (eng.testa F1 92.3 vs 90.1, held-out equal).
 */
export function contextFeatures(doc: LabelDoc, facts?: DocFacts, everyToken = false): Uint32Array {
  const { words } = doc;
  const n = words.length;
  const out = new Uint32Array(n * CONTEXT_SLOTS);
  let info = doc.infos;
  if (!info) {
    startWordLookups();
    info = new Array<WordInfo>(n);
    for (let i = 0; i < n; i++) info[i] = wordInfo(words[i]!);
  }
  const gen = ++generation;
  for (let i = 0; i < n; i++) {
    const t = info[i]!;
    if (t.lowerStart) touch(t, gen).seenLower = true;
  }
  const kinds = lineKinds(doc, info, gen);
  const initial = initialFlags(doc, info);
  const live = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!info[i]!.upper) continue;
    live[i] = 1;
    if (i > 0 && !doc.unitStart[i]) live[i - 1] = 1;
    if (i + 1 < n && !doc.unitStart[i + 1]) live[i + 1] = 1;
  }
  if (facts) Object.assign(facts, { info, lineKind: kinds, initial, gen, live });
  for (let i = 0; i < n; i++) {
    const t = info[i]!;
    if (!t.cap || kinds[i] !== 0) continue;
    const e = touch(t, gen);
    if (!initial[i]) e.capCount++;
    e.capAny = true;
    if (i > 0 && !doc.unitStart[i] && info[i - 1]!.cap && !initial[i]) e.runLast = true;
    if (i + 1 < n && !doc.unitStart[i + 1] && info[i + 1]!.cap) e.runFirst = true;
  }
  const phrase = phrasePlaces(doc, info);
  const sBias = finish(hashSeed(T.Bias));
  const sBigram = hashSeed(T.Bigram);
  const sBigram2 = hashSeed(T.Bigram + 100);
  const sTri = hashSeed(T.ShapeTri);
  const sPrev2 = hashSeed(T.Prev2);
  const sInit = hashSeed(T.Initial);
  const sLine = hashSeed(T.Line);
  const sPhrase = hashSeed(T.PhrasePlace);
  const sLowerE = hashSeed(T.LowerElsewhere);
  const sCapE = hashSeed(T.CapElsewhere);
  const sCapE2 = hashSeed(T.CapElsewhere + 100);
  const sRun = hashSeed(T.RunElsewhere);
  const sQuote = finish(hashSeed(T.Quote));
  const sTitle = hashSeed(T.Title);
  const bos = wordInfo(BOS);
  const eos = wordInfo(EOS);
  for (let i = 0; i < n; i++) {
    if (!live[i] && !everyToken) continue;
    let k = i * CONTEXT_SLOTS;
    const t = info[i]!;
    const first = doc.unitStart[i] === 1;
    const prev = first ? bos : info[i - 1]!;
    const hasNext = i + 1 < n && !doc.unitStart[i + 1];
    const next = hasNext ? info[i + 1]! : eos;
    const prev2 = first || i < 2 || doc.unitStart[i - 1] ? bos : info[i - 2]!;
    out[k++] = sBias;
    out[k++] = finish(mix(mix(sBigram, prev.lowerHash), t.lowerHash));
    out[k++] = finish(mix(mix(sBigram2, t.lowerHash), next.lowerHash));
    out[k++] = finish(mix(mix(mix(sTri, prev.shapeHash), t.shapeHash), next.shapeHash));
    out[k++] = finish(mix(mix(sPrev2, prev2.lowerHash), prev.lowerHash));
    out[k++] = finish(mix(mix(sInit, initial[i]! + 2 * (first ? 1 : 0)), t.shapeHash));
    out[k++] = finish(mix(mix(sLine, kinds[i]!), t.shapeHash));
    if (phrase[i]) out[k++] = finish(mix(sPhrase, phrase[i]!));
    if (!t.cap) continue;
    const form = kinds[i] === 1 ? t.titleInfo! : t;
    const lowerHere = t.lowerInfo!.stamp === gen && t.lowerInfo!.seenLower ? 1 : 0;
    const capsHere = (form.stamp === gen ? form.capCount : 0) - (!initial[i] && kinds[i] === 0 ? 1 : 0) > 0 ? 1 : 0;
    const init = initial[i]! + 2 * kinds[i]!;
    out[k++] = finish(mix(mix(sLowerE, lowerHere), init));
    out[k++] = finish(mix(mix(sCapE, capsHere), init));
    out[k++] = finish(mix(mix(sCapE2, capsHere), lowerHere));
    if (kinds[i] !== 0) out[k++] = finish(mix(mix(sCapE2, 2 + kinds[i]!), form.stamp === gen && form.capAny ? 1 : 0));
    const single = !(i > 0 && !first && prev.cap) && !(hasNext && next.cap);
    const run = form.stamp === gen ? (form.runFirst ? 1 : 0) + (form.runLast ? 2 : 0) : 0;
    out[k++] = finish(mix(sRun, run + (single ? 4 : 0)));
    if (prev.quote) out[k++] = sQuote;
    if (prev.titleOrRole) out[k++] = finish(mix(sTitle, t.shapeHash));
  }
  return out;
}

/**
 * Multi-word gazetteer matches ("New Zealand", "NEW ZEALAND"): per token, a code for its position
 * in the longest match (1 begin, 2 inside, 3 end) times 8 plus the place kind; 0 for none.
 */
function phrasePlaces(doc: LabelDoc, info: WordInfo[]): Uint8Array {
  const { words } = doc;
  const out = new Uint8Array(words.length);
  const kindCode = { country: 1, gpe: 2, region: 3, norp: 4 } as const;
  for (let i = 0; i < words.length; i++) {
    const max = info[i]!.phraseLen;
    if (max === 0) continue;
    let phrase = info[i]!.title;
    let best = -1;
    let code = 0;
    for (let j = i + 1; j < words.length && j - i < max && !doc.unitStart[j]; j++) {
      const w = words[j]!;
      phrase += ' ' + (w === 'OF' ? 'of' : info[j]!.title);
      const place = findPlace(phrase);
      if (place) {
        best = j;
        code = kindCode[place.kind];
      }
    }
    if (best < 0) continue;
    for (let j = i; j <= best; j++) out[j] = (j === i ? 1 : j === best ? 3 : 2) * 8 + code;
    i = best;
  }
  return out;
}
