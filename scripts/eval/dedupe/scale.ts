/**
 * Dedupe at scale (`npm run eval -- dedupe --corpus DIR`): a corpus from
 * `node ../shared/tools/make-corpus.mjs --out DIR --mb N` is read and cleaned by the pipeline's own
 * ingest and clean stages, signatures are staged to NDJSON (as in a run), and the global phase runs in
 * a file-backed DuckDB with a memory limit. Scores pairwise precision/recall of the duplicate groups
 * against truth.jsonl (files sharing a `source` are one group), computed from the contingency table
 * so no pair list is built.
 *
 * make-corpus samples BBC and WikiRef articles, and BBC itself holds 100 exact and 157 near-duplicate
 * pairs (../shared/eval/dedupe): merging two *sources* that are such a pair is correct, so scores are
 * also given against the truth with those sources joined.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';
import { defaultConfig } from '../../../pipeline/config.js';
import { codePointOffsets } from '../../../pipeline/offsets.js';
import { readStaged } from '../../../pipeline/sql.js';
import { StageRunner } from '../../../pipeline/runner.js';
import { StagedTable } from '../../../pipeline/staging.js';
import { cleanStage } from '../../../stages/clean/index.js';
import { computeSignature, groupDuplicatesInDuckDB, SIGNATURE_COLUMNS } from '../../../stages/dedupe/index.js';
import { UnionFind } from '../../../stages/dedupe/union-find.js';
import { discoverInputs, ingestStage } from '../../../stages/ingest/index.js';
import type { RawDoc } from '../../../stages/types.js';

interface TruthRow {
  file: string;
  source: string;
}

export async function runScale(corpus: string, shared: string, args: string[]): Promise<void> {
  const root = path.resolve(corpus);
  if (!existsSync(path.join(root, 'truth.jsonl'))) throw new Error(`--corpus needs a folder made by make-corpus.mjs (with truth.jsonl); got "${corpus}"`);
  const clean = !args.includes('--no-clean');
  const memoryFlag = args.indexOf('--memory-limit');
  const memoryLimit = memoryFlag >= 0 ? args[memoryFlag + 1]! : '1GB';
  const truth = await readTruth(path.join(root, 'truth.jsonl'));
  const work = mkdtempSync(path.join(tmpdir(), 'dedupe-scale-'));
  try {
    // Phase 1, streaming: ingest (+ clean), signature, staged NDJSON.
    const t0 = performance.now();
    const config = defaultConfig();
    const docs = await readDocuments(root, clean, () => true);
    const staged = new StagedTable(work, 'dedupe_signatures', SIGNATURE_COLUMNS);
    let bytes = 0;
    for await (const doc of docs) {
      const signature = computeSignature(doc.text, config.dedupe);
      bytes += Buffer.byteLength(doc.text);
      await staged.append({ doc_id: doc.source_path, exact_hash: signature.exact_hash, n_chars: codePointOffsets(doc.text)(doc.text.length), published_at: doc.published_at, n_shingles: signature.n_shingles, minhash: Array.from(signature.minhash) });
    }
    await staged.close();
    const t1 = performance.now();
    const rssAfterSignatures = process.resourceUsage().maxRSS / 1024;

    // Phase 2, global: DuckDB out of core.
    const instance = await DuckDBInstance.create(path.join(work, 'dedupe.duckdb'));
    const db = await instance.connect();
    await db.run(`SET memory_limit = '${memoryLimit}'; SET threads = 2; SET temp_directory = '${path.join(work, 'spill')}'; SET preserve_insertion_order = false`);
    await db.run(`CREATE TABLE dedupe_signatures AS SELECT * FROM ${readStaged(staged.file, SIGNATURE_COLUMNS)}`);
    const t2 = performance.now();
    const thresholdFlag = args.indexOf('--threshold');
    const options = { ...config.dedupe, ...(thresholdFlag >= 0 ? { threshold: Number(args[thresholdFlag + 1]) } : {}) };
    const nPairs = await groupDuplicatesInDuckDB(db, options);
    const nEmpty = Number((await db.runAndReadAll('SELECT count(*) FILTER (WHERE n_shingles = 0) FROM dedupe_signatures')).getColumns()[0]![0]);
    const t3 = performance.now();
    const rows = (await db.runAndReadAll('SELECT doc_id, dup_group_id FROM document_groups')).getColumns();
    const method = (await db.runAndReadAll('SELECT method, count(*) AS n FROM duplicates GROUP BY method ORDER BY method')).getRowObjectsJson();
    db.closeSync();
    instance.closeSync();
    const predicted = new Map<string, string>((rows[0] ?? []).map((id, i) => [String(id), String(rows[1]![i])]));

    const bySource = new Map(truth.map((t) => [t.file, t.source]));
    const raw_ = score(bySource, predicted);
    const joined = score(joinKnownDuplicateSources(bySource, shared), predicted);
    const mb = bytes / 1e6;
    const lines = [
      `## Dedupe at scale: ${root}`,
      '',
      '| measure | value | target |',
      '|---|---|---|',
      `| files / truth groups (sources) / predicted groups | ${predicted.size} / ${new Set(bySource.values()).size} / ${new Set(predicted.values()).size} | |`,
      `| cleaned text | ${mb.toFixed(1)} MB (${clean ? 'ingest + clean' : 'raw files, --no-clean'}); ${nEmpty} documents without a word | |`,
      `| link rule (estimates from ${options.num_perm} MinHash values, ${options.bands} × ${options.rows} bands) | Ĵ ≥ ${options.threshold}, or Ĉ ≥ ${options.containment} and Ĵ ≥ ${options.containment_min_jaccard} | |`,
      `| linked pairs (exact / minhash) | ${method.map((m) => `${m['method']} ${m['n']}`).join(', ')} (${nPairs} total) | |`,
      `| pairwise P / R / F1 vs truth.jsonl (files sharing a source) | ${prf(raw_)} | P ≥ 0.99, R ≥ 0.97 |`,
      `| pairwise P / R / F1, sources that BBC's own truth lists as duplicates joined | ${prf(joined)} | P ≥ 0.99, R ≥ 0.97 |`,
      `| phase 1: read${clean ? ' + clean' : ''} + signatures + staging | ${((t1 - t0) / 1000).toFixed(1)} s (${(mb / ((t1 - t0) / 1000)).toFixed(2)} MB/s) | |`,
      `| phase 2: load staged signatures into DuckDB | ${((t2 - t1) / 1000).toFixed(1)} s | |`,
      `| phase 2: exact + buckets + verify (SQL) + union-find + groups | ${((t3 - t2) / 1000).toFixed(1)} s | |`,
      `| peak RSS after phase 1 / overall (DuckDB memory_limit ${memoryLimit}) | ${Math.round(rssAfterSignatures)} MB / ${Math.round(process.resourceUsage().maxRSS / 1024)} MB | |`,
    ];
    const joinedTruth = joinKnownDuplicateSources(bySource, shared);
    lines.push('', ...examples(joinedTruth, predicted, args.includes('--examples') ? 20 : 5));
    if (args.includes('--misses')) {
      const { explainMisses } = await import('./misses.js');
      lines.push('', ...(await explainMisses(root, clean, joinedTruth, predicted, options, args.includes('--examples') ? 40 : 10)));
    }
    console.log(lines.join('\n'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface CorpusDocument {
  source_path: string;
  text: string;
  published_at: string | null;
}

/** The corpus's .txt files accepted by `wanted`, read by the pipeline's ingest (and clean) stages. */
export async function readDocuments(root: string, clean: boolean, wanted: (sourcePath: string) => boolean): Promise<AsyncIterable<CorpusDocument>> {
  const { files } = await discoverInputs([root]);
  const source = (async function* () {
    yield* files.filter((f) => f.source_path.endsWith('.txt') && wanted(f.source_path));
  })();
  const runner = new StageRunner();
  const raw = runner.pipe(ingestStage(), source);
  return clean ? runner.pipe(cleanStage(defaultConfig().clean), raw) : (raw as AsyncIterable<RawDoc>);
}

