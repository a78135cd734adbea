// Dense layers on mostly-zero inputs. A Fashion-MNIST picture is about half
// black background (a ReLU output often has many zeros too), and the dense
// GEMMs already run at the 128-bit FMA peak, so the way left to go faster is
// to skip zero terms (ops/dense.ts falls back to sgemm above 75 % kept).
// Rows are taken in pairs (two pictures in the forward pass, two neighbouring
// pixels in the weight gradient) so the inner loop is sgemm's 2×16 tile
// (8 accumulators; a 1-row, 32-wide tile needs 8 B registers per step and V8
// spills an accumulator): a pair keeps every k where either row is non-zero,
// 63 % of the k for picture pairs and 53 % for pixel pairs in a Fashion-MNIST
// batch (50 % for single rows). Terms are summed in increasing k, as in sgemm.
// Unlike sgemm, a skipped 0 never meets an Inf/NaN weight (0·Inf would be NaN).

// relaxed_madd compiles to vfmadd231ps; the plain-SIMD build uses mul + add.
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) {
    return f32x4.relaxed_madd(a, b, c);
  } else {
    return f32x4.add(f32x4.mul(a, b), c);
  }
}

// @ts-ignore: decorator
@inline function emit(cols: usize, vals: usize, q: i32, k: i32, scale: i32, v0: f32, v1: f32): void {
  store<i32>(cols + <usize>q * 4, k * scale);
  store<f32>(vals + <usize>q * 8, v0);
  store<f32>(vals + <usize>q * 8, v1, 4);
}

/**
 * Compresses A[M×K] (row stride lda) by pairs of rows (2p, 2p+1): for each
 * pair, the k where either row is non-zero (NaN counts as non-zero), in
 * increasing order. `start` gets ⌈M/2⌉+1 i32 offsets, `cols` k·scale (i32;
 * the byte offset of row k of `pairGemm`'s B, saving a multiply per term),
 * `vals` both rows' values (f32 pairs; 0 for the missing row of an odd M).
 * Room needed: ⌈M/2⌉·K entries. Returns the number of entries.
 */
export function compressRowPairs(A: usize, M: i32, K: i32, lda: i32, scale: i32, start: usize, cols: usize, vals: usize): i32 {
  let q = 0;
  const zero = f32x4.splat(0);
  const pairs = (M + 1) >> 1;
  for (let p = 0; p < pairs; p++) {
    store<i32>(start + <usize>p * 4, q);
    const r0 = A + <usize>(2 * p) * <usize>lda * 4;
    const r1 = 2 * p + 1 < M ? r0 + <usize>lda * 4 : 0;
    let k = 0;
    for (; k + 4 <= K; k += 4) {
      const v0 = v128.load(r0 + <usize>k * 4);
      const v1 = r1 != 0 ? v128.load(r1 + <usize>k * 4) : zero;
      const mask = i32x4.bitmask(v128.or(f32x4.ne(v0, zero), f32x4.ne(v1, zero)));
      if (mask == 0) continue; // background runs: a predictable skip
      // Branch-free: every lane is written, the cursor moves past the kept ones
      // (half the pixels are zero, so a branch per lane mispredicts often).
      emit(cols, vals, q, k, scale, f32x4.extract_lane(v0, 0), f32x4.extract_lane(v1, 0));
      q += mask & 1;
      emit(cols, vals, q, k + 1, scale, f32x4.extract_lane(v0, 1), f32x4.extract_lane(v1, 1));
      q += (mask >> 1) & 1;
      emit(cols, vals, q, k + 2, scale, f32x4.extract_lane(v0, 2), f32x4.extract_lane(v1, 2));
      q += (mask >> 2) & 1;
      emit(cols, vals, q, k + 3, scale, f32x4.extract_lane(v0, 3), f32x4.extract_lane(v1, 3));
      q += mask >> 3;
    }
    for (; k < K; k++) {
      const o = <usize>k * 4;
      const a0 = load<f32>(r0 + o);
      const a1: f32 = r1 != 0 ? load<f32>(r1 + o) : 0;
      if (a0 != 0 || a1 != 0) emit(cols, vals, q++, k, scale, a0, a1);
    }
  }
  store<i32>(start + <usize>pairs * 4, q);
  return q;
}

/**
 * The same compression for Aᵀ, without transposing: pairs of columns
 * (2p, 2p+1) of A[M×K], each listing the rows i where either is non-zero.
 * `cols` gets i·scale. Room needed: ⌈K/2⌉·M entries. Returns the entry count.
 */
export function compressColumnPairs(A: usize, M: i32, K: i32, lda: i32, scale: i32, start: usize, cols: usize, vals: usize): i32 {
  let q = 0;
  const pairs = (K + 1) >> 1;
  const rowA = <usize>lda * 4;
  for (let p = 0; p < pairs; p++) {
    store<i32>(start + <usize>p * 4, q);
    let at = A + <usize>(2 * p) * 4;
    if (2 * p + 1 < K) {
      for (let i = 0; i < M; i++) {
        // Both floats at once, branch-free (see compressRowPairs); the sign
        // bits are masked so −0 counts as zero.
        const bits = load<u64>(at);
        store<i32>(cols + <usize>q * 4, i * scale);
        store<u64>(vals + <usize>q * 8, bits);
        q += <i32>((bits & 0x7fffffff7fffffff) != 0);
        at += rowA;
      }
    } else {
      for (let i = 0; i < M; i++) {
        const a = load<f32>(at);
        if (a != 0) emit(cols, vals, q++, i, scale, a, 0);
        at += rowA;
      }
    }
  }
  store<i32>(start + <usize>pairs * 4, q);
  return q;
}

