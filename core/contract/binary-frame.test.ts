import { describe, expect, it } from 'vitest';

import { decodeFrame, encodeFrame, maxHeaderBytes, sliceRange } from './binary-frame';

describe('binary frame', () => {
  it('round-trips a JSON header and payload chunks', () => {
    const frame = encodeFrame({ ok: true, files: ['a', '正面/b'] }, [
      Uint8Array.from([1, 2]),
      Uint8Array.from([3]),
    ]);
    const { header, payload } = decodeFrame(frame);
    expect(header).toEqual({ ok: true, files: ['a', '正面/b'] });
    expect([...payload]).toEqual([1, 2, 3]);
  });

  it('decodes a frame that sits inside a larger buffer', () => {
    const frame = encodeFrame({ n: 1 }, [Uint8Array.from([9])]);
    const outer = new Uint8Array(frame.byteLength + 8);
    outer.set(frame, 5);
    const { header, payload } = decodeFrame(outer.subarray(5, 5 + frame.byteLength));
    expect(header).toEqual({ n: 1 });
    expect([...payload]).toEqual([9]);
  });

  it('refuses truncated frames and bad header text', () => {
    expect(() => decodeFrame(Uint8Array.from([1, 0]))).toThrow('frame too short');
    const frame = encodeFrame({ long: 'header' }, []);
    expect(() => decodeFrame(frame.subarray(0, frame.byteLength - 1))).toThrow(
      'frame header length out of range',
    );
    const invalidUtf8 = Uint8Array.from([1, 0, 0, 0, 0xff]);
    expect(() => decodeFrame(invalidUtf8)).toThrow();
  });

  it('caps the header at 64 MiB even when the buffer is long enough', () => {
    expect(maxHeaderBytes).toBe(64 * 1024 * 1024);
    const bytes = new Uint8Array(4 + maxHeaderBytes + 1);
    new DataView(bytes.buffer).setUint32(0, maxHeaderBytes + 1, true);
    expect(() => decodeFrame(bytes)).toThrow('frame header length out of range');
  });

  it('reads byte ranges only inside the payload', () => {
    const payload = Uint8Array.from([10, 11, 12, 13]);
    expect([...sliceRange(payload, { offset: 1, length: 2 })]).toEqual([11, 12]);
    expect([...sliceRange(payload, { offset: 4, length: 0 })]).toEqual([]);
    expect(() => sliceRange(payload, { offset: 3, length: 2 })).toThrow('out of bounds');
    expect(() => sliceRange(payload, { offset: -1, length: 1 })).toThrow('out of bounds');
    expect(() => sliceRange(payload, { offset: 0.5, length: 1 })).toThrow('out of bounds');
    expect(() => sliceRange(payload, null)).toThrow('byte range missing');
  });
});