async function readTruth(file: string): Promise<TruthRow[]> {
  const rows: TruthRow[] = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line.trim()) continue;
    // Only the fields scored: the boilerplate lines of 391,000 rows would be held for nothing.
    const { file: name, source } = JSON.parse(line) as TruthRow;
    rows.push({ file: name, source });
  }
  return rows;
}

/** Sources (`bbc/sport/332.txt`) that ../shared/eval/dedupe lists as exact or J ≥ 0.8 pairs share one label. */
function joinKnownDuplicateSources(bySource: Map<string, string>, shared: string): Map<string, string> {
  const evalDir = path.join(shared, 'eval/dedupe');
  const pairs: Array<[string, string]> = [
    ...(JSON.parse(readFileSync(path.join(evalDir, 'bbc-exact-duplicate-pairs.json'), 'utf8')) as Array<[string, string]>),
    ...(JSON.parse(readFileSync(path.join(evalDir, 'bbc-jaccard-w5-pairs.json'), 'utf8')) as Array<[number, string, string]>).filter(([j]) => j >= 0.8).map(([, a, b]) => [a, b] as [string, string]),
  ];
  const labels = [...new Set(bySource.values())].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const uf = new UnionFind(labels.length);
  for (const [a, b] of pairs) {
    const ia = index.get(`bbc/${a}`);
    const ib = index.get(`bbc/${b}`);
    if (ia !== undefined && ib !== undefined) uf.union(ia, ib);
  }
  return new Map([...bySource].map(([file, source]) => [file, labels[uf.find(index.get(source)!)]!]));
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  predicted: number;
  truth: number;
}

