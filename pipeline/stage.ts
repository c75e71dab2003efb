/**
 * The stage contract. A stage is a named, versioned transform over an async stream; it never
 * times itself, counts its records or writes files. The runner (pipeline/runner.ts) does that.
 */

/** A per-document problem: a row of the `problems` table, never a crashed run. */
export interface Problem {
  source_path: string | null;
  doc_id: string | null;
  stage: string;
  /** Stable machine-readable id, e.g. `invalid-utf8`, `malformed-jsonl`. */
  code: string;
  /** What happened, where, and how to fix it. */
  message: string;
  /** 1-based line or record number inside the source file, when known. */
  line: number | null;
}

export interface StageContext {
  /** Records a problem; the stage name is filled in by the runner. */
  problem(problem: Omit<Problem, 'stage'>): void;
  /** Counts a record the stage consumed without emitting, with the reason. */
  drop(reason: string): void;
}

export interface Stage<In, Out> {
  readonly name: string;
  /** Bumped whenever the stage's output for the same input can change: it is part of the segment key, so incremental state built by an older version is processed again. */
  readonly version: string;
  run(input: AsyncIterable<In>, context: StageContext): AsyncIterable<Out>;
}

/** Statistics the runner keeps per stage; written to `runs` and the manifest. */
export interface StageStats {
  name: string;
  version: string;
  /** Seconds spent inside the stage itself, upstream waiting excluded. */
  seconds: number;
  n_in: number;
  n_out: number;
  dropped: Record<string, number>;
  n_problems: number;
  skipped: boolean;
}
