import type { Stage, StageContext } from '../../pipeline/stage.js';
import type { RawDoc } from '../types.js';
import { admitDoc } from './admit.js';
import { documentId } from './doc-id.js';
import { extractPage } from './records.js';

/**
 * The per-document phase's first step: HTML pages that ingest read and checked (records.ts
 * htmlPage) get their main text and metadata here (extractPage). Parsing a page and running
 * readability is most of what an HTML page costs (the 1,032 Trafilatura pages on one thread:
 * 22.6 s here against 2.0 s of ingest), so it runs in the worker threads with clean and extract:
 * on the main thread it held a whole HTML corpus to one core. Other documents pass through.
 */
export function htmlStage(): Stage<RawDoc, RawDoc> {
  return {
    name: 'html',
    version: '1.0.0',
    async *run(docs, context) {
      for await (const doc of docs) {
        const ready = doc.pending_page ? completePage(doc, context) : doc;
        if (ready) yield ready;
      }
    },
  };
}

/**
 * A document with a pending page, extracted: its text, the page's metadata, its id (a hash of the
 * extracted text, like every document's) and the checks ingest makes of every document (admitDoc).
 * Null, with the problem recorded, when the page cannot be extracted or holds nothing.
 */
export function completePage(doc: RawDoc, context: StageContext): RawDoc | null {
  const outcome = extractPage(doc);
  if ('problem' in outcome) {
    context.problem({ source_path: doc.source_path, doc_id: null, ...outcome.problem, message: `${doc.source_path}: ${outcome.problem.message}` });
    context.drop(outcome.problem.code);
    return null;
  }
  const page = outcome.record;
  return admitDoc({ ...page, doc_id: documentId(page.source_path, page.record_no, page.text) }, context);
}
