/**
 * Streaming WARC reader (ISO 28500, WARC/1.0 and 1.1), plain or gzip-compressed one member per
 * record as Common Crawl writes them (a whole-file gzip stream works too). Records are read one at
 * a time, so memory is bounded by the largest record kept, never by the file.
 *
 * Hand-written rather than warcio: on generated files with a truncated record, a corrupt gzip
 * member and a wrong Content-Length, warcio 2.4.11 ends or trims silently in every case (0 of 7
 * broken files reported), so broken records could not become `problems` rows; its speed is on a
 * par (CPU seconds on a 98 MB, 18,001-record file: plain 0.9 vs 0.6–0.7 here, per-record gzip
 * 1.8–2.3 vs 2.0–2.8) and it brings 33 packages (docs/decisions.md, 2026-11-22).
 */
import { createInflateRaw, crc32, brotliDecompressSync, gunzipSync, inflateSync, type InflateRaw } from 'node:zlib';

/** Longest WARC or HTTP header block read; real ones are under 4 KiB, so a longer one is not a header. */
export const MAX_WARC_HEADER_BYTES = 64 * 1024;

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so one step
 * yields at most ~17 MB whatever the input, which keeps a gzip bomb from filling memory.
 */
const INFLATE_STEP_BYTES = 16 * 1024;

/** An HTTP 200 HTML response: its payload bytes (undecoded) and the record's metadata. */
export interface WarcPage {
  kind: 'page';
  record_no: number;
  url: string | null;
  /** WARC-Date as an ISO-8601 UTC timestamp. */
  crawled_at: string | null;
  payload: Buffer;
}

/** A record that is not an article page (request, metadata, non-HTML...), with the counted reason. */
export interface WarcSkip {
  kind: 'skip';
  record_no: number;
  reason: string;
}

/** A broken record. When `fatal`, the file cannot be read past it and nothing follows. */
export interface WarcProblem {
  kind: 'problem';
  record_no: number;
  code: string;
  message: string;
  fatal: boolean;
}

export type WarcEvent = WarcPage | WarcSkip | WarcProblem;

/** Skip reasons by WARC-Type; other types (resource, conversion, continuation) are `warc-other-type`. */
const SKIPPED_TYPES: Record<string, string> = { request: 'warc-request', metadata: 'warc-metadata', revisit: 'warc-revisit', warcinfo: 'warc-warcinfo' };
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const CRLF2 = Buffer.from('\r\n\r\n');

/** A broken byte stream: the record being read when it was found gets the code and message. */
class WarcFormatError extends Error {
  /** `member`: file offset of the gzip member found broken, when the gzip layer found it. */
  constructor(readonly code: string, message: string, readonly member?: number) {
    super(message);
  }
}

interface Chunk {
  data: Buffer;
  /** Offset, in the file, of the gzip member the bytes come from; null for a plain file. */
  member: number | null;
}

/** Buffered bytes pulled from a chunk stream on demand, with the stream offset of the first one. */
class ByteQueue {
  private readonly chunks: Chunk[] = [];
  private buffered = 0;
  private done = false;
  /** Bytes consumed so far: the offset of the first buffered byte. */
  offset = 0;

  constructor(private readonly source: AsyncIterator<Chunk>) {}

  get length(): number {
    return this.buffered;
  }

  /** Gzip member of the first buffered byte (pulls one chunk if nothing is buffered). */
  async headMember(): Promise<number | null> {
    await this.fill(1);
    return this.chunks[0]?.member ?? null;
  }

  /** Buffers at least `n` bytes unless the stream ends first; returns whether it could. */
  async fill(n: number): Promise<boolean> {
    while (this.buffered < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else if (next.value.data.length > 0) {
        this.chunks.push(next.value);
        this.buffered += next.value.data.length;
      }
    }
    return this.buffered >= n;
  }

