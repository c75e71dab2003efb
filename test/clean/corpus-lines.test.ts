import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ONE_THREAD, query, runCliAsync, tempDir } from '../pipeline/cli-helpers.js';

/**
 * The global corpus-lines step (stages/clean/corpus-lines.ts) on a small corpus: three unrelated
 * articles carry one outlet's footer at different places, and one article exists in three exact
 * copies with a line of its own.
 */
const FOOTER = 'Follow The Daily Example for the latest news — updated 24/7';
const ARTICLES: Record<string, string[]> = {
  'bridge.txt': [
    'date 2025-02-11 Harbour bridge to close for repairs',
    '',
    'The council in Portsmouth voted on Tuesday to close the harbour bridge to cars.',
    FOOTER,
    '"We had no choice," said Maria Lopez, the chief engineer, adding that 1,200 vehicles cross it every day.',
    'Repairs will cost £4.5 million and should end on March 3, 2025, officials said.',
  ],
  'orchestra.txt': [
    'Orchestra returns to the old town hall',
    '',
    FOOTER,
    'The Wessex Philharmonic will play 12 concerts in the restored hall this winter.',
    '"The acoustics are better than ever," said conductor Jonas Berg.',
  ],
  'harvest.txt': [
    'Farmers report a record apple harvest',
    '',
    'Growers in Kent picked 30 percent more apples than last year, the Fruit Growers Association said.',
    'Prices at the farm gate fell by 8 percent.',
    FOOTER,
  ],
};
/** Dumps whose first line, read as the title, is a site's navigation word no line rule knows. */
const MENU_DUMPS: Record<string, string[]> = {
  'menu-ferry.txt': ['Menu', '', 'Ferry fares rise for island commuters', '', 'Return tickets to the Isle of Wight will cost 12 percent more from April, Red Funnel said.'],
  'menu-library.txt': ['Menu', '', 'Library extends its opening hours', '', 'The central library in Southampton will open until 9pm on weekdays, the city council said.'],
  'menu-marathon.txt': ['Menu', '', 'Marathon route avoids the old town', '', 'Organisers moved the route after residents of Winchester complained about closures last year.'],
};
const COPIED_LINE = 'Tickets for the lantern parade go on sale at the visitor centre on Friday.';
const COPIED = ['Lantern parade returns to the seafront', '', 'More than 400 volunteers will carry paper lanterns along the promenade on Saturday night.', COPIED_LINE];

function writeCorpus(folder: string, withFooter: boolean): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, lines] of Object.entries(ARTICLES)) writeFileSync(path.join(folder, name), lines.filter((l) => withFooter || l !== FOOTER).join('\n') + '\n');
  for (const copy of ['parade-1.txt', 'parade-2.txt', 'parade-3.txt']) writeFileSync(path.join(folder, copy), COPIED.join('\n') + '\n');
  for (const [name, lines] of Object.entries(MENU_DUMPS)) writeFileSync(path.join(folder, name), lines.join('\n') + '\n');
  return folder;
}

const FAST = [...ONE_THREAD, '--log-format', 'json', '--format', 'parquet', '--skip', 'stories'];

