import type { Span } from '../../types.js';
import { startWordLookups, wordInfo, wordInfoAt, type LabelDoc, type WordInfo } from './features.js';
import { TITLE_ABBREVIATIONS } from './hand-lists.js';

/**
 * Tokens as CoNLL-2003 writes them, so the labeller sees text the way it was trained: words
 * (hyphen compounds whole: "Kremlin-led"), numbers ("175,000", "1996-08-22"), dotted acronyms
 * ("U.S."), abbreviations with their period ("Mr.", "Inc."), initials ("P."), possessive "'s" as
 * its own token, any other character alone. Token strings are normalised for the model (curly
 * quotes → straight); offsets stay those of the text.
 *
 * TOKEN_RE defines the tokens; a hand-written scanner reads them for ASCII text and defers to
 * TOKEN_RE (its own match from that position) wherever a decision would depend on a non-ASCII
 * character (1 in 3,600 characters on BBC), so the tokens are TOKEN_RE's everywhere. Each token's
 * WordInfo is looked up here, from the text where the token stands (features.ts, wordInfoAt),
 * so a known word costs no string: nearly every token, as a document brings few new words. A
 * regex match, a string per token and hashing that string again in a second pass cost 1.4 times
 * as much (BBC, passes of tokenizing and looking up interleaved: 460 vs 335 ms a pass).
 */

export interface TextTokens extends LabelDoc {
  infos: WordInfo[];
  starts: Int32Array;
  ends: Int32Array;
}

const ABBREVIATIONS = [...TITLE_ABBREVIATIONS, 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Jan', 'Feb', 'Mar', 'Apr', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'Mt', 'Ft'];
const TOKEN_RE = new RegExp(
  `(?:\\p{Lu}\\.){2,}|\\b(?:${ABBREVIATIONS.join('|')})\\.(?=\\s)|\\p{Lu}\\.(?=\\s+\\p{Lu})|\\d+(?:[,.:/]\\d+)+|[\\p{L}\\p{M}\\p{N}]+(?:[-'’&][\\p{L}\\p{M}\\p{N}]+)*|\\S`,
  'gu',
);

// The scanner reads an abbreviation as the ASCII letters before a period.
if (ABBREVIATIONS.some((a) => !/^[A-Za-z]+$/.test(a))) throw new Error('tokenize.ts expects abbreviations of ASCII letters');
const ABBREVIATION_SET = new Set(ABBREVIATIONS);
const LONGEST_ABBREVIATION = Math.max(...ABBREVIATIONS.map((a) => a.length));

const NORMAL: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '—': '--', '–': '-' };

const PERIOD = 46;
const APOSTROPHE = 39;
const CURLY_APOSTROPHE = 0x2019;

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isAlnum(c: number): boolean {
  return isLetter(c) || isDigit(c);
}
/** \w, which is ASCII-only in TOKEN_RE (u flag, no i flag): what \b tests. */
function isRegexWordChar(c: number): boolean {
  return isAlnum(c) || c === 95;
}

/** Not yet decided: the scanner met a non-ASCII character where it mattered. */
const UNDECIDED = -1;

/**
 * End of TOKEN_RE's match at `at` (an ASCII non-space character), or UNDECIDED. Alternatives are
 * tried in TOKEN_RE's order on chars, the text's code units followed by zeros: a zero past the
 * end, like the end of the text, fails every test made there.
 */
function scanToken(text: string, chars: Uint16Array, at: number): number {
  const c = chars[at]!;
  // (?:\p{Lu}\.){2,}
  if (isUpper(c) && chars[at + 1] === PERIOD) {
    let end = at + 2;
    for (;;) {
      const d = chars[end]!;
      if (d >= 128) return UNDECIDED;
      if (!isUpper(d) || chars[end + 1] !== PERIOD) break;
      end += 2;
    }
    if (end >= at + 4) return end;
  }
  if (isLetter(c)) {
    // \b(?:Mr|…)\.(?=\s): the letters up to a period are one of the abbreviations.
    if (at === 0 || !isRegexWordChar(chars[at - 1]!)) {
      let end = at + 1;
      while (isLetter(chars[end]!)) end++;
      if (chars[end] === PERIOD && end - at <= LONGEST_ABBREVIATION && ABBREVIATION_SET.has(text.slice(at, end))) {
        const after = chars[end + 1]!;
        if (after >= 128) return UNDECIDED;
        if (isAsciiSpace(after)) return end + 1;
      }
    }
    // \p{Lu}\.(?=\s+\p{Lu})
    if (isUpper(c) && chars[at + 1] === PERIOD) {
      let next = at + 2;
      while (isAsciiSpace(chars[next]!)) next++;
      const d = chars[next]!;
      if (d >= 128) return UNDECIDED;
      if (next > at + 2 && isUpper(d)) return at + 2;
    }
  } else if (isDigit(c)) {
    // \d+(?:[,.:/]\d+)+
    let end = at + 1;
    while (isDigit(chars[end]!)) end++;
    let groups = 0;
    for (;;) {
      const sep = chars[end]!;
      // , . : /
      if (!(sep === 44 || sep === PERIOD || sep === 58 || sep === 47) || !isDigit(chars[end + 1]!)) break;
      end += 2;
      while (isDigit(chars[end]!)) end++;
      groups++;
    }
    if (groups > 0) return end;
  } else {
    // \S
    return at + 1;
  }
  // [\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*
  let end = at + 1;
  for (;;) {
    let d = chars[end]!;
    while (isAlnum(d)) d = chars[++end]!;
    if (d >= 128) return UNDECIDED;
    // - ' &
    if (d !== 45 && d !== APOSTROPHE && d !== 38) return end;
    const e = chars[end + 1]!;
    if (e >= 128) return UNDECIDED;
    if (!isAlnum(e)) return end;
    end += 2;
  }
}

