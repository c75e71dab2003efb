import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outletOf } from '../../pipeline/workers/rows.js';
import { ONE_THREAD, query, runCli, tempDir } from './cli-helpers.js';

describe('outletOf', () => {
  it('takes the source field, else the site name, else the URL host without www.', () => {
    expect(outletOf({ source: 'Reuters', site: 'x', url: 'https://y.com/a' })).toBe('Reuters');
    expect(outletOf({ source: null, site: 'BBC News', url: 'https://www.bbc.co.uk/news/1' })).toBe('BBC News');
    expect(outletOf({ source: null, site: null, url: 'https://WWW.BBC.co.uk:443/news/1' })).toBe('bbc.co.uk');
    expect(outletOf({ source: null, site: null, url: null })).toBeNull();
  });
});

describe('outlets in the tables', () => {
  it('counts documents per outlet in sources and distinct outlets per entity', async () => {
    const dir = tempDir('outlets');
    const records = [
      { url: 'https://www.bbc.co.uk/news/1', text: 'Vladimir Putin spoke to Joe Biden on Tuesday about Ukraine and NATO.' },
      { url: 'https://bbc.co.uk/news/2', text: 'Joe Biden warned Vladimir Putin of sanctions if Russia invades Ukraine.' },
      { source: 'Reuters', text: 'Kremlin spokesman Dmitry Peskov said Vladimir Putin wants guarantees from NATO.' },
    ];
    writeFileSync(path.join(dir, 'news.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = path.join(dir, 'out');
    expect(runCli([...ONE_THREAD, '--input', dir, '--output', out, '--quiet', '--format', 'parquet']).status).toBe(0);
    expect(await query(`SELECT outlet FROM '${out}/documents.parquet' ORDER BY record_no`)).toEqual([{ outlet: 'bbc.co.uk' }, { outlet: 'bbc.co.uk' }, { outlet: 'Reuters' }]);
    expect(await query(`SELECT source, n_documents FROM '${out}/sources.parquet'`)).toEqual([{ source: 'bbc.co.uk', n_documents: '2' }, { source: 'Reuters', n_documents: '1' }]);
    expect(await query(`SELECT doc_count, source_count FROM '${out}/entities.parquet' WHERE name = 'Vladimir Putin'`)).toEqual([{ doc_count: '3', source_count: '2' }]);
  });
});
