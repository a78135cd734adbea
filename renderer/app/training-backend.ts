import i18next from 'i18next';

import { backendReasonMessage, engineFallbackMessage, formatReason } from '@core';
import type { EngineChoice, ReasonMessage } from '@core';

import { currentLanguage } from '../i18n/i18n';

import { setRuntimeInfo } from '../state/runtime-store';
import { engineBuildName } from '../workers/engine-names';
import type { TrainingClient } from '../workers/training-client';

/** The status bar's name of LayerLab's engine, with its data-parallel worker count (in the UI language). */
function layerlabEngineText(choice: Extract<EngineChoice, { engine: 'layerlab' }>): string {
  const build = engineBuildName(choice.build);
  return choice.workers > 1
    ? i18next.t('training:engine.layerlabWorkers', { build, workers: choice.workers })
    : i18next.t('training:engine.layerlab', { build });
}

/** A core reason in the UI language (its English `reason` stays in logs and the CLI). */
function reasonText(reason: ReasonMessage): string {
  return formatReason(reason, currentLanguage());
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
    // LayerLab's own engine (core/engine) names itself; TF.js adds its backend and why it trains.
    const detail =
      engineChoice?.engine === 'layerlab'
        ? layerlabEngineText(engineChoice)
        : `${
            info.backend === 'wasm'
              ? `${message.engine} · WASM${info.simd ? ' SIMD' : ''}${info.threads && info.threads > 1 ? ` ×${info.threads}` : ''}`
              : message.engine
          }${engineChoice?.engine === 'tfjs' ? ` — ${reasonText(engineFallbackMessage(engineChoice))}` : ''}`;
    setRuntimeInfo({
      backend: info.backend,
      backendReason: reasonText(backendReasonMessage(info.reason)),
      engine: detail,
      trainingEngine: engineChoice?.engine ?? null,
      trainingCores: engineChoice?.engine === 'layerlab' ? engineChoice.workers : null,
    });
  });
}
