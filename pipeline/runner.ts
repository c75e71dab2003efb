import type { Problem, Stage, StageContext, StageStats } from './stage.js';

/**
 * Chains stages into one stream and instruments each link: records in and out, drops by reason,
 * problems, and the time spent inside the stage. Stage time is measured as the time the stage's
 * iterator takes to produce a record minus the time it spent waiting for its own input, so
 * upstream work is not charged twice.
 */
export class StageRunner {
  readonly stats: StageStats[] = [];
  readonly problems: Problem[] = [];

  constructor(private readonly onRecord?: (stage: string, stats: StageStats) => void) {}

  /** Records a problem raised outside any stage (e.g. while discovering inputs). */
  problem(stage: string, problem: Omit<Problem, 'stage'>): void {
    this.problems.push({ ...problem, stage });
    const stats = this.stats.find((s) => s.name === stage);
    if (stats) stats.n_problems++;
  }

  /** Registers a stage that the configuration switched off, so the run record shows it. */
  skip(stage: { name: string; version: string }): void {
    this.stats.push(emptyStats(stage, true));
  }

  /** Times a global (whole-corpus) step that is not a stream transform. */
  async global<T>(stage: { name: string; version: string }, nIn: number, step: () => Promise<T> | T, countOut: (result: T) => number): Promise<T> {
    const stats = emptyStats(stage, false);
    this.stats.push(stats);
    const started = performance.now();
    const result = await step();
    stats.seconds = (performance.now() - started) / 1000;
    stats.n_in = nIn;
    stats.n_out = countOut(result);
    return result;
  }

  pipe<In, Out>(stage: Stage<In, Out>, input: AsyncIterable<In>): AsyncIterable<Out> {
    const stats = emptyStats(stage, false);
    this.stats.push(stats);
    const context: StageContext = {
      problem: (problem) => {
        this.problems.push({ ...problem, stage: stage.name });
        stats.n_problems++;
      },
      drop: (reason) => {
        stats.dropped[reason] = (stats.dropped[reason] ?? 0) + 1;
      },
    };
    let upstreamMs = 0;
    const counted = (async function* () {
      const iterator = input[Symbol.asyncIterator]();
      for (;;) {
        const waitStart = performance.now();
        const next = await iterator.next();
        upstreamMs += performance.now() - waitStart;
        if (next.done) return;
        stats.n_in++;
        yield next.value;
      }
    })();
    const output = stage.run(counted, context);
    const onRecord = this.onRecord;
    return (async function* () {
      const iterator = output[Symbol.asyncIterator]();
      for (;;) {
        const upstreamBefore = upstreamMs;
        const started = performance.now();
        const next = await iterator.next();
        stats.seconds += (performance.now() - started - (upstreamMs - upstreamBefore)) / 1000;
        if (next.done) return;
        stats.n_out++;
        onRecord?.(stage.name, stats);
        yield next.value;
      }
    })();
  }
}

function emptyStats(stage: { name: string; version: string }, skipped: boolean): StageStats {
  return { name: stage.name, version: stage.version, seconds: 0, n_in: 0, n_out: 0, dropped: {}, n_problems: 0, skipped };
}
