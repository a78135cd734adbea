// word2vec's arithmetic per (context, targets) step, in AssemblyScript with 128-bit SIMD.
// Source of word2vec-kernel-wasm.ts (scripts/build-word2vec-kernel.ts compiles it; the
// .as extension keeps it out of the TypeScript and lint runs, which do not know v128).
// All pointers are byte offsets into the memory the host provides; rows are `stride`
// floats long, stride a multiple of 4 with zero padding, so no loop has a tail.
// The sigmoid and ln-sigmoid tables hold 1001 values on [−6, 6], as in word2vec.c.

const MAX_EXP: f32 = 6.0;
const TABLE_SIZE: i32 = 1000;
const TABLE_SCALE: f32 = 1000.0 / 6.0 / 2.0;

// @ts-ignore: decorator
@inline function dot(a: usize, b: usize, bytes: usize): f32 {
  let acc0 = f32x4.splat(0);
  let acc1 = f32x4.splat(0);
  let k: usize = 0;
  for (; k + 32 <= bytes; k += 32) {
    acc0 = f32x4.add(acc0, f32x4.mul(v128.load(a + k), v128.load(b + k)));
    acc1 = f32x4.add(acc1, f32x4.mul(v128.load(a + k, 16), v128.load(b + k, 16)));
  }
  if (k < bytes) acc0 = f32x4.add(acc0, f32x4.mul(v128.load(a + k), v128.load(b + k)));
  const s = f32x4.add(acc0, acc1);
  return (
    f32x4.extract_lane(s, 0) +
    f32x4.extract_lane(s, 1) +
    f32x4.extract_lane(s, 2) +
    f32x4.extract_lane(s, 3)
  );
}

/**
 * One input row `h` against its targets (the first is the positive word, label 1;
 * the rest are negatives, label 0): for each, f = h·w′, g = (label − σ(f))·rate,
 * e += g·w′, w′ += g·h. `e` is left for the caller to add to the input row(s).
 * Returns the summed loss −ln σ(±f).
 */
function negativeSampling(
  h: usize,
  syn1: usize,
  targets: usize,
  count: i32,
  stride: i32,
  rate: f32,
  e: usize,
  sigmoid: usize,
  logSigmoid: usize,
): f32 {
  const bytes = <usize>stride << 2;
  for (let k: usize = 0; k < bytes; k += 16) v128.store(e + k, f32x4.splat(0));
  let loss: f32 = 0;
  for (let d = 0; d < count; d++) {
    const label: f32 = d == 0 ? 1 : 0;
    const w = syn1 + (<usize>load<i32>(targets + (<usize>d << 2)) * bytes);
    const f = dot(h, w, bytes);
    let g: f32;
    if (f > MAX_EXP) {
      g = (label - 1) * rate;
      if (d != 0) loss += f;
    } else if (f < -MAX_EXP) {
      g = label * rate;
      if (d == 0) loss -= f;
    } else {
      const i = <i32>((f + MAX_EXP) * TABLE_SCALE);
      g = (label - load<f32>(sigmoid + (<usize>i << 2))) * rate;
      loss -= d == 0
        ? load<f32>(logSigmoid + (<usize>i << 2))
        : load<f32>(logSigmoid + (<usize>(TABLE_SIZE - i) << 2));
    }
    const gv = f32x4.splat(g);
    for (let k: usize = 0; k < bytes; k += 16) {
      const wk = v128.load(w + k);
      v128.store(e + k, f32x4.add(v128.load(e + k), f32x4.mul(gv, wk)));
      v128.store(w + k, f32x4.add(wk, f32x4.mul(gv, v128.load(h + k))));
    }
  }
  return loss;
}

/** Skip-gram: the context word's row `syn0[l1]` predicts the targets; then syn0[l1] += e. */
export function skipGramStep(
  row: usize,
  syn1: usize,
  targets: usize,
  count: i32,
  stride: i32,
  rate: f32,
  e: usize,
  sigmoid: usize,
  logSigmoid: usize,
): f32 {
  const loss = negativeSampling(row, syn1, targets, count, stride, rate, e, sigmoid, logSigmoid);
  const bytes = <usize>stride << 2;
  for (let k: usize = 0; k < bytes; k += 16)
    v128.store(row + k, f32x4.add(v128.load(row + k), v128.load(e + k)));
  return loss;
}

/** CBOW: h = mean of the context rows predicts the targets; then each context row += e. */
export function cbowStep(
  syn0: usize,
  contexts: usize,
  contextCount: i32,
  syn1: usize,
  targets: usize,
  count: i32,
  stride: i32,
  rate: f32,
  h: usize,
  e: usize,
  sigmoid: usize,
  logSigmoid: usize,
): f32 {
  const bytes = <usize>stride << 2;
  for (let k: usize = 0; k < bytes; k += 16) v128.store(h + k, f32x4.splat(0));
  for (let c = 0; c < contextCount; c++) {
    const row = syn0 + <usize>load<i32>(contexts + (<usize>c << 2)) * bytes;
    for (let k: usize = 0; k < bytes; k += 16)
      v128.store(h + k, f32x4.add(v128.load(h + k), v128.load(row + k)));
  }
  const inv = f32x4.splat(<f32>1 / <f32>contextCount);
  for (let k: usize = 0; k < bytes; k += 16) v128.store(h + k, f32x4.mul(v128.load(h + k), inv));
  const loss = negativeSampling(h, syn1, targets, count, stride, rate, e, sigmoid, logSigmoid);
  for (let c = 0; c < contextCount; c++) {
    const row = syn0 + <usize>load<i32>(contexts + (<usize>c << 2)) * bytes;
    for (let k: usize = 0; k < bytes; k += 16)
      v128.store(row + k, f32x4.add(v128.load(row + k), v128.load(e + k)));
  }
  return loss;
}
