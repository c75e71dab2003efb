import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_TABLES } from '../../pipeline/tables.js';
import { ONE_THREAD, query, runCli, tempDir, type CliResult } from './cli-helpers.js';

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
    expect(runCli([...ONE_THREAD, '--input', input, '--output', output, '--quiet', '--format', 'parquet']).status).toBe(0);
    const clean = tableBytes(output);

    const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', '--input', input, '--output', output, '--quiet', '--format', 'parquet']);
    // Kill once the run has started writing its temporary folder, i.e. mid-run.
    const started = Date.now();
    while (!readdirSync(parent).some((name) => name.startsWith('.out.tmp-')) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    expect(tableBytes(output)).toEqual(clean);
    expect(runCli([...ONE_THREAD, '--input', input, '--output', output, '--quiet', '--format', 'parquet']).status).toBe(0);
    expect(tableBytes(output)).toEqual(clean);
    expect(readdirSync(parent).filter((name) => name.startsWith('.out.'))).toEqual([]);
  });
});

/**
 * Runs the CLI with a module preloaded (`node --import`) that changes node:fs for one fault, so
 * faults are injected deterministically, at an exact point, and no production code knows about tests.
 */
function runCliWithFault(faultModule: string, args: string[]): CliResult {
  const hook = path.join(tempDir('fault-hook'), 'hook.mjs');
  writeFileSync(hook, `import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\n${faultModule}\nsyncBuiltinESMExports();\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(hook).href, 'pipeline/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its bytes. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(folder, f)).isFile()).sort();
  return new Map(files.map((f) => [f, readFileSync(path.join(folder, f))]));
}

const ARTICLE = 'Headline\n\nOfficials said the talks in Geneva lasted two hours on Tuesday and would resume in March.\n';

describe('a file deleted between discovery and reading', () => {
  it('is a file-vanished problem and the run completes', async () => {
    const input = tempDir('vanish');
    writeFileSync(path.join(input, 'kept.txt'), ARTICLE);
    writeFileSync(path.join(input, 'vanishing.txt'), ARTICLE.replace('Tuesday', 'Monday'));
    writeFileSync(path.join(input, 'vanishing.warc'), 'WARC/1.0\r\n');
    const victims = ['vanishing.txt', 'vanishing.warc'].map((f) => path.join(input, f));
    // Discovery has listed and stat-ed the files; each is deleted right before ingest opens it.
    const fault = `const victims = ${JSON.stringify(victims)};
const { readFileSync } = fs;
const { open } = fs.promises;
const vanish = (file) => { if (victims.includes(String(file))) fs.rmSync(String(file)); };
fs.readFileSync = (file, ...rest) => { vanish(file); return readFileSync(file, ...rest); };
fs.promises.open = async (file, ...rest) => { vanish(file); return open(file, ...rest); };`;
    const output = path.join(tempDir('vanish-out'), 'out');
    const result = runCliWithFault(fault, [...ONE_THREAD, '--input', input, '--output', output, '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    expect(await query(`SELECT source_path FROM '${output}/documents.parquet'`)).toEqual([{ source_path: 'kept.txt' }]);
    const problems = await query(`SELECT source_path, code, message FROM '${output}/problems.parquet' ORDER BY source_path`);
    expect(problems).toEqual(
      victims.map((victim) => ({
        source_path: path.basename(victim),
        code: 'file-vanished',
        message: `cannot read ${victim} (ENOENT); it was deleted or moved after the run listed the input; the next run picks up the folder as it is then.`,
      })),
    );
  });
});

describe('a file the pipeline may not read', () => {
  // Root reads any file whatever its mode (CI runs as root), so the denial is injected at open.
  it('is a permission-denied problem naming the file and the fix, and the run completes', async () => {
    const input = tempDir('denied');
    writeFileSync(path.join(input, 'kept.txt'), ARTICLE);
    writeFileSync(path.join(input, 'locked.txt'), ARTICLE.replace('Tuesday', 'Monday'));
    const locked = path.join(input, 'locked.txt');
    const fault = `const locked = ${JSON.stringify(locked)};
const denied = () => Object.assign(new Error(\`EACCES: permission denied, open '\${locked}'\`), { code: 'EACCES', errno: -13, syscall: 'open', path: locked });
const { readFileSync } = fs;
const { open } = fs.promises;
fs.readFileSync = (file, ...rest) => { if (String(file) === locked) throw denied(); return readFileSync(file, ...rest); };
fs.promises.open = async (file, ...rest) => { if (String(file) === locked) throw denied(); return open(file, ...rest); };`;
    const output = path.join(tempDir('denied-out'), 'out');
    const result = runCliWithFault(fault, [...ONE_THREAD, '--input', input, '--output', output, '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    expect(await query(`SELECT source_path FROM '${output}/documents.parquet'`)).toEqual([{ source_path: 'kept.txt' }]);
    expect(await query(`SELECT source_path, code, message FROM '${output}/problems.parquet'`)).toEqual([
      { source_path: 'locked.txt', code: 'permission-denied', message: `cannot read ${locked} (EACCES); give the pipeline read permission (chmod o+r, or run as its owner) or remove it from the input.` },
    ]);
  });
});

describe('output volume full', () => {
  it('fails the run with exit 1 and a clear message, leaving the previous output byte for byte', () => {
    const input = tempDir('full-input');
    writeFileSync(path.join(input, 'a.txt'), ARTICLE);
    const parent = tempDir('full-output');
    const output = path.join(parent, 'out');
    expect(runCli([...ONE_THREAD, '--input', input, '--output', output, '--quiet']).status).toBe(0);
    const before = snapshot(output);
    // Every write into the run's temporary folder (a sibling of the output) fails as on a full disk.
    const fault = `const inTemp = (file) => String(file).includes(${JSON.stringify(path.join(parent, '.out.'))});
const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
const tempFds = new Set();
const { open, write, writev } = fs;
fs.open = (file, ...rest) => { const done = rest.pop(); open(file, ...rest, (error, fd) => { if (!error && inTemp(file)) tempFds.add(fd); done(error, fd); }); };
fs.write = (fd, ...rest) => (tempFds.has(fd) ? process.nextTick(rest.pop(), full()) : write(fd, ...rest));
fs.writev = (fd, ...rest) => (tempFds.has(fd) ? process.nextTick(rest.pop(), full()) : writev(fd, ...rest));
const { writeFile } = fs.promises;
fs.promises.writeFile = async (file, ...rest) => { if (inTemp(file)) throw full(); return writeFile(file, ...rest); };`;
    const result = runCliWithFault(fault, [...ONE_THREAD, '--input', input, '--output', output, '--log-format', 'json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the output volume is full \(ENOSPC: no space left on device/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatch(/previous output, if any, is untouched/);
    expect(snapshot(output)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
