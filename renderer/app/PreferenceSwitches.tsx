import { useTranslation } from 'react-i18next';

import { changeLanguage, currentLanguage } from '../i18n/i18n';
import { supportedLanguages, type Language } from '../i18n/resources';
import { setPresentation, usePresentationStore } from './presentation';
import { setThemePreference, useThemeStore, type ThemePreference } from './theme';

const themeOptions: readonly ThemePreference[] = ['system', 'light', 'dark'];
/** Language names are written in their own language, never translated. */
const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

/** Language and theme pickers and the presentation switch (toolbar and start screen). */
export function PreferenceSwitches() {
  const { t } = useTranslation();
  const preference = useThemeStore((s) => s.preference);
  const presentation = usePresentationStore((s) => s.on);
  return (
    <div className="preference-switches">
      <label className="compact-field">
        <span className="compact-caption">{t('app:prefs.language')}</span>
        <select
          data-testid="language-select"
          title={t('app:prefs.language')}
          value={currentLanguage()}
          onChange={(e) => void changeLanguage(e.target.value as Language)}
        >
          {supportedLanguages.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {languageNames[lng]}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field">
        <span className="compact-caption">{t('app:prefs.theme')}</span>
        <select
          data-testid="theme-select"
          title={t('app:prefs.theme')}
          value={preference}
          onChange={(e) => setThemePreference(e.target.value as ThemePreference)}
        >
          {themeOptions.map((option) => (
            <option key={option} value={option}>
              {t(`app:prefs.themes.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field" title={t('app:prefs.presentationHint')}>
        <input
          type="checkbox"
          data-testid="presentation-toggle"
          checked={presentation}
          onChange={(e) => setPresentation(e.target.checked)}
        />
        <span>{t('app:prefs.presentation')}</span>
      </label>
    </div>
  );
}
