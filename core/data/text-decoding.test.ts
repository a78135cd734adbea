import { describe, expect, it } from 'vitest';
import { decodeTextBytes, splitLines } from './text-decoding';
import { inspectTextBytes } from './inspect-file';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 255;
    out[3 + i * 2] = bigEndian ? c & 255 : c >> 8;
  }
  return out;
}

describe('decodeTextBytes', () => {
  it.each([
    ['UTF-8 without BOM', utf8('你好 world'), 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('你好 world')]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16('你好 world', false), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16('你好 world', true), 'utf-16be'],
  ])('decodes %s', (_t, bytes, encoding) => {
    expect(decodeTextBytes(bytes)).toEqual({ ok: true, text: '你好 world', encoding });
  });
  it('falls back to GB18030 for GBK bytes (你好，世界)', () => {
    const gbk = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]);
    expect(decodeTextBytes(gbk)).toEqual({ ok: true, text: '你好，世界', encoding: 'gb18030' });
  });
  it('rejects binary junk as undecodable-text', () => {
    const junk = Uint8Array.from([0x80, 0x00, 0xff, 0x01, 0x90, 0x02, 0x00, 0x07]);
    expect(decodeTextBytes(junk)).toEqual({ ok: false, reason: 'undecodable-text' });
  });
  it('reports empty and oversized files without decoding them', () => {
    expect(decodeTextBytes(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' });
    expect(decodeTextBytes(new Uint8Array(101), 100)).toEqual({ ok: false, reason: 'too-large' });
  });
});

describe('inspectTextBytes', () => {
  it('splits lines mode into non-empty trimmed lines', () => {
    expect(splitLines('a\r\n\r\n b \nc\r')).toEqual(['a', 'b', 'c']);
    expect(inspectTextBytes(utf8('好评\n差评\n'), 'lines')).toMatchObject({
      ok: true,
      texts: ['好评', '差评'],
    });
  });
  it('treats a whitespace-only file as empty', () => {
    expect(inspectTextBytes(utf8(' \n\t '), 'files')).toEqual({ ok: false, reason: 'empty' });
  });
});
