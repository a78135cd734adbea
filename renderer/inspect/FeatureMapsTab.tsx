import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { GraphDoc, LayerActivation, NodeId, ReceptiveField, ShapeEntry } from '@core';
import { receptiveFieldsOf, unitFieldOf } from '@core';

import type { SampleRef } from '../workers/inspect-protocol';
import { ColorLegend } from './ColorLegend';
import { FeatureMapView } from './FeatureMapView';
import type { InspectClient } from './inspect-client';
import { InputFieldView } from './InputFieldView';
import { colorScaleFor } from './paint/color-scale';
import { ReceptiveFieldFacts } from './ReceptiveFieldFacts';
import { SamplePicker } from './SamplePicker';
import { useInspectRequest } from './use-inspect-request';
import { sampleKey } from './sample-key';

interface FeatureMapsTabProps {
  readonly client: InspectClient;
  readonly version: number;
  readonly graph: GraphDoc;
  readonly shapes: ReadonlyMap<NodeId, ShapeEntry>;
  readonly sampleCount: number;
  readonly kind: 'image' | 'text' | null;
  /** Layer (node name) to show first, e.g. the node selected on the canvas. */
  readonly focusLayer: string | null;
  readonly width: number;
}

interface SelectedUnit {
  readonly layer: string;
  readonly unit: readonly number[];
}

/**
 * Feature maps of every layer for one sample, with the receptive field of a
 * clicked unit drawn on the input: theoretical (exact window) and effective
 * (gradient heat map).
 */
export function FeatureMapsTab({
  client,
  version,
  graph,
  shapes,
  sampleCount,
  kind,
  focusLayer,
  width,
}: FeatureMapsTabProps) {
  const { t } = useTranslation('inspect');
  const [sample, setSample] = useState<SampleRef>({ source: 'validation', index: 0 });
  const [selected, setSelected] = useState<SelectedUnit | null>(null);
  // The pinned input stays above the maps while scrolling; folded away, it leaves the maps all the room.
  const [inputFolded, setInputFolded] = useState(false);
  const key = sampleKey(sample);
  const maps = useInspectRequest(client, { type: 'featureMaps', sample }, key, version);
  // Image models only: a text model's input is token ids, which have no gradient.
  const erf = useInspectRequest(
    client,
    selected && kind === 'image'
      ? { type: 'effectiveField', sample, layer: selected.layer, unit: selected.unit }
      : null,
    `${key}|${selected?.layer}|${selected?.unit.join(',')}`,
    version,
  );
  const fields = useMemo(() => receptiveFieldsOf(graph, shapes), [graph, shapes]);
  const nodeByName = useMemo(
    () => new Map(Object.values(graph.nodes).map((n) => [n.name, n.id])),
    [graph],
  );
  const fieldOf = (layer: string): ReceptiveField | null => {
    const id = nodeByName.get(layer);
    return id ? (fields.get(id) ?? null) : null;
  };
  const selectedField = selected ? fieldOf(selected.layer) : null;
  // Spatial units are [row, col, channel]; sequence units [time, unit]; the channel does not move the window.
  const unitField =
    selectedField && selected
      ? unitFieldOf(
          selectedField,
          selected.unit.slice(0, selectedField.kind === 'spatial' ? selectedField.axes.length : 0),
        )
      : null;

  const layers: readonly LayerActivation[] =
    maps.status === 'done' && maps.ok ? maps.value.maps : [];
  const ordered = focusLayer
    ? [
        ...layers.filter((l) => l.layerName === focusLayer),
        ...layers.filter((l) => l.layerName !== focusLayer),
      ]
    : layers;
  const view = maps.status === 'done' && maps.ok ? maps.value.sample.view : null;

  return (
    <div className="inspect-maps" data-testid="feature-maps-tab" data-state={maps.status}>
      <SamplePicker
        sampleCount={sampleCount}
        value={sample}
        kind={kind}
        allowDrawing
        onChange={(s) => {
          setSample(s);
          setSelected(null);
        }}
      />
      {maps.status === 'done' && !maps.ok && (
        <p role="alert" className="inspect-error">
          {t(`errors.${maps.error.code}`, { defaultValue: maps.error.message })}
        </p>
      )}
      {view && (
        <section
          className="inspect-input-section"
          data-testid="rf-panel"
          data-folded={inputFolded ? 'true' : 'false'}
        >
          <button
            type="button"
            className="btn-link inspect-fold"
            aria-expanded={!inputFolded}
            data-testid="rf-panel-toggle"
            onClick={() => setInputFolded((folded) => !folded)}
          >
            {t(inputFolded ? 'field.showInput' : 'field.hideInput')}
          </button>
          {!inputFolded && (
            <>
              <InputFieldView
                view={view}
                field={unitField}
                heat={erf.status === 'done' && erf.ok ? erf.value.field.magnitude : null}
                heatMax={erf.status === 'done' && erf.ok ? erf.value.field.maxMagnitude : 0}
                size={112}
              />
              {selected && selectedField && (
                <ReceptiveFieldFacts
                  layer={selected.layer}
                  unit={selected.unit}
                  field={selectedField}
                  unitField={unitField}
                />
              )}
              {erf.status === 'done' && !erf.ok && (
                <p className="inspect-error">
                  {t(`errors.${erf.error.code}`, { defaultValue: erf.error.message })}
                </p>
              )}
            </>
          )}
        </section>
      )}
      {ordered.map((activation) => {
        const scale = colorScaleFor(activation.min, activation.max);
        return (
          <section
            key={activation.layerName}
            className="inspect-layer"
            data-testid={`layer-section-${activation.layerName}`}
          >
            <h4>
              {activation.layerName}{' '}
              <span className="muted">
                ({activation.className}) [{activation.shape.join('×')}]
              </span>
            </h4>
            <FeatureMapView
              activation={activation}
              scale={scale}
              maxWidth={width}
              selected={selected?.layer === activation.layerName ? selected.unit : null}
              onUnitClick={(unit) => setSelected({ layer: activation.layerName, unit })}
            />
            <ColorLegend scale={scale} caption={t('maps.legend')} />
          </section>
        );
      })}
    </div>
  );
}
