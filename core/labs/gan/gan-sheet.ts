/**
 * The GAN lab's answer key and worksheet: the given batch and players, then the forward pass,
 * the D step, the G step and the saturating/non-saturating comparison, every line as the lab
 * shows it (ganFormulas).
 */
import type { AnswerKeyBlock, AnswerKeyLanguage } from '../answer-key';
import { formatNumber as fn } from '../format';
import type { GanLabState } from '../lab-file';
import type { LabSheetContent } from '../lab-sheet';
import { traceGan, type GanGeneratorLoss, type GanPoint, type GanProblem } from './gan';
import { ganFormulas, type GanLine } from './gan-formulas';

/** The GAN lab's saved state as a problem for `traceGan` (the lab uses the same). */
export function ganProblemOfState(s: GanLabState): GanProblem {
  return {
    real: s.real,
    noise: s.noise,
    generator: s.generator,
    discriminator: s.discriminator,
    etaD: s.etaD,
    etaG: s.etaG,
    generatorLoss: s.generatorLoss as GanGeneratorLoss,
  };
}

/** A problem as the lab's saved state, at the stepper's `stage` (0 forward, 1 D step, 2 G step). */
export function ganLabStateOf(p: GanProblem, decimals = 4, stage = 0): GanLabState {
  const xy = (v: GanPoint): [number, number] => [v[0], v[1]];
  return {
    real: p.real.map(xy),
    noise: [...p.noise],
    generator: { a: xy(p.generator.a), c: xy(p.generator.c) },
    discriminator: { w: xy(p.discriminator.w), b: p.discriminator.b },
    etaD: p.etaD,
    etaG: p.etaG,
    generatorLoss: p.generatorLoss,
    decimals,
    stage,
  };
}

const WORDS = {
  en: {
    real: 'Real points (example values, not from the course deck)',
    noise: 'Noise samples',
    generator: 'Generator G(z) = a·z + c',
    discriminator: 'Discriminator D(x) = σ(w·x + b)',
    rates: 'Learning rates',
    loss: {
      'non-saturating': 'G loss: −log D(G(z)) (non-saturating)',
      saturating: 'G loss: log(1 − D(G(z))) (saturating)',
    },
    forward: 'Forward: the fakes, D on every point, V(D, G)',
    dStep: 'D step: gradient ascent on V (D maximises V)',
    gStep: 'G step with the updated D′: gradient descent on the generator loss',
    compare: 'Saturating vs non-saturating: δ of each fake',
    why: 'When D′(G(z)) is near 0 (D rejects the fakes confidently), the saturating δ = −D′ is near 0 and G hardly learns; the non-saturating δ = −(1 − D′) is near −1.',
  },
  'zh-CN': {
    real: '真实样本点（示例数值，非课程讲义中的数据）',
    noise: '噪声样本',
    generator: '生成器 G(z) = a·z + c',
    discriminator: '判别器 D(x) = σ(w·x + b)',
    rates: '学习率',
    loss: {
      'non-saturating': 'G 的损失：−log D(G(z))（非饱和）',
      saturating: 'G 的损失：log(1 − D(G(z)))（饱和）',
    },
    forward: '前向：生成假样本，D 判别每个点，计算 V(D, G)',
    dStep: 'D 步：对 V 做梯度上升（D 使 V 最大）',
    gStep: 'G 步（使用更新后的 D′）：对生成器损失做梯度下降',
    compare: '饱和与非饱和损失：每个假样本的 δ',
    why: '当 D′(G(z)) 接近 0（D 很有把握地判定为假）时，饱和损失的 δ = −D′ 接近 0，G 几乎学不到东西；非饱和损失的 δ = −(1 − D′) 接近 −1。',
  },
} as const;

const pt = (p: GanPoint, d: number) => `(${fn(p[0], d)}, ${fn(p[1], d)})`;
const lines = (ls: readonly GanLine[]) => ls.map((l) => l.line);

export function ganSheet(s: GanLabState, lang: AnswerKeyLanguage): LabSheetContent {
  const w = WORDS[lang];
  const d = s.decimals;
  const p = ganProblemOfState(s);
  const f = ganFormulas(p, traceGan(p), d);
  const blocks: AnswerKeyBlock[] = [
    { heading: w.forward, lines: lines(f.forward) },
    { heading: w.dStep, lines: lines(f.dStep) },
    { heading: w.gStep, lines: lines(f.gStep) },
    { heading: w.compare, lines: [...lines(f.compare), { note: w.why }] },
  ];
  return {
    given: [
      `${w.real}: ${s.real.map((x, i) => `x${i + 1} = ${pt(x, d)}`).join(', ')}`,
      `${w.noise}: ${s.noise.map((z, j) => `z${j + 1} = ${fn(z, d)}`).join(', ')}`,
      `${w.generator}: a = ${pt(s.generator.a, d)}, c = ${pt(s.generator.c, d)}`,
      `${w.discriminator}: w = ${pt(s.discriminator.w, d)}, b = ${fn(s.discriminator.b, d)}`,
      `${w.rates}: η_D = ${fn(s.etaD, d)}, η_G = ${fn(s.etaG, d)}`,
      w.loss[p.generatorLoss],
    ],
    blocks,
    decimals: d,
  };
}
