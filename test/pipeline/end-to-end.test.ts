import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_README } from '../../pipeline/output-readme.js';
import { PUBLISHED_TABLES } from '../../pipeline/tables.js';
import { query, runCli, tempDir, type CliResult } from './cli-helpers.js';

const SEEDS = ['000_3f5ed36b88a2d749.txt', '001_1479a6f34d5dad64.txt', '002_7175a7e198ed7ad5.txt', '003_c26feeb0a20361a3.txt', '004_010dcf98ec07f859.txt'];

let out: string;
let run: CliResult;
const table = (name: string, format = 'parquet') => `'${path.join(out, `${name}.${format}`)}'`;

beforeAll(() => {
  out = path.join(tempDir('e2e'), 'out');
  run = runCli(['--input', 'seeds', '--output', out, '--log-format', 'json']);
});

describe('npm run pipeline on seeds/', () => {
  it('exits 0 and logs JSON lines ending in a summary', () => {
    expect(run.status, run.stderr).toBe(0);
    const events = run.stderr.trim().split('\n').map((line) => JSON.parse(line) as { event: string });
    expect(events[0]!.event).toBe('run-start');
    expect(events.at(-1)!.event).toBe('summary');
  });

  it('times the parts of the run in the manifest, in order, within the run', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { seconds: number; phase_seconds: Record<string, number> };
    expect(Object.keys(manifest.phase_seconds)).toEqual(['per_document', 'load', 'global_steps', 'build', 'export']);
    const parts = Object.values(manifest.phase_seconds);
    expect(parts.every((s) => s > 0)).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(manifest.seconds);
  });

  it('writes every table as Parquet and CSV, a manifest and the output README', () => {
    const expected = PUBLISHED_TABLES.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]).concat(['README.md', 'manifest.json']).sort();
    expect(readdirSync(out).sort()).toEqual(expected);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe(OUTPUT_README);
    expect(readFileSync('output/README.md', 'utf8')).toBe(OUTPUT_README);
  });

  it('reads back every Parquet table in DuckDB with the types of the contract', async () => {
    for (const spec of PUBLISHED_TABLES) {
      const described = await query(`DESCRIBE SELECT * FROM ${table(spec.name)}`);
      const actual = described.map((row) => `${row['column_name']} ${String(row['column_type']).replace(/"/g, '')}`);
      expect(actual, spec.name).toEqual(spec.columns.map((c) => `${c.name} ${c.type.replace('TIMESTAMPTZ', 'TIMESTAMP WITH TIME ZONE')}`));
    }
  });

  it('has the row counts of the seeds', async () => {
    const counts = await query(`SELECT
      (SELECT count(*) FROM ${table('documents')}) AS documents,
      (SELECT count(*) FROM ${table('removed_lines')}) AS removed_lines,
      (SELECT count(*) FROM ${table('duplicates')}) AS duplicates,
      (SELECT count(*) FROM ${table('problems')}) AS problems,
      (SELECT count(*) FROM ${table('runs')}) AS runs,
      (SELECT count(DISTINCT dup_group_id) FROM ${table('documents')}) AS groups,
      (SELECT count(*) FROM ${table('stories')}) AS stories,
      (SELECT count(DISTINCT story_id) FROM ${table('documents')}) AS story_ids`);
    expect(counts[0]).toEqual({ documents: '5', removed_lines: '23', duplicates: '0', problems: '0', runs: '1', groups: '5', stories: '1', story_ids: '1' });
  });

  it('reads the seed headers: publication dates of 000/001 and the crawl date of 004', async () => {
    const rows = await query(`SELECT source_path, CAST(published_at AS VARCHAR) AS published_at, CAST(crawled_at AS VARCHAR) AS crawled_at FROM ${table('documents')} ORDER BY source_path`);
    expect(rows.map((r) => [r['source_path'], r['published_at'], r['crawled_at']])).toEqual([
      [SEEDS[0], '2021-12-07', null],
      [SEEDS[1], '2021-12-07', null],
      [SEEDS[2], null, null],
      [SEEDS[3], null, null],
      [SEEDS[4], null, '2022-01-18 00:00:00+00'],
    ]);
  });

  it('leaves no removed boilerplate line in documents.text', async () => {
    const leftovers = await query(`SELECT r.text FROM ${table('removed_lines')} r JOIN ${table('documents')} d USING (doc_id) WHERE contains(d.text, r.text)`);
    expect(leftovers).toEqual([]);
  });

  it('finds Joe Biden and Vladimir Putin in every seed', async () => {
    const rows = await query(`SELECT canonical, count(DISTINCT doc_id) AS docs FROM ${table('mentions')} WHERE canonical IN ('Joe Biden', 'Vladimir Putin') GROUP BY canonical ORDER BY canonical`);
    expect(rows).toEqual([{ canonical: 'Joe Biden', docs: '5' }, { canonical: 'Vladimir Putin', docs: '5' }]);
  });

  it('points mention offsets (code points) at the mention text', async () => {
    const bad = await query(`SELECT m.text FROM ${table('mentions')} m JOIN ${table('documents')} d USING (doc_id) WHERE substring(d.text, m.start + 1, m."end" - m.start) <> m.text`);
    expect(bad).toEqual([]);
  });

  it('lines up the Russian troop figures of different outlets in claims', async () => {
    const rows = await query(`SELECT value, low, high, doc_count, source_paths FROM ${table('claims')} WHERE claim_key = 'troops|RU' ORDER BY value NULLS LAST, low`);
    expect(rows).toEqual([
      { value: 70000, low: null, high: null, doc_count: '1', source_paths: [SEEDS[0]] },
      { value: 90000, low: null, high: null, doc_count: '1', source_paths: [SEEDS[4]] },
      { value: 175000, low: null, high: null, doc_count: '2', source_paths: [SEEDS[0], SEEDS[4]] },
      { value: null, low: 10000, high: 99999, doc_count: '1', source_paths: [SEEDS[3]] },
    ]);
  });

  it('summarises the troops|RU subject: attribution, sources, dates, range and disagreement', async () => {
    const rows = await query(`SELECT value, low, attributed_to, CAST(first_published AS VARCHAR) AS published, subject_n_values, subject_min, subject_max, subject_n_sources, subject_disagrees FROM ${table('claims')} WHERE claim_key = 'troops|RU' ORDER BY value NULLS LAST, low`);
    expect(rows.map((r) => [r['value'], r['attributed_to'], r['published']])).toEqual([
      [70000, null, '2021-12-07'],
      [90000, ['Ukrainian officials'], '2021-12-07'],
      [175000, ['U.S. intelligence', 'US intelligence'], '2021-12-07'],
      [null, ['U.S. intelligence officials'], null],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ subject_n_values: '4', subject_min: 10000, subject_max: 175000, subject_n_sources: '3', subject_disagrees: true });
    }
  });

  it('infers the publication date of 004 from its text and crawl date and resolves its dates against it', async () => {
    const docs = await query(`SELECT source_path, CAST(published_at_inferred AS VARCHAR) AS inferred, published_at_source FROM ${table('documents')} ORDER BY source_path`);
    expect(docs.map((r) => [r['inferred'], r['published_at_source']])).toEqual([[null, 'input'], [null, 'input'], [null, null], [null, null], ['2021-12-07', 'inferred']]);
    const rows = await query(`SELECT d.text, CAST(d.resolved AS VARCHAR) AS resolved, CAST(d.reference_date AS VARCHAR) AS reference_date, d.reference FROM ${table('dates')} d JOIN ${table('documents')} doc USING (doc_id) WHERE doc.source_path = '${SEEDS[4]}' ORDER BY d.start`);
    expect(rows.map((r) => [r['text'], r['resolved']])).toEqual([['June', '2021-06-01'], ['July', '2021-07-01'], ['December 7', '2021-12-07'], ['December 6', '2021-12-06'], ['December 6', '2021-12-06'], ['2014', '2014-01-01']]);
    expect(new Set(rows.map((r) => `${r['reference_date']} ${r['reference']}`))).toEqual(new Set(['2021-12-07 published_at_inferred']));
  });

  it('writes quotes with the speaker linked to the mentions\' entity', async () => {
    const rows = await query(`SELECT q.speaker, q.verb, q.speaker_entity_id = m.entity_id AS linked FROM ${table('quotes')} q JOIN ${table('documents')} d USING (doc_id) LEFT JOIN (SELECT DISTINCT entity_id FROM ${table('mentions')} WHERE canonical = 'Dmitry Peskov') m ON true WHERE d.source_path = '${SEEDS[4]}' AND starts_with(q.text, 'of course, [the agenda]')`);
    expect(rows).toEqual([{ speaker: 'Dmitry Peskov', verb: 'told', linked: true }]);
    const bad = await query(`SELECT q.text FROM ${table('quotes')} q JOIN ${table('documents')} d USING (doc_id) WHERE substring(d.text, q.start + 1, q."end" - q.start) <> q.text`);
    expect(bad).toEqual([]);
  });

  it('resolves seed dates against the article date', async () => {
    const rows = await query(`SELECT d.text, CAST(d.resolved AS VARCHAR) AS resolved, CAST(d.resolved_end AS VARCHAR) AS resolved_end FROM ${table('dates')} d JOIN ${table('documents')} doc USING (doc_id) WHERE doc.source_path = '${SEEDS[1]}' ORDER BY d.start`);
    expect(rows).toContainEqual({ text: 'Dec. 9 to 10', resolved: '2021-12-09', resolved_end: '2021-12-10' });
    expect(rows).toContainEqual({ text: 'Tuesday morning', resolved: '2021-12-07', resolved_end: '2021-12-07' });
  });

  it('writes CSV that DuckDB reads back, lists JSON-encoded', async () => {
    const rows = await query(`SELECT count(*) AS n FROM read_csv(${table('documents', 'csv')}, header = true)`);
    expect(rows[0]!['n']).toBe('5');
    const claims = await query(`SELECT source_paths FROM read_csv(${table('claims', 'csv')}, header = true, all_varchar = true) WHERE claim_key = 'troops|RU' AND value = '175000.0'`);
    expect(JSON.parse(String(claims[0]!['source_paths']))).toEqual([SEEDS[0], SEEDS[4]]);
  });

  it('records per-stage counts and timings in runs', async () => {
    const rows = await query(`SELECT s.name, s.n_in, s.n_out, s.skipped FROM (SELECT unnest(stages) AS s FROM ${table('runs')})`);
    expect(rows.map((r) => [r['name'], r['n_in'], r['n_out'], r['skipped']])).toEqual([
      ['ingest', '5', '5', false],
      ['html', '5', '5', false],
      ['clean', '5', '5', false],
      ['dedupe', '5', '5', false],
      ['extract', '5', '5', false],
      ['dedupe-groups', '5', '0', false],
      ['stories', '5', '1', false],
      ['corpus-lines', '5', '0', false],
      ['aggregate', '5', expect.any(String), false],
    ]);
  });

  it('is deterministic: a second run writes the same bytes for every table but runs', () => {
    const second = path.join(tempDir('e2e-again'), 'out');
    expect(runCli(['--input', 'seeds', '--output', second, '--quiet']).status).toBe(0);
    for (const spec of PUBLISHED_TABLES.filter((t) => t.name !== 'runs')) {
      for (const format of ['parquet', 'csv']) {
        const file = `${spec.name}.${format}`;
        expect(readFileSync(path.join(second, file)).equals(readFileSync(path.join(out, file))), file).toBe(true);
      }
    }
  });
});
