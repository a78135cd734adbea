// Embedding lookup and the LSTM cell, with TF.js's gate order (i, f, c, o)
// and activations. The LSTM's input projections for all steps are one GEMM
// (done by the caller); per step the recurrent GEMM adds h_{t−1}·U into the
// step's pre-activations z, which these kernels turn into gates and states.
// Activation codes: 0 linear, 1 relu, 2 sigmoid, 3 tanh, 6 hardSigmoid.

// @ts-ignore: decorator
@inline function act(kind: i32, x: f32): f32 {
  if (kind == 1) return max<f32>(x, 0);
  if (kind == 2) return 1 / (1 + Mathf.exp(-x));
  if (kind == 3) return Mathf.tanh(x);
  if (kind == 6) return min<f32>(max<f32>(0.2 * x + 0.5, 0), 1);
  return x;
}

/** Derivative of activation `kind`, from its output y. */
// @ts-ignore: decorator
@inline function dact(kind: i32, y: f32): f32 {
  if (kind == 1) return y > 0 ? 1 : 0;
  if (kind == 2) return y * (1 - y);
  if (kind == 3) return 1 - y * y;
  if (kind == 6) return y > 0 && y < 1 ? 0.2 : 0;
  return 1;
}

// ---- 4-lane versions for the LSTM step (units % 4 == 0): Mathf.tanh/exp
// are ~25 ns each and made the scalar step most of an LSTM batch.

/** e^y for y in [−87, 88]: Cody–Waite reduction, degree-6 polynomial, 2^k via the exponent bits (≈2e-7 relative). */
// @ts-ignore: decorator
@inline function exp4(y: v128): v128 {
  const x = f32x4.min(f32x4.max(y, f32x4.splat(-87)), f32x4.splat(88));
  const k = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.4426950408889634)));
  let r = f32x4.sub(x, f32x4.mul(k, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(k, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.0 / 720);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 120));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 24));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 6));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(0.5));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(k), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

/** tanh with a series near 0 (no cancellation) and (1 − e^{−2|x|})/(1 + e^{−2|x|}) elsewhere. */
// @ts-ignore: decorator
@inline function tanh4(x: v128): v128 {
  const sign = v128.and(x, i32x4.splat(0x80000000));
  const a = f32x4.min(f32x4.abs(x), f32x4.splat(9));
  const e = exp4(f32x4.mul(a, f32x4.splat(-2)));
  const big = f32x4.div(f32x4.sub(f32x4.splat(1), e), f32x4.add(f32x4.splat(1), e));
  const a2 = f32x4.mul(a, a);
  const small = f32x4.mul(a, f32x4.add(f32x4.splat(1), f32x4.mul(a2, f32x4.add(f32x4.splat(-1.0 / 3), f32x4.mul(a2, f32x4.splat(2.0 / 15))))));
  const t = v128.bitselect(small, big, f32x4.lt(a, f32x4.splat(0.0625)));
  return v128.or(t, sign);
}

// @ts-ignore: decorator
@inline function act4(kind: i32, x: v128): v128 {
  if (kind == 1) return f32x4.max(x, f32x4.splat(0));
  if (kind == 2) return f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), exp4(f32x4.neg(x))));
  if (kind == 3) return tanh4(x);
  if (kind == 6) return f32x4.min(f32x4.max(f32x4.add(f32x4.mul(x, f32x4.splat(0.2)), f32x4.splat(0.5)), f32x4.splat(0)), f32x4.splat(1));
  return x;
}

/** Derivative from the output y, 4 lanes (see `dact`). */
// @ts-ignore: decorator
@inline function dact4(kind: i32, y: v128): v128 {
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  if (kind == 1) return v128.and(one, f32x4.gt(y, zero));
  if (kind == 2) return f32x4.mul(y, f32x4.sub(one, y));
  if (kind == 3) return f32x4.sub(one, f32x4.mul(y, y));
  if (kind == 6) return v128.and(f32x4.splat(0.2), v128.and(f32x4.gt(y, zero), f32x4.lt(y, one)));
  return one;
}

