import { activationCodes, type EngineActivation } from '../kernel-abi';
import { paramSlot, type EngineOp, type OpContext } from './op';

/**
 * Above this share of kept (pair) terms the sparse path loses to sgemm: it runs
 * at ≈ 80 % of sgemm's speed per term and pays ≈ 10 % to compress and pack.
 * Fashion-MNIST batches keep 63 % (forward) and 55 % (weight gradient).
 */
const maxSparseDensity = 0.75;
/** After a batch too dense for the sparse path, this many batches skip the compression. */
const denseRetryBatches = 16;
/** The sparse buffers take 3·maxBatch·inSize floats; above this the op stays on sgemm. */
const maxSparseFloats = 1 << 22;

/** Where one compressed operand lives (assembly/sparse.ts): offsets, byte offsets of B rows, value pairs. */
interface Compressed {
  start: number;
  cols: number;
  vals: number;
}

function allocCompressed(ctx: OpContext, pairs: number, perPair: number): Compressed {
  return {
    start: ctx.arena.alloc(pairs + 1),
    cols: ctx.arena.alloc(pairs * perPair),
    vals: ctx.arena.alloc(2 * pairs * perPair),
  };
}

/**
 * Dense on a flat input: y = g(x·W + b), W as TF.js stores it ([in, units]).
 * Inputs with many zeros (pictures, ReLU outputs) take the sparse path: the
 * forward GEMM and the weight-gradient GEMM skip the zero terms of x.
 */
export function denseOp(
  layerName: string,
  inSize: number,
  units: number,
  activation: EngineActivation,
  useBias: boolean,
): EngineOp {
  const kernel = paramSlot([inSize, units]);
  const bias = useBias ? paramSlot([units]) : null;
  const act = activationCodes[activation];
  const paddedUnits = Math.ceil(units / 16) * 16;
  let out = 0;
  let input = 0;
  let rows: Compressed | null = null; // x by row pairs (forward)
  let columns: Compressed | null = null; // x by column pairs (weight gradient)
  let sink = 0;
  let sparseForward = false; // the last forward pass took the sparse path
  let skipSparse = 0; // batches left before the sparse path is tried again

  const forwardSparse = (ctx: OpContext, x: number, n: number): boolean => {
    const k = ctx.kernels;
    if (!rows || skipSparse > 0) {
      skipSparse = Math.max(0, skipSparse - 1);
      return false;
    }
    const pairs = Math.ceil(n / 2);
    const kept = k.compressRowPairs(x, n, inSize, inSize, 64, rows.start, rows.cols, rows.vals);
    if (kept > maxSparseDensity * pairs * inSize) {
      skipSparse = denseRetryBatches;
      return false;
    }
    k.packStrips(kernel.weight, units, inSize, units, ctx.work);
    k.pairGemm(
      n,
      units,
      rows.start,
      rows.cols,
      rows.vals,
      ctx.work,
      inSize * 64,
      out,
      units,
      bias ? bias.weight : 0,
      0,
      sink,
    );
    return true;
  };

  /** dW = xᵀ·dy over the column pairs of x, or false when x is too dense for it. */
  const weightGradSparse = (ctx: OpContext, dy: number, n: number): boolean => {
    const k = ctx.kernels;
    if (!columns || !sparseForward) return false;
    const pairs = Math.ceil(inSize / 2);
    const kept = k.compressColumnPairs(
      input,
      n,
      inSize,
      inSize,
      64,
      columns.start,
      columns.cols,
      columns.vals,
    );
    if (kept > maxSparseDensity * pairs * n) return false;
    k.packStrips(dy, units, n, units, ctx.work);
    k.pairGemm(
      inSize,
      units,
      columns.start,
      columns.cols,
      columns.vals,
      ctx.work,
      n * 64,
      kernel.grad,
      units,
      0,
      0,
      sink,
    );
    return true;
  };

  const op: EngineOp = {
    layerName,
    outShape: [units],
    params: bias ? [kernel, bias] : [kernel],
    scratchPerExample: 0,
    plan(ctx: OpContext) {
      out = ctx.arena.alloc(ctx.maxBatch * units);
      // Packed W (forward) and packed dy (gradient) go to the GEMM workspace.
      const workFloats = ctx.kernels.gemmWorkspaceBytes() / 4;
      const packedFloats = Math.max(inSize, ctx.maxBatch) * paddedUnits;
      if (
        units >= 16 &&
        inSize >= 16 &&
        3 * ctx.maxBatch * inSize <= maxSparseFloats &&
        packedFloats <= workFloats
      ) {
        rows = allocCompressed(ctx, Math.ceil(ctx.maxBatch / 2), inSize);
        columns = allocCompressed(ctx, Math.ceil(inSize / 2), ctx.maxBatch);
        sink = ctx.arena.alloc(16);
      }
    },
    forward(ctx, x, n) {
      const k = ctx.kernels;
      input = x;
      sparseForward = forwardSparse(ctx, x, n);
      if (!sparseForward) {
        if (bias) k.fillRows(out, n, units, bias.weight);
        k.sgemm(
          0,
          0,
          n,
          units,
          inSize,
          x,
          inSize,
          kernel.weight,
          units,
          out,
          units,
          bias ? 1 : 0,
          ctx.work,
        );
      }
      if (act !== 0) k.activate(act, out, n, units);
      return out;
    },
    backward(ctx, dy, dx, n) {
      const k = ctx.kernels;
      if (act !== 0 && !op.skipActivationBackward) k.activateBackward(act, out, dy, n, units);
      // dW = xᵀ·dy (A read transposed in place), db = Σ rows of dy, dx = dy·Wᵀ.
      if (!weightGradSparse(ctx, dy, n))
        k.sgemm(1, 0, inSize, units, n, input, inSize, dy, units, kernel.grad, units, 0, ctx.work);
      if (bias) k.colSum(dy, n, units, bias.grad, 0);
      if (dx !== 0)
        k.sgemm(0, 1, n, inSize, units, dy, units, kernel.weight, units, dx, inSize, 0, ctx.work);
    },
  };
  return op;
}
