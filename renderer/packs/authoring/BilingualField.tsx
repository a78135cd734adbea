import { useTranslation } from 'react-i18next';

import type { Bilingual } from '@core';

const languages = ['zh-CN', 'en'] as const;

/**
 * One text in both UI languages, side by side labelled 中文 / English (a
 * package must carry both). `onFocus` starts an Undo run: typing is one step.
 */
export function BilingualField({
  label,
  value,
  onChange,
  onFocus,
  multiline = false,
  maxLength,
  testId,
}: {
  readonly label: string;
  readonly value: Bilingual;
  readonly onChange: (next: Bilingual) => void;
  readonly onFocus: () => void;
  readonly multiline?: boolean;
  readonly maxLength: number;
  readonly testId: string;
}) {
  const { t } = useTranslation('author');
  return (
    <fieldset className="author-bilingual">
      <legend>{label}</legend>
      {languages.map((lang) => (
        <label key={lang} className="author-lang">
          <span className="author-lang-name">{t(`language.${lang}`)}</span>
          {multiline ? (
            <textarea
              rows={3}
              maxLength={maxLength}
              data-testid={`${testId}-${lang}`}
              value={value[lang]}
              onFocus={onFocus}
              onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
            />
          ) : (
            <input
              type="text"
              maxLength={maxLength}
              data-testid={`${testId}-${lang}`}
              value={value[lang]}
              onFocus={onFocus}
              onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
            />
          )}
        </label>
      ))}
    </fieldset>
  );
}
