import type { AnswerKeyLanguage } from '@core';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useHost } from '../host/HostProvider';
import { downloadText } from './download';
import { LabModeContext } from './lab-mode';
import { savePdf } from './save-pdf';

export interface AnswerKeyExportProps {
  /** Prefix of the controls' test ids (`bp`, `rnn`). */
  readonly testIdPrefix: string;
  /** File name before `.<language>.<md|html>`. */
  readonly fileName: string;
  /** The key in a language, or null while the lab's numbers are invalid. */
  readonly markdown: (language: AnswerKeyLanguage) => string | null;
  readonly html: (language: AnswerKeyLanguage) => string | null;
}

/**
 * A lab's answer key as Markdown or HTML in a chosen language; hidden in a
 * lab package's student mode (lab-mode.ts).
 */
export function AnswerKeyExport({ testIdPrefix, fileName, markdown, html }: AnswerKeyExportProps) {
  const { t, i18n } = useTranslation('labs');
  const { answerKeys } = useContext(LabModeContext);
  const host = useHost();
  const [language, setLanguage] = useState<AnswerKeyLanguage>(
    i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN',
  );
  if (!answerKeys) return null;
  const save = (format: 'md' | 'html') => {
    const text = format === 'md' ? markdown(language) : html(language);
    if (text === null) return;
    const type = format === 'md' ? 'text/markdown' : 'text/html';
    downloadText(`${fileName}.${language}.${format}`, text, type);
  };
  return (
    <>
      <label className="lab-inline">
        {t('bp.keyLanguage')}
        <select
          data-testid={`${testIdPrefix}-key-language`}
          value={language}
          onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'zh-CN')}
        >
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <button
        type="button"
        className="btn"
        data-testid={`${testIdPrefix}-export-md`}
        onClick={() => save('md')}
      >
        {t('bp.exportMarkdown')}
      </button>
      <button
        type="button"
        className="btn"
        data-testid={`${testIdPrefix}-export-html`}
        onClick={() => save('html')}
      >
        {t('bp.exportHtml')}
      </button>
      <button
        type="button"
        className="btn"
        data-testid={`${testIdPrefix}-export-pdf`}
        onClick={() => {
          const text = html(language);
          if (text !== null) void savePdf(host, text, `${fileName}.${language}.html`);
        }}
      >
        {t('bp.exportPdf')}
      </button>
    </>
  );
}
