import type { ParamValue, Params } from '../graph/types';
import type { Diagnostic } from '../validate/diagnostic';
import type { LayerSpec, ParamSpec } from './spec';

/**
 * Checks one param value against its spec, for the inspector's as-you-type
 * checks and for `validateGraph`. Returns null when the value is fine.
 * The diagnostic has no node: callers that know it add `nodeId` and `name`.
 *
 * @example validateParam(denseSpec, unitsSpec, 1e9) // → { code: 'param-above-max', … }
 */
export function validateParam(
  spec: LayerSpec,
  paramSpec: ParamSpec,
  value: ParamValue | undefined,
): Diagnostic | null {
  const base = { kind: spec.kind, param: paramSpec.name };
  const fail = (code: string, args: Record<string, string | number> = {}): Diagnostic => ({
    code,
    severity: 'error',
    args: { ...base, ...args },
  });
  if (value === undefined || value === null)
    return paramSpec.nullable && value === null ? null : fail('param-missing');

  switch (paramSpec.type) {
    case 'bool':
      return typeof value === 'boolean'
        ? null
        : fail('param-wrong-type', { expected: 'true / false', value: describeValue(value) });
    case 'enum': {
      const options = paramSpec.options ?? [];
      if (typeof value === 'string' && options.includes(value)) return null;
      return fail('param-not-allowed', {
        value: describeValue(value),
        options: options.join(', '),
      });
    }
    case 'int':
    case 'float':
      if (typeof value !== 'number')
        return fail('param-wrong-type', {
          expected: paramSpec.type === 'int' ? 'integer' : 'number',
          value: describeValue(value),
        });
      return checkNumber(paramSpec, value, fail);
    case 'intList': {
      if (!Array.isArray(value))
        return fail('param-wrong-type', {
          expected: 'list of integers',
          value: describeValue(value),
        });
      if (paramSpec.length !== undefined && value.length !== paramSpec.length)
        return fail('param-wrong-length', { expected: paramSpec.length, actual: value.length });
      const minLength = paramSpec.minLength ?? 1;
      const maxLength = paramSpec.maxLength ?? Infinity;
      if (value.length < minLength || value.length > maxLength) {
        return fail('param-wrong-length', {
          expected: `${minLength}–${maxLength}`,
          actual: value.length,
        });
      }
      for (const entry of value) {
        if (typeof entry !== 'number')
          return fail('param-wrong-type', {
            expected: 'list of integers',
            value: describeValue(value),
          });
        const problem = checkNumber({ ...paramSpec, type: 'int' }, entry, fail);
        if (problem) return problem;
      }
      return null;
    }
  }
}

function checkNumber(
  paramSpec: ParamSpec,
  value: number,
  fail: (code: string, args?: Record<string, string | number>) => Diagnostic,
): Diagnostic | null {
  if (!Number.isFinite(value)) return fail('param-not-finite', { value: String(value) });
  if (paramSpec.type === 'int' && !Number.isInteger(value))
    return fail('param-not-integer', { value });
  const min = paramSpec.min ?? -Infinity;
  const max = paramSpec.max ?? Infinity;
  if (value < min) return fail('param-below-min', { value, min, max });
  if (value > max) return fail('param-above-max', { value, min, max });
  return null;
}

/** Checks every declared param of a node; unknown extra params are ignored (kept for forward compatibility). */
export function validateParams(spec: LayerSpec, params: Params): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of spec.params) {
    const d = validateParam(spec, p, params[p.name]);
    if (d) out.push(d);
  }
  return out;
}

/** Short, markup-free rendering of a bad value for a message (long strings cut). */
function describeValue(value: ParamValue): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
