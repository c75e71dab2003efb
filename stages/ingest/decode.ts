import { gunzipSync } from 'node:zlib';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' }
  | { ok: false; code: string; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €...). Node's
 * TextDecoder('windows-1252') decodes those bytes as C1 control characters, so they are mapped
 * here; the five bytes 1252 leaves undefined keep their Latin-1 value.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(data: Uint8Array): string {
  let text = '';
  for (let i = 0; i < data.length; i += 8192) {
    const chunk = data.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}

/**
 * Largest input the pipeline reads, as a file or once unpacked from gzip: one article is far
 * smaller, and the limit keeps a gzip bomb or a stray disk image from exhausting memory.
 * WARC files are streamed and have no size limit; each HTML response record in them is held to
 * this limit instead (stages/ingest/warc.ts).
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** How many leading bytes are inspected for NUL bytes, the mark of a binary file. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * Turns file bytes into text. Gzip is unpacked when the name ends in `.gz`. Text that is not
 * valid UTF-8 is decoded as Windows-1252 (the usual encoding of legacy scrapes) and reported,
 * never dropped; files with NUL bytes are binary and refused.
 */
export function decodeBytes(bytes: Uint8Array, fileName: string, maxBytes = MAX_INPUT_BYTES): Decoded {
  let data = bytes;
  if (fileName.toLowerCase().endsWith('.gz')) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        return { ok: false, code: 'gzip-too-large', message: `unpacks to more than ${maxBytes} bytes, the input size limit; split it into smaller files.` };
      }
      return { ok: false, code: 'corrupt-gzip', message: `cannot unpack gzip (${(error as Error).message}); re-download the file or unpack it by hand to see what is left.` };
    }
  }
  const sniff = data.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) {
    return { ok: false, code: 'binary-file', message: 'contains NUL bytes, so it is not text; remove it from the input or convert it to UTF-8 text.' };
  }
  try {
    return { ok: true, text: stripBom(utf8.decode(data)), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: stripBom(decodeWindows1252(data)), encoding: 'windows-1252' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
