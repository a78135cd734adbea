import { formatShape, type NodeShapeInfo } from '@core';

/** What the canvas and summary show of a node's inferred shape. */
export interface ShapeInfoView {
  /** Keras-style text, `(None, 26, 26, 32)`; null when inference failed. */
  readonly outputShape: string | null;
  readonly paramCount: number | null;
  /** True when inference failed upstream (show "?" instead of an error here). */
  readonly blockedUpstream: boolean;
}

const unknownView: ShapeInfoView = { outputShape: null, paramCount: null, blockedUpstream: true };

/** Adapts core's `NodeShapeInfo` (or a missing entry) to display values. */
export function describeShapeInfo(info: NodeShapeInfo | undefined): ShapeInfoView {
  if (info === undefined) return unknownView;
  if (info.ok)
    return {
      outputShape: formatShape(info.shape),
      paramCount: info.paramCount,
      blockedUpstream: false,
    };
  return { outputShape: null, paramCount: null, blockedUpstream: info.problem === null };
}
