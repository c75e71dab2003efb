import type { StageContext } from '../../pipeline/stage.js';
import type { RawDoc } from '../types.js';

/**
 * The checks every document passes once its text is known: one with neither text nor title is
 * dropped as empty; one decoded as Windows-1252 is kept, with a problem saying so.
 */
export function admitDoc(doc: RawDoc, context: StageContext): RawDoc | null {
  if (doc.text.trim() === '' && doc.title === null) {
    reportEmpty(doc.source_path, doc.record_no, context);
    return null;
  }
  if (doc.encoding !== 'utf-8') {
    const message =
      doc.format === 'warc'
        ? `${doc.source_path}: WARC record ${doc.record_no} is not valid UTF-8; decoded it as Windows-1252. Check accented characters.`
        : `${doc.source_path} is not valid UTF-8; decoded it as Windows-1252. Check accented characters, or convert the file to UTF-8.`;
    context.problem({ source_path: doc.source_path, doc_id: doc.doc_id, line: doc.format === 'warc' ? doc.record_no : null, code: 'invalid-utf8', message });
  }
  return doc;
}

/** A file, or a record of one, with nothing to read. */
export function reportEmpty(sourcePath: string, line: number | null, context: StageContext): void {
  context.problem({ source_path: sourcePath, doc_id: null, line, code: 'empty-file', message: `${sourcePath} holds no text; nothing to read.` });
  context.drop('empty-file');
}
