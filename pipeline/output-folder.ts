import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** File that marks a folder as written by the pipeline (and holds the run record). */
export const MANIFEST = 'manifest.json';

export class OutputError extends Error {}

/**
 * Atomic output: a run writes into a hidden sibling folder `.<name>.tmp-<pid>-<run>` and
 * renames it into place only when every table is complete, so a failed or killed run leaves
 * the previous output untouched. The swap is two renames (old aside, new in); the old folder is
 * then deleted.
 */
export async function createTempOutput(output: string, runId: string): Promise<string> {
  const resolved = path.resolve(output);
  await refuseForeignFolder(resolved);
  const parent = path.dirname(resolved);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new OutputError(`cannot create ${parent} (${(error as NodeJS.ErrnoException).code}); choose an --output in a writable folder.`);
  }
  await removeStaleTempFolders(parent, path.basename(resolved));
  const temp = path.join(parent, `.${path.basename(resolved)}.tmp-${process.pid}-${runId}`);
  try {
    await mkdir(temp);
  } catch (error) {
    throw new OutputError(`cannot write in ${parent} (${(error as NodeJS.ErrnoException).code}); choose an --output in a writable folder or fix its permissions.`);
  }
  return temp;
}

export async function publishOutput(temp: string, output: string): Promise<void> {
  const resolved = path.resolve(output);
  const aside = `${temp}.previous`;
  const hadOutput = await exists(resolved);
  if (hadOutput) await rename(resolved, aside);
  await rename(temp, resolved);
  if (hadOutput) await rm(aside, { recursive: true, force: true });
}

export async function discardTempOutput(temp: string): Promise<void> {
  await rm(temp, { recursive: true, force: true });
}

/** Never replace a folder the pipeline did not write (`--output .` must not delete a project). */
async function refuseForeignFolder(output: string): Promise<void> {
  const info = await stat(output).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) throw new OutputError(`--output ${output} is a file; give a folder path.`);
  const entries = (await readdir(output)).filter((name) => name !== 'README.md' && name !== '.gitkeep');
  if (entries.length > 0 && !entries.includes(MANIFEST)) {
    throw new OutputError(`--output ${output} holds files the pipeline did not write (no ${MANIFEST}); choose an empty or new folder.`);
  }
}

/** Temp folders left by killed runs (their process is gone) are removed. */
async function removeStaleTempFolders(parent: string, base: string): Promise<void> {
  const prefix = `.${base}.tmp-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && !isAlive(pid)) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null;
}

/**
 * One run per output folder: a lock file `.<name>.lock` beside the output holds the owner's pid
 * and start time. A second run exits with a message naming the holder; a lock whose process is
 * gone (a killed run) is stale and taken over. Returns the function that releases the lock.
 */
export async function lockOutput(output: string, runId: string): Promise<() => Promise<void>> {
  const resolved = path.resolve(output);
  const lock = path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
  await mkdir(path.dirname(resolved), { recursive: true }).catch(() => undefined);
  const content = JSON.stringify({ pid: process.pid, run_id: runId, started_at: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(content);
      await handle.close();
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new OutputError(`cannot create the lock ${lock} (${(error as NodeJS.ErrnoException).code}); choose an --output in a writable folder.`);
      }
      const holder = await readHolder(lock);
      if (holder !== null && isAlive(holder.pid)) {
        throw new OutputError(`another run (pid ${holder.pid}, run ${holder.run_id}, started ${holder.started_at}) is writing ${resolved}; wait for it to finish or choose another --output.`);
      }
      await rm(lock, { force: true });
    }
  }
  throw new OutputError(`could not take the lock ${lock}: another run took it at the same moment; try again.`);
}

async function readHolder(lock: string): Promise<{ pid: number; run_id: string; started_at: string } | null> {
  try {
    return JSON.parse(await readFile(lock, 'utf8')) as { pid: number; run_id: string; started_at: string };
  } catch {
    // Unreadable or half-written by a process killed while writing it: treat as stale.
    return null;
  }
}
