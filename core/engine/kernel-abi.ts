/**
 * The exports of the engine's wasm module (core/engine/assembly/index.ts), as
 * TypeScript sees them. Pointers are byte offsets into the shared memory.
 */
/**
 * The part of a `WebAssembly.Memory` the engine uses. core compiles without
 * DOM/Node typings, so the WebAssembly API is typed locally (load-kernels.ts).
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface EngineKernels {
  readonly memory: WasmMemory;
  gemmWorkspaceBytes(): number;
  sgemm(
    transA: number,
    transB: number,
    m: number,
    n: number,
    k: number,
    a: number,
    lda: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
    accumulate: number,
    work: number,
  ): void;
  /** Sparse dense-layer path (assembly/sparse.ts): pairs of rows (or of columns) of A, zeros dropped. */
  compressRowPairs(
    a: number,
    m: number,
    k: number,
    lda: number,
    scale: number,
    start: number,
    cols: number,
    vals: number,
  ): number;
  compressColumnPairs(
    a: number,
    m: number,
    k: number,
    lda: number,
    scale: number,
    start: number,
    cols: number,
    vals: number,
  ): number;
  packStrips(b: number, ldb: number, k: number, n: number, dst: number): void;
  pairGemm(
    m: number,
    n: number,
    start: number,
    cols: number,
    vals: number,
    b: number,
    stripStep: number,
    c: number,
    ldc: number,
    bias: number,
    accumulate: number,
    sink: number,
  ): void;
  im2col(
    x: number,
    n: number,
    h: number,
    w: number,
    c: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    dh: number,
    dw: number,
    padTop: number,
    padLeft: number,
    oh: number,
    ow: number,
    cols: number,
  ): void;
  col2im(
    cols: number,
    n: number,
    h: number,
    w: number,
    c: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    dh: number,
    dw: number,
    padTop: number,
    padLeft: number,
    oh: number,
    ow: number,
    dx: number,
  ): void;
  maxPoolForward(
    x: number,
    n: number,
    h: number,
    w: number,
    c: number,
    ph: number,
    pw: number,
    sh: number,
    sw: number,
    padTop: number,
    padLeft: number,
    oh: number,
    ow: number,
    y: number,
    argmax: number,
  ): void;
  maxPoolBackward(dy: number, argmax: number, count: number, dx: number, size: number): void;
  avgPool(
    backward: number,
    x: number,
    n: number,
    h: number,
    w: number,
    c: number,
    ph: number,
    pw: number,
    sh: number,
    sw: number,
    padTop: number,
    padLeft: number,
    oh: number,
    ow: number,
    y: number,
  ): void;
  globalAvgPool(backward: number, x: number, n: number, hw: number, c: number, y: number): void;
  fillRows(y: number, rows: number, width: number, bias: number): void;
  colSum(g: number, rows: number, width: number, out: number, accumulate: number): void;
  activate(kind: number, y: number, rows: number, width: number): void;
  activateBackward(kind: number, y: number, g: number, rows: number, width: number): void;
  mulMask(x: number, mask: number, n: number): void;
  scaleAdd(into: number, a: number, from: number, b: number, n: number): void;
  embeddingForward(
    ids: number,
    count: number,
    table: number,
    rows: number,
    dim: number,
    out: number,
  ): void;
  embeddingBackward(
    ids: number,
    count: number,
    dy: number,
    rows: number,
    dim: number,
    dTable: number,
  ): void;
  lstmStep(
    n: number,
    units: number,
    z: number,
    zStride: number,
    cPrev: number,
    recAct: number,
    cellAct: number,
    gates: number,
    c: number,
    h: number,
  ): void;
  gruGates(
    n: number,
    units: number,
    z: number,
    zStride: number,
    hPrev: number,
    recAct: number,
    gates: number,
    rh: number,
  ): void;
  gruOutput(
    n: number,
    units: number,
    z: number,
    zStride: number,
    hPrev: number,
    cellAct: number,
    gates: number,
    h: number,
  ): void;
  gruBackwardOutput(
    n: number,
    units: number,
    gates: number,
    hPrev: number,
    recAct: number,
    cellAct: number,
    dh: number,
    dz: number,
    dzStride: number,
    dhPrev: number,
  ): void;
  gruBackwardReset(
    n: number,
    units: number,
    gates: number,
    hPrev: number,
    recAct: number,
    drh: number,
    dz: number,
    dzStride: number,
    dhPrev: number,
  ): void;
  lstmStepBackward(
    n: number,
    units: number,
    gates: number,
    c: number,
    cPrev: number,
    recAct: number,
    cellAct: number,
    dh: number,
    dc: number,
    dz: number,
    dzStride: number,
  ): void;
  batchNormForward(
    training: number,
    x: number,
    rows: number,
    c: number,
    gamma: number,
    beta: number,
    movingMean: number,
    movingVar: number,
    momentum: number,
    eps: number,
    y: number,
    xhat: number,
    mean: number,
    invStd: number,
  ): void;
  batchNormBackward(
    dy: number,
    xhat: number,
    invStd: number,
    gamma: number,
    rows: number,
    c: number,
    dGamma: number,
    dBeta: number,
    dx: number,
  ): void;
  softmaxCrossEntropy(
    p: number,
    t: number,
    rows: number,
    width: number,
    sparse: number,
    g: number,
  ): number;
  sigmoidBinaryCrossEntropy(p: number, t: number, n: number, g: number): number;
  meanSquaredError(y: number, t: number, n: number, g: number): number;
  sgdUpdate(w: number, g: number, n: number, lr: number): void;
  momentumUpdate(w: number, g: number, a: number, n: number, lr: number, m: number): void;
  adamUpdate(
    w: number,
    g: number,
    m: number,
    v: number,
    n: number,
    lr: number,
    b1: number,
    b2: number,
    eps: number,
    c1: number,
    c2: number,
  ): void;
  rmspropUpdate(
    w: number,
    g: number,
    s: number,
    a: number,
    n: number,
    lr: number,
    rho: number,
    m: number,
    eps: number,
  ): void;
  adagradUpdate(w: number, g: number, s: number, n: number, lr: number, eps: number): void;
}

/** Activation codes understood by `activate`/`activateBackward`. */
export const activationCodes = {
  linear: 0,
  relu: 1,
  sigmoid: 2,
  tanh: 3,
  softmax: 4,
  elu: 5,
} as const;
export type EngineActivation = keyof typeof activationCodes;

/** Activation codes of the recurrent kernels (assembly/recurrent.ts): hardSigmoid is TF.js's LSTM gate default. */
export const recurrentActivationCodes = {
  linear: 0,
  relu: 1,
  sigmoid: 2,
  tanh: 3,
  hardSigmoid: 6,
} as const;
export type RecurrentActivation = keyof typeof recurrentActivationCodes;

/** True for the activation names the recurrent kernels implement. */
export function isRecurrentActivation(name: unknown): name is RecurrentActivation {
  return (
    typeof name === 'string' && Object.prototype.hasOwnProperty.call(recurrentActivationCodes, name)
  );
}

/** True for the activation names the engine implements. */
export function isEngineActivation(name: unknown): name is EngineActivation {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(activationCodes, name);
}
