/**
 * Gradient descent on a 1-D curve or 2-D surface: x ← x − η∇f(x).
 *
 * A run is an immutable value (`GdRun`); `startDescent`, `stepDescent` and
 * `runDescent` return new runs, so the UI can keep, replay or reset them
 * freely. Divergence is detected and explained: for a surface with curvature λ
 * (the largest eigenvalue of the Hessian) a step size η with η·λ > 2 makes
 * every step overshoot by more than it corrects — exact for quadratics.
 */
import { err, ok, type Result } from '../result';
import {
  differentiate,
  evaluate,
  parseExpression,
  variablesOf,
  type Expr,
  type ExpressionError,
} from './expression';

/** A differentiable loss surface in 1 or 2 variables (x, or x and y). */
export interface LossSurface {
  readonly dims: 1 | 2;
  /** The formula as typed, e.g. `x^2 + 10*y^2`. */
  readonly formula: string;
  readonly value: (p: readonly number[]) => number;
  readonly gradient: (p: readonly number[]) => number[];
  /** Second derivatives [[fxx, fxy], [fxy, fyy]] (1×1 in 1-D). */
  readonly hessian: (p: readonly number[]) => number[][];
}

/** Why a formula cannot be used as a surface. */
export type SurfaceError =
  | ExpressionError
  | { readonly code: 'gd-uses-y-in-1d'; readonly position: number; readonly message: string };

/**
 * Builds a surface from a typed formula, with exact (symbolic) derivatives.
 * `dims` defaults to 2 when the formula mentions y, else 1.
 */
export function surfaceFromFormula(
  formula: string,
  dims?: 1 | 2,
): Result<LossSurface, SurfaceError> {
  const parsed = parseExpression(formula);
  if (!parsed.ok) return parsed;
  const e = parsed.value;
  const usesY = variablesOf(e).has('y');
  const d: 1 | 2 = dims ?? (usesY ? 2 : 1);
  if (d === 1 && usesY)
    return err({
      code: 'gd-uses-y-in-1d',
      position: formula.indexOf('y'),
      message: 'a 1-D curve may only use x',
    });
  const at = (p: readonly number[]) => ({ x: p[0] ?? 0, y: p[1] ?? 0 });
  const dx = differentiate(e, 'x');
  const dxx = differentiate(dx, 'x');
  if (d === 1) {
    return ok({
      dims: 1,
      formula,
      value: (p) => evaluate(e, at(p)),
      gradient: (p) => [evaluate(dx, at(p))],
      hessian: (p) => [[evaluate(dxx, at(p))]],
    });
  }
  const dy = differentiate(e, 'y');
  const dxy = differentiate(dx, 'y');
  const dyy = differentiate(dy, 'y');
  const ev = (t: Expr, p: readonly number[]): number => evaluate(t, at(p));
  return ok({
    dims: 2,
    formula,
    value: (p) => ev(e, p),
    gradient: (p) => [ev(dx, p), ev(dy, p)],
    hessian: (p) => [
      [ev(dxx, p), ev(dxy, p)],
      [ev(dxy, p), ev(dyy, p)],
    ],
  });
}

/** A ready-made surface with a start point and step size that show something. */
export interface GdPreset {
  readonly id: string;
  readonly dims: 1 | 2;
  readonly formula: string;
  readonly start: readonly number[];
  /** A step size that converges. */
  readonly eta: number;
  /** A step size that diverges (for the "too large" demonstration). */
  readonly largeEta: number;
  /** Plot window: [xmin, xmax] and, in 2-D, [ymin, ymax]. */
  readonly domain: readonly (readonly [number, number])[];
}

