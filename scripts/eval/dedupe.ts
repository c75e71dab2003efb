/**
 * Dedupe evaluation on ../shared: BBC exact and near-duplicate truth, WikiRef220 as a corpus that must
 * not merge (same events, different outlets), and throughput.
 *
 *   npm run eval -- dedupe            (or: npx tsx scripts/eval/dedupe.ts [--shared DIR])
 *   npm run eval -- dedupe --corpus DIR [--no-clean] [--memory-limit 1GB] [--threshold J] [--misses] [--examples]
 *
 * --corpus scores a corpus built by ../shared/tools/make-corpus.mjs against its truth.jsonl (see
 * scripts/eval/dedupe/scale.ts): the pipeline's ingest + clean, signatures staged as NDJSON, the
 * global phase in a file-backed DuckDB, with time and peak RSS; --misses classifies the files split from
 * their truth group (scripts/eval/dedupe/misses.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { computeSignature, groupDuplicates, type DedupeDoc, type DedupeResult } from '../../stages/dedupe/index.js';
import { estimateJaccard } from '../../stages/dedupe/minhash.js';

interface Corpus {
  ids: string[];
  texts: string[];
  bytes: number;
}

interface Scores {
  predicted: number;
  truth: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
}

const NEAR_THRESHOLD = 0.8;

export async function run(args: string[]): Promise<void> {
  const corpusFlag = args.indexOf('--corpus');
  if (corpusFlag >= 0) {
    const { runScale } = await import('./dedupe/scale.js');
    await runScale(args[corpusFlag + 1] ?? '', sharedDir(args), args);
    return;
  }
  const shared = sharedDir(args);
  const bbc = readCorpus(path.join(shared, 'corpora/bbc'));
  const exactTruth = readJson<Array<[string, string]>>(path.join(shared, 'eval/dedupe/bbc-exact-duplicate-pairs.json')).map(([a, b]) => key(a, b));
  const jaccard = new Map(
    readJson<Array<[number, string, string]>>(path.join(shared, 'eval/dedupe/bbc-jaccard-w5-pairs.json')).map(([j, a, b]) => [key(a, b), j]),
  );
  const nearTruth = [...jaccard].filter(([, j]) => j >= NEAR_THRESHOLD).map(([pair]) => pair);

  const t0 = performance.now();
  const docs = signCorpus(bbc);
  const t1 = performance.now();
  const result = await groupDuplicates(docs);
  const t2 = performance.now();

  const exactClasses = classes(docs.map((d) => [d.doc_id, d.signature.exact_hash]));
  const finalGroups = classes([...result.groups].map(([id, g]) => [id, g.dup_group_id]));
  const exactScores = score(pairsWithin(exactClasses), exactTruth);
  const linkedScores = score(result.pairs.map((p) => key(p.doc_id_a, p.doc_id_b)), nearTruth);
  const groupScores = score(pairsWithin(finalGroups), nearTruth);

  const wiki = readCorpus(path.join(shared, 'corpora/wikiref/WikiRef220'));
  const wikiResult = await groupDuplicates(signCorpus(wiki));

  const sigSeconds = (t1 - t0) / 1000;
  const groupSeconds = (t2 - t1) / 1000;
  const lines = [
    '## Dedupe evaluation',
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| BBC documents | ${bbc.ids.length} | 2,225 |`,
    `| groups after exact hashing | ${exactClasses.length} | 2,125 |`,
    `| exact pairs (all pairs within an exact class) P / R | ${fmt(exactScores.precision)} / ${fmt(exactScores.recall)} (${exactScores.tp}/${exactScores.predicted} predicted, ${exactScores.truth} truth) | 1 / 1 |`,
    `| groups after exact + near-duplicate linking | ${finalGroups.length} | |`,
    `| near-dup, linked pairs (pairs output) P / R / F1 | ${prf(linkedScores)} | P ≥ 0.98, R ≥ 0.98 |`,
    `| near-dup, all pairs within a final group P / R / F1 | ${prf(groupScores)} | P ≥ 0.98, R ≥ 0.98 |`,
    `| MinHash estimate vs exact J on the ${jaccard.size} truth pairs: mean signed / mean abs / max abs error | ${estimateError(docs, jaccard)} | |`,
    `| WikiRef220: documents / pairs predicted / groups | ${wiki.ids.length} / ${wikiResult.pairs.length} / ${groupCount(wikiResult)} | 220 / 0 / 220 |`,
    `| signature phase (BBC) | ${sigSeconds.toFixed(3)} s, ${Math.round(bbc.ids.length / sigSeconds)} docs/s, ${(bbc.bytes / 1e6 / sigSeconds).toFixed(1)} MB/s | |`,
    `| grouping phase (BBC) | ${groupSeconds.toFixed(3)} s | |`,
    `| total (BBC, excluding file reading) | ${(sigSeconds + groupSeconds).toFixed(3)} s, ${Math.round(bbc.ids.length / (sigSeconds + groupSeconds))} docs/s | |`,
    '',
    ...errorList('exact misses and extras (the stage also folds case and punctuation; the truth only whitespace)', pairsWithin(exactClasses), exactTruth, jaccard, docs),
    ...errorList('near-dup misses and extras (linked pairs)', result.pairs.map((p) => key(p.doc_id_a, p.doc_id_b)), nearTruth, jaccard, docs),
    ...errorList('near-dup misses and extras (group pairs)', pairsWithin(finalGroups), nearTruth, jaccard, docs),
    ...wikiResult.pairs.map((p) => `- WikiRef220 pair: ${p.doc_id_a} ~ ${p.doc_id_b} (${p.method}, ${fmt(p.similarity)})`),
  ];
  console.log(lines.join('\n'));
}

function sharedDir(args: string[]): string {
  const flag = args.indexOf('--shared');
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const dir = flag >= 0 && args[flag + 1] ? path.resolve(args[flag + 1]!) : path.resolve(repoRoot, '../shared');
  const needed = ['corpora/bbc', 'corpora/wikiref/WikiRef220', 'eval/dedupe/bbc-exact-duplicate-pairs.json', 'eval/dedupe/bbc-jaccard-w5-pairs.json'];
  const missing = needed.filter((p) => !existsSync(path.join(dir, p)));
  if (missing.length > 0) {
    throw new Error(`dedupe eval needs the shared data folder at ${dir} (pass --shared DIR to point elsewhere); missing: ${missing.join(', ')}`);
  }
  return dir;
}

/** All *.txt files under root, ids are '/'-separated relative paths, sorted. */
function readCorpus(root: string): Corpus {
  const ids = listTxt(root, '').sort();
  let bytes = 0;
  const texts = ids.map((id) => {
    const raw = readFileSync(path.join(root, id));
    bytes += raw.length;
    return decode(raw);
  });
  return { ids, texts, bytes };
}

