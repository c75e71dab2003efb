/**
 * Line classifier for text the precise rules left: jusText's design (Pomikálek 2011) on lines,
 * with features a text dump still has (no markup, so no link density).
 *
 * 1. Features per line (`lineFeatures`): length, words, stop-word density, terminal punctuation,
 *    share of link-like tokens (URLs, e-mails, @handles, #tags, "|" / "»" separators), share of
 *    navigation words (home, login, share, impressum...), share of capitalised words, position in
 *    the document, word overlap with the title.
 * 2. Context-free class (`contextFreeClass`): `bad` (link/navigation-like, © lines, no letters,
 *    long lines with almost no function words), `short` (under `lengthLow` chars), `good` (long
 *    with stop-word density ≥ `stopwordsHigh`), `near-good` (in between).
 * 3. Neighbour smoothing (`smooth`), as jusText: short lines take the class of their nearest
 *    non-short neighbours (good if both are good, bad if both bad, mixed cases decided by whether
 *    a near-good line sits next to it); near-good lines stay unless both neighbours are bad;
 *    heading-like short lines followed closely by good text are kept. Document edges count as bad.
 * 4. In text dumps (the default profile), the article starts at its headline when the title comes
 *    back before any good line (`articleStart`: the page's header above it goes), and ends before
 *    the first run of lines that smoothing did not keep when little good text follows it
 *    (`articleEnd`), and the lines after the last good one go, except lists that follow good text
 *    (`articleLists`) and sentences that continue the article after its last good line
 *    (`tailContinuation`: line-ups, results).
 *
 * Removals get rule ids `classifier-bad` (class bad on the line's own features),
 * `classifier-context` (short or near-good lines that their neighbours turned bad) and
 * `classifier-outside` (outside the article's span). When no line
 * of a document ends up good, near-good lines stand in for good ones; when there are none either,
 * nothing is removed (a short note is not all boilerplate).
 */
import { codePointAt, endsWithOneOf, isLetterOrDigit } from './normalize.js';
import { LANGUAGES, STOP_MASK } from './stopwords.js';

