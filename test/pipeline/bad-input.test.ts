import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpResponse, page, warcRecord } from '../ingest/warc-fixtures.js';
import { ONE_THREAD, query, runCli, tempDir, type CliResult } from './cli-helpers.js';

const GOOD = 'Headline of a good article\n\nThe talks between the two leaders lasted two hours on Tuesday, officials said.\n';
const ARTICLE = 'The talks between the two leaders lasted two hours on Tuesday, officials in Geneva said after the meeting ended.';
/** Spaces, accents, Cyrillic and a dash: must reach `documents.source_path` byte for byte. */
const UNUSUAL_PATH = 'Überblick/статья 1 — café.txt';

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
  // A crawl whose second record is cut off mid-member: the first page is kept.
  const article = gzipSync(warcRecord('response', 'https://news.example/a', httpResponse('200 OK', 'text/html', page('Leaders meet', ARTICLE))));
  const cut = gzipSync(warcRecord('response', 'https://news.example/b', httpResponse('200 OK', 'text/html', page('Cut', ARTICLE))));
  writeFileSync(path.join(input, 'crawl.warc.gz'), Buffer.concat([article, cut.subarray(0, cut.length / 2)]));
  writeFileSync(path.join(input, 'empty.warc'), '');
  // 50 MB on one line: refused by the document size limit before any parsing.
  writeFileSync(path.join(input, 'one-line.txt'), 'word '.repeat(10 * 1024 * 1024));
  // A million nested elements (unclosed, as parsers accept them), 3 MB: refused by the depth limit.
  writeFileSync(path.join(input, 'deep.html'), `<html><body>${'<i>'.repeat(1_000_000)}deep</body></html>`);
  mkdirSync(path.join(input, path.dirname(UNUSUAL_PATH)));
  writeFileSync(path.join(input, UNUSUAL_PATH), GOOD.replace('Tuesday', 'Thursday'));
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
      ['crawl.warc.gz', 'utf-8'],
      ['good.txt', 'utf-8'],
      ['nested/deeper/also good.txt', 'utf-8'],
      ['packed.txt.gz', 'utf-8'],
      ['records.jsonl', 'utf-8'],
      [UNUSUAL_PATH, 'utf-8'],
    ]);
    expect(docs[0]!['text']).toBe('Café owners in Kyiv said prices rose “sharply” this week.');
  });

  it('has one problem row per bad file or record, with a code and a message that says how to fix it', async () => {
    const problems = await query(`SELECT source_path, code, line, message FROM '${out}/problems.parquet'`);
    expect(problems.map((p) => [p['source_path'], p['code'], p['line']])).toEqual([
      ['binary.txt', 'binary-file', null],
      ['broken.txt.gz', 'corrupt-gzip', null],
      ['cp1252.txt', 'invalid-utf8', null],
      ['crawl.warc.gz', 'warc-truncated', 2],
      ['dangling.txt', 'unreadable-file', null],
      ['deep.html', 'html-too-deep', null],
      ['empty.txt', 'empty-file', null],
      ['empty.warc', 'empty-file', null],
      ['no-text-column.csv', 'csv-no-text-column', 1],
      ['notes.pdf', 'unsupported-format', null],
      ['one-line.txt', 'document-too-large', null],
      ['records.jsonl', 'malformed-jsonl', 2],
      ['records.jsonl', 'missing-text', 3],
    ]);
    for (const p of problems) expect(String(p['message']).length).toBeGreaterThan(30);
    expect(problems.find((p) => p['code'] === 'warc-truncated')!['message']).toMatch(/^crawl\.warc\.gz: WARC record 2: the file ends inside the gzip member at byte \d+; the 1 records before it were read/);
  });

  it('fills url and crawled_at of a WARC page from its record, and keeps an unusual path exactly', async () => {
    const docs = await query(`SELECT source_path, record_no, format, url, crawled_at::VARCHAR AS crawled_at FROM '${out}/documents.parquet' WHERE format = 'warc' OR source_path = '${UNUSUAL_PATH}' ORDER BY source_path`);
    expect(docs).toEqual([
      { source_path: 'crawl.warc.gz', record_no: 1, format: 'warc', url: 'https://news.example/a', crawled_at: expect.stringMatching(/^2022-01-18 10:15:00/) },
      { source_path: UNUSUAL_PATH, record_no: null, format: 'txt', url: null, crawled_at: null },
    ]);
  });
});

