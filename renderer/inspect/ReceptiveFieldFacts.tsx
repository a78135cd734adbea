import { useTranslation } from 'react-i18next';

import type { ReceptiveField, UnitField } from '@core';

interface ReceptiveFieldFactsProps {
  readonly layer: string;
  readonly unit: readonly number[];
  readonly field: ReceptiveField;
  readonly unitField: UnitField | null;
}

const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** The numbers behind the overlay: size r, jump j and start per axis, and the window of the clicked unit. */
export function ReceptiveFieldFacts({ layer, unit, field, unitField }: ReceptiveFieldFactsProps) {
  const { t } = useTranslation('inspect');
  if (field.kind === 'none') return <p className="panel-hint">{t(`field.gap.${field.reason}`)}</p>;
  if (field.kind === 'global') return <p className="panel-hint">{t('field.global')}</p>;
  const [h, w] = field.axes;
  return (
    <dl
      className="inspect-facts"
      data-testid="rf-facts"
      data-rf-size={`${h?.size ?? 0}x${w?.size ?? h?.size ?? 0}`}
    >
      <dt>{t('field.unit')}</dt>
      <dd>
        {layer} [{unit.join(', ')}]
      </dd>
      <dt>{t('field.size')}</dt>
      <dd>
        {h?.size}×{w?.size ?? h?.size}
      </dd>
      <dt>{t('field.jump')}</dt>
      <dd>
        {h?.jump}×{w?.jump ?? h?.jump}
      </dd>
      <dt>{t('field.start')}</dt>
      <dd>
        ({num(h?.start ?? 0)}, {num(w?.start ?? 0)})
      </dd>
      {unitField && (
        <>
          <dt>{t('field.window')}</dt>
          <dd>
            {t('field.rows')} {unitField.unclipped.lo[0]}–{unitField.unclipped.hi[0]},{' '}
            {t('field.cols')} {unitField.unclipped.lo[1]}–{unitField.unclipped.hi[1]}
            {unitField.clipped &&
            unitField.clipped.lo.some(
              (v, i) =>
                v !== unitField.unclipped.lo[i] ||
                unitField.clipped?.hi[i] !== unitField.unclipped.hi[i],
            )
              ? ` (${t('field.clipped')})`
              : ''}
          </dd>
        </>
      )}
    </dl>
  );
}
