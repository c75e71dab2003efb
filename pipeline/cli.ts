import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ALL_STAGES, OPTIONAL_STAGES, UsageError, defaultConfig, validateConfig, type OptionalStage, type RunConfig } from './config.js';
import { createLogger } from './log.js';
import { OutputError } from './output-folder.js';
import type { RunSummary, ShardSummary } from './run.js';
import type { OutputFormat } from './write-tables.js';

const HELP = `Usage: npm run pipeline -- [options]

Turns scraped news (text dumps, HTML pages, JSONL/JSON records, CSV exports, WARC archives) into
Parquet and CSV tables: ingest → clean → dedupe → extract → aggregate. With no options it reads
seeds/ and writes output/.

Options:
  --input PATH        file, folder (read recursively) or quoted glob ('data/**/*.jsonl'); repeatable.
                      Formats: .txt .html .htm .jsonl .json .csv .warc, each optionally .gz.
                      Default: seeds
  --output DIR        folder the tables are written to, replaced atomically. Default: output
  --format F          parquet, csv or both (comma-separated). Default: parquet,csv
  --concurrency N     worker threads for HTML extraction, clean, dedupe signatures and extraction;
                      1 runs everything on the main thread. Default: number of CPU cores
  --only STAGES       run only these optional stages (comma-separated: ${OPTIONAL_STAGES.join(', ')});
                      ingest and clean always run
  --skip STAGES       skip these optional stages; their tables are written empty
  --config FILE       JSON file with any of the settings above plus clean.disabledRules and
                      dedupe {shingle_size, num_perm, bands, rows, threshold, containment,
                      containment_min_jaccard, seed}, memoryLimit; flags win
  --incremental       keep a state store next to the output (OUTPUT.state/) and process only new
                      or changed files; files gone from the input leave the tables
  --shard K/N         run the per-document stages on shard K of N of the input (files split by a
                      hash of their path) into OUTPUT.state/shards/; publishes nothing
  --finalize          run the global stages over all N shards and publish OUTPUT (no --input)
  --partition-by-month  write the Parquet of documents and the per-document tables (removed_lines,
                      mentions, quantities, dates, quotes) as Hive partitions,
                      TABLE/published_month=YYYY-MM/part-0.parquet; CSV stays one file per table
  --log-format F      pretty (progress bar; default on a terminal) or json (JSON lines)
  --quiet             print nothing but errors
  -h, --help          show this help

Exit codes: 0 success (per-document problems are rows of the problems table),
1 the run failed (previous output left untouched), 2 usage error.`;

