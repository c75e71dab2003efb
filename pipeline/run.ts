import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanStage } from '../stages/clean/index.js';
import { dedupeSignatureStage } from '../stages/dedupe/stage.js';
import { groupDuplicatesInDuckDB, SIGNATURE_COLUMNS, type DocSignature } from '../stages/dedupe/index.js';
import { buildStories } from '../stages/stories/index.js';
import { extractStage } from '../stages/extract/index.js';
import { discoverInputs, ingestStage, type InputFile } from '../stages/ingest/index.js';
import type { Article, DocumentRecord } from '../stages/types.js';
import { UsageError, type RunConfig } from './config.js';
import type { Logger } from './log.js';
import { codePointOffsets } from './offsets.js';
import { createTempOutput, discardTempOutput, MANIFEST, publishOutput } from './output-folder.js';
import { OUTPUT_README } from './output-readme.js';
import { StageRunner } from './runner.js';
import type { Stage, StageStats } from './stage.js';
import { StagedTable } from './staging.js';
import { AGGREGATE_TABLES, DOCUMENT_GROUP_COLUMNS, DOCUMENT_STAGE_COLUMNS, DOCUMENT_STORY_COLUMNS, TABLES, type ColumnSpec } from './tables.js';
import { createEmptyTable, writeTables } from './write-tables.js';

export const PIPELINE_VERSION = '0.1.0';

export interface RunSummary {
  run_id: string;
  output: string;
  seconds: number;
  n_inputs: number;
  n_documents: number;
  input_bytes: number;
  row_counts: Record<string, number>;
  stages: StageStats[];
  n_problems: number;
  /** Peak resident memory of the process so far, in MB. */
  peak_rss_mb: number;
}

/** A run that cannot produce output (no readable document, unwritable output): exit code 1. */
export class RunError extends Error {}

/**
 * One run: discover inputs, stream every document through the per-document stages into staged
 * tables, run the global phase (dedupe grouping, aggregates), and publish the tables atomically.
 */
