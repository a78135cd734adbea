import { describe, expect, it } from 'vitest';

import type { ParamValue } from '../graph/types';
import { getLayerSpec } from './catalog';
import { validateParam } from './validate-param';

function check(kind: string, param: string, value: ParamValue | undefined) {
  const spec = getLayerSpec(kind)!;
  const paramSpec = spec.params.find((p) => p.name === param)!;
  return validateParam(spec, paramSpec, value);
}

describe('validateParam', () => {
  const cases: [string, string, ParamValue | undefined, string | null][] = [
    ['Dense', 'units', 128, null],
    ['Dense', 'units', 1e9, 'param-above-max'],
    ['Dense', 'units', 0, 'param-below-min'],
    ['Dense', 'units', 2.5, 'param-not-integer'],
    ['Dense', 'units', Number.NaN, 'param-not-finite'],
    ['Dense', 'units', Number.POSITIVE_INFINITY, 'param-not-finite'],
    ['Dense', 'units', 'NaN', 'param-wrong-type'],
    ['Dense', 'units', undefined, 'param-missing'],
    ['Dense', 'units', null, 'param-missing'],
    ['Dense', 'activation', 'relu', null],
    ['Dense', 'activation', 'leakyRelu', 'param-not-allowed'],
    ['Activation', 'activation', 'leakyRelu', null],
    ['Dense', 'useBias', 'yes', 'param-wrong-type'],
    ['Conv2D', 'kernelSize', [5, 5], null],
    ['Conv2D', 'kernelSize', [-3, -3], 'param-below-min'],
    ['Conv2D', 'kernelSize', [3], 'param-wrong-length'],
    ['Conv2D', 'kernelSize', 3, 'param-wrong-type'],
    ['Conv2D', 'kernelSize', [3, 2.5], 'param-not-integer'],
    ['Dropout', 'rate', 1, 'param-above-max'],
    ['Dropout', 'seed', null, null],
    ['Dropout', 'seed', 7, null],
    ['Reshape', 'targetShape', [], 'param-wrong-length'],
    ['Reshape', 'targetShape', [1, 2, 3, 4, 5], 'param-wrong-length'],
    ['Reshape', 'targetShape', [28, 28, 1], null],
  ];
  for (const [kind, param, value, code] of cases) {
    it(`${code ?? 'accepts'} for ${kind}.${param} = ${JSON.stringify(value) ?? String(value)}`, () => {
      const d = check(kind, param, value);
      expect(d?.code ?? null).toBe(code);
      if (d) expect(d.args).toMatchObject({ kind, param });
    });
  }

  it('reports the bounds it expected', () => {
    expect(check('Dense', 'units', 1e9)?.args).toMatchObject({ min: 1, max: 100_000, value: 1e9 });
  });
});
