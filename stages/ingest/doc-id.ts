import { createHash } from 'node:crypto';

/**
 * A document id stable across runs: SHA-256 over where the document lives (source path and
 * record number: the line/row/item of a JSONL/CSV/JSON file, the record's position among all the
 * records of a WARC file) and its whitespace-normalised text, cut to 16 hex digits. The location is part
 * of the key so that two copies of one article stay two documents (dedupe links them); a changed
 * text gives a new id.
 */
export function documentId(sourcePath: string, recordNo: number | null, text: string): string {
  const normalized = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(`${sourcePath}\u0000${recordNo ?? ''}\u0000${normalized}`).digest('hex').slice(0, 16);
}
