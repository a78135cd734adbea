// GEMM for the engine: C[M×N] (+)= op(A)[M×K] · op(B)[K×N], row-major f32.
// Design measured in shared/design/wasm-kernels.md: a 2×16 micro-kernel with
// exactly 8 f32x4 accumulators (more spill in V8's register allocator), BLIS
// blocking NC=2048 / KC=256 / MC=120, B always packed into 16-wide strips, A
// read in place ("direct-A": packing a thin conv A costs as much as the math).

const MR: i32 = 2;
const NR: i32 = 16;
const KC: i32 = 256;
const NC: i32 = 2048;
const MC: i32 = 120;

/** Bytes of scratch `sgemm` needs at `work`: packed B panel + an edge tile + a dummy row. */
export function gemmWorkspaceBytes(): i32 {
  return (KC * NC + MR * NR + NR) * 4;
}

// relaxed_madd compiles to vfmadd231ps; the plain-SIMD build uses mul + add.
// ASC_FEATURE_RELAXED_SIMD is a compile-time constant, so the other branch is dropped.
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) {
    return f32x4.relaxed_madd(a, b, c);
  } else {
    return f32x4.add(f32x4.mul(a, b), c);
  }
}

/** Packs op(B)[pc:pc+kc, jc:jc+nc] into 16-wide strips [strip][k][16], zero-padded at the right edge. */
function packB(B: usize, ldb: i32, transB: i32, pc: i32, kc: i32, jc: i32, nc: i32, dst: usize): void {
  const strips = (nc + NR - 1) / NR;
  for (let s = 0; s < strips; s++) {
    const j0 = jc + s * NR;
    const width = min(NR, jc + nc - j0);
    let out = dst + <usize>(s * kc * NR) * 4;
    if (transB == 0 && width == NR) {
      let src = B + (<usize>pc * <usize>ldb + <usize>j0) * 4;
      const step = <usize>ldb * 4;
      for (let k = 0; k < kc; k++) {
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
        v128.store(out, v128.load(src, 32), 32);
        v128.store(out, v128.load(src, 48), 48);
        src += step;
        out += NR * 4;
      }
    } else {
      for (let k = 0; k < kc; k++) {
        for (let j = 0; j < NR; j++) {
          let v: f32 = 0;
          if (j < width) {
            const row = pc + k;
            const col = j0 + j;
            v = transB == 0 ? load<f32>(B + (<usize>row * <usize>ldb + <usize>col) * 4) : load<f32>(B + (<usize>col * <usize>ldb + <usize>row) * 4);
          }
          store<f32>(out + <usize>j * 4, v);
        }
        out += NR * 4;
      }
    }
  }
}

/**
 * One 2×16 tile over kc steps. A row i is read at pa, row i+1 at pa+ai; each k
 * step advances A by ak bytes (4 for A, 4·lda for Aᵀ). The result goes to rows
 * c0 and c1 (16 floats each), added to them when `add` is set.
 */
// @ts-ignore: decorator
@inline function tile(pa: usize, ai: usize, ak: usize, pb: usize, kc: i32, c0: usize, c1: usize, add: bool): void {
  let x0 = f32x4.splat(0), x1 = f32x4.splat(0), x2 = f32x4.splat(0), x3 = f32x4.splat(0);
  let y0 = f32x4.splat(0), y1 = f32x4.splat(0), y2 = f32x4.splat(0), y3 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const a0 = v128.load32_splat(pa);
    const a1 = v128.load32_splat(pa + ai);
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
    pa += ak;
    pb += NR * 4;
  }
  if (add) {
    x0 = f32x4.add(x0, v128.load(c0));
    x1 = f32x4.add(x1, v128.load(c0, 16));
    x2 = f32x4.add(x2, v128.load(c0, 32));
    x3 = f32x4.add(x3, v128.load(c0, 48));
    y0 = f32x4.add(y0, v128.load(c1));
    y1 = f32x4.add(y1, v128.load(c1, 16));
    y2 = f32x4.add(y2, v128.load(c1, 32));
    y3 = f32x4.add(y3, v128.load(c1, 48));
  }
  v128.store(c0, x0);
  v128.store(c0, x1, 16);
  v128.store(c0, x2, 32);
  v128.store(c0, x3, 48);
  v128.store(c1, y0);
  v128.store(c1, y1, 16);
  v128.store(c1, y2, 32);
  v128.store(c1, y3, 48);
}

/**
 * C = op(A)·op(B), or C += op(A)·op(B) when `accumulate` is 1. op(A) is M×K
 * (A is K×M when transA), op(B) is K×N (B is N×K when transB). `work` must
 * hold `gemmWorkspaceBytes()`.
 */
export function sgemm(
  transA: i32, transB: i32, M: i32, N: i32, K: i32,
  A: usize, lda: i32, B: usize, ldb: i32, C: usize, ldc: i32,
  accumulate: i32, work: usize,
): void {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    if (accumulate == 0) for (let i = 0; i < M; i++) memory.fill(C + <usize>i * <usize>ldc * 4, 0, <usize>N * 4);
    return;
  }
  const packed = work;
  const edge = work + <usize>(KC * NC) * 4; // MR×NR scratch tile
  const dummy = edge + <usize>(MR * NR) * 4; // sink for the missing row of an odd M
  const ai: usize = transA == 0 ? <usize>lda * 4 : 4;
  const ak: usize = transA == 0 ? 4 : <usize>lda * 4;
  const rowC = <usize>ldc * 4;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      const add = accumulate != 0 || pc > 0;
      packB(B, ldb, transB, pc, kc, jc, nc, packed);
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const pb = packed + <usize>(jr * kc) * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            const i = ic + ir;
            const pa = A + <usize>i * ai + <usize>pc * ak;
            const full = ir + 1 < mc;
            const rowStep: usize = full ? ai : 0; // odd last row: read row i twice, drop the copy
            const c0 = C + <usize>i * rowC + <usize>(jc + jr) * 4;
            if (nr == NR) {
              tile(pa, rowStep, ak, pb, kc, c0, full ? c0 + rowC : dummy, add);
            } else {
              tile(pa, rowStep, ak, pb, kc, edge, edge + NR * 4, false);
              const rows = full ? 2 : 1;
              for (let r = 0; r < rows; r++) {
                const dst = c0 + <usize>r * rowC;
                const src = edge + <usize>(r * NR) * 4;
                for (let j = 0; j < nr; j++) {
                  const v = load<f32>(src + <usize>j * 4);
                  store<f32>(dst + <usize>j * 4, add ? load<f32>(dst + <usize>j * 4) + v : v);
                }
              }
            }
          }
        }
      }
    }
  }
}
