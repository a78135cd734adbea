/**
 * Kernel presets and the course's worked examples for the convolution lab.
 */
import type { Grid } from './convolution';

/** A named kernel. `id` is stable (saved in lab files); the UI translates it. */
export interface KernelPreset {
  readonly id: string;
  readonly kernel: Grid;
}

const div = (g: number[][], d: number): number[][] => g.map((r) => r.map((v) => v / d));
const binomial5 = [1, 4, 6, 4, 1];

/** Kernels in teaching order: do nothing, smooth, sharpen, find edges. */
export const kernelPresets: readonly KernelPreset[] = [
  {
    id: 'identity',
    kernel: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
  },
  {
    id: 'box-blur',
    kernel: div(
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      9,
    ),
  },
  {
    id: 'gaussian-blur',
    kernel: div(
      [
        [1, 2, 1],
        [2, 4, 2],
        [1, 2, 1],
      ],
      16,
    ),
  },
  {
    id: 'gaussian-blur-5',
    kernel: div(
      binomial5.map((a) => binomial5.map((b) => a * b)),
      256,
    ),
  },
  {
    id: 'sharpen',
    kernel: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
  },
  {
    id: 'sobel-x',
    kernel: [
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ],
  },
  {
    id: 'sobel-y',
    kernel: [
      [-1, -2, -1],
      [0, 0, 0],
      [1, 2, 1],
    ],
  },
  {
    id: 'prewitt-x',
    kernel: [
      [-1, 0, 1],
      [-1, 0, 1],
      [-1, 0, 1],
    ],
  },
  {
    id: 'prewitt-y',
    kernel: [
      [-1, -1, -1],
      [0, 0, 0],
      [1, 1, 1],
    ],
  },
  {
    id: 'laplacian',
    kernel: [
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ],
  },
  {
    id: 'course-x',
    kernel: [
      [1, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
    ],
  },
];

/** A worked example: input, kernel and the sizes it teaches. */
export interface ConvExample {
  readonly id: 'course-5x5' | 'course-7x7';
  readonly input: Grid;
  readonly kernelId: string;
  /** `deck`: the course deck's own numbers; `example`: example values chosen for LayerLab. */
  readonly origin: 'deck' | 'example';
}

/**
 * The course's two sizes. 5×5 with a 3×3 kernel gives the 9 centre pixels (3×3): these are
 * the deck's own numbers (the classic 0/1 grid and the "X" kernel, output
 * [[4,3,4],[2,4,3],[2,3,4]]). 7×7 with stride 1 gives 5×5; the deck draws it without
 * numbers, so ours are example values: a bright square with noise, smoothed by the box blur.
 */
export const convExamples: readonly ConvExample[] = [
  {
    id: 'course-5x5',
    input: [
      [1, 1, 1, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 1, 1, 1],
      [0, 0, 1, 1, 0],
      [0, 1, 1, 0, 0],
    ],
    kernelId: 'course-x',
    origin: 'deck',
  },
  {
    id: 'course-7x7',
    input: [
      [0, 1, 0, 0, 2, 0, 1],
      [1, 0, 2, 1, 0, 1, 0],
      [0, 2, 9, 8, 9, 1, 0],
      [1, 0, 8, 9, 8, 0, 2],
      [0, 1, 9, 8, 9, 2, 0],
      [2, 0, 1, 0, 1, 0, 1],
      [0, 1, 0, 2, 0, 1, 0],
    ],
    kernelId: 'box-blur',
    origin: 'example',
  },
];

/** The preset kernel with this id, if any. */
export function findKernelPreset(id: string): KernelPreset | undefined {
  return kernelPresets.find((k) => k.id === id);
}
