// Optimizer updates over n weights, with TF.js's formulas (tfjs-core
// optimizers/*_optimizer.ts) so a run follows TF.js's trajectory.

/** SGD: w −= lr·g. */
export function sgdUpdate(w: usize, g: usize, n: i32, lr: f32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    store<f32>(w + o, load<f32>(w + o) - lr * load<f32>(g + o));
  }
}

/** Momentum (not Nesterov): a = m·a + g; w −= lr·a. */
export function momentumUpdate(w: usize, g: usize, a: usize, n: i32, lr: f32, m: f32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const acc = m * load<f32>(a + o) + load<f32>(g + o);
    store<f32>(a + o, acc);
    store<f32>(w + o, load<f32>(w + o) - lr * acc);
  }
}

/**
 * Adam: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;
 * w −= lr·(m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + ε). `c1`, `c2` are 1−β1ᵗ and 1−β2ᵗ.
 */
export function adamUpdate(w: usize, g: usize, m: usize, v: usize, n: i32, lr: f32, b1: f32, b2: f32, eps: f32, c1: f32, c2: f32): void {
  const vb1 = f32x4.splat(b1), vb1c = f32x4.splat(1 - b1);
  const vb2 = f32x4.splat(b2), vb2c = f32x4.splat(1 - b2);
  const vc1 = f32x4.splat(1 / c1), vc2 = f32x4.splat(1 / c2);
  const veps = f32x4.splat(eps), vlr = f32x4.splat(lr);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i * 4;
    const gi = v128.load(g + o);
    const mi = f32x4.add(f32x4.mul(vb1, v128.load(m + o)), f32x4.mul(vb1c, gi));
    const vi = f32x4.add(f32x4.mul(vb2, v128.load(v + o)), f32x4.mul(vb2c, f32x4.mul(gi, gi)));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const step = f32x4.div(f32x4.mul(mi, vc1), f32x4.add(f32x4.sqrt(f32x4.mul(vi, vc2)), veps));
    v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.mul(vlr, step)));
  }
  for (; i < n; i++) {
    const o = <usize>i * 4;
    const gi = load<f32>(g + o);
    const mi = b1 * load<f32>(m + o) + (1 - b1) * gi;
    const vi = b2 * load<f32>(v + o) + (1 - b2) * gi * gi;
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    store<f32>(w + o, load<f32>(w + o) - lr * ((mi / c1) / (Mathf.sqrt(vi / c2) + eps)));
  }
}

/** RMSprop (not centered): s = ρ·s + (1−ρ)·g²; a = m·a + lr·g/√(s+ε); w −= a. */
export function rmspropUpdate(w: usize, g: usize, s: usize, a: usize, n: i32, lr: f32, rho: f32, m: f32, eps: f32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const gi = load<f32>(g + o);
    const si = rho * load<f32>(s + o) + (1 - rho) * gi * gi;
    const ai = m * load<f32>(a + o) + (lr * gi) / Mathf.sqrt(si + eps);
    store<f32>(s + o, si);
    store<f32>(a + o, ai);
    store<f32>(w + o, load<f32>(w + o) - ai);
  }
}

/** Adagrad: s += g²; w −= lr·g/√(s+ε) (s starts at 0.1, as in TF.js). */
export function adagradUpdate(w: usize, g: usize, s: usize, n: i32, lr: f32, eps: f32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const gi = load<f32>(g + o);
    const si = load<f32>(s + o) + gi * gi;
    store<f32>(s + o, si);
    store<f32>(w + o, load<f32>(w + o) - (lr * gi) / Mathf.sqrt(si + eps));
  }
}