export async function runPipeline(config: RunConfig, log: Logger): Promise<RunSummary> {
  const startedAt = new Date();
  const runId = `${startedAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
  const discovery = await discoverInputs(config.inputs);
  if (discovery.missing.length > 0) {
    throw new UsageError(`input ${discovery.missing.map((m) => `"${m}"`).join(', ')} not found; check the path or quote the glob.`);
  }
  const temp = await createTempOutput(config.output, runId).catch((error: Error) => {
    throw new RunError(error.message);
  });
  try {
    const summary = await runInto(temp, config, runId, startedAt, discovery.files, discovery.problems, log);
    await publishOutput(temp, config.output);
    return summary;
  } catch (error) {
    await discardTempOutput(temp);
    throw error;
  }
}

async function runInto(
  temp: string,
  config: RunConfig,
  runId: string,
  startedAt: Date,
  files: InputFile[],
  discoveryProblems: { source_path: string; code: string; message: string }[],
  log: Logger,
): Promise<RunSummary> {
  // Staged rows and DuckDB's files live under .work/, which writeTables deletes when done.
  const workFolder = path.join(temp, '.work');
  const stagingFolder = path.join(workFolder, 'staging');
  await mkdir(stagingFolder, { recursive: true });
  const runner = new StageRunner((_stage, _stats) => log.progress(runner.stats, files.length));
  for (const problem of discoveryProblems) runner.problem('ingest', { ...problem, doc_id: null, line: null });
  log.event('run-start', { run_id: runId, inputs: config.inputs, files: files.length, output: config.output });

  const staged = new Map<string, StagedTable>();
  const stage = (name: string, columns = TABLES[name as keyof typeof TABLES].columns) => {
    const table = new StagedTable(stagingFolder, name, columns);
    staged.set(name, table);
    return table;
  };
  const documents = stage('documents_stage', DOCUMENT_STAGE_COLUMNS);
  const removed = stage('removed_lines');
  const mentions = stage('mentions');
  const quantities = stage('quantities');
  const dates = stage('dates');
  const quotes = stage('quotes');

  // Dedupe's per-document half: signatures staged like any table; the global half is SQL over them.
  const signatures = stage('dedupe_signatures', SIGNATURE_COLUMNS);

  const stream = buildStream(config, runner, files);
  let inputBytes = 0;
  for await (const record of stream) {
    const { article } = record;
    inputBytes += article.bytes;
    await documents.append(documentRow(article, record.annotations?.published_at_inferred ?? null));
    for (const line of article.removed) await removed.append({ doc_id: article.doc_id, ...line });
    if (record.signature) {
      const signature = record.signature as DocSignature;
      await signatures.append({ doc_id: article.doc_id, exact_hash: signature.exact_hash, n_chars: [...article.text].length, published_at: article.published_at, n_shingles: signature.n_shingles, minhash: Array.from(signature.minhash) });
    }
    if (record.annotations) await appendAnnotations(article, record.annotations, { mentions, quantities, dates, quotes });
  }
  if (documents.rows === 0) {
    throw new RunError(`no readable document in ${config.inputs.join(', ')} (${files.length} files found, ${runner.problems.length} problems: ${summarizeCodes(runner.problems.map((p) => p.code))}); give files of type .txt, .jsonl, .json or .csv with text.`);
  }

  // Global steps, run by writeTables on the loaded staged tables before `documents` is built.
  // A skipped step still creates its tables, empty, so `documents` and the aggregates can join them.
  const globalStep = (step: { name: string; version: string }, enabled: boolean, tables: [string, ColumnSpec[]][], nIn: number, build: (connection: DuckDBConnection) => Promise<number>) =>
    async (connection: DuckDBConnection) => {
      if (enabled) {
        await runner.global(step, nIn, () => build(connection), (nOut) => nOut);
        return;
      }
      runner.skip(step);
      for (const [name, columns] of tables) await createEmptyTable(connection, name, columns);
    };
  const globalSteps = [
    globalStep({ name: 'dedupe-groups', version: '2.0.0' }, config.stages.dedupe, [['document_groups', DOCUMENT_GROUP_COLUMNS], ['duplicates', TABLES.duplicates.columns]], signatures.rows, (connection) =>
      groupDuplicatesInDuckDB(connection, config.dedupe),
    ),
    globalStep({ name: 'stories', version: '1.0.0' }, config.stages.stories, [['document_stories', DOCUMENT_STORY_COLUMNS], ['stories', TABLES.stories.columns]], documents.rows, (connection) =>
      buildStories(connection),
    ),
  ];

  const problems = stage('problems');
  for (const problem of runner.problems) await problems.append({ ...problem });
  for (const table of staged.values()) await table.close();

  const aggregateStats: StageStats = { name: 'aggregate', version: '1.0.0', seconds: 0, n_in: documents.rows, n_out: 0, dropped: {}, n_problems: 0, skipped: !config.stages.aggregate };
  const written = await writeTables({
    folder: temp,
    workFolder,
    formats: config.formats,
    staged,
    globalSteps,
    runAggregates: config.stages.aggregate,
    runRecord: (aggregateSeconds, rowCounts, duckdbVersion) => {
      aggregateStats.seconds = aggregateSeconds;
      aggregateStats.n_out = AGGREGATE_TABLES.reduce((sum, t) => sum + (rowCounts[t.name] ?? 0), 0);
      return runRow(runId, startedAt, config, files.length, documents.rows, runner.problems.length, [...runner.stats, aggregateStats], duckdbVersion);
    },
  });
  const summary: RunSummary = {
    run_id: runId,
    output: path.resolve(config.output),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    n_inputs: files.length,
    n_documents: documents.rows,
    input_bytes: inputBytes,
    row_counts: written.rowCounts,
    stages: [...runner.stats, aggregateStats],
    n_problems: runner.problems.length,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const manifest = { ...summary, output: undefined, started_at: startedAt.toISOString(), versions: versions(written.duckdbVersion), config };
  await writeFile(path.join(temp, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  await writeFile(path.join(temp, 'README.md'), OUTPUT_README);
  return summary;
}

function buildStream(config: RunConfig, runner: StageRunner, files: InputFile[]): AsyncIterable<DocumentRecord> {
  const source = (async function* () {
    yield* files;
  })();
  const articles = runner.pipe(cleanStage(config.clean), runner.pipe(ingestStage({ concurrency: config.concurrency }), source));
  let records: AsyncIterable<DocumentRecord> = (async function* () {
    for await (const article of articles) yield { article, signature: null, annotations: null };
  })();
  const optional: [boolean, Stage<DocumentRecord, DocumentRecord>, string][] = [
    [config.stages.dedupe, dedupeSignatureStage(config.dedupe), 'dedupe'],
    [config.stages.extract, extractStage(), 'extract'],
  ];
  for (const [enabled, step] of optional) {
    if (enabled) records = runner.pipe(step, records);
    else runner.skip(step);
  }
  return records;
}

function documentRow(article: Article, publishedAtInferred: string | null): Record<string, unknown> {
  return {
    doc_id: article.doc_id,
    source_path: article.source_path,
    record_no: article.record_no,
    format: article.format,
    encoding: article.encoding,
    title: article.title,
    published_at: article.published_at,
    published_at_inferred: publishedAtInferred,
    published_at_source: article.published_at ? 'input' : publishedAtInferred ? 'inferred' : null,
    crawled_at: article.crawled_at,
    url: article.url,
    source: article.source,
    site: article.site ?? null,
    author: article.author ?? null,
    lang: article.lang ?? null,
    text: article.text,
    n_chars: [...article.text].length,
    n_words: article.n_words,
    n_sentences: article.sentences.length,
    n_removed_lines: article.removed.length,
    input_bytes: article.bytes,
  };
}

async function appendAnnotations(
  article: Article,
  annotations: NonNullable<DocumentRecord['annotations']>,
  tables: { mentions: StagedTable; quantities: StagedTable; dates: StagedTable; quotes: StagedTable },
): Promise<void> {
  const at = codePointOffsets(article.text);
  const doc_id = article.doc_id;
  for (const m of annotations.mentions) {
    await tables.mentions.append({ doc_id, entity_id: m.entity_id, text: m.text, type: m.type, subtype: m.subtype, canonical: m.canonical, country_code: m.country_code, start: at(m.start), end: at(m.end), sentence_no: m.sentence_no });
  }
  for (const q of annotations.quantities) {
    await tables.quantities.append({
      doc_id, text: q.text, value: q.value, low: q.low, high: q.high, unit: q.unit, subject: q.subject, kind: q.kind, qualifier: q.qualifier,
      attributed_to: q.attributed_to, claim_key: q.claim_key, claim_subject: q.claim_subject, subject_source: q.subject_source,
      start: at(q.start), end: at(q.end), sentence_start: at(q.sentence_start), sentence_end: at(q.sentence_end),
    });
  }
  for (const d of annotations.dates) {
    await tables.dates.append({ doc_id, text: d.text, resolved: d.resolved, resolved_end: d.resolved_end, granularity: d.granularity, reference_date: d.reference_date, reference: d.reference, start: at(d.start), end: at(d.end) });
  }
  for (const q of annotations.quotes) {
    await tables.quotes.append({ doc_id, text: q.text, speaker: q.speaker, speaker_canonical: q.speaker_canonical, speaker_entity_id: q.speaker_entity_id, verb: q.verb, start: at(q.start), end: at(q.end), sentence_start: at(q.sentence_start), sentence_end: at(q.sentence_end) });
  }
}

function runRow(runId: string, startedAt: Date, config: RunConfig, nInputs: number, nDocuments: number, nProblems: number, stats: StageStats[], duckdbVersion: string): Record<string, unknown> {
  return {
    run_id: runId,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    n_inputs: nInputs,
    n_documents: nDocuments,
    n_problems: nProblems,
    stages: stats.map((s) => ({ ...s, seconds: Math.round(s.seconds * 1e6) / 1e6, dropped: JSON.stringify(s.dropped) })),
    versions: JSON.stringify({ ...versions(duckdbVersion), stages: Object.fromEntries(stats.map((s) => [s.name, s.version])) }),
    config: JSON.stringify(config),
  };
}

function versions(duckdbVersion: string): Record<string, string> {
  return { pipeline: PIPELINE_VERSION, node: process.version, duckdb: duckdbVersion };
}

function summarizeCodes(codes: string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${n} ${code}`).join(', ') || 'none';
}
