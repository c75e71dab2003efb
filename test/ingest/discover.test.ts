import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverInputs, globToRegExp } from '../../stages/ingest/discover.js';

async function tree(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'discover-'));
  await mkdir(path.join(root, 'a', 'b'), { recursive: true });
  await writeFile(path.join(root, 'top.txt'), 'x');
  await writeFile(path.join(root, 'a', 'one.jsonl'), 'x');
  await writeFile(path.join(root, 'a', 'b', 'two.txt'), 'x');
  return root;
}

describe('discoverInputs', () => {
  it('walks folders recursively in sorted order with paths relative to the folder', async () => {
    const root = await tree();
    const { files, missing } = await discoverInputs([root]);
    expect(files.map((f) => f.source_path)).toEqual(['a/b/two.txt', 'a/one.jsonl', 'top.txt']);
    expect(missing).toEqual([]);
  });

  it('expands globs relative to their fixed prefix', async () => {
    const root = await tree();
    const { files } = await discoverInputs([path.join(root, '**/*.txt')]);
    expect(files.map((f) => f.source_path)).toEqual(['a/b/two.txt', 'top.txt']);
  });

  it('reports missing paths and globs that match nothing', async () => {
    const root = await tree();
    const { missing } = await discoverInputs([path.join(root, 'nope'), path.join(root, '*.csv')]);
    expect(missing).toEqual([path.join(root, 'nope'), path.join(root, '*.csv')]);
  });

  it('survives a symlink loop and records it', async () => {
    const root = await tree();
    await symlink(root, path.join(root, 'a', 'loop'));
    const { files, problems } = await discoverInputs([root]);
    expect(files).toHaveLength(3);
    expect(problems.map((p) => p.code)).toEqual(['symlink-loop']);
  });
});

describe('globToRegExp', () => {
  it('handles *, **, ? and {a,b}', () => {
    expect(globToRegExp('/d/**/*.{txt,csv}').test('/d/x/y/z.csv')).toBe(true);
    expect(globToRegExp('/d/**/*.{txt,csv}').test('/d/z.txt')).toBe(true);
    expect(globToRegExp('/d/*.txt').test('/d/x/z.txt')).toBe(false);
    expect(globToRegExp('/d/?.txt').test('/d/a.txt')).toBe(true);
  });
});