/** Pairwise scores from the contingency table: same-group pairs counted, never listed. */
function score(truth: Map<string, string>, predicted: Map<string, string>): Scores {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const count = (labels: Iterable<string>) => {
    const m = new Map<string, number>();
    for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const files = [...predicted.keys()].filter((f) => truth.has(f));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const tp = sum(count(files.map((f) => `${truth.get(f)}\u0000${predicted.get(f)}`)));
  const nPred = sum(count(files.map((f) => predicted.get(f)!)));
  const nTruth = sum(count(files.map((f) => truth.get(f)!)));
  const precision = nPred ? tp / nPred : 1;
  const recall = nTruth ? tp / nTruth : 1;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), tp, predicted: nPred, truth: nTruth };
}

/** A few merged and split groups, to see what the errors are. */
function examples(truth: Map<string, string>, predicted: Map<string, string>, limit: number): string[] {
  const groupsOf = (labels: Map<string, string>) => {
    const m = new Map<string, string[]>();
    for (const [file, label] of labels) m.set(label, [...(m.get(label) ?? []), file]);
    return m;
  };
  const merged = [...groupsOf(predicted).values()].filter((files) => new Set(files.map((f) => truth.get(f))).size > 1);
  const split = [...groupsOf(truth).entries()].filter(([, files]) => new Set(files.map((f) => predicted.get(f))).size > 1);
  const out = [`- predicted groups joining several truth groups: ${merged.length}`];
  for (const files of merged.slice(0, limit)) out.push(`  - ${[...new Set(files.map((f) => truth.get(f)))].join(' + ')} (${files.length} files)`);
  out.push(`- truth groups split over several predicted groups: ${split.length}`);
  for (const [label, files] of split.slice(0, limit)) out.push(`  - ${label}: ${files.length} files in ${new Set(files.map((f) => predicted.get(f))).size} groups, e.g. ${files.slice(0, 3).join(', ')}`);
  return out;
}

function prf(s: Scores): string {
  return `${s.precision.toFixed(4)} / ${s.recall.toFixed(4)} / ${s.f1.toFixed(4)} (${s.tp}/${s.predicted} pairs predicted, ${s.truth} truth)`;
}
