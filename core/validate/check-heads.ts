import type { GraphDoc, LayerNode } from '../graph/types';
import { readHeadSettings } from '../layers/kinds/output-head/head-settings';
import { describeShape } from '../layers/read-params';
import type { Diagnostic } from './diagnostic';
import type { PitfallContext } from './check-learner-pitfalls';

const classLosses = new Set(['categoricalCrossentropy', 'binaryCrossentropy']);

/**
 * What can go wrong with output heads (networks with several outputs), as
 * the single-output checks do for one output: a head must give a flat vector;
 * a class head has one unit per class, a box head 4 (x, y, width, height);
 * box coordinates through a softmax cannot be a box (they sum to 1); a
 * cross-entropy loss needs probabilities (softmax or sigmoid) and is the
 * wrong loss for a box; a box loss (squared error, Huber) on a class head
 * learns slowly.
 */
export function checkHeads(
  doc: GraphDoc,
  ctx: PitfallContext,
  activationBefore: (head: LayerNode) => string | null,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const head of Object.values(doc.nodes)) {
    if (head.kind !== 'OutputHead') continue;
    const info = ctx.shapes.get(head.id);
    if (!info?.ok) continue;
    const { target, loss } = readHeadSettings(head.params);
    const args = { name: head.name, kind: head.kind, target, loss };
    if (info.shape.length > 2) {
      out.push({
        code: 'output-not-flat',
        severity: 'error',
        nodeId: head.id,
        args: { ...args, actual: describeShape(info.shape) },
      });
      continue;
    }
    const units = info.shape[1] ?? null;
    const activation = activationBefore(head);
    if (target === 'box') {
      if (units !== null && units !== 4)
        out.push({
          code: 'head-box-units',
          severity: 'error',
          nodeId: head.id,
          args: { ...args, units },
        });
      if (activation === 'softmax')
        out.push({ code: 'head-box-softmax', severity: 'warning', nodeId: head.id, args });
      if (loss === 'categoricalCrossentropy')
        out.push({ code: 'head-loss-target-mismatch', severity: 'warning', nodeId: head.id, args });
      continue;
    }
    if (ctx.classCount !== null && units !== null && units !== ctx.classCount && units !== 1)
      out.push({
        code: 'output-units-mismatch',
        severity: 'error',
        nodeId: head.id,
        args: { ...args, units, classes: ctx.classCount },
      });
    if (!classLosses.has(loss))
      out.push({ code: 'head-loss-target-mismatch', severity: 'warning', nodeId: head.id, args });
    const expected = loss === 'binaryCrossentropy' ? 'sigmoid' : 'softmax';
    if (
      classLosses.has(loss) &&
      activation !== expected &&
      !(units === 1 && activation === 'sigmoid')
    )
      out.push({
        code: 'loss-activation-mismatch',
        severity: 'warning',
        nodeId: head.id,
        args: { ...args, activation: activation ?? 'linear', expected },
      });
  }
  return out;
}
