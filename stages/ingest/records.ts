import { parse as parseCsv } from 'csv-parse/sync';
import { parseHeader, isValidDate } from './header.js';
import { extractHtml, type HtmlExtraction } from './html.js';
import { htmlDeeperThan, MAX_DOCUMENT_CHARS, MAX_HTML_DEPTH } from './limits.js';
import type { InputFormat, RawDoc } from '../types.js';

/** One document's fields as found in a file, before ids and cleaning; an HTML page's are completed by extractPage. */
export type SourceRecord = Pick<RawDoc, 'record_no' | 'text' | 'first_line_no' | 'title' | 'title_line_no' | 'published_at' | 'crawled_at' | 'url' | 'source' | 'site' | 'author' | 'lang' | 'html_extraction' | 'pending_page'>;

export interface RecordProblem {
  line: number | null;
  code: string;
  message: string;
}

/** A document read, or the problem that refused it. */
export type RecordOutcome = { record: SourceRecord } | { problem: RecordProblem };

/** Formats read whole and parsed here; WARC files are streamed record by record (warc.ts). */
export type WholeFileFormat = Exclude<InputFormat, 'warc'>;

export interface ParsedFile {
  records: SourceRecord[];
  problems: RecordProblem[];
}

/** Field names accepted in JSONL/JSON/CSV records, first match wins. */
const FIELDS = {
  text: ['text', 'body', 'content', 'article'],
  html: ['html', 'raw_html'],
  title: ['title', 'headline'],
  url: ['url', 'link'],
  date: ['date', 'published_at', 'published', 'datePublished', 'pubdate'],
  crawled: ['crawled_at', 'crawl_date', 'fetched_at'],
  source: ['source', 'site', 'outlet', 'domain'],
} as const;

export function formatOf(fileName: string): InputFormat | null {
  const name = fileName.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.txt') || name.endsWith('.text')) return 'txt';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  if (name.endsWith('.warc')) return 'warc';
  return null;
}

export function parseFile(text: string, format: WholeFileFormat): ParsedFile {
  switch (format) {
    case 'txt': {
      const refused = oversized(text.length, null);
      return refused ? { records: [], problems: [refused] } : { records: [textRecord(text)], problems: [] };
    }
    case 'jsonl':
      return parseJsonLines(text);
    case 'json':
      return parseJsonDocument(text);
    case 'csv':
      return parseCsvTable(text);
    case 'html': {
      const page = htmlPage(text, null);
      return 'record' in page ? { records: [page.record], problems: [] } : { records: [], problems: [page.problem] };
    }
  }
}

/** The `document-too-large` problem when a document's text or markup passes MAX_DOCUMENT_CHARS. */
function oversized(chars: number, recordNo: number | null): RecordProblem | null {
  if (chars <= MAX_DOCUMENT_CHARS) return null;
  const what = recordNo === null ? 'the document' : `record ${recordNo}`;
  return { line: recordNo, code: 'document-too-large', message: `${what} has ${chars} characters, over the ${MAX_DOCUMENT_CHARS}-character limit for one document; no news article is that long, so it was left out. Split it into articles.` };
}

function textRecord(text: string): SourceRecord {
  const lines = text.split(/\r?\n/);
  const header = parseHeader(lines);
  return {
    record_no: null,
    text: lines.slice(header.lines).join('\n'),
    first_line_no: header.lines + 1,
    title: header.title,
    title_line_no: header.title === null ? null : 1,
    published_at: header.published_at,
    crawled_at: header.crawled_at,
    url: null,
    source: null,
  };
}

/**
 * An HTML page, checked but not yet extracted: extractPage does that, in the worker threads when
 * the pipeline runs. Pages past the size or nesting limits (limits.ts) are refused here, before
 * any parsing.
 */
export function htmlPage(html: string, recordNo: number | null): RecordOutcome {
  const refused = oversized(html.length, recordNo);
  if (refused) return { problem: refused };
  if (htmlDeeperThan(html, MAX_HTML_DEPTH)) {
    return { problem: { line: recordNo, code: 'html-too-deep', message: `${pageName(recordNo)} nests elements more than ${MAX_HTML_DEPTH} deep, past the limit the HTML extractor handles in reasonable time; it was left out. Real pages are far shallower: the file is probably generated or damaged.` } };
  }
  return { record: { record_no: recordNo, text: '', first_line_no: 1, title: null, published_at: null, crawled_at: null, url: null, source: null, pending_page: { markup: html, no_page_date: false } } };
}

/**
 * A pending page's record completed: the main content by readability (stages/ingest/html.ts) as
 * its text, and the page's metadata in every field the record left null (record fields win over
 * what the page says about itself). A parser crash on a page the limits let through is that
 * page's problem, not the run's. Records without a pending page are returned as they are.
 */
