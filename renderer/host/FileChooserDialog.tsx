import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';

import type { BrowseFolder, CreateFolder } from './chooser-controller';
import { NewFolderForm } from './NewFolderForm';
import type { BrowseListing, ChooserRequest, HostError } from '@core';
import './file-chooser.css';

export interface FileChooserDialogProps {
  readonly request: ChooserRequest;
  readonly browse: BrowseFolder;
  /** "New folder" inside the listed folder; without it the action is not offered. */
  readonly createFolder?: CreateFolder | null | undefined;
  /** The folder to list first; default: the home folder. */
  readonly startFolder?: string | undefined;
  /** The chosen absolute path, or null when cancelled. */
  readonly onClose: (path: string | null) => void;
}

type Entry = BrowseListing['entries'][number];

const projectFile = /\.(layerlab|json)$/i;
/** File → Open: a project, a lab package or a submission. */
const documentFile = /\.(layerlab|layerlab-pack|layerlab-submission|json)$/i;

/** The purposes that end in choosing one file to open. */
const opensFile = (purpose: ChooserRequest['purpose']): boolean =>
  purpose === 'open-project' || purpose === 'open-document';

function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** Drawn, not emoji: emoji fonts are often missing (e.g. on Linux classroom machines). */
function EntryIcon({ kind }: { kind: Entry['kind'] }) {
  return (
    <svg
      className="file-chooser-icon"
      data-kind={kind}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
    >
      {kind === 'dir' ? (
        <path
          d="M1.5 3.5h5l1.5 1.5h6.5v8h-13z"
          fill="currentColor"
          fillOpacity="0.25"
          stroke="currentColor"
          strokeWidth="1"
        />
      ) : (
        <path
          d="M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1"
        />
      )}
    </svg>
  );
}

function isSelectable(purpose: ChooserRequest['purpose'], entry: Entry): boolean {
  if (entry.kind === 'dir') return true;
  if (purpose === 'open-document') return documentFile.test(entry.name);
  return (purpose === 'open-project' || purpose === 'save-project') && projectFile.test(entry.name);
}

/**
 * The in-app file chooser of browser mode (a browser has no native folder
 * dialog): lists folders through the host's browse endpoint. Keyboard: arrows
 * move, Enter opens a folder or chooses a file, Backspace goes up, Escape cancels.
 */