/** Presets in teaching order: simple parabola first, the narrow bowl and a curved valley last. */
export const gdPresets: readonly GdPreset[] = [
  {
    id: 'parabola',
    dims: 1,
    formula: 'x^2',
    start: [4],
    eta: 0.1,
    largeEta: 1.1,
    domain: [[-5, 5]],
  },
  {
    id: 'shifted-parabola',
    dims: 1,
    formula: '(x-3)^2 + 1',
    start: [-1],
    eta: 0.1,
    largeEta: 1.05,
    domain: [[-3, 9]],
  },
  {
    id: 'quartic',
    dims: 1,
    formula: 'x^4 - 3*x^3 + 2',
    start: [3.5],
    eta: 0.01,
    largeEta: 0.1,
    domain: [[-1.5, 4]],
  },
  {
    id: 'round-bowl',
    dims: 2,
    formula: 'x^2 + y^2',
    start: [4, 3],
    eta: 0.1,
    largeEta: 1.05,
    domain: [
      [-5, 5],
      [-5, 5],
    ],
  },
  {
    id: 'narrow-bowl',
    dims: 2,
    formula: 'x^2 + 10*y^2',
    start: [4, 1.5],
    eta: 0.05,
    largeEta: 0.11,
    domain: [
      [-5, 5],
      [-3, 3],
    ],
  },
  {
    id: 'curved-valley',
    dims: 2,
    formula: '(1 - x)^2 + 5*(y - x^2)^2',
    start: [-1.5, 2],
    eta: 0.01,
    largeEta: 0.1,
    domain: [
      [-2, 2],
      [-1, 3],
    ],
  },
];

/** One visited point: step k, where it is, f there and the gradient there. */
export interface GdStep {
  readonly k: number;
  readonly point: readonly number[];
  readonly value: number;
  readonly gradient: readonly number[];
  /** Length of the step that led here (0 for the start). */
  readonly stepLength: number;
}

/**
 * Status of a run. `ready`/`running`: more steps possible; `converged`: gradient
 * (or step) became negligible; `diverged`: see `reason`; `max-steps`: stopped by the limit.
 */
export type GdStatus = 'ready' | 'running' | 'converged' | 'diverged' | 'max-steps';

/** Why a run diverged, with the numbers the lab shows. */
export interface GdDivergence {
  /**
   * `gd-eta-too-large`: η·λ > 2 where λ is the largest curvature — each step overshoots the
   * minimum by more than it started from. `gd-steps-growing`: step lengths kept growing while f
   * rose. `gd-non-finite`: a value became NaN or ∞ (e.g. log of a negative number).
   */
  readonly code: 'gd-eta-too-large' | 'gd-steps-growing' | 'gd-non-finite';
  readonly eta: number;
  /** λ, the largest Hessian eigenvalue at the start point (when finite). */
  readonly curvature: number | null;
  /** 2/λ, the largest η that does not diverge on a quadratic with that curvature. */
  readonly etaLimit: number | null;
}

/** An immutable gradient-descent run. */
export interface GdRun {
  readonly surface: LossSurface;
  readonly eta: number;
  readonly path: readonly GdStep[];
  readonly status: GdStatus;
  readonly divergence: GdDivergence | null;
}

/** Gradient norm under which a run counts as converged. */
export const GD_GRADIENT_TOLERANCE = 1e-6;
/** |point| or |f| beyond this counts as blown up. */
export const GD_BLOWUP = 1e8;

const norm = (v: readonly number[]): number => Math.sqrt(v.reduce((a, b) => a + b * b, 0));