export interface ClassifierOptions {
  /** Off switch (also: put both rule ids in clean.disabledRules). */
  enabled: boolean;
  /** Lines shorter than this (characters) are `short`: decided by their neighbours. */
  lengthLow: number;
  /** Lines longer than this with enough stop words are `good` outright. */
  lengthHigh: number;
  /** Stop-word density under which a line is `bad`. */
  stopwordsLow: number;
  /** Stop-word density from which a line is `good` (or `near-good` when short of lengthHigh). */
  stopwordsHigh: number;
  /** Share of navigation words from which a line is `bad`. */
  maxNavShare: number;
  /** Share of link-like tokens from which a line is `bad`. */
  maxLinkShare: number;
  /** Characters after a heading-like line within which good text makes it good. */
  maxHeadingDistance: number;
  /** Documents with fewer non-blank lines are left to the precise rules (too little context to judge). */
  minLines: number;
  /** Lines with at least this many words and terminal punctuation are never `bad` on their own features. */
  proseMinWords: number;
  /** Short lines with this many words, terminal punctuation and stopwordsLow are `near-good`, not `short` (0: off). */
  shortProseMinWords: number;
  /** Near-good lines of at least this many characters stay even between bad neighbours (0: off). */
  keepNearGoodChars: number;
  /**
   * Keep only the main block: the contiguous run of lines with the highest score (good lines score
   * their length, others `-blockPenalty - chars × blockWeight`), as BTE (Finn et al. 2001) does on
   * tokens. Lines outside it are removed as `classifier-outside`; inside it, lines are removed only
   * when their own features make them `bad`.
   */
  mainBlock: boolean;
  blockPenalty: number;
  blockWeight: number;
  /** Inside the main block, keep short lines the neighbour smoothing removed. */
  blockKeepShort: boolean;
  /**
   * Remove only lines that are `bad` on their own features (no smoothing, no main block): the
   * profile for text that a main-content extractor already chose (HTML through readability).
   */
  onlyBad: boolean;
  /** With onlyBad: also remove the lines after the last (`tail`), or before the first and after the last (`both`), line that smoothing finds good. */
  trimEdges: 'none' | 'tail' | 'both';
  /** With onlyBad and trimEdges `tail`: before the first good line, also remove lines smoothing finds bad that have at most this many words (0: off). */
  headMaxWords: number;
  /**
   * With headMaxWords: a line of HEADLINE_MIN_WORDS+ words of which at least this share is in the
   * title is the headline, and when no line above it is good, every line above it that smoothing
   * finds bad goes too, whatever its length (0: off). A whole-page dump repeats its title as the
   * article's headline; what sits above it before any article text is the page's header (slogans,
   * visitor counters, notices), not the article.
   */
  headlineOverlap: number;
  /**
   * With onlyBad: anywhere in the document, also remove lines that smoothing finds bad and that have
   * at most this many words (0: off). Short lines between boilerplate are menu items, labels and
   * teasers; short lines in the body sit between good lines and smoothing keeps them.
   */
  contextMaxWords: number;
  /**
   * With onlyBad: the same for lines without terminal punctuation, up to this many words (0: off).
   * Between boilerplate lines, such lines are teaser headlines, labels and offers; in the body, the
   * headings sit next to good lines and smoothing keeps them.
   */
  contextMaxHeadingWords: number;
  /** With trimEdges `tail`: lines not found good in a row that can end the article (see articleEnd; 0: off). */
  tailRun: number;
  /** With tailRun: most text after the run, as a share of the good text before it, for the run to end the article. */
  tailRatio: number;
  /** With tailRun: most characters of text after the run for the run to end the article. */
  tailMaxChars: number;
  /**
   * Lists that follow good text (2+ consecutive items with the same bullet, or numbered 1, 2, 3...)
   * are article text: kept whole, and the article's end moves past them (see articleLists).
   */
  keepLists: boolean;
  /**
   * With trimEdges `tail`: the article goes on after its last good line through lines that end a
   * sentence ("." or "?") and are not link or navigation lines, the first of them with at least
   * `tailProseMinWords` words; photo credits, captions and ad labels between them, and headings of
   * up to `tailHeadingWords` words followed by such a line, do not stop it (0: no headings).
   * Line-ups, results and closing paragraphs that smoothing does not find good end many news articles.
   */
  tailProse: boolean;
  tailProseMinWords: number;
  tailHeadingWords: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = {
  enabled: true,
  lengthLow: 70,
  lengthHigh: 200,
  stopwordsLow: 0.3,
  stopwordsHigh: 0.32,
  maxNavShare: 0.5,
  maxLinkShare: 0.3,
  maxHeadingDistance: 200,
  minLines: 5,
  proseMinWords: 12,
  shortProseMinWords: 0,
  keepNearGoodChars: 0,
  mainBlock: false,
  blockPenalty: 10,
  blockWeight: 0.5,
  blockKeepShort: true,
  onlyBad: true,
  trimEdges: 'tail',
  headMaxWords: 3,
  headlineOverlap: 0.8,
  contextMaxWords: 4,
  contextMaxHeadingWords: 8,
  tailRun: 3,
  tailRatio: 0.2,
  tailMaxChars: 1000,
  keepLists: true,
  tailProse: true,
  tailProseMinWords: 4,
  tailHeadingWords: 8,
};

/** Overrides for text that readability extracted from HTML (see docs/decisions.md): readability already chose the block, so only lines bad on their own features go. */
export const HTML_CLASSIFIER_OPTIONS: Partial<ClassifierOptions> = { onlyBad: true, trimEdges: 'none', headMaxWords: 0, contextMaxWords: 0, contextMaxHeadingWords: 0 };

/**
 * jusText in full (every line that smoothing finds bad goes): higher precision, lower recall than
 * the default. Trafilatura set, text mode (2026-11-22): P 0.847 R 0.836 F1 0.841 vs the default's
 * P 0.842 R 0.902 F1 0.871 (docs/decisions.md). Select with `"clean": {"classifier": {"onlyBad": false}}`.
 */
export const PRECISION_CLASSIFIER_OPTIONS: Partial<ClassifierOptions> = { onlyBad: false, mainBlock: false };

export type LineClass = 'good' | 'near-good' | 'short' | 'bad';

export interface LineFeatures {
  chars: number;
  words: number;
  stopwordDensity: number;
  terminalPunctuation: boolean;
  linkShare: number;
  navShare: number;
  capitalisedShare: number;
  /** 0 for the first line of the document, 1 for the last. */
  position: number;
  /** Share of the line's words that are in the title (0 without title). */
  titleOverlap: number;
  /** Under 150 characters, 2+ words, no terminal punctuation: may be a heading. */
  headingLike: boolean;
  copyrightSign: boolean;
}

const LINKISH = /^(?:https?:|www\.|[\w.-]+@[\w-]+\.|@\w|#\w)|\.(?:com|org|net|de|fr|co\.uk|html?|php)\b/i;
const SEPARATORS = /\s[|»›•·]\s|^[|»›•·]|[|»›•·]$/g;
/** The characters of SEPARATORS ("|", "»", "›", "•", "·"): nextToken notes them as it passes, which saves a search of every line for them (2 % of the clean stage's time in a profile on the BBC corpus). */
function isSeparatorCharacter(code: number): boolean {
  return code === 0x7c || code === 0xbb || code === 0x203a || code === 0x2022 || code === 0xb7;
}
const NAV_WORDS = new Set(
  `home homepage menu navigation nav login log logout register sign signin signup subscribe subscription share tweet pin email print
  follow like facebook twitter instagram linkedin youtube whatsapp reddit pinterest rss feed search contact imprint impressum datenschutz
  kontakt privacy terms cookies cookie policy sitemap archive archives tags tag categories category next previous prev older newer
  comments comment reply replies permalink trackback advertisement advertise anzeige werbung skip content top back more read
  weiterlesen mehr teilen drucken startseite suche newsletter abonnieren kommentare kommentar antworten zurück nächste vorherige
  accueil connexion partager rechercher inicio buscar compartir página page pages posted views votes rating click here
  faq help about jobs careers shop cart account profile settings`.split(/\s+/),
);

/** Bit set in WORD_INFO for navigation words; the bits below it are STOP_MASK's language bits. */
const NAV_BIT = 1 << 30;
/** Lower-case token → stop-list language bits | NAV_BIT: one map lookup per token instead of two. */
const WORD_INFO: ReadonlyMap<string, number> = (() => {
  const info = new Map(STOP_MASK);
  for (const word of NAV_WORDS) info.set(word, (info.get(word) ?? 0) | NAV_BIT);
  return info;
})();

/** Lower-case letter for an ASCII capital, the character itself otherwise. */
function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Per ASCII character that continues a token (letters, digits and `'.-@_/:`): its lower case; 0 for the others. */
const TOKEN_CHARACTER_LOWER = (() => {
  const lower = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isLetterOrDigit(c)) lower[c] = asciiLower(c);
  for (const c of "'.-@_/:") lower[c.charCodeAt(0)] = c.charCodeAt(0);
  return lower;
})();
const RIGHT_SINGLE_QUOTE = 0x2019;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A set of ASCII words with a value each, looked up by the FNV-1a hash of a token's lower-cased
 * characters and checked against the line in place: the scan of a line makes no string per token
 * (lower-casing and hashing a fresh string per token were most of the classifier's time).
 */
class AsciiWordTable {
  private readonly slots: Int32Array;
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private readonly values: number[] = [];

  /** Words that are not lower-case ASCII are left out: no ASCII token lower-cases to them. */
  constructor(entries: Iterable<readonly [string, number]>) {
    for (const [word, value] of entries) {
      if (!/^[\x00-\x7f]*$/.test(word) || word !== word.toLowerCase()) continue;
      let hash = FNV_OFFSET;
      for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), FNV_PRIME);
      this.words.push(word);
      this.hashes.push(hash);
      this.values.push(value);
    }
    let size = 8;
    while (size < this.words.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes.forEach((hash, entry) => {
      let slot = hash & (size - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.slots[slot] = entry + 1;
    });
  }

  /** The value of the ASCII token `line[start, end)` (hash: of its lower-cased characters), or undefined. */
  get(line: string, start: number, end: number, hash: number): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (this.hashes[entry] !== hash) continue;
      const word = this.words[entry]!;
      if (word.length !== end - start) continue;
      let k = 0;
      while (k < word.length && word.charCodeAt(k) === asciiLower(line.charCodeAt(start + k))) k++;
      if (k === word.length) return this.values[entry];
    }
    return undefined;
  }
}

