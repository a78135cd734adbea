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
    expect(decodeTextBytes(bytes)).toEqual({
      ok: true,
      text: '你好 world',
      encoding,
      guessed: false,
    });
  });
  it('guesses GB18030 for GBK bytes (你好，世界) and says it guessed', () => {
    const gbk = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]);
    expect(decodeTextBytes(gbk)).toEqual({
      ok: true,
      text: '你好，世界',
      encoding: 'gb18030',
      guessed: true,
    });
  });
  it('guesses Big5 for traditional Chinese (這是中文的問題)', () => {
    // 這 b3 6f, 是 ac 4f, 中 a4 a4, 文 a4 e5, 的 aa ba, 問 b0 dd, 題 c3 44
    const big5 = Uint8Array.from([
      0xb3, 0x6f, 0xac, 0x4f, 0xa4, 0xa4, 0xa4, 0xe5, 0xaa, 0xba, 0xb0, 0xdd, 0xc3, 0x44,
    ]);
    expect(decodeTextBytes(big5)).toEqual({
      ok: true,
      text: '這是中文的問題',
      encoding: 'big5',
      guessed: true,
    });
  });
  it('takes Latin text that is not UTF-8 as Windows-1252, not as Chinese', () => {
    // “Café — résumé” in Windows-1252: curly quotes 93/94, é e9, em dash 97.
    const cp1252 = Uint8Array.from([
      0x93, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x97, 0x20, 0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x94,
    ]);
    expect(decodeTextBytes(cp1252)).toEqual({
      ok: true,
      text: '“Café — résumé”',
      encoding: 'windows-1252',
      guessed: true,
    });
    // "réservée": é+s and é+e pair up as valid GB18030 double bytes (r閟erv閑), yet rare characters.
    const pairs = Uint8Array.from([0x72, 0xe9, 0x73, 0x65, 0x72, 0x76, 0xe9, 0x65]);
    expect(decodeTextBytes(pairs)).toMatchObject({ text: 'réservée', encoding: 'windows-1252' });
  });
  it('reads every file in the encoding the user chose, without guessing', () => {
    const gbk = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3]);
    expect(decodeTextBytes(gbk, 100, 'windows-1252')).toEqual({
      ok: true,
      text: 'ÄãºÃ',
      encoding: 'windows-1252',
      guessed: false,
    });
    expect(decodeTextBytes(gbk, 100, 'utf-8')).toEqual({ ok: false, reason: 'undecodable-text' });
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

describe('decodeTextBytes on old mail', () => {
  it('keeps a Windows-1252 mail with a stray run of corrupt bytes, but not a binary file', () => {
    const text = new Uint8Array(600).fill(0x61);
    text.set([0xe9, 0x01, 0x1f], 100); // é and two control bytes in 600 characters
    expect(decodeTextBytes(text)).toMatchObject({ ok: true, encoding: 'windows-1252' });
    const binary = Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256);
    expect(decodeTextBytes(binary)).toEqual({ ok: false, reason: 'undecodable-text' });
  });
});
