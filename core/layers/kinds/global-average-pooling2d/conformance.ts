import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  GlobalAveragePooling2D: [{ inputs: [image(7, 7, 32)] }, { inputs: [[null, 10]] }],
};
