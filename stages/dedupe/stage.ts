import type { Stage } from '../../pipeline/stage.js';
import type { DocumentRecord } from '../types.js';
import { computeSignature } from './signature.js';
import type { DedupeOptions } from './options.js';
import type { DocSignature } from './types.js';

/**
 * The per-document half of dedupe: an exact hash and a MinHash signature per document. The
 * grouping half (groupDuplicates) runs in the global phase over all signatures.
 */
export function dedupeSignatureStage(options: Partial<DedupeOptions>): Stage<DocumentRecord, DocumentRecord<DocSignature>> {
  return {
    name: 'dedupe',
    version: '2.0.0',
    async *run(records) {
      for await (const record of records) yield { ...record, signature: computeSignature(record.article.text, options) };
    },
  };
}
