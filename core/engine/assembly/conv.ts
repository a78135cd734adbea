// im2col / col2im for NHWC Conv2D. A column row is one output pixel; its
// values are ordered (kh, kw, c), which matches a TF.js kernel
// [KH, KW, Cin, Cout] read as a [KH·KW·Cin, Cout] matrix.

// Short copies (a 5-tap kernel row of a 1-channel image is 20 bytes): v128 moves
// beat memory.copy's call overhead here.
// @ts-ignore: decorator
@inline function copyFloats(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + <usize>i * 4, v128.load(src + <usize>i * 4));
  for (; i < n; i++) store<f32>(dst + <usize>i * 4, load<f32>(src + <usize>i * 4));
}

/**
 * Writes the im2col matrix of x[N,H,W,C] to `cols` [N·OH·OW, KH·KW·C]; taps in
 * the padding read as 0.
 */
export function im2col(
  x: usize, n: i32, h: i32, w: i32, c: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32,
  padTop: i32, padLeft: i32, oh: i32, ow: i32, cols: usize,
): void {
  const cBytes = <usize>c * 4;
  let out = cols;
  for (let b = 0; b < n; b++) {
    const img = x + <usize>(b * h * w) * cBytes;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const ix0 = ox * sw - padLeft;
        const rowInside = dw == 1 && ix0 >= 0 && ix0 + kw <= w;
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * sh - padTop + ky * dh;
          const rowOk = iy >= 0 && iy < h;
          if (rowOk && rowInside) {
            // The kw taps of this kernel row are contiguous in NHWC: one copy.
            copyFloats(out, img + <usize>(iy * w + ix0) * cBytes, kw * c);
            out += <usize>kw * cBytes;
            continue;
          }
          for (let kx = 0; kx < kw; kx++) {
            const ix = ix0 + kx * dw;
            if (rowOk && ix >= 0 && ix < w) {
              const src = img + <usize>(iy * w + ix) * cBytes;
              if (c == 1) store<f32>(out, load<f32>(src));
              else memory.copy(out, src, cBytes);
            } else {
              if (c == 1) store<f32>(out, 0);
              else memory.fill(out, 0, cBytes);
            }
            out += cBytes;
          }
        }
      }
    }
  }
}

/** Adds the column gradients `cols` back into dx[N,H,W,C] (the caller zeroes dx first). */
export function col2im(
  cols: usize, n: i32, h: i32, w: i32, c: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32,
  padTop: i32, padLeft: i32, oh: i32, ow: i32, dx: usize,
): void {
  const cBytes = <usize>c * 4;
  const vec = c & ~3;
  let src = cols;
  for (let b = 0; b < n; b++) {
    const img = dx + <usize>(b * h * w) * cBytes;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * sh - padTop + ky * dh;
          const rowOk = iy >= 0 && iy < h;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * sw - padLeft + kx * dw;
            if (rowOk && ix >= 0 && ix < w) {
              const dst = img + <usize>(iy * w + ix) * cBytes;
              let k = 0;
              for (; k < vec; k += 4) {
                const o = <usize>k * 4;
                v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
              }
              for (; k < c; k++) {
                const o = <usize>k * 4;
                store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
              }
            }
            src += cBytes;
          }
        }
      }
    }
  }
}