export function extractPage<R extends SourceRecord>(record: R): { record: R } | { problem: RecordProblem } {
  const pending = record.pending_page;
  if (!pending) return { record };
  let page: HtmlExtraction;
  try {
    page = extractHtml(pending.markup);
  } catch (error) {
    return { problem: { line: record.record_no, code: 'html-extraction-failed', message: `cannot extract text from ${pageName(record.record_no)} (${(error as Error).message}); it was left out. Check that it is an HTML page.` } };
  }
  return {
    record: {
      ...record,
      text: page.text,
      title: record.title ?? page.title,
      published_at: record.published_at ?? (pending.no_page_date ? null : page.published_at),
      url: record.url ?? page.url,
      site: page.site,
      author: page.author,
      lang: page.lang,
      html_extraction: page.method,
      pending_page: null,
    },
  };
}

function pageName(recordNo: number | null): string {
  return recordNo === null ? 'the page' : `record ${recordNo}`;
}

function parseJsonLines(text: string): ParsedFile {
  const records: SourceRecord[] = [];
  const problems: RecordProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ line: index + 1, code: 'malformed-jsonl', message: `line ${index + 1} is not valid JSON (${(error as Error).message}); fix or delete that line, the other lines were read.` });
      return;
    }
    addObject(value, index + 1, records, problems);
  });
  return { records, problems };
}

function parseJsonDocument(text: string): ParsedFile {
  const records: SourceRecord[] = [];
  const problems: RecordProblem[] = [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { records, problems: [{ line: null, code: 'malformed-json', message: `not valid JSON (${(error as Error).message}); a .json file must hold one record or an array of records (use .jsonl for one record per line).` }] };
  }
  const items = Array.isArray(value) ? value : [value];
  items.forEach((item, index) => addObject(item, index + 1, records, problems));
  return { records, problems };
}

function parseCsvTable(text: string): ParsedFile {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    return { records: [], problems: [{ line: null, code: 'malformed-csv', message: `cannot parse CSV (${(error as Error).message}); check quoting (RFC 4180) and the header row.` }] };
  }
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  if (rows.length > 0 && !hasAny(columns, [...FIELDS.text, ...FIELDS.html])) {
    return { records: [], problems: [{ line: 1, code: 'csv-no-text-column', message: `the header (${columns.join(', ')}) names no text column; name the article column one of: ${[...FIELDS.text, ...FIELDS.html].join(', ')}.` }] };
  }
  const records: SourceRecord[] = [];
  const problems: RecordProblem[] = [];
  rows.forEach((row, index) => addObject(row, index + 1, records, problems));
  return { records, problems };
}

function addObject(value: unknown, recordNo: number, records: SourceRecord[], problems: RecordProblem[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ line: recordNo, code: 'not-a-record', message: `record ${recordNo} is not an object with a "text" or "html" field; wrap it as {"text": ...}.` });
    return;
  }
  const object = value as Record<string, unknown>;
  const text = pick(object, FIELDS.text);
  const html = pick(object, FIELDS.html);
  if (!text && !html) {
    problems.push({ line: recordNo, code: 'missing-text', message: `record ${recordNo} has no non-empty field among ${[...FIELDS.text, ...FIELDS.html].join(', ')}; add the article text under "text".` });
    return;
  }
  const refused = oversized((text ?? html!).length, recordNo);
  if (refused) {
    problems.push(refused);
    return;
  }
  const page = text ? null : htmlPage(html!, recordNo);
  if (page && 'problem' in page) {
    problems.push(page.problem);
    return;
  }
  const rawDate = pick(object, FIELDS.date);
  const published = rawDate ? normalizeDate(rawDate) : null;
  if (rawDate && !published) {
    problems.push({ line: recordNo, code: 'unparsed-date', message: `record ${recordNo}: date "${rawDate}" is not a date this reader understands (use YYYY-MM-DD or ISO 8601); kept the record without a publication date.` });
  }
  const rawCrawl = pick(object, FIELDS.crawled);
  records.push({
    record_no: recordNo,
    text: text ?? '',
    first_line_no: 1,
    title: pick(object, FIELDS.title),
    published_at: published,
    crawled_at: rawCrawl ? normalizeTimestamp(rawCrawl) : null,
    url: pick(object, FIELDS.url),
    source: pick(object, FIELDS.source),
    site: null,
    author: null,
    lang: null,
    html_extraction: null,
    pending_page: page ? { ...page.record.pending_page!, no_page_date: rawDate !== null } : null,
  });
}

function pick(object: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = object[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

function hasAny(columns: string[], names: string[]): boolean {
  return columns.some((c) => names.includes(c));
}

/** The calendar date a date string names: the literal date of ISO forms (no time-zone shift), else the UTC date. */
export function normalizeDate(raw: string): string | null {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(raw);
  if (iso) return isValidDate(iso[1]!) ? iso[1]! : null;
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function normalizeTimestamp(raw: string): string | null {
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}
