import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Stage, StageContext } from '../../pipeline/stage.js';
import type { InputFormat, RawDoc } from '../types.js';
import { decodeBytes, MAX_INPUT_BYTES } from './decode.js';
import type { InputFile } from './discover.js';
import { admitDoc, reportEmpty } from './admit.js';
import { documentId } from './doc-id.js';
import { completePage } from './html-step.js';
import { formatOf, htmlPage, parseFile, type SourceRecord, type WholeFileFormat } from './records.js';
import { readWarc } from './warc.js';

export { discoverInputs, type InputFile } from './discover.js';

export interface IngestOptions {
  /**
   * Called with the SHA-256 of each file read whole (WARC files are streamed, so not them): an
   * incremental run records the digest of the bytes it processed instead of reading every file a
   * second time after the run (19,629 files of the 50 MB corpus: 0.8–1.6 s to read again, ≈ 0.05 s
   * to digest the bytes in memory).
   */
  onFileDigest?: (file: InputFile, sha256: string) => void;
  /**
   * Leave HTML pages' extraction to the per-document phase, which runs it in the worker threads
   * (html-step.ts): pages come out with `pending_page` set and no id yet. Without it, ingest
   * extracts them itself.
   */
  deferHtml?: boolean;
}

/** Bytes read from a WARC file at a time; records are parsed out of the stream, never the whole file. */
const WARC_READ_CHUNK_BYTES = 1024 * 1024;

/** A file read whole, a WARC file opened for streaming when its turn comes, or why it could not be read. */
type ReadResult = { file: InputFile; bytes: Buffer } | { file: InputFile; warc: FileHandle } | { file: InputFile; error: NodeJS.ErrnoException };

/**
 * Reads input files in input order (so runs are deterministic), decodes them and splits them into
 * one RawDoc per article.
 *
 * Files are read synchronously, one after the other. Input files are small (the generated
 * corpora's average 2.6 KB) and node:fs/promises pays a thread-pool round trip for each of open,
 * fstat, read and close: reading the 19,630 files of the 50 MB corpus took 4.2–4.9 s and ≈ 5 CPU
 * s through `readFile` with two reads at a time (2.2 s with eight), against 0.3 s and 0.4 CPU s
 * with `readFileSync`, on this project's 2-core VM. A small file's read blocks the main thread
 * for microseconds, while the workers it feeds keep their cores.
 */
export function ingestStage(options: IngestOptions = {}): Stage<InputFile, RawDoc> {
  return {
    name: 'ingest',
    version: '1.4.0',
    async *run(files, context) {
      for await (const file of files) {
        const result = await read(file);
        if (options.onFileDigest && 'bytes' in result) options.onFileDigest(result.file, createHash('sha256').update(result.bytes).digest('hex'));
        for await (const doc of documentsOf(result, context)) {
          const ready = doc.pending_page && !options.deferHtml ? completePage(doc, context) : doc;
          if (ready) yield ready;
        }
      }
    },
  };
}

/**
 * A WARC file is only opened here: it is streamed record by record, and its size is not limited
 * (MAX_INPUT_BYTES applies to each record instead). Other files are read whole, within the limit.
 */
async function read(file: InputFile): Promise<ReadResult> {
  const warc = formatOf(file.source_path) === 'warc';
  if (!warc && file.bytes > MAX_INPUT_BYTES) return { file, error: Object.assign(new Error('file too large'), { code: 'EFBIG' }) };
  try {
    return warc ? { file, warc: await open(file.absolute_path) } : { file, bytes: readFileSync(file.absolute_path) };
  } catch (error) {
    return { file, error: error as NodeJS.ErrnoException };
  }
}

async function* documentsOf(result: ReadResult, context: StageContext): AsyncGenerator<RawDoc> {
  const { file } = result;
  const where = { source_path: file.source_path, doc_id: null };
  if ('error' in result) {
    reportReadError(file, result.error, context);
    return;
  }
  if ('warc' in result) {
    yield* warcDocuments(file, result.warc, context);
    return;
  }
  // WARC files took the branch above.
  const format = formatOf(file.source_path) as WholeFileFormat | null;
  if (format === null) {
    context.problem({ ...where, line: null, code: 'unsupported-format', message: `${file.source_path}: unknown file type; supported are .txt, .jsonl, .json, .csv, .html/.htm, .warc (optionally .gz). Rename the file or leave it out of --input.` });
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
    reportEmpty(file.source_path, null, context);
    return;
  }
  for (const record of parsed.records) {
    const bytes = record.record_no === null ? file.bytes : Buffer.byteLength(record.pending_page?.markup ?? record.text);
    const doc = admitted(rawDoc(file, format, decoded.encoding, record, bytes), context);
    if (doc) yield doc;
  }
}

