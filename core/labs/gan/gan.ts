/**
 * The adversarial game of a GAN on the 2-D toy, small enough to do by hand: a generator
 * G(z) = a·z + c (one noise number z → a point in the plane, 4 parameters) and a
 * discriminator D(x) = σ(w·x + b) (a logistic unit, 3 parameters). One D step is gradient
 * ascent on the minimax value V(D, G); one G step is gradient descent on the generator's
 * loss, non-saturating −log D(G(z)) or saturating log(1 − D(G(z))), with the D just updated
 * (the usual alternation). Every partial derivative is kept as its chain-rule factors.
 */
import { sigmoid } from '../activations';

/** A point of the plane. */
export type GanPoint = readonly [number, number];

/** G(z) = a·z + c: the noise number z scales the direction a from the point c. */
export interface GanGenerator {
  readonly a: GanPoint;
  readonly c: GanPoint;
}

/** D(x) = σ(w·x + b): the probability D gives that x is real. */
export interface GanDiscriminator {
  readonly w: GanPoint;
  readonly b: number;
}

/** The generator's loss in the G step. */
export type GanGeneratorLoss = 'non-saturating' | 'saturating';
export const ganGeneratorLosses: readonly GanGeneratorLoss[] = ['non-saturating', 'saturating'];

/** How many real points and noise samples a batch may hold (every number must fit on screen). */
export const GAN_LIMITS = { maxBatch: 4 } as const;

export interface GanProblem {
  readonly real: readonly GanPoint[];
  readonly noise: readonly number[];
  readonly generator: GanGenerator;
  readonly discriminator: GanDiscriminator;
  readonly etaD: number;
  readonly etaG: number;
  readonly generatorLoss: GanGeneratorLoss;
}

export function generate(g: GanGenerator, z: number): GanPoint {
  return [g.a[0] * z + g.c[0], g.a[1] * z + g.c[1]];
}

/** The discriminator's weighted sum s = w·x + b (its "logit"). */
export function discriminatorSum(d: GanDiscriminator, x: GanPoint): number {
  return d.w[0] * x[0] + d.w[1] * x[1] + d.b;
}

export function discriminate(d: GanDiscriminator, x: GanPoint): number {
  return sigmoid(discriminatorSum(d, x));
}

/** One point seen by D: its sum s and D's output. */
export interface GanSeen {
  readonly x: GanPoint;
  readonly s: number;
  readonly D: number;
}

/** The forward pass: D on every real point and every fake G(zⱼ), and the value V(D, G). */
export interface GanForward {
  readonly real: readonly GanSeen[];
  readonly fake: readonly GanSeen[];
  /** (1/m)Σ log D(xᵢ) */
  readonly realTerm: number;
  /** (1/n)Σ log(1 − D(G(zⱼ))) */
  readonly fakeTerm: number;
  /** V = realTerm + fakeTerm; D maximises it, G minimises it. */
  readonly V: number;
  /** D's loss −V. */
  readonly lossD: number;
  /** −(1/n)Σ log D(G(zⱼ)), the non-saturating generator loss. */
  readonly lossGNonSaturating: number;
  /** (1/n)Σ log(1 − D(G(zⱼ))), the saturating generator loss (= fakeTerm). */
  readonly lossGSaturating: number;
}

const seen = (d: GanDiscriminator, x: GanPoint): GanSeen => {
  const s = discriminatorSum(d, x);
  return { x, s, D: sigmoid(s) };
};
const mean = (xs: readonly number[]) => xs.reduce((a, v) => a + v, 0) / xs.length;
/** log σ(s) and log(1 − σ(s)) = log σ(−s), without losing digits when D is near 0 or 1. */
const logSigmoid = (s: number) => -Math.log1p(Math.exp(-Math.abs(s))) + Math.min(s, 0);

