import { sizeOf, type EngineMergeOp, type OpContext } from './op';

function floats(ctx: OpContext): Float32Array {
  return new Float32Array(ctx.kernels.memory.buffer);
}

/** Add: y = x₁ + x₂ + …; every input's gradient is dy. */
export function addOp(layerName: string, shape: readonly number[], inputs: number): EngineMergeOp {
  const size = sizeOf(shape);
  let out = 0;
  return {
    layerName,
    outShape: shape,
    params: [],
    scratchPerExample: 0,
    plan(ctx) {
      out = ctx.arena.alloc(ctx.maxBatch * size);
    },
    forward(ctx, xs, n) {
      const count = n * size;
      const memory = floats(ctx);
      memory.copyWithin(out / 4, xs[0]! / 4, xs[0]! / 4 + count);
      for (let i = 1; i < inputs; i++) ctx.kernels.scaleAdd(out, 1, xs[i]!, 1, count);
      return out;
    },
    backward(ctx, dy, dxs, n) {
      const count = n * size;
      const memory = floats(ctx);
      for (const dx of dxs) if (dx !== 0) memory.copyWithin(dx / 4, dy / 4, dy / 4 + count);
    },
  };
}

/**
 * Concatenate along one per-example axis. Seen as [outer, chunk] matrices
 * (outer: the axes before it; chunk: that axis and the ones after), the output
 * row is the inputs' rows side by side, so forward and backward are row copies.
 */
export function concatenateOp(
  layerName: string,
  inShapes: readonly (readonly number[])[],
  axis: number,
): EngineMergeOp {
  const first = inShapes[0]!;
  const outer = sizeOf(first.slice(0, axis));
  const chunks = inShapes.map((s) => sizeOf(s.slice(axis)));
  const width = chunks.reduce((a, c) => a + c, 0);
  const outShape = first.map((d, i) =>
    i === axis ? inShapes.reduce((a, s) => a + (s[axis] ?? 0), 0) : d,
  );
  let out = 0;
  return {
    layerName,
    outShape,
    params: [],
    scratchPerExample: 0,
    plan(ctx) {
      out = ctx.arena.alloc(ctx.maxBatch * sizeOf(outShape));
    },
    forward(ctx, xs, n) {
      const memory = floats(ctx);
      const rows = n * outer;
      let column = 0;
      chunks.forEach((chunk, i) => {
        const from = xs[i]! / 4;
        const to = out / 4 + column;
        for (let r = 0; r < rows; r++)
          memory.copyWithin(to + r * width, from + r * chunk, from + (r + 1) * chunk);
        column += chunk;
      });
      return out;
    },
    backward(ctx, dy, dxs, n) {
      const memory = floats(ctx);
      const rows = n * outer;
      let column = 0;
      chunks.forEach((chunk, i) => {
        const dx = dxs[i]!;
        if (dx !== 0) {
          const from = dy / 4 + column;
          const to = dx / 4;
          for (let r = 0; r < rows; r++)
            memory.copyWithin(to + r * chunk, from + r * width, from + r * width + chunk);
        }
        column += chunk;
      });
    },
  };
}
