import {
  COURSE_323_DEFAULTS,
  COURSE_SOFTMAX_LOGITS,
  convExamples,
  courseNet323,
  findKernelPreset,
  gdPresets,
  type BackpropLabState,
  type ConvolutionLabState,
  type GradientDescentLabState,
  type LabFile,
  type LabId,
  type NeuronLabState,
} from '@core';

import { defaultGanState } from './gan/gan-defaults';
import { defaultLstmState } from './lstm/lstm-defaults';
import { defaultRnnState } from './rnn/rnn-defaults';
import { defaultWordVectorsState } from './word-vectors/word-vectors-defaults';

/** The neuron lab as it first opens: three inputs, sigmoid. */
export const defaultNeuronState: NeuronLabState = {
  inputs: [1, 0.5, -1],
  weights: [0.8, -0.6, 0.2],
  bias: 0.1,
  activation: 'sigmoid',
  logits: [...COURSE_SOFTMAX_LOGITS],
};

const firstPreset = gdPresets[0];

/** The gradient-descent lab as it first opens: x² from 4 with η = 0.1. */
export const defaultGradientDescentState: GradientDescentLabState = {
  presetId: firstPreset?.id ?? null,
  formula: firstPreset?.formula ?? 'x^2',
  dims: firstPreset?.dims ?? 1,
  start: [...(firstPreset?.start ?? [4])],
  eta: firstPreset?.eta ?? 0.1,
  steps: 0,
};

const course = courseNet323(COURSE_323_DEFAULTS.weights);

/** The backprop lab as it first opens: the course's 3-2-3 net with L = ⅓Σ(ŷ − y)². */
export const defaultBackpropState: BackpropLabState = {
  layerSizes: [...course.layerSizes],
  activations: [...course.activations],
  kernels: course.kernels.map((k) => k.map((r) => [...r])),
  biases: course.biases.map((b) => (b ? [...b] : null)),
  inputs: [...COURSE_323_DEFAULTS.inputs],
  targets: [...COURSE_323_DEFAULTS.targets],
  loss: 'mean-sse',
  eta: COURSE_323_DEFAULTS.eta,
  decimals: 4,
  step: 0,
};

const example = convExamples[0];

/** The convolution lab as it first opens: the course's 5×5 example. */
export const defaultConvolutionState: ConvolutionLabState = {
  input: (example?.input ?? [[0]]).map((r) => [...r]),
  kernel: (findKernelPreset(example?.kernelId ?? 'identity')?.kernel ?? [[1]]).map((r) => [...r]),
  kernelId: example?.kernelId ?? null,
  stride: 1,
  padding: 'valid',
  dilation: 1,
  pool: { kind: 'max', size: 2, stride: 2 },
  selected: null,
};

/** A fresh lab file for `lab`; example text (the word-vectors corpus) is in `language`. */
export function defaultLabFile(lab: LabId, language = 'en'): LabFile {
  switch (lab) {
    case 'neuron':
      return { lab, state: defaultNeuronState };
    case 'gradient-descent':
      return { lab, state: defaultGradientDescentState };
    case 'backprop':
      return { lab, state: defaultBackpropState };
    case 'convolution':
      return { lab, state: defaultConvolutionState };
    case 'rnn':
      return { lab, state: defaultRnnState };
    case 'lstm':
      return { lab, state: defaultLstmState };
    case 'word-vectors':
      return { lab, state: defaultWordVectorsState(language) };
    case 'gan':
      return { lab, state: defaultGanState };
  }
}

/**
 * A convolution lab on the 7×7 example with the given kernel (e.g. one filter of a
 * trained Conv2D layer, from `kernelFromConv2DWeights`).
 */
export function convolutionLabWithKernel(
  kernel: readonly (readonly number[])[],
  input?: readonly (readonly number[])[],
): LabFile {
  const example = convExamples.find((e) => e.id === 'course-7x7');
  return {
    lab: 'convolution',
    state: {
      ...defaultConvolutionState,
      input: (input ?? example?.input ?? defaultConvolutionState.input).map((r) => [...r]),
      kernel: kernel.map((r) => [...r]),
      kernelId: null,
    },
  };
}
