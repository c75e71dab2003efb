/**
 * A deliberately plain HTML-to-text rendering: scripts, styles and comments dropped, one line
 * break per block element, entities decoded. Ingest extracts HTML with readability
 * (stages/ingest/html.ts); this rendering is the "text" mode of `npm run eval -- boilerplate`,
 * which simulates scraped text dumps of whole pages (a scrape has its entities decoded).
 */
import { parseHTML } from 'linkedom';

const BLOCK_TAGS = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|nav|aside|blockquote|pre|figure|figcaption|main|hr|dd|dt|title)\b[^>]*>/gi;
/** Named entities decoded so far, by the HTML parser's own table (`&ouml;`, `&eacute;`... all of HTML5's). */
const NAMED_ENTITIES = new Map<string, string>();

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(BLOCK_TAGS, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    let decoded = NAMED_ENTITIES.get(body);
    if (decoded === undefined) {
      decoded = parseHTML(`<html><body>${match}</body></html>`).document.body.textContent ?? match;
      NAMED_ENTITIES.set(body, decoded);
    }
    return decoded;
  });
}
