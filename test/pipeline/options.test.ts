import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_TABLES } from '../../pipeline/tables.js';
import { ONE_THREAD, query, runCli, tempDir } from './cli-helpers.js';

describe('stage and format options', () => {
  it('--skip extract,aggregate writes their tables empty and records the stages as skipped', async () => {
    const out = path.join(tempDir('skip'), 'out');
    expect(runCli([...ONE_THREAD, '--skip', 'extract,aggregate', '--output', out, '--quiet']).status).toBe(0);
    const counts = await query(`SELECT (SELECT count(*) FROM '${out}/mentions.parquet') AS mentions, (SELECT count(*) FROM '${out}/claims.parquet') AS claims, (SELECT count(*) FROM '${out}/documents.parquet') AS documents`);
    expect(counts[0]).toEqual({ mentions: '0', claims: '0', documents: '5' });
    const stages = await query(`SELECT s.name, s.skipped FROM (SELECT unnest(stages) AS s FROM '${out}/runs.parquet')`);
    expect(stages.filter((s) => s['skipped']).map((s) => s['name'])).toEqual(['extract', 'aggregate']);
  });

  it('--only extract skips dedupe: groups are null', async () => {
    const out = path.join(tempDir('only'), 'out');
    expect(runCli([...ONE_THREAD, '--only', 'extract', '--output', out, '--quiet']).status).toBe(0);
    const docs = await query(`SELECT count(*) FILTER (WHERE dup_group_id IS NULL AND is_canonical IS NULL) AS ungrouped FROM '${out}/documents.parquet'`);
    expect(docs[0]).toEqual({ ungrouped: '5' });
  });

  it('--format csv writes only CSV', () => {
    const out = path.join(tempDir('csv'), 'out');
    expect(runCli([...ONE_THREAD, '--format', 'csv', '--output', out, '--quiet']).status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.parquet'))).toEqual([]);
    expect(readdirSync(out)).toContain('claims.csv');
  });

  it('--config sets options from JSON and rejects unknown settings with exit 2', () => {
    const dir = tempDir('config');
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ clean: { disabledRules: ['byline'] }, formats: ['parquet'] }));
    const out = path.join(dir, 'out');
    expect(runCli([...ONE_THREAD, '--config', good, '--output', out, '--quiet']).status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.csv'))).toEqual([]);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ colour: 'blue' }));
    const result = runCli(['--config', bad]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown setting colour/);
    writeFileSync(bad, JSON.stringify({ partitionByMonth: 'yes' }));
    const wrongType = runCli(['--config', bad]);
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toMatch(/partitionByMonth in --config must be true or false, got "yes"/);
  });

  it('--partition-by-month writes the by-document tables as Hive partitions holding the same rows', async () => {
    const dir = tempDir('partition');
    const plain = path.join(dir, 'plain');
    const partitioned = path.join(dir, 'partitioned');
    // Extraction skipped: its tables are empty, so they have no month to write and need their one empty file.
    expect(runCli([...ONE_THREAD, '--skip', 'extract', '--format', 'parquet', '--output', plain, '--quiet']).status).toBe(0);
    expect(runCli([...ONE_THREAD, '--skip', 'extract', '--format', 'parquet', '--partition-by-month', '--output', partitioned, '--quiet']).status).toBe(0);
    // Two seeds state a date in December 2021; with extraction skipped none is inferred for the other three.
    expect(readdirSync(path.join(partitioned, 'documents'), { recursive: true }).sort()).toEqual([
      'published_month=2021-12', 'published_month=2021-12/part-0.parquet',
      'published_month=__HIVE_DEFAULT_PARTITION__', 'published_month=__HIVE_DEFAULT_PARTITION__/part-0.parquet',
    ]);
    const months = await query(`SELECT published_month, count(*) AS n FROM read_parquet('${partitioned}/documents/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL`);
    expect(months).toEqual([{ published_month: '2021-12', n: '2' }, { published_month: null, n: '3' }]);
    for (const spec of PUBLISHED_TABLES.filter((t) => t.byDocument)) {
      const read = `read_parquet('${partitioned}/${spec.name}/**/*.parquet', hive_partitioning = true)`;
      const rows = await query(`SELECT * EXCLUDE (published_month) FROM ${read} ORDER BY ${spec.orderBy}`);
      expect(rows, spec.name).toEqual(await query(`SELECT * FROM '${plain}/${spec.name}.parquet'`));
      expect(readdirSync(plain)).not.toContain(spec.name);
    }
    const empty = await query(`SELECT count(*) AS n, count(published_month) AS dated FROM read_parquet('${partitioned}/mentions/**/*.parquet', hive_partitioning = true)`);
    expect(empty).toEqual([{ n: '0', dated: '0' }]);
    expect(readdirSync(partitioned)).toContain('claims.parquet');
  });

  it('--help prints the options and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const option of ['--input', '--output', '--format', '--concurrency', '--only', '--skip', '--log-format', '--quiet']) expect(result.stdout).toContain(option);
  });
});
