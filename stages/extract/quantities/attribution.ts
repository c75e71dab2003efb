/**
 * Who a sentence says claims its figures: "according to X", "per X", "X says/said/told/
 * estimated/reported/believes ..." and the inverted ", reports X". The source phrase is read
 * from the text around the cue word, trimmed of determiners ("the official" → "official") and of
 * document nouns ("U.S. intelligence estimates" → "U.S. intelligence"), and accepted only when
 * its head is a name (capitalised) or a known source noun ("officials", "intelligence").
 */
import type { Span } from '../../types.js';
import { DETERMINERS, isStopWord, ORDINALS, REPORT_NOUNS, SMALL_NUMBERS, SOURCE_NOUNS, TENS } from './lexicon.js';
import { CAPITALISED, isSpace, matchAt, wordBefore, type Token } from './text.js';

export interface Source {
  /** Where the cue word is; the source nearest to a quantity wins. */
  pos: number;
  name: string;
  /** "according to X" names the source outright and beats a nearer speech verb. */
  explicit: boolean;
}

const CUE = /\b(?:([Aa]ccording to)|([Pp]er)|(says|said|say|told|tells|tell|estimates|estimated|estimate|reports|reported|report|believes|believed|believe|claims|claimed|claim|suggests|suggested|suggest|notes|noted|note|warns|warned|warn|stated|announced|announces|confirmed|confirms|assessed|assesses|assess|wrote|writes|seen|observed|counted))\b/g;
/** Words between a source and its verb: "officials have also said", "Biden will warn". */
const AUXILIARIES = new Set([
  'has', 'have', 'had', 'will', 'would', 'could', 'may', 'might', 'must', 'should', 'can', 'did', 'does', 'do',
  'also', 'reportedly', 'previously', 'repeatedly', 'recently', 'publicly', 'privately', 'now', 'already',
  'not', 'never', 'still', 'again', 'later', 'earlier', 'then', 'first', 'once', 'separately', 'likewise',
]);
/** Words allowed inside a source phrase read forwards ("the Institute for the Study of War"). */
const INNER = new Set(['of', 'and', 'for', 'the']);
const FORWARD_WORD = /[ \t\u00a0]*((?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*)/uy;
const MAX_WORDS = 6;
const PUNCTUATION = /[.,;:!?]/;
const COMMA_OR_QUOTE = /[,"”’']/;

/** The leftmost cue at or after a position of one document's text. */
export type CueSearch = (from: number) => RegExpExecArray | null;

/**
 * A CueSearch over `text` that keeps its last answer: the search for a sentence without a cue
 * runs on into the following sentences, and the next sentence with a quantity would search that
 * stretch again (over BBC's 5.0 M characters the searches read 6.6 M; about 3 M with this).
 */
export function cueSearch(text: string): CueSearch {
  const re = new RegExp(CUE.source, CUE.flags);
  let searchedFrom = Infinity;
  let found: RegExpExecArray | null = null;
  return (from) => {
    // The leftmost cue at or after `searchedFrom` is the leftmost at or after any position up to it.
    if (from >= searchedFrom && (found === null || from <= found.index)) return found;
    re.lastIndex = from;
    found = re.exec(text);
    searchedFrom = from;
    return found;
  };
}

export function findSources(text: string, sentence: Span, nextCue: CueSearch): Source[] {
  const out: Source[] = [];
  let m: RegExpExecArray | null;
  for (let from = sentence.start; (m = nextCue(from)) !== null && m.index < sentence.end; from = m.index + m[0].length) {
    const after = m.index + m[0].length;
    let name: string | null;
    if (m[1] !== undefined || m[2] !== undefined) {
      // "per" alone is usually a rate ("per day"): only "per the Times", "per Reuters".
      name = readForward(text, after, sentence.end, m[2] !== undefined);
    } else {
      name = readBackward(text, m.index, sentence.start)
        ?? (isInverted(text, m.index, sentence.start) ? readForward(text, after, sentence.end, true) : null);
    }
    if (name !== null) out.push({ pos: m.index, name, explicit: m[1] !== undefined });
  }
  return out;
}

/** The source for a quantity at `pos`: an explicit "according to" if any, else the nearest cue. */
export function pickSource(sources: readonly Source[], pos: number): string | null {
  const explicit = sources.filter((s) => s.explicit);
  const pool = explicit.length > 0 ? explicit : sources;
  let best: Source | null = null;
  for (const s of pool) if (best === null || Math.abs(s.pos - pos) < Math.abs(best.pos - pos)) best = s;
  return best?.name ?? null;
}

/** The noun phrase ending right before a speech verb ("Ukrainian officials say"). */
function readBackward(text: string, verbStart: number, floor: number): string | null {
  let p = verbStart;
  for (let i = 0; i < 3; i++) {
    const w = wordBefore(text, p, floor);
    if (w === null || !AUXILIARIES.has(w.text.toLowerCase())) break;
    p = w.start;
  }
  const words: Token[] = [];
  while (words.length < MAX_WORDS) {
    const w = wordBefore(text, p, floor);
    if (w === null || PUNCTUATION.test(text.slice(w.end, p))) break;
    const lower = w.text.toLowerCase();
    if (DETERMINERS.has(lower)) break; // the left edge of the phrase
    if (isStopWord(w.text) && !(lower === 'of' && words.length > 0)) break;
    words.unshift(w);
    p = w.start;
  }
  return sourceName(text, words);
}

/** After ", reports", "according to", "per": a phrase up to punctuation or a clause word. */
function readForward(text: string, pos: number, limit: number, needsCapital: boolean): string | null {
  const words: Token[] = [];
  let p = pos;
  let m: RegExpExecArray | null;
  while (words.length < 8 && (m = matchAt(FORWARD_WORD, text, p, limit)) !== null) {
    const word = m[1]!;
    const lower = word.toLowerCase();
    const start = p + m[0].length - word.length;
    if (isStopWord(word) && !(words.length > 0 ? INNER : DETERMINERS).has(lower)) break;
    words.push({ start, end: p + m[0].length, text: word });
    p = start + word.length;
  }
  while (words.length > 0 && DETERMINERS.has(words[0]!.text.toLowerCase())) words.shift();
  while (words.length > 0 && INNER.has(words[words.length - 1]!.text.toLowerCase())) words.pop();
  if (needsCapital && (words.length === 0 || !CAPITALISED.test(words[0]!.text))) return null;
  return sourceName(text, words);
}

/** `"...," reports X` and `..., said X`: the verb follows a comma or a closing quote. */
function isInverted(text: string, verbStart: number, floor: number): boolean {
  let i = verbStart - 1;
  while (i >= floor && isSpace(text.charCodeAt(i))) i--;
  return i >= floor && COMMA_OR_QUOTE.test(text[i]!);
}

function isLeadingFiller(lower: string): boolean {
  return DETERMINERS.has(lower) || lower === 'of' || SMALL_NUMBERS.has(lower) || TENS.has(lower) || ORDINALS.has(lower);
}

/** Trims determiners and document nouns, then accepts names and known source nouns only. */
function sourceName(text: string, words: Token[]): string | null {
  // "the official", "One official", "The second initiative BT ...": keep the phrase from its first content word.
  while (words.length > 0 && isLeadingFiller(words[0]!.text.toLowerCase())) words.shift();
  while (words.length > 1 && REPORT_NOUNS.has(words[words.length - 1]!.text.toLowerCase())) words.pop();
  const head = words[words.length - 1];
  if (head === undefined) return null;
  if (!CAPITALISED.test(head.text) && !SOURCE_NOUNS.has(head.text.toLowerCase())) return null;
  return text.slice(words[0]!.start, head.end);
}
