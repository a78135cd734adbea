import { EngineUnsupported } from '../../../engine/layer-planning';
import type { PlannableLayer } from '../../../engine/layer-planning';
import { addOp, concatenateOp } from '../../../engine/ops/merge';
import type { EngineMergeOp } from '../../../engine/ops/op';

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Add of inputs of one shape (the editor refuses TF.js's size-1 broadcasting, and so does the engine). */
export function planAdd(
  { name }: PlannableLayer,
  inShapes: readonly (readonly number[])[],
): EngineMergeOp {
  const [first] = inShapes;
  if (!first || inShapes.some((s) => !sameShape(s, first)))
    throw new EngineUnsupported('unsupported-setting', 'Add of inputs of different shapes', name);
  return addOp(name, first, inShapes.length);
}

/** Concatenate along any per-example axis (`axis` counts the batch axis, as TF.js's config does). */
export function planConcatenate(
  { name, config }: PlannableLayer,
  inShapes: readonly (readonly number[])[],
): EngineMergeOp {
  const [first] = inShapes;
  const rank = first?.length ?? 0;
  const raw = Number(config.axis ?? -1);
  const axis = raw < 0 ? rank + raw : raw - 1; // per example: no batch axis
  if (!first || axis < 0 || axis >= rank)
    throw new EngineUnsupported('unsupported-setting', `Concatenate on axis ${raw}`, name);
  const fits = inShapes.every(
    (s) => s.length === rank && s.every((d, i) => i === axis || d === first[i]),
  );
  if (!fits)
    throw new EngineUnsupported(
      'unsupported-setting',
      'Concatenate of inputs whose other axes differ',
      name,
    );
  return concatenateOp(name, inShapes, axis);
}
