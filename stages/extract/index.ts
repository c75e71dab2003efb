import { createHash } from 'node:crypto';
import type { Stage } from '../../pipeline/stage.js';
import type { Annotations, Article, ClaimedQuantity, DocumentRecord, EntityMention, LinkedMention, Quantity, Span } from '../types.js';
import { claimSubjects, type ClaimSubject } from './claims.js';
import { extractDates, inferPublicationDate, type DateReference } from './dates.js';
import { extractEntities } from './entities/index.js';
import { extractQuantities } from './quantities.js';
import { extractQuotes } from './quotes.js';
import { answerFromJson, RepeatCache, repeatKey } from '../repeat-cache.js';

/** Entities, quantities (with claim subjects) and dates of each document, as separate annotation lists. */
export function extractStage(): Stage<DocumentRecord, DocumentRecord> {
  return {
    name: 'extract',
    version: '1.0.0',
    async *run(records, context) {
      for await (const record of records) {
        try {
          yield { ...record, annotations: annotateOnce(record.article) };
        } catch (error) {
          // One document's failure must not end the run: record it and pass the document on unannotated.
          context.problem({ source_path: record.article.source_path, doc_id: record.article.doc_id, line: null, code: 'extract-failed', message: `extraction failed (${(error as Error).message}); the document is kept without annotations. Please report this with the document.` });
          yield { ...record, annotations: { mentions: [], quantities: [], dates: [], quotes: [], published_at_inferred: null } };
        }
      }
    },
  };
}

/**
 * Annotations of documents this thread met before (stages/repeat-cache.ts), as JSON deflated at
 * level 1: on 600 documents of the 50 MB corpus, 9.0 KB of JSON became 2.0 KB in 130 µs, and a
 * repeat costs 150 µs to inflate and parse against 1.2 ms to annotate. 48 MB hold about 22,000
 * documents' annotations per thread. JSON gives back what the staged rows are written from, byte
 * for byte, since they are JSON too.
 */
const annotationRepeats = new RepeatCache<Uint8Array>(48e6);

/** annotate(), or for a repeat of a document met before, its annotations kept then. */
export function annotateOnce(article: Article): Annotations {
  // Every field annotate() reads.
  const key = repeatKey([article.text, sentenceBounds(article.sentences), article.title, article.published_at, article.crawled_at]);
  return answerFromJson(annotationRepeats, key, () => annotate(article));
}

function sentenceBounds(sentences: Span[]): string {
  return sentences.map((s) => `${s.start},${s.end}`).join(' ');
}

export function annotate(article: Article): Annotations {
  const { text, sentences } = article;
  const mentions = extractEntities(text, sentences, article.title).map((m) => link(m, sentences));
  const quantities = extractQuantities(text, sentences);
  const subjects = claimSubjects(text, quantities, mentions);
  const inferred = article.published_at ? null : inferPublicationDate(text, article.crawled_at);
  return {
    mentions,
    quantities: quantities.map((q, i) => claimed(q, subjects[i]!)),
    dates: extractDates(text, referenceDate(article, inferred)),
    quotes: extractQuotes(text, sentences, mentions),
    published_at_inferred: inferred,
  };
}

/**
 * Dates resolve against the publication date, else the publication date inferred from the text
 * and crawl date, else the crawl date (see stages/extract/dates.ts).
 */
export function referenceDate(article: Article, inferred: string | null = null): DateReference | null {
  if (article.published_at) return { date: article.published_at, source: 'published_at' };
  if (inferred !== null) return { date: inferred, source: 'published_at_inferred' };
  if (article.crawled_at) return { date: article.crawled_at.slice(0, 10), source: 'crawled_at' };
  return null;
}

/**
 * The same canonical name is the same entity in every document, whatever type one document gave
 * it ("Samsung" is ORG in most articles, PER in some): the entities aggregate picks the type by
 * documents' votes.
 */
export function entityId(canonical: string): string {
  let id = entityIds.get(canonical);
  if (id === undefined) {
    id = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
    if (entityIds.size >= MAX_CACHED_ENTITY_IDS) entityIds.clear();
    entityIds.set(canonical, id);
  }
  return id;
}

/** A few thousand names make most mentions of a corpus: a look-up instead of a SHA-256 per mention (≈ 1 µs each, 70 ms per 65,000 mentions). */
const entityIds = new Map<string, string>();
const MAX_CACHED_ENTITY_IDS = 100_000;

/**
 * Fields are copied one by one on purpose: in Node 20's V8, `{ ...mention, entity_id, sentence_no }`
 * (a spread followed by new keys) gave every object its own hidden class (64,951 classes for
 * BBC's 64,959 mentions), so each later read of a mention field (claims, quotes, staged rows) was
 * a megamorphic look-up. One literal is one class: annotate() over BBC went from 1.68 to 1.52 CPU
 * seconds (median of 11 interleaved rounds, 1.14×).
 */
function link(mention: EntityMention, sentences: Span[]): LinkedMention {
  const { start, end, text, type, subtype, canonical, country_code } = mention;
  return { start, end, text, type, subtype, canonical, country_code, entity_id: entityId(canonical), sentence_no: sentenceIndex(sentences, start) };
}

/**
 * Fields copied one by one, as in link(): `{ ...quantity, ...subject }` cost about 2.8 µs per
 * quantity (165 ms for the 58,208 quantities of 6,000 documents of the 50 MB corpus, against
 * 8.5 ms for one literal; medians of 7 rounds).
 */
function claimed(quantity: Quantity, subject: ClaimSubject): ClaimedQuantity {
  const { start, end, value, low, high, unit, subject: counted, kind, qualifier, text, attributed_to, sentence_start, sentence_end } = quantity;
  const { claim_key, claim_subject, subject_source } = subject;
  return {
    start, end, value, low, high, unit, subject: counted, kind, qualifier, text, attributed_to, sentence_start, sentence_end,
    claim_key, claim_subject, subject_source,
  };
}

/** Index of the sentence containing `offset` (binary search; -1 if none, e.g. the text is empty). */
export function sentenceIndex(sentences: Span[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const sentence = sentences[mid]!;
    if (offset < sentence.start) high = mid - 1;
    else if (offset >= sentence.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
