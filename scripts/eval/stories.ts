/**
 * Story clustering evaluation: runs the pipeline on WikiRef220 and scores documents.story_id with
 * the adjusted Rand index against the topic in each file name (read here only, never by the
 * pipeline). Noise topics (≤ 5 files) are their own clusters; the variant where each noise file is a
 * singleton is reported too. Also checks that WikiRef220 yields zero duplicate merges and the seeds
 * one story.
 *
 *   npm run eval -- stories [--shared DIR] [--sweep]
 *
 * --sweep re-clusters the same run's tables with other thresholds / entity weights (for tuning).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { buildStories, type StoryOptions } from '../../stages/stories/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function run(args: string[]): Promise<void> {
  const flag = args.indexOf('--shared');
  const shared = flag >= 0 && args[flag + 1] ? path.resolve(args[flag + 1]!) : path.resolve(repoRoot, '../shared');
  const corpus = path.join(shared, 'corpora/wikiref/WikiRef220');
  if (!existsSync(corpus)) throw new Error(`stories eval needs ${corpus} (pass --shared DIR)`);
  const work = mkdtempSync(path.join(tmpdir(), 'eval-stories-'));
  try {
    const wikiOut = path.join(work, 'wiki');
    const seedsOut = path.join(work, 'seeds');
    const t0 = performance.now();
    pipeline(['--input', corpus, '--output', wikiOut, '--format', 'parquet', '--quiet']);
    const seconds = (performance.now() - t0) / 1000;
    pipeline(['--input', path.join(repoRoot, 'seeds'), '--output', seedsOut, '--format', 'parquet', '--quiet']);
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const rows = await objects(db, `SELECT source_path, story_id, dup_group_id, doc_id FROM '${wikiOut}/documents.parquet' ORDER BY source_path`);
    const topics = rows.map((r) => topicOf(String(r['source_path'])));
    const predicted = rows.map((r) => String(r['story_id']));
    const sizes = countBy(topics);
    const noiseAsTopics = topics;
    const noiseAsSingletons = topics.map((t, i) => ((sizes.get(t) ?? 0) <= 5 ? `noise:${i}` : t));
    const merges = rows.filter((r) => r['dup_group_id'] !== r['doc_id']).length;
    const wikiStories = await objects(db, `SELECT story_id, label, n_documents, n_sources FROM '${wikiOut}/stories.parquet' ORDER BY n_documents DESC, story_id`);
    const seeds = await objects(db, `SELECT (SELECT count(*) FROM '${seedsOut}/stories.parquet') AS stories, (SELECT count(*) FROM '${seedsOut}/duplicates.parquet') AS duplicates,
      (SELECT any_value(label) FROM '${seedsOut}/stories.parquet') AS label`);
    const lines = [
      '## Story evaluation (WikiRef220)',
      '',
      '| measure | value | target |',
      '|---|---|---|',
      `| documents / topics in file names | ${rows.length} / ${sizes.size} | 220 |`,
      `| stories found | ${new Set(predicted).size} | |`,
      `| ARI, noise topics (≤ 5 files) as their own clusters | ${adjustedRandIndex(noiseAsTopics, predicted).toFixed(4)} | ≥ 0.90 |`,
      `| ARI, every noise file a singleton | ${adjustedRandIndex(noiseAsSingletons, predicted).toFixed(4)} | |`,
      `| documents merged as duplicates | ${merges} | 0 |`,
      `| seeds: stories / duplicate pairs | ${seeds[0]!['stories']} / ${seeds[0]!['duplicates']} | 1 / 0 |`,
      `| seeds story label | ${seeds[0]!['label']} | |`,
      `| pipeline run on WikiRef220 (all stages) | ${seconds.toFixed(1)} s | |`,
      '',
      '### Stories with more than one document',
      '',
      '| story | documents | sources | topics (from file names) | label |',
      '|---|---|---|---|---|',
      ...wikiStories.filter((s) => Number(s['n_documents']) > 1).map((s) => {
        const members = rows.map((r, i) => [r, topics[i]!] as const).filter(([r]) => r['story_id'] === s['story_id']);
        const topicCounts = [...countBy(members.map(([, t]) => t))].map(([t, n]) => `${t} ${n}`).join(', ');
        return `| ${s['story_id']} | ${s['n_documents']} | ${s['n_sources']} | ${topicCounts} | ${s['label']} |`;
      }),
    ];
    if (args.includes('--sweep')) lines.push('', ...(await sweep(db, wikiOut, noiseAsTopics, rows.map((r) => String(r['doc_id'])))));
    console.log(lines.join('\n'));
    db.closeSync();
    instance.closeSync();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pipeline(args: string[]): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'pipeline/cli.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pipeline ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
}

/** The topic of a WikiRef220 file: its name without the extension and the trailing number. */
export function topicOf(sourcePath: string): string {
  return path.basename(sourcePath).replace(/\.txt$/, '').replace(/( \(\d+\)|\.\d+)$/, '');
}

/** Hubert & Arabie's adjusted Rand index of two labelings of the same items. */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const cells = countBy(truth.map((t, i) => `${t}\u0000${predicted[i]}`));
  const sumCells = [...cells.values()].reduce((s, n) => s + pairs(n), 0);
  const sumTruth = [...countBy(truth).values()].reduce((s, n) => s + pairs(n), 0);
  const sumPred = [...countBy(predicted).values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (sumTruth * sumPred) / pairs(truth.length);
  const max = (sumTruth + sumPred) / 2;
  return max === expected ? 1 : (sumCells - expected) / (max - expected);
}

function countBy(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

async function objects(db: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Re-runs the story step over the run's published tables with other parameters. */
async function sweep(db: DuckDBConnection, out: string, truth: string[], docIds: string[]): Promise<string[]> {
  await db.run(`CREATE OR REPLACE TABLE documents_stage AS SELECT * FROM '${out}/documents.parquet';
    CREATE OR REPLACE TABLE document_groups AS SELECT doc_id, exact_hash, dup_group_id, is_canonical FROM '${out}/documents.parquet';
    CREATE OR REPLACE TABLE mentions AS SELECT * FROM '${out}/mentions.parquet'`);
  const lines = ['| threshold | entity_weight | min_edge | terms_per_doc | stories | ARI |', '|---|---|---|---|---|---|'];
  for (const entity_weight of [0.5, 0.7, 0.85]) {
    for (const threshold of [0.02, 0.03, 0.04, 0.05, 0.06]) {
      for (const min_edge of [0.02, 0.05]) {
        for (const terms_per_doc of [40, 100]) {
          const options: Partial<StoryOptions> = { threshold, entity_weight, min_edge, terms_per_doc };
          await buildStories(db, options);
          const byDoc = new Map(((await objects(db, 'SELECT doc_id, story_id FROM document_stories')) as { doc_id: string; story_id: string }[]).map((r) => [r.doc_id, r.story_id]));
          const predicted = docIds.map((id) => byDoc.get(id)!);
          lines.push(`| ${threshold} | ${entity_weight} | ${min_edge} | ${terms_per_doc} | ${new Set(predicted).size} | ${adjustedRandIndex(truth, predicted).toFixed(4)} |`);
        }
      }
    }
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