/** The ASCII part of WORD_INFO. */
const ASCII_WORD_INFO = new AsciiWordTable(WORD_INFO);

/** Where nextToken leaves the token it found (one object reused: no allocation per token). */
interface TokenSpan {
  start: number;
  end: number;
  /** All characters ASCII (then `hash` is the FNV-1a hash of the lower-cased token). */
  ascii: boolean;
  hash: number;
  /** Holds "@" or ":", or a "." before its last character: only then can LINKISH match it. */
  maybeLink: boolean;
  /** Set when a SEPARATORS character was passed between tokens (never cleared by nextToken). */
  separatorSeen: boolean;
}

/**
 * Finds the first token in `text` at or after `from` and before `end`: a letter or digit, then any
 * letters, digits and `'’.-@_/:` (the matches of `[\p{L}\p{N}][\p{L}\p{N}'’.\-@_/:]*` with the u
 * flag). Scanned by hand, as the features need no token strings. Returns false when the line
 * (`text` up to `end`) has no more tokens.
 */
function nextToken(text: string, from: number, end: number, span: TokenSpan): boolean {
  let i = from;
  for (;;) {
    if (i >= end) return false;
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (isLetterOrDigit(c)) break;
      if (isSeparatorCharacter(c)) span.separatorSeen = true;
      i++;
    } else {
      const codePoint = codePointAt(text, i);
      if (isLetterOrDigit(codePoint)) break;
      if (isSeparatorCharacter(codePoint)) span.separatorSeen = true;
      i += codePoint > 0xffff ? 2 : 1;
    }
  }
  const start = i;
  let ascii = true;
  let hash = FNV_OFFSET;
  let linkChar = false;
  let firstDot = -1;
  for (; i < end; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const lower = TOKEN_CHARACTER_LOWER[c]!;
      if (lower === 0) break;
      // Letters are above "@" (64), so they skip the tests for the link characters.
      if (lower <= 64) {
        if (c === 64 || c === 58) linkChar = true;
        else if (c === 46 && firstDot < 0) firstDot = i;
      }
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      i++;
    } else {
      const codePoint = codePointAt(text, i);
      if (codePoint !== RIGHT_SINGLE_QUOTE && !isLetterOrDigit(codePoint)) break;
      ascii = false;
      i += codePoint > 0xffff ? 2 : 1;
    }
  }
  span.start = start;
  span.end = i;
  span.ascii = ascii;
  span.hash = hash;
  // A final "." only (a sentence's last word) cannot begin "www." nor precede a domain ending.
  span.maybeLink = linkChar || (firstDot >= 0 && firstDot < i - 1);
  return true;
}