async function run(args: string[]): Promise<void> {
  const result = await runCliAsync([...args, ...FAST]);
  if (result.status !== 0) throw new Error(`pipeline ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
}

/** Rows of an annotation table keyed by source path instead of doc_id (ids hash the text, which differs between the runs). */
async function annotations(output: string, table: string): Promise<Record<string, unknown>[]> {
  return query(`SELECT d.source_path, t.* EXCLUDE (doc_id) FROM '${output}/${table}.parquet' t JOIN '${output}/documents.parquet' d USING (doc_id) ORDER BY ALL`);
}

describe('corpus-level boilerplate lines', () => {
  let root: string;
  let withFooter: string;
  let withoutFooter: string;
  beforeAll(async () => {
    root = tempDir('corpus-lines');
    withFooter = path.join(root, 'with');
    withoutFooter = path.join(root, 'without');
    await run(['--input', writeCorpus(path.join(root, 'in-with'), true), '--output', withFooter]);
    await run(['--input', writeCorpus(path.join(root, 'in-without'), false), '--output', withoutFooter]);
  }, 120_000);

  it('removes a line found in three duplicate groups, with its input line number, and no other line', async () => {
    expect(await query(`SELECT d.source_path, r.line_no, r.text FROM '${withFooter}/removed_lines.parquet' r JOIN '${withFooter}/documents.parquet' d USING (doc_id) WHERE r.rule = 'corpus-repeat' ORDER BY ALL`)).toEqual([
      { source_path: 'bridge.txt', line_no: 4, text: FOOTER },
      { source_path: 'harvest.txt', line_no: 5, text: FOOTER },
      { source_path: 'menu-ferry.txt', line_no: 1, text: 'Menu' },
      { source_path: 'menu-library.txt', line_no: 1, text: 'Menu' },
      { source_path: 'menu-marathon.txt', line_no: 1, text: 'Menu' },
      { source_path: 'orchestra.txt', line_no: 3, text: FOOTER },
    ]);
    const [counts] = await query(`SELECT (count(*) FILTER (WHERE text LIKE '%Daily Example%'))::INTEGER AS footers, (sum(n_removed_lines) FILTER (WHERE source_path IN ('bridge.txt', 'harvest.txt', 'orchestra.txt')))::INTEGER AS removed FROM '${withFooter}/documents.parquet'`);
    expect(counts).toEqual({ footers: 0, removed: 3 });
  });

  it('replaces a dump\'s title that is a repeated line with the headline below it, and moves the annotations', async () => {
    expect(await query(`SELECT source_path, title, n_removed_lines FROM '${withFooter}/documents.parquet' WHERE source_path LIKE 'menu-%' ORDER BY source_path`)).toEqual(
      Object.entries(MENU_DUMPS).map(([name, lines]) => ({ source_path: name, title: lines[2], n_removed_lines: 1 })),
    );
    const [texts] = await query(`SELECT count(*)::INTEGER AS n FROM '${withFooter}/documents.parquet' WHERE source_path LIKE 'menu-%' AND text NOT LIKE 'Menu%' AND (text LIKE 'Return%' OR text LIKE 'The central%' OR text LIKE 'Organisers%')`);
    expect(texts).toEqual({ n: 3 });
    for (const table of ['mentions', 'quantities']) {
      const rows = await query(`SELECT (count(*) FILTER (WHERE substring(d.text, t.start + 1, t."end" - t.start) <> t.text))::INTEGER AS wrong, count(*)::INTEGER AS n FROM '${withFooter}/${table}.parquet' t JOIN '${withFooter}/documents.parquet' d USING (doc_id) WHERE d.source_path LIKE 'menu-%'`);
      expect(rows[0]!['wrong'], table).toBe(0);
      expect(rows[0]!['n'], table).toBeGreaterThan(0);
    }
  });

  it('keeps a line whose recurrences are copies of one article', async () => {
    const rows = await query(`SELECT count(*)::INTEGER AS n FROM '${withFooter}/documents.parquet' WHERE text LIKE '%${COPIED_LINE}%'`);
    expect(rows).toEqual([{ n: 3 }]);
  });

  it('leaves text, counts and every annotation as if the line had never been in the input', async () => {
    const documents = (output: string) => query(`SELECT source_path, text, n_chars, n_words, n_sentences FROM '${output}/documents.parquet' ORDER BY source_path`);
    expect(await documents(withFooter)).toEqual(await documents(withoutFooter));
    for (const table of ['mentions', 'quantities', 'dates', 'quotes']) {
      const rows = await annotations(withFooter, table);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(rows, table).toEqual(await annotations(withoutFooter, table));
    }
  });

  it('takes its threshold from clean.corpusMinGroups and is switched off with the rule id', async () => {
    const config = path.join(root, 'config.json');
    writeFileSync(config, JSON.stringify({ clean: { corpusMinGroups: 4 } }));
    const strict = path.join(root, 'strict');
    await run(['--input', path.join(root, 'in-with'), '--output', strict, '--config', config]);
    expect(await query(`SELECT count(*)::INTEGER AS n FROM '${strict}/removed_lines.parquet' WHERE rule = 'corpus-repeat'`)).toEqual([{ n: 0 }]);
    writeFileSync(config, JSON.stringify({ clean: { disabledRules: ['corpus-repeat'] } }));
    const off = path.join(root, 'off');
    await run(['--input', path.join(root, 'in-with'), '--output', off, '--config', config]);
    const [stage] = await query(`SELECT s.skipped FROM (SELECT unnest(stages) AS s FROM '${off}/runs.parquet') WHERE s.name = 'corpus-lines'`);
    expect(stage).toEqual({ skipped: true });
  }, 60_000);

  it('counts the documents of earlier incremental runs', async () => {
    const input = path.join(root, 'growing');
    mkdirSync(input);
    for (const name of ['bridge.txt', 'orchestra.txt']) cpSync(path.join(root, 'in-with', name), path.join(input, name));
    const output = path.join(root, 'incremental');
    await run(['--input', input, '--output', output, '--incremental']);
    expect(await query(`SELECT count(*)::INTEGER AS n FROM '${output}/removed_lines.parquet' WHERE rule = 'corpus-repeat'`)).toEqual([{ n: 0 }]);
    cpSync(path.join(root, 'in-with', 'harvest.txt'), path.join(input, 'harvest.txt'));
    await run(['--input', input, '--output', output, '--incremental']);
    expect(await query(`SELECT count(*)::INTEGER AS n FROM '${output}/removed_lines.parquet' WHERE rule = 'corpus-repeat'`)).toEqual([{ n: 3 }]);
  }, 60_000);
});