/** out[k, :] = table[ids[k], :] for `count` ids; an id outside [0, rows) gives a zero row. */
export function embeddingForward(ids: usize, count: i32, table: usize, rows: i32, dim: i32, out: usize): void {
  const rowBytes = <usize>dim * 4;
  for (let k = 0; k < count; k++) {
    const id = load<i32>(ids + <usize>k * 4);
    const dst = out + <usize>k * rowBytes;
    if (id >= 0 && id < rows) memory.copy(dst, table + <usize>id * rowBytes, rowBytes);
    else memory.fill(dst, 0, rowBytes);
  }
}

/** dTable (zeroed here) gets every dy row added to its id's row. */
export function embeddingBackward(ids: usize, count: i32, dy: usize, rows: i32, dim: i32, dTable: usize): void {
  memory.fill(dTable, 0, <usize>(rows * dim) * 4);
  for (let k = 0; k < count; k++) {
    const id = load<i32>(ids + <usize>k * 4);
    if (id < 0 || id >= rows) continue;
    const dst = dTable + <usize>(id * dim) * 4;
    const src = dy + <usize>(k * dim) * 4;
    for (let j = 0; j < dim; j++) {
      const o = <usize>j * 4;
      store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
    }
  }
}

/**
 * One LSTM step for n rows. z: pre-activations [n, 4u] with row stride `zStride`
 * floats; cPrev/c/h: [n, u]; gates (out): activated i, f, g, o as [n, 4u].
 */
export function lstmStep(n: i32, units: i32, z: usize, zStride: i32, cPrev: usize, recAct: i32, cellAct: i32, gates: usize, c: usize, h: usize): void {
  if ((units & 3) == 0) {
    const u4 = <usize>units * 4;
    for (let r = 0; r < n; r++) {
      const zr = z + <usize>(r * zStride) * 4;
      const gr = gates + <usize>(r * 4 * units) * 4;
      for (let j = 0; j < units; j += 4) {
        const o4 = <usize>j * 4;
        const i = act4(recAct, v128.load(zr + o4));
        const f = act4(recAct, v128.load(zr + u4 + o4));
        const g = act4(cellAct, v128.load(zr + 2 * u4 + o4));
        const o = act4(recAct, v128.load(zr + 3 * u4 + o4));
        const at = <usize>(r * units + j) * 4;
        const cNew = f32x4.add(f32x4.mul(f, v128.load(cPrev + at)), f32x4.mul(i, g));
        v128.store(c + at, cNew);
        v128.store(h + at, f32x4.mul(o, act4(cellAct, cNew)));
        v128.store(gr + o4, i);
        v128.store(gr + u4 + o4, f);
        v128.store(gr + 2 * u4 + o4, g);
        v128.store(gr + 3 * u4 + o4, o);
      }
    }
    return;
  }
  for (let r = 0; r < n; r++) {
    const zr = z + <usize>(r * zStride) * 4;
    const gr = gates + <usize>(r * 4 * units) * 4;
    for (let j = 0; j < units; j++) {
      const i = act(recAct, load<f32>(zr + <usize>j * 4));
      const f = act(recAct, load<f32>(zr + <usize>(units + j) * 4));
      const g = act(cellAct, load<f32>(zr + <usize>(2 * units + j) * 4));
      const o = act(recAct, load<f32>(zr + <usize>(3 * units + j) * 4));
      const at = <usize>(r * units + j) * 4;
      const cNew = f * load<f32>(cPrev + at) + i * g;
      store<f32>(c + at, cNew);
      store<f32>(h + at, o * act(cellAct, cNew));
      store<f32>(gr + <usize>j * 4, i);
      store<f32>(gr + <usize>(units + j) * 4, f);
      store<f32>(gr + <usize>(2 * units + j) * 4, g);
      store<f32>(gr + <usize>(3 * units + j) * 4, o);
    }
  }
}

