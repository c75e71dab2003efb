import { describe, expect, it } from 'vitest';
import { cleanDocument, cleanStage } from '../stages/clean/index.js';
import { splitSentences } from '../stages/clean/segment.js';
import { dedupeSignatureStage } from '../stages/dedupe/stage.js';
import { annotate, annotateOnce } from '../stages/extract/index.js';
import { RepeatCache, repeatKey } from '../stages/repeat-cache.js';
import type { Article, DocumentRecord, RawDoc } from '../stages/types.js';

describe('RepeatCache', () => {
  it('keeps a result from the second time its key comes, and answers the third', () => {
    const cache = new RepeatCache<string>(100);
    expect([cache.get('k'), cache.wants('k')]).toEqual([undefined, false]);
    expect([cache.get('k'), cache.wants('k')]).toEqual([undefined, true]);
    cache.set('k', 'result', 10);
    expect(cache.get('k')).toBe('result');
  });

  it('drops the least recently used results past its capacity, and results larger than it', () => {
    const cache = new RepeatCache<string>(10);
    const keep = (key: string, size: number) => {
      cache.get(key);
      cache.get(key);
      cache.set(key, key.toUpperCase(), size);
    };
    keep('a', 4);
    keep('b', 4);
    expect(cache.get('a')).toBe('A');
    keep('c', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
    keep('huge', 11);
    expect(cache.get('huge')).toBeUndefined();
  });

  it('remembers a bounded number of keys met once', () => {
    const cache = new RepeatCache<string>(100, 2);
    for (const key of ['k1', 'k2', 'k3']) cache.get(key);
    cache.get('k1');
    expect(cache.wants('k1')).toBe(false);
    cache.get('k3');
    expect(cache.wants('k3')).toBe(true);
  });
});

describe('repeatKey', () => {
  it('tells apart lists that only a naive join would confuse', () => {
    expect(repeatKey(['ab', 'c'])).not.toBe(repeatKey(['a', 'bc']));
    expect(repeatKey([null])).not.toBe(repeatKey(['']));
    expect(repeatKey(['\ud800'])).not.toBe(repeatKey(['\udbff']));
    expect(repeatKey(['same', null])).toBe(repeatKey(['same', null]));
  });
});

function article(text: string, fields: Partial<Article> = {}): Article {
  return {
    doc_id: 'doc', source_path: 'doc.txt', record_no: null, format: 'txt', encoding: 'utf-8', first_line_no: 1, title: null, published_at: '2021-12-07',
    crawled_at: null, url: null, source: null, bytes: text.length, text, paragraphs: [{ start: 0, end: text.length }], paragraph_line_nos: [1],
    sentences: splitSentences(text), removed: [], n_words: 0, ...fields,
  };
}

describe('annotateOnce', () => {
  const text = 'President Joe Biden said on Tuesday that 175,000 Russian troops could invade Ukraine by early next year.';

  it('answers a repeat with what annotate() gives', () => {
    const doc = article(text);
    for (let sighting = 0; sighting < 3; sighting++) expect(annotateOnce(doc)).toEqual(annotate(doc));
  });

  it('does not hand a kept result to a document that differs in a field annotate() reads', () => {
    for (let sighting = 0; sighting < 3; sighting++) annotateOnce(article(text));
    const resolved = (doc: Article) => annotateOnce(doc).dates.map((d) => [d.text, d.resolved]);
    expect(resolved(article(text))).toEqual([['Tuesday', '2021-12-07'], ['next year', '2022-12-07']]);
    expect(resolved(article(text, { published_at: '2022-02-15' }))).toEqual([['Tuesday', '2022-02-15'], ['next year', '2023-02-15']]);
    const other = 'Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Friday.';
    expect(annotateOnce(article(other)).mentions.map((m) => m.canonical)).toEqual(annotate(article(other)).mentions.map((m) => m.canonical));
  });
});

describe('dedupe signature of a repeated text', () => {
  const record = (text: string): DocumentRecord => ({ article: article(text), signature: null, annotations: null });
  const signatures = async (numPerm: number, texts: string[]) => {
    const out: number[][] = [];
    for await (const r of dedupeSignatureStage({ num_perm: numPerm, bands: 8, rows: 4 }).run((async function* () {
      yield* texts.map(record);
    })(), { problem: () => {}, drop: () => {} })) out.push(Array.from(r.signature!.minhash));
    return out;
  };

  it('is the same as computed afresh, and follows the options', async () => {
    const text = 'The same article, reached through three different URLs, cleans to the same text every time.';
    const [first, second, third] = await signatures(64, [text, text, text]);
    expect([second, third]).toEqual([first, first]);
    expect((await signatures(32, [text]))[0]).toHaveLength(32);
  });
});

describe('clean of a repeated file', () => {
  const raw = (fields: Partial<RawDoc> = {}): RawDoc => ({
    doc_id: 'doc', source_path: 'doc.txt', record_no: null, format: 'txt', encoding: 'utf-8', first_line_no: 2, title: 'Troops gather near the border',
    text: 'Share this:\nOfficials said on Monday that 175,000 troops had gathered near the border, according to the ministry.\nSubscribe to our newsletter',
    published_at: null, crawled_at: null, url: null, source: null, bytes: 100, ...fields,
  });
  const clean = async (docs: RawDoc[]) => {
    const out: Article[] = [];
    for await (const article of cleanStage({ disabledRules: [] }).run((async function* () {
      yield* docs;
    })(), { problem: () => {}, drop: () => {} })) out.push(article);
    return out;
  };

  it('is what cleanDocument gives, with each document\'s own fields, and follows the fields cleaning reads', async () => {
    const copies = [raw(), raw({ doc_id: 'copy-1', source_path: 'copy-1.txt' }), raw({ doc_id: 'copy-2', source_path: 'copy-2.txt' })];
    const articles = await clean(copies);
    articles.forEach((article, i) => expect(article).toStrictEqual(cleanDocument(copies[i]!)));
    expect(articles.map((a) => a.doc_id)).toEqual(['doc', 'copy-1', 'copy-2']);
    const [shifted] = await clean([raw({ first_line_no: 10 })]);
    expect(shifted!.removed.map((r) => r.line_no)).toEqual([10, 12]);
  });
});
