import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { GraphDoc, NodeId, ShapeEntry } from '@core';

import { ActivationsTab } from './ActivationsTab';
import { EvaluationTab } from './EvaluationTab';
import { FeatureMapsTab } from './FeatureMapsTab';
import { FiltersTab } from './FiltersTab';
import type { InspectClient } from './inspect-client';
import { useModelVersion } from './inspect-client';
import { PredictTab } from './PredictTab';
import { SequenceTab } from './SequenceTab';
import { useElementWidth } from './use-element-width';
import { useInspectRequest } from './use-inspect-request';
import './inspect.css';

export const inspectTabs = [
  'maps',
  'filters',
  'evaluation',
  'predict',
  'activations',
  'sequence',
] as const;
export type InspectTab = (typeof inspectTabs)[number];

interface InspectViewProps {
  readonly client: InspectClient | null;
  readonly graph: GraphDoc;
  readonly shapes: ReadonlyMap<NodeId, ShapeEntry>;
  /** Name of the node selected on the canvas: its maps, filters or activation are shown first. */
  readonly focusLayer: string | null;
}

/** The Inspect panel's content, independent of the app shell (so it can be mounted in tests and harnesses). */
export function InspectView({ client, graph, shapes, focusLayer }: InspectViewProps) {
  const { t } = useTranslation('inspect');
  const [tab, setTab] = useState<InspectTab>('maps');
  const version = useModelVersion(client);
  // Maps and plots are drawn to fit the panel, however wide the user made it.
  const { ref, width } = useElementWidth<HTMLDivElement>(320);
  const info = useInspectRequest(client, { type: 'layers' }, 'layers', version);
  const ready = client !== null && info.status === 'done' && info.ok;
  const meta = ready ? info.value : null;
  return (
    <div
      ref={ref}
      className="inspect-panel"
      data-testid="inspect-panel"
      data-ready={ready ? 'true' : 'false'}
      data-model-version={version}
    >
      <div className="inspect-tabs" role="tablist" aria-label={t('title')}>
        {inspectTabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            data-testid={`inspect-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      {!ready && tab !== 'activations' && (
        <p className="panel-hint" data-testid="inspect-not-ready">
          {info.status === 'done' && !info.ok && info.error.code !== 'no-model'
            ? t(`errors.${info.error.code}`, { defaultValue: info.error.message })
            : t('notReady')}
        </p>
      )}
      {client && meta && tab === 'maps' && (
        <FeatureMapsTab
          client={client}
          version={version}
          graph={graph}
          shapes={shapes}
          sampleCount={meta.sampleCount}
          kind={meta.kind}
          focusLayer={focusLayer}
          width={width}
        />
      )}
      {client && meta && tab === 'filters' && (
        <FiltersTab
          client={client}
          version={version}
          layers={meta.layers}
          focusLayer={focusLayer}
          width={width}
        />
      )}
      {client && meta && tab === 'evaluation' && (
        <EvaluationTab client={client} version={version} classNames={meta.classNames} />
      )}
      {client && meta && tab === 'predict' && (
        <PredictTab
          client={client}
          version={version}
          sampleCount={meta.sampleCount}
          kind={meta.kind}
        />
      )}
      {client && meta && tab === 'sequence' && (
        <SequenceTab
          client={client}
          version={version}
          layers={meta.layers}
          kind={meta.kind}
          focusLayer={focusLayer}
          width={width}
        />
      )}
      {tab === 'activations' && (
        <ActivationsTab
          client={ready ? client : null}
          version={version}
          layers={meta?.layers ?? []}
          focusLayer={focusLayer}
          width={width}
        />
      )}
    </div>
  );
}
