import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { backendChoices, lossKinds, optimizerKinds, type TrainingConfig } from '@core';

import type { EditorStore } from '../../state/editor-store';
import { NumberField } from './NumberField';
import { updateTrainingConfig } from './training-controller';

interface TrainingSettingsProps {
  readonly store: EditorStore;
  /** Settings are locked while a run uses them. */
  readonly locked: boolean;
}

const decayKinds = ['none', 'exponential', 'step'] as const;

/** The project's training settings; every change is one undoable edit of the document. */
export function TrainingSettings({ store, locked }: TrainingSettingsProps) {
  const { t } = useTranslation('training');
  const config = useStore(store, (s) => s.doc.training);
  const set = (patch: (c: TrainingConfig) => TrainingConfig): void =>
    updateTrainingConfig(store, patch);
  const num = (
    name: string,
    label: string,
    value: number,
    onCommit: (v: number) => void,
    extra: { integer?: boolean; min?: number; max?: number } = {},
  ) => (
    <NumberField
      key={name}
      name={name}
      label={label}
      value={value}
      invalidText={t('settings.invalid')}
      disabled={locked}
      onCommit={onCommit}
      {...extra}
    />
  );
  const opt = config.optimizer;
  return (
    <details className="training-settings" open>
      <summary>{t('settings.title')}</summary>
      <fieldset disabled={locked} className="training-grid">
        <div className="field training-field">
          <label htmlFor="training-loss">{t('settings.loss')}</label>
          <select
            id="training-loss"
            data-setting="loss"
            value={config.loss}
            onChange={(e) => set((c) => ({ ...c, loss: e.target.value as TrainingConfig['loss'] }))}
          >
            {lossKinds.map((k) => (
              <option key={k} value={k}>
                {t(`options.loss.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field training-field">
          <label htmlFor="training-optimizer">{t('settings.optimizer')}</label>
          <select
            id="training-optimizer"
            data-setting="optimizer"
            value={opt.kind}
            onChange={(e) =>
              set((c) => ({
                ...c,
                optimizer: {
                  ...c.optimizer,
                  kind: e.target.value as TrainingConfig['optimizer']['kind'],
                },
              }))
            }
          >
            {optimizerKinds.map((k) => (
              <option key={k} value={k}>
                {t(`options.optimizer.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {num(
          'learningRate',
          t('settings.learningRate'),
          opt.learningRate,
          (v) => set((c) => ({ ...c, optimizer: { ...c.optimizer, learningRate: v } })),
          { min: 1e-9, max: 10 },
        )}
        {(opt.kind === 'momentum' || opt.kind === 'rmsprop') &&
          num(
            'momentum',
            t('settings.momentum'),
            opt.momentum ?? (opt.kind === 'momentum' ? 0.9 : 0),
            (v) => set((c) => ({ ...c, optimizer: { ...c.optimizer, momentum: v } })),
            { min: 0, max: 1 },
          )}
        {opt.kind === 'adam' &&
          num(
            'beta1',
            t('settings.beta1'),
            opt.beta1 ?? 0.9,
            (v) => set((c) => ({ ...c, optimizer: { ...c.optimizer, beta1: v } })),
            { min: 0, max: 0.9999 },
          )}
        {opt.kind === 'adam' &&
          num(
            'beta2',
            t('settings.beta2'),
            opt.beta2 ?? 0.999,
            (v) => set((c) => ({ ...c, optimizer: { ...c.optimizer, beta2: v } })),
            { min: 0, max: 0.99999 },
          )}
        {opt.kind === 'rmsprop' &&
          num(
            'rho',
            t('settings.rho'),
            opt.rho ?? 0.9,
            (v) => set((c) => ({ ...c, optimizer: { ...c.optimizer, rho: v } })),
            { min: 0, max: 0.9999 },
          )}
        {num(
          'batchSize',
          t('settings.batchSize'),
          config.batchSize,
          (v) => set((c) => ({ ...c, batchSize: v })),
          { integer: true, min: 1, max: 4096 },
        )}
        {num(
          'epochs',
          t('settings.epochs'),
          config.epochs,
          (v) => set((c) => ({ ...c, epochs: v })),
          { integer: true, min: 1, max: 10_000 },
        )}
        {num(
          'validationShare',
          t('settings.validationShare'),
          config.validationShare,
          (v) => set((c) => ({ ...c, validationShare: v })),
          { min: 0, max: 0.9 },
        )}
        {num('seed', t('settings.seed'), config.seed, (v) => set((c) => ({ ...c, seed: v })), {
          integer: true,
          min: 0,
          max: 2 ** 31 - 1,
        })}
        <div className="field field-check training-field">
          <input
            id="training-early"
            type="checkbox"
            data-setting="earlyStopping"
            checked={config.earlyStopping.enabled}
            onChange={(e) =>
              set((c) => ({
                ...c,
                earlyStopping: { ...c.earlyStopping, enabled: e.target.checked },
              }))
            }
          />
          <label htmlFor="training-early">{t('settings.earlyStopping')}</label>
        </div>
        {config.earlyStopping.enabled &&
          num(
            'patience',
            t('settings.patience'),
            config.earlyStopping.patience,
            (v) => set((c) => ({ ...c, earlyStopping: { ...c.earlyStopping, patience: v } })),
            { integer: true, min: 1, max: 1000 },
          )}
        {config.earlyStopping.enabled && (
          <div className="field field-check training-field">
            <input
              id="training-restore"
              type="checkbox"
              data-setting="restoreBestWeights"
              checked={config.earlyStopping.restoreBestWeights}
              onChange={(e) =>
                set((c) => ({
                  ...c,
                  earlyStopping: { ...c.earlyStopping, restoreBestWeights: e.target.checked },
                }))
              }
            />
            <label htmlFor="training-restore">{t('settings.restoreBest')}</label>
          </div>
        )}
        <div className="field training-field">
          <label htmlFor="training-decay">{t('settings.decay')}</label>
          <select
            id="training-decay"
            data-setting="decay"
            value={config.learningRateDecay.kind}
            onChange={(e) =>
              set((c) => ({
                ...c,
                learningRateDecay: {
                  ...c.learningRateDecay,
                  kind: e.target.value as TrainingConfig['learningRateDecay']['kind'],
                },
              }))
            }
          >
            {decayKinds.map((k) => (
              <option key={k} value={k}>
                {t(`options.decay.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {config.learningRateDecay.kind !== 'none' &&
          num(
            'decayFactor',
            t('settings.decayFactor'),
            config.learningRateDecay.factor,
            (v) => set((c) => ({ ...c, learningRateDecay: { ...c.learningRateDecay, factor: v } })),
            { min: 1e-6, max: 1 },
          )}
        {config.learningRateDecay.kind === 'step' &&
          num(
            'decayEvery',
            t('settings.decayEvery'),
            config.learningRateDecay.everyEpochs,
            (v) =>
              set((c) => ({ ...c, learningRateDecay: { ...c.learningRateDecay, everyEpochs: v } })),
            { integer: true, min: 1 },
          )}
        <div className="field training-field">
          <label htmlFor="training-backend">{t('settings.backend')}</label>
          <select
            id="training-backend"
            data-setting="backend"
            value={config.backend}
            onChange={(e) =>
              set((c) => ({ ...c, backend: e.target.value as TrainingConfig['backend'] }))
            }
          >
            {backendChoices.map((k) => (
              <option key={k} value={k}>
                {t(`options.backend.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </details>
  );
}
