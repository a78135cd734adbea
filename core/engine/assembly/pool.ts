// Max and average pooling over NHWC, any pool size, stride and padding.
// Padded taps are skipped (TF semantics: max ignores them, average divides by
// the number of real taps).

/** y[N,OH,OW,C] = window max; `argmax` gets each maximum's flat index into x (for the backward pass). */
export function maxPoolForward(
  x: usize, n: i32, h: i32, w: i32, c: i32, ph: i32, pw: i32, sh: i32, sw: i32,
  padTop: i32, padLeft: i32, oh: i32, ow: i32, y: usize, argmax: usize,
): void {
  let o: usize = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const y0 = oy * sh - padTop;
        const x0 = ox * sw - padLeft;
        if ((c & 3) == 0 && y0 >= 0 && x0 >= 0 && y0 + ph <= h && x0 + pw <= w) {
          // Whole window inside: 4 channels at a time, keeping the first maximum (strict >), like the scalar path.
          for (let ch = 0; ch < c; ch += 4) {
            const first = ((b * h + y0) * w + x0) * c + ch;
            let best = v128.load(x + <usize>first * 4);
            let bestAt = i32x4.add(i32x4.splat(first), i32x4(0, 1, 2, 3));
            for (let ky = 0; ky < ph; ky++) {
              for (let kx = 0; kx < pw; kx++) {
                const at = ((b * h + y0 + ky) * w + x0 + kx) * c + ch;
                const v = v128.load(x + <usize>at * 4);
                const greater = f32x4.gt(v, best);
                best = v128.bitselect(v, best, greater);
                bestAt = v128.bitselect(i32x4.add(i32x4.splat(at), i32x4(0, 1, 2, 3)), bestAt, greater);
              }
            }
            v128.store(y + o * 4, best);
            v128.store(argmax + o * 4, bestAt);
            o += 4;
          }
          continue;
        }
        for (let ch = 0; ch < c; ch++) {
          let best: f32 = -Infinity;
          let bestAt: i32 = -1;
          for (let ky = 0; ky < ph; ky++) {
            const iy = oy * sh - padTop + ky;
            if (iy < 0 || iy >= h) continue;
            for (let kx = 0; kx < pw; kx++) {
              const ix = ox * sw - padLeft + kx;
              if (ix < 0 || ix >= w) continue;
              const at = ((b * h + iy) * w + ix) * c + ch;
              const v = load<f32>(x + <usize>at * 4);
              if (bestAt < 0 || v > best) {
                best = v;
                bestAt = at;
              }
            }
          }
          store<f32>(y + o * 4, best);
          store<i32>(argmax + o * 4, bestAt);
          o++;
        }
      }
    }
  }
}

/** dx (zeroed here, `size` floats) gets each dy routed to its window's maximum. */
export function maxPoolBackward(dy: usize, argmax: usize, count: i32, dx: usize, size: i32): void {
  memory.fill(dx, 0, <usize>size * 4);
  for (let o = 0; o < count; o++) {
    const at = load<i32>(argmax + <usize>o * 4);
    if (at < 0) continue;
    const p = dx + <usize>at * 4;
    store<f32>(p, load<f32>(p) + load<f32>(dy + <usize>o * 4));
  }
}

/** Average pooling forward (y) or backward (dy → dx, when `backward` is 1; dx is zeroed here). */
export function avgPool(
  backward: i32, x: usize, n: i32, h: i32, w: i32, c: i32, ph: i32, pw: i32, sh: i32, sw: i32,
  padTop: i32, padLeft: i32, oh: i32, ow: i32, y: usize,
): void {
  if (backward != 0) memory.fill(x, 0, <usize>(n * h * w * c) * 4);
  let o: usize = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const y0 = max(0, oy * sh - padTop);
      const y1 = min(h, oy * sh - padTop + ph);
      for (let ox = 0; ox < ow; ox++) {
        const x0 = max(0, ox * sw - padLeft);
        const x1 = min(w, ox * sw - padLeft + pw);
        const inv: f32 = 1 / <f32>((y1 - y0) * (x1 - x0));
        for (let ch = 0; ch < c; ch++) {
          if (backward != 0) {
            const g = load<f32>(y + o * 4) * inv;
            for (let iy = y0; iy < y1; iy++) {
              for (let ix = x0; ix < x1; ix++) {
                const p = x + <usize>(((b * h + iy) * w + ix) * c + ch) * 4;
                store<f32>(p, load<f32>(p) + g);
              }
            }
          } else {
            let s: f32 = 0;
            for (let iy = y0; iy < y1; iy++) {
              for (let ix = x0; ix < x1; ix++) s += load<f32>(x + <usize>(((b * h + iy) * w + ix) * c + ch) * 4);
            }
            store<f32>(y + o * 4, s * inv);
          }
          o++;
        }
      }
    }
  }
}

/** GlobalAveragePooling2D: y[N,C] = mean over H·W, or its backward (dy → dx) when `backward` is 1. */
export function globalAvgPool(backward: i32, x: usize, n: i32, hw: i32, c: i32, y: usize): void {
  const inv: f32 = 1 / <f32>hw;
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const yo = y + <usize>(b * c + ch) * 4;
      if (backward != 0) {
        const g = load<f32>(yo) * inv;
        for (let p = 0; p < hw; p++) store<f32>(x + <usize>((b * hw + p) * c + ch) * 4, g);
      } else {
        let s: f32 = 0;
        for (let p = 0; p < hw; p++) s += load<f32>(x + <usize>((b * hw + p) * c + ch) * 4);
        store<f32>(yo, s * inv);
      }
    }
  }
}
