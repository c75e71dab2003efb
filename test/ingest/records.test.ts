import { describe, expect, it } from 'vitest';
import { formatOf, normalizeDate, parseFile } from '../../stages/ingest/records.js';

describe('parseFile', () => {
  it('reads JSONL records, reports a malformed line by number and keeps the rest', () => {
    const parsed = parseFile('{"text":"One.","title":"A","date":"2021-12-07T10:00:00-05:00","url":"http://x"}\n{broken\n{"html":"<p>Two</p><script>x()</script>"}\n', 'jsonl');
    expect(parsed.records.map((r) => [r.record_no, r.text, r.title, r.published_at, r.url])).toEqual([
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
    expect(['a.txt', 'b.TXT.gz', 'c.jsonl', 'd.json', 'e.csv', 'f.pdf'].map(formatOf)).toEqual(['txt', 'txt', 'jsonl', 'json', 'csv', null]);
  });

  it('keeps the literal date of ISO timestamps and parses RFC 2822', () => {
    expect(normalizeDate('2021-12-07T23:30:00-05:00')).toBe('2021-12-07');
    expect(normalizeDate('Tue, 07 Dec 2021 10:00:00 GMT')).toBe('2021-12-07');
    expect(normalizeDate('someday')).toBeNull();
  });
});
