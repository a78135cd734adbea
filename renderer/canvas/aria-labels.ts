import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** React Flow's built-in screen-reader texts, translated (`ariaLabelConfig`, React Flow ≥ 12.7). */
export function useAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('editor:aria.nodeDefault'),
      'node.a11yDescription.keyboardDisabled': t('editor:aria.nodeKeyboardDisabled'),
      'node.a11yDescription.ariaLiveMessage': ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) =>
        t('editor:aria.nodeMoved', {
          direction: t(`editor:aria.directions.${direction}`, { defaultValue: direction }),
          x,
          y,
        }),
      'edge.a11yDescription.default': t('editor:aria.edgeDefault'),
      'controls.ariaLabel': t('editor:aria.controls'),
      'controls.zoomIn.ariaLabel': t('editor:aria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('editor:aria.zoomOut'),
      'controls.fitView.ariaLabel': t('editor:aria.fitView'),
      'controls.interactive.ariaLabel': t('editor:aria.interactive'),
      'minimap.ariaLabel': t('editor:aria.minimap'),
      'handle.ariaLabel': t('editor:aria.handle'),
    }),
    // i18n.language makes the labels follow a language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
}
