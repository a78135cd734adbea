// Bias, activations and their gradients, column sums, masks.
// Activation codes (shared with core/engine/kernel-abi.ts):
// 0 linear, 1 relu, 2 sigmoid, 3 tanh, 4 softmax (rows of `width`), 5 elu.

/** Every row of y[rows, width] = bias. */
export function fillRows(y: usize, rows: i32, width: i32, bias: usize): void {
  const rowBytes = <usize>width * 4;
  for (let r = 0; r < rows; r++) memory.copy(y + <usize>r * rowBytes, bias, rowBytes);
}

/** out[width] (+)= column sums of g[rows, width] (bias gradients). */
export function colSum(g: usize, rows: i32, width: i32, out: usize, accumulate: i32): void {
  if (accumulate == 0) memory.fill(out, 0, <usize>width * 4);
  const vec = width & ~3;
  for (let r = 0; r < rows; r++) {
    const row = g + <usize>(r * width) * 4;
    let j = 0;
    for (; j < vec; j += 4) {
      const o = <usize>j * 4;
      v128.store(out + o, f32x4.add(v128.load(out + o), v128.load(row + o)));
    }
    for (; j < width; j++) {
      const o = <usize>j * 4;
      store<f32>(out + o, load<f32>(out + o) + load<f32>(row + o));
    }
  }
}

/** Applies activation `kind` in place to y[rows·width]. */
export function activate(kind: i32, y: usize, rows: i32, width: i32): void {
  const n = rows * width;
  if (kind == 1) {
    const zero = f32x4.splat(0);
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const p = y + <usize>i * 4;
      v128.store(p, f32x4.max(v128.load(p), zero));
    }
    for (; i < n; i++) {
      const p = y + <usize>i * 4;
      store<f32>(p, max<f32>(load<f32>(p), 0));
    }
  } else if (kind == 2) {
    for (let i = 0; i < n; i++) {
      const p = y + <usize>i * 4;
      store<f32>(p, 1 / (1 + Mathf.exp(-load<f32>(p))));
    }
  } else if (kind == 3) {
    for (let i = 0; i < n; i++) {
      const p = y + <usize>i * 4;
      store<f32>(p, Mathf.tanh(load<f32>(p)));
    }
  } else if (kind == 4) {
    for (let r = 0; r < rows; r++) {
      const row = y + <usize>(r * width) * 4;
      let m: f32 = -Infinity;
      for (let j = 0; j < width; j++) m = max(m, load<f32>(row + <usize>j * 4));
      let s: f32 = 0;
      for (let j = 0; j < width; j++) {
        const e = Mathf.exp(load<f32>(row + <usize>j * 4) - m);
        store<f32>(row + <usize>j * 4, e);
        s += e;
      }
      const inv: f32 = 1 / s;
      for (let j = 0; j < width; j++) store<f32>(row + <usize>j * 4, load<f32>(row + <usize>j * 4) * inv);
    }
  } else if (kind == 5) {
    for (let i = 0; i < n; i++) {
      const p = y + <usize>i * 4;
      const v = load<f32>(p);
      store<f32>(p, v > 0 ? v : Mathf.exp(v) - 1);
    }
  }
}

/** In place, g = dL/dy → dL/dz given the activation's output y (softmax uses its Jacobian per row). */
export function activateBackward(kind: i32, y: usize, g: usize, rows: i32, width: i32): void {
  const n = rows * width;
  if (kind == 1) {
    const zero = f32x4.splat(0);
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i * 4;
      const mask = f32x4.gt(v128.load(y + o), zero);
      v128.store(g + o, v128.and(v128.load(g + o), mask));
    }
    for (; i < n; i++) {
      const o = <usize>i * 4;
      if (load<f32>(y + o) <= 0) store<f32>(g + o, 0);
    }
  } else if (kind == 2) {
    for (let i = 0; i < n; i++) {
      const o = <usize>i * 4;
      const v = load<f32>(y + o);
      store<f32>(g + o, load<f32>(g + o) * v * (1 - v));
    }
  } else if (kind == 3) {
    for (let i = 0; i < n; i++) {
      const o = <usize>i * 4;
      const v = load<f32>(y + o);
      store<f32>(g + o, load<f32>(g + o) * (1 - v * v));
    }
  } else if (kind == 4) {
    for (let r = 0; r < rows; r++) {
      const yr = y + <usize>(r * width) * 4;
      const gr = g + <usize>(r * width) * 4;
      let dot: f32 = 0;
      for (let j = 0; j < width; j++) dot += load<f32>(yr + <usize>j * 4) * load<f32>(gr + <usize>j * 4);
      for (let j = 0; j < width; j++) {
        const o = <usize>j * 4;
        store<f32>(gr + o, load<f32>(yr + o) * (load<f32>(gr + o) - dot));
      }
    }
  } else if (kind == 5) {
    for (let i = 0; i < n; i++) {
      const o = <usize>i * 4;
      const v = load<f32>(y + o);
      if (v <= 0) store<f32>(g + o, load<f32>(g + o) * (v + 1));
    }
  }
}

/** x[n] *= mask[n] (Dropout forward and backward: the mask holds 0 or 1/(1−rate)). */
export function mulMask(x: usize, mask: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i * 4;
    v128.store(x + o, f32x4.mul(v128.load(x + o), v128.load(mask + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i * 4;
    store<f32>(x + o, load<f32>(x + o) * load<f32>(mask + o));
  }
}

/** into[n] = into[n]·a + from[n]·b (data parallelism: the slice-weighted mean of the workers' gradients). */
export function scaleAdd(into: usize, a: f32, from: usize, b: f32, n: i32): void {
  const va = f32x4.splat(a);
  const vb = f32x4.splat(b);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i * 4;
    v128.store(
      into + o,
      f32x4.add(f32x4.mul(v128.load(into + o), va), f32x4.mul(v128.load(from + o), vb)),
    );
  }
  for (; i < n; i++) {
    const o = <usize>i * 4;
    store<f32>(into + o, load<f32>(into + o) * a + load<f32>(from + o) * b);
  }
}