const SCRATCH = new Int32Array(LANGUAGES.length);
const SPAN: TokenSpan = { start: 0, end: 0, ascii: true, hash: 0, maybeLink: false, separatorSeen: false };

export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  for (let from = 0; nextToken(line, from, line.length, SPAN); from = SPAN.end) tokens.push(line.slice(SPAN.start, SPAN.end));
  return tokens;
}

/** Lower-case title words, for the title-overlap feature (ASCII ones looked up in place). */
interface TitleWords {
  all: ReadonlySet<string>;
  ascii: AsciiWordTable;
}

function titleWordsOf(words: ReadonlySet<string> | null): TitleWords | null {
  return words === null ? null : { all: words, ascii: new AsciiWordTable([...words].map((word) => [word, 1] as const)) };
}

/**
 * Features of one line. Stop-word density uses the document's language (`docLanguage`, an index
 * into LANGUAGES), or, for lines of 6+ words, the language whose list fits the line best (quotes
 * and mixed-language pages).
 */
export function lineFeatures(line: string, index: number, count: number, docLanguage: number, titleWords: ReadonlySet<string> | null): LineFeatures {
  const row = SCRATCH.fill(0);
  return finishFeatures(line, scanLine(line, 0, line.length, titleWordsOf(titleWords), row, 0), row, 0, index, count, docLanguage, titleWords !== null);
}

interface LineScan {
  words: number;
  link: number;
  nav: number;
  caps: number;
  inTitle: number;
}

/** One pass over the tokens of the line `text[lineStart, lineEnd)`; stop-word hits per language go into `rows[rowStart + language]`. */
function scanLine(text: string, lineStart: number, lineEnd: number, titleWords: TitleWords | null, rows: Int32Array, rowStart: number): LineScan {
  let words = 0;
  let link = 0;
  let nav = 0;
  let caps = 0;
  let inTitle = 0;
  SPAN.separatorSeen = false;
  for (let from = lineStart; nextToken(text, from, lineEnd, SPAN); from = SPAN.end) {
    const { start, end } = SPAN;
    words++;
    let info: number | undefined;
    let titleWord: boolean;
    if (SPAN.ascii) {
      info = ASCII_WORD_INFO.get(text, start, end, SPAN.hash);
      titleWord = titleWords !== null && titleWords.ascii.get(text, start, end, SPAN.hash) !== undefined;
    } else {
      const lower = text.slice(start, end).toLowerCase();
      info = WORD_INFO.get(lower);
      titleWord = titleWords !== null && titleWords.all.has(lower);
    }
    if (info !== undefined) {
      if (info & NAV_BIT) nav++;
      // One increment per language bit set (lowest bit first).
      for (let bits = info & ~NAV_BIT; bits !== 0; bits &= bits - 1) rows[rowStart + 31 - Math.clz32(bits & -bits)]!++;
    }
    if (end - start > 4 && SPAN.maybeLink && LINKISH.test(text.slice(start, end))) link++;
    const first = text.charCodeAt(start);
    if ((first >= 65 && first <= 90) || (first > 127 && /^\p{Lu}/u.test(text.slice(start, end)))) caps++;
    if (titleWord) inTitle++;
  }
  // Every character is passed by nextToken, in a token or between tokens (separators are not token characters).
  if (SPAN.separatorSeen) link += (text.slice(lineStart, lineEnd).match(SEPARATORS) ?? []).length;
  return { words, link, nav, caps, inTitle };
}

