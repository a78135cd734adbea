import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { TrainingStatus } from '@core';

/**
 * Shows a system notification when a run ends while the window is not
 * focused (a long run in the background). Uses the web Notification API,
 * which Electron maps to native notifications; silently does nothing when
 * notifications are unavailable or not allowed.
 */
export function useFinishNotification(status: TrainingStatus): void {
  const { t } = useTranslation('training');
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    const ended = status === 'completed' || status === 'stopped' || status === 'failed';
    const wasRunning = was === 'training' || was === 'paused' || was === 'compiling';
    if (
      !ended ||
      !wasRunning ||
      document.hasFocus() ||
      typeof Notification === 'undefined' ||
      Notification.permission !== 'granted'
    )
      return;
    new Notification('LayerLab', { body: t(`state.${status}`), tag: 'layerlab-training' });
  }, [status, t]);
}

/** Asks once for notification permission (call from a user gesture: the Train button). */
export function requestNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    void Notification.requestPermission().catch(() => undefined);
}
