import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { packFileExtension } from '@core';

import { readPackFile } from './open-pack';
import { usePackStore } from './pack-context';
import { startPack } from './pack-actions';

/**
 * "Open lab package…": a file input, so it works the same in Electron and in
 * browser mode. A refused package is named with its reason, and nothing of it is kept.
 */
export function OpenPackButton() {
  const { t, i18n } = useTranslation('packs');
  const store = usePackStore();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="pack-open">
      <label className="btn">
        {t('open.button')}
        <input
          type="file"
          accept={`.${packFileExtension},application/zip`}
          data-testid="pack-open-file"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            const input = e.target;
            if (!file) return;
            void readPackFile(file, i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN').then(
              (read) => {
                input.value = '';
                if (!read.ok) {
                  setError(read.message);
                  return;
                }
                setError(null);
                startPack(store, read.pack, file.name);
              },
            );
          }}
        />
      </label>
      {error ? (
        <p className="pack-error" role="alert" data-testid="pack-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
