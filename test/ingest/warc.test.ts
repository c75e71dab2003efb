import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Problem, StageContext } from '../../pipeline/stage.js';
import { documentId } from '../../stages/ingest/doc-id.js';
import { discoverInputs, ingestStage } from '../../stages/ingest/index.js';
import { readWarc, type WarcEvent } from '../../stages/ingest/warc.js';
import type { RawDoc } from '../../stages/types.js';
import { httpResponse, page, warcRecord } from './warc-fixtures.js';

const BODY_A = 'The talks between the two leaders lasted two hours on Tuesday, officials in Geneva said after the meeting ended.';
const BODY_B = 'Prices of bread rose by a fifth in Kyiv this week, the statistics office reported on Friday morning.';
/** A crawl of two articles among every kind of record the reader must skip. */
function crawl(): Buffer[] {
  const chunked = (data: Buffer) => Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n0\r\n\r\n')]);
  return [
    warcRecord('warcinfo', '', 'software: test\r\n'),
    warcRecord('request', 'https://news.example/a', 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n'),
    warcRecord('response', 'https://news.example/a', httpResponse('200 OK', 'text/html; charset=utf-8', page('Leaders meet', BODY_A))),
    warcRecord('metadata', 'https://news.example/a', 'fetchTimeMs: 12\r\n'),
    warcRecord('response', 'https://news.example/gone', httpResponse('404 Not Found', 'text/html', page('Not found', 'Nothing here.'))),
    warcRecord('response', 'https://news.example/report.pdf', httpResponse('200 OK', 'application/pdf', '%PDF-1.4')),
    warcRecord('revisit', 'https://news.example/a', httpResponse('200 OK', 'text/html', '')),
    // Crawlers other than Common Crawl keep the transfer and content codings.
    warcRecord('response', '<https://news.example/b>', httpResponse('200 OK', 'text/html', chunked(gzipSync(page('Bread prices', BODY_B))), 'Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n'), { 'WARC-Date': '2022-01-19T08:00:00Z' }),
  ];
}

const SKIPPED = { 'warc-warcinfo': 1, 'warc-request': 1, 'warc-metadata': 1, 'warc-not-200': 1, 'warc-not-html': 1, 'warc-revisit': 1 };

function folder(): string {
  return mkdtempSync(path.join(tmpdir(), 'warc-'));
}

/** Real .warc.gz files compress every record as its own gzip member. */
function writeWarc(dir: string, name: string, records: Buffer[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat(name.endsWith('.gz') ? records.map((r) => gzipSync(r)) : records));
  return file;
}

/** Runs the ingest stage over a folder and returns documents, drops by reason and problems. */
async function ingest(dir: string): Promise<{ docs: RawDoc[]; dropped: Record<string, number>; problems: Omit<Problem, 'stage'>[] }> {
  const { files } = await discoverInputs([dir]);
  const dropped: Record<string, number> = {};
  const problems: Omit<Problem, 'stage'>[] = [];
  const context: StageContext = { problem: (p) => problems.push(p), drop: (reason) => (dropped[reason] = (dropped[reason] ?? 0) + 1) };
  const docs: RawDoc[] = [];
  for await (const doc of ingestStage().run((async function* () { yield* files; })(), context)) docs.push(doc);
  return { docs, dropped, problems };
}

async function events(file: string, maxRecordBytes = 1 << 20): Promise<WarcEvent[]> {
  const all: WarcEvent[] = [];
  for await (const event of readWarc(createReadStream(file, { highWaterMark: 64 }), { compressed: file.endsWith('.gz'), maxRecordBytes, fileName: file })) all.push(event);
  return all;
}

describe('WARC input', () => {
  it.each(['crawl.warc', 'crawl.warc.gz'])('turns each HTTP 200 HTML response of %s into a document and counts the other records', async (name) => {
    const dir = folder();
    writeWarc(dir, name, crawl());
    const { docs, dropped, problems } = await ingest(dir);
    expect(problems).toEqual([]);
    expect(dropped).toEqual(SKIPPED);
    expect(docs).toEqual([
      {
        doc_id: documentId(name, 3, BODY_A),
        source_path: name,
        record_no: 3,
        format: 'warc',
        encoding: 'utf-8',
        text: BODY_A,
        first_line_no: 1,
        title: 'Leaders meet',
        title_line_no: null,
        published_at: null,
        crawled_at: '2022-01-18T10:15:00.000Z',
        url: 'https://news.example/a',
        source: null,
        site: null,
        author: null,
        lang: 'en',
        html_extraction: 'readability',
        bytes: Buffer.byteLength(page('Leaders meet', BODY_A)),
        pending_page: null,
      },
      expect.objectContaining({ record_no: 8, text: BODY_B, title: 'Bread prices', url: 'https://news.example/b', crawled_at: '2022-01-19T08:00:00.000Z' }),
    ]);
  });

  it('keeps the records before a truncated one and reports it with its number and member offset', async () => {
    const dir = folder();
    const members = crawl().slice(0, 3).map((r) => gzipSync(r));
    const cut = gzipSync(warcRecord('response', 'https://news.example/c', httpResponse('200 OK', 'text/html', page('Cut short', BODY_B))));
    writeFileSync(path.join(dir, 'cut.warc.gz'), Buffer.concat([...members, cut.subarray(0, 60)]));
    const offset = members.reduce((n, m) => n + m.length, 0);
    const { docs, dropped, problems } = await ingest(dir);
    expect(docs.map((d) => [d.record_no, d.title])).toEqual([[3, 'Leaders meet']]);
    expect(dropped).toEqual({ 'warc-warcinfo': 1, 'warc-request': 1, 'warc-truncated': 1 });
    expect(problems).toEqual([
      {
        source_path: 'cut.warc.gz',
        doc_id: null,
        line: 4,
        code: 'warc-truncated',
        message: `cut.warc.gz: WARC record 4: the file ends inside the gzip member at byte ${offset}; the 3 records before it were read, the rest of the file was not. Re-download the file, or keep the good part with \`head -c ${offset} ${JSON.stringify(path.join(dir, 'cut.warc.gz'))} > fixed.warc.gz\`.`,
      },
    ]);
  });

  it('reports a corrupt gzip member and a wrong Content-Length, keeping what came before', async () => {
    const dir = folder();
    const records = crawl();
    const members = records.map((r) => gzipSync(r));
    const broken = Buffer.from(members[2]!);
    broken.fill(0x55, 20, 40);
    writeFileSync(path.join(dir, 'bad-member.warc.gz'), Buffer.concat([members[0]!, members[1]!, broken, ...members.slice(3)]));
    const wrongLength = Buffer.from(records[2]!.toString('latin1').replace(/Content-Length: (\d+)/, (_m, n) => `Content-Length: ${Number(n) - 10}`), 'latin1');
    writeWarc(dir, 'bad-length.warc', [records[0]!, records[1]!, wrongLength, ...records.slice(3)]);
    const { docs, problems } = await ingest(dir);
    expect(docs).toEqual([]);
    expect(problems.map((p) => [p.source_path, p.line, p.code])).toEqual([
      ['bad-length.warc', 3, 'warc-bad-content-length'],
      ['bad-member.warc.gz', 3, 'corrupt-gzip'],
    ]);
    const at = records[0]!.length + records[1]!.length;
    expect(problems[0]!.message).toContain(`WARC record 3 (at byte ${at}): the record is not followed by a blank line where its Content-Length`);
    expect(problems[1]!.message).toMatch(new RegExp(`WARC record 3: cannot unpack the gzip member at byte ${members[0]!.length + members[1]!.length} \\(.+\\); the 2 records before it were read`));
  });

  it('refuses an HTML record over the per-record limit and reads on', async () => {
    const dir = folder();
    const block = httpResponse('200 OK', 'text/html', page('Big', 'x'.repeat(5000)));
    const file = writeWarc(dir, 'limit.warc', [warcRecord('response', 'https://news.example/big', block), crawl()[2]!]);
    const all = await events(file, 4096);
    expect(all.map((e) => [e.record_no, e.kind, e.kind === 'problem' ? e.code : null])).toEqual([
      [1, 'problem', 'warc-record-too-large'],
      [2, 'page', null],
    ]);
    expect(all[0]).toMatchObject({ fatal: false, message: expect.stringContaining(`WARC record 1 (at byte 0) holds ${block.length} bytes, over the 4096-byte per-record limit`) });
  });

  it('reports a file that is not WARC at all, and an empty one', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'notes.warc'), 'just some text\r\n\r\nmore');
    writeFileSync(path.join(dir, 'empty.warc.gz'), '');
    const { problems } = await ingest(dir);
    expect(problems.map((p) => [p.source_path, p.line, p.code])).toEqual([
      ['empty.warc.gz', null, 'empty-file'],
      ['notes.warc', 1, 'warc-malformed-record'],
    ]);
  });
});
