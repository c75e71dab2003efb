import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ONE_THREAD, runCli, tempDir } from '../pipeline/cli-helpers.js';

const VENV = path.resolve('.venv');
const PYTHON_PACKAGES = ['duckdb', 'pandas', 'pyarrow', 'matplotlib', 'nbconvert', 'ipykernel'];
const NOTEBOOKS = readdirSync('notebooks').filter((f) => f.endsWith('.ipynb')).sort();

const execFileAsync = promisify(execFile);

/**
 * The notebooks' Python environment, as notebooks/README.md sets it up (made once, then reused).
 * Not synchronous: on a fresh clone the install (≈ 40 s on a quiet machine, longer under the
 * suite's load) blocked the test worker, and on a slow VM vitest failed the run on the worker's
 * unanswered progress calls ("Timeout calling onTaskUpdate").
 */
async function ensureVenv(): Promise<void> {
  if (existsSync(path.join(VENV, 'bin', 'jupyter'))) return;
  await execFileAsync('python3', ['-m', 'venv', VENV]);
  // Fail fast on unreachable package indexes: this machine resolves from local wheel indexes.
  await execFileAsync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', ...PYTHON_PACKAGES], { env: { ...process.env, PIP_RETRIES: '0', PIP_DEFAULT_TIMEOUT: '5' }, maxBuffer: 16 * 1024 * 1024 });
}

let output: string;

beforeAll(async () => {
  await ensureVenv();
  output = path.join(tempDir('notebooks'), 'out');
  expect(runCli([...ONE_THREAD, '--output', output, '--quiet']).status).toBe(0);
}, 600_000);

describe('notebooks/', () => {
  it('has the five analysis notebooks', () => {
    expect(NOTEBOOKS).toEqual(['01-load-tables.ipynb', '02-entities.ipynb', '03-timeline.ipynb', '04-claims.ipynb', '05-stories-duplicates.ipynb']);
  });

  it.each(NOTEBOOKS)('%s executes top to bottom on the seeds output without a cell error', (notebook) => {
    const result = spawnSync(
      path.join(VENV, 'bin', 'jupyter'),
      ['nbconvert', '--to', 'notebook', '--execute', '--output-dir', tempDir('executed'), path.join('notebooks', notebook)],
      { encoding: 'utf8', env: { ...process.env, NEWS_OUTPUT: output } },
    );
    expect(result.status, result.stderr.slice(-3000)).toBe(0);
  });

  it.each(NOTEBOOKS)('%s is committed with its seed outputs, so it reads well on a code host', (notebook) => {
    const cells = (JSON.parse(readFileSync(path.join('notebooks', notebook), 'utf8')) as { cells: { cell_type: string; outputs?: unknown[] }[] }).cells;
    const code = cells.filter((c) => c.cell_type === 'code');
    expect(code.every((c) => (c.outputs ?? []).length > 0)).toBe(true);
  });
});
