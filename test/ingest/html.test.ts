import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../stages/clean/index.js';
import { pageMeta } from '../../stages/ingest/html-meta.js';
import { DEFAULT_HTML_OPTIONS, extractHtml } from '../../stages/ingest/html.js';
import { htmlToText } from '../../stages/ingest/html-text.js';
import { formatOf, parseFile } from '../../stages/ingest/records.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import type { RawDoc } from '../../stages/types.js';
import { BODY, META_PAGE, NEWS_PAGE } from './html-fixtures.js';

function cleanText(text: string, title: string | null, html_extraction: RawDoc['html_extraction'] = null) {
  return cleanDocument({ doc_id: 'd', source_path: 'd.html', record_no: null, format: 'html', encoding: 'utf-8', text, first_line_no: 1, title, published_at: null, crawled_at: null, url: null, source: null, bytes: 0, html_extraction });
}

describe('HTML extraction (readability on linkedom) and metadata', () => {
  it('keeps exactly the article body of a page with cookie banner, nav, share bar, comments, related links and footer', () => {
    const page = extractHtml(NEWS_PAGE);
    expect(page.method).toBe('readability');
    const article = cleanText(page.text, page.title, page.method);
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual(BODY);
    expect(article.removed.map((r) => [r.rule, r.text])).toEqual([['byline', 'By Maria Jones']]);
  });

  it('reads title, author, date, canonical URL, site name and language from JSON-LD and meta tags', () => {
    const { text: _text, method: _method, ...meta } = extractHtml(NEWS_PAGE);
    expect(meta).toEqual({
      title: 'Harbour bridge to close to cars',
      author: 'Maria Jones',
      published_at: '2023-03-14',
      url: 'https://www.dailyexample.co.uk/news/harbour-bridge',
      site: 'The Daily Example',
      lang: 'en-gb',
    });
  });

  it('falls back to meta author, <time datetime>, og:url, the host as site name and content-language', () => {
    const { document } = parseHTML(META_PAGE);
    expect(pageMeta(document as never)).toEqual({ title: 'Neue Brücke eröffnet', author: 'Karl Beispiel', published_at: '2022-05-02', url: 'https://beispiel.de/artikel/1', site: 'beispiel.de', lang: 'de' });
  });

  it('returns nulls for a page without metadata and renders a bare fragment', () => {
    const page = extractHtml('<p>Just one short line.</p>');
    expect(page).toMatchObject({ title: null, author: null, published_at: null, url: null, site: null, lang: null });
    expect(page.text).toBe('Just one short line.');
  });

  it('falls back to the whole page when readability keeps too little of its prose', () => {
    const whole = extractHtml(NEWS_PAGE, { ...DEFAULT_HTML_OPTIONS, fallbackRatio: 1.01 });
    expect(whole.method).toBe('page');
    expect(whole.text).toContain('About time! That bridge has been a danger for years.');
    expect(whole.text).not.toContain('dataLayer');
    const article = cleanText(whole.text, whole.title, whole.method);
    for (const line of BODY.filter((l) => l.length > 40)) expect(article.text).toContain(line);
    expect(article.text).not.toContain('We use cookies');
    expect(extractHtml(NEWS_PAGE, { ...DEFAULT_HTML_OPTIONS, fallbackRatio: 0 }).method).toBe('readability');
  });

  it('drops JSON-LD author URLs and ignores malformed JSON-LD', () => {
    const { document } = parseHTML('<html><head><script type="application/ld+json">{not json</script><meta property="article:author" content="https://facebook.com/someone"></head><body></body></html>');
    expect(pageMeta(document as never).author).toBeNull();
  });

  it('in text mode (a naive rendering fed to the text cleaner) removes the page furniture and keeps the body', () => {
    const record = parseFile(htmlToText(NEWS_PAGE), 'txt').records[0]!;
    const article = cleanText(record.text, record.title);
    const kept = article.paragraphs.map((p) => article.text.slice(p.start, p.end));
    for (const line of BODY.filter((l) => l.length > 40)) expect(kept).toContain(line);
    for (const boilerplate of ['We use cookies', 'Sport', 'Most read', 'About time!', '© 2023', 'Leave a Reply', 'Storm warning']) {
      expect(article.text).not.toContain(boilerplate);
    }
  });
});

describe('HTML inputs in the ingest stage', () => {
  it('recognises .html and .htm files', () => {
    expect(formatOf('a/page.html')).toBe('html');
    expect(formatOf('page.HTM')).toBe('html');
    expect(formatOf('page.html.gz')).toBe('html');
  });

  it('parses an .html file into one record with page metadata', () => {
    const [record] = parseFile(NEWS_PAGE, 'html').records;
    expect(record).toMatchObject({ record_no: null, title: 'Harbour bridge to close to cars', published_at: '2023-03-14', site: 'The Daily Example', author: 'Maria Jones', lang: 'en-gb', html_extraction: 'readability' });
    expect(record!.text).toContain(BODY[0]);
    expect(record!.text).not.toContain('cookie');
  });

  it('extracts the html field of a JSONL record, record fields winning over the page', () => {
    const line = JSON.stringify({ html: NEWS_PAGE, title: 'Bridge closes', source: 'example' });
    const [record] = parseFile(line, 'jsonl').records;
    expect(record).toMatchObject({ record_no: 1, title: 'Bridge closes', source: 'example', site: 'The Daily Example', url: 'https://www.dailyexample.co.uk/news/harbour-bridge', published_at: '2023-03-14' });
    expect(record!.text).toContain(BODY[3]);
    expect(record!.text).not.toContain('Storm warning');
  });
});

describe('pipeline on an .html input', () => {
  it('writes documents with site, author and lang', async () => {
    const { runPipeline } = await import('../../pipeline/run.js');
    const { defaultConfig } = await import('../../pipeline/config.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'html-run-'));
    try {
      writeFileSync(path.join(dir, 'bridge.html'), NEWS_PAGE);
      const config = { ...defaultConfig(), inputs: [dir], output: path.join(dir, 'out'), formats: ['csv' as const], quiet: true, logFormat: 'json' as const };
      config.stages = Object.fromEntries(Object.keys(config.stages).map((s) => [s, false])) as typeof config.stages;
      const silent = { event() {}, progress() {}, summary() {}, error() {} };
      await runPipeline(config, silent as never);
      const [doc] = parseCsv(readFileSync(path.join(dir, 'out', 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(doc).toMatchObject({ format: 'html', site: 'The Daily Example', author: 'Maria Jones', lang: 'en-gb', title: 'Harbour bridge to close to cars', published_at: '2023-03-14', url: 'https://www.dailyexample.co.uk/news/harbour-bridge' });
      expect(doc!.text).toContain(BODY[0]);
      expect(doc!.text).not.toContain('By Maria Jones');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
