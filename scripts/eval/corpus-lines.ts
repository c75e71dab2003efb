/**
 * Corpus-level boilerplate against a generated corpus whose truth lists the boilerplate lines
 * injected into every file (../shared/tools/make-corpus.mjs: real BBC and WikiRef articles with
 * template lines such as "Share this:" or "Log in to comment" around them, and near-duplicate copies).
 *
 *   npm run eval -- corpus-lines [--corpus DIR] [--min-groups N]
 *
 * Runs the pipeline (ingest, clean, dedupe, stories, then the global corpus-lines step; no extraction) on
 * DIR (default: the bench's cached 50 MB corpus) and scores the removed lines against the truth as
 * multisets per file: a removed line is a true positive when the file's truth holds that line. Two
 * rows: the per-document rules and classifier alone (the same run with the `corpus-repeat` rows
 * left out, since those lines reach the corpus step only when no other rule took them) and with
 * the corpus step. Precision is a lower bound: the articles themselves carry some boilerplate the
 * truth does not list (BBC correspondent footers, for one); the lines behind the false positives
 * are printed so they can be read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { CORPUS_RULE } from '../../stages/clean/corpus-lines.js';
import { literal } from '../../pipeline/sql.js';

const CLI = fileURLToPath(new URL('../../pipeline/cli.ts', import.meta.url));

export async function run(args: string[]): Promise<void> {
  const opt = parseArgs(args);
  const truthFile = path.join(opt.corpus, 'truth.jsonl');
  if (!existsSync(truthFile)) fail(`${truthFile} not found; make the corpus with: node ../shared/tools/make-corpus.mjs --out ${opt.corpus} --mb 50 --seed 1`);
  const work = mkdtempSync(path.join(tmpdir(), 'eval-corpus-lines-'));
  try {
    const output = path.join(work, 'out');
    const cliArgs = ['--import', 'tsx', CLI, '--input', opt.corpus, '--output', output, '--only', 'dedupe,stories', '--format', 'parquet', '--log-format', 'json', '--quiet'];
    if (opt.minGroups !== null) {
      writeFileSync(path.join(work, 'config.json'), JSON.stringify({ clean: { corpusMinGroups: opt.minGroups } }));
      cliArgs.push('--config', path.join(work, 'config.json'));
    }
    const started = performance.now();
    const pipeline = spawnSync(process.execPath, cliArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (pipeline.status !== 0) fail(`the pipeline exited with ${pipeline.status}`);
    const seconds = (performance.now() - started) / 1000;
    await score(truthFile, output, seconds);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function score(truthFile: string, output: string, seconds: number): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const table = (name: string) => literal(path.join(output, `${name}.parquet`));
    await connection.run(`
      CREATE TABLE truth AS
      SELECT file AS source_path, trim(line) AS line, count(*) AS n
      FROM (SELECT file, unnest(boilerplate_lines) AS line FROM read_json(${literal(truthFile)}, format = 'newline_delimited'))
      GROUP BY ALL;
      CREATE TABLE removed AS
      SELECT d.source_path, r.text AS line, r.rule = ${literal(CORPUS_RULE)} AS by_corpus_step, count(*) AS n
      FROM ${table('removed_lines')} r JOIN ${table('documents')} d USING (doc_id)
      GROUP BY ALL;`);
    const rows = ['| rules | precision | recall | F1 | boilerplate lines removed | other lines removed | boilerplate lines kept |', '|---|---|---|---|---|---|---|'];
    for (const [label, withCorpus] of [['per-document rules and classifier', false], ['+ corpus-lines step', true]] as const) {
      const reader = await connection.runAndReadAll(`
        WITH r AS (SELECT source_path, line, sum(n) AS n FROM removed WHERE ${withCorpus} OR NOT by_corpus_step GROUP BY ALL),
        matched AS (SELECT coalesce(r.n, 0) AS removed, coalesce(t.n, 0) AS truth FROM r FULL JOIN truth t USING (source_path, line))
        SELECT sum(least(removed, truth)), sum(removed - least(removed, truth)), sum(truth - least(removed, truth)) FROM matched`);
      const [tp, fp, fn] = reader.getRows()[0]!.map(Number) as [number, number, number];
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      rows.push(`| ${label} | ${precision.toFixed(4)} | ${recall.toFixed(4)} | ${((2 * precision * recall) / (precision + recall)).toFixed(4)} | ${tp} | ${fp} | ${fn} |`);
    }
    const [docs, titles] = (await connection.runAndReadAll(`SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM truth t WHERE t.source_path = d.source_path AND t.line = d.title)) FROM ${table('documents')} d`)).getRows()[0]!.map(Number) as [number, number];
    process.stdout.write(`${path.dirname(truthFile)}: ${docs} documents, pipeline ${seconds.toFixed(1)} s\n\n${rows.join('\n')}\n`);
    process.stdout.write(`\nBoilerplate lines read as the document's title (counted as kept): ${titles}\n`);
    const misses = await connection.runAndReadAll(`
      SELECT r.line, sum(r.n - least(r.n, coalesce(t.n, 0))) AS extra FROM removed r LEFT JOIN truth t USING (source_path, line)
      WHERE r.by_corpus_step GROUP BY r.line HAVING extra > 0 ORDER BY extra DESC, r.line LIMIT 15`);
    const lines = misses.getRows().map(([line, n]) => `  ${String(n).padStart(6)}  ${String(line).slice(0, 110)}`);
    process.stdout.write(`\nLines the corpus step removed that the truth does not list (top ${lines.length}):\n${lines.join('\n') || '  none'}\n`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function parseArgs(args: string[]) {
  const opt = { corpus: path.join(process.env['BENCH_CORPORA'] ?? '/tmp/news-pipeline-bench', 'mb-50'), minGroups: null as number | null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i] ?? fail(`${a} needs a value`);
    if (a === '--corpus') opt.corpus = value();
    else if (a === '--min-groups') opt.minGroups = Number(value());
    else fail(`unknown argument ${a}`);
  }
  return opt;
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}
