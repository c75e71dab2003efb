import type { Stage } from '../../pipeline/stage.js';
import type { Article, RawDoc, RemovedLine, Span } from '../types.js';
import { countWords, normalizeLine } from './normalize.js';
import { LINE_RULES, type LineContext, type LineRule } from './rules.js';
import { splitSentences } from './segment.js';

export interface CleanOptions {
  /** Rule ids to switch off (see stages/clean/rules.ts). */
  disabledRules: string[];
}

export function cleanStage(options: CleanOptions): Stage<RawDoc, Article> {
  const rules = LINE_RULES.filter((rule) => !options.disabledRules.includes(rule.id));
  return {
    name: 'clean',
    version: '1.0.0',
    async *run(docs) {
      for await (const doc of docs) yield cleanDocument(doc, rules);
    },
  };
}

/**
 * Normalises every line, removes boilerplate lines with the rule that matched, and joins the
 * kept lines as paragraphs (text dumps put one paragraph per line).
 */
export function cleanDocument(doc: RawDoc, rules: readonly LineRule[] = LINE_RULES): Article {
  const title = doc.title === null ? null : normalizeLine(doc.title) || null;
  const lines = doc.text.split(/\r?\n/).map(normalizeLine);
  const kept: string[] = [];
  const removed: RemovedLine[] = [];
  const context: LineContext = { lines, index: 0, title, previousRule: null, inCommentSection: false };
  lines.forEach((line, index) => {
    if (line === '') return;
    context.index = index;
    const rule = rules.find((r) => r.matches(line, context));
    context.previousRule = rule?.id ?? null;
    if (rule === undefined) {
      kept.push(line);
      return;
    }
    if (rule.id === 'comments-start') context.inCommentSection = true;
    removed.push({ line_no: doc.first_line_no + index, text: line, rule: rule.id });
  });
  const text = kept.join('\n\n');
  const paragraphs: Span[] = [];
  let offset = 0;
  for (const line of kept) {
    paragraphs.push({ start: offset, end: offset + line.length });
    offset += line.length + 2;
  }
  return {
    ...doc,
    title,
    text,
    paragraphs,
    sentences: splitSentences(text, paragraphs),
    removed,
    n_words: countWords(text),
  };
}
