import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../stages/clean/index.js';
import { pageMeta } from '../../stages/ingest/html-meta.js';
import { DEFAULT_HTML_OPTIONS, extractHtml } from '../../stages/ingest/html.js';
import { renderBlocks } from '../../stages/ingest/html-render.js';
import { formatOf, parseFile } from '../../stages/ingest/records.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import type { RawDoc } from '../../stages/types.js';
import { BODY, extracted, LEAD_PAGE, LEAD_PAGE_BODY, META_PAGE, NEWS_PAGE, NOSCRIPT_PAGE, POEM, POEM_PAGE, TEMPLATE_PAGE } from './html-fixtures.js';

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
    expect(extractHtml('<noscript><p>Shown without scripts.</p></noscript><template><p>Never shown.</p></template>').text).toBe('Shown without scripts.');
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

  it('keeps an article that holds enough prose, or none at all, whatever the share of the page', () => {
    // The article's four paragraphs hold 563 characters of prose.
    expect(extractHtml(NEWS_PAGE, { ...DEFAULT_HTML_OPTIONS, fallbackRatio: 1.01, trustedProse: 563 }).method).toBe('readability');
    expect(extractHtml(NEWS_PAGE, { ...DEFAULT_HTML_OPTIONS, fallbackRatio: 1.01, trustedProse: 564 }).method).toBe('page');
    // A poem has no prose line: the comment under it is no sign that readability missed the article.
    expect(extractHtml(POEM_PAGE, { ...DEFAULT_HTML_OPTIONS, fallbackRatio: 1.01 })).toMatchObject({ method: 'readability', text: POEM.join('\n') });
  });

  it('repairs what linkedom parses unlike a browser: text before <html>, body elements inside <head>', () => {
    const broken = '<br />\n<b>Warning</b>: mysql_connect(): access denied<br />\n' + NEWS_PAGE.replace('</head>', '<noscript><div>Please enable JavaScript</div></noscript><span>x</span></head>');
    expect(parseHTML(broken).document.body?.textContent ?? '').toBe('');
    const page = extractHtml(broken);
    expect(page.method).toBe('readability');
    for (const line of BODY) expect(page.text).toContain(line);
    expect(page.title).toBe('Harbour bridge to close to cars');
  });

  it('puts what sits between </head> and <body>, or after </body>, where a browser does', () => {
    const page = LEAD_PAGE.replace('</head><body>', '</head>\n<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Sam Lee"}}</script>\n<body>');
    // linkedom's document.body is then a new empty element, so the page rendering the standfirst comes from was empty.
    expect(parseHTML(page).document.body.textContent).toBe('');
    expect(extractHtml(page)).toMatchObject({ method: 'readability', author: 'Sam Lee', text: LEAD_PAGE_BODY.join('\n') });
    const trailing = LEAD_PAGE.replace('</body></html>', '</body><p>Printed from the Example Rail News website.</p></html>');
    expect(extractHtml(trailing, { ...DEFAULT_HTML_OPTIONS, fallbackRatio: 1.01 }).text.split('\n').at(-1)).toBe('Printed from the Example Rail News website.');
  });

  it('does not let an unterminated </script end tag swallow the page up to the next script', () => {
    const page = extractHtml(NEWS_PAGE.replace('<h1>', '<script src="a.js"></script\n<!-- tracking --><h1>').replace('</footer>', '</footer><script>track()</script>'));
    for (const line of BODY) expect(page.text).toContain(line);
  });

  it("drops captions, credits and link-only lines from readability's article", () => {
    const page = extractHtml(
      NEWS_PAGE.replace('<h2>', '<figure><img src="b.jpg"><figcaption>The bridge at dusk. Photo: Jan Roe</figcaption></figure><p class="wp-caption-text">Cars on the bridge in 1990</p><p><a href="/x">Bridge closures across the region</a></p><h2>'),
    );
    for (const line of BODY) expect(page.text).toContain(line);
    for (const gone of ['The bridge at dusk', 'Cars on the bridge', 'Bridge closures across']) expect(page.text).not.toContain(gone);
  });

  it("puts back the standfirst readability leaves in the header, but not the byline or share link beside it", () => {
    expect(extractHtml(LEAD_PAGE)).toMatchObject({ method: 'readability', text: LEAD_PAGE_BODY.join('\n') });
    expect(extractHtml(LEAD_PAGE, { ...DEFAULT_HTML_OPTIONS, leadWindow: 0 }).text).toBe(LEAD_PAGE_BODY.slice(1).join('\n'));
    // Only lines within the window above the article's first line: the lead is 2 lines up (the share link is not rendered).
    expect(extractHtml(LEAD_PAGE, { ...DEFAULT_HTML_OPTIONS, leadWindow: 1 }).text).toBe(LEAD_PAGE_BODY.slice(1).join('\n'));
  });

  it("takes readability's byline as the author only when it names someone", () => {
    const withByline = (byline: string) => LEAD_PAGE.replace('<div class="story-body">', `<div class="story-body"><p class="byline">${byline}</p>`);
    const authors = ['By Maria Jones', 'freeman1984', 'Sam Lee (Reuters)', 'Posted on', 'By', 'Veröffentlicht am', '8. November 2021', 'November 8, 2023 • 2:54pm', 'Name *', 'Name (required)', 'Share this article:', ','].map((b) => extractHtml(withByline(b)).author);
    expect(authors).toEqual(['By Maria Jones', 'freeman1984', 'Sam Lee (Reuters)', null, null, null, null, null, null, null, null, null]);
  });

  it('reads a <noscript> that holds paragraphs as the article, as a browser without scripts shows it', () => {
    const page = extractHtml(NOSCRIPT_PAGE);
    expect(page).toMatchObject({ method: 'readability', text: BODY.filter((_, i) => i < 4 && i !== 2).join('\n') });
    expect(page.text).not.toContain('JavaScript');
  });

  it('reads metadata elements anywhere in the page, matching rel and type case-insensitively and preferring <time pubdate>', () => {
    const { document } = parseHTML(
      '<!doctype html><html><head><link rel="Canonical" href="https://example.org/a"></head><body>' +
        '<p><time datetime="2020-01-01">old</time></p><div><time itemprop="datePublished" datetime="2021-02-02">x</time><time datetime="2022-03-03" pubdate>y</time></div>' +
        '<footer><script type="Application/LD+JSON">{"@type":"NewsArticle","headline":"Deep headline","author":{"name":"Ann Lee"}}</script></footer></body></html>',
    );
    expect(pageMeta(document as never)).toMatchObject({ title: 'Deep headline', author: 'Ann Lee', published_at: '2022-03-03', url: 'https://example.org/a' });
  });

  it('reads metadata inside <template>s but not after </html>, and no <template> text', () => {
    const page = extractHtml(
      '<!doctype html><html><head><title>Bridge</title></head><body><template><noscript><p>Template paragraph.</p></noscript><time datetime="2021-04-05" pubdate></time></template>' +
        `<main><article>${BODY.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html><link rel="canonical" href="https://example.org/after">`,
    );
    expect(page).toMatchObject({ method: 'readability', published_at: '2021-04-05', url: null, text: BODY.join('\n') });
  });

  it("keeps a <template>'s text out of readability's article", () => {
    expect(extractHtml(TEMPLATE_PAGE)).toMatchObject({ method: 'readability', text: BODY.slice(0, 2).join('\n') });
  });

  it('drops JSON-LD author URLs and ignores malformed JSON-LD', () => {
    const { document } = parseHTML('<html><head><script type="application/ld+json">{not json</script><meta property="article:author" content="https://facebook.com/someone"></head><body></body></html>');
    expect(pageMeta(document as never).author).toBeNull();
  });
});

