import { readFile } from 'node:fs/promises';
import PQueue from 'p-queue';
import type { Stage, StageContext } from '../../pipeline/stage.js';
import type { RawDoc } from '../types.js';
import { decodeBytes, MAX_INPUT_BYTES } from './decode.js';
import type { InputFile } from './discover.js';
import { documentId } from './doc-id.js';
import { formatOf, parseFile } from './records.js';

export { discoverInputs, type InputFile } from './discover.js';

export interface IngestOptions {
  /** Files read at once. */
  concurrency: number;
}

type ReadResult = { file: InputFile; bytes: Buffer } | { file: InputFile; error: NodeJS.ErrnoException };

/**
 * Reads input files (bounded concurrency, output in input order so runs are deterministic),
 * decodes them and splits them into one RawDoc per article.
 */
export function ingestStage(options: IngestOptions): Stage<InputFile, RawDoc> {
  return {
    name: 'ingest',
    version: '1.0.0',
    async *run(files, context) {
      const queue = new PQueue({ concurrency: options.concurrency });
      const window: Promise<ReadResult>[] = [];
      const maxAhead = options.concurrency * 4;
      const iterator = files[Symbol.asyncIterator]();
      let exhausted = false;
      for (;;) {
        while (!exhausted && window.length < maxAhead) {
          const next = await iterator.next();
          if (next.done) exhausted = true;
          else window.push(queue.add(() => read(next.value), { throwOnTimeout: true }));
        }
        const head = window.shift();
        if (!head) return;
        yield* documentsOf(await head, context);
      }
    },
  };
}

async function read(file: InputFile): Promise<ReadResult> {
  if (file.bytes > MAX_INPUT_BYTES) return { file, error: Object.assign(new Error('file too large'), { code: 'EFBIG' }) };
  try {
    return { file, bytes: await readFile(file.absolute_path) };
  } catch (error) {
    return { file, error: error as NodeJS.ErrnoException };
  }
}

function* documentsOf(result: ReadResult, context: StageContext): Generator<RawDoc> {
  const { file } = result;
  const where = { source_path: file.source_path, doc_id: null };
  if ('error' in result) {
    if (result.error.code === 'EFBIG') {
      context.problem({ ...where, line: null, code: 'file-too-large', message: `${file.source_path} has ${file.bytes} bytes, over the ${MAX_INPUT_BYTES}-byte input limit; split it into smaller files.` });
      context.drop('file-too-large');
      return;
    }
    const code = result.error.code === 'EACCES' ? 'permission-denied' : result.error.code === 'ENOENT' ? 'file-vanished' : 'unreadable-file';
    context.problem({ ...where, line: null, code, message: `cannot read ${file.absolute_path} (${result.error.code ?? result.error.message}); fix its permissions or remove it from the input.` });
    context.drop(code);
    return;
  }
  const format = formatOf(file.source_path);
  if (format === null) {
    context.problem({ ...where, line: null, code: 'unsupported-format', message: `${file.source_path}: unknown file type; supported are .txt, .jsonl, .json, .csv, .html/.htm (optionally .gz). Rename the file or leave it out of --input.` });
    context.drop('unsupported-format');
    return;
  }
  const decoded = decodeBytes(result.bytes, file.source_path);
  if (!decoded.ok) {
    context.problem({ ...where, line: null, code: decoded.code, message: `${file.source_path}: ${decoded.message}` });
    context.drop(decoded.code);
    return;
  }
  const parsed = parseFile(decoded.text, format);
  for (const problem of parsed.problems) context.problem({ ...where, ...problem, message: `${file.source_path}: ${problem.message}` });
  if (parsed.records.length === 0 && parsed.problems.length === 0) {
    context.problem({ ...where, line: null, code: 'empty-file', message: `${file.source_path} holds no text; nothing to read.` });
    context.drop('empty-file');
    return;
  }
  for (const record of parsed.records) {
    if (record.text.trim() === '' && record.title === null) {
      context.problem({ ...where, line: record.record_no, code: 'empty-file', message: `${file.source_path} holds no text; nothing to read.` });
      context.drop('empty-file');
      continue;
    }
    const doc_id = documentId(file.source_path, record.record_no, record.text);
    if (decoded.encoding !== 'utf-8') {
      context.problem({ source_path: file.source_path, doc_id, line: null, code: 'invalid-utf8', message: `${file.source_path} is not valid UTF-8; decoded it as Windows-1252. Check accented characters, or convert the file to UTF-8.` });
    }
    yield {
      doc_id,
      source_path: file.source_path,
      record_no: record.record_no,
      format,
      encoding: decoded.encoding,
      text: record.text,
      first_line_no: record.first_line_no,
      title: record.title,
      published_at: record.published_at,
      crawled_at: record.crawled_at,
      url: record.url,
      source: record.source,
      site: record.site ?? null,
      author: record.author ?? null,
      lang: record.lang ?? null,
      html_extraction: record.html_extraction ?? null,
      bytes: record.record_no === null ? file.bytes : Buffer.byteLength(record.text),
    };
  }
}
