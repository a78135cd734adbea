/**
 * A test harness for e2e/inspect.spec.ts (not part of the app bundle): trains
 * the LeNet template in the page on real images handed in by the test, then
 * mounts the Inspect panel against the same worker glue the training worker
 * uses (`handleInspectRequest`), without a worker. Lets the inspection
 * journey run before the dataset and training UIs are wired together.
 */
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';

import {
  compileGraph,
  defaultTrainingConfig,
  gatherSamples,
  inferShapes,
  initBackend,
  parseTemplate,
  samplesFromArrays,
  train,
} from '@core';

import { handleInspectRequest, type InspectData } from '../../workers/inspect-handlers';
import type { InspectResult } from '../../workers/inspect-protocol';
import { clientFromRequest } from '../inspect-client';
import { InspectView } from '../InspectView';

export interface HarnessInput {
  readonly template: string;
  readonly pixels: Uint8Array;
  readonly labels: Int32Array;
  readonly classNames: readonly string[];
  readonly validation: readonly number[];
  readonly train: readonly number[];
  readonly language: 'en' | 'zh-CN';
  readonly wasmPaths: string | null;
  readonly focusLayer: string | null;
  /** The `inspect` namespace catalogs (renderer/i18n/locales/<lng>/inspect.json), read by the test. */
  readonly catalogs: {
    readonly en: Record<string, unknown>;
    readonly 'zh-CN': Record<string, unknown>;
  };
}

export interface HarnessReport {
  readonly backend: string;
  readonly trainAccuracy: number | null;
  readonly validationAccuracy: number | null;
  readonly epochs: number;
}

async function start(input: HarnessInput): Promise<HarnessReport> {
  const backend = input.wasmPaths
    ? await initBackend('wasm', { wasmPaths: input.wasmPaths })
    : await initBackend('cpu');
  const parsed = parseTemplate(input.template, 'lenet');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const graph = parsed.value.graph;
  const inference = { datasetClassCount: input.classNames.length };
  const model = compileGraph(graph, { diagnostics: [], inference });
  const samples = samplesFromArrays({
    values: input.pixels,
    sampleShape: [28, 28, 1],
    labels: input.labels,
    numClasses: input.classNames.length,
    scale: 1 / 255,
  });
  const config = { ...defaultTrainingConfig, epochs: 1, batchSize: 32, seed: 7 };
  const result = await train(
    model,
    { samples, split: { train: [...input.train], validation: [...input.validation] } },
    config,
  );
  const image = {
    width: 28,
    height: 28,
    colorMode: 'grayscale',
    resizeMode: 'stretch',
    normalization: 'zeroToOne',
    augmentation: {
      enabled: false,
      flipHorizontal: false,
      flipVertical: false,
      maxShift: 0,
      maxRotation: 0,
      maxBrightness: 0,
    },
  } as const;
  const data: InspectData = {
    samples: await gatherSamples(samples, {
      classNames: input.classNames,
      validation: input.validation,
      image,
      text: null,
    }),
    image,
    text: null,
  };
  const client = clientFromRequest(
    (message) =>
      handleInspectRequest(model, message.request, data) as Promise<InspectResult<unknown>>,
  );

  await i18next.use(initReactI18next).init({
    resources: {
      en: { inspect: input.catalogs.en },
      'zh-CN': { inspect: input.catalogs['zh-CN'] },
    },
    lng: input.language,
    fallbackLng: 'zh-CN',
    ns: ['inspect'],
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = input.language;
  const rootEl = document.getElementById('root');
  if (!rootEl) throw new Error('no #root');
  createRoot(rootEl).render(
    <StrictMode>
      <I18nextProvider i18n={i18next}>
        <aside className="side-panel" style={{ width: 420 }}>
          <InspectView
            client={client}
            graph={graph}
            shapes={inferShapes(graph, inference)}
            focusLayer={input.focusLayer}
          />
        </aside>
      </I18nextProvider>
    </StrictMode>,
  );
  const last = result.epochs[result.epochs.length - 1];
  return {
    backend: backend.backend,
    trainAccuracy: last?.accuracy ?? null,
    validationAccuracy: last?.valAccuracy ?? null,
    epochs: result.epochs.length,
  };
}

(window as unknown as { startInspectHarness: typeof start }).startInspectHarness = start;
