/**
 * The imports and exported functions of a wasm binary, read from its
 * sections without compiling it (Node 20 cannot compile the relaxed-SIMD
 * build without a flag, and the test compares both builds).
 */
export interface WasmInterface {
  readonly imports: readonly { module: string; name: string; kind: string }[];
  /** Exported functions by name, with their parameter count. */
  readonly functions: Readonly<Record<string, number>>;
}

const importKinds = ['function', 'table', 'memory', 'global'] as const;

/** Reads the type, import, function and export sections of a wasm module (binary format 1). */
export function readWasmInterface(bytes: Uint8Array): WasmInterface {
  let at = 8; // magic + version
  const byte = () => bytes[at++] ?? 0;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = byte();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
  };
  const name = () => {
    const length = u32();
    const text = String.fromCharCode(...bytes.subarray(at, at + length)); // ASCII names
    at += length;
    return text;
  };
  const limits = () => {
    const flags = byte();
    u32();
    if (flags & 1) u32();
  };
  const paramCounts: number[] = [];
  const functionTypes: number[] = []; // type index of each function, imported ones first
  const imports: { module: string; name: string; kind: string }[] = [];
  const functions: Record<string, number> = {};
  while (at < bytes.length) {
    const id = byte();
    const size = u32();
    const end = at + size;
    if (id === 1) {
      for (let n = u32(); n > 0; n--) {
        byte(); // 0x60
        const params = u32();
        at += params; // one byte per value type
        const results = u32(); // read before `at +=`, which would use the old offset
        at += results;
        paramCounts.push(params);
      }
    } else if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        const module = name();
        const field = name();
        const kind = byte();
        imports.push({ module, name: field, kind: importKinds[kind] ?? String(kind) });
        if (kind === 0) functionTypes.push(u32());
        else if (kind === 1) {
          byte(); // element type
          limits();
        } else if (kind === 2) limits();
        else at += 2; // global: value type, mutability
      }
    } else if (id === 3) {
      for (let n = u32(); n > 0; n--) functionTypes.push(u32());
    } else if (id === 7) {
      for (let n = u32(); n > 0; n--) {
        const exported = name();
        const kind = byte();
        const index = u32();
        if (kind === 0) functions[exported] = paramCounts[functionTypes[index] ?? -1] ?? -1;
      }
    }
    at = end;
  }
  return { imports, functions };
}
