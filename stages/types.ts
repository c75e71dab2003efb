/**
 * Record types that flow between stages. Offsets everywhere are JavaScript string indices
 * (UTF-16 code units) into `Article.text`, end exclusive; the writer converts them to Unicode
 * code points, the unit DuckDB's substring() and Python slicing use.
 */

/** A half-open range [start, end) into a text. */
export interface Span {
  start: number;
  end: number;
}

export type InputFormat = 'txt' | 'jsonl' | 'json' | 'csv' | 'html' | 'warc';

/** One document as read from disk, before any cleaning. */
export interface RawDoc {
  doc_id: string;
  /** Path relative to the input root it was found under, '/'-separated. */
  source_path: string;
  /** 1-based record number inside a JSONL/JSON/CSV file (for WARC: the record's position among all records); null for one-document files. */
  record_no: number | null;
  format: InputFormat;
  encoding: 'utf-8' | 'windows-1252';
  /** Body text with the header lines already taken off (see ingest/header.ts). */
  text: string;
  /** Line number, in the source file, of the body's first line (header lines come before it). */
  first_line_no: number;
  title: string | null;
  /** Input line the title was read from (a text dump's first line, ingest/header.ts); absent or null when it came from metadata. */
  title_line_no?: number | null;
  /** YYYY-MM-DD publication date, when the input states one. */
  published_at: string | null;
  /** ISO-8601 UTC timestamp of the crawl, when the input states one. */
  crawled_at: string | null;
  url: string | null;
  source: string | null;
  /** Page metadata of HTML inputs (stages/ingest/html-meta.ts): site name, author, language tag; absent or null otherwise. */
  site?: string | null;
  author?: string | null;
  lang?: string | null;
  /** Set when the text was extracted from HTML: `readability` (main content) or `page` (whole page, readability found nothing). */
  html_extraction?: 'readability' | 'page' | null;
  /** Size of the input this record came from, in bytes (for MB/s figures). */
  bytes: number;
  /**
   * An HTML page whose main text is still to be extracted: `text` is empty until then and the page's
   * metadata fills the fields above that the record left null (stages/ingest/html-step.ts). Ingest
   * leaves pages this way so that extraction, the costly part of reading HTML, runs in the worker
   * threads; null or absent once extracted and for every other input.
   */
  pending_page?: PendingPage | null;
}

/** What the extraction of a pending HTML page needs besides the record's fields. */
export interface PendingPage {
  markup: string;
  /** The record stated a publication date the reader could not parse: the page's own date must not stand in for it. */
  no_page_date: boolean;
}

export interface RemovedLine {
  /** 1-based line number in the source file (or in the record's text field for JSONL/CSV). */
  line_no: number;
  text: string;
  /** Rule id, e.g. `byline`, `photo-credit`; see stages/clean/rules.ts. */
  rule: string;
}

/** A cleaned document: what every later stage reads and what `documents` publishes. */
export interface Article extends Omit<RawDoc, 'text'> {
  /** Cleaned body: NFC, whitespace normalised, paragraphs separated by one blank line. */
  text: string;
  paragraphs: Span[];
  /** Input line of each paragraph, numbered like `removed_lines.line_no` (the global corpus-lines step removes paragraphs by it). */
  paragraph_line_nos: number[];
  sentences: Span[];
  removed: RemovedLine[];
  n_words: number;
}

/** A number found in text with what it counts or measures. */
export interface Quantity extends Span {
  text: string;
  /** The number in the unit as written; null for ranges and vague magnitudes (no middle is invented). */
  value: number | null;
  /** Bounds of a range or vague magnitude ("tens of thousands" → 10000..99999); null for single figures. */
  low: number | null;
  high: number | null;
  /** Counted noun for counts ("troops"), unit symbol for others ("USD", "percent", "km"). */
  unit: string | null;
  /** Counted noun with its modifiers ("Russian troops"), null when nothing is counted. */
  subject: string | null;
  kind: 'count' | 'money' | 'percent' | 'measure' | 'ordinal' | 'year' | 'time' | 'duration';
  qualifier: 'exact' | 'approx' | 'at_least' | 'at_most' | 'range';
  /** Who the sentence says claims the figure ("Ukrainian officials"), null when unnamed. */
  attributed_to: string | null;
  sentence_start: number;
  sentence_end: number;
}

export interface DateMention extends Span {
  text: string;
  /** YYYY-MM-DD of the first day the expression denotes. */
  resolved: string;
  /** YYYY-MM-DD of the last day for ranges ("Dec. 9 to 10"), else equal to resolved. */
  resolved_end: string;
  granularity: 'day' | 'month' | 'year';
  /** Date the expression was resolved against, and where that date came from. */
  reference_date: string;
  reference: 'published_at' | 'published_at_inferred' | 'crawled_at';
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name found in text, with the document-level canonical name it refers to. */
export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** Finer type where known: GPE, NORP, EVENT, LAW; null otherwise. */
  subtype: string | null;
  /** Canonical name ("Joe Biden" for "President Biden", "Biden's"). */
  canonical: string;
  /** ISO 3166-1 alpha-2 code for countries and nationalities, else null. */
  country_code: string | null;
}

/** An entity mention with its corpus-wide id and the index of its sentence in `Article.sentences`. */
export interface LinkedMention extends EntityMention {
  entity_id: string;
  sentence_no: number;
}

/** A quantity with the subject key that lines it up with other outlets' figures (stages/extract/claims.ts). */
export interface ClaimedQuantity extends Quantity {
  claim_key: string | null;
  claim_subject: string | null;
  subject_source: 'text' | 'context' | null;
}

/** A direct quotation and, when the text names one, its speaker (stages/extract/quotes.ts). */
export interface Quote extends Span {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** The speaker as written ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"); null when unnamed. */
  speaker: string | null;
  /** Canonical name and entity id of the speaker's mention, when the speaker is a recognised entity. */
  speaker_canonical: string | null;
  speaker_entity_id: string | null;
  /** The reporting verb ("said", "told"), null when the speaker was taken from a colon or the paragraph. */
  verb: string | null;
  sentence_start: number;
  sentence_end: number;
}

export interface Annotations {
  mentions: LinkedMention[];
  quantities: ClaimedQuantity[];
  dates: DateMention[];
  quotes: Quote[];
  /** Publication date inferred from the text and crawl date when the input states none (stages/extract/dates.ts). */
  published_at_inferred: string | null;
}

/**
 * What flows after the clean stage: the article plus what later per-document stages add,
 * each in its own field (annotations never rewrite the article).
 */
export interface DocumentRecord<Signature = unknown> {
  article: Article;
  /** Set by the dedupe signature step; null when dedupe is skipped. */
  signature: Signature | null;
  /** Set by the extract stage; null when extraction is skipped. */
  annotations: Annotations | null;
}
