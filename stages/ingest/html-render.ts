/**
 * DOM → text lines: one line per block element (paragraph, heading, list item, table row...),
 * `<br>` breaks a line, inline elements join their text. Scripts, styles, forms' controls and
 * hidden elements give nothing. Works on any DOM (linkedom here).
 */

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'CENTER',
  'HTML', 'TITLE', 'OPTION', 'LEGEND',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'SELECT', 'TEXTAREA', 'BUTTON', 'INPUT', 'MATH']);

// Children are visited through firstChild/nextSibling: linkedom builds a fresh array for every
// `childNodes` read.
interface MinimalNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string | null;
  firstChild: MinimalNode | null;
  nextSibling: MinimalNode | null;
  getAttribute?(name: string): string | null;
}

export interface RenderOptions {
  /** Skip elements marked hidden (`hidden`, `aria-hidden`, `display: none`). */
  skipHidden?: boolean;
  /**
   * Drop lines whose letters and digits are at least this share link text (1 or unset: keep all).
   * Inside an article, a line that is (nearly) all link is a related-story teaser, a tag list or a
   * share button, the DOM counterpart of jusText's link density.
   */
  maxLinkShare?: number;
  /** Drop the contents of these elements (upper-case tag names), e.g. FIGCAPTION. */
  skipTags?: ReadonlySet<string>;
  /** Drop the contents of elements whose class attribute matches (e.g. picture captions). */
  skipClass?: RegExp;
}

/** Renders `root` as text, one block per line; lines are whitespace-collapsed and non-empty. */
export function renderBlocks(root: MinimalNode, options: RenderOptions = {}): string {
  const lines: string[] = [];
  const maxLinkShare = options.maxLinkShare ?? 1;
  let current = '';
  let linkText = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line !== '' && (maxLinkShare >= 1 || linkText === '' || wordChars(linkText) < maxLinkShare * wordChars(line))) lines.push(line);
    current = '';
    linkText = '';
  };
  let linkDepth = 0;
  const walk = (node: MinimalNode) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      if (linkDepth > 0) linkText += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || options.skipTags?.has(name)) return;
    if (name === 'BR') {
      flush();
      return;
    }
    if (options.skipClass && node.getAttribute && options.skipClass.test(node.getAttribute('class') ?? '')) return;
    if (options.skipHidden && node.getAttribute && (node.getAttribute('hidden') !== null || node.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none/i.test(node.getAttribute('style') ?? ''))) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    const link = name === 'A';
    if (link) linkDepth++;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (link) linkDepth--;
    if (block) flush();
    else if (name === 'TD' || name === 'TH') current += ' ';
  };
  walk(root);
  flush();
  return lines.join('\n');
}

/** Letters and digits in `text` (link share ignores spaces and punctuation). */
function wordChars(text: string): number {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').length;
}
