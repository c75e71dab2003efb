import type { Span } from '../../types.js';
import type { LabelDoc } from './features.js';
import { TITLE_ABBREVIATIONS } from './hand-lists.js';

/**
 * Tokens as CoNLL-2003 writes them, so the labeller sees text the way it was trained: words
 * (hyphen compounds whole: "Kremlin-led"), numbers ("175,000", "1996-08-22"), dotted acronyms
 * ("U.S."), abbreviations with their period ("Mr.", "Inc."), initials ("P."), possessive "'s" as
 * its own token, any other character alone. Token strings are normalised for the model (curly
 * quotes → straight); offsets stay those of the text.
 */

export interface TextTokens extends LabelDoc {
  starts: Int32Array;
  ends: Int32Array;
}

const ABBREVIATIONS = [...TITLE_ABBREVIATIONS, 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Jan', 'Feb', 'Mar', 'Apr', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'Mt', 'Ft'];
const TOKEN_RE = new RegExp(
  `(?:\\p{Lu}\\.){2,}|\\b(?:${ABBREVIATIONS.join('|')})\\.(?=\\s)|\\p{Lu}\\.(?=\\s+\\p{Lu})|\\d+(?:[,.:/]\\d+)+|[\\p{L}\\p{M}\\p{N}]+(?:[-'’&][\\p{L}\\p{M}\\p{N}]+)*|\\S`,
  'gu',
);

const NORMAL: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '—': '--', '–': '-' };

export function tokenizeText(text: string, sentences: Span[]): TextTokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lineStarts: number[] = [];
  let nextNewline = text.indexOf('\n');
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const at = m.index;
    let raw = m[0];
    if (words.length === 0 || (nextNewline !== -1 && nextNewline < at)) lineStarts.push(words.length);
    if (nextNewline !== -1 && nextNewline < at + raw.length) nextNewline = text.indexOf('\n', at + raw.length);
    const n = raw.length;
    if (n > 2 && raw.charCodeAt(n - 1) === 115 && (raw[n - 2] === "'" || raw[n - 2] === '’')) {
      // Possessive: "Biden's" → "Biden" "'s".
      raw = raw.slice(0, -2);
      words.push(raw);
      starts.push(at);
      ends.push(at + raw.length);
      words.push("'s");
      starts.push(at + raw.length);
      ends.push(at + n);
      continue;
    }
    words.push(n === 1 ? (NORMAL[raw] ?? raw) : raw.includes('’') ? raw.replaceAll('’', "'") : raw);
    starts.push(at);
    ends.push(at + n);
  }
  const count = words.length;
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
  return { words, unitStart, lineStart, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
