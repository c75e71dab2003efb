import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEDUPE_OPTIONS } from '../../stages/dedupe/options.js';
import type { RawDoc } from '../../stages/types.js';
import { BATCH_DOCS, documentPhase, type BatchResult } from '../../pipeline/workers/index.js';
import { BODY, NEWS_PAGE } from '../ingest/html-fixtures.js';
import { query, tempDir, type CliResult } from './cli-helpers.js';

const MARKER = 'XYZZY-FAULT-MARKER';

/** Runs the CLI through tsx with extra environment variables (the fault hook of pipeline/workers/batch.ts). */
function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Distinct articles of generated.jsonl: more than two batches' worth. */
const N_DISTINCT = BATCH_DOCS * 2 + 20;
/** Records at the end of generated.jsonl that repeat its first REPEATED articles, each REPEATS times. */
const REPEATED = 10;
const REPEATS = 3;
/** Documents of the corpus: the seeds, generated.jsonl, the page and marked.txt. */
const N_DOCS = 5 + N_DISTINCT + REPEATED * REPEATS + 2;

/**
 * A small corpus spread over several batches: the seeds, plus a JSONL file of short articles built
 * from the seeds' paragraphs (shifted so no two are equal) followed by repeats of the first of them
 * (stages/repeat-cache.ts answers those), plus an HTML page (extracted in the workers) and one
 * document carrying the fault marker.
 */
function makeCorpus(): string {
  const input = tempDir('workers-input');
  cpSync('seeds', path.join(input, 'seeds'), { recursive: true });
  const paragraphs = readdirSync('seeds')
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join('seeds', f), 'utf8').split('\n').slice(1))
    .filter((line) => line.trim().split(/\s+/).length >= 12);
  const records: string[] = [];
  for (let i = 0; i < N_DISTINCT; i++) {
    const text = [0, 1, 2].map((k) => paragraphs[(i * 3 + k * 7) % paragraphs.length]!).join('\n');
    records.push(JSON.stringify({ title: `Report ${i}`, text, date: `2021-12-${String(1 + (i % 28)).padStart(2, '0')}`, source: `outlet-${i % 5}` }));
  }
  for (let copy = 0; copy < REPEATS; copy++) records.push(...records.slice(0, REPEATED).map((record) => JSON.stringify({ ...JSON.parse(record), source: `syndicated-${copy}` })));
  writeFileSync(path.join(input, 'generated.jsonl'), records.join('\n') + '\n');
  writeFileSync(path.join(input, 'bridge.html'), NEWS_PAGE);
  writeFileSync(path.join(input, 'marked.txt'), `A headline\nThe ministry said 40,000 troops had moved, according to ${MARKER} officials in Kyiv on Monday.\n`);
  return input;
}

let input: string;
const outputs: Record<string, string> = {};
const runs: Record<string, CliResult> = {};

beforeAll(() => {
  input = makeCorpus();
  for (const concurrency of [1, 2]) {
    const out = path.join(tempDir(`workers-c${concurrency}`), 'out');
    runs[concurrency] = runCli(['--input', input, '--output', out, '--concurrency', String(concurrency), '--quiet']);
    outputs[concurrency] = out;
  }
  const out = path.join(tempDir('workers-fault'), 'out');
  runs['fault'] = runCli(['--input', input, '--output', out, '--concurrency', '2', '--quiet', '--format', 'parquet'], { NEWS_PIPELINE_FAULT_MARKER: MARKER });
  outputs['fault'] = out;
});

