import { cleanStage, type CleanOptions } from '../../stages/clean/index.js';
import type { DedupeOptions } from '../../stages/dedupe/options.js';
import { dedupeSignatureStage } from '../../stages/dedupe/stage.js';
import { extractStage } from '../../stages/extract/index.js';
import { htmlStage } from '../../stages/ingest/html-step.js';
import type { DocumentRecord, RawDoc } from '../../stages/types.js';
import { StageRunner } from '../runner.js';
import type { Problem, Stage, StageStats } from '../stage.js';
import { RowSink, type StagedRows } from './rows.js';

/** What a worker needs to know of the run's configuration (structured-cloneable). */
export interface DocumentPhaseOptions {
  clean: CleanOptions;
  dedupe: DedupeOptions;
  stages: { dedupe: boolean; extract: boolean };
}

/** One batch's output, sent back from a worker: staged rows, per-stage statistics, problems. */
export interface BatchResult {
  rows: StagedRows;
  /** Documents that came out of the last stage (= rows of documents_stage). */
  n_documents: number;
  /** Input bytes of those documents (RawDoc.bytes), for MB/s figures. */
  input_bytes: number;
  /** One entry per per-document stage, in pipeline order: html, clean, dedupe, extract. */
  stats: StageStats[];
  problems: Problem[];
}

/**
 * Test hook: when this environment variable is set, the clean step throws on every document whose
 * raw text contains its value, so tests can check that a failing document becomes a problem row.
 */
const FAULT_MARKER = process.env['NEWS_PIPELINE_FAULT_MARKER'] || null;

/** The per-document stages in pipeline order, each with whether this run has it on. */
export function documentStages(options: DocumentPhaseOptions): { stage: Stage<any, any>; enabled: boolean }[] {
  const clean = cleanStage(options.clean);
  return [
    { stage: htmlStage(), enabled: true },
    { stage: FAULT_MARKER ? withFault(clean, FAULT_MARKER) : clean, enabled: true },
    { stage: dedupeSignatureStage(options.dedupe), enabled: options.stages.dedupe },
    { stage: extractStage(), enabled: options.stages.extract },
  ];
}

/**
 * Runs html → clean → dedupe signature → extract over one batch, in order, and renders the staged rows.
 * The same function runs in a worker thread (pipeline/workers/worker.ts) and, with
 * `--concurrency 1`, on the main thread. Each document goes through its own short chain of the
 * stages, so a document that throws is recorded as a problem of the stage it failed in and left
 * out of every table, and the rest of the batch goes on.
 */
export async function processBatch(docs: RawDoc[], options: DocumentPhaseOptions): Promise<BatchResult> {
  const stages = documentStages(options);
  const sink = new RowSink();
  const total = new StageRunner();
  for (const { stage, enabled } of stages) total.register(stage, !enabled);
  let n_documents = 0;
  let input_bytes = 0;
  for (const doc of docs) {
    const runner = new StageRunner();
    try {
      for await (const record of chain(runner, stages, doc)) {
        sink.addRecord(record);
        n_documents++;
        input_bytes += record.article.bytes;
      }
    } catch (error) {
      const failed = runner.stats.find((s) => !s.skipped && s.n_in > s.n_out) ?? runner.stats[0]!;
      failed.dropped['failed'] = (failed.dropped['failed'] ?? 0) + 1;
      runner.problem(failed.name, {
        source_path: doc.source_path,
        doc_id: doc.doc_id,
        line: doc.record_no,
        code: 'document-failed',
        message: `the ${failed.name} stage failed on this document (${(error as Error)?.message ?? String(error)}); it is left out of every table. Please report this with the document.`,
      });
    }
    total.merge(runner.stats, runner.problems);
  }
  return { rows: sink.result(), n_documents, input_bytes, stats: total.stats, problems: total.problems };
}

function chain(runner: StageRunner, stages: { stage: Stage<any, any>; enabled: boolean }[], doc: RawDoc): AsyncIterable<DocumentRecord> {
  const [html, clean, ...rest] = stages;
  const pages = runner.pipe(html!.stage, (async function* () {
    yield doc;
  })());
  const articles = runner.pipe(clean!.stage, pages);
  let records: AsyncIterable<DocumentRecord> = (async function* () {
    for await (const article of articles) yield { article, signature: null, annotations: null };
  })();
  for (const { stage, enabled } of rest) {
    if (enabled) records = runner.pipe(stage, records);
    else runner.skip(stage);
  }
  return records;
}

function withFault<In extends RawDoc, Out>(stage: Stage<In, Out>, marker: string): Stage<In, Out> {
  return {
    name: stage.name,
    version: stage.version,
    run: (input, context) =>
      stage.run(
        (async function* () {
          for await (const doc of input) {
            if (doc.text.includes(marker)) throw new Error(`injected fault (${marker})`);
            yield doc;
          }
        })(),
        context,
      ),
  };
}
