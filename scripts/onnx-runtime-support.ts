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
      : new ort.Tensor('float32', samples.values, [...samples.shape]);
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

/** `metadata_props` as ONNX Runtime reads them. */
export async function onnxMetadata(bytes: Uint8Array): Promise<Record<string, string>> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    return {
      ...(session as unknown as { metadata?: { customMetadataMap?: Record<string, string> } })
        .metadata?.customMetadataMap,
    };
  } finally {
    await session.release();
  }
}

/**
 * `onnx.checker.check_model(path, full_check=True)` in Debian's python3-onnx;
 * returns stderr of a failed check, or a problem when python3-onnx is missing.
 */
export function checkOnnxFile(
  path: string,
): { ok: true; version: string } | { ok: false; problem: string } {
  const run = spawnSync(
    '/usr/bin/python3',
    [
      '-c',
      'import sys, onnx; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); print(onnx.__version__)',
      path,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status === 0) return { ok: true, version: run.stdout.trim() };
  return { ok: false, problem: (run.stderr || run.error?.message || 'failed').trim() };
}
