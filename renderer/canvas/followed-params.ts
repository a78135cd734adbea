import type { InferenceContext, LayerSpec, ParamValue, Params } from '@core';

/**
 * The params whose value comes from the attached dataset, with that value:
 * Dense `units` = the class count when "units from the dataset" is on,
 * SequenceInput `length` and `vocabularySize`, Embedding `inputDim`. The
 * node face and the inspector show these instead of the stored number, which
 * training would not use.
 *
 * Which params follow is the layer's own `resolveParams` (core), not a list
 * here: a param follows when resolving against the dataset changes it to the
 * dataset's value, or when it already equals it; the probe context (every
 * dataset value replaced by a value no param can hold) tells those apart.
 */
export function followedParams(
  spec: LayerSpec,
  params: Params,
  context: InferenceContext,
): ReadonlyMap<string, ParamValue> {
  const followed = new Map<string, ParamValue>();
  if (!spec.resolveParams) return followed;
  const probe: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(context))
    probe[key] = value == null ? null : probeValue;
  const probed = spec.resolveParams(params, probe as InferenceContext);
  const resolved = spec.resolveParams(params, context);
  for (const [name, value] of Object.entries(probed))
    if (value === probeValue && resolved[name] !== undefined) followed.set(name, resolved[name]!);
  return followed;
}

/** A dataset value no layer param can take (sizes and counts are ≥ 1). */
const probeValue = -7_777_777;
