/**
 * Limits on one document, checked before the expensive parsers run. The per-file limits
 * (MAX_INPUT_BYTES, the gzip-bomb limit) are in decode.ts.
 */

/**
 * Most characters one document may have: a text body, a record's text field, or an HTML page's
 * markup. News articles are under 100,000; Common Crawl cuts pages at 1 MiB. Readability needs
 * ~11 s and 300 MB for an 8 MB page (measured), and a 50 MB single-line dump is no article, so
 * longer inputs are refused with a `document-too-large` problem.
 */
export const MAX_DOCUMENT_CHARS = 5_000_000;

/**
 * Deepest element nesting an HTML page may have. Readability's cost grows with the cube of the
 * depth (0.4 s at 200 nested elements, 1.8 s at 400, 25 s at 1,000) and the block renderer
 * recurses, so 10,000 levels overflow the stack. Real news pages stay under ~60; 256 is libxml2's
 * default limit. Deeper pages are refused with an `html-too-deep` problem.
 */
export const MAX_HTML_DEPTH = 256;

/** Elements without content: never open. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose end tag is optional: the parser closes them at the next sibling, so counting them would overstate the depth of valid pages. */
const OPTIONAL_END = new Set(['body', 'caption', 'colgroup', 'dd', 'dt', 'head', 'html', 'li', 'optgroup', 'option', 'p', 'rb', 'rp', 'rt', 'rtc', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);
/** Elements whose content is text up to their end tag, not markup. */
const RAW_TEXT = new Set(['iframe', 'noembed', 'noframes', 'noscript', 'script', 'style', 'textarea', 'title', 'xmp']);

const TAG = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/g;

/**
 * Whether the page nests elements deeper than `maxDepth`, by a linear scan of its tags with a
 * stack of open elements (an end tag closes up to its match, as parsers do). It stops at the first
 * level past the limit, so a page of millions of nested tags costs microseconds and no memory.
 */
export function htmlDeeperThan(html: string, maxDepth: number): boolean {
  const open: string[] = [];
  const tag = new RegExp(TAG);
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', tag.lastIndex);
      if (end < 0) return false;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = match[2]!.toLowerCase();
    const close = html.indexOf('>', tag.lastIndex);
    if (close < 0) return false;
    tag.lastIndex = close + 1;
    if (match[1] === '/') {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = tag.lastIndex;
      if (!endTag.test(html)) return false;
      tag.lastIndex = endTag.lastIndex;
    } else if (!VOID.has(name) && !OPTIONAL_END.has(name) && html[close - 1] !== '/') {
      open.push(name);
      if (open.length > maxDepth) return true;
    }
  }
  return false;
}