export function ganForward(
  p: Pick<GanProblem, 'real' | 'noise' | 'generator' | 'discriminator'>,
): GanForward {
  const real = p.real.map((x) => seen(p.discriminator, x));
  const fake = p.noise.map((z) => seen(p.discriminator, generate(p.generator, z)));
  const realTerm = mean(real.map((r) => logSigmoid(r.s)));
  const fakeTerm = mean(fake.map((f) => logSigmoid(-f.s)));
  return {
    real,
    fake,
    realTerm,
    fakeTerm,
    V: realTerm + fakeTerm,
    lossD: -(realTerm + fakeTerm),
    lossGNonSaturating: -mean(fake.map((f) => logSigmoid(f.s))),
    lossGSaturating: fakeTerm,
  };
}

/**
 * The D step. Per sample, δ = ∂(its term of V)/∂s as chain-rule factors:
 * real: ∂log D/∂D · ∂D/∂s = (1/D)·D(1 − D) = 1 − D;
 * fake: ∂log(1 − D)/∂D · ∂D/∂s = (−1/(1 − D))·D(1 − D) = −D.
 * Then ∂V/∂w_k = (1/m)Σ δᵢ·xᵢ,k + (1/n)Σ δⱼ·G(zⱼ)_k, ∂V/∂b the same with 1, and
 * θ_D ← θ_D + η_D·∂V/∂θ_D (ascent: D maximises V).
 */
export interface GanDStep {
  readonly deltaReal: readonly number[];
  readonly deltaFake: readonly number[];
  readonly dw: GanPoint;
  readonly db: number;
  readonly after: GanDiscriminator;
  /** The forward pass again with the updated D (same G, same batch). */
  readonly forwardAfter: GanForward;
}

export function ganDStep(p: GanProblem, forward: GanForward = ganForward(p)): GanDStep {
  const m = forward.real.length;
  const n = forward.fake.length;
  const deltaReal = forward.real.map((r) => 1 - r.D);
  const deltaFake = forward.fake.map((f) => -f.D);
  const part = (k: 0 | 1) =>
    forward.real.reduce((a, r, i) => a + (deltaReal[i] ?? 0) * r.x[k], 0) / m +
    forward.fake.reduce((a, f, j) => a + (deltaFake[j] ?? 0) * f.x[k], 0) / n;
  const dw: GanPoint = [part(0), part(1)];
  const db = mean(deltaReal) + mean(deltaFake);
  const d = p.discriminator;
  const after: GanDiscriminator = {
    w: [d.w[0] + p.etaD * dw[0], d.w[1] + p.etaD * dw[1]],
    b: d.b + p.etaD * db,
  };
  return {
    deltaReal,
    deltaFake,
    dw,
    db,
    after,
    forwardAfter: ganForward({ ...p, discriminator: after }),
  };
}

/**
 * The generator's gradients for one loss, through the (updated) D:
 * δⱼ = ∂ℓⱼ/∂sⱼ (non-saturating ℓ = −log D: (−1/D)·D(1 − D) = −(1 − D);
 * saturating ℓ = log(1 − D): (−1/(1 − D))·D(1 − D) = −D), then
 * ∂L/∂G(zⱼ)_k = (1/n)·δⱼ·w_k, ∂L/∂a_k = Σⱼ ∂L/∂G(zⱼ)_k·zⱼ, ∂L/∂c_k = Σⱼ ∂L/∂G(zⱼ)_k.
 */
export interface GanGeneratorGradients {
  readonly delta: readonly number[];
  /** ∂L/∂G(zⱼ), one 2-vector per noise sample. */
  readonly dFake: readonly GanPoint[];
  readonly da: GanPoint;
  readonly dc: GanPoint;
}