/**
 * Backward of one LSTM step. In: dh (dL/dh_t, [n, u]), dc (dL/dc_t from later
 * steps, [n, u], updated in place to dL/dc_{t−1}). Out: dz [n, 4u] with row
 * stride `dzStride` floats (dL/d pre-activations).
 */
export function lstmStepBackward(n: i32, units: i32, gates: usize, c: usize, cPrev: usize, recAct: i32, cellAct: i32, dh: usize, dc: usize, dz: usize, dzStride: i32): void {
  if ((units & 3) == 0) {
    const u4 = <usize>units * 4;
    for (let r = 0; r < n; r++) {
      const gr = gates + <usize>(r * 4 * units) * 4;
      const dzr = dz + <usize>(r * dzStride) * 4;
      for (let j = 0; j < units; j += 4) {
        const o4 = <usize>j * 4;
        const at = <usize>(r * units + j) * 4;
        const i = v128.load(gr + o4);
        const f = v128.load(gr + u4 + o4);
        const g = v128.load(gr + 2 * u4 + o4);
        const o = v128.load(gr + 3 * u4 + o4);
        const tc = act4(cellAct, v128.load(c + at));
        const dhv = v128.load(dh + at);
        const dcv = f32x4.add(v128.load(dc + at), f32x4.mul(f32x4.mul(dhv, o), dact4(cellAct, tc)));
        v128.store(dzr + o4, f32x4.mul(f32x4.mul(dcv, g), dact4(recAct, i)));
        v128.store(dzr + u4 + o4, f32x4.mul(f32x4.mul(dcv, v128.load(cPrev + at)), dact4(recAct, f)));
        v128.store(dzr + 2 * u4 + o4, f32x4.mul(f32x4.mul(dcv, i), dact4(cellAct, g)));
        v128.store(dzr + 3 * u4 + o4, f32x4.mul(f32x4.mul(dhv, tc), dact4(recAct, o)));
        v128.store(dc + at, f32x4.mul(dcv, f));
      }
    }
    return;
  }
  for (let r = 0; r < n; r++) {
    const gr = gates + <usize>(r * 4 * units) * 4;
    const dzr = dz + <usize>(r * dzStride) * 4;
    for (let j = 0; j < units; j++) {
      const at = <usize>(r * units + j) * 4;
      const i = load<f32>(gr + <usize>j * 4);
      const f = load<f32>(gr + <usize>(units + j) * 4);
      const g = load<f32>(gr + <usize>(2 * units + j) * 4);
      const o = load<f32>(gr + <usize>(3 * units + j) * 4);
      const tc = act(cellAct, load<f32>(c + at));
      const dhv = load<f32>(dh + at);
      const dcv = load<f32>(dc + at) + dhv * o * dact(cellAct, tc);
      store<f32>(dzr + <usize>j * 4, dcv * g * dact(recAct, i));
      store<f32>(dzr + <usize>(units + j) * 4, dcv * load<f32>(cPrev + at) * dact(recAct, f));
      store<f32>(dzr + <usize>(2 * units + j) * 4, dcv * i * dact(cellAct, g));
      store<f32>(dzr + <usize>(3 * units + j) * 4, dhv * tc * dact(recAct, o));
      store<f32>(dc + at, dcv * f);
    }
  }
}

// GRU (TF.js, resetAfter false): z = σ(xz + h·Uz), r = σ(xr + h·Ur),
// hh = g(xh + (r⊙h)·Uh), h' = z⊙h + (1 − z)⊙hh. Gate order in W, U, b: z, r, h.
// `gates` keeps z, r, hh per step as [n, 3u].

