/** Error analysis for the boilerplate eval: `npx tsx scripts/eval/boilerplate/debug.ts html|text [limit]` lists missed and leaked snippets. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanDocument } from '../../../stages/clean/index.js';
import { decodeBytes } from '../../../stages/ingest/decode.js';
import { extractHtml } from '../../../stages/ingest/html.js';
import { htmlToText } from './naive-text.js';
import { parseFile } from '../../../stages/ingest/records.js';
import { collapse } from './metrics.js';

const [mode = 'text', limitArg = '300', offsetArg = '0'] = process.argv.slice(2);
const folder = '../shared/eval/boilerplate/trafilatura';
const truth = JSON.parse(readFileSync(path.join(folder, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with: string[]; without: string[] }>;
for (const e of Object.values(truth).slice(Number(offsetArg), Number(offsetArg) + Number(limitArg))) {
  const decoded = decodeBytes(readFileSync(path.join(folder, 'html', e.file)), e.file);
  if (!decoded.ok) continue;
  let text: string;
  let title: string | null;
  let method: 'readability' | 'page' | null = null;
  if (mode === 'html') {
    const page = extractHtml(decoded.text);
    text = page.text;
    method = page.method;
    title = page.title;
  } else {
    const r = parseFile(htmlToText(decoded.text), 'txt').records[0]!;
    text = r.text;
    title = r.title;
  }
  const doc = { doc_id: e.file, source_path: e.file, record_no: null, format: 'txt' as const, encoding: 'utf-8' as const, text, first_line_no: 1, title, published_at: null, crawled_at: null, url: null, source: null, bytes: 0, html_extraction: method };
  const article = cleanDocument(doc, process.env.OPTS ? { disabledRules: [], ...JSON.parse(process.env.OPTS) } : undefined);
  const out = collapse(article.text);
  const raw = collapse(text);
  for (const s of e.with) {
    const c = collapse(s);
    if (!out.includes(c)) {
      const rem = article.removed.find((r) => collapse(r.text).includes(c));
      console.log(`FN ${e.file} [${rem ? rem.rule : raw.includes(c) ? 'split?' : 'not-in-input'}] ${c.slice(0, 80)} ${rem ? '<< ' + rem.text.slice(0, 100) : ''}`);
    }
  }
  for (const s of e.without) {
    const c = collapse(s);
    if (out.includes(c)) console.log(`FP ${e.file} ${c.slice(0, 80)}`);
  }
}
