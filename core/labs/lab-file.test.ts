import { describe, expect, it } from 'vitest';
import { parseLabFile, serializeLabFile, type LabFile } from './lab-file';

const files: LabFile[] = [
  {
    lab: 'neuron',
    state: { inputs: [1, 2], weights: [0.5, -1], bias: 0, activation: 'tanh', logits: [4, 1, -4] },
  },
  {
    lab: 'gradient-descent',
    state: {
      presetId: null,
      formula: 'x^2 + 10*y^2',
      dims: 2,
      start: [4, 1.5],
      eta: 0.05,
      steps: 12,
    },
  },
  {
    lab: 'backprop',
    state: {
      layerSizes: [3, 2, 3],
      activations: ['sigmoid', 'sigmoid'],
      kernels: [
        [
          [0.1, 0.2],
          [0.3, 0.4],
          [0.5, 0.6],
        ],
        [
          [0.7, 0.8, 0.9],
          [1, 1.1, 1.2],
        ],
      ],
      biases: [null, null],
      inputs: [0.5, 0.3, 0.8],
      targets: [1, 0, 0],
      loss: 'mean-sse',
      eta: 0.5,
      decimals: 4,
      step: 7,
    },
  },
  {
    lab: 'convolution',
    state: {
      input: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      kernel: [[1]],
      kernelId: null,
      stride: 1,
      padding: 'same',
      dilation: 1,
      pool: { kind: 'max', size: 2, stride: 2 },
      selected: { row: 0, col: 1 },
    },
  },
];

describe('lab files', () => {
  for (const f of files) {
    it(`round-trips a ${f.lab} lab`, () => {
      const r = parseLabFile(serializeLabFile(f));
      expect(r.ok && r.value).toEqual(f);
    });
  }
  const bad: Array<[string, string, string, string?]> = [
    ['not JSON', '{oops', 'lab-file-not-json'],
    [
      'a project file',
      JSON.stringify({ format: 'layerlab-project', version: 1 }),
      'lab-file-wrong-format',
    ],
    ['null', 'null', 'lab-file-wrong-format'],
    [
      'a newer version',
      JSON.stringify({ format: 'layerlab-lab', lab: 'neuron', version: 99, state: {} }),
      'lab-file-newer-version',
    ],
    [
      'an unknown lab',
      JSON.stringify({ format: 'layerlab-lab', lab: '__proto__', version: 1, state: {} }),
      'lab-file-unknown-lab',
    ],
    [
      'a missing number',
      JSON.stringify({
        format: 'layerlab-lab',
        lab: 'neuron',
        version: 1,
        state: { inputs: [1], weights: [1], activation: 'sigmoid', logits: [1] },
      }),
      'lab-file-invalid',
      'state.bias',
    ],
    [
      'an unknown activation',
      JSON.stringify({
        format: 'layerlab-lab',
        lab: 'neuron',
        version: 1,
        state: { inputs: [1], weights: [1], bias: 0, activation: 'constructor', logits: [1] },
      }),
      'lab-file-invalid',
      'state.activation',
    ],
    [
      'a huge grid',
      JSON.stringify({
        format: 'layerlab-lab',
        lab: 'convolution',
        version: 1,
        state: { ...files[3]!.state, input: Array.from({ length: 40 }, () => [1]) },
      }),
      'lab-file-invalid',
      'state.input',
    ],
  ];
  for (const [what, text, code, path] of bad) {
    it(`refuses ${what} with ${code}`, () => {
      const r = parseLabFile(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        if (path) expect(r.error.path).toBe(path);
      }
    });
  }
  it('refuses an oversized file before parsing it', () => {
    const r = parseLabFile(' '.repeat(2_000_001));
    expect(r.ok ? null : r.error.code).toBe('lab-file-too-large');
  });
});
