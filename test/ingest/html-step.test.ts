import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem, StageContext } from '../../pipeline/stage.js';
import { htmlStage } from '../../stages/ingest/html-step.js';
import { discoverInputs, ingestStage } from '../../stages/ingest/index.js';
import type { RawDoc } from '../../stages/types.js';
import { BODY, NEWS_PAGE } from './html-fixtures.js';

interface Collected {
  docs: RawDoc[];
  problems: Omit<Problem, 'stage'>[];
  dropped: Record<string, number>;
}

function collector(): Collected & { context: StageContext } {
  const out: Collected = { docs: [], problems: [], dropped: {} };
  return { ...out, context: { problem: (p) => out.problems.push(p), drop: (reason) => (out.dropped[reason] = (out.dropped[reason] ?? 0) + 1) } };
}

async function* each<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** Pages of every kind the step meets: plain, Windows-1252, empty, in JSONL records (one with an unreadable date), and a text file beside them. */
async function corpus(): Promise<Awaited<ReturnType<typeof discoverInputs>>['files']> {
  const dir = mkdtempSync(path.join(tmpdir(), 'html-step-'));
  writeFileSync(path.join(dir, 'bridge.html'), NEWS_PAGE);
  writeFileSync(path.join(dir, 'latin1.html'), Buffer.concat([Buffer.from('<html><head><title>Caf'), Buffer.from([0xe9]), Buffer.from(`</title></head><body><article><p>${BODY[0]}</p><p>${BODY[1]}</p></article></body></html>`)]));
  writeFileSync(path.join(dir, 'empty.html'), '<html><body><div> </div></body></html>');
  writeFileSync(path.join(dir, 'pages.jsonl'), [JSON.stringify({ html: NEWS_PAGE, date: 'the ides of March', source: 'example' }), JSON.stringify({ html: `<p>${BODY[3]}</p>`, title: 'Ferry' })].join('\n') + '\n');
  writeFileSync(path.join(dir, 'note.txt'), `Ferry timetable\n${BODY[3]}\n`);
  return (await discoverInputs([dir])).files;
}

describe('the html step (HTML extraction in the per-document phase)', () => {
  it('gives the documents, problems and drops that ingest gives when it extracts pages itself', async () => {
    const files = await corpus();
    const inline = collector();
    for await (const doc of ingestStage().run(each(files), inline.context)) inline.docs.push(doc);

    const read = collector();
    for await (const doc of ingestStage({ deferHtml: true }).run(each(files), read.context)) read.docs.push(doc);
    const pending = read.docs.filter((doc) => doc.pending_page);
    expect(pending.map((doc) => [doc.source_path, doc.record_no, doc.doc_id, doc.text])).toEqual([
      ['bridge.html', null, '', ''],
      ['empty.html', null, '', ''],
      ['latin1.html', null, '', ''],
      ['pages.jsonl', 1, '', ''],
      ['pages.jsonl', 2, '', ''],
    ]);

    const step = collector();
    for await (const doc of htmlStage().run(each(read.docs), step.context)) step.docs.push(doc);
    expect(step.docs).toEqual(inline.docs);
    expect([...read.problems, ...step.problems].map((p) => p.code).sort()).toEqual(inline.problems.map((p) => p.code).sort());
    expect([...read.problems, ...step.problems]).toEqual(expect.arrayContaining(inline.problems));
    expect(step.dropped).toEqual({ 'empty-file': 1 });
    expect(inline.dropped).toEqual({ 'empty-file': 1 });
  });

  it('extracts text and metadata, and ids the document by its extracted text', async () => {
    const files = await corpus();
    const read = collector();
    for await (const doc of ingestStage({ deferHtml: true }).run(each(files), read.context)) read.docs.push(doc);
    const step = collector();
    for await (const doc of htmlStage().run(each(read.docs), step.context)) step.docs.push(doc);
    const byPlace = Object.fromEntries(step.docs.map((doc) => [`${doc.source_path}#${doc.record_no ?? ''}`, doc]));
    expect(Object.keys(byPlace).sort()).toEqual(['bridge.html#', 'latin1.html#', 'note.txt#', 'pages.jsonl#1', 'pages.jsonl#2']);
    expect(byPlace['bridge.html#']).toMatchObject({ title: 'Harbour bridge to close to cars', site: 'The Daily Example', published_at: '2023-03-14', html_extraction: 'readability', pending_page: null });
    expect(byPlace['bridge.html#']!.text).toContain(BODY[0]);
    expect(byPlace['bridge.html#']!.doc_id).toMatch(/^[0-9a-f]{16}$/);
    // The record's unreadable date is reported by ingest; the page's own date does not stand in for it.
    expect(byPlace['pages.jsonl#1']).toMatchObject({ source: 'example', published_at: null, site: 'The Daily Example' });
    expect(read.problems).toMatchObject([{ source_path: 'pages.jsonl', line: 1, code: 'unparsed-date' }]);
    expect(byPlace['pages.jsonl#2']).toMatchObject({ title: 'Ferry', text: BODY[3] });
    expect(byPlace['note.txt#']).toBe(read.docs.find((doc) => doc.source_path === 'note.txt'));
    expect(step.problems.map((p) => [p.source_path, p.code, p.doc_id === byPlace['latin1.html#']!.doc_id])).toEqual([
      ['empty.html', 'empty-file', false],
      ['latin1.html', 'invalid-utf8', true],
    ]);
  });
});
