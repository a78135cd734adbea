import { isActivationName, neuron, softmax, type ActivationName } from '../labs/activations';
import {
  traceBackprop,
  validateBackpropProblem,
  type BackpropLoss,
  type BackpropProblem,
} from '../labs/backprop';
import { conv2d, pool2d } from '../labs/convolution';
import { ganProblemOfState } from '../labs/gan/gan-sheet';
import { traceGan } from '../labs/gan/gan';
import type { BackpropLabState, LabFile } from '../labs/lab-file';

/**
 * The numbers of a lab a package can ask for, by name, computed from the
 * lab's state exactly as the lab shows them. A teacher picks one when setting
 * a `lab-answer` expectation, and its value at the step's starting numbers
 * becomes the key.
 *
 * - backprop: `loss`, `dL/dw5` (any weight or bias by its course name), `w5'` (after the update)
 * - neuron: `In`, `Out`, `softmax1`…
 * - convolution: `conv[r,c]`, `pool[r,c]` (1-based row and column)
 * - gan: `V`, `dV/dw1`, `dV/dw2`, `dV/db`, `w1'`, `w2'`, `b'` (the D step), `L_G` and `L_G'` (the
 *   chosen G loss before and after the G step), `dL_G/da1`…`dL_G/dc2`, `a1'`…`c2'`
 */
export function labQuantities(file: LabFile): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  switch (file.lab) {
    case 'backprop': {
      const problem = backpropProblem(file.state);
      if (!validateBackpropProblem(problem).ok) break;
      const trace = traceBackprop(problem);
      out.set('loss', trace.loss);
      for (const g of trace.gradients) {
        out.set(`dL/d${g.name}`, g.gradient);
        out.set(`${g.name}'`, g.updated);
      }
      break;
    }
    case 'neuron': {
      const s = file.state;
      const g: ActivationName = isActivationName(s.activation) ? s.activation : 'linear';
      const result = neuron(s.inputs, s.weights, s.bias, g);
      out.set('In', result.In);
      out.set('Out', result.Out);
      softmax(s.logits).forEach((p, i) => out.set(`softmax${i + 1}`, p));
      break;
    }
    case 'convolution': {
      const s = file.state;
      const conv = conv2d(s.input, s.kernel, s);
      if (!conv.ok) break;
      conv.value.output.forEach((row, r) =>
        row.forEach((v, c) => out.set(`conv[${r + 1},${c + 1}]`, v)),
      );
      const pooled = pool2d(conv.value.output, s.pool);
      if (pooled.ok)
        pooled.value.output.forEach((row, r) =>
          row.forEach((v, c) => out.set(`pool[${r + 1},${c + 1}]`, v)),
        );
      break;
    }
    case 'gan': {
      const { forward, dStep, gStep } = traceGan(ganProblemOfState(file.state));
      out.set('V', forward.V);
      [dStep.dw[0], dStep.dw[1], dStep.db].forEach((v, k) =>
        out.set(`dV/d${['w1', 'w2', 'b'][k]}`, v),
      );
      [dStep.after.w[0], dStep.after.w[1], dStep.after.b].forEach((v, k) =>
        out.set(`${['w1', 'w2', 'b'][k]}'`, v),
      );
      out.set('L_G', gStep.lossBefore);
      out.set("L_G'", gStep.lossAfter);
      for (const name of ['a', 'c'] as const)
        for (const k of [0, 1] as const) {
          const grad = name === 'a' ? gStep.applied.da : gStep.applied.dc;
          out.set(`dL_G/d${name}${k + 1}`, grad[k]);
          out.set(`${name}${k + 1}'`, gStep.after[name][k]);
        }
      break;
    }
    default:
      break;
  }
  return out;
}

/** The backprop lab's state as the problem `traceBackprop` solves (as the lab builds it). */
export function backpropProblem(s: BackpropLabState): BackpropProblem {
  return {
    net: {
      layerSizes: s.layerSizes,
      activations: s.activations.map((a): ActivationName => (isActivationName(a) ? a : 'linear')),
      kernels: s.kernels,
      biases: s.biases,
    },
    inputs: s.inputs,
    targets: s.targets,
    loss: s.loss as BackpropLoss,
    eta: s.eta,
  };
}
