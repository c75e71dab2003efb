import { describe, expect, it } from 'vitest';
import { StageRunner } from '../../pipeline/runner.js';
import type { Stage } from '../../pipeline/stage.js';

async function* numbers(n: number) {
  for (let i = 1; i <= n; i++) yield i;
}

const keepEven: Stage<number, number> = {
  name: 'even',
  version: '2.0.0',
  async *run(input, context) {
    for await (const n of input) {
      if (n % 2 === 0) yield n;
      else {
        context.drop('odd');
        if (n === 3) context.problem({ source_path: 'x.txt', doc_id: null, code: 'three', message: 'saw 3', line: 3 });
      }
    }
  },
};

const double: Stage<number, number> = {
  name: 'double',
  version: '1.0.0',
  async *run(input) {
    for await (const n of input) yield n * 2;
  },
};

describe('StageRunner', () => {
  it('counts records in, out and dropped by reason per stage, and collects problems with their stage', async () => {
    const runner = new StageRunner();
    const out: number[] = [];
    for await (const n of runner.pipe(double, runner.pipe(keepEven, numbers(5)))) out.push(n);
    expect(out).toEqual([4, 8]);
    expect(runner.stats.map(({ seconds: _s, ...rest }) => rest)).toEqual([
      { name: 'even', version: '2.0.0', n_in: 5, n_out: 2, dropped: { odd: 3 }, n_problems: 1, skipped: false },
      { name: 'double', version: '1.0.0', n_in: 2, n_out: 2, dropped: {}, n_problems: 0, skipped: false },
    ]);
    expect(runner.problems).toEqual([{ source_path: 'x.txt', doc_id: null, stage: 'even', code: 'three', message: 'saw 3', line: 3 }]);
  });

  it('charges a stage only for its own time, not for waiting on upstream', async () => {
    const slow: Stage<number, number> = {
      name: 'slow',
      version: '1',
      async *run(input) {
        for await (const n of input) {
          const until = performance.now() + 30;
          while (performance.now() < until);
          yield n;
        }
      },
    };
    const runner = new StageRunner();
    for await (const _ of runner.pipe(double, runner.pipe(slow, numbers(3))));
    const [slowStats, doubleStats] = runner.stats;
    expect(slowStats!.seconds).toBeGreaterThan(0.08);
    expect(doubleStats!.seconds).toBeLessThan(0.03);
  });

  it('records skipped stages', () => {
    const runner = new StageRunner();
    runner.skip({ name: 'extract', version: '1.0.0' });
    expect(runner.stats[0]).toMatchObject({ name: 'extract', skipped: true, n_in: 0 });
  });
});
