import type { DatasetPlan } from './plan';

/**
 * A separate test folder is labelled with the *training* folder's class→index
 * map, matched by class name: the model's outputs are the training classes,
 * so a test folder that lists fewer classes (or in another order) must still
 * land on the right output units. A test class the training folder lacks has
 * no output unit at all: its files are left out and the class is reported.
 */
export interface TestAlignment {
  /** Indices into the test plan's samples that are kept (their class exists in training). */
  readonly kept: readonly number[];
  /** Training class index of each kept sample, in `kept` order. */
  readonly labels: Int32Array;
  /** Test classes the training folder does not have (their files are left out). */
  readonly unknownClasses: readonly string[];
  /** Samples left out because of `unknownClasses`. */
  readonly leftOut: number;
  /** Kept samples per training class, in training class order (0 for classes the test folder lacks). */
  readonly perClass: readonly { readonly name: string; readonly count: number }[];
}

export function alignTestSet(
  test: Pick<DatasetPlan, 'classNames' | 'labels'>,
  trainClassNames: readonly string[],
): TestAlignment {
  const trainIndex = new Map(trainClassNames.map((name, i) => [name, i]));
  const mapping = test.classNames.map((name) => trainIndex.get(name) ?? -1);
  const kept: number[] = [];
  const labels: number[] = [];
  const counts = new Array<number>(trainClassNames.length).fill(0);
  test.labels.forEach((testLabel, i) => {
    const label = mapping[testLabel] ?? -1;
    if (label < 0) return;
    kept.push(i);
    labels.push(label);
    counts[label] = (counts[label] as number) + 1;
  });
  return {
    kept,
    labels: Int32Array.from(labels),
    unknownClasses: test.classNames.filter((_, i) => mapping[i] === -1),
    leftOut: test.labels.length - kept.length,
    perClass: trainClassNames.map((name, i) => ({ name, count: counts[i] as number })),
  };
}