function finishFeatures(line: string, scan: LineScan, rows: Int32Array, rowStart: number, index: number, count: number, docLanguage: number, hasTitle: boolean): LineFeatures {
  const { words, link, nav, caps, inTitle } = scan;
  let stop = rows[rowStart + docLanguage]!;
  if (words >= 6) for (let l = rowStart; l < rowStart + LANGUAGES.length; l++) if (rows[l]! > stop) stop = rows[l]!;
  const trimmed = line.trim();
  const terminal = endsWithOneOf(trimmed, '.!?…:;"”’»)]');
  return {
    chars: trimmed.length,
    words,
    stopwordDensity: words > 0 ? stop / words : 0,
    terminalPunctuation: terminal,
    linkShare: words > 0 ? Math.min(1, link / words) : 0,
    navShare: words > 0 ? nav / words : 0,
    capitalisedShare: words > 0 ? caps / words : 0,
    position: count > 1 ? index / (count - 1) : 0,
    titleOverlap: hasTitle && words > 0 ? inTitle / words : 0,
    headingLike: trimmed.length < 150 && !terminal && words >= 2,
    copyrightSign: trimmed.includes('©') || (trimmed.includes('(') && /\(c\)\s*\d{4}/i.test(trimmed)),
  };
}

/** Index into LANGUAGES of the stop list with most hits over the lines (0, English, when none hits). */
export function documentLanguage(tokenLists: readonly (readonly string[])[]): number {
  const hits = new Array<number>(LANGUAGES.length).fill(0);
  for (const tokens of tokenLists) {
    for (const token of tokens) {
      const mask = STOP_MASK.get(token.toLowerCase());
      if (mask !== undefined) for (let l = 0; l < hits.length; l++) if (mask & (1 << l)) hits[l]!++;
    }
  }
  let best = 0;
  for (let l = 1; l < hits.length; l++) if (hits[l]! > hits[best]!) best = l;
  return best;
}

export function contextFreeClass(f: LineFeatures, o: ClassifierOptions): LineClass {
  const prose = f.words >= o.proseMinWords && f.terminalPunctuation && f.stopwordDensity >= o.stopwordsLow / 2;
  if (f.words === 0) return 'bad';
  if (!prose && (f.copyrightSign || f.linkShare >= o.maxLinkShare || (f.navShare >= o.maxNavShare && f.words <= 8))) return 'bad';
  if (f.chars < o.lengthLow) {
    return o.shortProseMinWords > 0 && f.words >= o.shortProseMinWords && f.terminalPunctuation && f.stopwordDensity >= o.stopwordsLow ? 'near-good' : 'short';
  }
  if (f.stopwordDensity >= o.stopwordsHigh) return f.chars > o.lengthHigh ? 'good' : 'near-good';
  if (f.stopwordDensity >= o.stopwordsLow || prose) return 'near-good';
  return 'bad';
}