/** Largest eigenvalue of the (symmetric) Hessian: the steepest curvature at p. */
export function largestCurvature(surface: LossSurface, p: readonly number[]): number {
  const h = surface.hessian(p);
  const a = h[0]?.[0] ?? 0;
  if (surface.dims === 1) return a;
  const b = h[0]?.[1] ?? 0;
  const d = h[1]?.[1] ?? 0;
  return (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
}

/**
 * How η compares with the curvature λ at p: `smooth` (η·λ ≤ 1, no overshoot), `zigzag`
 * (1 < η·λ ≤ 2, overshoots but shrinks), `diverges` (η·λ > 2), `flat` (λ ≤ 0, no bound).
 */
export function classifyStepSize(
  surface: LossSurface,
  p: readonly number[],
  eta: number,
): {
  verdict: 'smooth' | 'zigzag' | 'diverges' | 'flat';
  curvature: number;
  etaLimit: number | null;
} {
  const curvature = largestCurvature(surface, p);
  if (!(curvature > 0)) return { verdict: 'flat', curvature, etaLimit: null };
  const r = eta * curvature;
  return {
    verdict: r > 2 ? 'diverges' : r > 1 ? 'zigzag' : 'smooth',
    curvature,
    etaLimit: 2 / curvature,
  };
}

function makeStep(
  surface: LossSurface,
  k: number,
  point: readonly number[],
  stepLength: number,
): GdStep {
  return { k, point, value: surface.value(point), gradient: surface.gradient(point), stepLength };
}

/** A fresh run at `start` (also what Reset returns). */
export function startDescent(surface: LossSurface, start: readonly number[], eta: number): GdRun {
  const point = start.slice(0, surface.dims);
  while (point.length < surface.dims) point.push(0);
  return {
    surface,
    eta,
    path: [makeStep(surface, 0, point, 0)],
    status: 'ready',
    divergence: null,
  };
}

function diagnose(run: GdRun, code: 'gd-steps-growing' | 'gd-non-finite'): GdDivergence {
  const start = run.path[0]?.point ?? [0];
  const { verdict, curvature, etaLimit } = classifyStepSize(run.surface, start, run.eta);
  const finite = Number.isFinite(curvature);
  return {
    code: verdict === 'diverges' ? 'gd-eta-too-large' : code,
    eta: run.eta,
    curvature: finite ? curvature : null,
    etaLimit: finite ? etaLimit : null,
  };
}

/** One update x ← x − η∇f(x). A finished run is returned unchanged. */
export function stepDescent(run: GdRun): GdRun {
  if (run.status !== 'ready' && run.status !== 'running') return run;
  const last = run.path[run.path.length - 1];
  if (!last) return run;
  const next = last.point.map((x, i) => x - run.eta * (last.gradient[i] ?? 0));
  const stepLength = norm(next.map((x, i) => x - (last.point[i] ?? 0)));
  const step = makeStep(run.surface, last.k + 1, next, stepLength);
  const path = [...run.path, step];
  const grown: GdRun = { ...run, path, status: 'running' };
  if (
    !Number.isFinite(step.value) ||
    !step.gradient.every(Number.isFinite) ||
    !next.every(Number.isFinite)
  ) {
    return { ...grown, status: 'diverged', divergence: diagnose(run, 'gd-non-finite') };
  }
  if (Math.abs(step.value) > GD_BLOWUP || norm(next) > GD_BLOWUP || isGrowing(path)) {
    return { ...grown, status: 'diverged', divergence: diagnose(run, 'gd-steps-growing') };
  }
  if (norm(step.gradient) < GD_GRADIENT_TOLERANCE || stepLength < 1e-12)
    return { ...grown, status: 'converged' };
  return grown;
}

/** Five consecutive longer steps with f rising each time: the run is moving away. */
function isGrowing(path: readonly GdStep[]): boolean {
  const n = 5;
  if (path.length < n + 2) return false;
  const tail = path.slice(-(n + 1));
  for (let i = 1; i < tail.length; i++) {
    const a = tail[i - 1];
    const b = tail[i];
    if (!a || !b || !(b.stepLength > a.stepLength) || !(b.value > a.value)) return false;
  }
  return true;
}

/** Steps until converged, diverged or `maxSteps` steps taken in total (then `max-steps`). */
export function runDescent(run: GdRun, maxSteps = 200): GdRun {
  let r = run;
  while ((r.status === 'ready' || r.status === 'running') && r.path.length - 1 < maxSteps)
    r = stepDescent(r);
  if ((r.status === 'ready' || r.status === 'running') && r.path.length - 1 >= maxSteps)
    return { ...r, status: 'max-steps' };
  return r;
}