function listTxt(root: string, rel: string): string[] {
  return readdirSync(path.join(root, rel)).flatMap((name) => {
    const relPath = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(root, relPath)).isDirectory()) return listTxt(root, relPath);
    return name.endsWith('.txt') ? [relPath] : [];
  });
}

/** UTF-8 when valid, else latin1 (the BBC file that is not UTF-8 only has 0xA3 '£', the same in windows-1252). */
function decode(raw: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

function signCorpus(corpus: Corpus): DedupeDoc[] {
  return corpus.ids.map((doc_id, i) => {
    const text = corpus.texts[i]!;
    return { doc_id, signature: computeSignature(text), n_chars: text.length, published_at: null };
  });
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Order-free pair key. */
function key(a: string, b: string): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}

/** Members per label, for labels given as [doc_id, label]. */
function classes(labelled: Array<[string, string]>): string[][] {
  const byLabel = new Map<string, string[]>();
  for (const [id, label] of labelled) {
    const members = byLabel.get(label);
    if (members) members.push(id);
    else byLabel.set(label, [id]);
  }
  return [...byLabel.values()];
}

function pairsWithin(groups: string[][]): string[] {
  return groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => key(a, b))));
}

function score(predictedPairs: string[], truthPairs: string[]): Scores {
  const predicted = new Set(predictedPairs);
  const truth = new Set(truthPairs);
  const tp = [...predicted].filter((p) => truth.has(p)).length;
  const precision = predicted.size ? tp / predicted.size : 1;
  const recall = truth.size ? tp / truth.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { predicted: predicted.size, truth: truth.size, tp, precision, recall, f1 };
}

function estimateError(docs: DedupeDoc[], jaccard: Map<string, number>): string {
  const byId = new Map(docs.map((d) => [d.doc_id, d.signature.minhash]));
  const errors = [...jaccard].map(([pair, j]) => {
    const [a, b] = pair.split('\t') as [string, string];
    return estimateJaccard(byId.get(a)!, byId.get(b)!) - j;
  });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return `${mean(errors).toFixed(4)} / ${mean(errors.map(Math.abs)).toFixed(4)} / ${Math.max(...errors.map(Math.abs)).toFixed(4)}`;
}

function groupCount(result: DedupeResult): number {
  return new Set([...result.groups.values()].map((g) => g.dup_group_id)).size;
}

function errorList(title: string, predictedPairs: string[], truthPairs: string[], jaccard: Map<string, number>, docs: DedupeDoc[]): string[] {
  const predicted = new Set(predictedPairs);
  const truth = new Set(truthPairs);
  const byId = new Map(docs.map((d) => [d.doc_id, d.signature.minhash]));
  const describe = (kind: string) => (pair: string) => {
    const [a, b] = pair.split('\t') as [string, string];
    const j = jaccard.get(pair);
    return `  - ${kind} ${a} ~ ${b}: exact J ${j === undefined ? '< 0.3' : fmt(j)}, estimate ${fmt(estimateJaccard(byId.get(a)!, byId.get(b)!))}`;
  };
  const misses = truthPairs.filter((p) => !predicted.has(p)).map(describe('missed'));
  const extras = [...predicted].filter((p) => !truth.has(p)).map(describe('extra'));
  return [`- ${title}: ${misses.length + extras.length === 0 ? 'none' : ''}`, ...misses, ...extras];
}

function fmt(x: number): string {
  return x.toFixed(4);
}

function prf(s: Scores): string {
  return `${fmt(s.precision)} / ${fmt(s.recall)} / ${fmt(s.f1)} (${s.tp}/${s.predicted} predicted, ${s.truth} truth)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