/** jusText's context-sensitive pass. `classes` are context-free classes; returns final good/bad. */
export function smooth(classes: readonly LineClass[], features: readonly LineFeatures[], o: ClassifierOptions): ('good' | 'bad')[] {
  const cls: LineClass[] = [...classes];
  const n = cls.length;
  const neighbour = (i: number, step: 1 | -1, ignoreNearGood: boolean): LineClass => {
    for (let j = i + step; j >= 0 && j < n; j += step) {
      const c = cls[j]!;
      if (c === 'short' || (ignoreNearGood && c === 'near-good')) continue;
      return c;
    }
    return 'bad';
  };
  const goodFollows = (i: number) => {
    let distance = 0;
    for (let j = i + 1; j < n && distance <= o.maxHeadingDistance; j++) {
      if (cls[j] === 'good') return true;
      if (cls[j] === 'bad') return false;
      distance += features[j]!.chars;
    }
    return false;
  };
  for (let i = 0; i < n; i++) if (cls[i] === 'short' && features[i]!.headingLike && goodFollows(i)) cls[i] = 'near-good';
  const revised = new Map<number, LineClass>();
  for (let i = 0; i < n; i++) {
    if (cls[i] !== 'short') continue;
    const prev = neighbour(i, -1, true);
    const next = neighbour(i, 1, true);
    if (prev === 'good' && next === 'good') revised.set(i, 'good');
    else if (prev === 'bad' && next === 'bad') revised.set(i, 'bad');
    else if ((prev === 'bad' && neighbour(i, -1, false) === 'near-good') || (next === 'bad' && neighbour(i, 1, false) === 'near-good')) revised.set(i, 'good');
    else revised.set(i, 'bad');
  }
  for (const [i, c] of revised) cls[i] = c;
  for (let i = 0; i < n; i++) {
    if (cls[i] !== 'near-good') continue;
    const keepAnyway = o.keepNearGoodChars > 0 && features[i]!.chars >= o.keepNearGoodChars;
    cls[i] = !keepAnyway && neighbour(i, -1, true) === 'bad' && neighbour(i, 1, true) === 'bad' ? 'bad' : 'good';
  }
  for (let i = 0; i < n; i++) {
    if (cls[i] === 'bad' && classes[i] !== 'bad' && features[i]!.headingLike && goodFollows(i)) cls[i] = 'good';
  }
  return cls.map((c) => (c === 'good' ? 'good' : 'bad'));
}

/** smooth(); when no line ends up good (a short text has no line long enough), near-good lines stand in for good ones. */
function smoothWithFallback(initial: readonly LineClass[], features: readonly LineFeatures[], o: ClassifierOptions): ('good' | 'bad')[] {
  const final = smooth(initial, features, o);
  if (final.includes('good') || !initial.includes('near-good')) return final;
  return smooth(initial.map((c) => (c === 'near-good' ? 'good' : c)), features, o);
}

export interface LineDecision {
  keep: boolean;
  /** Rule id when removed. */
  rule: 'classifier-bad' | 'classifier-context' | 'classifier-outside' | null;
  initial: LineClass;
  features: LineFeatures;
}

export const CLASSIFIER_RULE_IDS = ['classifier-bad', 'classifier-context', 'classifier-outside'] as const;

/** [start, end) of the highest-scoring contiguous run of lines (Kadane's algorithm). */
export function mainBlock(final: readonly ('good' | 'bad')[], features: readonly LineFeatures[], o: ClassifierOptions): [number, number] {
  let best = -Infinity;
  let bestStart = 0;
  let bestEnd = 0;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < final.length; i++) {
    const score = final[i] === 'good' ? features[i]!.chars : -o.blockPenalty - features[i]!.chars * o.blockWeight;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i + 1;
    }
  }
  return [bestStart, bestEnd];
}

/**
 * Index of the last line of the article in a text dump: the line before the first run of
 * `tailRun` lines that smoothing did not find good, when the text after the run is short: at most
 * `tailRatio` of the good text before it and at most `tailMaxChars`, counting lines that smoothing
 * kept or that read as prose on their own (near-good). What follows such a run is the page's tail
 * (teasers, author boxes, offers, disclaimers), whose prose-like lines smoothing alone keeps; more
 * text than that after the run means the run was a box inside the article.
 */
function articleEnd(final: readonly ('good' | 'bad')[], initial: readonly LineClass[], features: readonly LineFeatures[], o: ClassifierOptions): number {
  const n = final.length;
  const textAfter = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) textAfter[i] = textAfter[i + 1]! + (final[i] === 'good' || initial[i] === 'near-good' || initial[i] === 'good' ? features[i]!.chars : 0);
  let goodBefore = 0;
  let run = 0;
  for (let i = 0; i < n; i++) {
    if (final[i] === 'good') {
      run = 0;
      goodBefore += features[i]!.chars;
    } else if (++run >= o.tailRun && goodBefore > 0 && textAfter[i + 1]! <= Math.min(o.tailRatio * goodBefore, o.tailMaxChars)) return i - run;
  }
  return n - 1;
}

/** Words of the shortest line that can be the headline (see ClassifierOptions.headlineOverlap): fewer words match a title by chance. */
const HEADLINE_MIN_WORDS = 3;