  /** The first `n` buffered bytes (fewer if fewer are buffered), without consuming them. */
  peek(n: number): Buffer {
    const parts: Buffer[] = [];
    let wanted = Math.min(n, this.buffered);
    for (const chunk of this.chunks) {
      if (wanted === 0) break;
      const part = chunk.data.subarray(0, wanted);
      parts.push(part);
      wanted -= part.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** Consumes `n` buffered bytes and returns them. */
  take(n: number): Buffer {
    const taken = this.peek(n);
    this.drop(taken.length);
    return taken;
  }

  /** Puts bytes back in front (what an inflater did not consume). */
  unshift(data: Buffer): void {
    this.chunks.unshift({ data, member: null });
    this.buffered += data.length;
    this.offset -= data.length;
  }

  /** Consumes and discards `n` bytes, buffering at most one chunk at a time; returns how many there were. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0 && (await this.fill(1))) left -= this.drop(Math.min(left, this.chunks[0]!.data.length));
    return n - left;
  }

  private drop(n: number): number {
    let left = n;
    while (left > 0) {
      const head = this.chunks[0]!;
      if (head.data.length <= left) {
        left -= head.data.length;
        this.chunks.shift();
      } else {
        head.data = head.data.subarray(left);
        left = 0;
      }
    }
    this.buffered -= n;
    this.offset += n;
    return n;
  }
}

export interface WarcOptions {
  /** Whether the file is gzip (`.warc.gz`). */
  compressed: boolean;
  /** HTML responses whose block is larger are refused with a problem and skipped. */
  maxRecordBytes: number;
  /** File path, for the repair command in messages. */
  fileName: string;
}

/**
 * Reads WARC records from a file's raw bytes. Yields one event per record: a page, a skip, or a
 * problem; after a fatal problem (truncation, bad Content-Length, corrupt gzip) it ends, the
 * records before it having been yielded. HTML responses over `maxRecordBytes` are refused and skipped.
 */
export async function* readWarc(bytes: AsyncIterable<Buffer>, options: WarcOptions): AsyncGenerator<WarcEvent> {
  const queue = new ByteQueue(options.compressed ? gunzipMembers(bytes) : plainChunks(bytes));
  let recordNo = 0;
  let start = 0;
  let where = 'at byte 0';
  try {
    for (;;) {
      recordNo++;
      start = queue.offset;
      where = `after unpacked byte ${start}`;
      const member = await queue.headMember();
      start = member ?? queue.offset;
      where = member === null ? `at byte ${start}` : `in the gzip member at byte ${start}`;
      if (queue.length === 0) return;
      const event = await readRecord(queue, recordNo, options.maxRecordBytes, where);
      if (event) yield event;
    }
  } catch (error) {
    if (!(error instanceof WarcFormatError)) throw error;
    // The gzip layer's messages name their member; the record's own position may not be known then.
    if (error.member !== undefined) start = error.member;
    const location = error.member === undefined ? ` (${where})` : '';
    const repair = start > 0 ? `keep the good part with \`head -c ${start} ${JSON.stringify(options.fileName)} > fixed.warc${options.compressed ? '.gz' : ''}\`` : 're-download or re-export it';
    yield {
      kind: 'problem',
      record_no: recordNo,
      code: error.code,
      message: `WARC record ${recordNo}${location}: ${error.message}; the ${recordNo - 1} records before it were read, the rest of the file was not. Re-download the file, or ${repair}.`,
      fatal: true,
    };
  }
}

async function* plainChunks(bytes: AsyncIterable<Buffer>): AsyncGenerator<Chunk> {
  for await (const data of bytes) yield { data, member: null };
}

/** One record: headers, then the block (kept only for HTML responses), then the CRLF CRLF trailer. */
async function readRecord(queue: ByteQueue, recordNo: number, maxRecordBytes: number, where: string): Promise<WarcEvent> {
  const headers = parseHeaderLines(await readHeaderBlock(queue, 'WARC'));
  const version = headers.get('') ?? '';
  if (!/^WARC\/1\.[01]$/.test(version)) throw new WarcFormatError('warc-malformed-record', `starts with "${version.slice(0, 40)}" instead of a WARC/1.0 or WARC/1.1 line, so it is not a WARC record (or the previous record's Content-Length is wrong)`);
  const lengthField = headers.get('content-length') ?? '';
  if (!/^\d+$/.test(lengthField)) throw new WarcFormatError('warc-bad-content-length', `Content-Length "${lengthField.slice(0, 40)}" is not a byte count`);
  const blockLength = Number(lengthField);
  const type = headers.get('warc-type') ?? '';
  let event: WarcEvent | null = null;
  if (type !== 'response') event = { kind: 'skip', record_no: recordNo, reason: SKIPPED_TYPES[type] ?? 'warc-other-type' };
  else {
    await queue.fill(Math.min(blockLength, MAX_WARC_HEADER_BYTES));
    const http = parseHttpHead(queue.peek(Math.min(blockLength, MAX_WARC_HEADER_BYTES)), headers);
    if ('skip' in http) event = { kind: 'skip', record_no: recordNo, reason: http.skip };
    else if (blockLength > maxRecordBytes) {
      event = {
        kind: 'problem',
        record_no: recordNo,
        code: 'warc-record-too-large',
        message: `WARC record ${recordNo} (${where}) holds ${blockLength} bytes, over the ${maxRecordBytes}-byte per-record limit; skipped it and read on. No news page is that large: split or drop the page.`,
        fatal: false,
      };
    } else {
      if (!(await queue.fill(blockLength))) throw new WarcFormatError('warc-truncated', `the file ends inside the record (${queue.length} of its ${blockLength} bytes are there)`);
      const body = queue.take(blockLength).subarray(http.bodyStart);
      event = pageEvent(body, http.headers, headers, recordNo, maxRecordBytes, where);
    }
  }
  if (event.kind !== 'page') await skipExactly(queue, blockLength);
  if (!(await queue.fill(4))) throw new WarcFormatError('warc-truncated', 'the file ends right after the record, without its closing blank line');
  if (!queue.take(4).equals(CRLF2)) throw new WarcFormatError('warc-bad-content-length', `the record is not followed by a blank line where its Content-Length (${blockLength}) says it ends`);
  return event;
}

async function skipExactly(queue: ByteQueue, n: number): Promise<void> {
  const skipped = await queue.skip(n);
  if (skipped < n) throw new WarcFormatError('warc-truncated', `the file ends inside the record (${skipped} of its ${n} bytes are there)`);
}

/** Reads header lines up to the blank line, within MAX_WARC_HEADER_BYTES. */
async function readHeaderBlock(queue: ByteQueue, what: string): Promise<string> {
  let searched = 0;
  for (;;) {
    const window = queue.peek(MAX_WARC_HEADER_BYTES);
    const end = window.indexOf(CRLF2, Math.max(0, searched - 3));
    if (end >= 0) return queue.take(end + 4).subarray(0, end).toString('utf8');
    searched = window.length;
    if (searched >= MAX_WARC_HEADER_BYTES) throw new WarcFormatError('warc-malformed-record', `its ${what} header has no end within ${MAX_WARC_HEADER_BYTES} bytes`);
    if (!(await queue.fill(searched + 1))) throw new WarcFormatError('warc-truncated', `the file ends inside the ${what} header`);
  }
}

/** `Name: value` lines into a map keyed by lower-cased name; the first line is stored under ''. */
function parseHeaderLines(block: string): Map<string, string> {
  const lines = block.split('\r\n');
  const headers = new Map<string, string>([['', lines[0]!.trim()]]);
  let last = '';
  for (const line of lines.slice(1)) {
    if (/^[ \t]/.test(line) && last !== '') {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** The HTTP status and headers at the start of a response block: a 200 with an HTML body, or why it is skipped. */
function parseHttpHead(head: Buffer, warc: Map<string, string>): { skip: string } | { headers: Map<string, string>; bodyStart: number } {
  const end = head.indexOf(CRLF2);
  if (end < 0 || !head.subarray(0, 5).equals(Buffer.from('HTTP/'))) return { skip: 'warc-not-http' };
  const headers = parseHeaderLines(head.subarray(0, end).toString('latin1'));
  if (!/^HTTP\/\S+\s+200\b/.test(headers.get('')!)) return { skip: 'warc-not-200' };
  const mediaType = (headers.get('content-type') ?? warc.get('warc-identified-payload-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!HTML_TYPES.has(mediaType)) return { skip: 'warc-not-html' };
  return { headers, bodyStart: end + 4 };
}

function pageEvent(body: Buffer, http: Map<string, string>, warc: Map<string, string>, recordNo: number, maxRecordBytes: number, where: string): WarcEvent {
  try {
    const payload = decodeHttpBody(body, http, maxRecordBytes);
    return { kind: 'page', record_no: recordNo, url: targetUri(warc.get('warc-target-uri')), crawled_at: timestamp(warc.get('warc-date')), payload };
  } catch (error) {
    return {
      kind: 'problem',
      record_no: recordNo,
      code: 'warc-bad-payload',
      message: `WARC record ${recordNo} (${where}): cannot decode its HTTP body (${(error as Error).message}); skipped it and read on. The crawler stored a damaged or unsupported encoding; nothing to fix unless the page matters.`,
      fatal: false,
    };
  }
}

/** Undoes chunked transfer coding and gzip/deflate/br content coding, which crawlers other than Common Crawl keep. */
function decodeHttpBody(body: Buffer, http: Map<string, string>, maxBytes: number): Buffer {
  let data = /\bchunked\b/i.test(http.get('transfer-encoding') ?? '') ? dechunk(body) : body;
  const encodings = (http.get('content-encoding') ?? '').toLowerCase().split(',').map((e) => e.trim()).filter((e) => e !== '' && e !== 'identity');
  for (const encoding of encodings.reverse()) {
    if (encoding === 'gzip' || encoding === 'x-gzip') data = gunzipSync(data, { maxOutputLength: maxBytes });
    else if (encoding === 'deflate') data = inflateSync(data, { maxOutputLength: maxBytes });
    else if (encoding === 'br') data = brotliDecompressSync(data, { maxOutputLength: maxBytes });
    else throw new Error(`unknown Content-Encoding "${encoding}"`);
  }
  return data;
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = lineEnd < 0 ? NaN : parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16);
    if (!Number.isInteger(size) || size < 0 || lineEnd + 2 + size > body.length) throw new Error(`bad chunk size at body byte ${at}`);
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** WARC/1.0 writers sometimes wrap the URI in angle brackets. */
function targetUri(raw: string | undefined): string | null {
  const uri = (raw ?? '').replace(/^<(.*)>$/, '$1').trim();
  return uri === '' ? null : uri;
}

function timestamp(raw: string | undefined): string | null {
  const parsed = Date.parse(raw ?? '');
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/**
 * Unpacks a gzip file member by member with a raw inflater per member, so every unpacked chunk
 * knows the file offset of its member (for messages) and a corrupt member loses nothing before
 * it. Node's multi-member gunzip would stop silently at a member whose magic bytes are damaged.
 */
async function* gunzipMembers(bytes: AsyncIterable<Buffer>): AsyncGenerator<Chunk> {
  const input = new ByteQueue(plainChunks(bytes));
  for (;;) {
    const member = input.offset;
    if (!(await input.fill(1))) return;
    input.take(await gzipHeaderLength(input, member));
    const inflater = createInflateRaw();
    // Errors are taken by inflateStep; this keeps a late duplicate from being an uncaught 'error' event.
    inflater.on('error', () => undefined);
    let crc = 0;
    let size = 0;
    let written = 0;
    for (;;) {
      if (!(await input.fill(1))) throw new WarcFormatError('warc-truncated', `the file ends inside the gzip member at byte ${member}`, member);
      const step = input.take(Math.min(INFLATE_STEP_BYTES, input.length));
      written += step.length;
      const output = await inflateStep(inflater, step, member);
      for (const data of output) {
        crc = crc32(data, crc);
        size += data.length;
        yield { data, member };
      }
      // The inflater stops at the end of the member's deflate data: what it left is the trailer and what follows.
      const unconsumed = written - inflater.bytesWritten;
      if (unconsumed > 0) {
        input.unshift(step.subarray(step.length - unconsumed));
        break;
      }
    }
    inflater.destroy();
    if (!(await input.fill(8))) throw new WarcFormatError('warc-truncated', `the file ends inside the gzip member at byte ${member} (its trailer is missing)`, member);
    const trailer = input.take(8);
    if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== size % 2 ** 32) {
      throw new WarcFormatError('corrupt-gzip', `the gzip member at byte ${member} fails its checksum, so its bytes are damaged`, member);
    }
  }
}

/** Length of the gzip member header at the front of `input` (RFC 1952: fixed 10 bytes plus optional fields). */
async function gzipHeaderLength(input: ByteQueue, member: number): Promise<number> {
  const corrupt = (why: string) => new WarcFormatError('corrupt-gzip', `no gzip member at byte ${member} (${why}), though a .warc.gz holds only gzip members`, member);
  if (!(await input.fill(10))) throw new WarcFormatError('warc-truncated', `the file ends inside the gzip header at byte ${member}`, member);
  const fixed = input.peek(10);
  if (fixed[0] !== 0x1f || fixed[1] !== 0x8b || fixed[2] !== 8) throw corrupt('wrong magic bytes');
  const flags = fixed[3]!;
  let length = 10;
  const need = async (n: number) => {
    if (!(await input.fill(length + n))) throw new WarcFormatError('warc-truncated', `the file ends inside the gzip header at byte ${member}`, member);
  };
  if (flags & 4) {
    await need(2);
    length += 2 + input.peek(length + 2).readUInt16LE(length);
  }
  for (const flag of [8, 16]) {
    if (!(flags & flag)) continue;
    // FNAME and FCOMMENT are NUL-terminated; header fields are short, so a missing NUL is damage.
    for (;;) {
      await need(1);
      if (input.peek(length + 1)[length++] === 0) break;
      if (length > MAX_WARC_HEADER_BYTES) throw corrupt('unterminated file name or comment');
    }
  }
  if (flags & 2) length += 2;
  await need(0);
  return length;
}

/** Writes one step into the inflater and collects what it unpacked; a zlib error becomes `corrupt-gzip`. */
function inflateStep(inflater: InflateRaw, step: Buffer, member: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const output: Buffer[] = [];
    const onData = (data: Buffer) => output.push(data);
    const settle = (error: Error | null | undefined) => {
      inflater.off('data', onData);
      inflater.off('error', settle);
      if (error) reject(new WarcFormatError('corrupt-gzip', `cannot unpack the gzip member at byte ${member} (${error.message})`, member));
      else resolve(output);
    };
    inflater.on('data', onData);
    // zlib reports a damaged stream as an 'error' event, sometimes through the write callback too: the first settles.
    inflater.on('error', settle);
    inflater.write(step, settle);
  });
}
