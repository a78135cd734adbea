import {
  formatDiagnostic,
  getLayerSpec,
  type Diagnostic,
  type InferenceContext,
  type LayerFamily,
  type LayerNode,
  type Locale,
  type NodeShapeInfo,
  type ParamSpec,
  type ParamValue,
  type ReceptiveFieldNumbers,
} from '@core';

import { describeShapeInfo, type ShapeInfoView } from '../state/shape-info';
import type { BalloonSide } from './balloon-side';
import { followedParams } from './followed-params';

/** One key parameter as shown on a node: translated label and compact value. */
export interface KeyParamView {
  readonly label: string;
  readonly value: string;
  /** The value is the dataset's (class count, sequence length…), not the stored one. */
  readonly followsDataset: boolean;
}

/**
 * Everything a canvas node displays, as plain values (no document objects),
 * so an unchanged node keeps the same data object and is not re-rendered.
 */
export interface LayerNodeData extends Record<string, unknown> {
  readonly name: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly family: LayerFamily | 'unknown';
  readonly keyParams: readonly KeyParamView[];
  readonly shape: ShapeInfoView;
  /** Worst diagnostic severity on the node, or null. */
  readonly severity: 'error' | 'warning' | 'info' | null;
  /** The node's diagnostics, formatted in the UI language (badge tooltip). */
  readonly messages: readonly string[];
  readonly hasInputPort: boolean;
  /** Theoretical receptive field on the input (size, jump, start), for conv and pooling layers. */
  readonly receptiveField: ReceptiveFieldNumbers | null;
  /** Where the selected node's first problem is shown (balloon-side.ts); right when absent. */
  readonly balloonSide?: BalloonSide;
  /** Stable text of all fields above: equal signature = same view. */
  readonly signature: string;
}

/** Compact value for a node face: `[3, 3]` → `3×3`, booleans as ✓/✗. */
export function formatParamValue(value: ParamValue | undefined): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.join('×');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

function keyParamsOf(
  params: readonly ParamSpec[],
  values: Readonly<Record<string, ParamValue>>,
  followed: ReadonlyMap<string, ParamValue>,
  locale: Locale,
): KeyParamView[] {
  return params
    .filter((p) => p.key === true)
    .map((p) => ({
      label: p.label[locale],
      value: formatParamValue(followed.has(p.name) ? followed.get(p.name) : values[p.name]),
      followsDataset: followed.has(p.name),
    }));
}

const severityRank = { error: 3, warning: 2, info: 1 } as const;

/** Builds the view of one layer node from the document node, its shapes and diagnostics. */
export function buildNodeView(
  node: LayerNode,
  shapeInfo: NodeShapeInfo | undefined,
  diagnostics: readonly Diagnostic[],
  locale: Locale,
  receptiveField: ReceptiveFieldNumbers | null = null,
  dataset: InferenceContext = {},
): LayerNodeData {
  const spec = getLayerSpec(node.kind);
  let severity: LayerNodeData['severity'] = null;
  for (const d of diagnostics) {
    if (severity === null || severityRank[d.severity] > severityRank[severity])
      severity = d.severity;
  }
  const messages = diagnostics.map((d) => formatDiagnostic(d, locale));
  const view = {
    name: node.name,
    kind: node.kind,
    kindLabel: spec ? spec.label[locale] : node.kind,
    family: spec ? spec.family : ('unknown' as const),
    keyParams: spec
      ? keyParamsOf(spec.params, node.params, followedParams(spec, node.params, dataset), locale)
      : [],
    shape: describeShapeInfo(shapeInfo),
    severity,
    messages,
    hasInputPort: spec ? spec.arity.max > 0 : true,
    receptiveField: spec && showsReceptiveField(spec.family) ? receptiveField : null,
  };
  return { ...view, signature: JSON.stringify(view) };
}

/** Receptive fields matter where space is transformed: convolutions and pooling. */
function showsReceptiveField(family: LayerFamily): boolean {
  return family === 'convolution' || family === 'pooling';
}