export async function main(argv: string[]): Promise<number> {
  let config: RunConfig;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      process.stdout.write(HELP + '\n');
      return 0;
    }
    config = validateConfig(parsed);
  } catch (error) {
    process.stderr.write(`usage error: ${(error as Error).message} (see --help)\n`);
    return 2;
  }
  const log = createLogger(config.logFormat, config.quiet);
  // Loaded only for a run: the stages, their models and DuckDB take most of a second to load, which
  // --help and usage errors should not wait for.
  const { RunError, runPipeline, runShard } = await import('./run.js');
  try {
    if (config.shard !== null) {
      const shard = await runShard(config, log);
      log.summary(shardLines(shard), { ...shard });
      return 0;
    }
    const summary = await runPipeline(config, log);
    log.summary(summaryLines(summary), { ...summary });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`usage error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RunError || error instanceof OutputError) {
      log.error(`${error.message} The previous output, if any, is untouched.`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      log.error(`the output volume is full (${(error as Error).message}); free space or choose an --output on another volume. The previous output, if any, is untouched.`);
      return 1;
    }
    log.error(`run failed: ${(error as Error).stack ?? String(error)}\nThe previous output, if any, is untouched.`);
    return 1;
  }
}

function parseCommandLine(argv: string[]): RunConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        input: { type: 'string', multiple: true },
        output: { type: 'string' },
        format: { type: 'string' },
        concurrency: { type: 'string' },
        only: { type: 'string' },
        skip: { type: 'string' },
        config: { type: 'string' },
        'log-format': { type: 'string' },
        quiet: { type: 'boolean' },
        incremental: { type: 'boolean' },
        'partition-by-month': { type: 'boolean' },
        shard: { type: 'string' },
        finalize: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
  }
  if (values.help) return 'help';
  const config = values.config ? mergeConfigFile(defaultConfig(), values.config) : defaultConfig();
  if (values.input) config.inputs = values.input;
  if (values.output !== undefined) config.output = values.output;
  if (values.format !== undefined) config.formats = list(values.format) as OutputFormat[];
  if (values.concurrency !== undefined) config.concurrency = Number(values.concurrency);
  if (values['log-format'] !== undefined) config.logFormat = values['log-format'] as RunConfig['logFormat'];
  if (values.quiet) config.quiet = true;
  if (values.incremental) config.incremental = true;
  if (values['partition-by-month']) config.partitionByMonth = true;
  if (values.shard !== undefined) config.shard = shardSpec(values.shard);
  if (values.finalize) {
    if (values.input) throw new UsageError('--finalize reads the shards in OUTPUT.state/shards/, not --input; leave --input out.');
    config.finalize = true;
  }
  if (values.only !== undefined && values.skip !== undefined) throw new UsageError('give --only or --skip, not both.');
  if (values.only !== undefined) {
    const only = stageList(values.only, '--only');
    for (const stage of OPTIONAL_STAGES) config.stages[stage] = only.includes(stage);
  }
  if (values.skip !== undefined) for (const stage of stageList(values.skip, '--skip')) config.stages[stage] = false;
  return config;
}

function shardSpec(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new UsageError(`--shard must be K/N (e.g. --shard 2/4), got "${text}".`);
  return { index: Number(match[1]), count: Number(match[2]) };
}

function stageList(text: string, flag: string): OptionalStage[] {
  const stages = list(text);
  for (const stage of stages) {
    if ((OPTIONAL_STAGES as readonly string[]).includes(stage)) continue;
    if ((ALL_STAGES as readonly string[]).includes(stage)) {
      if (flag === '--skip') throw new UsageError(`${stage} cannot be skipped: every other stage reads its output.`);
      continue;
    }
    throw new UsageError(`${flag}: unknown stage "${stage}"; stages are ${ALL_STAGES.join(', ')}.`);
  }
  return stages.filter((s): s is OptionalStage => (OPTIONAL_STAGES as readonly string[]).includes(s));
}

function mergeConfigFile(config: RunConfig, file: string): RunConfig {
  let fromFile: Partial<RunConfig>;
  try {
    fromFile = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunConfig>;
  } catch (error) {
    throw new UsageError(`cannot read --config ${file} (${(error as Error).message}); give a JSON file.`);
  }
  const known = new Set(Object.keys(config));
  const unknown = Object.keys(fromFile).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new UsageError(`--config ${file}: unknown setting ${unknown.join(', ')}; known: ${[...known].join(', ')}.`);
  return {
    ...config,
    ...fromFile,
    stages: { ...config.stages, ...fromFile.stages },
    clean: { ...config.clean, ...fromFile.clean },
    dedupe: { ...config.dedupe, ...fromFile.dedupe },
  };
}

function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

function summaryLines(summary: RunSummary): [string, string][] {
  const rows = summary.row_counts;
  const mb = summary.input_bytes / 1e6;
  const dropped = summary.stages.flatMap((s) => Object.entries(s.dropped).map(([reason, n]) => `${n} ${reason}`));
  return [
    ['documents', `${summary.n_inputs} files → ${summary.n_documents} documents${dropped.length ? ` (dropped: ${dropped.join(', ')})` : ''}`],
    ['duplicates', `${rows['duplicates'] ?? 0} pairs`],
    ['entities', `${rows['entities'] ?? 0} entities, ${rows['mentions'] ?? 0} mentions`],
    ['quantities', `${rows['quantities'] ?? 0} quantities, ${rows['dates'] ?? 0} dates, ${rows['claims'] ?? 0} claim rows`],
    ['problems', `${summary.n_problems}${summary.n_problems ? ' (see problems table)' : ''}`],
    ['stages', summary.stages.filter((s) => !s.skipped).map((s) => `${s.name} ${s.seconds.toFixed(2)}s`).join(' · ')],
    ['time', `${summary.seconds.toFixed(2)}s (${(summary.n_documents / summary.seconds).toFixed(0)} docs/s, ${(mb / summary.seconds).toFixed(2)} MB/s)`],
    ['phases', Object.entries(summary.phase_seconds).map(([part, seconds]) => `${part.replace('_', '-')} ${seconds.toFixed(2)}s`).join(' · ')],
    ['segments', `${summary.n_segments} (${summary.n_segments_built} built by this run)`],
    ['output', summary.output],
  ];
}

function shardLines(shard: ShardSummary): [string, string][] {
  const mb = shard.input_bytes / 1e6;
  return [
    ['shard', `${shard.shard.index} of ${shard.shard.count}: ${shard.n_inputs} files → ${shard.n_documents} documents, ${shard.n_problems} problems`],
    ['stages', shard.stages.filter((s) => !s.skipped).map((s) => `${s.name} ${s.seconds.toFixed(2)}s`).join(' · ')],
    ['time', `${shard.seconds.toFixed(2)}s (${(mb / shard.seconds).toFixed(2)} MB/s)`],
    ['segment', `${shard.folder} (publish with --finalize once every shard is done)`],
  ];
}

process.exitCode = await main(process.argv.slice(2));
