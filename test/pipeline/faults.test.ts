import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_TABLES } from '../../pipeline/tables.js';
import { runCli, tempDir } from './cli-helpers.js';

/** A corpus big enough that a run lasts a few seconds: variants of the seeds. */
function corpus(): string {
  const folder = tempDir('faults-input');
  const seeds = readdirSync('seeds').map((f) => readFileSync(path.join('seeds', f), 'utf8'));
  for (let i = 0; i < 300; i++) {
    mkdirSync(path.join(folder, String(i % 10)), { recursive: true });
    writeFileSync(path.join(folder, String(i % 10), `${i}.txt`), `${seeds[i % seeds.length]}\n\nVariant ${i}: officials said ${i * 7} more troops arrived.\n`);
  }
  return folder;
}

function tableBytes(output: string): Map<string, Buffer> {
  return new Map(PUBLISHED_TABLES.filter((t) => t.name !== 'runs').map((t) => [t.name, readFileSync(path.join(output, `${t.name}.parquet`))]));
}

describe('kill -9 mid-run', () => {
  it('leaves the previous output intact, and the next run completes and equals a clean run', async () => {
    const input = corpus();
    const parent = tempDir('faults-output');
    const output = path.join(parent, 'out');
    expect(runCli(['--input', input, '--output', output, '--quiet', '--format', 'parquet']).status).toBe(0);
    const clean = tableBytes(output);

    const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', '--input', input, '--output', output, '--quiet', '--format', 'parquet']);
    // Kill once the run has started writing its temporary folder, i.e. mid-run.
    const started = Date.now();
    while (!readdirSync(parent).some((name) => name.startsWith('.out.tmp-')) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    expect(tableBytes(output)).toEqual(clean);
    expect(runCli(['--input', input, '--output', output, '--quiet', '--format', 'parquet']).status).toBe(0);
    expect(tableBytes(output)).toEqual(clean);
    expect(readdirSync(parent).filter((name) => name.startsWith('.out.'))).toEqual([]);
  });
});
