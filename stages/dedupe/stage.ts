import type { Stage } from '../../pipeline/stage.js';
import { RepeatCache, repeatKey } from '../repeat-cache.js';
import type { DocumentRecord } from '../types.js';
import { resolveOptions, type DedupeOptions } from './options.js';
import { computeSignature } from './signature.js';
import type { DocSignature } from './types.js';

/**
 * Signatures of texts this thread met before (stages/repeat-cache.ts): 16 MB hold about 12,000 of
 * num_perm 240. A signature is only read after this stage (its row is written from it), so a
 * repeat shares the kept object.
 */
const signatureRepeats = new RepeatCache<DocSignature>(16e6);
/** Heap beside the MinHash values: the array's header and backing store, the object and its exact hash, the key, the map entry. */
const ENTRY_OVERHEAD_BYTES = 300;

/**
 * The per-document half of dedupe: an exact hash and a MinHash signature per document. The
 * grouping half (groupDuplicates) runs in the global phase over all signatures.
 */
export function dedupeSignatureStage(options: Partial<DedupeOptions>): Stage<DocumentRecord, DocumentRecord<DocSignature>> {
  const { shingle_size, num_perm, seed } = resolveOptions(options);
  const settings = `${shingle_size} ${num_perm} ${seed}`;
  return {
    name: 'dedupe',
    version: '2.0.0',
    async *run(records) {
      for await (const record of records) yield { ...record, signature: signatureOnce(record.article.text, settings, options) };
    },
  };
}

/** computeSignature(), or for a text met before, the signature kept then. `settings`: the options the signature depends on. */
function signatureOnce(text: string, settings: string, options: Partial<DedupeOptions>): DocSignature {
  const key = repeatKey([text, settings]);
  const kept = signatureRepeats.get(key);
  if (kept !== undefined) return kept;
  const signature = computeSignature(text, options);
  if (signatureRepeats.wants(key)) signatureRepeats.set(key, signature, signature.minhash.byteLength + ENTRY_OVERHEAD_BYTES);
  return signature;
}
