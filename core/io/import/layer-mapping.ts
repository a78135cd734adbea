import { kindsImportingClass, layerKinds } from '../../layers/catalog';
import type { Params } from '../../graph/types';
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { importError } from './import-error';
import type { ImportError } from './import-error';
import { inputDims, unsupportedSetting } from './mapping-support';
import type { Topology, TopologyLayer } from './topology';

/** A layer of the file expressed as a LayerLab catalog kind and its params. */
export interface MappedLayer {
  readonly kind: string;
  readonly params: Params;
}

/** Class names LayerLab can import (every kind's `import.classNames`), for messages and docs. */
export const importableClassNames: readonly string[] = [
  ...new Set(layerKinds.flatMap((k) => (k.import.supported ? k.import.classNames : []))),
];

/** Why no input kind claims an InputLayer. */
function unclaimedInput(layer: TopologyLayer): Result<never, ImportError> {
  const dims = inputDims(layer);
  return dims === null
    ? unsupportedSetting(layer, 'an input shape with unknown sizes')
    : unsupportedSetting(
        layer,
        `an input of shape [${dims.join(', ')}] (LayerLab inputs are images H×W×C, token sequences or vectors)`,
      );
}

/**
 * Maps one layer of a parsed topology to a catalog kind with the import
 * capability of the kinds that read its class (core/layers/kinds/<kind>/import.ts),
 * or explains why it cannot. Params the catalog has no field for are checked
 * against the catalog's fixed choice and refused when they differ (the import
 * must predict the same), never silently dropped.
 */
export function mapLayer(
  layer: TopologyLayer,
  topology: Topology,
): Result<MappedLayer, ImportError> {
  const candidates = kindsImportingClass(layer.className);
  if (candidates.length === 0) {
    return err(
      importError(
        'import-unknown-layer',
        `Layer "${layer.name}" is a ${layer.className}, which LayerLab does not support. Supported: ${importableClassNames.join(', ')}.`,
        `${layer.name} (${layer.className})`,
      ),
    );
  }
  for (const kind of candidates) {
    if (!kind.import.supported) continue;
    const mapped = kind.import.map(layer, topology);
    if (mapped === null) continue;
    return mapped.ok ? ok({ kind: kind.spec.kind, params: mapped.value }) : mapped;
  }
  return unclaimedInput(layer);
}