/**
 * Index of the headline when it opens the article (see ClassifierOptions.headlineOverlap): the
 * first line, at or before the first good one, of HEADLINE_MIN_WORDS+ words mostly in the title.
 * The headline itself may be good: smoothing keeps a heading that good text follows. 0 when there is none.
 */
function articleStart(features: readonly LineFeatures[], firstGood: number, o: ClassifierOptions): number {
  if (o.headlineOverlap <= 0) return 0;
  for (let i = 0; i <= firstGood; i++) if (features[i]!.words >= HEADLINE_MIN_WORDS && features[i]!.titleOverlap >= o.headlineOverlap) return i;
  return 0;
}

/** Bullet characters that open a list item ("- ", "• ", "* ", "– ") followed by a space. */
const BULLET = /^[-•*–·▪►]\s+\S/;
/** A numbered list item ("1. ", "2) "): its number. */
const NUMBERED = /^(\d{1,2})[.)]\s+\S/;

/** The marker that ties a line to its list, if the line is a list item: its bullet, or its number. */
function listMarker(line: string): string | number | undefined {
  const first = line.charCodeAt(0);
  // Most lines open with a letter: no list item (bullets are punctuation, numbers digits).
  if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) return undefined;
  if (BULLET.test(line)) return line[0];
  const numbered = NUMBERED.exec(line);
  return numbered === null ? undefined : Number(numbered[1]);
}

/**
 * Lines of lists that continue the article: runs of 2+ consecutive items with the same bullet, or
 * numbered 1, 2, 3..., right after a line smoothing found good (award winners, key points, steps of
 * a how-to under an article). Their items are short and have few function words, so alone they read
 * as a tail, a menu or teasers.
 */
export function articleLists(lines: readonly string[], final: readonly ('good' | 'bad')[]): boolean[] {
  const inList = new Array<boolean>(lines.length).fill(false);
  for (let i = 1; i < lines.length; ) {
    const marker = listMarker(lines[i]!);
    let end = i + 1;
    if (marker !== undefined) {
      for (let expected = marker; end < lines.length; end++) {
        const next = listMarker(lines[end]!);
        expected = typeof expected === 'number' ? expected + 1 : expected;
        if (next !== expected) break;
      }
    }
    if (marker !== undefined && end - i >= 2 && (final[i - 1] === 'good' || inList[i - 1])) inList.fill(true, i, end);
    i = end;
  }
  return inList;
}

/** Whether line j ends a sentence and is not a link or navigation line: text that continues the article after its last good line. */
function continuesArticle(lines: readonly string[], features: readonly LineFeatures[], j: number, o: ClassifierOptions, removedByRule?: readonly boolean[]): boolean {
  if (j >= lines.length || removedByRule?.[j]) return false;
  const f = features[j]!;
  return f.words >= 1 && endsWithOneOf(lines[j]!, '.?') && !(f.copyrightSign || f.linkShare >= o.maxLinkShare || f.navShare >= o.maxNavShare);
}

/**
 * The index of the article's last line when it goes on after `last` (see ClassifierOptions.tailProse).
 * `inBody` marks lines a rule removed that sit inside an article (photo credits, captions, ad labels).
 * Only sentences continue it: a page's tail after the article is menus, teasers and labels, which
 * do not end in "." ("!" ends sign-offs and calls to action: "Thank you for your support!").
 */
export function tailContinuation(lines: readonly string[], features: readonly LineFeatures[], last: number, o: ClassifierOptions, removedByRule?: readonly boolean[], inBody?: readonly boolean[]): number {
  const continues = (j: number) => continuesArticle(lines, features, j, o, removedByRule);
  const heading = (j: number) => {
    if (j >= lines.length || removedByRule?.[j]) return false;
    const f = features[j]!;
    return f.headingLike && f.words <= o.tailHeadingWords && f.linkShare < o.maxLinkShare && f.navShare < o.maxNavShare;
  };
  let next = last + 1;
  while (next < lines.length && inBody?.[next]) next++;
  if (!continues(next) || features[next]!.words < o.tailProseMinWords) return last;
  let end = next;
  for (;;) {
    if (continues(end + 1)) end++;
    else if (inBody?.[end + 1] && continues(end + 2)) end += 2;
    else if (heading(end + 1) && continues(end + 2) && features[end + 2]!.words >= o.tailProseMinWords) end += 2;
    else return end;
  }
}

/**
 * Classifies the lines of one document (in order, blank lines already dropped). `removedByRule` marks
 * lines a rule already took; `inBody` those of them that sit inside an article body (photo credits,
 * captions, ad labels), which do not end it.
 */