describe('untrusted HTML', () => {
  it('is parsed without running its scripts or fetching anything it references', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.end('globalThis.__fetchedScriptRan = true;');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const hostile = NEWS_PAGE.replace(
      '<h1>',
      `<script>globalThis.__inlineScriptRan = true;</script><script src="${origin}/a.js"></script>` +
        `<img src="${origin}/pixel.gif" onerror="globalThis.__handlerRan = true"><iframe src="${origin}/frame"></iframe>` +
        `<link rel="stylesheet" href="${origin}/style.css"><h1>`,
    );
    const page = extractHtml(hostile);
    // Give any asynchronous load a chance to reach the server before counting.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => server.close(resolve));
    expect(page.text).toContain(BODY[0]);
    expect(requests).toBe(0);
    const seen = globalThis as Record<string, unknown>;
    expect([seen['__inlineScriptRan'], seen['__handlerRan'], seen['__fetchedScriptRan']]).toEqual([undefined, undefined, undefined]);
  });
});

describe('HTML inputs in the ingest stage', () => {
  it('recognises .html and .htm files', () => {
    expect(formatOf('a/page.html')).toBe('html');
    expect(formatOf('page.HTM')).toBe('html');
    expect(formatOf('page.html.gz')).toBe('html');
  });

  it('parses an .html file into one record with page metadata', () => {
    const [pending] = parseFile(NEWS_PAGE, 'html').records;
    expect(pending).toMatchObject({ text: '', title: null, pending_page: { markup: NEWS_PAGE } });
    const record = extracted(pending!);
    expect(record).toMatchObject({ record_no: null, title: 'Harbour bridge to close to cars', published_at: '2023-03-14', site: 'The Daily Example', author: 'Maria Jones', lang: 'en-gb', html_extraction: 'readability' });
    expect(record.text).toContain(BODY[0]);
    expect(record.text).not.toContain('cookie');
  });

  it('extracts the html field of a JSONL record, record fields winning over the page', () => {
    const line = JSON.stringify({ html: NEWS_PAGE, title: 'Bridge closes', source: 'example' });
    const record = extracted(parseFile(line, 'jsonl').records[0]!);
    expect(record).toMatchObject({ record_no: 1, title: 'Bridge closes', source: 'example', site: 'The Daily Example', url: 'https://www.dailyexample.co.uk/news/harbour-bridge', published_at: '2023-03-14', pending_page: null });
    expect(record.text).toContain(BODY[3]);
    expect(record.text).not.toContain('Storm warning');
  });

  it("takes the page's date only when the record states none it could read", () => {
    const dated = (date: string | undefined) => extracted(parseFile(JSON.stringify({ html: NEWS_PAGE, date }), 'jsonl').records[0]!).published_at;
    expect(dated(undefined)).toBe('2023-03-14');
    expect(dated('2023-03-15')).toBe('2023-03-15');
    // An unreadable record date is a problem row; the page's date must not pass for the record's.
    expect(dated('the ides of March')).toBeNull();
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

const render = (html: string, options = {}) => renderBlocks(parseHTML(`<html><body>${html}</body></html>`).document.body as never, options);

describe('renderBlocks', () => {
  const html = '<h3><a href="/a">Related: the old ferry returns</a></h3><p>The council said <a href="/b">the bridge</a> would close to cars next spring.</p><figure><figcaption>Photo: Jan Roe</figcaption></figure><div class="image-caption">At dusk</div>';

  it('renders one block per line and keeps everything by default', () => {
    expect(render(html)).toBe('Related: the old ferry returns\nThe council said the bridge would close to cars next spring.\nPhoto: Jan Roe\nAt dusk');
  });

  it('drops lines that are mostly link text, skipped tags and skipped classes', () => {
    expect(render(html, { maxLinkShare: 0.8, skipTags: new Set(['FIGCAPTION']), skipClass: /caption/ })).toBe('The council said the bridge would close to cars next spring.');
  });
});