/** From z's first 2u columns (xz+h·Uz, xr+h·Ur): z and r into gates, r⊙h_{t−1} into rh. */
export function gruGates(n: i32, units: i32, z: usize, zStride: i32, hPrev: usize, recAct: i32, gates: usize, rh: usize): void {
  for (let r = 0; r < n; r++) {
    const zr = z + <usize>(r * zStride) * 4;
    const gr = gates + <usize>(r * 3 * units) * 4;
    for (let j = 0; j < units; j++) {
      const at = <usize>(r * units + j) * 4;
      const zg = act(recAct, load<f32>(zr + <usize>j * 4));
      const rg = act(recAct, load<f32>(zr + <usize>(units + j) * 4));
      store<f32>(gr + <usize>j * 4, zg);
      store<f32>(gr + <usize>(units + j) * 4, rg);
      store<f32>(rh + at, rg * load<f32>(hPrev + at));
    }
  }
}

/** From z's last u columns (xh + (r⊙h)·Uh): hh into gates and the new state h. */
export function gruOutput(n: i32, units: i32, z: usize, zStride: i32, hPrev: usize, cellAct: i32, gates: usize, h: usize): void {
  for (let r = 0; r < n; r++) {
    const zr = z + <usize>(r * zStride) * 4;
    const gr = gates + <usize>(r * 3 * units) * 4;
    for (let j = 0; j < units; j++) {
      const at = <usize>(r * units + j) * 4;
      const hh = act(cellAct, load<f32>(zr + <usize>(2 * units + j) * 4));
      const zg = load<f32>(gr + <usize>j * 4);
      store<f32>(gr + <usize>(2 * units + j) * 4, hh);
      store<f32>(h + at, zg * load<f32>(hPrev + at) + (1 - zg) * hh);
    }
  }
}

/**
 * First half of a GRU step's backward: from dh (dL/dh_t) writes dL/d(pre-z)
 * and dL/d(pre-hh) into dz's columns 0..u and 2u..3u, and dh_{t−1} = dh⊙z
 * into dhPrev (the rest is added by `gruBackwardReset` and the GEMMs).
 */
export function gruBackwardOutput(n: i32, units: i32, gates: usize, hPrev: usize, recAct: i32, cellAct: i32, dh: usize, dz: usize, dzStride: i32, dhPrev: usize): void {
  for (let r = 0; r < n; r++) {
    const gr = gates + <usize>(r * 3 * units) * 4;
    const dzr = dz + <usize>(r * dzStride) * 4;
    for (let j = 0; j < units; j++) {
      const at = <usize>(r * units + j) * 4;
      const zg = load<f32>(gr + <usize>j * 4);
      const hh = load<f32>(gr + <usize>(2 * units + j) * 4);
      const d = load<f32>(dh + at);
      const hp = load<f32>(hPrev + at);
      store<f32>(dzr + <usize>j * 4, d * (hp - hh) * dact(recAct, zg));
      store<f32>(dzr + <usize>(2 * units + j) * 4, d * (1 - zg) * dact(cellAct, hh));
      store<f32>(dhPrev + at, d * zg);
    }
  }
}

/** Second half: from d(r⊙h) (drh, [n, u]) writes dL/d(pre-r) into dz's columns u..2u and adds drh⊙r to dhPrev. */
export function gruBackwardReset(n: i32, units: i32, gates: usize, hPrev: usize, recAct: i32, drh: usize, dz: usize, dzStride: i32, dhPrev: usize): void {
  for (let r = 0; r < n; r++) {
    const gr = gates + <usize>(r * 3 * units) * 4;
    const dzr = dz + <usize>(r * dzStride) * 4;
    for (let j = 0; j < units; j++) {
      const at = <usize>(r * units + j) * 4;
      const rg = load<f32>(gr + <usize>(units + j) * 4);
      const d = load<f32>(drh + at);
      store<f32>(dzr + <usize>(units + j) * 4, d * load<f32>(hPrev + at) * dact(recAct, rg));
      store<f32>(dhPrev + at, load<f32>(dhPrev + at) + d * rg);
    }
  }
}
