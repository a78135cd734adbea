// BatchNormalization over the last axis of x[rows, c] (rows = N·H·W), with
// TF.js's semantics: training uses the batch mean and biased variance and
// moves the moving statistics by moving −= (moving − batch)·(1 − momentum).

/**
 * Forward. Training (`training` = 1): normalises with batch statistics, keeps
 * x̂ in `xhat` and 1/√(σ²+ε) per channel in `invStd` (for the backward pass)
 * and updates the moving mean/variance. Inference: uses the moving statistics.
 */
export function batchNormForward(
  training: i32, x: usize, rows: i32, c: i32, gamma: usize, beta: usize,
  movingMean: usize, movingVar: usize, momentum: f32, eps: f32,
  y: usize, xhat: usize, mean: usize, invStd: usize,
): void {
  for (let ch = 0; ch < c; ch++) {
    const o = <usize>ch * 4;
    let m: f32;
    let inv: f32;
    if (training != 0) {
      let s: f64 = 0;
      for (let r = 0; r < rows; r++) s += <f64>load<f32>(x + <usize>(r * c + ch) * 4);
      m = <f32>(s / rows);
      let v: f64 = 0;
      for (let r = 0; r < rows; r++) {
        const d = <f64>(load<f32>(x + <usize>(r * c + ch) * 4) - m);
        v += d * d;
      }
      const variance = <f32>(v / rows);
      inv = 1 / Mathf.sqrt(variance + eps);
      store<f32>(movingMean + o, load<f32>(movingMean + o) - (load<f32>(movingMean + o) - m) * (1 - momentum));
      store<f32>(movingVar + o, load<f32>(movingVar + o) - (load<f32>(movingVar + o) - variance) * (1 - momentum));
    } else {
      m = load<f32>(movingMean + o);
      inv = 1 / Mathf.sqrt(load<f32>(movingVar + o) + eps);
    }
    store<f32>(mean + o, m);
    store<f32>(invStd + o, inv);
  }
  for (let r = 0; r < rows; r++) {
    for (let ch = 0; ch < c; ch++) {
      const at = <usize>(r * c + ch) * 4;
      const o = <usize>ch * 4;
      const h = (load<f32>(x + at) - load<f32>(mean + o)) * load<f32>(invStd + o);
      if (training != 0) store<f32>(xhat + at, h);
      store<f32>(y + at, load<f32>(gamma + o) * h + load<f32>(beta + o));
    }
  }
}

/**
 * Backward of the training forward: dβ = Σ dy, dγ = Σ dy·x̂ and
 * dx = γ·invStd/R · (R·dy − dβ − x̂·dγ) (skipped when dx is 0).
 */
export function batchNormBackward(dy: usize, xhat: usize, invStd: usize, gamma: usize, rows: i32, c: i32, dGamma: usize, dBeta: usize, dx: usize): void {
  memory.fill(dGamma, 0, <usize>c * 4);
  memory.fill(dBeta, 0, <usize>c * 4);
  for (let r = 0; r < rows; r++) {
    for (let ch = 0; ch < c; ch++) {
      const at = <usize>(r * c + ch) * 4;
      const o = <usize>ch * 4;
      const g = load<f32>(dy + at);
      store<f32>(dBeta + o, load<f32>(dBeta + o) + g);
      store<f32>(dGamma + o, load<f32>(dGamma + o) + g * load<f32>(xhat + at));
    }
  }
  if (dx == 0) return;
  const invRows: f32 = 1 / <f32>rows;
  for (let r = 0; r < rows; r++) {
    for (let ch = 0; ch < c; ch++) {
      const at = <usize>(r * c + ch) * 4;
      const o = <usize>ch * 4;
      const k = load<f32>(gamma + o) * load<f32>(invStd + o) * invRows;
      store<f32>(dx + at, k * (<f32>rows * load<f32>(dy + at) - load<f32>(dBeta + o) - load<f32>(xhat + at) * load<f32>(dGamma + o)));
    }
  }
}