describe('untrusted paths and URLs', () => {
  /** Records naming `../` paths, as data; `safe` gives the same records without them, for comparison. */
  function inputs(dotdot: string): string {
    const dir = tempDir('untrusted');
    mkdirSync(path.join(dir, 'sub'));
    const record = { text: 'Officials said the talks in Geneva lasted two hours on Tuesday.', url: `${dotdot}${dotdot}escape/evil.html`, source: `${dotdot}escape`, title: `${dotdot}${dotdot}escape/evil`, date: '2022-01-18' };
    writeFileSync(path.join(dir, 'records.jsonl'), JSON.stringify(record) + '\n');
    writeFileSync(path.join(dir, 'crawl.warc'), warcRecord('response', `https://news.example/${dotdot}${dotdot}escape/evil`, httpResponse('200 OK', 'text/html', page(`${dotdot}escape`, ARTICLE))));
    return dir;
  }
  const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

  it('never writes outside the output folder, whatever a record says', async () => {
    const runs = ['../', 'up/'].map((dotdot) => {
      const dir = inputs(dotdot);
      const parent = tempDir('untrusted-out');
      // The input path itself walks up and down again.
      const result = runCli([...ONE_THREAD, '--input', path.join(dir, 'sub', '..', 'records.jsonl'), '--input', path.join(dir, 'crawl.warc'), '--output', path.join(parent, 'out'), '--quiet']);
      return { dir, parent, result };
    });
    for (const { dir, parent, result } of runs) {
      expect(result.status, result.stderr).toBe(0);
      expect(readdirSync(parent)).toEqual(['out']);
      expect(filesUnder(dir)).toEqual(['crawl.warc', 'records.jsonl', 'sub']);
      expect(existsSync(path.join(parent, '..', 'escape'))).toBe(false);
    }
    expect(filesUnder(path.join(runs[0]!.parent, 'out'))).toEqual(filesUnder(path.join(runs[1]!.parent, 'out')));
    const docs = await query(`SELECT url, source FROM '${runs[0]!.parent}/out/documents.parquet' ORDER BY url`);
    expect(docs).toEqual([
      { url: '../../escape/evil.html', source: '../escape' },
      { url: 'https://news.example/../../escape/evil', source: null },
    ]);
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
    expect(runCli([...ONE_THREAD, '--input', 'seeds', '--output', target, '--quiet']).status).toBe(0);
    const before = readFileSync(path.join(target, 'documents.parquet'));
    const empty = tempDir('empty');
    const result = runCli([...ONE_THREAD, '--input', empty, '--output', target, '--log-format', 'pretty']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no readable document/);
    expect(readFileSync(path.join(target, 'documents.parquet')).equals(before)).toBe(true);
  });

  it('exits 1 when the output cannot be written', () => {
    const parent = tempDir('file-parent');
    writeFileSync(path.join(parent, 'a-file'), 'x');
    const result = runCli([...ONE_THREAD, '--input', 'seeds', '--output', path.join(parent, 'a-file', 'out'), '--log-format', 'pretty']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/writable folder/);
  });

  it('refuses to replace a folder it did not write', () => {
    const foreign = tempDir('foreign');
    cpSync('seeds', foreign, { recursive: true });
    const result = runCli([...ONE_THREAD, '--input', 'seeds', '--output', foreign, '--log-format', 'pretty']);
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
    expect(runCli([...ONE_THREAD, '--input', dir, '--output', target, '--quiet']).status).toBe(0);
    const problems = await query(`SELECT code FROM '${target}/problems.parquet'`);
    expect(problems).toEqual([{ code: 'permission-denied' }]);
  });
});