/**
 * Packs B[K×N] (row stride ldb) into 16-wide strips [strip][k][16], zero-padded
 * on the right, for `pairGemm` (row step 64 bytes, strip step K·64): reading
 * 64 bytes of each 512-byte row of a 128-wide B would use 1/8 of the L1 sets.
 */
export function packStrips(B: usize, ldb: i32, K: i32, N: i32, dst: usize): void {
  const strips = (N + 15) >> 4;
  for (let s = 0; s < strips; s++) {
    const j0 = s * 16;
    const width = min(16, N - j0);
    let out = dst + <usize>(s * K * 16) * 4;
    let src = B + <usize>j0 * 4;
    const step = <usize>ldb * 4;
    for (let k = 0; k < K; k++) {
      if (width == 16) {
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
        v128.store(out, v128.load(src, 32), 32);
        v128.store(out, v128.load(src, 48), 48);
      } else {
        for (let j = 0; j < 16; j++) store<f32>(out + <usize>j * 4, j < width ? load<f32>(src + <usize>j * 4) : 0);
      }
      src += step;
      out += 64;
    }
  }
}

/**
 * C[M×N] = S·B (+ C when `accumulate`, + the bias row when `bias` ≠ 0), with S
 * compressed by row pairs (start, cols, vals) with `scale` = B's row step in
 * bytes, so element (k, j) of B is at B + (j/16)·stripStep + k·scale + (j%16)·4:
 * `packStrips` output has scale 64 and stripStep K·64 (row-major B: ldb·4 and
 * 64). The missing row of an odd M is written to `sink` (16 floats).
 */
export function pairGemm(M: i32, N: i32, start: usize, cols: usize, vals: usize, B: usize, stripStep: i32, C: usize, ldc: i32, bias: usize, accumulate: i32, sink: usize): void {
  const rowC = <usize>ldc * 4;
  const pairs = (M + 1) >> 1;
  const n16 = N & ~15;
  for (let p = 0; p < pairs; p++) {
    const s = load<i32>(start + <usize>p * 4);
    const e = load<i32>(start + <usize>(p + 1) * 4);
    const full = 2 * p + 1 < M;
    const c0 = C + <usize>(2 * p) * rowC;
    const c1 = c0 + rowC;
    for (let j = 0; j < n16; j += 16) {
      const o = <usize>j * 4;
      const d1 = full ? c1 + o : sink;
      const bj = B + <usize>(j >> 4) * <usize>stripStep;
      let x0 = f32x4.splat(0), x1 = f32x4.splat(0), x2 = f32x4.splat(0), x3 = f32x4.splat(0);
      if (bias != 0) {
        x0 = v128.load(bias + o);
        x1 = v128.load(bias + o, 16);
        x2 = v128.load(bias + o, 32);
        x3 = v128.load(bias + o, 48);
      }
      let y0 = x0, y1 = x1, y2 = x2, y3 = x3;
      if (accumulate != 0) {
        x0 = f32x4.add(x0, v128.load(c0 + o));
        x1 = f32x4.add(x1, v128.load(c0 + o, 16));
        x2 = f32x4.add(x2, v128.load(c0 + o, 32));
        x3 = f32x4.add(x3, v128.load(c0 + o, 48));
        if (full) {
          y0 = f32x4.add(y0, v128.load(d1));
          y1 = f32x4.add(y1, v128.load(d1, 16));
          y2 = f32x4.add(y2, v128.load(d1, 32));
          y3 = f32x4.add(y3, v128.load(d1, 48));
        }
      }
      let pv = vals + <usize>s * 8;
      let pc = cols + <usize>s * 4;
      for (let q = s; q < e; q++) {
        const a0 = v128.load32_splat(pv);
        const a1 = v128.load32_splat(pv, 4);
        const pb = bj + <usize>load<i32>(pc);
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        const b2 = v128.load(pb, 32);
        const b3 = v128.load(pb, 48);
        x0 = madd(a0, b0, x0);
        x1 = madd(a0, b1, x1);
        x2 = madd(a0, b2, x2);
        x3 = madd(a0, b3, x3);
        y0 = madd(a1, b0, y0);
        y1 = madd(a1, b1, y1);
        y2 = madd(a1, b2, y2);
        y3 = madd(a1, b3, y3);
        pv += 8;
        pc += 4;
      }
      v128.store(c0 + o, x0);
      v128.store(c0 + o, x1, 16);
      v128.store(c0 + o, x2, 32);
      v128.store(c0 + o, x3, 48);
      v128.store(d1, y0);
      v128.store(d1, y1, 16);
      v128.store(d1, y2, 32);
      v128.store(d1, y3, 48);
    }
    for (let j = n16; j < N; j++) {
      const o = <usize>j * 4;
      const bj = B + <usize>(j >> 4) * <usize>stripStep + <usize>(j & 15) * 4;
      let x: f32 = bias != 0 ? load<f32>(bias + o) : 0;
      let y = x;
      if (accumulate != 0) {
        x += load<f32>(c0 + o);
        if (full) y += load<f32>(c1 + o);
      }
      for (let q = s; q < e; q++) {
        const b = load<f32>(bj + <usize>load<i32>(cols + <usize>q * 4));
        x += load<f32>(vals + <usize>q * 8) * b;
        y += load<f32>(vals + <usize>q * 8, 4) * b;
      }
      store<f32>(c0 + o, x);
      if (full) store<f32>(c1 + o, y);
    }
  }
}
