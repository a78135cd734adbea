import { useTranslation } from 'react-i18next';

import { textEncodingChoices } from '@core';
import type { ImageOptions, TextOptions } from '@core';

import { Choice, NumberInput, Toggle } from './NumberInput';

interface ImageOptionsFormProps {
  readonly options: ImageOptions;
  /** Size and colour of the graph's ImageInput, when it differs from the options. */
  readonly graphInput: Pick<ImageOptions, 'width' | 'height' | 'colorMode'> | null;
  readonly disabled: boolean;
  readonly onChange: (options: ImageOptions) => void;
}

/** Image options saved with the project: target size, colour, resize, normalisation, augmentation. */
export function ImageOptionsForm({
  options,
  graphInput,
  disabled,
  onChange,
}: ImageOptionsFormProps) {
  const { t } = useTranslation('dataset');
  const set = (patch: Partial<ImageOptions>): void => onChange({ ...options, ...patch });
  const aug = options.augmentation;
  const setAug = (patch: Partial<ImageOptions['augmentation']>): void =>
    set({ augmentation: { ...aug, ...patch } });
  const differs =
    graphInput !== null &&
    (graphInput.width !== options.width ||
      graphInput.height !== options.height ||
      graphInput.colorMode !== options.colorMode);
  return (
    <fieldset className="dataset-options" disabled={disabled} data-testid="dataset-image-options">
      <legend>{t('options.image')}</legend>
      <div className="dataset-grid">
        <NumberInput
          label={t('options.width')}
          name="width"
          value={options.width}
          min={1}
          max={1024}
          onCommit={(width) => set({ width })}
        />
        <NumberInput
          label={t('options.height')}
          name="height"
          value={options.height}
          min={1}
          max={1024}
          onCommit={(height) => set({ height })}
        />
        <Choice
          label={t('options.colorMode')}
          name="colorMode"
          value={options.colorMode}
          options={[
            { value: 'grayscale', label: t('options.grayscale') },
            { value: 'rgb', label: t('options.rgb') },
          ]}
          onChange={(colorMode) => set({ colorMode })}
        />
        <Choice
          label={t('options.resizeMode')}
          name="resizeMode"
          value={options.resizeMode}
          options={(['stretch', 'crop', 'pad'] as const).map((v) => ({
            value: v,
            label: t(`options.${v}`),
          }))}
          onChange={(resizeMode) => set({ resizeMode })}
        />
        <Choice
          label={t('options.normalization')}
          name="normalization"
          value={options.normalization}
          options={(['zeroToOne', 'minusOneToOne'] as const).map((v) => ({
            value: v,
            label: t(`options.${v}`),
          }))}
          onChange={(normalization) => set({ normalization })}
        />
      </div>
      {differs && graphInput !== null && (
        <p className="dataset-note" data-testid="dataset-size-mismatch">
          {t('options.graphDiffers', {
            width: graphInput.width,
            height: graphInput.height,
            color: t(`options.${graphInput.colorMode}`),
          })}{' '}
          <button type="button" onClick={() => set(graphInput)}>
            {t('options.useGraph')}
          </button>
        </p>
      )}
      <Toggle
        label={t('options.augmentation')}
        name="augmentation"
        checked={aug.enabled}
        onChange={(enabled) => setAug({ enabled })}
      />
      {aug.enabled && (
        <div className="dataset-grid">
          <Toggle
            label={t('options.flipHorizontal')}
            name="flipHorizontal"
            checked={aug.flipHorizontal}
            onChange={(flipHorizontal) => setAug({ flipHorizontal })}
          />
          <Toggle
            label={t('options.flipVertical')}
            name="flipVertical"
            checked={aug.flipVertical}
            onChange={(flipVertical) => setAug({ flipVertical })}
          />
          <NumberInput
            label={t('options.maxShift')}
            name="maxShift"
            value={aug.maxShift}
            min={0}
            max={0.5}
            integer={false}
            onCommit={(maxShift) => setAug({ maxShift })}
          />
          <NumberInput
            label={t('options.maxRotation')}
            name="maxRotation"
            value={aug.maxRotation}
            min={0}
            max={45}
            integer={false}
            onCommit={(maxRotation) => setAug({ maxRotation })}
          />
          <NumberInput
            label={t('options.maxBrightness')}
            name="maxBrightness"
            value={aug.maxBrightness}
            min={0}
            max={1}
            integer={false}
            onCommit={(maxBrightness) => setAug({ maxBrightness })}
          />
        </div>
      )}
    </fieldset>
  );
}

