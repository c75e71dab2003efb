import { statSync, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file found under one of the `--input` arguments. */
export interface InputFile {
  absolute_path: string;
  /** Path relative to the input root ('/'-separated): the folder given, a glob's fixed prefix, or a file's folder. */
  source_path: string;
  bytes: number;
  /** Modification time in ms since the epoch (incremental runs compare it to tell a file changed). */
  mtime_ms: number;
}

export interface DiscoveryProblem {
  source_path: string;
  code: string;
  message: string;
}

export interface Discovery {
  files: InputFile[];
  problems: DiscoveryProblem[];
  /** Paths that do not exist and globs that matched nothing: a usage error for the CLI. */
  missing: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands files, folders (recursively) and glob patterns into a sorted, de-duplicated file list.
 * Unreadable folders and symlink loops become problems; the walk continues.
 */
export async function discoverInputs(inputs: string[]): Promise<Discovery> {
  const found = new Map<string, InputFile>();
  const problems: DiscoveryProblem[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    if (GLOB_CHARS.test(input)) {
      const root = globRoot(input);
      const pattern = globToRegExp(path.resolve(input));
      const before = found.size + problems.length;
      await walk(root, root, found, problems, (file) => pattern.test(file));
      if (found.size + problems.length === before) missing.push(input);
    } else {
      const info = await stat(input).catch(() => null);
      if (info === null) {
        missing.push(input);
        continue;
      }
      if (info.isDirectory()) await walk(path.resolve(input), path.resolve(input), found, problems, () => true);
      else addFile(path.resolve(input), path.dirname(path.resolve(input)), found, problems);
    }
  }
  const files = [...found.values()].sort((a, b) => compare(a.source_path, b.source_path) || compare(a.absolute_path, b.absolute_path));
  return { files, problems, missing };
}

async function walk(
  root: string,
  dir: string,
  found: Map<string, InputFile>,
  problems: DiscoveryProblem[],
  accept: (absolutePath: string) => boolean,
  visited = new Set<string>(),
): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  if (visited.has(real)) {
    problems.push({ source_path: relative(root, dir), code: 'symlink-loop', message: `${dir} links back to a folder already read; skipped it. Remove the link or point --input below it.` });
    return;
  }
  visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ source_path: relative(root, dir), code: 'unreadable-folder', message: `cannot list ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}); fix its permissions or leave it out of --input.` });
    return;
  }
  entries.sort((a, b) => compare(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) isDir = (await stat(full).catch(() => null))?.isDirectory() ?? false;
    if (isDir) await walk(root, full, found, problems, accept, visited);
    else if (accept(full)) addFile(full, root, found, problems);
  }
  visited.delete(real);
}

function addFile(file: string, root: string, found: Map<string, InputFile>, problems: DiscoveryProblem[]): void {
  if (found.has(file)) return;
  const info = statOrError(file);
  if (info instanceof Error) {
    problems.push({ source_path: relative(root, file), code: 'unreadable-file', message: `cannot read ${file} (${info.code ?? info.message}); it may be a broken link or was deleted.` });
    return;
  }
  if (!info.isFile()) return;
  found.set(file, { absolute_path: file, source_path: relative(root, file), bytes: info.size, mtime_ms: Math.trunc(info.mtimeMs) });
}

/**
 * Synchronous on purpose: nothing else runs while the input is listed, and an awaited `stat` per
 * file is a promise round trip through the thread pool. Listing the 391,285 files of the 1,000 MB
 * corpus took 13–22 s that way, 3–4.5 s with `statSync`.
 */
function statOrError(file: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(file);
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

function relative(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

/** The folder a glob's matches are relative to: its longest prefix without glob characters. */
export function globRoot(pattern: string): string {
  const parts = path.resolve(pattern).split(path.sep);
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  return fixed.join(path.sep) || path.sep;
}

/** Translates a glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) into an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) out += '\\[';
      else {
        out += '[' + glob.slice(i + 1, close).replace(/^!/, '^') + ']';
        i = close;
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += '(?:' + glob.slice(i + 1, close).split(',').map(escapeRegExp).join('|') + ')';
        i = close;
      }
    } else out += escapeRegExp(c);
  }
  return new RegExp('^' + out + '$');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