export function FileChooserDialog({
  request,
  browse,
  createFolder,
  startFolder,
  onClose,
}: FileChooserDialogProps) {
  const { t } = useTranslation('host');
  const titleId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [folder, setFolder] = useState<string | undefined>(startFolder);
  const [listing, setListing] = useState<BrowseListing | null>(null);
  const [error, setError] = useState<HostError | null>(null);
  const [selected, setSelected] = useState(-1);
  const [pathInput, setPathInput] = useState('');
  const [fileName, setFileName] = useState(request.suggestedName ?? '');
  const [naming, setNaming] = useState(false);
  const purpose = request.purpose;
  const canCreate = createFolder !== null && createFolder !== undefined && !opensFile(purpose);

  useEffect(() => {
    let live = true;
    void browse(folder).then((result) => {
      if (!live) return;
      if (result.ok) {
        setListing(result.value);
        setPathInput(result.value.path);
        setError(null);
      } else {
        setError(result.error);
      }
      setSelected(-1);
    });
    return () => {
      live = false;
    };
  }, [browse, folder]);

  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    (listRef.current ?? dialogRef.current)?.focus();
  }, [listing]);

  // Escape cancels wherever focus is (the dialog may open while focus is still on the page).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      // In the "New folder" field, Escape closes that field only (it handles the key itself).
      if (event.target instanceof Element && event.target.closest('[data-new-folder]')) return;
      event.stopPropagation();
      event.preventDefault();
      onClose(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const entries = useMemo(() => listing?.entries ?? [], [listing]);
  const chosenEntry = selected >= 0 ? entries[selected] : undefined;

  const answer = useMemo((): string | null => {
    if (!listing) return null;
    if (opensFile(purpose))
      return chosenEntry?.kind === 'file' && isSelectable(purpose, chosenEntry)
        ? joinPath(listing.path, chosenEntry.name)
        : null;
    if (purpose === 'save-project')
      return fileName.trim() === '' ? null : joinPath(listing.path, fileName.trim());
    return chosenEntry?.kind === 'dir' ? joinPath(listing.path, chosenEntry.name) : listing.path;
  }, [listing, purpose, chosenEntry, fileName]);

  const confirmLabel = useMemo(() => {
    if (opensFile(purpose)) return t('chooser.confirm.open');
    if (purpose === 'save-project') return t('chooser.confirm.save');
    const name =
      chosenEntry?.kind === 'dir'
        ? chosenEntry.name
        : (listing?.path.split(/[\\/]/).filter(Boolean).pop() ?? '/');
    return t('chooser.confirm.folder', { name });
  }, [purpose, chosenEntry, listing, t]);

  const openEntry = useCallback(
    (entry: Entry) => {
      if (!listing) return;
      if (entry.kind === 'dir') setFolder(joinPath(listing.path, entry.name));
      else if (opensFile(purpose) && isSelectable(purpose, entry))
        onClose(joinPath(listing.path, entry.name));
      else if (purpose === 'save-project' && isSelectable(purpose, entry)) setFileName(entry.name);
    },
    [listing, purpose, onClose],
  );

  const select = (index: number): void => {
    setSelected(index);
    const entry = entries[index];
    if (
      entry &&
      purpose === 'save-project' &&
      entry.kind === 'file' &&
      isSelectable(purpose, entry)
    )
      setFileName(entry.name);
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      select(Math.max(0, Math.min(entries.length - 1, selected + step)));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select(event.key === 'Home' ? 0 : entries.length - 1);
    } else if (event.key === 'Enter' && chosenEntry) {
      event.preventDefault();
      openEntry(chosenEntry);
    } else if (event.key === 'Backspace' && listing?.parent) {
      event.preventDefault();
      setFolder(listing.parent);
    }
  };

  return (
    <div className="file-chooser-backdrop" data-testid="file-chooser-backdrop">
      <div
        className="file-chooser"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="file-chooser"
        data-purpose={purpose}
        data-state={listing ? 'ready' : error ? 'error' : 'loading'}
        data-path={listing?.path ?? ''}
        ref={dialogRef}
        tabIndex={-1}
      >
        <h2 id={titleId}>{t(`chooser.title.${purpose}`)}</h2>
        <form
          className="file-chooser-bar"
          onSubmit={(event) => {
            event.preventDefault();
            setFolder(pathInput.trim());
          }}
        >
          <button
            type="button"
            disabled={!listing?.parent}
            onClick={() => listing?.parent && setFolder(listing.parent)}
            data-testid="file-chooser-up"
          >
            {t('chooser.up')}
          </button>
          <input
            aria-label={t('chooser.path')}
            value={pathInput}
            onChange={(event) => setPathInput(event.target.value)}
            data-testid="file-chooser-path"
            spellCheck={false}
          />
          <button type="submit">{t('chooser.go')}</button>
          {canCreate ? (
            <button
              type="button"
              disabled={!listing || naming}
              onClick={() => setNaming(true)}
              data-testid="file-chooser-new-folder"
            >
              {t('chooser.newFolder.action')}
            </button>
          ) : null}
        </form>
        {naming && listing && createFolder ? (
          <NewFolderForm
            parent={listing.path}
            createFolder={createFolder}
            onCreated={(created) => {
              setNaming(false);
              setFolder(created);
            }}
            onCancel={() => setNaming(false)}
          />
        ) : null}
        <div className="file-chooser-body">
          <nav className="file-chooser-places" aria-label={t('chooser.places.label')}>
            {(listing?.places ?? []).map((place) => (
              <button
                key={place.id}
                type="button"
                onClick={() => setFolder(place.path)}
                data-testid={`file-chooser-place-${place.id}`}
              >
                {t(`chooser.places.${place.id}`)}
              </button>
            ))}
          </nav>
          {error ? (
            <p className="file-chooser-message" data-kind="error" role="alert">
              {t(`errors.${error.code}`)} {error.subject ? `(${error.subject})` : ''}
            </p>
          ) : !listing ? (
            <p className="file-chooser-message">{t('chooser.loading')}</p>
          ) : entries.length === 0 ? (
            <p className="file-chooser-message">{t('chooser.empty')}</p>
          ) : (
            <ul
              ref={listRef}
              className="file-chooser-list"
              role="listbox"
              tabIndex={0}
              aria-label={listing.path}
              aria-activedescendant={selected >= 0 ? `${titleId}-${selected}` : undefined}
              onKeyDown={onListKey}
            >
              {entries.map((entry, index) => (
                <li
                  key={`${entry.kind}:${entry.name}`}
                  id={`${titleId}-${index}`}
                  role="option"
                  aria-selected={index === selected}
                  data-kind={entry.kind}
                  data-name={entry.name}
                  data-selectable={isSelectable(purpose, entry)}
                  data-testid="file-chooser-entry"
                  onClick={() => select(index)}
                  onDoubleClick={() => openEntry(entry)}
                >
                  <EntryIcon kind={entry.kind} />
                  {entry.name}
                </li>
              ))}
            </ul>
          )}
        </div>
        {listing?.truncated ? (
          <p className="file-chooser-message">{t('chooser.truncated')}</p>
        ) : null}
        <div className="file-chooser-footer">
          {purpose === 'save-project' ? (
            <label>
              {t('chooser.fileName')}
              <input
                value={fileName}
                onChange={(event) => setFileName(event.target.value)}
                data-testid="file-chooser-filename"
                spellCheck={false}
              />
            </label>
          ) : (
            <span className="file-chooser-spacer">{t(`chooser.hint.${purpose}`)}</span>
          )}
          <button type="button" onClick={() => onClose(null)} data-testid="file-chooser-cancel">
            {t('chooser.cancel')}
          </button>
          <button
            type="button"
            data-primary="true"
            disabled={answer === null}
            onClick={() => answer !== null && onClose(answer)}
            data-testid="file-chooser-confirm"
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
