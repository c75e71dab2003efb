/**
 * HTML page → main text plus page metadata. The DOM is linkedom (fast, no layout); the main
 * content is found by @mozilla/readability (Firefox Reader View). Its output is rendered one block
 * per line so the clean stage's line rules and classifier run on it like on a text dump.
 * When readability finds nothing, or keeps less than `fallbackRatio` of the page's prose (lines of
 * 80+ characters ending in sentence punctuation), the whole page rendered block by block is
 * returned instead (`method: 'page'`) and the text classifier separates body from boilerplate
 * (docs/decisions.md, 2026-11-22).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
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
  /** Use the whole page (for the text classifier) when readability kept less than this share of the page's prose (0: never). */
  fallbackRatio: number;
}

export const DEFAULT_HTML_OPTIONS: HtmlOptions = { charThreshold: 500, fallbackRatio: 0.3 };

/** Elements readability keeps but that are never article text. */
const NEVER_CONTENT = 'script, style, noscript, template, iframe, svg, form, button, select, textarea, input';

/**
 * Scripts (but not JSON-LD), styles, inline SVG and comments never hold article text; cutting them
 * out of the markup before parsing saves ~15 % of the time (measured on the Trafilatura pages).
 */
const NEVER_TEXT = /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;

export function extractHtml(rawHtml: string, options: HtmlOptions = DEFAULT_HTML_OPTIONS): HtmlExtraction {
  const html = rawHtml.replace(NEVER_TEXT, '');
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const meta = pageMeta(document as never);
  const pageText = options.fallbackRatio > 0 ? renderBlocks((document.body ?? document.documentElement) as never, { skipHidden: true }) : '';
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    const reader = new Readability<Node>(document as unknown as Document, { charThreshold: options.charThreshold, serializer: (node) => node });
    article = reader.parse();
  } catch {
    article = null;
  }
  let text = '';
  if (article?.content) {
    const root = article.content as unknown as Element;
    root.querySelectorAll?.(NEVER_CONTENT).forEach((el) => el.remove());
    text = renderBlocks(root as never);
  }
  if (options.fallbackRatio > 0 && text.trim() !== '' && proseChars(text) < options.fallbackRatio * proseChars(pageText)) {
    return { ...meta, title: meta.title ?? article?.title ?? null, text: pageText, method: 'page' };
  }
  if (text.trim() === '') {
    const { document: fresh } = parseHTML(html);
    fresh.querySelectorAll(NEVER_CONTENT).forEach((el) => el.remove());
    return { ...meta, title: meta.title ?? article?.title ?? null, text: renderBlocks((fresh.body ?? fresh.documentElement) as never, { skipHidden: true }), method: 'page' };
  }
  return {
    ...meta,
    title: meta.title ?? clean(article?.title),
    author: meta.author ?? clean(article?.byline),
    site: meta.site ?? clean(article?.siteName),
    lang: meta.lang ?? (article?.lang ? article.lang.toLowerCase() : null),
    text,
    method: 'readability',
  };
}

function clean(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** Characters in prose lines (80+ characters ending in sentence punctuation). */
function proseChars(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (line.length >= 80 && /[.!?…"”»)]$/.test(line)) n += line.length;
  return n;
}