/**
 * The text's UTF-16 code units and TEXT_PADDING zeros, reused from document to document. They are
 * copied by Buffer.write (native, code units verbatim, lone surrogates included): a charCodeAt
 * loop copying them was an eighth of tokenizing.
 */
let chars = new Uint16Array(1 << 16);
let charBytes = Buffer.from(chars.buffer);
const TEXT_PADDING = 4;

export function tokenizeText(text: string, sentences: Span[]): TextTokens {
  startWordLookups();
  if (chars.length < text.length + TEXT_PADDING) {
    chars = new Uint16Array(2 * text.length + TEXT_PADDING);
    charBytes = Buffer.from(chars.buffer);
  }
  charBytes.write(text, 0, 'utf16le');
  chars.fill(0, text.length, text.length + TEXT_PADDING);
  const infos: WordInfo[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lineStarts: number[] = [];
  let nextNewline = text.indexOf('\n');
  let at = 0;
  for (;;) {
    while (isAsciiSpace(chars[at]!)) at++;
    if (at >= text.length) break;
    let end = chars[at]! < 128 ? scanToken(text, chars, at) : UNDECIDED;
    let raw: string | null = null;
    if (end === UNDECIDED) {
      TOKEN_RE.lastIndex = at;
      const m = TOKEN_RE.exec(text);
      if (m === null) break;
      at = m.index;
      raw = m[0];
      end = at + raw.length;
    }
    if (infos.length === 0 || (nextNewline !== -1 && nextNewline < at)) lineStarts.push(infos.length);
    if (nextNewline !== -1 && nextNewline < end) nextNewline = text.indexOf('\n', end);
    const n = end - at;
    const possessive = n > 2 && chars[end - 1] === 115 && (chars[end - 2] === APOSTROPHE || chars[end - 2] === CURLY_APOSTROPHE);
    if (possessive) {
      // "Biden's" → "Biden" "'s".
      infos.push(raw === null ? wordInfoAt(text, chars, at, end - 2) : wordInfo(raw.slice(0, -2)), wordInfo("'s"));
      starts.push(at, end - 2);
      ends.push(end - 2, end);
    } else {
      infos.push(raw === null ? wordInfoAt(text, chars, at, end) : wordInfo(n === 1 ? (NORMAL[raw] ?? raw) : raw.includes('’') ? raw.replaceAll('’', "'") : raw));
      starts.push(at);
      ends.push(end);
    }
    at = end;
  }
  const count = infos.length;
  const words = new Array<string>(count);
  for (let i = 0; i < count; i++) words[i] = infos[i]!.word;
  const lineStart = new Uint8Array(count);
  for (const i of lineStarts) lineStart[i] = 1;
  const unitStart = new Uint8Array(count);
  const sorted = sentences.length > 1 && sentences.some((s, i) => i > 0 && s.start < sentences[i - 1]!.start) ? [...sentences].sort((a, b) => a.start - b.start) : sentences;
  let s = 0;
  let prevSentence = -2;
  for (let i = 0; i < count; i++) {
    while (s < sorted.length && sorted[s]!.end <= starts[i]!) s++;
    const sentence = s < sorted.length && sorted[s]!.start <= starts[i]! ? s : -1;
    if (i === 0 || lineStart[i] || sentence !== prevSentence) unitStart[i] = 1;
    prevSentence = sentence;
  }
  return { words, infos, unitStart, lineStart, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