export function classifyLines(lines: readonly string[], title: string | null, options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS, removedByRule?: readonly boolean[], inBody?: readonly boolean[]): LineDecision[] {
  const titleWords = titleWordsOf(title ? new Set(tokenize(title).map((t) => t.toLowerCase())) : null);
  // One scan per line; the document language is the stop list with most hits over all lines.
  const L = LANGUAGES.length;
  const rows = new Int32Array(lines.length * L);
  // The lines are scanned in one string of them all: most are slices of the document's text, and
  // reading a slice's characters goes through its parent (the scan of flat copies of the BBC lines
  // took a quarter less time; classifyLines, joining included, 3-7 % less).
  const text = lines.join('\n');
  let lineStart = 0;
  const scans = lines.map((line, i) => {
    const scan = scanLine(text, lineStart, lineStart + line.length, titleWords, rows, i * L);
    lineStart += line.length + 1;
    return scan;
  });
  const hits = new Int32Array(L);
  for (let i = 0; i < rows.length; i++) hits[i % L]! += rows[i]!;
  let language = 0;
  for (let l = 1; l < L; l++) if (hits[l]! > hits[language]!) language = l;
  const features = scans.map((scan, i) => finishFeatures(lines[i]!, scan, rows, i * L, i, lines.length, language, titleWords !== null));
  // Lines a precise rule removed are bad context for their neighbours (their decision is ignored).
  const initial = features.map((f, i) => (removedByRule?.[i] ? 'bad' : contextFreeClass(f, options)));
  const keepAll = () => features.map((f, i) => ({ keep: true, rule: null, initial: initial[i]!, features: f }));
  if (lines.length < options.minLines) return keepAll();
  const final = smoothWithFallback(initial, features, options);
  if (!final.includes('good')) return keepAll();
  if (options.onlyBad) {
    let first = 0;
    let last = features.length - 1;
    if (options.trimEdges !== 'none') {
      last = final.lastIndexOf('good');
      if (options.trimEdges === 'both') first = final.indexOf('good');
      if (options.tailRun > 0) last = Math.min(last, articleEnd(final, initial, features, options));
    }
    const inList = options.keepLists ? articleLists(lines, final) : null;
    if (inList !== null) while (last + 1 < lines.length && inList[last + 1]) last++;
    // Lines after `cut` up to `last` are the article's continuation (tailProse): kept whole.
    const cut = last;
    if (options.tailProse && options.trimEdges !== 'none') last = tailContinuation(lines, features, last, options, removedByRule, inBody);
    const firstGood = final.indexOf('good');
    const headline = articleStart(features, firstGood, options);
    return features.map((f, i) => {
      if ((inList?.[i] || i > cut) && i >= first && i <= last) return { keep: true, rule: null, initial: initial[i]!, features: f };
      if (i < first || i > last) return { keep: false, rule: 'classifier-outside', initial: initial[i]!, features: f };
      if (options.headMaxWords > 0 && i < firstGood && final[i] === 'bad' && (f.words <= options.headMaxWords || i < headline)) {
        return { keep: false, rule: 'classifier-outside', initial: initial[i]!, features: f };
      }
      if (final[i] === 'bad' && (f.words <= options.contextMaxWords || (!f.terminalPunctuation && f.words <= options.contextMaxHeadingWords))) return { keep: false, rule: 'classifier-context', initial: initial[i]!, features: f };
      const keep = !(initial[i] === 'bad' && (f.words === 0 || f.copyrightSign || f.linkShare >= options.maxLinkShare || f.navShare >= options.maxNavShare));
      return { keep, rule: keep ? null : 'classifier-bad', initial: initial[i]!, features: f };
    });
  }
  if (!options.mainBlock) {
    return features.map((f, i) => {
      const keep = final[i] === 'good';
      return { keep, rule: keep ? null : initial[i] === 'bad' ? 'classifier-bad' : 'classifier-context', initial: initial[i]!, features: f };
    });
  }
  const [start, end] = mainBlock(final, features, options);
  return features.map((f, i) => {
    if (i < start || i >= end) return { keep: false, rule: 'classifier-outside', initial: initial[i]!, features: f };
    const keep = final[i] === 'good' || (options.blockKeepShort && initial[i] !== 'bad');
    return { keep, rule: keep ? null : initial[i] === 'bad' ? 'classifier-bad' : 'classifier-context', initial: initial[i]!, features: f };
  });
}
