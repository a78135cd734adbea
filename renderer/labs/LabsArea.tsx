import './labs.css';

import {
  labIds,
  labSheetFileName,
  labSheetHtml,
  parseLabFile,
  serializeLabFile,
  type AnswerKeyLanguage,
  type LabFile,
  type LabId,
  type SheetMode,
} from '@core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { LabsAreaProps } from '../app/labs-slot';
import { useHost } from '../host/HostProvider';
import { createRecoveryWriter, type RecoveryWriter } from '../session/recovery-writer';

import { BackpropLab } from './backprop/BackpropLab';
import { ConvolutionLab } from './convolution/ConvolutionLab';
import { downloadText, readFileText } from './download';
import { GradientDescentLab } from './gradient-descent/GradientDescentLab';
import { GanLab } from './gan/GanLab';
import { defaultLabFile } from './lab-defaults';
import { LabModeContext } from './lab-mode';
import { ModalLayer } from './ModalLayer';
import { savePdf } from './save-pdf';
import { NeuronLab } from './neuron/NeuronLab';
import { LstmLab } from './lstm/LstmLab';
import { RnnLab } from './rnn/RnnLab';
import { WordVectorsLab } from './word-vectors/WordVectorsLab';

interface ActiveLab {
  readonly file: LabFile;
  /** Changes when a file is opened, so the lab remounts with its state. */
  readonly key: number;
  /** The recovery entry it came back from after a crash, if it did. */
  readonly recoverySessionId?: string;
}

/**
 * The Labs area of the start screen: the labs in course order with a short
 * description each. Choosing one shows it full-window with a Back button.
 */
export function LabsArea({ restored = null }: LabsAreaProps) {
  const { t, i18n } = useTranslation('labs');
  const [active, setActive] = useState<ActiveLab | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nextKey = useRef(1);

  useEffect(() => {
    if (restored === null) return;
    setError(null);
    setActive({
      file: restored.file,
      key: nextKey.current++,
      recoverySessionId: restored.sessionId,
    });
  }, [restored]);

  const open = useCallback((file: LabFile) => {
    setError(null);
    setActive({ file, key: nextKey.current++ });
  }, []);

  const openFile = useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      const read = await readFileText(file);
      if (!read.ok) {
        setError(t(`errors.${read.code}`));
        return;
      }
      const parsed = parseLabFile(read.text);
      if (!parsed.ok) {
        setError(t(`errors.${parsed.error.code}`, { path: parsed.error.path ?? '' }));
        return;
      }
      open(parsed.value);
    },
    [open, t],
  );

  return (
    <div className="labs-area" data-testid="labs-area">
      <ol className="labs-list" data-testid="labs-list">
        {labIds.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              className="lab-card"
              data-testid={`lab-card-${id}`}
              onClick={() => open(defaultLabFile(id, i18n.language))}
            >
              <span className="lab-card-title">
                {i + 1}. {t(`labs.${id}.title`)}
              </span>
              <span className="lab-card-summary">{t(`labs.${id}.summary`)}</span>
            </button>
          </li>
        ))}
      </ol>
      <label className="btn lab-open-file">
        {t('shell.openFile')}
        <input
          type="file"
          accept=".json,.lab,application/json"
          data-testid="labs-open-file"
          hidden
          onChange={(e) => void openFile(e.target.files?.[0]).finally(() => (e.target.value = ''))}
        />
      </label>
      {error && !active ? (
        <p className="lab-error" role="alert" data-testid="lab-error">
          {error}
        </p>
      ) : null}
      {active ? (
        <LabScreen
          key={active.key}
          file={active.file}
          {...(active.recoverySessionId === undefined
            ? {}
            : { recoverySessionId: active.recoverySessionId })}
          error={error}
          onBack={() => setActive(null)}
          onOpenFile={openFile}
        />
      ) : null}
    </div>
  );
}

export interface LabScreenProps {
  readonly file: LabFile;
  readonly onBack: () => void;
  /** An error to show under the header (e.g. a lab file that could not be opened). */
  readonly error?: string | null;
  /** Opens another lab file; without it the header has no Open button. */
  readonly onOpenFile?: (file: File | undefined) => Promise<void>;
  /** The recovery entry this state came back from after a crash (it is unsaved, and kept writing). */
  readonly recoverySessionId?: string;
  /** Told of every change of the lab's state (a lab package records the student's work). */
  readonly onChange?: (file: LabFile) => void;
  /** Shown beside the lab (a lab package's step page). */
  readonly aside?: ReactNode;
  /** False hides the answer-key exports (a lab package's student mode). */
  readonly answerKeys?: boolean;
  /** Lab-state fields a lab package locked: shown read-only with 🔒 in the lab. */
  readonly lockedFields?: readonly string[];
}

