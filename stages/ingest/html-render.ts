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

interface MinimalNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string | null;
  childNodes: ArrayLike<MinimalNode>;
  getAttribute?(name: string): string | null;
}

/** Renders `root` as text, one block per line; lines are whitespace-collapsed and non-empty. */
export function renderBlocks(root: MinimalNode, options: { skipHidden?: boolean } = {}): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (node: MinimalNode) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      flush();
      return;
    }
    if (options.skipHidden && node.getAttribute && (node.getAttribute('hidden') !== null || node.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none/i.test(node.getAttribute('style') ?? ''))) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (block) flush();
    else if (name === 'TD' || name === 'TH') current += ' ';
  };
  walk(root);
  flush();
  return lines.join('\n');
}