export function ganGeneratorGradients(
  d: GanDiscriminator,
  fake: readonly GanSeen[],
  noise: readonly number[],
  loss: GanGeneratorLoss,
): GanGeneratorGradients {
  const n = fake.length;
  const delta = fake.map((f) => (loss === 'non-saturating' ? -(1 - f.D) : -f.D));
  const dFake = delta.map((dl): GanPoint => [(dl * d.w[0]) / n, (dl * d.w[1]) / n]);
  const sum = (f: (j: number) => number) => noise.reduce((a, _, j) => a + f(j), 0);
  return {
    delta,
    dFake,
    da: [
      sum((j) => (dFake[j]?.[0] ?? 0) * (noise[j] ?? 0)),
      sum((j) => (dFake[j]?.[1] ?? 0) * (noise[j] ?? 0)),
    ],
    dc: [sum((j) => dFake[j]?.[0] ?? 0), sum((j) => dFake[j]?.[1] ?? 0)],
  };
}

/** The G step: both losses' gradients (for comparison), the chosen one applied. */
export interface GanGStep {
  readonly nonSaturating: GanGeneratorGradients;
  readonly saturating: GanGeneratorGradients;
  readonly applied: GanGeneratorGradients;
  readonly after: GanGenerator;
  /** The fakes G(zⱼ) before and after the step (the arrows of the picture). */
  readonly fakesBefore: readonly GanPoint[];
  readonly fakesAfter: readonly GanPoint[];
  /** The chosen generator loss with the updated D, before and after the G step. */
  readonly lossBefore: number;
  readonly lossAfter: number;
  /** The forward pass with both players updated. */
  readonly forwardAfter: GanForward;
}

const generatorLossOf = (f: GanForward, loss: GanGeneratorLoss) =>
  loss === 'non-saturating' ? f.lossGNonSaturating : f.lossGSaturating;

export function ganGStep(p: GanProblem, dStep: GanDStep = ganDStep(p)): GanGStep {
  const d = dStep.after;
  const fake = dStep.forwardAfter.fake;
  const nonSaturating = ganGeneratorGradients(d, fake, p.noise, 'non-saturating');
  const saturating = ganGeneratorGradients(d, fake, p.noise, 'saturating');
  const applied = p.generatorLoss === 'non-saturating' ? nonSaturating : saturating;
  const g = p.generator;
  const after: GanGenerator = {
    a: [g.a[0] - p.etaG * applied.da[0], g.a[1] - p.etaG * applied.da[1]],
    c: [g.c[0] - p.etaG * applied.dc[0], g.c[1] - p.etaG * applied.dc[1]],
  };
  const forwardAfter = ganForward({ ...p, discriminator: d, generator: after });
  return {
    nonSaturating,
    saturating,
    applied,
    after,
    fakesBefore: fake.map((f) => f.x),
    fakesAfter: forwardAfter.fake.map((f) => f.x),
    lossBefore: generatorLossOf(dStep.forwardAfter, p.generatorLoss),
    lossAfter: generatorLossOf(forwardAfter, p.generatorLoss),
    forwardAfter,
  };
}

/** The whole round: forward, one D step, one G step. */
export interface GanTrace {
  readonly forward: GanForward;
  readonly dStep: GanDStep;
  readonly gStep: GanGStep;
}

export function traceGan(p: GanProblem): GanTrace {
  const forward = ganForward(p);
  const dStep = ganDStep(p, forward);
  return { forward, dStep, gStep: ganGStep(p, dStep) };
}

/**
 * The lab's starting numbers: example values, not from the course deck. Two real points
 * from two modes of a ring of Gaussians of radius 2, two noise numbers, and a D that already
 * leans towards the real side.
 */
export const GAN_EXAMPLE: GanProblem = {
  real: [
    [1.8, 0.4],
    [0.3, 2.1],
  ],
  noise: [-1, 0.5],
  generator: { a: [0.5, -0.3], c: [-0.5, 0.2] },
  discriminator: { w: [0.6, 0.4], b: -0.5 },
  etaD: 0.5,
  etaG: 0.5,
  generatorLoss: 'non-saturating',
};

/**
 * A discriminator that rejects the example's fakes confidently (D(G(z)) below 0.01): with it
 * the saturating generator loss gives almost no gradient, the non-saturating one a full one.
 */
export const GAN_CONFIDENT_DISCRIMINATOR: GanDiscriminator = { w: [3, 3], b: -4 };
