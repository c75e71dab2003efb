/** Builders for small WARC files in tests (ISO 28500 records, HTTP messages, article pages). */

export const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

/** One WARC record: headers, block, and the blank line that ends it. */
export function warcRecord(type: string, uri: string, block: Buffer | string, extra: Record<string, string> = {}): Buffer {
  const bytes = Buffer.from(block);
  const headers = { 'WARC-Type': type, 'WARC-Target-URI': uri, 'WARC-Date': '2022-01-18T10:15:00Z', 'WARC-Record-ID': `<urn:uuid:${type}-${uri.length}>`, ...extra, 'Content-Length': String(bytes.length) };
  const head = `WARC/1.0\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), bytes, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response message as a WARC response record's block. */
export function httpResponse(status: string, contentType: string, body: Buffer | string, extraHeaders = ''): Buffer {
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\n${extraHeaders}\r\n`), Buffer.from(body)]);
}