describe('per-document phase on worker threads', () => {
  it('gives byte-identical tables with --concurrency 1 (in process) and 2 (worker threads)', () => {
    expect(runs[1]!.status, runs[1]!.stderr).toBe(0);
    expect(runs[2]!.status, runs[2]!.stderr).toBe(0);
    const files = readdirSync(outputs[1]!).filter((f) => /\.(parquet|csv)$/.test(f) && !f.startsWith('runs.'));
    expect(files.length).toBeGreaterThan(20);
    expect(readdirSync(outputs[2]!).sort()).toEqual(readdirSync(outputs[1]!).sort());
    for (const file of files) {
      const same = readFileSync(path.join(outputs[1]!, file)).equals(readFileSync(path.join(outputs[2]!, file)));
      expect(same, file).toBe(true);
    }
  });

  it('keeps the per-stage statistics in runs.stages, whatever the worker count', async () => {
    for (const concurrency of [1, 2]) {
      const rows = await query(`SELECT s.name, s.n_in::INTEGER AS n_in, s.n_out::INTEGER AS n_out, s.n_problems::INTEGER AS n_problems, s.dropped, s.seconds > 0 AS timed FROM (SELECT unnest(stages) AS s FROM '${path.join(outputs[concurrency]!, 'runs.parquet')}') ORDER BY s.name`);
      const byName = Object.fromEntries(rows.map((r) => [r['name'], r]));
      for (const name of ['ingest', 'html', 'clean', 'dedupe', 'extract']) {
        // ingest counts files in (5 seeds, the JSONL file, the page, marked.txt) and documents out.
        expect(byName[name], `${name} at --concurrency ${concurrency}`).toMatchObject({ n_in: name === 'ingest' ? 8 : N_DOCS, n_out: N_DOCS, n_problems: 0, dropped: '{}', timed: true });
      }
    }
  });

  it('gives a repeated article the rows of its first copy, in every annotation table', async () => {
    for (const table of ['mentions', 'quantities', 'dates', 'quotes']) {
      // Per generated.jsonl record: its text and its table rows without doc_id, as one string.
      const rows = await query(`
        SELECT d.record_no, d.text, coalesce(string_agg(t.row, '|' ORDER BY t.row), '') AS annotations
        FROM '${path.join(outputs[2]!, 'documents.parquet')}' d
        LEFT JOIN (SELECT doc_id, replace(to_json(x)::VARCHAR, doc_id, '') AS row FROM '${path.join(outputs[2]!, `${table}.parquet`)}' x) t ON t.doc_id = d.doc_id
        WHERE d.source_path = 'generated.jsonl' GROUP BY d.record_no, d.text ORDER BY d.record_no`);
      expect(rows).toHaveLength(N_DISTINCT + REPEATED * REPEATS);
      const first = rows.slice(0, REPEATED);
      for (let copy = 0; copy < REPEATS; copy++) {
        const repeats = rows.slice(N_DISTINCT + copy * REPEATED, N_DISTINCT + (copy + 1) * REPEATED);
        expect(repeats.map((r) => [r['text'], r['annotations']]), `${table}, copy ${copy + 1}`).toEqual(first.map((r) => [r['text'], r['annotations']]));
      }
      if (table !== 'dates') expect(first.some((r) => r['annotations'] !== ''), table).toBe(true);
    }
  });

  it('extracts HTML pages in the worker threads', async () => {
    const rows = await query(`SELECT title, site, author, position('${BODY[0]}' IN text) > 0 AS has_body FROM '${path.join(outputs[2]!, 'documents.parquet')}' WHERE source_path = 'bridge.html'`);
    expect(rows).toEqual([{ title: 'Harbour bridge to close to cars', site: 'The Daily Example', author: 'Maria Jones', has_body: true }]);
  });

  it('turns a document that throws in a worker into a problems row and finishes the run', async () => {
    const run = runs['fault']!;
    expect(run.status, run.stderr).toBe(0);
    const out = outputs['fault']!;
    const problems = await query(`SELECT source_path, stage, code, message FROM '${path.join(out, 'problems.parquet')}'`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source_path: 'marked.txt', stage: 'clean', code: 'document-failed' });
    expect(String(problems[0]!['message'])).toContain('injected fault');
    const documents = await query(`SELECT count(*) AS n, count(*) FILTER (WHERE source_path = 'marked.txt') AS marked FROM '${path.join(out, 'documents.parquet')}'`);
    expect(documents[0]).toEqual({ n: String(N_DOCS - 1), marked: '0' });
    const clean = await query(`SELECT s.n_in::INTEGER AS n_in, s.n_out::INTEGER AS n_out, s.dropped, s.n_problems::INTEGER AS n_problems FROM (SELECT unnest(stages) AS s FROM '${path.join(out, 'runs.parquet')}') WHERE s.name = 'clean'`);
    expect(clean[0]).toEqual({ n_in: N_DOCS, n_out: N_DOCS - 1, dropped: '{"failed":1}', n_problems: 1 });
  });
});

describe('documentPhase called in process (vitest loads the workers through tsx too)', () => {
  const raw = (i: number): RawDoc => ({
    doc_id: `doc-${i}`, source_path: `doc-${i}.txt`, record_no: null, format: 'txt', encoding: 'utf-8', first_line_no: 2, title: `Headline ${i}`,
    text: `Officials in Kyiv said ${1000 + i} Russian troops had moved near the border on Monday, President Joe Biden told reporters.`,
    published_at: '2021-12-07', crawled_at: null, url: null, source: null, bytes: 120,
  });
  const collect = async (concurrency: number) => {
    const docs = (async function* () {
      for (let i = 0; i < BATCH_DOCS + 10; i++) yield raw(i);
    })();
    const batches: BatchResult[] = [];
    for await (const batch of documentPhase(docs, { clean: { disabledRules: [] }, dedupe: { ...DEFAULT_DEDUPE_OPTIONS }, stages: { dedupe: true, extract: true }, concurrency })) batches.push(batch);
    return batches;
  };

  it('returns the same rows in the same order from worker threads as in process', async () => {
    const [inProcess, workers] = [await collect(1), await collect(2)];
    expect(workers.map((b) => b.rows)).toEqual(inProcess.map((b) => b.rows));
    expect(workers.reduce((n, b) => n + b.n_documents, 0)).toBe(BATCH_DOCS + 10);
    expect(workers[0]!.rows.mentions.rows).toBeGreaterThan(0);
  });
});
