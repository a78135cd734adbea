/**
 * The GAN round written out, each step as `lhs = symbolic = substituted = result` (the
 * backprop lab's shape), for the lab page and its answer key alike. Each line has a stable
 * id, so the page can give it a test id and a worksheet can blank it.
 */
import type { FormulaLine } from '../backprop-formulas';
import { formatFactor as ff, formatNumber as fn } from '../format';
import type { GanProblem, GanSeen, GanTrace, GanPoint } from './gan';

/** One line of the round and where it belongs. */
export interface GanLine {
  readonly id: string;
  readonly line: FormulaLine;
  /** The exact value of the result (the page puts it in `data-value`). */
  readonly value: number;
}

export interface GanFormulas {
  readonly forward: readonly GanLine[];
  readonly dStep: readonly GanLine[];
  readonly gStep: readonly GanLine[];
  /** The saturating and non-saturating δ of each fake side by side (why one vanishes). */
  readonly compare: readonly GanLine[];
}

const pt = (p: GanPoint, d: number) => `(${fn(p[0], d)}, ${fn(p[1], d)})`;
const frac = (n: number) => `(1/${n})`;
const K = [0, 1] as const;

function sumLines(
  seen: readonly GanSeen[],
  name: (i: number) => string,
  d: number,
  w: GanPoint,
  b: number,
  idPrefix: string,
  prime = '',
): GanLine[] {
  return seen.flatMap((r, i) => [
    {
      id: `${idPrefix}-s-${i + 1}`,
      line: {
        lhs: `s${prime}(${name(i)})`,
        symbolic: `w1${prime}·${name(i)}[1] + w2${prime}·${name(i)}[2] + b${prime}`,
        substituted: `${ff(w[0], d)}·${ff(r.x[0], d)} + ${ff(w[1], d)}·${ff(r.x[1], d)} + ${ff(b, d)}`,
        result: fn(r.s, d),
      },
      value: r.s,
    },
    {
      id: `${idPrefix}-D-${i + 1}`,
      line: {
        lhs: `D${prime}(${name(i)})`,
        symbolic: `σ(s${prime}(${name(i)}))`,
        substituted: `σ(${fn(r.s, d)})`,
        result: fn(r.D, d),
      },
      value: r.D,
    },
  ]);
}

const real = (i: number) => `x${i + 1}`;
const fake = (j: number) => `G(z${j + 1})`;

