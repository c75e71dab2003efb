/**
 * HTML page → main text plus page metadata. The DOM is linkedom (fast, no layout); the main
 * content is found by @mozilla/readability (Firefox Reader View). Its output is rendered one block
 * per line so the clean stage's line rules and classifier run on it like on a text dump.
 * When readability finds nothing, or its article holds prose but less than `fallbackRatio` of the
 * page's prose (lines of 80+ characters ending in sentence punctuation), the whole page rendered
 * block by block is returned instead (`method: 'page'`) and the text classifier separates body from
 * boilerplate (docs/decisions.md, 2026-11-22). Lines that are mostly link text, captions, menus and
 * form labels inside the article are dropped at rendering (readability keeps them; they are not
 * article text).
 * Readability often leaves out the standfirst (lead) that sits in the article's header above the
 * body, so prose lines just above its first line in the page rendering are put back in front.
 */
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { pageMeta, type PageMeta } from './html-meta.js';
import { renderBlocks } from './html-render.js';

export interface HtmlExtraction extends PageMeta {
  /** Main text, one block (paragraph, heading, list item...) per line. */
  text: string;
  /** `readability` when readability's article was used, `page` for the whole-page fallback. */
  method: 'readability' | 'page';
}

export interface HtmlOptions {
  /** Readability's minimum article length in characters before it retries with looser rules. */
  charThreshold: number;
  /** Use the whole page (for the text classifier) when readability's article holds prose but less than this share of the page's prose (0: never). */
  fallbackRatio: number;
  /** Keep readability's article, whatever the share, when it holds at least this many characters of prose (Infinity: no limit). */
  trustedProse: number;
  /** Drop rendered lines with at least this share of link text, in readability's article and in the whole-page fallback (1: keep all). */
  maxLinkShare: number;
  /** Prepend the prose lines among this many lines of the page rendering above readability's first line (0: never). */
  leadWindow: number;
}

/**
 * Chosen on the even-numbered half of the Trafilatura pages (html mode F1 there): charThreshold 250
 * (0.900; 500: 0.897, 1000: 0.898), maxLinkShare 0.8 (0.5 removes more link-only content lines),
 * leadWindow 12 (with the <noscript> reading: 0.903 → 0.914, 31 more article snippets and no more
 * boilerplate ones; windows of 8, 12 and 20 lines scored within 0.0003 of each other),
 * trustedProse 4,000 (with clean 2.3.0: 0.9304 without a limit, 0.9313–0.9317 for limits from
 * 2,000 to 8,000; the prose around a long article is its comments and teasers, which the fallback
 * lets in). fallbackRatio stays 0.3: 0.5 scores 0.9332 on the even half, but a first version with
 * 0.5 lowered the held-out odd half (0.923 → 0.921), so more fallback is not trusted.
 */
export const DEFAULT_HTML_OPTIONS: HtmlOptions = { charThreshold: 250, fallbackRatio: 0.3, trustedProse: 4000, maxLinkShare: 0.8, leadWindow: 12 };

/** Elements readability keeps but that are never article text. */
const NEVER_CONTENT = 'script, style, noscript, template, iframe, svg, form, button, select, textarea, input';

/**
 * Scripts (but not JSON-LD), styles, inline SVG and comments never hold article text; cutting them
 * out of the markup before parsing saves ~15 % of the time (measured on the Trafilatura pages).
 */
const NEVER_TEXT = /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script[^>]*>|<style\b[^>]*>[\s\S]*?<\/style[^>]*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;
// The end tags allow attributes as browsers do: a broken `</script\n <!-- ... -->` must not swallow the page up to the next script.

/**
 * Elements of readability's article whose text is not article text: captions and credits under
 * pictures, menus, form labels (measured on the Trafilatura set: figcaption 36 boilerplate
 * snippets vs 6 article snippets).
 */
const NOT_ARTICLE_TEXT: ReadonlySet<string> = new Set(['FIGCAPTION', 'NAV', 'LABEL']);
/** Classes of picture captions and credits that are not <figcaption> (`wp-caption-text`, `figure__caption`, `imagedescription`: 30 boilerplate snippets, no article snippet). */
const CAPTION_CLASS = /caption|image-?desc|(?:^|[\s_-])credits?(?:$|[\s_-])/i;

