import type { TFunction } from 'i18next';

import { backendReasonMessage, engineFallbackMessage, formatReason } from '@core';
import type { BackendInfo, EngineChoice, Locale, ReasonMessage } from '@core';

import { setRuntimeInfo } from '../state/runtime-store';
import { engineBuildName } from '../workers/engine-names';
import type { TrainingClient } from '../workers/training-client';

/**
 * What the training worker told about its engine, kept as facts (not text) so
 * the status bar words them in the language shown now, not the one of the
 * moment the worker answered.
 */
export interface EngineFacts {
  readonly info: BackendInfo;
  /** TF.js's own name and version, e.g. `TensorFlow.js 4.22.0`. */
  readonly tfjsName: string;
  readonly choice: EngineChoice | null;
}

/** The engine in technical words (the status bar's tooltip), in the UI language. */
export function engineDetailText(facts: EngineFacts, t: TFunction, locale: Locale): string {
  const { info, choice } = facts;
  if (choice?.engine === 'layerlab') {
    const build = engineBuildName(choice.build);
    return choice.workers > 1
      ? t('training:engine.layerlabWorkers', { build, workers: choice.workers })
      : t('training:engine.layerlab', { build });
  }
  const threads = info.threads && info.threads > 1 ? ` ×${info.threads}` : '';
  const name =
    info.backend === 'wasm'
      ? `${facts.tfjsName} · WASM${info.simd ? ' SIMD' : ''}${threads}`
      : facts.tfjsName;
  return choice?.engine === 'tfjs'
    ? `${name} — ${formatReason(engineFallbackMessage(choice), locale)}`
    : name;
}

/** Why TF.js runs on this backend, in the UI language. */
export function backendReasonText(facts: EngineFacts, locale: Locale): string {
  const reason: ReasonMessage = backendReasonMessage(facts.info.reason);
  return formatReason(reason, locale);
}

/**
 * Shows in the status bar which backend and engine the window's training
 * worker uses (app-wide facts, not a project's). Returns the unsubscribe.
 */
export function watchTrainingBackend(client: TrainingClient): () => void {
  // Fault-injection hook for the e2e suite (ecosystem-notes §8 H.1): loses the
  // worker's WebGL context, which the worker must detect and recover from.
  Object.assign(globalThis, {
    __layerlabLoseTrainingContext: () => client.loseContextForTesting(),
  });
  return client.subscribe((message) => {
    if (message.type !== 'backend-info') return;
    const { info, engineChoice } = message;
    setRuntimeInfo({
      backend: info.backend,
      engine: { info, tfjsName: message.engine, choice: engineChoice ?? null },
      trainingEngine: engineChoice?.engine ?? null,
      trainingCores: engineChoice?.engine === 'layerlab' ? engineChoice.workers : null,
    });
  });
}
