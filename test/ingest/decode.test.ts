import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../stages/ingest/decode.js';

describe('decodeBytes', () => {
  it('decodes UTF-8 and strips a byte-order mark', () => {
    expect(decodeBytes(Buffer.from('\ufeffcafé', 'utf8'), 'a.txt')).toEqual({ ok: true, text: 'café', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 for invalid UTF-8 and keeps the text', () => {
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]); // café “q” in cp1252
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ ok: true, text: 'café “q”', encoding: 'windows-1252' });
  });

  it('refuses binary files', () => {
    expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'a.txt')).toMatchObject({ ok: false, code: 'binary-file' });
  });

  it('unpacks .gz and reports corrupt gzip', () => {
    expect(decodeBytes(gzipSync(Buffer.from('hello')), 'a.txt.gz')).toMatchObject({ ok: true, text: 'hello' });
    expect(decodeBytes(Buffer.from('not gzip'), 'a.txt.gz')).toMatchObject({ ok: false, code: 'corrupt-gzip' });
  });

  it('refuses a gzip that unpacks past the size limit (a gzip bomb) without unpacking it all', () => {
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expect(decodeBytes(bomb, 'bomb.txt.gz', 1024 * 1024)).toMatchObject({ ok: false, code: 'gzip-too-large' });
  });
});