/** Elements that belong in <head>; anything else the parser left there is body content. */
const HEAD_ELEMENTS = new Set(['META', 'LINK', 'TITLE', 'STYLE', 'SCRIPT', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

export function extractHtml(rawHtml: string, options: HtmlOptions = DEFAULT_HTML_OPTIONS): HtmlExtraction {
  const html = rawHtml.replace(NEVER_TEXT, '');
  const document = parsePage(html);
  const meta = pageMeta(document as never);
  showWithoutScripts(document);
  const headline = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const pageText = options.fallbackRatio > 0 || options.leadWindow > 0 ? renderBlocks((document.body ?? document.documentElement) as never, { skipHidden: true, maxLinkShare: options.maxLinkShare }) : '';
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    const reader = new Readability<Node>(document as unknown as Document, { charThreshold: options.charThreshold, serializer: (node) => node, keepClasses: true });
    article = reader.parse();
  } catch {
    article = null;
  }
  let text = '';
  if (article?.content) {
    const root = article.content as unknown as Element;
    root.querySelectorAll?.(NEVER_CONTENT).forEach((el) => el.remove());
    text = renderBlocks(root as never, { maxLinkShare: options.maxLinkShare, skipTags: NOT_ARTICLE_TEXT, skipClass: CAPTION_CLASS });
  }
  if (options.fallbackRatio > 0 && keptTooLittleProse(text, pageText, options)) {
    return { ...meta, title: meta.title ?? article?.title ?? null, text: pageText, method: 'page' };
  }
  if (text.trim() === '') {
    const fresh = parsePage(html);
    showWithoutScripts(fresh);
    fresh.querySelectorAll(NEVER_CONTENT).forEach((el) => el.remove());
    return { ...meta, title: meta.title ?? article?.title ?? null, text: renderBlocks((fresh.body ?? fresh.documentElement) as never, { skipHidden: true, maxLinkShare: options.maxLinkShare }), method: 'page' };
  }
  return {
    ...meta,
    title: meta.title ?? clean(article?.title),
    author: meta.author ?? bylineAuthor(article?.byline),
    site: meta.site ?? clean(article?.siteName),
    lang: meta.lang ?? (article?.lang ? article.lang.toLowerCase() : null),
    // After the fallback test: prose put back above the article is no evidence that readability found it.
    text: withLead(text, pageText, options.leadWindow, headline),
    method: 'readability',
  };
}

let linkedom: typeof Linkedom | undefined;

/**
 * linkedom's parser, loaded at the first page rather than when the module loads: loading it takes
 * ~0.3 s of every process and worker start, and most runs read no HTML. Its CommonJS build is the
 * one `require` can load synchronously; it is built from the same source as the ES module.
 */
export function parseHtml(markup: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(markup);
}

/**
 * linkedom parses like htmlparser2, not like a browser: text before `<html>` (PHP warnings) leaves
 * an empty body, and a body element (`<div>`, `<br>`) inside <head> nests the whole body in the
 * head, where readability and the renderer do not look. 23 of the 990 Trafilatura pages parsed to
 * an empty body. This puts the tree back the way a browser builds it.
 */
function parsePage(html: string): Document {
  const start = html.search(/<html[\s>]/i);
  const head = html.search(/<head[\s>]/i);
  const markup = start >= 0 ? html.slice(start) : head >= 0 ? `<html>${html.slice(head)}</html>` : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = parseHtml(markup);
  const root = document.documentElement;
  let body = document.querySelector('body');
  if (body === null) body = root.appendChild(document.createElement('body'));
  else if (body.parentNode !== root) root.appendChild(body);
  const headElement = document.querySelector('head');
  if (headElement !== null) body.prepend(...[...headElement.childNodes].filter((n) => isBodyContent(n) && !HEAD_ELEMENTS.has(n.nodeName)));
  moveStrayRootChildren(root, headElement, body);
  return document as unknown as Document;
}

/**
 * Nothing runs the page's scripts, so the page is read as a browser without scripts shows it (after
 * its metadata, which may sit in either element). A <noscript> that holds paragraphs is the article
 * itself (Blogger pages put the post there and in a script template; 3 article snippets on the even
 * half, no boilerplate snippet). A <template> is inert markup no browser shows (script-driven pages
 * keep article layouts and notice boxes there), but readability would take its text as content: on
 * one Trafilatura page it took a template's notice boxes for the article. One selector walk for both.
 */
function showWithoutScripts(document: Document): void {
  for (const element of document.querySelectorAll('noscript, template')) {
    if (element.localName === 'template') element.remove();
    else if (element.querySelector('p') !== null) element.replaceWith(...element.childNodes);
  }
}

/**
 * Moves what the parser left beside <head> and <body> where a browser puts it: head elements
 * between `</head>` and `<body>` (JSON-LD scripts, 12 of the 990 Trafilatura pages) into the head,
 * other content before the body to its start and content after `</body>` to its end. linkedom's
 * `document.body` is the element right after the head; with a script there it inserts and returns
 * a new empty body, and the page rendering (the fallback and the standfirst's source) was empty.
 */
function moveStrayRootChildren(root: Element, head: Element | null, body: Element): void {
  const before: Node[] = [];
  const after: Node[] = [];
  let afterBody = false;
  for (const node of [...root.childNodes]) {
    if (node === body) afterBody = true;
    else if (node === head || !isBodyContent(node)) continue;
    else if (head !== null && !afterBody && HEAD_ELEMENTS.has(node.nodeName)) head.append(node);
    else (afterBody ? after : before).push(node);
  }
  body.prepend(...before);
  body.append(...after);
}

/** An element, or text that is not only whitespace (the indentation between tags stays where it is). */
function isBodyContent(node: Node): boolean {
  return node.nodeType === 1 || (node.nodeType === 3 && (node.textContent ?? '').trim() !== '');
}

function clean(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Words of a byline that name no one: byline openers and labels ("By", "Posted on", "Veröffentlicht
 * am", "Article by", "Follow", a form's "Name") and the month and weekday names of dates.
 */
const NOT_A_NAME: ReadonlySet<string> = new Set([
  ...['by', 'von', 'par', 'por', 'door', 'av', 'posted', 'published', 'publiziert', 'veröffentlicht', 'written', 'geschrieben', 'erstellt', 'article', 'artikel', 'author', 'autor', 'auteur', 'on', 'am', 'at', 'follow', 'name', 'nom', 'nombre'],
  ...['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl'].flatMap((locale) => {
    const months = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    const weekdays = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    return [...Array.from({ length: 12 }, (_, m) => months.format(Date.UTC(2021, m, 1))), ...Array.from({ length: 7 }, (_, d) => weekdays.format(Date.UTC(2021, 0, 3 + d)))].map((w) => w.toLowerCase());
  }),
]);

/**
 * Readability's byline, or null when it names no one: readability takes it from elements whose
 * class or rel says "author"/"byline", which on many pages hold only the label, a date or a comment
 * form's field. On the 990 Trafilatura pages it stood in for missing page metadata 154 times,
 * among them "Posted on", "By", "Name *", "so Artikel empfehlen:", "," and "8. November 2021".
 * A byline that ends like a form label ("*", ":", "(required)") or has no word of two or more
 * letters besides labels and date parts is dropped (20 of the 154); anything else is kept as it is.
 */
function bylineAuthor(byline: string | null | undefined): string | null {
  const value = clean(byline);
  if (value === null || /[*:]$/.test(value)) return null;
  // A closing note in brackets is a form field's ("Name (required)") or the agency's ("(Reuters)"), not the name.
  for (const token of value.replace(/\([^()]*\)$/, '').split(' ')) {
    // Date and time parts ("8.", "2021", "2:54pm") start with a digit; user names ("freeman1984") do not.
    if (/^\d/.test(token)) continue;
    for (const word of token.match(/\p{L}+/gu) ?? []) if (word.length >= 2 && !NOT_A_NAME.has(word.toLowerCase())) return value;
  }
  return null;
}

/** A rendered line that reads as running text: 80+ characters ending in sentence punctuation. */
function isProse(line: string): boolean {
  return line.length >= 80 && /[.!?…"”»)]$/.test(line);
}

/**
 * Whether readability's article keeps less than `fallbackRatio` of the page's prose and is short
 * enough to doubt. An article without a single prose line (a recipe, a poem, a list of facts) is not
 * judged by prose: the prose around it is then mostly teasers and comments (on the 7 such pages of
 * the even half of the Trafilatura set, readability's articles hold as many article snippets as the
 * fallback, 6, and 2 boilerplate snippets against 7). An empty article is left to the caller.
 */
function keptTooLittleProse(articleText: string, pageText: string, options: HtmlOptions): boolean {
  const articleProse = proseChars(articleText);
  return articleProse > 0 && articleProse < options.trustedProse && articleProse < options.fallbackRatio * proseChars(pageText);
}

/** Characters in prose lines. */
function proseChars(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (isProse(line)) n += line.length;
  return n;
}

/**
 * `articleText` with the prose lines found among the `window` lines of the page rendering above its
 * first line, below the page's `headline` (its first <h1>), put in front. Readability scores the
 * body's container and drops what sits in the header beside the headline, which is where most sites
 * put the standfirst (on the even half of the Trafilatura pages a first version put back 35 article
 * snippets readability missed, for 5 boilerplate ones). Only prose lines are taken: the same stretch
 * holds bylines, dates, breadcrumbs and share buttons.
 */
function withLead(articleText: string, pageText: string, window: number, headline: string | null): string {
  if (window === 0 || articleText === '') return articleText;
  const articleLines = articleText.split('\n');
  const pageLines = pageText.split('\n');
  const start = pageLines.indexOf(articleLines[0]!);
  if (start <= 0) return articleText;
  // The lead follows the headline; above it are the site's banners and menus.
  let from = start;
  while (from > 0 && start - from < window && pageLines[from - 1] !== headline) from--;
  const inArticle = new Set(articleLines);
  const lead = pageLines.slice(from, start).filter((line) => isProse(line) && !inArticle.has(line));
  return lead.length === 0 ? articleText : [...lead, articleText].join('\n');
}
