/**
 * `npm run bench`: runs the full pipeline on real corpora and prints one row per corpus:
 * documents/s, MB/s, peak RSS, per-stage seconds, output size, and the ratio of the pipeline's
 * time to a floor measured in the same run (reading every file and splitting it into words), so
 * figures stay comparable on a noisy machine. Then each per-document step alone on BBC
 * (scripts/bench/components.ts). Corpora are read in place from ../shared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverInputs } from '../../stages/ingest/discover.js';
import type { RunSummary } from '../../pipeline/run.js';
import { componentThroughput, htmlThroughput } from './components.js';

const CORPORA: [string, string][] = [
  ['seeds', 'seeds'],
  ['WikiRef220', '../shared/corpora/wikiref/WikiRef220'],
  ['BBC', '../shared/corpora/bbc'],
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

function folderBytes(folder: string): number {
  return readdirSync(folder).reduce((sum, name) => sum + statSync(path.join(folder, name)).size, 0);
}

console.log('| corpus | docs | MB | seconds | docs/s | MB/s | peak RSS MB | floor s | ×floor | stage seconds | output MB |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name, input] of CORPORA) {
  if (!existsSync(input)) {
    console.log(`| ${name} | missing: ${input} | | | | | | | | | |`);
    continue;
  }
  const output = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'out');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', '--input', input, '--output', output, '--quiet'], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`pipeline failed on ${name}: ${run.stderr}`);
  const manifest = JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8')) as RunSummary;
  const mb = manifest.input_bytes / 1e6;
  const floor = await floorSeconds(input);
  const stages = manifest.stages.filter((s) => !s.skipped).map((s) => `${s.name} ${s.seconds.toFixed(2)}`).join(', ');
  console.log(
    `| ${name} | ${manifest.n_documents} | ${mb.toFixed(2)} | ${seconds.toFixed(2)} | ${(manifest.n_documents / seconds).toFixed(0)} | ${(mb / seconds).toFixed(2)} | ${manifest.peak_rss_mb} | ${floor.toFixed(3)} | ${(seconds / floor).toFixed(0)} | ${stages} | ${(folderBytes(output) / 1e6).toFixed(1)} |`,
  );
}
console.log('\nseconds = wall time of the whole CLI process (tsx start-up included); machine:', process.platform, process.arch, `${(await import('node:os')).cpus().length} cores`);

const bbc = CORPORA.find(([name]) => name === 'BBC')![1];
if (existsSync(bbc)) console.log('\nPer-document steps on one core, BBC:\n\n' + (await componentThroughput(bbc)));
const trafilaturaPages = '../shared/eval/boilerplate/trafilatura/html';
if (existsSync(trafilaturaPages)) console.log('\nHTML extraction on one core, Trafilatura pages:\n\n| step | seconds | speed |\n|---|---|---|\n' + (await htmlThroughput(trafilaturaPages)));
