import { appendFileSync, cpSync, existsSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shardOf, stateFolder } from '../../pipeline/state.js';
import { ONE_THREAD, differingTables, runCliAsync, tempDir } from './cli-helpers.js';

/**
 * Sharded and incremental runs must publish the same tables as one plain run over the same input
 * (every table but `runs`, byte for byte).
 */
const FAST = [...ONE_THREAD, '--log-format', 'json'];

async function run(args: string[]): Promise<void> {
  const result = await runCliAsync([...args, ...FAST]);
  if (result.status !== 0) throw new Error(`pipeline ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
}


function manifest(output: string): { n_segments: number; n_segments_built: number; n_documents: number; stages: { name: string; n_in: number }[] } {
  return JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8'));
}

/** A plain run over `input` into a fresh folder: the reference every other mode must equal. */
async function reference(input: string): Promise<string> {
  const output = path.join(tempDir('reference'), 'out');
  await run(['--input', input, '--output', output]);
  return output;
}

describe('sharded runs', () => {
  let root: string;
  let single: string;
  beforeAll(async () => {
    root = tempDir('shards');
    single = await reference('seeds');
  }, 120_000);

  it('assigns each file to one shard by a hash of its path', () => {
    expect(shardOf('000_3f5ed36b88a2d749.txt', 3)).toBe(shardOf('000_3f5ed36b88a2d749.txt', 3));
    const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt'));
    const shards = seeds.map((f) => shardOf(f, 3));
    expect(shards.every((k) => k >= 1 && k <= 3)).toBe(true);
    expect(new Set(shards).size).toBeGreaterThan(1);
  });

  it('publishes nothing until --finalize, then the same tables as one run', async () => {
    const output = path.join(root, 'out');
    for (const k of [1, 2, 3]) await run(['--input', 'seeds', '--output', output, '--shard', `${k}/3`]);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(path.join(stateFolder(output), 'shards')).sort()).toEqual(['1-of-3', '2-of-3', '3-of-3']);
    await run(['--output', output, '--finalize']);
    expect(differingTables(single, output)).toEqual([]);
    expect(manifest(output).n_documents).toBe(5);
  }, 180_000);

  it('refuses to finalize an incomplete set of shards, naming the missing one', async () => {
    const output = path.join(root, 'partial');
    await run(['--input', 'seeds', '--output', output, '--shard', '1/2']);
    const result = await runCliAsync(['--output', output, '--finalize', ...FAST]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('shard 2 of 2 is missing or incomplete');
    expect(existsSync(output)).toBe(false);
  }, 120_000);

  it('rejects malformed shard specs and mixed modes as usage errors', async () => {
    for (const args of [['--shard', '0/3'], ['--shard', '4/3'], ['--shard', 'two'], ['--shard', '1/2', '--incremental'], ['--finalize', '--input', 'seeds']]) {
      const result = await runCliAsync([...args, '--output', path.join(root, 'usage')]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^usage error: /);
    }
  });
});

describe('incremental runs', () => {
  let input: string;
  let output: string;
  beforeAll(() => {
    input = tempDir('incremental-input');
    output = path.join(tempDir('incremental'), 'out');
    for (const f of readdirSync('seeds').filter((name) => /^00[012]_/.test(name))) cpSync(path.join('seeds', f), path.join(input, f));
  });

  it('follows a growing, changing input and always equals a full run over it', async () => {
    await run(['--input', input, '--output', output, '--incremental']);
    expect(differingTables(await reference(input), output)).toEqual([]);

    // New files: one more segment, deduplicated and aggregated together with the earlier ones.
    for (const f of readdirSync('seeds').filter((name) => /^00[34]_/.test(name))) cpSync(path.join('seeds', f), path.join(input, f));
    await run(['--input', input, '--output', output, '--incremental']);
    expect(manifest(output)).toMatchObject({ n_segments: 2, n_segments_built: 1, n_documents: 5 });
    expect(differingTables(await reference(input), output)).toEqual([]);

    // Nothing changed: no per-document work, identical tables.
    const before = path.join(tempDir('incremental-before'), 'out');
    cpSync(output, before, { recursive: true });
    await run(['--input', input, '--output', output, '--incremental']);
    expect(manifest(output)).toMatchObject({ n_segments: 2, n_segments_built: 0 });
    expect(manifest(output).stages.find((s) => s.name === 'ingest')?.n_in).toBe(0);
    expect(differingTables(before, output)).toEqual([]);

    // Touched, same bytes: the SHA-256 ingest recorded when it read the file says it is unchanged.
    const touched = path.join(input, readdirSync(input).sort()[1]!);
    utimesSync(touched, new Date(), new Date(Date.now() + 60_000));
    await run(['--input', input, '--output', output, '--incremental']);
    expect(manifest(output)).toMatchObject({ n_segments: 2, n_segments_built: 0 });

    // A changed file replaces its earlier version; a deleted file leaves the tables.
    const [first, , , , last] = readdirSync(input).sort();
    appendFileSync(path.join(input, first!), 'Officials added on Friday that 12,000 more troops had arrived near the border.\n');
    rmSync(path.join(input, last!));
    await run(['--input', input, '--output', output, '--incremental']);
    expect(manifest(output)).toMatchObject({ n_segments: 3, n_segments_built: 1, n_documents: 4 });
    expect(differingTables(await reference(input), output)).toEqual([]);
  }, 300_000);

  it('starts over when the settings change, and says why', async () => {
    const config = path.join(tempDir('incremental-config'), 'config.json');
    writeFileSync(config, JSON.stringify({ clean: { disabledRules: ['share-bar'] } }));
    const result = await runCliAsync(['--input', input, '--output', output, '--incremental', '--config', config, ...FAST]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('the settings or the pipeline version changed');
    expect(manifest(output)).toMatchObject({ n_segments: 1, n_segments_built: 1 });
    expect(readdirSync(path.join(stateFolder(output), 'segments'))).toHaveLength(1);
  }, 120_000);
});
