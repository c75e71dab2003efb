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

  /** Registers a stage whose work runs elsewhere (pipeline/workers/); its figures come in through `merge`. */
  register(stage: { name: string; version: string }, skipped = false): void {
    this.stats.push(emptyStats(stage, skipped));
  }

  /**
   * Adds statistics and problems measured elsewhere (a batch in a worker thread) to this runner's,
   * by stage name: counts, drops and seconds are summed, so a stage's seconds are the time spent in
   * it summed over workers. Calls the progress callback once per merged stage.
   */
  merge(stats: readonly StageStats[], problems: readonly Problem[]): void {
    for (const incoming of stats) {
      let own = this.stats.find((s) => s.name === incoming.name);
      if (!own) {
        own = emptyStats(incoming, incoming.skipped);
        this.stats.push(own);
      }
      own.seconds += incoming.seconds;
      own.n_in += incoming.n_in;
      own.n_out += incoming.n_out;
      own.n_problems += incoming.n_problems;
      for (const [reason, n] of Object.entries(incoming.dropped)) own.dropped[reason] = (own.dropped[reason] ?? 0) + n;
      this.onRecord?.(own.name, own);
    }
    this.problems.push(...problems);
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
