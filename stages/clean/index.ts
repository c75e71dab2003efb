import type { Stage } from '../../pipeline/stage.js';
import type { Article, RawDoc, RemovedLine, Span } from '../types.js';
import { classifyLines, DEFAULT_CLASSIFIER_OPTIONS, HTML_CLASSIFIER_OPTIONS, type ClassifierOptions } from './classifier.js';
import { countWords, endsWithOneOf, normalizeLine } from './normalize.js';
import { LINE_RULES, type LineContext, type LineRule } from './rules.js';
import { splitSentences } from './segment.js';
import { looksLikeTitle } from '../ingest/header.js';
import { answerFromJson, RepeatCache, repeatKey } from '../repeat-cache.js';

export interface CleanOptions {
  /** Rule ids to switch off (see stages/clean/rules.ts; also `classifier-bad`, `classifier-context`, `corpus-repeat`, `tail-label`). */
  disabledRules: string[];
  /** Thresholds of the line classifier (stages/clean/classifier.ts); unset keys take the defaults. */
  classifier?: Partial<ClassifierOptions>;
  /** Overrides applied on top of `classifier` for text readability extracted from HTML (default: HTML_CLASSIFIER_OPTIONS). */
  htmlClassifier?: Partial<ClassifierOptions>;
  /** Stories (duplicate groups when stories are skipped) a normalised line must recur in to be corpus boilerplate (rule `corpus-repeat`, the global step of stages/clean/corpus-lines.ts). */
  corpusMinGroups?: number;
}

/** Characters of kept prose lines (60+ characters, sentence-final punctuation) needed before a comment-section opener ends the body. */
const MIN_PROSE_BEFORE_COMMENTS = 60;

/** Characters of kept prose lines needed before a related-content heading ends the body of a text dump (not readability's output). */
const MIN_PROSE_BEFORE_RELATED_IN_DUMPS = 1500;

/** Words of the shortest line that takes the place of a template line read as the title. */
export const MIN_HEADLINE_WORDS = 3;

/** Rules for lines that sit inside an article's body (photo credits, captions, ad labels): they do not end the article. */
const IN_BODY_RULES = new Set(['photo-credit', 'caption', 'ad-label']);

/** A line of running text: 60+ characters ending like a sentence. */
function isProseLine(line: string): boolean {
  return line.length >= 60 && endsWithOneOf(line, '.!?…"”’)');
}

/** Rule id of dropTailLabels. */
const TAIL_LABEL_RULE = 'tail-label';

/** Words of the longest label line ("Kontakt:", "Weitere Informationen:") dropTailLabels removes. */
const MAX_TAIL_LABEL_WORDS = 4;

/**
 * Readability's article often ends with the page's own furniture under a label: "Contact:",
 * "Further information:", "Release date:", "By:". After the last kept prose line nothing is left for such
 * a label to introduce but links and boxes, so a short kept line ending in a colon there is removed.
 */
function dropTailLabels(seq: { line: string; rule: string | null }[]): void {
  let lastProse = -1;
  seq.forEach((s, i) => {
    if (s.rule === null && isProseLine(s.line)) lastProse = i;
  });
  if (lastProse < 0) return;
  for (const s of seq.slice(lastProse + 1)) {
    if (s.rule === null && s.line.endsWith(':') && countWords(s.line) <= MAX_TAIL_LABEL_WORDS) s.rule = TAIL_LABEL_RULE;
  }
}

export const DEFAULT_CLEAN_OPTIONS: CleanOptions = { disabledRules: [] };

export function cleanStage(options: CleanOptions): Stage<RawDoc, Article> {
  const settings = JSON.stringify(options);
  return {
    name: 'clean',
    version: '2.5.0',
    async *run(docs) {
      for await (const doc of docs) yield cleanOnce(doc, options, settings);
    },
  };
}

/** What cleaning sets on a document; the rest of an Article is the document's own fields. */
type Cleaned = Pick<Article, 'title' | 'title_line_no' | 'text' | 'paragraphs' | 'paragraph_line_nos' | 'sentences' | 'removed' | 'n_words'>;

/**
 * What cleaning set on documents this thread met before (stages/repeat-cache.ts), as JSON
 * deflated at level 1: on 600 files of the 50 MB corpus, 3.7 KB of JSON became 1.7 KB in 106 µs,
 * and a repeat costs 44 µs against 228 µs to clean; 16 MB hold about 8,000 documents per thread.
 * Files repeat less than cleaned texts, since the boilerplate around one article differs from copy
 * to copy, but 42 % and 45 % of the 200 and 1,000 MB corpora's files repeat an earlier file exactly.
 */
const cleanRepeats = new RepeatCache<Uint8Array>(16e6);

/** cleanDocument(), or for a document met before, what cleaning set on it then. `settings`: the options as JSON. */
function cleanOnce(doc: RawDoc, options: CleanOptions, settings: string): Article {
  // Every field of the document that cleaning reads.
  const key = repeatKey([doc.text, doc.title, String(doc.first_line_no), doc.title_line_no == null ? null : String(doc.title_line_no), doc.html_extraction ?? null, settings]);
  return Object.assign({}, doc, answerFromJson(cleanRepeats, key, () => cleanedFields(doc, options)));
}

/**
 * Normalises every line, removes boilerplate lines with the rule that matched, and joins the
 * kept lines as paragraphs (text dumps put one paragraph per line).
 */
