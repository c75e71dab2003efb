import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { query, runCli, tempDir } from './cli-helpers.js';

describe('stage and format options', () => {
  it('--skip extract,aggregate writes their tables empty and records the stages as skipped', async () => {
    const out = path.join(tempDir('skip'), 'out');
    expect(runCli(['--skip', 'extract,aggregate', '--output', out, '--quiet']).status).toBe(0);
    const counts = await query(`SELECT (SELECT count(*) FROM '${out}/mentions.parquet') AS mentions, (SELECT count(*) FROM '${out}/claims.parquet') AS claims, (SELECT count(*) FROM '${out}/documents.parquet') AS documents`);
    expect(counts[0]).toEqual({ mentions: '0', claims: '0', documents: '5' });
    const stages = await query(`SELECT s.name, s.skipped FROM (SELECT unnest(stages) AS s FROM '${out}/runs.parquet')`);
    expect(stages.filter((s) => s['skipped']).map((s) => s['name'])).toEqual(['extract', 'aggregate']);
  });

  it('--only extract skips dedupe: groups are null', async () => {
    const out = path.join(tempDir('only'), 'out');
    expect(runCli(['--only', 'extract', '--output', out, '--quiet']).status).toBe(0);
    const docs = await query(`SELECT count(*) FILTER (WHERE dup_group_id IS NULL AND is_canonical IS NULL) AS ungrouped FROM '${out}/documents.parquet'`);
    expect(docs[0]).toEqual({ ungrouped: '5' });
  });

  it('--format csv writes only CSV', () => {
    const out = path.join(tempDir('csv'), 'out');
    expect(runCli(['--format', 'csv', '--output', out, '--quiet']).status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.parquet'))).toEqual([]);
    expect(readdirSync(out)).toContain('claims.csv');
  });

  it('--config sets options from JSON and rejects unknown settings with exit 2', () => {
    const dir = tempDir('config');
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ clean: { disabledRules: ['byline'] }, formats: ['parquet'] }));
    const out = path.join(dir, 'out');
    expect(runCli(['--config', good, '--output', out, '--quiet']).status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.csv'))).toEqual([]);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ colour: 'blue' }));
    const result = runCli(['--config', bad]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown setting colour/);
  });

  it('--help prints the options and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const option of ['--input', '--output', '--format', '--concurrency', '--only', '--skip', '--log-format', '--quiet']) expect(result.stdout).toContain(option);
  });
});
