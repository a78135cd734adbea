/**
 * Runs an exported `model.onnx` in ONNX Runtime (onnxruntime-web's WebAssembly
 * build, which runs in Node without native binaries) and checks a file with
 * Debian's python3-onnx checker. Test and bench helpers only.
 */
import { spawnSync } from 'node:child_process';

import * as ort from 'onnxruntime-web';

// One thread: the machine is shared, and the results must not depend on a thread count.
ort.env.wasm.numThreads = 1;

/** The rows of `output` for `samples` ([batch, …] in TF.js layout; int32 when `integer`). */
export async function runOnnx(
  bytes: Uint8Array,
  samples: { values: Float32Array; shape: readonly number[] },
  integer: boolean,
): Promise<number[][]> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const input = integer
      ? new ort.Tensor('int32', Int32Array.from(samples.values), [...samples.shape])
      : new ort.Tensor('float32', Float32Array.from(samples.values), [...samples.shape]);
    const { output } = await session.run({ input });
    if (output === undefined) throw new Error('model.onnx has no output named "output"');
    const [rows = 0, cols = 0] = output.dims;
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, r) =>
      Array.from(data.subarray(r * cols, (r + 1) * cols)),
    );
  } finally {
    await session.release();
  }
}

const checkScript = `
import json, sys, onnx
model = onnx.load(sys.argv[1])
onnx.checker.check_model(model, full_check=True)
print(json.dumps({"onnx": onnx.__version__, "opset": model.opset_import[0].version,
                  "metadata": {p.key: p.value for p in model.metadata_props}}))
`;

/** What python3-onnx says of a file it accepts. */
export interface CheckedOnnx {
  readonly onnx: string;
  readonly opset: number;
  readonly metadata: Record<string, string>;
}

/**
 * `onnx.checker.check_model(model, full_check=True)` (with shape inference) in
 * Debian's python3-onnx, with the file's opset and metadata_props as onnx reads
 * them; otherwise the checker's complaint, or that python3-onnx is missing.
 */
export function checkOnnxFile(
  path: string,
): { ok: true; value: CheckedOnnx } | { ok: false; problem: string } {
  const run = spawnSync('/usr/bin/python3', ['-c', checkScript, path], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status === 0) return { ok: true, value: JSON.parse(run.stdout) as CheckedOnnx };
  return { ok: false, problem: (run.stderr || run.error?.message || 'failed').trim() };
}