export function cleanDocument(doc: RawDoc, rulesOrOptions: readonly LineRule[] | CleanOptions = DEFAULT_CLEAN_OPTIONS): Article {
  // The document's fields, then the article's, as `{ ...doc, title, ... }` would build them: V8 adds
  // properties after a spread one at a time on a slow path (10 µs a document, 7 % of the stage on
  // the BBC corpus), Object.assign copies them in well under 1 µs.
  return Object.assign({}, doc, cleanedFields(doc, rulesOrOptions));
}

function cleanedFields(doc: RawDoc, rulesOrOptions: readonly LineRule[] | CleanOptions): Cleaned {
  const options: CleanOptions = Array.isArray(rulesOrOptions) ? { disabledRules: [] } : (rulesOrOptions as CleanOptions);
  const disabled = new Set(options.disabledRules);
  const rules = Array.isArray(rulesOrOptions) ? (rulesOrOptions as readonly LineRule[]) : LINE_RULES.filter((r) => !disabled.has(r.id));
  const statedTitle = doc.title === null ? null : normalizeLine(doc.title) || null;
  // A text dump's first line is its title by shape alone (ingest/header.ts), and a template line above
  // the headline ("Leave a Reply", "Subscribe to our newsletter") has that shape too: a rule's match
  // removes it, and the headline below it, when it has a title's shape, takes its place.
  const titleRule =
    statedTitle !== null && doc.title_line_no != null
      ? rules.find((r) => r.matches(statedTitle, { lines: [statedTitle], index: 0, title: null, previousRule: null, inCommentSection: false }))
      : undefined;
  let title = titleRule === undefined ? statedTitle : null;
  let titleLineNo = titleRule === undefined ? (doc.title_line_no ?? null) : null;
  // A '\r' left before the '\n' is whitespace that normalizeLine trims.
  const lines = doc.text.split('\n').map(normalizeLine);
  // Every non-blank line in order, with the rule that removed it (null while kept).
  const seq: { index: number; line: string; rule: string | null }[] = [];
  let proseChars = 0;
  const context: LineContext = { lines, index: 0, title, previousRule: null, inCommentSection: false };
  lines.forEach((line, index) => {
    if (line === '') return;
    context.index = index;
    const rule = rules.find((r) => r.matches(line, context));
    context.previousRule = rule?.id ?? null;
    if (rule === undefined) {
      seq.push({ index, line, rule: null });
      if (isProseLine(line)) proseChars += line.length;
      return;
    }
    // A comment counter above the article ("12 Comments" under the headline) does not end the body.
    if (rule.id === 'comments-start' && proseChars >= MIN_PROSE_BEFORE_COMMENTS) context.inCommentSection = true;
    // In readability's output a related block after some prose is the end. In a whole-page text dump the
    // same headings also sit in menus and sidebars above and beside the article, so it takes a whole
    // article's worth of prose before them (60 characters there: text-mode recall 0.90 → 0.88).
    if (rule.id === 'related-start' && proseChars >= (doc.html_extraction === 'readability' ? MIN_PROSE_BEFORE_COMMENTS : MIN_PROSE_BEFORE_RELATED_IN_DUMPS)) context.inRelatedSection = true;
    seq.push({ index, line, rule: rule.id });
  });
  const classifier: ClassifierOptions = { ...DEFAULT_CLASSIFIER_OPTIONS, ...options.classifier, ...(doc.html_extraction === 'readability' ? { ...HTML_CLASSIFIER_OPTIONS, ...options.htmlClassifier } : {}) };
  if (classifier.enabled && seq.some((s) => s.rule === null)) {
    const decisions = classifyLines(
      seq.map((s) => s.line),
      title,
      classifier,
      seq.map((s) => s.rule !== null),
      seq.map((s) => s.rule !== null && IN_BODY_RULES.has(s.rule)),
    );
    decisions.forEach((decision, i) => {
      const entry = seq[i]!;
      if (entry.rule === null && !decision.keep && !disabled.has(decision.rule!)) entry.rule = decision.rule;
    });
  }
  if (doc.html_extraction === 'readability' && !disabled.has(TAIL_LABEL_RULE)) dropTailLabels(seq);
  if (titleRule !== undefined) {
    // Navigation words left above the headline ("Home", "Menu") are passed over: a headline has a few words.
    const headline = seq.findIndex((s) => s.rule === null && countWords(s.line) >= MIN_HEADLINE_WORDS);
    const at = seq[headline]?.index ?? -1;
    if (at >= 0 && looksLikeTitle(lines[at]!) && lines[at + 1] === '' && at + 2 < lines.length) {
      title = seq.splice(headline, 1)[0]!.line;
      titleLineNo = doc.first_line_no + at;
    }
  }
  const kept: string[] = [];
  const keptLineNos: number[] = [];
  const removed: RemovedLine[] = titleRule === undefined ? [] : [{ line_no: doc.title_line_no!, text: statedTitle!, rule: titleRule.id }];
  for (const entry of seq) {
    const lineNo = doc.first_line_no + entry.index;
    if (entry.rule === null) {
      kept.push(entry.line);
      keptLineNos.push(lineNo);
    } else removed.push({ line_no: lineNo, text: entry.line, rule: entry.rule });
  }
  const text = kept.join('\n\n');
  const paragraphs: Span[] = [];
  let offset = 0;
  for (const line of kept) {
    paragraphs.push({ start: offset, end: offset + line.length });
    offset += line.length + 2;
  }
  return {
    title,
    title_line_no: titleLineNo,
    text,
    paragraphs,
    paragraph_line_nos: keptLineNos,
    sentences: splitSentences(text, paragraphs),
    removed,
    n_words: countWords(text),
  };
}
