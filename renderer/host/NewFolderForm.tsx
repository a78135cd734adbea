import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CreateFolder } from './chooser-controller';
import type { HostError } from '@core';

export interface NewFolderFormProps {
  /** The folder the chooser shows; the new folder is made inside it, nowhere else. */
  readonly parent: string;
  readonly createFolder: CreateFolder;
  /** The new folder's path (the chooser then opens it). */
  readonly onCreated: (path: string) => void;
  readonly onCancel: () => void;
}

/**
 * The chooser's "New folder" field. The host checks the name (portable on
 * Windows, macOS and Linux, not hidden) and that the parent is the folder
 * the chooser listed; a refusal is shown here and the field stays open.
 */
export function NewFolderForm({ parent, createFolder, onCreated, onCancel }: NewFolderFormProps) {
  const { t } = useTranslation('host');
  const [name, setName] = useState('');
  const [error, setError] = useState<HostError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (): Promise<void> => {
    const typed = name.trim();
    if (typed === '' || busy) return;
    setBusy(true);
    const result = await createFolder(parent, typed);
    setBusy(false);
    if (result.ok) onCreated(result.value.path);
    else setError(result.error);
  };

  return (
    <form
      className="file-chooser-new-folder"
      data-new-folder="true"
      data-testid="file-chooser-new-folder-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <label>
        {t('chooser.newFolder.label')}
        <input
          ref={inputRef}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          maxLength={200}
          spellCheck={false}
          aria-invalid={error !== null}
          data-testid="file-chooser-new-folder-name"
        />
      </label>
      <button type="submit" disabled={name.trim() === '' || busy} data-primary="true">
        {t('chooser.newFolder.create')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('chooser.cancel')}
      </button>
      {error ? (
        <p className="file-chooser-message" data-kind="error" role="alert">
          {error.code === 'invalid-argument'
            ? t('chooser.newFolder.badName')
            : t(`errors.${error.code}`)}
        </p>
      ) : null}
    </form>
  );
}
