import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, runCli, tempDir, type CliResult } from './cli-helpers.js';

const GOOD = 'Headline of a good article\n\nThe talks between the two leaders lasted two hours on Tuesday, officials said.\n';

/** One input tree with every kind of bad file next to good ones: the run must finish and report each. */
let input: string;
let out: string;
let run: CliResult;

beforeAll(() => {
  input = tempDir('bad-input');
  out = path.join(tempDir('bad-output'), 'out');
  mkdirSync(path.join(input, 'nested', 'deeper'), { recursive: true });
  writeFileSync(path.join(input, 'good.txt'), GOOD);
  writeFileSync(path.join(input, 'nested', 'deeper', 'also good.txt'), GOOD.replace('two hours', 'three hours'));
  writeFileSync(path.join(input, 'empty.txt'), '');
  writeFileSync(path.join(input, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  writeFileSync(path.join(input, 'cp1252.txt'), Buffer.from('Caf\xe9 owners in Kyiv said prices rose \x93sharply\x94 this week.\n', 'latin1'));
  writeFileSync(path.join(input, 'records.jsonl'), '{"text":"First record about the summit in Geneva.","date":"2021-12-07"}\n{not json\n{"title":"no text"}\n');
  writeFileSync(path.join(input, 'no-text-column.csv'), 'title,author\nA,B\n');
  writeFileSync(path.join(input, 'broken.txt.gz'), 'this is not gzip');
  writeFileSync(path.join(input, 'packed.txt.gz'), gzipSync(Buffer.from(GOOD.replace('Tuesday', 'Wednesday'))));
  writeFileSync(path.join(input, 'notes.pdf'), '%PDF-1.4');
  symlinkSync(path.join(input, 'gone.txt'), path.join(input, 'dangling.txt'));
  run = runCli(['--input', input, '--output', out, '--log-format', 'json']);
});

describe('bad input is recorded, never fatal', () => {
  it('completes with exit code 0', () => {
    expect(run.status, run.stderr).toBe(0);
  });

  it('keeps every readable document, the Windows-1252 one decoded', async () => {
    const docs = await query(`SELECT source_path, encoding, text FROM '${out}/documents.parquet' ORDER BY source_path`);
    expect(docs.map((d) => [d['source_path'], d['encoding']])).toEqual([
      ['cp1252.txt', 'windows-1252'],
      ['good.txt', 'utf-8'],
      ['nested/deeper/also good.txt', 'utf-8'],
      ['packed.txt.gz', 'utf-8'],
      ['records.jsonl', 'utf-8'],
    ]);
    expect(docs[0]!['text']).toBe('Café owners in Kyiv said prices rose “sharply” this week.');
  });

  it('has one problem row per bad file or record, with a code and a message that says how to fix it', async () => {
    const problems = await query(`SELECT source_path, code, line, message FROM '${out}/problems.parquet'`);
    expect(problems.map((p) => [p['source_path'], p['code'], p['line']])).toEqual([
      ['binary.txt', 'binary-file', null],
      ['broken.txt.gz', 'corrupt-gzip', null],
      ['cp1252.txt', 'invalid-utf8', null],
      ['dangling.txt', 'unreadable-file', null],
      ['empty.txt', 'empty-file', null],
      ['no-text-column.csv', 'csv-no-text-column', 1],
      ['notes.pdf', 'unsupported-format', null],
      ['records.jsonl', 'malformed-jsonl', 2],
      ['records.jsonl', 'missing-text', 3],
    ]);
    for (const p of problems) expect(String(p['message']).length).toBeGreaterThan(30);
  });
});

describe('run-level failures', () => {
  it('exits 2 with one line for a missing input path', () => {
    const result = runCli(['--input', 'does/not/exist', '--output', path.join(tempDir('x'), 'out')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/"does\/not\/exist" not found/);
  });

  it('exits 2 for an unknown option or stage', () => {
    expect(runCli(['--bogus']).status).toBe(2);
    expect(runCli(['--skip', 'clean']).stderr).toMatch(/clean cannot be skipped/);
    expect(runCli(['--only', 'nope']).status).toBe(2);
  });

  it('exits 1 for an empty folder and leaves the previous output untouched', () => {
    const target = path.join(tempDir('keep'), 'out');
    expect(runCli(['--input', 'seeds', '--output', target, '--quiet']).status).toBe(0);
    const before = readFileSync(path.join(target, 'documents.parquet'));
    const empty = tempDir('empty');
    const result = runCli(['--input', empty, '--output', target, '--log-format', 'pretty']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no readable document/);
    expect(readFileSync(path.join(target, 'documents.parquet')).equals(before)).toBe(true);
  });

  it('exits 1 when the output cannot be written', () => {
    const parent = tempDir('file-parent');
    writeFileSync(path.join(parent, 'a-file'), 'x');
    const result = runCli(['--input', 'seeds', '--output', path.join(parent, 'a-file', 'out'), '--log-format', 'pretty']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/writable folder/);
  });

  it('refuses to replace a folder it did not write', () => {
    const foreign = tempDir('foreign');
    cpSync('seeds', foreign, { recursive: true });
    const result = runCli(['--input', 'seeds', '--output', foreign, '--log-format', 'pretty']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/did not write/);
    expect(existsSync(path.join(foreign, '000_3f5ed36b88a2d749.txt'))).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission (skipped as root, who can read anything)', async () => {
    const dir = tempDir('perm');
    writeFileSync(path.join(dir, 'ok.txt'), GOOD);
    writeFileSync(path.join(dir, 'locked.txt'), GOOD);
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    const target = path.join(tempDir('perm-out'), 'out');
    expect(runCli(['--input', dir, '--output', target, '--quiet']).status).toBe(0);
    const problems = await query(`SELECT code FROM '${target}/problems.parquet'`);
    expect(problems).toEqual([{ code: 'permission-denied' }]);
  });
});
