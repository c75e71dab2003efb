import { describe, expect, it } from 'vitest';
import { htmlDeeperThan, MAX_DOCUMENT_CHARS } from '../../stages/ingest/limits.js';
import { formatOf, normalizeDate, parseFile } from '../../stages/ingest/records.js';
import { extracted } from './html-fixtures.js';

describe('parseFile', () => {
  it('reads JSONL records, reports a malformed line by number and keeps the rest', () => {
    const parsed = parseFile('{"text":"One.","title":"A","date":"2021-12-07T10:00:00-05:00","url":"http://x"}\n{broken\n{"html":"<p>Two</p><script>x()</script>"}\n', 'jsonl');
    expect(parsed.records[1]).toMatchObject({ text: '', pending_page: { markup: '<p>Two</p><script>x()</script>', no_page_date: false } });
    expect(parsed.records.map(extracted).map((r) => [r.record_no, r.text, r.title, r.published_at, r.url])).toEqual([
      [1, 'One.', 'A', '2021-12-07', 'http://x'],
      [3, 'Two', null, null, null],
    ]);
    expect(parsed.problems).toMatchObject([{ line: 2, code: 'malformed-jsonl' }]);
  });

  it('reports records without text', () => {
    expect(parseFile('{"title":"only a title"}\n', 'jsonl').problems).toMatchObject([{ line: 1, code: 'missing-text' }]);
  });

  it('reads a JSON array', () => {
    expect(parseFile('[{"text":"a"},{"body":"b"}]', 'json').records.map((r) => r.text)).toEqual(['a', 'b']);
  });

  it('reads CSV with quoted multi-line fields', () => {
    const parsed = parseFile('title,text,source\n"T1","line one\nline two, with comma",bbc\n', 'csv');
    expect(parsed.records).toMatchObject([{ record_no: 1, title: 'T1', text: 'line one\nline two, with comma', source: 'bbc' }]);
  });

  it('reports a CSV without a text column', () => {
    expect(parseFile('title,author\nA,B\n', 'csv')).toMatchObject({ records: [], problems: [{ code: 'csv-no-text-column' }] });
  });

  it('takes the seed header off text files and keeps line numbers pointing into the file', () => {
    const parsed = parseFile(' date 2021-12-07 Headline\n\nBody line.', 'txt');
    expect(parsed.records[0]).toMatchObject({ title: 'Headline', published_at: '2021-12-07', text: '\nBody line.', first_line_no: 2 });
  });
});

describe('formatOf / normalizeDate', () => {
  it('maps extensions, .gz included', () => {
    expect(['a.txt', 'b.TXT.gz', 'c.jsonl', 'd.json', 'e.csv', 'f.pdf', 'g.warc', 'h.warc.gz'].map(formatOf)).toEqual(['txt', 'txt', 'jsonl', 'json', 'csv', null, 'warc', 'warc']);
  });

  it('keeps the literal date of ISO timestamps and parses RFC 2822', () => {
    expect(normalizeDate('2021-12-07T23:30:00-05:00')).toBe('2021-12-07');
    expect(normalizeDate('Tue, 07 Dec 2021 10:00:00 GMT')).toBe('2021-12-07');
    expect(normalizeDate('someday')).toBeNull();
  });
});

describe('document limits', () => {
  it('refuses a text or record over MAX_DOCUMENT_CHARS, keeping the other records', () => {
    const huge = 'x'.repeat(MAX_DOCUMENT_CHARS + 1);
    expect(parseFile(huge, 'txt')).toEqual({ records: [], problems: [{ line: null, code: 'document-too-large', message: `the document has ${MAX_DOCUMENT_CHARS + 1} characters, over the ${MAX_DOCUMENT_CHARS}-character limit for one document; no news article is that long, so it was left out. Split it into articles.` }] });
    const parsed = parseFile(`${JSON.stringify({ text: huge })}\n{"text":"fine"}\n`, 'jsonl');
    expect(parsed.records.map((r) => r.text)).toEqual(['fine']);
    expect(parsed.problems).toMatchObject([{ line: 1, code: 'document-too-large' }]);
  });

  it('refuses a page of a million nested tags in milliseconds', () => {
    // Unclosed: a million nested elements in 3 MB, under the size limit.
    const deep = `<html><body>${'<i>'.repeat(1_000_000)}deep</body></html>`;
    const started = performance.now();
    expect(parseFile(deep, 'html')).toMatchObject({ records: [], problems: [{ line: null, code: 'html-too-deep' }] });
    expect(performance.now() - started).toBeLessThan(500);
    expect(parseFile(`{"html":${JSON.stringify(deep)}}`, 'jsonl').problems).toMatchObject([{ line: 1, code: 'html-too-deep' }]);
  });

  it('counts only elements that nest: closed, unclosed-optional, void and script-held tags do not add depth', () => {
    const limit = 5;
    const nested = (n: number) => '<section>'.repeat(n) + '</section>'.repeat(n);
    expect(htmlDeeperThan(nested(limit), limit)).toBe(false);
    expect(htmlDeeperThan(nested(limit + 1), limit)).toBe(true);
    expect(htmlDeeperThan(`<ul>${'<li>item<br><img src=x>'.repeat(50)}</ul>${'<p>para'.repeat(50)}`, limit)).toBe(false);
    expect(htmlDeeperThan(`<script>${'<div>'.repeat(50)}</script><!-- ${'<div>'.repeat(50)} -->${'<div></div>'.repeat(50)}`, limit)).toBe(false);
    // An end tag closes everything opened after its element, as parsers do.
    expect(htmlDeeperThan(`<div>${'<span><b>'.repeat(2)}</div>`.repeat(50), limit)).toBe(false);
  });
});
