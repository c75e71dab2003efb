import type { DocSignature } from '../../stages/dedupe/types.js';
import type { Article, DocumentRecord } from '../../stages/types.js';
import { codePointOffsets } from '../offsets.js';

/** The staged tables the per-document phase fills (their columns: pipeline/tables.ts, SIGNATURE_COLUMNS). */
export const DOCUMENT_PHASE_TABLES = ['documents_stage', 'removed_lines', 'mentions', 'quantities', 'dates', 'quotes', 'dedupe_signatures'] as const;
export type DocumentPhaseTable = (typeof DOCUMENT_PHASE_TABLES)[number];

/** NDJSON text and row count per staged table. */
export type StagedRows = Record<DocumentPhaseTable, { ndjson: string; rows: number }>;

/**
 * Staged rows of one batch as NDJSON text per table (the same bytes StagedTable.append writes),
 * so a worker hands the main thread one string per table instead of objects to clone and stringify.
 */
export class RowSink {
  private readonly tables = Object.fromEntries(DOCUMENT_PHASE_TABLES.map((name) => [name, { lines: [] as string[], rows: 0 }])) as Record<DocumentPhaseTable, { lines: string[]; rows: number }>;

  private add(table: DocumentPhaseTable, row: Record<string, unknown>): void {
    const sink = this.tables[table]!;
    sink.lines.push(JSON.stringify(row) + '\n');
    sink.rows++;
  }

  /** Every staged row of one processed document. */
  addRecord(record: DocumentRecord): void {
    const { article, annotations } = record;
    const at = codePointOffsets(article.text);
    // Lengths are published in code points, like offsets; computed once per document.
    const nChars = at(article.text.length);
    this.add('documents_stage', documentRow(article, annotations?.published_at_inferred ?? null, nChars));
    for (const line of article.removed) this.add('removed_lines', { doc_id: article.doc_id, ...line });
    if (record.signature) {
      const signature = record.signature as DocSignature;
      this.add('dedupe_signatures', { doc_id: article.doc_id, exact_hash: signature.exact_hash, n_chars: nChars, published_at: article.published_at, n_shingles: signature.n_shingles, minhash: Array.from(signature.minhash) });
    }
    if (annotations) this.addAnnotations(article, annotations, at);
  }

  /** The batch's rows: NDJSON text and row count per table. */
  result(): StagedRows {
    return Object.fromEntries(DOCUMENT_PHASE_TABLES.map((name) => [name, { ndjson: this.tables[name].lines.join(''), rows: this.tables[name].rows }])) as StagedRows;
  }

  private addAnnotations(article: Article, annotations: NonNullable<DocumentRecord['annotations']>, at: (utf16: number) => number): void {
    const doc_id = article.doc_id;
    for (const m of annotations.mentions) {
      this.add('mentions', { doc_id, entity_id: m.entity_id, text: m.text, type: m.type, subtype: m.subtype, canonical: m.canonical, country_code: m.country_code, start: at(m.start), end: at(m.end), sentence_no: m.sentence_no });
    }
    for (const q of annotations.quantities) {
      this.add('quantities', {
        doc_id, text: q.text, value: q.value, low: q.low, high: q.high, unit: q.unit, subject: q.subject, kind: q.kind, qualifier: q.qualifier,
        attributed_to: q.attributed_to, claim_key: q.claim_key, claim_subject: q.claim_subject, subject_source: q.subject_source,
        start: at(q.start), end: at(q.end), sentence_start: at(q.sentence_start), sentence_end: at(q.sentence_end),
      });
    }
    for (const d of annotations.dates) {
      this.add('dates', { doc_id, text: d.text, resolved: d.resolved, resolved_end: d.resolved_end, granularity: d.granularity, reference_date: d.reference_date, reference: d.reference, start: at(d.start), end: at(d.end) });
    }
    for (const q of annotations.quotes) {
      this.add('quotes', { doc_id, text: q.text, speaker: q.speaker, speaker_canonical: q.speaker_canonical, speaker_entity_id: q.speaker_entity_id, verb: q.verb, start: at(q.start), end: at(q.end), sentence_start: at(q.sentence_start), sentence_end: at(q.sentence_end) });
    }
  }
}

function documentRow(article: Article, publishedAtInferred: string | null, nChars: number): Record<string, unknown> {
  return {
    doc_id: article.doc_id,
    source_path: article.source_path,
    record_no: article.record_no,
    format: article.format,
    encoding: article.encoding,
    title: article.title,
    published_at: article.published_at,
    published_at_inferred: publishedAtInferred,
    published_at_source: article.published_at ? 'input' : publishedAtInferred ? 'inferred' : null,
    crawled_at: article.crawled_at,
    url: article.url,
    source: article.source,
    site: article.site ?? null,
    author: article.author ?? null,
    lang: article.lang ?? null,
    outlet: outletOf(article),
    text: article.text,
    n_chars: nChars,
    n_words: article.n_words,
    n_sentences: article.sentences.length,
    n_removed_lines: article.removed.length,
    input_bytes: article.bytes,
    paragraphs: paragraphFacts(article),
    title_line_no: article.title_line_no ?? null,
  };
}

/** Each paragraph's input line and number of sentences (sentences never cross paragraphs). */
function paragraphFacts(article: Article): { line_no: number; n_sentences: number }[] {
  const facts = article.paragraph_line_nos.map((line_no) => ({ line_no, n_sentences: 0 }));
  let p = 0;
  for (const sentence of article.sentences) {
    while (p < article.paragraphs.length - 1 && sentence.start >= article.paragraphs[p]!.end) p++;
    facts[p]!.n_sentences++;
  }
  return facts;
}

/** The outlet that published a document: the input's source field, else the page's site name, else the URL's host. */
export function outletOf(article: Pick<Article, 'source' | 'site' | 'url'>): string | null {
  return article.source ?? article.site ?? (article.url ? /^[a-z][a-z0-9+.-]*:\/\/(?:www\.)?([^/:?#]+)/i.exec(article.url)?.[1]?.toLowerCase() ?? null : null);
}
