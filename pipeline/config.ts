import { cpus } from 'node:os';
import { DEFAULT_DEDUPE_OPTIONS, type DedupeOptions } from '../stages/dedupe/index.js';
import { resolveOptions } from '../stages/dedupe/options.js';
import type { CleanOptions } from '../stages/clean/index.js';
import { RULE_IDS } from '../stages/clean/rules.js';
import type { OutputFormat } from './write-tables.js';

/** Stages that can be switched off; ingest and clean always run. */
export const OPTIONAL_STAGES = ['dedupe', 'extract', 'stories', 'aggregate'] as const;
export type OptionalStage = (typeof OPTIONAL_STAGES)[number];
export const ALL_STAGES = ['ingest', 'html', 'clean', ...OPTIONAL_STAGES] as const;

/** The whole configuration of a run: defaults here, then a --config JSON file, then flags. Recorded in `runs.config`. */
export interface RunConfig {
  inputs: string[];
  output: string;
  formats: OutputFormat[];
  /** Worker threads of the per-document phase (1 = in process, pipeline/workers/). */
  concurrency: number;
  stages: Record<OptionalStage, boolean>;
  /** disabledRules, classifier / htmlClassifier thresholds (stages/clean/index.ts) and corpusMinGroups (stages/clean/corpus-lines.ts). */
  clean: CleanOptions;
  dedupe: DedupeOptions;
  logFormat: 'pretty' | 'json';
  quiet: boolean;
  /**
   * Memory the global phase's DuckDB may hold (DuckDB syntax: '1GB', '512MB'); past it DuckDB spills
   * to disk. At the default the 1,000 MB benchmark corpus peaked at 1,348 and 1,352 MB in two runs
   * (800MB: 1,459 and 1,487 MB, in the same time); 700MB failed in the export in the sixth session,
   * before the export's later changes (docs/decisions.md, ninth session).
   */
  memoryLimit: string;
  /** Write the by-document tables' Parquet as Hive partitions by publication month (pipeline/write-tables.ts). */
  partitionByMonth: boolean;
  /** Keep segments in the state store and process only new or changed files (pipeline/state.ts). */
  incremental: boolean;
  /** Run only the per-document phase over shard `index` of `count` (1-based) of the input. */
  shard: { index: number; count: number } | null;
  /** Publish the tables of a complete set of shards. */
  finalize: boolean;
}

export class UsageError extends Error {}

export function defaultConfig(): RunConfig {
  return {
    inputs: ['seeds'],
    output: 'output',
    formats: ['parquet', 'csv'],
    concurrency: Math.max(1, cpus().length),
    stages: { dedupe: true, extract: true, stories: true, aggregate: true },
    clean: { disabledRules: [] },
    dedupe: { ...DEFAULT_DEDUPE_OPTIONS },
    logFormat: process.stderr.isTTY ? 'pretty' : 'json',
    quiet: false,
    memoryLimit: '700MB',
    partitionByMonth: false,
    incremental: false,
    shard: null,
    finalize: false,
  };
}

/** Checks a configuration before anything runs; every message says how to fix it. */
export function validateConfig(config: RunConfig): RunConfig {
  if (config.inputs.length === 0) throw new UsageError('no --input given; pass a file, folder or glob (e.g. --input seeds).');
  if (config.formats.length === 0 || config.formats.some((f) => f !== 'parquet' && f !== 'csv')) {
    throw new UsageError(`--format must be parquet, csv or both, got ${config.formats.join(',') || 'nothing'}.`);
  }
  if (!Number.isInteger(config.concurrency) || config.concurrency < 1 || config.concurrency > 256) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 256, got ${config.concurrency}.`);
  }
  const unknownRules = config.clean.disabledRules.filter((rule) => !RULE_IDS.includes(rule));
  if (unknownRules.length > 0) throw new UsageError(`unknown clean rule ${unknownRules.join(', ')}; known rules: ${RULE_IDS.join(', ')}.`);
  if (config.logFormat !== 'pretty' && config.logFormat !== 'json') throw new UsageError(`--log-format must be pretty or json, got ${config.logFormat}.`);
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB)$/i.test(config.memoryLimit)) {
    throw new UsageError(`memoryLimit in --config must be a size such as "1GB" or "512MB", got "${config.memoryLimit}".`);
  }
  if (typeof config.partitionByMonth !== 'boolean') throw new UsageError(`partitionByMonth in --config must be true or false, got ${JSON.stringify(config.partitionByMonth)}.`);
  if ([config.incremental, config.shard !== null, config.finalize].filter(Boolean).length > 1) {
    throw new UsageError('--incremental, --shard and --finalize are separate modes; give one of them.');
  }
  if (config.shard !== null && !(Number.isInteger(config.shard.count) && config.shard.count >= 1 && Number.isInteger(config.shard.index) && config.shard.index >= 1 && config.shard.index <= config.shard.count)) {
    throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N (e.g. --shard 2/4), got ${config.shard.index}/${config.shard.count}.`);
  }
  const minGroups = config.clean.corpusMinGroups;
  if (minGroups !== undefined && !(Number.isInteger(minGroups) && minGroups >= 2)) {
    throw new UsageError(`clean.corpusMinGroups in --config must be a whole number of at least 2 (duplicate groups a line recurs in), got ${JSON.stringify(minGroups)}.`);
  }
  try {
    resolveOptions(config.dedupe);
  } catch (error) {
    throw new UsageError(`dedupe options in --config: ${(error as Error).message}.`);
  }
  return config;
}
