/**
 * Boilerplate evaluation: the clean stage (and HTML extraction) against two kinds of truth.
 *
 *   npm run eval -- boilerplate                         Trafilatura set, modes html and text
 *   npm run eval -- boilerplate --mode html --limit 200
 *   npm run eval -- boilerplate --pages DIR --truth truth.json [--predictions out.json]
 *                                                       any folder of <id>.html(.gz) pages with a
 *                                                       ground truth {id: {articleBody}}, Zyte metric
 *   --baselines      also score the unprocessed renderings (readability alone, naive text)
 *   --half even|odd  Trafilatura set: only the pages at even (or odd) positions in evaldata.json;
 *                    settings are tuned on the even half, the odd half is held out
 *   --shared DIR     the shared folder (default ../shared)
 *
 * Modes: html = extractHtml (readability on linkedom) then the text cleaner; text = a naive
 * rendering of the page (all text nodes, a line break per block element) read as a .txt dump and
 * fed to the text cleaner only, which simulates dumps like the seeds.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanDocument, DEFAULT_CLEAN_OPTIONS, type CleanOptions } from '../../stages/clean/index.js';
import { decodeBytes } from '../../stages/ingest/decode.js';
import { extractHtml } from '../../stages/ingest/html.js';
import { htmlToText } from './boilerplate/naive-text.js';
import { parseFile } from '../../stages/ingest/records.js';
import type { RawDoc } from '../../stages/types.js';
import { addCounts, microScores, snippetCounts, zyteScores, type Counts, type Scores } from './boilerplate/metrics.js';

type Mode = 'html' | 'text' | 'html-readability' | 'text-naive';

interface Page {
  id: string;
  html: string;
}

export async function run(args: string[]): Promise<void> {
  const opt = parseArgs(args);
  const modes: Mode[] = opt.mode === 'both' ? ['html', 'text'] : [opt.mode as Mode];
  if (opt.baselines) modes.push('html-readability', 'text-naive');
  const rows = ['| dataset | mode | pages | precision | recall | F1 | accuracy | speed |', '|---|---|---|---|---|---|---|---|'];
  if (opt.pages) {
    if (!opt.truth) fail('--pages needs --truth FILE ({id: {articleBody}})');
    const truth = JSON.parse(readFileSync(opt.truth, 'utf8')) as Record<string, { articleBody?: string }>;
    const pages = readFolder(opt.pages, Object.keys(truth), opt.limit);
    for (const mode of modes) {
      const { outputs, speed } = processPages(pages, mode);
      const scores = zyteScores(pages.map((p, i) => ({ truth: truth[p.id]?.articleBody ?? '', prediction: outputs[i]! })));
      rows.push(row(path.basename(opt.pages), mode, pages.length, scores, speed));
      if (opt.predictions) {
        const file = modes.length > 1 ? opt.predictions.replace(/(\.json)?$/, `.${mode}.json`) : opt.predictions;
        writeFileSync(file, JSON.stringify(Object.fromEntries(pages.map((p, i) => [p.id, { articleBody: outputs[i] }])), null, 1));
      }
    }
  } else {
    const folder = path.join(opt.shared, 'eval/boilerplate/trafilatura');
    if (!existsSync(path.join(folder, 'evaldata.json'))) fail(`${folder}/evaldata.json not found; the Trafilatura set is read in place from the shared folder (see ../shared/README.md).`);
    const truth = JSON.parse(readFileSync(path.join(folder, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with: string[]; without: string[] }>;
    let entries = Object.values(truth);
    if (opt.half) entries = entries.filter((_, i) => i % 2 === (opt.half === 'even' ? 0 : 1));
    if (opt.limit) entries = entries.slice(0, opt.limit);
    const pages = entries.map((e) => ({ id: e.file, html: readPage(path.join(folder, 'html', e.file)) }));
    for (const mode of modes) {
      const { outputs, speed } = processPages(pages, mode);
      let total: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
      entries.forEach((e, i) => (total = addCounts(total, snippetCounts(outputs[i]!, e.with, e.without))));
      rows.push(row(opt.half ? `trafilatura (${opt.half} half)` : 'trafilatura', mode, pages.length, microScores(total), speed) + ` tp ${total.tp} fp ${total.fp} fn ${total.fn} tn ${total.tn}`);
      if (opt.predictions) writeFileSync(opt.predictions.replace(/(\.json)?$/, `.${mode}.json`), JSON.stringify(Object.fromEntries(pages.map((p, i) => [p.id, { articleBody: outputs[i] }])), null, 1));
    }
  }
  console.log(['## Boilerplate evaluation', '', ...rows].join('\n'));
}

function processPages(pages: Page[], mode: Mode, options: CleanOptions = DEFAULT_CLEAN_OPTIONS): { outputs: string[]; speed: string } {
  const started = performance.now();
  let bytes = 0;
  let outputs: string[];
  if (mode === 'html' || mode === 'html-readability') {
    outputs = pages.map((p) => {
      const page = extractHtml(p.html);
      if (mode === 'html-readability') return page.text;
      return cleanDocument({ ...rawDoc(p.id, page.text, page.title), html_extraction: page.method }, options).text;
    });
    const seconds = (performance.now() - started) / 1000;
    return { outputs, speed: `${(pages.length / seconds).toFixed(1)} pages/s` };
  }
  const texts = pages.map((p) => parseFile(htmlToText(p.html), 'txt').records[0]!);
  const renderSeconds = (performance.now() - started) / 1000;
  const t0 = performance.now();
  if (mode === 'text-naive') outputs = texts.map((r) => r.text);
  else {
    const docs = texts.map((r, i) => ({ ...rawDoc(pages[i]!.id, r.text, r.title), first_line_no: r.first_line_no }));
    outputs = docs.map((d) => cleanDocument(d, options).text);
    bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { outputs, speed: mode === 'text-naive' ? `render ${(pages.length / renderSeconds).toFixed(0)} pages/s` : `clean ${(bytes / 1e6 / seconds).toFixed(1)} MB/s` };
}

function rawDoc(id: string, text: string, title: string | null): RawDoc {
  return { doc_id: id, source_path: id, record_no: null, format: 'txt', encoding: 'utf-8', text, first_line_no: 1, title, published_at: null, crawled_at: null, url: null, source: null, bytes: text.length };
}

function readPage(file: string): string {
  const decoded = decodeBytes(readFileSync(file), file);
  if (!decoded.ok) return '';
  return decoded.text;
}

function readFolder(folder: string, ids: string[], limit: number | null): Page[] {
  if (!existsSync(folder)) fail(`${folder} not found`);
  const names = new Set(readdirSync(folder));
  const pages: Page[] = [];
  for (const id of limit ? ids.slice(0, limit) : ids) {
    const name = [`${id}.html`, `${id}.html.gz`, `${id}.htm`].find((n) => names.has(n));
    pages.push({ id, html: name ? readPage(path.join(folder, name)) : '' });
  }
  return pages;
}

function row(dataset: string, mode: string, n: number, s: Scores, speed: string): string {
  return `| ${dataset} | ${mode} | ${n} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} | ${s.accuracy.toFixed(3)} | ${speed} |`;
}

function parseArgs(args: string[]) {
  const opt = { mode: 'both', pages: null as string | null, truth: null as string | null, predictions: null as string | null, limit: null as number | null, half: null as 'even' | 'odd' | null, baselines: false, shared: fileURLToPath(new URL('../../../shared', import.meta.url)) };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i] ?? fail(`${a} needs a value`);
    if (a === '--mode') opt.mode = value();
    else if (a === '--pages') opt.pages = value();
    else if (a === '--truth') opt.truth = value();
    else if (a === '--predictions') opt.predictions = value();
    else if (a === '--limit') opt.limit = Number(value());
    else if (a === '--shared') opt.shared = value();
    else if (a === '--half') opt.half = value() as 'even' | 'odd';
    else if (a === '--baselines') opt.baselines = true;
    else fail(`unknown argument ${a}`);
  }
  if (!['html', 'text', 'both'].includes(opt.mode)) fail('--mode must be html, text or both');
  if (opt.half !== null && !['even', 'odd'].includes(opt.half)) fail('--half must be even or odd');
  if (opt.half !== null && opt.pages) fail('--half applies to the Trafilatura set, not to --pages');
  return opt;
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}