/** Text options saved with the project (Keras TextVectorization settings). */
export function TextOptionsForm({
  options,
  disabled,
  onChange,
}: {
  readonly options: TextOptions;
  readonly disabled: boolean;
  readonly onChange: (options: TextOptions) => void;
}) {
  const { t } = useTranslation('dataset');
  const set = (patch: Partial<TextOptions>): void => onChange({ ...options, ...patch });
  return (
    <fieldset className="dataset-options" disabled={disabled} data-testid="dataset-text-options">
      <legend>{t('options.text')}</legend>
      <div className="dataset-grid">
        <Choice
          label={t('options.sampleUnit')}
          name="sampleUnit"
          value={options.sampleUnit}
          options={(['files', 'lines'] as const).map((v) => ({
            value: v,
            label: t(`options.${v}`),
          }))}
          onChange={(sampleUnit) => set({ sampleUnit })}
        />
        <Choice
          label={t('options.split')}
          name="split"
          value={options.split}
          options={(['word', 'character', 'whitespace'] as const).map((v) => ({
            value: v,
            label: t(`options.${v}`),
          }))}
          onChange={(split) => set({ split })}
        />
        <NumberInput
          label={t('options.vocabularySize')}
          name="vocabularySize"
          value={options.vocabularySize}
          min={3}
          max={1_000_000}
          onCommit={(vocabularySize) => set({ vocabularySize })}
        />
        <NumberInput
          label={t('options.sequenceLength')}
          name="sequenceLength"
          value={options.sequenceLength}
          min={1}
          max={100_000}
          onCommit={(sequenceLength) => set({ sequenceLength })}
        />
        <Choice
          label={t('options.truncating')}
          name="truncating"
          value={options.truncating}
          options={(['pre', 'post'] as const).map((v) => ({
            value: v,
            label: t(`options.truncating-${v}`),
          }))}
          onChange={(truncating) => set({ truncating })}
        />
        <Choice
          label={t('options.padding')}
          name="padding"
          value={options.padding}
          options={(['pre', 'post'] as const).map((v) => ({
            value: v,
            label: t(`options.padding-${v}`),
          }))}
          onChange={(padding) => set({ padding })}
        />
        <Choice
          label={t('options.encoding')}
          name="encoding"
          value={options.encoding}
          options={textEncodingChoices.map((v) => ({
            value: v,
            label: t(`encodings.${v}`),
          }))}
          onChange={(encoding) => set({ encoding })}
        />
      </div>
      <Toggle
        label={t('options.lowercase')}
        name="lowercase"
        checked={options.lowercase}
        onChange={(lowercase) => set({ lowercase })}
      />
      <Toggle
        label={t('options.stripPunctuation')}
        name="stripPunctuation"
        checked={options.stripPunctuation}
        onChange={(stripPunctuation) => set({ stripPunctuation })}
      />
      <p className="panel-hint">{t('options.lengthHint')}</p>
    </fieldset>
  );
}

/** Seed and validation share of the stratified split. */
export function SplitForm({
  seed,
  validationShare,
  disabled,
  onChange,
}: {
  readonly seed: number;
  readonly validationShare: number;
  readonly disabled: boolean;
  readonly onChange: (split: { seed: number; validationShare: number }) => void;
}) {
  const { t } = useTranslation('dataset');
  return (
    <fieldset className="dataset-options" disabled={disabled} data-testid="dataset-split">
      <legend>{t('split.title')}</legend>
      <div className="dataset-grid">
        <NumberInput
          label={t('split.validationShare')}
          name="validationShare"
          value={validationShare}
          min={0}
          max={0.9}
          integer={false}
          onCommit={(v) => onChange({ seed, validationShare: v })}
        />
        <NumberInput
          label={t('split.seed')}
          name="seed"
          value={seed}
          min={0}
          max={2 ** 31 - 1}
          onCommit={(v) => onChange({ seed: v, validationShare })}
        />
      </div>
    </fieldset>
  );
}