/**
 * One document per HTTP 200 HTML response (warc.ts), extracted like an .html file; the
 * record's WARC-Target-URI and WARC-Date fill `url` and `crawled_at`. Other records are counted
 * drops by reason; a broken record is a problem, and the records before it are kept.
 */
async function* warcDocuments(file: InputFile, handle: FileHandle, context: StageContext): AsyncGenerator<RawDoc> {
  const where = { source_path: file.source_path, doc_id: null };
  let records = 0;
  try {
    const events = readWarc(handle.createReadStream({ highWaterMark: WARC_READ_CHUNK_BYTES }), { compressed: /\.gz$/i.test(file.source_path), maxRecordBytes: MAX_INPUT_BYTES, fileName: file.absolute_path });
    for await (const event of events) {
      records++;
      if (event.kind === 'skip') {
        context.drop(event.reason);
        continue;
      }
      if (event.kind === 'problem') {
        context.problem({ ...where, line: event.record_no, code: event.code, message: `${file.source_path}: ${event.message}` });
        context.drop(event.code);
        continue;
      }
      // The payload is a page, not a file: no gzip to unpack (content coding was undone by readWarc).
      const decoded = decodeBytes(event.payload, 'payload.html');
      const page = decoded.ok ? htmlPage(decoded.text, event.record_no) : { problem: { line: event.record_no, code: decoded.code, message: `WARC record ${event.record_no}: ${decoded.message}` } };
      if ('problem' in page) {
        context.problem({ ...where, ...page.problem, message: `${file.source_path}: ${page.problem.message}` });
        context.drop(page.problem.code);
        continue;
      }
      const record = { ...page.record, url: event.url, crawled_at: event.crawled_at };
      const encoding = decoded.ok ? decoded.encoding : 'utf-8';
      const doc = admitted(rawDoc(file, 'warc', encoding, record, event.payload.length), context);
      if (doc) yield doc;
    }
  } catch (error) {
    reportReadError(file, error as NodeJS.ErrnoException, context);
    return;
  } finally {
    await handle.close();
  }
  if (records === 0) reportEmpty(file.source_path, null, context);
}

function reportReadError(file: InputFile, error: NodeJS.ErrnoException, context: StageContext): void {
  const where = { source_path: file.source_path, doc_id: null, line: null };
  if (error.code === 'EFBIG') {
    context.problem({ ...where, code: 'file-too-large', message: `${file.source_path} has ${file.bytes} bytes, over the ${MAX_INPUT_BYTES}-byte input limit; split it into smaller files.` });
    context.drop('file-too-large');
    return;
  }
  const code = error.code === 'EACCES' || error.code === 'EPERM' ? 'permission-denied' : error.code === 'ENOENT' ? 'file-vanished' : 'unreadable-file';
  const fix = {
    'permission-denied': 'give the pipeline read permission (chmod o+r, or run as its owner) or remove it from the input',
    'file-vanished': 'it was deleted or moved after the run listed the input; the next run picks up the folder as it is then',
    'unreadable-file': 'check the disk or network mount, or remove it from the input',
  }[code];
  context.problem({ ...where, code, message: `cannot read ${file.absolute_path} (${error.code ?? error.message}); ${fix}.` });
  context.drop(code);
}

/** A document with its text known passes admitDoc; a pending page waits for its extraction (completePage). */
function admitted(doc: RawDoc, context: StageContext): RawDoc | null {
  return doc.pending_page ? doc : admitDoc(doc, context);
}

/** The document for a record; a pending page's id is left empty until its text is extracted. */
function rawDoc(file: InputFile, format: InputFormat, encoding: RawDoc['encoding'], record: SourceRecord, bytes: number): RawDoc {
  return {
    doc_id: record.pending_page ? '' : documentId(file.source_path, record.record_no, record.text),
    source_path: file.source_path,
    record_no: record.record_no,
    format,
    encoding,
    text: record.text,
    first_line_no: record.first_line_no,
    title: record.title,
    title_line_no: record.title_line_no ?? null,
    published_at: record.published_at,
    crawled_at: record.crawled_at,
    url: record.url,
    source: record.source,
    site: record.site ?? null,
    author: record.author ?? null,
    lang: record.lang ?? null,
    html_extraction: record.html_extraction ?? null,
    bytes,
    pending_page: record.pending_page ?? null,
  };
}
