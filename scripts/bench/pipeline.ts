/**
 * `npm run bench`: runs the full pipeline (all stages on) on real and generated corpora at each
 * worker count and prints one row per run: documents/s, MB/s, peak RSS, per-stage seconds, the
 * wall seconds of the run's phases (manifest.json phase_seconds), output size, and the ratio of
 * the pipeline's time to a floor measured in the same run (reading every file and splitting it
 * into words), so figures stay comparable on a noisy machine. Then each
 * per-document step alone on BBC (scripts/bench/components.ts).
 *
 *   npm run bench -- [--sizes 50,200] [--concurrency 1,2] [--no-components]
 *
 * Generated corpora come from ../shared/tools/make-corpus.mjs (seed 1) and are cached outside the
 * repository, under $BENCH_CORPORA (default /tmp/news-pipeline-bench/mb-N); `--sizes 50,200,1000`
 * adds the 1,000 MB corpus. Real corpora are read in place from ../shared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverInputs } from '../../stages/ingest/discover.js';
import type { RunSummary } from '../../pipeline/run.js';
import { componentThroughput, htmlThroughput } from './components.js';
import { DuckDBInstance } from '@duckdb/node-api';

const { values: args } = parseArgs({
  options: { sizes: { type: 'string', default: '50,200' }, concurrency: { type: 'string' }, 'no-components': { type: 'boolean', default: false } },
});
const sizes = args.sizes.split(',').filter(Boolean).map(Number);
const workerCounts = (args.concurrency ?? [...new Set([1, cpus().length])].join(',')).split(',').map(Number);
const CACHE = process.env['BENCH_CORPORA'] ?? path.join(tmpdir(), 'news-pipeline-bench');
const MAKE_CORPUS = '../shared/tools/make-corpus.mjs';
const TRAFILATURA_PAGES = '../shared/eval/boilerplate/trafilatura/html';

/** A generated corpus of about `mb` MB, built once and then reused. */
function generatedCorpus(mb: number): string {
  const folder = path.join(CACHE, `mb-${mb}`);
  if (existsSync(path.join(folder, 'truth.jsonl'))) return folder;
  rmSync(folder, { recursive: true, force: true });
  const made = spawnSync(process.execPath, [MAKE_CORPUS, '--out', folder, '--mb', String(mb), '--seed', '1'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`make-corpus failed: ${made.stderr}`);
  return folder;
}

const CORPORA: [string, () => string][] = [
  ['seeds', () => 'seeds'],
  ['WikiRef220', () => '../shared/corpora/wikiref/WikiRef220'],
  ['BBC', () => '../shared/corpora/bbc'],
  // HTML pages, the input of web crawls: extraction (readability) is most of their cost.
  ['Trafilatura pages (HTML)', () => TRAFILATURA_PAGES],
  ...sizes.map((mb): [string, () => string] => [`generated ${mb} MB`, () => (existsSync(MAKE_CORPUS) ? generatedCorpus(mb) : `missing ${MAKE_CORPUS}`)]),
];

/** The cheapest honest pass over the same bytes: read each file and split it into words. */
async function floorSeconds(input: string): Promise<number> {
  const { files } = await discoverInputs([input]);
  const started = performance.now();
  let words = 0;
  for (const file of files) words += readFileSync(file.absolute_path, 'utf8').split(/\s+/).length;
  if (words < 0) throw new Error('unreachable');
  return (performance.now() - started) / 1000;
}

/** Busy CPU seconds of the whole machine since boot (Linux /proc/stat: all but idle and iowait), NaN elsewhere. */
function machineCpuSeconds(): number {
  if (!existsSync('/proc/stat')) return NaN;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const busy = fields.reduce((sum, v) => sum + v, 0) - fields[3]! - fields[4]!;
  return busy / 100; // USER_HZ
}

/**
 * Share of the documents whose cleaned title and text are those of another document before them:
 * the repeats stages/repeat-cache.ts answers without annotating again (within one worker thread),
 * so a corpus's figures depend on it.
 */
async function repeatShare(documentsParquet: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const sql = `SELECT 1 - (SELECT count(*) FROM (SELECT DISTINCT title, text FROM read_parquet('${documentsParquet}'))) / count(*) FROM read_parquet('${documentsParquet}')`;
    return Number((await connection.runAndReadAll(sql)).getRows()[0]![0]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function folderBytes(folder: string): number {
  return readdirSync(folder).reduce((sum, name) => sum + statSync(path.join(folder, name)).size, 0);
}

console.log('| corpus | workers | docs | repeats | MB | seconds | docs/s | MB/s | peak RSS MB | floor s | ×floor | stage seconds (summed over workers) | phase seconds | output MB | CPU s: run / others |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name, locate] of CORPORA) {
  const input = locate();
  if (!existsSync(input)) {
    console.log(`| ${name} | | missing: ${input} | | | | | | | | | | | | |`);
    continue;
  }
  const floor = await floorSeconds(existsSync(path.join(input, 'truth.jsonl')) ? path.join(input, 'part-*', '*.txt') : input);
  for (const workers of workerCounts) {
    const output = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'out');
    const machineBefore = machineCpuSeconds();
    const started = performance.now();
    // A generated corpus's truth.jsonl is not an input: only its part-NNN folders are.
    const inputArg = existsSync(path.join(input, 'truth.jsonl')) ? path.join(input, 'part-*', '*.txt') : input;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', '--input', inputArg, '--output', output, '--concurrency', String(workers), '--quiet'], { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`pipeline failed on ${name}: ${run.stderr}`);
    const manifest = JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8')) as RunSummary;
    // CPU the machine spent during the run beyond the pipeline's own: other work sharing the cores (noise).
    const others = machineCpuSeconds() - machineBefore - manifest.cpu_seconds;
    const mb = manifest.input_bytes / 1e6;
    const stages = manifest.stages.filter((s) => !s.skipped).map((s) => `${s.name} ${s.seconds.toFixed(2)}`).join(', ');
    const phases = Object.entries(manifest.phase_seconds).map(([part, s]) => `${part.replace('_', '-')} ${s.toFixed(1)}`).join(', ');
    const repeats = await repeatShare(path.join(output, 'documents.parquet'));
    console.log(
      `| ${name} | ${workers} | ${manifest.n_documents} | ${(100 * repeats).toFixed(0)} % | ${mb.toFixed(2)} | ${seconds.toFixed(2)} | ${(manifest.n_documents / seconds).toFixed(0)} | ${(mb / seconds).toFixed(2)} | ${manifest.peak_rss_mb} | ${floor.toFixed(3)} | ${(seconds / floor).toFixed(0)} | ${stages} | ${phases} | ${(folderBytes(output) / 1e6).toFixed(1)} | ${manifest.cpu_seconds.toFixed(0)} / ${Number.isNaN(others) ? '?' : Math.max(0, others).toFixed(0)} |`,
    );
    rmSync(path.dirname(output), { recursive: true, force: true });
  }
}
console.log(`\nseconds = wall time of the whole CLI process (tsx start-up included); workers = --concurrency (1 = in process, no worker thread); machine: ${process.platform} ${process.arch}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
if (args['no-components']) process.exit(0);

const bbc = '../shared/corpora/bbc';
if (existsSync(bbc)) console.log('\nPer-document steps on one core, BBC:\n\n' + (await componentThroughput(bbc)));
if (existsSync(TRAFILATURA_PAGES)) console.log('\nHTML extraction on one core, Trafilatura pages:\n\n| step | seconds | speed |\n|---|---|---|\n' + (await htmlThroughput(TRAFILATURA_PAGES)));
