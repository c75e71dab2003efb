import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../stages/extract/quotes.js';
import { splitSentences } from '../../stages/clean/segment.js';
import type { Article, LinkedMention } from '../../stages/types.js';

const SEEDS = new URL('../../seeds/', import.meta.url);

/** A seed body as an Article (header line dropped, text as is). */
function seedArticle(prefix: string): Article {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  const text = readFileSync(new URL(name, SEEDS), 'utf8').split('\n').slice(1).join('\n');
  return {
    doc_id: name, source_path: name, record_no: null, format: 'txt', encoding: 'utf-8', first_line_no: 2, title: null,
    published_at: null, crawled_at: '2022-01-18T00:00:00Z', url: null, source: null, bytes: text.length,
    text, paragraphs: [], paragraph_line_nos: [], sentences: splitSentences(text), removed: [], n_words: 0,
  };
}

describe('quotes', () => {
  it('004: Peskov\'s quotation opens with \' and closes with ", speaker linked to his entity', () => {
    const { text, sentences } = seedArticle('004');
    const at = text.indexOf('Dmitry Peskov told');
    // A hand-made mention, so that this test does not depend on the entity extractor.
    const peskov: LinkedMention = { start: at, end: at + 13, text: 'Dmitry Peskov', type: 'PER', subtype: null, canonical: 'Dmitry Peskov', country_code: null, entity_id: 'e-peskov', sentence_no: 0 };
    const quote = extractQuotes(text, sentences, [peskov]).find((q) => q.text.startsWith('of course, [the agenda] will be bilateral relations'));
    expect(quote).toMatchObject({ speaker: 'Dmitry Peskov', speaker_canonical: 'Dmitry Peskov', speaker_entity_id: 'e-peskov', verb: 'told' });
    expect(quote!.text.endsWith('lamentable state,')).toBe(true);
    expect(text.slice(quote!.start, quote!.end)).toBe(quote!.text);
  });

  it('004: a speaker after the quotation ("…," the official said) and a noun-phrase speaker', () => {
    const { text, sentences } = seedArticle('004');
    const quote = extractQuotes(text, sentences, []).find((q) => q.text.startsWith('We have seen the movement'));
    expect(quote).toMatchObject({ speaker: 'the official', speaker_entity_id: null, verb: 'said' });
  });

  it('finds "said X" after the quotation and "according to X" before it', () => {
    const text = '"We will not back down," said the minister. According to the spokesman, "talks are going well today."';
    expect(extractQuotes(text, splitSentences(text), []).map((q) => [q.text, q.speaker, q.verb])).toEqual([
      ['We will not back down,', 'the minister', 'said'],
      ['talks are going well today.', 'the spokesman', 'according to'],
    ]);
  });

  it('skips scare quotes and apostrophes', () => {
    const text = "Russia's leaders faced “severe consequences” and a 'red line' in the Russians' plans.";
    expect(extractQuotes(text, splitSentences(text), [])).toEqual([]);
  });
});
