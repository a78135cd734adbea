// Losses: each returns the batch's mean loss and writes the gradient.
// Cross-entropies clip probabilities to [1e-7, 1−1e-7] in the loss value, as
// TF.js does; the fused softmax/sigmoid gradients are the exact (p − y)/N.

const EPS: f32 = 1e-7;

// @ts-ignore: decorator
@inline function clipP(p: f32): f32 {
  return min(max(p, EPS), 1 - EPS);
}

/**
 * Softmax + categorical cross-entropy on probabilities p[rows, width] and
 * targets t (one-hot rows, or class indices when `sparse` is 1). Writes
 * dL/dlogits to g and returns the mean loss.
 */
export function softmaxCrossEntropy(p: usize, t: usize, rows: i32, width: i32, sparse: i32, g: usize): f64 {
  let total: f64 = 0;
  const inv: f32 = 1 / <f32>rows;
  for (let r = 0; r < rows; r++) {
    const pr = p + <usize>(r * width) * 4;
    const gr = g + <usize>(r * width) * 4;
    if (sparse != 0) {
      const cls = <i32>load<f32>(t + <usize>r * 4);
      for (let j = 0; j < width; j++) {
        const pj = load<f32>(pr + <usize>j * 4);
        const yj: f32 = j == cls ? 1 : 0;
        if (j == cls) total -= Math.log(clipP(pj));
        store<f32>(gr + <usize>j * 4, (pj - yj) * inv);
      }
    } else {
      const tr = t + <usize>(r * width) * 4;
      let sumY: f32 = 0;
      for (let j = 0; j < width; j++) sumY += load<f32>(tr + <usize>j * 4);
      for (let j = 0; j < width; j++) {
        const pj = load<f32>(pr + <usize>j * 4);
        const yj = load<f32>(tr + <usize>j * 4);
        if (yj != 0) total -= <f64>yj * Math.log(clipP(pj));
        store<f32>(gr + <usize>j * 4, (pj * sumY - yj) * inv);
      }
    }
  }
  return total / rows;
}

/** Sigmoid + binary cross-entropy (mean over all n values); g = dL/dlogits = (p − y)/n. */
export function sigmoidBinaryCrossEntropy(p: usize, t: usize, n: i32, g: usize): f64 {
  let total: f64 = 0;
  const inv: f32 = 1 / <f32>n;
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const pi = load<f32>(p + o);
    const yi = load<f32>(t + o);
    const c = clipP(pi);
    total -= <f64>yi * Math.log(c) + <f64>(1 - yi) * Math.log(1 - c);
    store<f32>(g + o, (pi - yi) * inv);
  }
  return total / n;
}

/** Mean squared error over all n values; g = dL/dy = 2(y − t)/n. */
export function meanSquaredError(y: usize, t: usize, n: i32, g: usize): f64 {
  let total: f64 = 0;
  const scale: f32 = 2 / <f32>n;
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const d = load<f32>(y + o) - load<f32>(t + o);
    total += <f64>d * <f64>d;
    store<f32>(g + o, d * scale);
  }
  return total / n;
}
