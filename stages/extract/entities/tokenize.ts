import { NAME_PARTICLES, TITLE_ABBREVIATIONS } from './hand-lists.js';

/**
 * Word tokens for name finding. A token keeps the span that can belong to a name: possessive
 * "'s" is cut off ("Biden's" → "Biden"), and a hyphen compound keeps only its capitalised run
 * ("Kremlin-led" → "Kremlin", "pro-Russian" → "Russian", "al-Assad" stays whole).
 */

export type Shape = 'lower' | 'title' | 'caps' | 'other';

export interface Token {
  /** Span of the part that can be (part of) a name; equals the raw span for most tokens. */
  start: number;
  end: number;
  text: string;
  /** word: letters/digits; acronym: dotted capitals ("U.S."); initial: "P." before a name; punct: one other character. */
  kind: 'word' | 'acronym' | 'initial' | 'punct';
  shape: Shape;
  /** Raw span, for adjacency checks (hyphens, quotes) that must see the whole token. */
  rawStart: number;
  rawEnd: number;
  /** A line break lies between this token and the previous one (or it is the first token). */
  lineStart: boolean;
  /** Parts of a compound whose parts are all capitalised ("Biden-Putin" → ["Biden", "Putin"]); else empty. */
  parts: string[];
}

const TITLE_ABBR = TITLE_ABBREVIATIONS.join('|');
// Order matters: dotted acronyms and "Mr." before plain words, so their periods stay attached.
const TOKEN_RE = new RegExp(
  `(?:\\p{Lu}\\.){2,}|\\b(?:${TITLE_ABBR})\\.|\\p{Lu}\\.(?=\\s+\\p{Lu})|[\\p{L}\\p{M}\\p{N}]+(?:[-'’&][\\p{L}\\p{M}\\p{N}]+)*|\\S`,
  'gu',
);

const NO_PARTS: string[] = [];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let nextNewline = text.indexOf('\n');
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const rawStart = m.index;
    // A line break lies before this token if the first newline at or after the previous token precedes it.
    const lineStart = tokens.length === 0 || (nextNewline !== -1 && nextNewline < rawStart);
    tokens.push(makeToken(m[0], rawStart, lineStart));
    if (nextNewline !== -1 && nextNewline < rawStart + m[0].length) nextNewline = text.indexOf('\n', rawStart + m[0].length);
  }
  return tokens;
}

function makeToken(raw: string, rawStart: number, lineStart: boolean): Token {
  const rawEnd = rawStart + raw.length;
  const token: Token = { start: rawStart, end: rawEnd, text: raw, kind: 'word', shape: 'other', rawStart, rawEnd, lineStart, parts: NO_PARTS };
  if (!isLetterOrDigit(raw.charCodeAt(0))) {
    token.kind = 'punct';
  } else if (raw.length > 1 && raw.endsWith('.')) {
    // Dotted acronym ("U.S."), initial ("P.") or abbreviated title ("Mr."), as the pattern allows.
    token.kind = raw.length === 2 ? 'initial' : raw.charCodeAt(1) === 46 ? 'acronym' : 'word';
    token.shape = token.kind === 'acronym' ? 'caps' : 'title';
  } else {
    const word = hasPossessive(raw) ? raw.slice(0, -2) : raw;
    if (raw.includes('-')) setCompound(token, word);
    else setWord(token, word, rawStart);
  }
  return token;
}

function isLetterOrDigit(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

function hasPossessive(raw: string): boolean {
  const n = raw.length;
  return n > 2 && raw[n - 1] === 's' && (raw[n - 2] === "'" || raw[n - 2] === '’');
}

function setWord(token: Token, word: string, at: number): void {
  token.start = at;
  token.end = at + word.length;
  token.text = word;
  token.shape = shapeOf(word);
}

/**
 * A hyphen compound keeps its longest run of capitalised parts (joined by particles such as
 * "al"), so "Kremlin-led" is a name token "Kremlin" and "full-blown" stays lower case.
 */
function setCompound(token: Token, word: string): void {
  const pieces = word.split('-');
  const isCap = (p: string) => p.length > 0 && (shapeOf(p) === 'title' || shapeOf(p) === 'caps');
  let first = pieces.findIndex(isCap);
  if (first < 0) return setWord(token, word, token.rawStart);
  if (first > 0 && NAME_PARTICLES.has(pieces[first - 1]!)) first--;
  let last = first;
  while (last + 1 < pieces.length && (isCap(pieces[last + 1]!) || (NAME_PARTICLES.has(pieces[last + 1]!) && last + 2 < pieces.length && isCap(pieces[last + 2]!)))) last++;
  const kept = pieces.slice(first, last + 1);
  const capParts = kept.filter(isCap);
  token.start = token.rawStart + pieces.slice(0, first).reduce((n, p) => n + p.length + 1, 0);
  token.text = kept.join('-');
  token.end = token.start + token.text.length;
  token.shape = capParts.every((p) => shapeOf(p) === 'caps') ? 'caps' : 'title';
  if (capParts.length === kept.length && kept.length > 1) token.parts = kept;
}

/** lower: starts with a lower-case letter; caps: two or more letters, none lower case; title: other capitalised. */
export function shapeOf(word: string): Shape {
  const c = word[0]!;
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  if (lower === upper) return 'other';
  if (c === lower) return 'lower';
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const l = ch.toLowerCase();
    if (l === ch.toUpperCase()) continue;
    if (ch === l) return 'title';
    letters++;
  }
  return letters >= 2 ? 'caps' : 'title';
}