const noLockedFields: readonly string[] = [];

/**
 * One lab, full-window and modal (ModalLayer: the window behind is inert,
 * focus stays in the lab and returns to the opener on close): header (Back, title, save/open) and
 * instructions above the lab itself. Exported so other areas can open a lab in
 * a given state, e.g. the inspector with a trained Conv2D kernel:
 * `<LabScreen file={convolutionLabWithKernel(kernel)} onBack={close} />`.
 */
export function LabScreen({
  file,
  error = null,
  onBack,
  onOpenFile,
  recoverySessionId,
  onChange,
  aside,
  answerKeys = true,
  lockedFields = noLockedFields,
}: LabScreenProps) {
  const { t, i18n } = useTranslation('labs');
  const host = useHost();
  const latest = useRef<LabFile>(file);
  const [sheetLanguage, setSheetLanguage] = useState<AnswerKeyLanguage>(
    i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN',
  );
  const [sheetError, setSheetError] = useState<string | null>(null);
  const labMode = useMemo(() => ({ answerKeys, lockedFields }), [answerKeys, lockedFields]);
  const id: LabId = file.lab;
  const recovery = useLabRecovery(host, file, latest, recoverySessionId);

  // Back is a clean close: the lab's unsaved state is not offered again after a restart.
  const close = useCallback(() => {
    void recovery.current?.discard();
    onBack();
  }, [onBack, recovery]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && (e.target as HTMLElement | null)?.tagName !== 'INPUT') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  const changed = (next: LabFile): void => {
    latest.current = next;
    recovery.current?.changed();
    onChange?.(next);
  };

  const save = () => {
    downloadText(`${id}.layerlab-lab.json`, serializeLabFile(latest.current), 'application/json');
    void recovery.current?.discard();
  };

  // The lab as it is now, as a printable answer key or blank worksheet (core writes the page), HTML or PDF.
  const saveSheet = (mode: SheetMode, format: 'html' | 'pdf' = 'html') => {
    const sheet = labSheetHtml(latest.current, sheetLanguage, mode);
    if (!sheet.ok) {
      setSheetError(
        t(`errors.${sheet.error.code}`, {
          position: (sheet.error.position ?? 0) + 1,
          defaultValue: t('errors.sheet-failed'),
        }),
      );
      return;
    }
    setSheetError(null);
    const fileName = labSheetFileName(id, sheetLanguage, mode);
    if (format === 'pdf') void savePdf(host, sheet.value, fileName);
    else downloadText(fileName, sheet.value, 'text/html');
  };

  return (
    <ModalLayer>
      <div
        className="lab-screen"
        data-testid="lab-screen"
        data-lab={id}
        role="dialog"
        aria-modal="true"
        aria-labelledby="lab-title"
      >
        <header className="lab-header">
          <button type="button" className="btn" data-testid="lab-back" onClick={close}>
            ← {t('shell.back')}
          </button>
          <h1 id="lab-title" className="lab-title">
            {t(`labs.${id}.title`)}
          </h1>
          <span className="lab-header-spacer" />
          <select
            data-testid="lab-sheet-language"
            value={sheetLanguage}
            title={t('shell.sheetLanguage')}
            aria-label={t('shell.sheetLanguage')}
            onChange={(e) => setSheetLanguage(e.target.value === 'en' ? 'en' : 'zh-CN')}
          >
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
          <button
            type="button"
            className="btn"
            data-testid="lab-worksheet"
            onClick={() => saveSheet('worksheet')}
            title={t('shell.worksheetHint')}
          >
            {t('shell.worksheet')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="lab-worksheet-pdf"
            onClick={() => saveSheet('worksheet', 'pdf')}
            title={t('shell.worksheetPdfHint')}
            aria-label={t('shell.worksheetPdfHint')}
          >
            PDF
          </button>
          {/* A lab package's student mode hides the key (lab-mode.ts). */}
          {answerKeys ? (
            <button
              type="button"
              className="btn"
              data-testid="lab-answer-key"
              onClick={() => saveSheet('key')}
              title={t('shell.answerKeyHint')}
            >
              {t('shell.answerKey')}
            </button>
          ) : null}
          {answerKeys ? (
            <button
              type="button"
              className="btn"
              data-testid="lab-answer-key-pdf"
              onClick={() => saveSheet('key', 'pdf')}
              title={t('shell.answerKeyPdfHint')}
              aria-label={t('shell.answerKeyPdfHint')}
            >
              PDF
            </button>
          ) : null}
          <button
            type="button"
            className="btn"
            data-testid="lab-save"
            onClick={save}
            title={t('shell.saveHint')}
          >
            {t('shell.save')}
          </button>
          {onOpenFile ? (
            <label className="btn">
              {t('shell.openFile')}
              <input
                type="file"
                accept=".json,.lab,application/json"
                data-testid="lab-open-file"
                hidden
                onChange={(e) =>
                  void onOpenFile(e.target.files?.[0]).finally(() => (e.target.value = ''))
                }
              />
            </label>
          ) : null}
        </header>
        {(error ?? sheetError) ? (
          <p className="lab-error" role="alert" data-testid="lab-error">
            {error ?? sheetError}
          </p>
        ) : null}
        <details className="lab-instructions" open>
          <summary>{t('shell.instructions')}</summary>
          <p>{t(`labs.${id}.instructions`)}</p>
        </details>
        {aside ? <div className="lab-aside">{aside}</div> : null}
        <LabModeContext.Provider value={labMode}>
          <div className="lab-body">
            {file.lab === 'neuron' ? (
              <NeuronLab
                initial={file.state}
                onChange={(state) => changed({ lab: 'neuron', state })}
              />
            ) : null}
            {file.lab === 'gradient-descent' ? (
              <GradientDescentLab
                initial={file.state}
                onChange={(state) => changed({ lab: 'gradient-descent', state })}
              />
            ) : null}
            {file.lab === 'backprop' ? (
              <BackpropLab
                initial={file.state}
                onChange={(state) => changed({ lab: 'backprop', state })}
              />
            ) : null}
            {file.lab === 'convolution' ? (
              <ConvolutionLab
                initial={file.state}
                onChange={(state) => changed({ lab: 'convolution', state })}
              />
            ) : null}
            {file.lab === 'rnn' ? (
              <RnnLab initial={file.state} onChange={(state) => changed({ lab: 'rnn', state })} />
            ) : null}
            {file.lab === 'lstm' ? (
              <LstmLab initial={file.state} onChange={(state) => changed({ lab: 'lstm', state })} />
            ) : null}
            {file.lab === 'word-vectors' ? (
              <WordVectorsLab
                initial={file.state}
                onChange={(state) => changed({ lab: 'word-vectors', state })}
              />
            ) : null}
            {file.lab === 'gan' ? (
              <GanLab initial={file.state} onChange={(state) => changed({ lab: 'gan', state })} />
            ) : null}
          </div>
        </LabModeContext.Provider>
      </div>
    </ModalLayer>
  );
}

/**
 * The lab's recovery writer (hot exit): its state goes to the host's recovery
 * store within a second of a change, once it differs from how the lab opened
 * (a restored state is unsaved from the start). One writer per mounted lab.
 */
function useLabRecovery(
  host: ReturnType<typeof useHost>,
  file: LabFile,
  latest: { readonly current: LabFile },
  recoverySessionId: string | undefined,
): { readonly current: RecoveryWriter | null } {
  const writer = useRef<RecoveryWriter | null>(null);
  useEffect(() => {
    const opened = serializeLabFile(file);
    const created = createRecoveryWriter({
      host,
      kind: 'lab',
      ...(recoverySessionId === undefined ? {} : { sessionId: recoverySessionId }),
      snapshot: () => {
        const contents = serializeLabFile(latest.current);
        if (recoverySessionId === undefined && contents === opened) return null;
        return { title: latest.current.lab, file: null, contents };
      },
    });
    writer.current = created;
    if (recoverySessionId !== undefined) created.changed();
    return () => {
      created.dispose();
      writer.current = null;
    };
  }, [host, file, latest, recoverySessionId]);
  return writer;
}

export default LabsArea;
