/**
 * Per-component throughput on one core, in process: each per-document step timed alone over the
 * BBC corpus (read in place), after one warm-up pass. Part of `npm run bench`.
 */
import { discoverInputs } from '../../stages/ingest/discover.js';
import { cleanDocument } from '../../stages/clean/index.js';
import { computeSignature } from '../../stages/dedupe/index.js';
import { extractDates } from '../../stages/extract/dates.js';
import { extractEntities } from '../../stages/extract/entities/index.js';
import { extractQuantities } from '../../stages/extract/quantities.js';
import { extractQuotes } from '../../stages/extract/quotes.js';
import { decodeBytes } from '../../stages/ingest/decode.js';
import { parseFile } from '../../stages/ingest/records.js';
import type { Article, RawDoc } from '../../stages/types.js';
import { extractHtml, parseHtml } from '../../stages/ingest/html.js';
import { readFile } from 'node:fs/promises';
import { Readability } from '@mozilla/readability';

export async function componentThroughput(input: string): Promise<string> {
  const { files } = await discoverInputs([input]);
  const raws: RawDoc[] = [];
  for (const file of files) {
    const decoded = decodeBytes(await readFile(file.absolute_path), file.source_path);
    if (!decoded.ok) continue;
    for (const record of parseFile(decoded.text, 'txt').records) {
      raws.push({ ...record, doc_id: file.source_path, source_path: file.source_path, format: 'txt', encoding: decoded.encoding, bytes: file.bytes });
    }
  }
  const articles: Article[] = raws.map((raw) => cleanDocument(raw));
  const megabytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0) / 1e6;
  const reference = { date: '2021-12-07', source: 'published_at' as const };
  const steps: [string, () => void][] = [
    ['clean (line rules, classifier, segmentation)', () => raws.forEach((raw) => cleanDocument(raw))],
    ['clean without the classifier', () => raws.forEach((raw) => cleanDocument(raw, { disabledRules: [], classifier: { enabled: false } }))],
    ['dedupe signature', () => articles.forEach((a) => computeSignature(a.text))],
    ['entities', () => articles.forEach((a) => extractEntities(a.text, a.sentences, a.title))],
    ['quantities', () => articles.forEach((a) => extractQuantities(a.text, a.sentences))],
    ['dates (chrono-node)', () => articles.forEach((a) => extractDates(a.text, reference))],
    ['quotes (no mentions)', () => articles.forEach((a) => extractQuotes(a.text, a.sentences, []))],
  ];
  const rows = [`| step | seconds | MB/s (cleaned text, ${megabytes.toFixed(2)} MB) |`, '|---|---|---|'];
  for (const [name, step] of steps) {
    step();
    const started = performance.now();
    step();
    const seconds = (performance.now() - started) / 1000;
    rows.push(`| ${name} | ${seconds.toFixed(2)} | ${(megabytes / seconds).toFixed(1)} |`);
  }
  return rows.join('\n');
}

/**
 * HTML extraction (linkedom + readability + metadata + the HTML profile's line cleaning) on one
 * core: pages/s over the first `limit` pages of a folder, after a warm-up, next to readability
 * alone on linkedom over the same pages, the reference issue 3 measured its 40 pages/s target on
 * (41 pages/s there). Three rounds, the two alternating, so both see the same machine.
 */
export async function htmlThroughput(folder: string, limit = 200): Promise<string> {
  const { files } = await discoverInputs([folder]);
  const pages: string[] = [];
  for (const file of files.filter((f) => /\.html?$/i.test(f.source_path)).slice(0, limit)) {
    const decoded = decodeBytes(await readFile(file.absolute_path), file.source_path);
    if (decoded.ok) pages.push(decoded.text);
  }
  const steps: [string, (html: string) => void][] = [
    ['HTML extraction (the pipeline: readability on linkedom, metadata, cleaning)', (html) => extractHtml(html)],
    ['readability alone on linkedom (the reference)', (html) => new Readability(parseHtml(html).document as unknown as Document).parse()],
  ];
  const mb = pages.reduce((sum, html) => sum + Buffer.byteLength(html), 0) / 1e6;
  const seconds = steps.map(() => [] as number[]);
  for (const [, step] of steps) pages.slice(0, 20).forEach(step);
  for (let round = 0; round < 3; round++) {
    steps.forEach(([, step], s) => {
      const started = performance.now();
      for (const html of pages) step(html);
      seconds[s]!.push((performance.now() - started) / 1000);
    });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  return steps.map(([name], s) => `| ${name}, ${pages.length} pages, ${mb.toFixed(1)} MB | ${median(seconds[s]!).toFixed(2)} s (median of 3) | ${(pages.length / median(seconds[s]!)).toFixed(1)} pages/s |`).join('\n');
}
