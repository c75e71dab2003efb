import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

// A worker's NER keeps a table of the words it has met, started over once it is full
// (stages/extract/entities/features.ts). A document's mentions must not depend on what the worker
// read before it, or on the worker count.
const SEED = readFileSync(join(import.meta.dirname, '..', '..', 'seeds', '002_7175a7e198ed7ad5.txt'), 'utf8');

/** Entity extraction with a word table of its own (a fresh copy of the modules). */
async function freshRecogniser() {
  vi.resetModules();
  const { extractEntities } = await import('../../stages/extract/entities/index.js');
  const { WORD_TABLE_LIMIT } = await import('../../stages/extract/entities/features.js');
  const { splitSentences } = await import('../../stages/clean/segment.js');
  return { limit: WORD_TABLE_LIMIT, mentions: (text: string) => extractEntities(text, splitSentences(text)) };
}

it('gives a document the same mentions when the word table fills up in the middle of it', async () => {
  const alone = (await freshRecogniser()).mentions(SEED);
  const worker = await freshRecogniser();
  // A document of distinct words that leaves the table 100 words short of full, so that it fills
  // up inside the seed. Clearing it there (as the table once did) changes this seed's mentions.
  const words = Array.from({ length: worker.limit - 100 }, (_, i) => `zq${i.toString(36)}`);
  worker.mentions(words.join(' ') + '.');
  expect(worker.mentions(SEED)).toEqual(alone);
  expect(alone.length).toBeGreaterThan(20);
}, 30_000);