export function ganFormulas(p: GanProblem, t: GanTrace, d: number): GanFormulas {
  const { forward: f, dStep: ds, gStep: gs } = t;
  const m = f.real.length;
  const n = f.fake.length;
  const g = p.generator;
  const D0 = p.discriminator;
  const D1 = ds.after;

  const forward: GanLine[] = [
    ...f.fake.map((r, j) => ({
      id: `g-${j + 1}`,
      line: {
        lhs: fake(j),
        symbolic: `a·z${j + 1} + c`,
        substituted: `(${ff(g.a[0], d)}·${ff(p.noise[j] ?? 0, d)} + ${ff(g.c[0], d)}, ${ff(g.a[1], d)}·${ff(p.noise[j] ?? 0, d)} + ${ff(g.c[1], d)})`,
        result: pt(r.x, d),
      },
      value: r.x[0],
    })),
    ...sumLines(f.real, real, d, D0.w, D0.b, 'real'),
    ...sumLines(f.fake, fake, d, D0.w, D0.b, 'fake'),
    {
      id: 'V',
      line: {
        lhs: 'V(D, G)',
        symbolic: `${frac(m)}Σᵢ log D(xᵢ) + ${frac(n)}Σⱼ log(1 − D(G(zⱼ)))`,
        substituted: `${frac(m)}[${f.real.map((r) => `log ${fn(r.D, d)}`).join(' + ')}] + ${frac(n)}[${f.fake.map((r) => `log(1 − ${fn(r.D, d)})`).join(' + ')}]`,
        result: fn(f.V, d),
      },
      value: f.V,
    },
  ];

  const dLine = (k: 0 | 1 | null): GanLine => {
    const x = (i: number) => (k === null ? '' : `·${real(i)}[${k + 1}]`);
    const y = (j: number) => (k === null ? '' : `·${fake(j)}[${k + 1}]`);
    const xv = (r: GanSeen) => (k === null ? '' : `·${ff(r.x[k], d)}`);
    const value = k === null ? ds.db : ds.dw[k];
    return {
      id: k === null ? 'dV-db' : `dV-dw${k + 1}`,
      line: {
        lhs: k === null ? '∂V/∂b' : `∂V/∂w${k + 1}`,
        symbolic: `${frac(m)}[${f.real.map((_, i) => `δ(${real(i)})${x(i)}`).join(' + ')}] + ${frac(n)}[${f.fake.map((_, j) => `δ(${fake(j)})${y(j)}`).join(' + ')}]`,
        substituted: `${frac(m)}[${f.real.map((r, i) => `${ff(ds.deltaReal[i] ?? 0, d)}${xv(r)}`).join(' + ')}] + ${frac(n)}[${f.fake.map((r, j) => `${ff(ds.deltaFake[j] ?? 0, d)}${xv(r)}`).join(' + ')}]`,
        result: fn(value, d),
      },
      value,
    };
  };
  const ascent = (name: string, before: number, grad: string, g1: number, after: number) => ({
    id: `new-${name}`,
    line: {
      lhs: `${name}′`,
      symbolic: `${name} + η_D·${grad}`,
      substituted: `${ff(before, d)} + ${ff(p.etaD, d)}·${ff(g1, d)}`,
      result: fn(after, d),
    },
    value: after,
  });
  const dStep: GanLine[] = [
    ...f.real.map((r, i) => ({
      id: `delta-real-${i + 1}`,
      line: {
        lhs: `δ(${real(i)})`,
        symbolic: `∂log D/∂D · ∂D/∂s = (1/D)·D(1 − D) = 1 − D(${real(i)})`,
        substituted: `(1/${fn(r.D, d)})·${fn(r.D, d)}·(1 − ${fn(r.D, d)})`,
        result: fn(ds.deltaReal[i] ?? 0, d),
      },
      value: ds.deltaReal[i] ?? 0,
    })),
    ...f.fake.map((r, j) => ({
      id: `delta-fake-${j + 1}`,
      line: {
        lhs: `δ(${fake(j)})`,
        symbolic: `∂log(1 − D)/∂D · ∂D/∂s = (−1/(1 − D))·D(1 − D) = −D(${fake(j)})`,
        substituted: `(−1/(1 − ${fn(r.D, d)}))·${fn(r.D, d)}·(1 − ${fn(r.D, d)})`,
        result: fn(ds.deltaFake[j] ?? 0, d),
      },
      value: ds.deltaFake[j] ?? 0,
    })),
    dLine(0),
    dLine(1),
    dLine(null),
    ascent('w1', D0.w[0], '∂V/∂w1', ds.dw[0], D1.w[0]),
    ascent('w2', D0.w[1], '∂V/∂w2', ds.dw[1], D1.w[1]),
    ascent('b', D0.b, '∂V/∂b', ds.db, D1.b),
    ...sumLines(ds.forwardAfter.real, real, d, D1.w, D1.b, 'real-after', '′'),
    ...sumLines(ds.forwardAfter.fake, fake, d, D1.w, D1.b, 'fake-after', '′'),
    {
      id: 'V-after',
      line: {
        lhs: 'V(D′, G)',
        symbolic: `${frac(m)}Σᵢ log D′(xᵢ) + ${frac(n)}Σⱼ log(1 − D′(G(zⱼ)))`,
        substituted: `${frac(m)}[${ds.forwardAfter.real.map((r) => `log ${fn(r.D, d)}`).join(' + ')}] + ${frac(n)}[${ds.forwardAfter.fake.map((r) => `log(1 − ${fn(r.D, d)})`).join(' + ')}]`,
        result: fn(ds.forwardAfter.V, d),
      },
      value: ds.forwardAfter.V,
    },
  ];

  const ns = p.generatorLoss === 'non-saturating';
  const L = ns ? 'L_G' : 'L_G,sat';
  const fakes1 = ds.forwardAfter.fake;
  const ap = gs.applied;
  const gStep: GanLine[] = [
    {
      id: 'LG-before',
      line: ns
        ? {
            lhs: L,
            symbolic: `−${frac(n)}Σⱼ log D′(G(zⱼ))`,
            substituted: `−${frac(n)}[${fakes1.map((r) => `log ${fn(r.D, d)}`).join(' + ')}]`,
            result: fn(gs.lossBefore, d),
          }
        : {
            lhs: L,
            symbolic: `${frac(n)}Σⱼ log(1 − D′(G(zⱼ)))`,
            substituted: `${frac(n)}[${fakes1.map((r) => `log(1 − ${fn(r.D, d)})`).join(' + ')}]`,
            result: fn(gs.lossBefore, d),
          },
      value: gs.lossBefore,
    },
    ...fakes1.map((r, j) => ({
      id: `delta-g-${j + 1}`,
      line: ns
        ? {
            lhs: `δ_G(z${j + 1})`,
            symbolic: `∂(−log D′)/∂D′ · ∂D′/∂s′ = (−1/D′)·D′(1 − D′) = −(1 − D′(${fake(j)}))`,
            substituted: `(−1/${fn(r.D, d)})·${fn(r.D, d)}·(1 − ${fn(r.D, d)})`,
            result: fn(ap.delta[j] ?? 0, d),
          }
        : {
            lhs: `δ_G(z${j + 1})`,
            symbolic: `∂log(1 − D′)/∂D′ · ∂D′/∂s′ = (−1/(1 − D′))·D′(1 − D′) = −D′(${fake(j)})`,
            substituted: `(−1/(1 − ${fn(r.D, d)}))·${fn(r.D, d)}·(1 − ${fn(r.D, d)})`,
            result: fn(ap.delta[j] ?? 0, d),
          },
      value: ap.delta[j] ?? 0,
    })),
    ...fakes1.flatMap((_, j) =>
      K.map((k) => ({
        id: `dL-dG-${j + 1}-${k + 1}`,
        line: {
          lhs: `∂${L}/∂${fake(j)}[${k + 1}]`,
          symbolic: `${frac(n)}·δ_G(z${j + 1})·w${k + 1}′`,
          substituted: `${frac(n)}·${ff(ap.delta[j] ?? 0, d)}·${ff(D1.w[k], d)}`,
          result: fn(ap.dFake[j]?.[k] ?? 0, d),
        },
        value: ap.dFake[j]?.[k] ?? 0,
      })),
    ),
    ...K.flatMap((k) => [
      {
        id: `dL-da${k + 1}`,
        line: {
          lhs: `∂${L}/∂a${k + 1}`,
          symbolic: fakes1.map((_, j) => `∂${L}/∂${fake(j)}[${k + 1}]·z${j + 1}`).join(' + '),
          substituted: fakes1
            .map((_, j) => `${ff(ap.dFake[j]?.[k] ?? 0, d)}·${ff(p.noise[j] ?? 0, d)}`)
            .join(' + '),
          result: fn(ap.da[k], d),
        },
        value: ap.da[k],
      },
      {
        id: `dL-dc${k + 1}`,
        line: {
          lhs: `∂${L}/∂c${k + 1}`,
          symbolic: fakes1.map((_, j) => `∂${L}/∂${fake(j)}[${k + 1}]·1`).join(' + '),
          substituted: fakes1.map((_, j) => `${ff(ap.dFake[j]?.[k] ?? 0, d)}·1`).join(' + '),
          result: fn(ap.dc[k], d),
        },
        value: ap.dc[k],
      },
    ]),
    ...(['a', 'c'] as const).flatMap((name) =>
      K.map((k) => {
        const before = g[name][k];
        const grad = (name === 'a' ? ap.da : ap.dc)[k];
        const after = gs.after[name][k];
        return {
          id: `new-${name}${k + 1}`,
          line: {
            lhs: `${name}${k + 1}′`,
            symbolic: `${name}${k + 1} − η_G·∂${L}/∂${name}${k + 1}`,
            substituted: `${ff(before, d)} − ${ff(p.etaG, d)}·${ff(grad, d)}`,
            result: fn(after, d),
          },
          value: after,
        };
      }),
    ),
    ...gs.fakesAfter.map((x, j) => ({
      id: `g-after-${j + 1}`,
      line: {
        lhs: `G′(z${j + 1})`,
        symbolic: `a′·z${j + 1} + c′`,
        substituted: `(${ff(gs.after.a[0], d)}·${ff(p.noise[j] ?? 0, d)} + ${ff(gs.after.c[0], d)}, ${ff(gs.after.a[1], d)}·${ff(p.noise[j] ?? 0, d)} + ${ff(gs.after.c[1], d)})`,
        result: pt(x, d),
      },
      value: x[0],
    })),
    {
      id: 'LG-after',
      line: {
        lhs: `${L}(G′)`,
        symbolic: ns ? `−${frac(n)}Σⱼ log D′(G′(zⱼ))` : `${frac(n)}Σⱼ log(1 − D′(G′(zⱼ)))`,
        substituted: ns
          ? `−${frac(n)}[${gs.forwardAfter.fake.map((r) => `log ${fn(r.D, d)}`).join(' + ')}]`
          : `${frac(n)}[${gs.forwardAfter.fake.map((r) => `log(1 − ${fn(r.D, d)})`).join(' + ')}]`,
        result: fn(gs.lossAfter, d),
      },
      value: gs.lossAfter,
    },
  ];

  const compare: GanLine[] = fakes1.flatMap((r, j) => [
    {
      id: `compare-ns-${j + 1}`,
      line: {
        lhs: `δ_G(z${j + 1}), −log D′`,
        symbolic: `−(1 − D′(${fake(j)}))`,
        substituted: `−(1 − ${fn(r.D, d)})`,
        result: fn(gs.nonSaturating.delta[j] ?? 0, d),
      },
      value: gs.nonSaturating.delta[j] ?? 0,
    },
    {
      id: `compare-sat-${j + 1}`,
      line: {
        lhs: `δ_G(z${j + 1}), log(1 − D′)`,
        symbolic: `−D′(${fake(j)})`,
        substituted: `−${fn(r.D, d)}`,
        result: fn(gs.saturating.delta[j] ?? 0, d),
      },
      value: gs.saturating.delta[j] ?? 0,
    },
  ]);

  return { forward, dStep, gStep, compare };
}
