import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockOutput, OutputError } from '../../pipeline/output-folder.js';
import { tempDir } from './cli-helpers.js';

describe('lockOutput', () => {
  it('lets one run hold an output folder and names the holder to a second run', async () => {
    const output = path.join(tempDir('lock'), 'out');
    const release = await lockOutput(output, 'first');
    await expect(lockOutput(output, 'second')).rejects.toThrow(new RegExp(`pid ${process.pid}, run first`));
    await expect(lockOutput(output, 'second')).rejects.toBeInstanceOf(OutputError);
    await release();
    const again = await lockOutput(output, 'third');
    await again();
  });

  it('takes over a stale lock left by a killed run', async () => {
    const output = path.join(tempDir('stale'), 'out');
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    const lock = path.join(path.dirname(output), '.out.lock');
    writeFileSync(lock, JSON.stringify({ pid: deadPid, run_id: 'killed', started_at: '2026-01-01T00:00:00Z' }));
    const release = await lockOutput(output, 'next');
    expect(JSON.parse(readFileSync(lock, 'utf8')).run_id).toBe('next');
    await release();
    expect(existsSync(lock)).toBe(false);
  });
});
